// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Internal to src/text/: the Unicode primitives shared by fold(), tokenize() and
// detect_language(). Not part of the module's contract; other modules include text/text.h only.

#include <string>
#include <string_view>

namespace vigie::text::detail {

// Appends fold(utf8) to `out` (see text.h for what folding means). ASCII bytes are lower-cased
// in place, two-byte UTF-8 code points go through a table precomputed with ICU, and only runs
// holding anything else (combining marks, CJK, presentation forms...) pay for ICU normalisation.
void fold_append(std::string_view utf8, std::string& out);

// True for the code points that make up words: letters, marks, decimal digits, letter numbers
// and in-word format characters (soft hyphen, joiners). Apostrophes, hyphens, other
// punctuation, symbols, spaces and U+FFFD separate words.
bool is_word_code_point(char32_t c);

// True for scripts written without spaces between words (Han, Kana, Hangul, Thai, Lao, Khmer,
// Myanmar, full-width forms): their words come from ICU's dictionary-based break iterator.
bool needs_dictionary_segmentation(char32_t c);

// `utf8` with every ill-formed sequence replaced by U+FFFD (one per maximal subpart, as ICU
// does). Returns the input unchanged when it is already valid.
std::string to_valid_utf8(std::string_view utf8);

}  // namespace vigie::text::detail
