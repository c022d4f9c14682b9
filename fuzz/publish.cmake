# SPDX-License-Identifier: AGPL-3.0-or-later
# Seeds: tests/fixtures/fuzz/tokens (tokens as links carry them).
vigie_fuzzer(fuzz_tokens SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tokens_fuzz.cpp DEPS vigie_publish)
