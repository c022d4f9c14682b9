// SPDX-License-Identifier: AGPL-3.0-or-later
// stem(): Snowball stemmers from Debian's libstemmer. Stemmers are stateful (they own their
// result buffer), so each thread keeps its own, created on first use, with a memo of stems.

#include <algorithm>
#include <array>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <libstemmer.h>

#include "core/prefetch.h"
#include "text/term_hash.h"
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
// thread remembers the stems it computed. Snowball costs about 150 ns a word. The memo is a
// flat table (open addressing, linear probing; a slot holds the hash's high bits and the offset
// of a record in one arena: key length, stem length, key, stem), so a hit costs one slot and
// one record. A node-based map cost two or three cache misses a lookup and was, in the
// percolation benchmark, a fifth of all CPU time. Bounded: when full, the memo is dropped
// (cheap, and the hot terms come back at once).
class StemMemo {
 public:
  static constexpr std::size_t kMaxEntries = 16 * 1024;
  static constexpr std::size_t kMaxTermBytes = 128;

  // The memoised stem of `key` (of hash `h`), valid until the next insert().
  std::optional<std::string_view> find(std::string_view key, std::uint64_t h) const {
    if (slots_.empty()) {
      return std::nullopt;
    }
    for (std::size_t i = h & kMask; slots_[i].record != kEmpty; i = (i + 1) & kMask) {
      if (slots_[i].tag == tag(h)) {
        const Record r = record_at(slots_[i].record);
        if (same_term(r.key, key)) {
          return r.stem;
        }
      }
    }
    return std::nullopt;
  }

  // Starts loading the slot of a key of hash `h`, for a lookup a little later.
  void prefetch(std::uint64_t h) const {
    if (!slots_.empty()) {
      core::prefetch(&slots_[h & kMask]);
    }
  }

  void insert(std::string_view key, std::uint64_t h, std::string_view stem) {
    // Longer terms are rare (tokenize() drops words past 128 bytes) and not worth a place:
    // skipping them also bounds the arena (16k records of at most 260 bytes).
    if (key.size() > kMaxTermBytes || stem.size() > kMaxTermBytes) {
      return;
    }
    if (slots_.empty() || count_ >= kMaxEntries) {
      slots_.assign(kSlots, Slot{});
      arena_.clear();
      count_ = 0;
    }
    std::size_t i = h & kMask;
    while (slots_[i].record != kEmpty) {
      i = (i + 1) & kMask;
    }
    const auto offset = static_cast<std::uint32_t>(arena_.size());
    const std::array<std::uint16_t, 2> lengths = {static_cast<std::uint16_t>(key.size()),
                                                  static_cast<std::uint16_t>(stem.size())};
    arena_.append(reinterpret_cast<const char*>(lengths.data()), sizeof lengths);
    arena_.append(key);
    arena_.append(stem);
    slots_[i] = {tag(h), offset};
    ++count_;
  }

 private:
  struct Slot {
    std::uint32_t tag = 0;
    std::uint32_t record = kEmpty;
  };
  struct Record {
    std::string_view key;
    std::string_view stem;
  };
  static constexpr std::uint32_t kEmpty = UINT32_MAX;
  static constexpr std::size_t kSlots = 2 * kMaxEntries;  // at most half full
  static constexpr std::size_t kMask = kSlots - 1;
  static_assert((kSlots & kMask) == 0);

  static std::uint32_t tag(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32); }
  Record record_at(std::uint32_t offset) const {
    std::array<std::uint16_t, 2> lengths{};
    std::memcpy(lengths.data(), arena_.data() + offset, sizeof lengths);
    const char* key = arena_.data() + offset + sizeof lengths;
    return {{key, lengths[0]}, {key + lengths[0], lengths[1]}};
  }

  std::vector<Slot> slots_;
  std::string arena_;
  std::size_t count_ = 0;
};

struct LanguageStemmer {
  std::string code;
  StemmerPtr stemmer;
  StemMemo memo;

  std::string stem(std::string_view folded_term) {
    return stem(folded_term, term_hash(folded_term));
  }
  // `h`: term_hash(folded_term).
  std::string stem(std::string_view folded_term, std::uint64_t h) {
    if (const auto hit = memo.find(folded_term, h)) {
      return std::string(*hit);
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
    memo.insert(folded_term, h, result);
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

ThreadStemmers& thread_stemmers() {
  thread_local ThreadStemmers stemmers;
  return stemmers;
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
  LanguageStemmer* stemmer = thread_stemmers().find(lang);
  return stemmer == nullptr ? std::string(folded_term) : stemmer->stem(folded_term);
}

std::vector<std::string> stem_all(std::span<const Token> tokens, std::string_view lang) {
  std::vector<std::string> out;
  LanguageStemmer* stemmer = thread_stemmers().find(lang);
  out.reserve(tokens.size());
  if (stemmer == nullptr) {
    for (const auto& t : tokens) {
      out.push_back(t.term);
    }
    return out;
  }
  // Memo lookups miss the cache on a large vocabulary: the slots of the next few tokens are
  // loaded while the current one is stemmed.
  constexpr std::size_t kAhead = 4;
  std::array<std::uint64_t, kAhead> hashes{};
  const auto start = [&](std::size_t i) {
    if (i < tokens.size()) {
      hashes[i % kAhead] = term_hash(tokens[i].term);
      stemmer->memo.prefetch(hashes[i % kAhead]);
    }
  };
  for (std::size_t i = 0; i < kAhead; ++i) {
    start(i);
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string& term = tokens[i].term;
    const std::uint64_t h = hashes[i % kAhead];
    start(i + kAhead);
    out.push_back(term.empty() || term.size() > static_cast<std::size_t>(INT_MAX)
                      ? term
                      : stemmer->stem(term, h));
  }
  return out;
}

}  // namespace vigie::text
