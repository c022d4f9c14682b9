# SPDX-License-Identifier: AGPL-3.0-or-later
vigie_fuzzer(fuzz_opml_parser SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/opml_parser_fuzz.cpp DEPS vigie_ingest_opml)
