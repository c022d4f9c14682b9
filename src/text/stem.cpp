// SPDX-License-Identifier: AGPL-3.0-or-later
// stem(): Snowball stemmers from Debian's libstemmer. Stemmers are stateful (they own their
// result buffer), so each thread keeps its own, created on first use.

#include <algorithm>
#include <array>
#include <climits>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <libstemmer.h>

#include "text/text.h"

namespace vigie::text {
namespace {

// ISO 639-1 codes libstemmer may know (it accepts them as algorithm names). Which ones the
// installed library really has is asked once, at first use.
constexpr std::array<std::string_view, 28> kCandidateLanguages = {
    "ar", "ca", "da", "de", "el", "en", "es", "eu", "fi", "fr", "ga", "hi", "hu", "hy",
    "id", "it", "lt", "ne", "nl", "no", "pt", "ro", "ru", "sr", "sv", "ta", "tr", "yi"};
static_assert(std::is_sorted(kCandidateLanguages.begin(), kCandidateLanguages.end()));

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};
using StemmerPtr = std::unique_ptr<sb_stemmer, StemmerDeleter>;

StemmerPtr make_stemmer(std::string_view lang) {
  const std::string name(lang);
  return StemmerPtr(sb_stemmer_new(name.c_str(), "UTF_8"));
}

// The language code, when it names a language with a stemmer: the primary subtag, lower-cased
// ("fr-CA" and "FR" are "fr"). Empty otherwise.
std::string stemmer_language(std::string_view lang) {
  std::string code;
  for (const char c : lang.substr(0, lang.find_first_of("-_"))) {
    code.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
  }
  const auto& known = stem_languages();
  return std::binary_search(known.begin(), known.end(), code) ? code : std::string();
}

sb_stemmer* stemmer_for(const std::string& code) {
  // A handful of languages per thread: a vector beats a map.
  thread_local std::vector<std::pair<std::string, StemmerPtr>> stemmers;
  for (auto& [name, stemmer] : stemmers) {
    if (name == code) {
      return stemmer.get();
    }
  }
  stemmers.emplace_back(code, make_stemmer(code));
  return stemmers.back().second.get();
}

}  // namespace

const std::vector<std::string>& stem_languages() {
  static const std::vector<std::string> kLanguages = [] {
    std::vector<std::string> languages;
    for (const std::string_view lang : kCandidateLanguages) {
      if (make_stemmer(lang) != nullptr) {
        languages.emplace_back(lang);
      }
    }
    return languages;  // sorted, because the candidates are
  }();
  return kLanguages;
}

std::string stem(std::string_view folded_term, std::string_view lang) {
  if (folded_term.empty() || folded_term.size() > static_cast<std::size_t>(INT_MAX)) {
    return std::string(folded_term);
  }
  const std::string code = stemmer_language(lang);
  if (code.empty()) {
    return std::string(folded_term);
  }
  sb_stemmer* stemmer = stemmer_for(code);
  if (stemmer == nullptr) {
    return std::string(folded_term);
  }
  const sb_symbol* stemmed =
      sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(folded_term.data()),
                      static_cast<int>(folded_term.size()));
  if (stemmed == nullptr) {
    return std::string(folded_term);  // out of memory inside libstemmer
  }
  return std::string(reinterpret_cast<const char*>(stemmed),
                     static_cast<std::size_t>(sb_stemmer_length(stemmer)));
}

}  // namespace vigie::text
