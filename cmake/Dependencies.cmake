# SPDX-License-Identifier: AGPL-3.0-or-later
# Every third-party library comes from a Debian package (scripts/install-deps), found here once
# and exposed as an imported target. No downloads, nothing vendored.
find_package(PkgConfig REQUIRED)
find_package(tl-expected REQUIRED)
find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(CLI11 REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(CURL REQUIRED)
find_package(LibXml2 REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc i18n)
find_package(Xapian REQUIRED)
find_package(ZLIB REQUIRED)
find_package(OpenSSL REQUIRED)  # libcrypto: SHA-256 in text/, TLS in tests
find_package(Threads REQUIRED)

pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
pkg_check_modules(BROTLIDEC REQUIRED IMPORTED_TARGET libbrotlidec)
pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd)
# Debian splits cpp-httplib into a header and libcpp-httplib.so; the .pc file carries the
# defines the library was built with (OpenSSL, zlib, brotli), which the header must see too.
pkg_check_modules(CPP_HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

# Debian ships libstemmer and CLD2 without CMake or pkg-config files.
find_library(STEMMER_LIBRARY stemmer REQUIRED)
find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
add_library(vigie_dep_stemmer INTERFACE)
target_link_libraries(vigie_dep_stemmer INTERFACE ${STEMMER_LIBRARY})
target_include_directories(vigie_dep_stemmer SYSTEM INTERFACE ${STEMMER_INCLUDE_DIR})

find_library(CLD2_LIBRARY cld2 REQUIRED)
find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
add_library(vigie_dep_cld2 INTERFACE)
target_link_libraries(vigie_dep_cld2 INTERFACE ${CLD2_LIBRARY})
target_include_directories(vigie_dep_cld2 SYSTEM INTERFACE ${CLD2_INCLUDE_DIR})

add_library(vigie_dep_xapian INTERFACE)
target_link_libraries(vigie_dep_xapian INTERFACE ${XAPIAN_LIBRARIES})
target_include_directories(vigie_dep_xapian SYSTEM INTERFACE ${XAPIAN_INCLUDE_DIR})

if(VIGIE_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(VIGIE_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
