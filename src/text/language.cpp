// SPDX-License-Identifier: AGPL-3.0-or-later
// detect_language(): CLD2 (Debian's libcld2), which is fast, needs no model files and knows
// the languages of Vigie's sources (French, English, Arabic, Portuguese, Spanish, Swahili,
// Hausa, Wolof...). It returns CLD2's own codes; they are mapped to ISO 639-1 here.

#include <cstddef>
#include <cstdio>  // compact_lang_det.h uses FILE without including it
#include <string>
#include <string_view>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include "text/text.h"
#include "text/unicode.h"

namespace vigie::text {
namespace {

// CLD2 samples the text anyway; beyond this the answer does not change, only the cost.
constexpr std::size_t kMaxDetectBytes = 64 * 1024;

// The primary subtag of a language tag, lower-cased ("fr-CA", "FR", "fr_ca" -> "fr").
std::string primary_subtag(std::string_view tag) {
  std::string code;
  for (const char c : tag.substr(0, tag.find_first_of("-_"))) {
    code.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
  }
  return code;
}

bool is_iso639_1(std::string_view code) {
  return code.size() == 2 && code[0] >= 'a' && code[0] <= 'z' && code[1] >= 'a' && code[1] <= 'z';
}

// CLD2 names a few languages by withdrawn or Google-specific codes.
std::string to_iso639_1(CLD2::Language language) {
  std::string code = primary_subtag(CLD2::LanguageCode(language));  // "zh-Hant" -> "zh"
  if (code == "iw") {
    return "he";
  }
  if (code == "jw") {
    return "jv";
  }
  if (code == "in") {
    return "id";
  }
  return is_iso639_1(code) ? code : std::string();
}

// Cuts at most `max` bytes without splitting a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view text, std::size_t max) {
  if (text.size() <= max) {
    return text;
  }
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;
  }
  return text.substr(0, end);
}

}  // namespace

std::string detect_language(std::string_view utf8, std::string_view hint) {
  const std::string hint_code = primary_subtag(hint);
  const std::string fallback = is_iso639_1(hint_code) ? hint_code : std::string("und");
  // CLD2 gives up on the whole text at the first ill-formed byte.
  const std::string text = detail::to_valid_utf8(utf8_prefix(utf8, kMaxDetectBytes));
  if (text.empty()) {
    return fallback;
  }
  CLD2::CLDHints hints{nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  if (is_iso639_1(hint_code)) {
    hints.content_language_hint = hint_code.c_str();
    hints.language_hint = CLD2::GetLanguageFromName(hint_code.c_str());
  }
  CLD2::Language top3[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE};
  int percent3[3] = {0, 0, 0};
  double scores3[3] = {0.0, 0.0, 0.0};
  int text_bytes = 0;
  bool reliable = false;
  const CLD2::Language language = CLD2::ExtDetectLanguageSummary(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, &hints, /*flags=*/0, top3,
      percent3, scores3, /*resultchunkvector=*/nullptr, &text_bytes, &reliable);
  if (!reliable || language == CLD2::UNKNOWN_LANGUAGE) {
    return fallback;
  }
  const std::string code = to_iso639_1(language);
  return code.empty() ? fallback : code;
}

}  // namespace vigie::text
