# SPDX-License-Identifier: AGPL-3.0-or-later
# vigie_embed_files(TARGET target NAMESPACE ns FILES f1 f2 ...): generates a .cpp defining
#   std::span<const vigie::EmbeddedFile> ns::embedded_files()
# with each file's base name and bytes, and adds it to `target`. Used for SQL migrations,
# message catalogs and templates, so the binary needs no data directory at run time.
function(vigie_embed_files)
  cmake_parse_arguments(E "" "TARGET;NAMESPACE" "FILES" ${ARGN})
  string(REPLACE "::" "_" stem ${E_NAMESPACE})
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded_${stem}.cpp)
  # A list cannot cross the shell as "a;b": pass it joined with "|".
  string(REPLACE ";" "|" files_arg "${E_FILES}")
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNAMESPACE=${E_NAMESPACE} "-DFILES=${files_arg}"
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedScript.cmake
    VERBATIM
    DEPENDS ${E_FILES} ${PROJECT_SOURCE_DIR}/cmake/EmbedScript.cmake
    COMMENT "Embedding files into ${E_NAMESPACE}")
  target_sources(${E_TARGET} PRIVATE ${out})
endfunction()
