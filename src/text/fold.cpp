// SPDX-License-Identifier: AGPL-3.0-or-later
// fold(): NFKC case folding, then accent stripping, as search engines do (this is what Lucene's
// ICUFoldingFilter does too). NFKC rather than the NFC the header promised first: it also maps
// compatibility forms that real feeds carry (ligature "ﬁ", full-width letters, Arabic
// presentation forms, superscript digits) onto the letters people type in queries.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "core/assert.h"
#include "text/text.h"
#include "text/unicode.h"
#include "text/utf8.h"

namespace vigie::text {
namespace detail {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Marks dropped after canonical decomposition. Deliberately not "every Mn": Indic vowel signs
// and viramas, and the Kana voicing marks, are parts of letters, and dropping them would merge
// unrelated words. Arabic harakat and tatweel and Hebrew points are optional in writing, so
// they are dropped for the same reason Latin accents are.
bool is_dropped_mark(UChar32 c) {
  return (c >= 0x0300 && c <= 0x036F)     // combining diacritical marks (Latin, Greek, Cyrillic)
         || (c >= 0x1AB0 && c <= 0x1AFF)  // combining diacritical marks extended
         || (c >= 0x1DC0 && c <= 0x1DFF)  // combining diacritical marks supplement
         || (c >= 0x20D0 && c <= 0x20FF)  // combining marks for symbols
         || (c >= 0xFE20 && c <= 0xFE2F)  // combining half marks
         || (c >= 0x064B && c <= 0x065F)  // Arabic harakat, shadda, sukun, hamza above/below
         || c == 0x0670                   // Arabic superscript alef
         || c == 0x0640                   // Arabic tatweel (kashida), a justification filler
         || (c >= 0x0591 && c <= 0x05C7 && c != 0x05BE && c != 0x05C0 && c != 0x05C3
             && c != 0x05C6);  // Hebrew cantillation and points, not its punctuation
}

// Letters that no Unicode decomposition reduces to a base letter, but which readers and
// keyboards treat as one: "œuvre" is typed "oeuvre", "Ørsted" is typed "Orsted". Applied to
// case-folded text, so only lower-case forms appear.
const char* ascii_replacement(UChar32 c) {
  switch (c) {
    case 0x00E6:
      return "ae";  // æ
    case 0x0153:
      return "oe";  // œ
    case 0x00F8:
      return "o";  // ø
    case 0x0111:
      return "d";  // đ
    case 0x00F0:
      return "d";  // ð
    case 0x0142:
      return "l";  // ł
    case 0x0127:
      return "h";  // ħ
    case 0x0131:
      return "i";  // dotless ı
    case 0x00FE:
      return "th";  // þ
    case 0x0138:
      return "k";  // ĸ
    default:
      return nullptr;
  }
}

struct Normalizers {
  const icu::Normalizer2* nfkc_casefold;
  const icu::Normalizer2* nfd;
  const icu::Normalizer2* nfc;
};

// ICU's normaliser instances are immutable singletons owned by ICU and safe to share across
// threads; only looking them up costs, so do it once.
const Normalizers& normalizers() {
  static const Normalizers kNormalizers = [] {
    UErrorCode status = U_ZERO_ERROR;
    Normalizers n{icu::Normalizer2::getNFKCCasefoldInstance(status),
                  icu::Normalizer2::getNFDInstance(status),
                  icu::Normalizer2::getNFCInstance(status)};
    VIGIE_CHECK(U_SUCCESS(status), "ICU normalisation data is part of libicudata");
    return n;
  }();
  return kNormalizers;
}

// The reference implementation: every other path must give the same bytes.
void fold_with_icu(std::string_view utf8, std::string& out) {
  const Normalizers& n = normalizers();
  UErrorCode status = U_ZERO_ERROR;
  // fromUTF8 replaces ill-formed sequences by U+FFFD, one per maximal subpart.
  const icu::UnicodeString input = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
  const icu::UnicodeString folded = n.nfkc_casefold->normalize(input, status);
  const icu::UnicodeString decomposed = n.nfd->normalize(folded, status);
  icu::UnicodeString kept;
  for (std::int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (is_dropped_mark(c)) {
      continue;
    }
    if (const char* ascii = ascii_replacement(c)) {
      kept.append(icu::UnicodeString(ascii, -1, icu::UnicodeString::kInvariant));
      continue;
    }
    kept.append(c);
  }
  const icu::UnicodeString composed = n.nfc->normalize(kept, status);
  VIGIE_CHECK(U_SUCCESS(status), "normalising a valid UTF-16 string cannot fail");
  composed.toUTF8String(out);
}

bool classify_word_code_point(char32_t c) {
  if (c == 0x02BC || c == 0x200B || c == 0xFEFF || c == kReplacement) {
    return false;  // apostrophe written as a modifier letter; zero-width space; BOM
  }
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_FORMAT_CHAR:
      return true;
    default:
      return false;
  }
}

// Two-byte UTF-8 code points (U+0080..U+07FF: Latin-1, Latin Extended, Greek, Cyrillic,
// Hebrew, Arabic...) hold nearly every accented letter of the languages Vigie watches. Their
// folded form is precomputed once from fold_with_icu(), so the fast path cannot disagree with
// ICU. A code point is "context free" when normalisation never combines it with a neighbour
// (ICU boundary before and after): only those may be folded one at a time.
struct TwoByteFold {
  std::array<char, 14> bytes{};
  std::uint8_t size = 0;
  bool context_free = false;
  bool word = false;  // is_word_code_point(), which tokenize() asks for every code point
};

constexpr char32_t kTwoByteFirst = 0x80;
constexpr char32_t kTwoByteEnd = 0x800;
using TwoByteTable = std::array<TwoByteFold, kTwoByteEnd - kTwoByteFirst>;

TwoByteTable build_two_byte_table() {
  TwoByteTable table{};
  const icu::Normalizer2* nfkc_cf = normalizers().nfkc_casefold;
  std::string utf8;
  std::string folded;
  for (char32_t c = kTwoByteFirst; c < kTwoByteEnd; ++c) {
    utf8.clear();
    folded.clear();
    const auto cp = static_cast<UChar32>(c);
    text::append_utf8(utf8, c);
    fold_with_icu(utf8, folded);
    TwoByteFold& entry = table[c - kTwoByteFirst];
    entry.word = classify_word_code_point(c);
    entry.context_free = nfkc_cf->hasBoundaryBefore(cp) && nfkc_cf->hasBoundaryAfter(cp)
                         && folded.size() <= entry.bytes.size();
    if (entry.context_free) {
      folded.copy(entry.bytes.data(), folded.size());
      entry.size = static_cast<std::uint8_t>(folded.size());
    }
  }
  return table;
}

// Immutable after construction (thread-safe static initialisation); not mutable global state.
const TwoByteTable& two_byte_table() {
  static const TwoByteTable kTable = build_two_byte_table();
  return kTable;
}

// Folds a run of non-ASCII bytes through the table. Returns false, leaving `out` as it was,
// when some code point needs ICU.
bool fold_run_with_table(std::string_view run, const TwoByteTable& table, std::string& out) {
  const std::size_t mark = out.size();
  const auto* s = reinterpret_cast<const std::uint8_t*>(run.data());
  const auto length = static_cast<std::int32_t>(run.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      text::append_utf8(out, kReplacement);
      continue;
    }
    if (static_cast<char32_t>(c) >= kTwoByteEnd) {
      out.resize(mark);
      return false;
    }
    const TwoByteFold& entry = table[static_cast<char32_t>(c) - kTwoByteFirst];
    if (!entry.context_free) {
      out.resize(mark);
      return false;
    }
    out.append(entry.bytes.data(), entry.size);
  }
  return true;
}

}  // namespace

