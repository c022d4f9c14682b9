# SPDX-License-Identifier: AGPL-3.0-or-later
vigie_fuzzer(fuzz_query_parser SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/query_parser_fuzz.cpp DEPS vigie_match)
# Seeds and past findings: tests/fixtures/fuzz/percolator (query, title, text, one per line).
vigie_fuzzer(fuzz_percolator SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/percolator_fuzz.cpp DEPS vigie_match)
