// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Text processing shared by indexing, matching and clustering (DESIGN.md §6 "Text"). Pure and
// thread-safe: every function is a deterministic function of its arguments. The only state is
// per-thread caches of ICU break iterators and Snowball stemmers, and tables computed once
// and never changed; no function starts a thread or does I/O.
//
// The one rule that keeps search, the percolator and the reference evaluator in agreement:
// documents and queries go through the same tokenize(), fold() and stem() functions.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::text {

// Search folding: NFKC case folding (Unicode full case folding plus compatibility forms:
// "ﬁ" -> "fi", full-width "Ａ" -> "a", "²" -> "2", Arabic presentation forms), then accents
// removed ("Côte" -> "cote", "ÉTÉ" -> "ete", "Straße" -> "strasse", "e" + U+0301 -> "e"), and
// the letters that no decomposition reduces spelled as typed on a keyboard ("œ" -> "oe",
// "æ" -> "ae", "ø" -> "o", "ł" -> "l", "đ" -> "d"). Non-Latin letters are kept: Arabic loses
// only its optional vowel marks and tatweel ("مُحَمَّد" -> "محمد", "أ"/"إ"/"آ" -> "ا"), Hebrew
// its points; CJK, Kana voicing marks and Indic vowel signs are untouched. Everything that is
// not a letter (spaces, punctuation) is kept as is, so fold() also works on whole texts.
// Invalid UTF-8 sequences become U+FFFD, one per maximal ill-formed subpart. Idempotent.
std::string fold(std::string_view utf8);

struct Token {
  std::string term;        // fold() of the original word; never empty; not stemmed
  std::uint32_t position;  // 0-based word position in the text, for phrases and NEAR
  std::uint32_t offset;    // byte offset of the original word in the input
  std::uint32_t length;    // byte length of the original word in the input
};

// Splits text into words and folds each one (term == fold(input.substr(offset, length))).
// A word is a maximal run of letters, marks, decimal digits and in-word format characters
// (soft hyphen, joiners). Everything else separates words and is dropped, notably:
//  - apostrophes (' ’ ʼ): "l'économie" -> "l", "economie"; "aujourd'hui" -> "aujourd", "hui";
//    "don't" -> "don", "t". Elided French articles are tokens (and stop words);
//  - hyphens: "porte-parole" -> "porte", "parole" at consecutive positions; the joined form
//    is not emitted, so "e-mail" does not match "email" but a query "e-mail" (two terms at
//    consecutive positions) matches it as a phrase;
//  - the separators inside numbers: "3,5" -> "3", "5"; "1 000" -> "1", "000";
//  - invalid UTF-8 bytes.
// Chinese, Japanese, Korean, Thai, Lao, Khmer and Myanmar text is segmented with ICU's
// dictionary-based word break iterator ("中国的棉花" -> "中国", "的", "棉花"). Words longer
// than 128 bytes (base64 blobs, glued URLs) are dropped without taking a position. Text past
// 4 GiB is ignored (offsets are 32-bit).
std::vector<Token> tokenize(std::string_view utf8);

// Snowball stem of a folded term for a language tag ("fr", "en", "es", "pt", "ar", "de", "it",
// "nl" and the other stem_languages(); "fr-CI" and "FR" work too). The result is folded.
// Because terms are folded (queries are often typed without accents), the French, Spanish and
// Portuguese endings whose accents Snowball relies on are restored first ("utilisees" and
// "utilisées" both stem to "utilis"). Unknown languages and "und" return the term unchanged.
std::string stem(std::string_view folded_term, std::string_view lang);

// stem(t.term, lang) of every token, in order; faster than calling stem() in a loop.
std::vector<std::string> stem_all(std::span<const Token> tokens, std::string_view lang);

// ISO 639-1 codes of the languages with a stemmer, sorted.
const std::vector<std::string>& stem_languages();

// True for the language's common stop words, given in folded form. Lists exist for fr, en,
// es, pt, de, it and ar (other languages: always false). They include the pieces tokenize()
// makes of elisions and contractions ("l", "qu", "don", "t") and leave out words that carry
// meaning in economic news ("or", gold; "may"; "us"; "são" which folds to "sao").
bool is_stop_word(std::string_view folded_term, std::string_view lang);

// Language of a text as an ISO 639-1 code ("fr", "en", "ar", "zh"...), or "und" when CLD2
// is not confident (too little text, digits only, mixed beyond recognition). `hint` (the
// feed's declared language, may be empty, "fr-FR" style accepted) nudges CLD2 and is returned
// when CLD2 is not confident; a confident detection wins over a wrong hint. Texts longer than
// 1.5 KB are judged on three 512-byte windows (beginning, middle, end) to bound the cost.
std::string detect_language(std::string_view utf8, std::string_view hint = {});

// 64-bit SimHash over word 3-shingles of the tokens' folded terms (stop words kept): the same
// story lightly edited lands within a Hamming distance of about 3-12, unrelated texts around
// 32. Texts of one or two words are one shingle; a text without words hashes to 0. The value
// is stored: the hash (FNV-1a and a murmur3 finaliser) is fixed and must not change without a
// migration that recomputes stored fingerprints.
std::uint64_t simhash(std::string_view utf8);
// The same fingerprint from tokens already made (tokens == tokenize(utf8)): ingestion
// tokenises each item once for indexing and reuses the tokens here.
std::uint64_t simhash(const std::vector<Token>& tokens);
int hamming_distance(std::uint64_t a, std::uint64_t b);

// Lower-case hex SHA-256 of the bytes (64 characters).
std::string sha256_hex(std::string_view bytes);

}  // namespace vigie::text
