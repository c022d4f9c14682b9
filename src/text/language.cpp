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

// CLD2's cost is linear in the text (about 25 ns a byte) and its answer settles after a few
// hundred words, so long texts are judged on three windows: beginning, middle and end. That
// keeps the cost per item bounded (ingestion budget: 5,000 items/s) and still lets the
// majority language win over a foreign-language lead or footer.
constexpr std::size_t kWindowBytes = 512;

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

// [begin, begin + kWindowBytes) of `text`, shrunk to whole words where it cuts through one.
std::string_view window(std::string_view text, std::size_t begin) {
  std::string_view w = text.substr(begin, kWindowBytes);
  if (begin > 0) {
    const std::size_t space = w.find_first_of(" \n");
    if (space != std::string_view::npos) {
      w.remove_prefix(space + 1);
    }
  }
  if (begin + kWindowBytes < text.size()) {
    const std::size_t space = w.find_last_of(" \n");
    if (space != std::string_view::npos) {
      w = w.substr(0, space);
    }
  }
  return w;  // a window without spaces may cut a UTF-8 sequence: to_valid_utf8() mends it
}

std::string sample_for_detection(std::string_view text) {
  if (text.size() <= 3 * kWindowBytes) {
    return detail::to_valid_utf8(text);
  }
  std::string sample;
  for (const std::size_t begin :
       {std::size_t{0}, text.size() / 2 - kWindowBytes / 2, text.size() - kWindowBytes}) {
    sample += window(text, begin);
    sample += '\n';
  }
  return detail::to_valid_utf8(sample);
}

}  // namespace

std::string detect_language(std::string_view utf8, std::string_view hint) {
  const std::string hint_code = primary_subtag(hint);
  const std::string fallback = is_iso639_1(hint_code) ? hint_code : std::string("und");
  // CLD2 gives up on the whole text at the first ill-formed byte: the sample is mended.
  const std::string text = sample_for_detection(utf8);
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
