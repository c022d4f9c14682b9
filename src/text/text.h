// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Text processing shared by indexing, matching and clustering (DESIGN.md §6 "Text"). Pure and
// thread-safe: every function is a deterministic function of its arguments (stemmers are
// created per call or per thread_local, never shared mutable state).
//
// The one rule that keeps search, the percolator and the reference evaluator in agreement:
// documents and queries go through the same fold_term() and stem() functions.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::text {

// NFC normalisation, Unicode case folding and accent folding ("Côte" -> "cote",
// "ÉTÉ" -> "ete", "Straße" -> "strasse"). Non-Latin letters are kept (Arabic, CJK).
// Invalid UTF-8 sequences are replaced by U+FFFD before folding.
std::string fold(std::string_view utf8);

struct Token {
  std::string term;        // folded (fold()), not stemmed
  std::uint32_t position;  // 0-based word position in the text, for phrases and NEAR
  std::uint32_t offset;    // byte offset of the original word in the input
  std::uint32_t length;    // byte length of the original word in the input
};

// Splits text into words (ICU word boundaries: Latin, Arabic, CJK...) and folds each one.
// Punctuation and whitespace are dropped; numbers are kept. Apostrophe elisions are split
// ("l'économie" -> "l", "economie").
std::vector<Token> tokenize(std::string_view utf8);

// Snowball stem of a folded term for an ISO 639-1 language ("fr", "en", "es", "pt", "ar", ...).
// Unknown languages return the term unchanged.
std::string stem(std::string_view folded_term, std::string_view lang);

// Languages with a stemmer, in a stable order.
const std::vector<std::string>& stem_languages();

// True for the language's common stop words (folded form).
bool is_stop_word(std::string_view folded_term, std::string_view lang);

// Language of a text as an ISO 639-1 code ("fr", "en", ...), or "und" when unreliable.
// `hint` (the feed's declared language, may be empty) breaks ties.
std::string detect_language(std::string_view utf8, std::string_view hint = {});

// 64-bit SimHash over word 3-shingles of the folded tokens (stop words kept).
std::uint64_t simhash(std::string_view utf8);
int hamming_distance(std::uint64_t a, std::uint64_t b);

// Lower-case hex SHA-256 of the bytes.
std::string sha256_hex(std::string_view bytes);

}  // namespace vigie::text