void fold_append(std::string_view utf8, std::string& out) {
  const TwoByteTable& table = two_byte_table();
  const std::size_t n = utf8.size();
  std::size_t i = 0;
  while (i < n) {
    if (static_cast<unsigned char>(utf8[i]) < 0x80) {
      std::size_t j = i + 1;
      while (j < n && static_cast<unsigned char>(utf8[j]) < 0x80) {
        ++j;
      }
      const std::size_t at = out.size();
      out.append(utf8.substr(i, j - i));
      for (std::size_t k = at; k < out.size(); ++k) {
        const char c = out[k];
        if (c >= 'A' && c <= 'Z') {
          out[k] = static_cast<char>(c + ('a' - 'A'));
        }
      }
      i = j;
      continue;
    }
    // A run of non-ASCII bytes normalises independently of the ASCII around it: no ASCII
    // character composes with a following one, and a preceding ASCII letter only composes
    // with marks that folding drops anyway.
    std::size_t j = i + 1;
    while (j < n && static_cast<unsigned char>(utf8[j]) >= 0x80) {
      ++j;
    }
    const std::string_view run = utf8.substr(i, j - i);
    if (!fold_run_with_table(run, table, out)) {
      fold_with_icu(run, out);
    }
    i = j;
  }
}

bool is_word_code_point(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  if (c < kTwoByteEnd) {
    return two_byte_table()[c - kTwoByteFirst].word;
  }
  return classify_word_code_point(c);
}

bool needs_dictionary_segmentation(char32_t c) {
  return (c >= 0x0E00 && c <= 0x0EFF)        // Thai, Lao
         || (c >= 0x1000 && c <= 0x109F)     // Myanmar
         || (c >= 0x1780 && c <= 0x17FF)     // Khmer
         || (c >= 0x19E0 && c <= 0x19FF)     // Khmer symbols
         || (c >= 0x1100 && c <= 0x11FF)     // Hangul jamo
         || (c >= 0x2E80 && c <= 0xD7FF)     // CJK radicals .. Hangul syllables
         || (c >= 0xF900 && c <= 0xFAFF)     // CJK compatibility ideographs
         || (c >= 0xFF00 && c <= 0xFFEF)     // half-width and full-width forms
         || (c >= 0x1B000 && c <= 0x1B2FF)   // Kana supplement and extensions
         || (c >= 0x20000 && c <= 0x3FFFF);  // CJK extensions B and later
}

std::string to_valid_utf8(std::string_view utf8) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const auto length = static_cast<std::int32_t>(utf8.size());
  std::string out;
  std::int32_t copied = 0;  // bytes of `utf8` already in `out`, or to copy at the end
  bool changed = false;
  for (std::int32_t i = 0; i < length;) {
    const std::int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c >= 0) {
      continue;
    }
    if (!changed) {
      out.reserve(utf8.size() + 16);
      changed = true;
    }
    out.append(
        utf8.substr(static_cast<std::size_t>(copied), static_cast<std::size_t>(start - copied)));
    text::append_utf8(out, kReplacement);
    copied = i;
  }
  if (!changed) {
    return std::string(utf8);
  }
  out.append(utf8.substr(static_cast<std::size_t>(copied)));
  return out;
}

}  // namespace detail

std::string fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  detail::fold_append(utf8, out);
  return out;
}

}  // namespace vigie::text
