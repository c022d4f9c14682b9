# SPDX-License-Identifier: AGPL-3.0-or-later
# vigie_module(NAME SOURCES ... DEPS ... PRIVATE_DEPS ...): one static library per src/ module,
# named vigie_<NAME>, with the project warnings. Sources are listed explicitly (no GLOB).
function(vigie_module name)
  cmake_parse_arguments(M "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(vigie_${name} STATIC ${M_SOURCES})
  target_link_libraries(vigie_${name} PUBLIC ${M_DEPS} PRIVATE ${M_PRIVATE_DEPS})
  vigie_set_warnings(vigie_${name})
endfunction()

# vigie_unit_test(NAME SOURCES ... DEPS ... [LABELS ...]): one GoogleTest binary, discovered.
function(vigie_test name)
  cmake_parse_arguments(T "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ${T_DEPS} vigie_test_support GTest::gtest GTest::gmock GTest::gtest_main)
  vigie_set_warnings(${name})
  if(NOT T_LABELS)
    set(T_LABELS unit)
  endif()
  gtest_discover_tests(${name} PROPERTIES LABELS "${T_LABELS}" DISCOVERY_TIMEOUT 60)
endfunction()
