# SPDX-License-Identifier: AGPL-3.0-or-later
vigie_fuzzer(fuzz_html_sanitizer SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/html_sanitizer_fuzz.cpp DEPS vigie_ingest_html)
vigie_fuzzer(fuzz_html_sanitizer_fast SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/html_sanitizer_fast_fuzz.cpp DEPS vigie_ingest_html)
