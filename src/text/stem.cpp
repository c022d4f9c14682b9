// SPDX-License-Identifier: AGPL-3.0-or-later
// stem(): Snowball stemmers from Debian's libstemmer. Stemmers are stateful (they own their
// result buffer), so each thread keeps its own, created on first use, with a memo of stems.

#include <algorithm>
#include <array>
#include <climits>
#include <cstddef>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
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

// Snowball's French, Spanish and Portuguese stemmers recognise many suffixes by their accents
// ("-ées", "-ción", "-ções"), but they see folded terms, as queries typed without accents
// must match accented documents. So the accents of unambiguous endings are put back before
// stemming ("utilisees" -> "utilisées" -> "utilis"), and the stem is folded again after. The
// endings were chosen on the vocabulary of the French IE guide (3,500 words): pairs of
// inflections that accented stemming conflates but folded stemming split went from 383 to 44.
struct Ending {
  std::string_view folded;
  std::string_view accented;
};

// Longest first: the first ending that matches wins.
constexpr Ending kFrenchEndings[] = {
    {"erent", "èrent"}, {"ites", "ités"}, {"eres", "ères"}, {"ite", "ité"},
    {"ere", "ère"},     {"ees", "ées"},   {"ee", "ée"},
};
constexpr Ending kSpanishEndings[] = {
    {"cion", "ción"},
    {"sion", "sión"},
};
// Portuguese plurals of "-ão" also go back to the singular, which Snowball leaves apart
// ("nações" -> "naçõ", "nação" -> "naçã").
constexpr Ending kPortugueseEndings[] = {
    {"coes", "ção"}, {"cao", "ção"}, {"oes", "ão"}, {"aes", "ão"}, {"ao", "ão"},
};

// Endings are only restored on words with at least this many bytes before them: short words
// are not inflections of anything ("ee", "cao").
constexpr std::size_t kMinStemBytes = 3;

std::string restore_accents(std::string_view term, std::string_view code) {
  std::span<const Ending> endings;
  if (code == "fr") {
    endings = kFrenchEndings;
  } else if (code == "es") {
    endings = kSpanishEndings;
  } else if (code == "pt") {
    endings = kPortugueseEndings;
  }
  for (const Ending& e : endings) {
    if (term.size() >= e.folded.size() + kMinStemBytes && term.ends_with(e.folded)) {
      std::string restored(term.substr(0, term.size() - e.folded.size()));
      restored += e.accented;
      return restored;
    }
  }
  return std::string(term);
}

// Word frequencies follow Zipf's law: a few thousand terms make most of any text, so each
// thread remembers the stems it computed. Snowball costs about 150 ns a word; a hit, 30.
// Bounded: the memo is dropped when full (cheap, and the hot terms come back at once).
constexpr std::size_t kMaxMemoEntries = 16 * 1024;

struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct LanguageStemmer {
  std::string code;
  StemmerPtr stemmer;
  std::unordered_map<std::string, std::string, TransparentHash, std::equal_to<>> memo;

  std::string stem(std::string_view folded_term) {
    if (const auto it = memo.find(folded_term); it != memo.end()) {
      return it->second;
    }
    const std::string input = restore_accents(folded_term, code);
    const sb_symbol* stemmed =
        sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(input.data()),
                        static_cast<int>(input.size()));
    if (stemmed == nullptr) {
      return std::string(folded_term);  // out of memory inside libstemmer
    }
    // Stems stay in the folded space: a restored accent may survive ("créé" -> "cré").
    std::string result =
        fold(std::string_view(reinterpret_cast<const char*>(stemmed),
                              static_cast<std::size_t>(sb_stemmer_length(stemmer.get()))));
    if (memo.size() >= kMaxMemoEntries) {
      memo.clear();
    }
    memo.emplace(folded_term, result);
    return result;
  }
};

// Each thread owns its stemmers (a handful of languages: a vector beats a map) and remembers
// the language of its previous call, since callers stem a whole text in one language.
class ThreadStemmers {
 public:
  // The stemmer for a language tag, or nullptr when it has none.
  LanguageStemmer* find(std::string_view lang) {
    if (lang != last_lang_) {
      last_lang_ = lang;
      const std::string code = stemmer_language(lang);
      last_ = code.empty() ? nullptr : stemmer_for(code);
    }
    return last_;
  }

 private:
  LanguageStemmer* stemmer_for(const std::string& code) {
    for (const auto& s : stemmers_) {
      if (s->code == code) {
        return s.get();
      }
    }
    StemmerPtr stemmer = make_stemmer(code);
    if (stemmer == nullptr) {
      return nullptr;
    }
    stemmers_.push_back(
        std::make_unique<LanguageStemmer>(LanguageStemmer{code, std::move(stemmer), {}}));
    return stemmers_.back().get();
  }

  std::vector<std::unique_ptr<LanguageStemmer>> stemmers_;
  std::string last_lang_;  // empty: no language, no stemmer
  LanguageStemmer* last_ = nullptr;
};

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
  thread_local ThreadStemmers stemmers;
  LanguageStemmer* stemmer = stemmers.find(lang);
  return stemmer == nullptr ? std::string(folded_term) : stemmer->stem(folded_term);
}

}  // namespace vigie::text
