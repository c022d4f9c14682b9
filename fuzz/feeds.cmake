# SPDX-License-Identifier: AGPL-3.0-or-later
# Seed corpus: tests/fixtures/feeds (tools/run-fuzzers copies the files under 64 KiB).
vigie_fuzzer(fuzz_feed_parser SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/feed_parser_fuzz.cpp DEPS vigie_ingest)
vigie_fuzzer(fuzz_feed_prepare_diff SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/feed_prepare_diff_fuzz.cpp DEPS vigie_ingest)
# Seeds: tests/fixtures/fuzz/dates_urls (a field's text, then a reference to resolve).
vigie_fuzzer(fuzz_dates_urls SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/dates_urls_fuzz.cpp DEPS vigie_ingest)
