// SPDX-License-Identifier: AGPL-3.0-or-later
#include "match/percolator.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

namespace vigie::match {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Every string the compiled queries compare (folded words, their stems, filter keys) gets a
// dense id, so a document is turned into ids once and each check is an integer comparison.
// Looking up every token of every document is the percolator's hottest loop, so the table is
// flat (open addressing, linear probing, the hash's high bits kept in the slot) over one arena
// of bytes: a lookup costs about one cache miss instead of a node chase.
class Dictionary {
 public:
  std::uint32_t intern(std::string_view s) {
    if ((count_ + 1) * 4 > slots_.size() * 3) {
      grow();
    }
    const std::uint64_t h = hash(s);
    std::size_t i = h & mask();
    for (; slots_[i].id != kNone; i = (i + 1) & mask()) {
      if (slots_[i].tag == tag(h) && text_of(slots_[i].id) == s) {
        return slots_[i].id;
      }
    }
    const auto id = static_cast<std::uint32_t>(starts_.size());
    starts_.push_back(static_cast<std::uint32_t>(arena_.size()));
    lengths_.push_back(static_cast<std::uint32_t>(s.size()));
    arena_.append(s);
    slots_[i] = {tag(h), id};
    ++count_;
    return id;
  }
  std::uint32_t find(std::string_view s) const {
    if (count_ == 0) {
      return kNone;
    }
    const std::uint64_t h = hash(s);
    for (std::size_t i = h & mask(); slots_[i].id != kNone; i = (i + 1) & mask()) {
      if (slots_[i].tag == tag(h) && text_of(slots_[i].id) == s) {
        return slots_[i].id;
      }
    }
    return kNone;
  }
  std::size_t size() const { return count_; }

 private:
  struct Slot {
    std::uint32_t tag = 0;
    std::uint32_t id = kNone;
  };
  // FNV-1a over the bytes, then a final mix so both halves of the result are usable.
  static std::uint64_t hash(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : s) {
      h = (h ^ static_cast<std::uint8_t>(c)) * 0x100000001b3ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
  }
  static std::uint32_t tag(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32); }
  std::size_t mask() const { return slots_.size() - 1; }
  std::string_view text_of(std::uint32_t id) const {
    return std::string_view(arena_).substr(starts_[id], lengths_[id]);
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    for (std::uint32_t id = 0; id < starts_.size(); ++id) {
      const std::uint64_t h = hash(text_of(id));
      std::size_t i = h & mask();
      while (slots_[i].id != kNone) {
        i = (i + 1) & mask();
      }
      slots_[i] = {tag(h), id};
    }
  }

  std::vector<Slot> slots_;  // a power of two in size, at most 3/4 full
  std::string arena_;        // every interned string, back to back
  std::vector<std::uint32_t> starts_;
  std::vector<std::uint32_t> lengths_;
  std::size_t count_ = 0;
};

// Filter values live in the same dictionary under a prefix no token can have (tokens are
// letters and digits only).
std::string filter_key(FilterField f, std::string_view value) {
  const char tag = f == FilterField::Lang ? 'L' : f == FilterField::Country ? 'C' : 'T';
  std::string k = "\x01";
  k += tag;
  k += value;
  return k;
}

enum class Op : std::uint8_t { Term, Prefix, Phrase, Near, Filter, Date, And, Or, Not };

// One node of a compiled query. Leaves keep what verification needs, resolved to ids.
struct Node {
  Op op = Op::Term;
  Field field = Field::Any;
  std::uint32_t folded = kNone;    // Term; Prefix: the prefix's id (prefix_id)
  std::uint32_t stems = kNone;     // Term: offset in stem_ids_, kNone when unstemmed
  std::string prefix;              // Prefix
  std::vector<std::uint32_t> ids;  // Phrase words
  std::vector<std::string> words;  // Phrase words, as text
  std::optional<Near> near;        // Near (checked by the evaluator's own functions)
  FilterField filter = FilterField::Lang;
  std::string value;                    // Filter
  DateRange dates;                      // Date
  std::vector<std::uint32_t> children;  // And, Or, Not
  std::string label;                    // as shown in matched_terms
};

struct Rule {
  std::size_t topic = 0;            // index into topic_ids
  std::uint8_t full = 0;            // mask of the key groups a candidate must hit
  std::uint32_t root = 0;           // node index
  std::vector<std::string> only;    // applies to these languages only (empty: any)
  std::vector<std::string> except;  // ...but not to these (they have variants)
};

// A disjunction of keys: any document matching the query contains one of them.
struct KeySet {
  std::vector<std::uint32_t> ids;
  std::vector<std::string> prefixes;
  double cost = 0;  // estimated share of documents containing a key; lower is better
};

// A conjunction of key sets: a matching document contains a key of every group. A document
// is a candidate for a query only when all of the query's groups are hit, so `coton prix
// senegal` is checked on documents with all three words, not on every document with one.
// Empty: no necessary keys (the query is checked on every document).
using Groups = std::vector<KeySet>;
// Groups registered per query: each costs postings (memory, and work for every document that
// has one of its words); past the few most selective, they filter little more.
constexpr std::size_t kMaxGroups = 4;

// How common a word is likely to be: short words and stop words are common.
double word_cost(std::string_view folded) {
  static const char* kLangs[] = {"fr", "en", "es", "pt"};
  for (const char* l : kLangs) {
    if (text::is_stop_word(folded, l)) {
      return 1.0;
    }
  }
  return 4.0 / (4.0 + static_cast<double>(folded.size()));
}

std::string quote(const std::vector<std::string>& words) {
  std::string s = "\"";
  for (std::size_t i = 0; i < words.size(); ++i) {
    s += (i ? " " : "") + words[i];
  }
  return s + "\"";
}

std::string operand_label(const NearOperand& o) {
  if (const auto* t = std::get_if<Term>(&o)) {
    return t->term;
  }
  if (const auto* p = std::get_if<Prefix>(&o)) {
    return p->prefix + "*";
  }
  return quote(std::get<Phrase>(o).terms);
}

// A document field turned into dictionary ids: (id, position) pairs sorted, for words and for
// stems. Tokens the dictionary does not know can match no query word and are left out.
struct FieldView {
  const FieldTokens* tokens = nullptr;
  std::uint8_t folded_bit = 0;  // this field's bits in the per-document presence flags
  std::uint8_t stem_bit = 0;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> folded;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> stems;
  bool stemmed = false;

  static std::size_t count(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& v,
                           std::uint32_t id) {
    auto lo = std::lower_bound(v.begin(), v.end(), std::make_pair(id, std::uint32_t{0}));
    auto hi = std::lower_bound(lo, v.end(), std::make_pair(id + 1, std::uint32_t{0}));
    return static_cast<std::size_t>(hi - lo);
  }
  static bool has(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& v, std::uint32_t id) {
    auto it = std::lower_bound(v.begin(), v.end(), std::make_pair(id, std::uint32_t{0}));
    return it != v.end() && it->first == id;
  }
  bool has_at(std::uint32_t id, std::uint32_t position) const {
    return std::binary_search(folded.begin(), folded.end(), std::make_pair(id, position));
  }
};

// Per-thread presence flags by dictionary id, reused across documents (only the entries a
// document set are cleared), so a word's presence is one load instead of a search.
struct Scratch {
  std::vector<std::uint8_t> flags;
  std::vector<std::uint32_t> touched;
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

// Clears what view() set in the scratch flags when the percolation of a document ends.
struct ScratchReset {
  ScratchReset() = default;
  ScratchReset(const ScratchReset&) = delete;
  ScratchReset& operator=(const ScratchReset&) = delete;
  ~ScratchReset() {
    Scratch& sc = scratch();
    for (std::uint32_t id : sc.touched) {
      sc.flags[id] = 0;
    }
    sc.touched.clear();
  }
};

}  // namespace

struct Percolator::Impl {
  Dictionary dict;
  std::size_t nlangs = text::stem_languages().size();
  std::vector<std::uint32_t> stem_ids;                           // per stemmed term: nlangs ids
  std::unordered_map<std::string, std::uint32_t> stems_of_term;  // folded term -> offset
  std::vector<Node> nodes;
  std::vector<Rule> rules;
  std::vector<std::int64_t> topic_ids;
  std::vector<std::int64_t> refused;
  // By dictionary id: (rule << 3 | group) of each query a key belongs to.
  std::vector<std::vector<std::uint32_t>> postings;
  // Prefix keys by their first code points (kHeadChars, or fewer for a shorter prefix): a
  // document token looks up its own head once per distinct head length, then compares.
  std::unordered_map<std::string, std::vector<std::pair<std::string, std::uint32_t>>, StringHash,
                     std::equal_to<>>
      prefix_heads;
  std::vector<std::size_t> head_chars;  // distinct head lengths in code points
  std::unordered_set<std::uint32_t> registered_prefixes;
  std::vector<std::uint32_t> always;     // rules checked on every document
  std::vector<std::uint8_t> full_masks;  // by rule: Rule::full, compact for gather()
  std::size_t key_count = 0;
  std::size_t query_count = 0;
  std::vector<std::string> refusal_reasons;  // parallel to refused

  std::uint32_t stems_for(const std::string& term) {
    auto it = stems_of_term.find(term);
    if (it != stems_of_term.end()) {
      return it->second;
    }
    const auto offset = static_cast<std::uint32_t>(stem_ids.size());
    for (const auto& lang : text::stem_languages()) {
      stem_ids.push_back(dict.intern(text::stem(term, lang)));
    }
    stems_of_term.emplace(term, offset);
    return offset;
  }

  // A prefix's dictionary id (under a mark no token has): view() flags it in every field
  // where a token starts with the prefix, so checking a prefix is one load, like a word.
  std::uint32_t prefix_id(const std::string& prefix);

  std::uint32_t add(Node n) {
    nodes.push_back(std::move(n));
    return static_cast<std::uint32_t>(nodes.size() - 1);
  }

  std::uint32_t compile(const Query& q);
  Groups keys(std::uint32_t node) const;  // best (lowest cost) group first
  void add_topic(const PercolatorTopic& topic, const PercolatorLimits& limits);

  struct DocView {
    const EvalDocument* doc = nullptr;
    const std::uint8_t* flags = nullptr;  // by dictionary id: FieldView bits present
    FieldView title, text, source, author;
    std::uint32_t lang_index = kNone;
    std::size_t length = 0;                 // words in the title and the body
    std::vector<std::uint32_t> prefix_ids;  // prefixes some token starts with, each once
  };
  DocView view(const EvalDocument& doc) const;
  std::vector<std::uint32_t> gather(const DocView& d) const;
  bool applies(const Rule& r, const std::string& lang) const;
  bool eval(std::uint32_t node, const DocView& d) const;
  double leaf_count(const Node& n, const DocView& d) const;
  void collect_hits(std::uint32_t node, bool negated, const DocView& d, PercolatorHit& hit) const;
  std::vector<std::uint32_t> matching_rules(const DocView& d) const;
};

std::uint32_t Percolator::Impl::compile(const Query& q) {
  return std::visit(
      [&](const auto& n) -> std::uint32_t {
        using T = std::decay_t<decltype(n)>;
        Node out;
        if constexpr (std::is_same_v<T, Term>) {
          out.op = Op::Term;
          out.field = n.field;
          out.folded = dict.intern(n.term);
          if (n.field == Field::Any || n.field == Field::Title) {
            out.stems = stems_for(n.term);
          }
          out.label = n.term;
        } else if constexpr (std::is_same_v<T, Prefix>) {
          out.op = Op::Prefix;
          out.field = n.field;
          out.prefix = n.prefix;
          out.folded = prefix_id(n.prefix);
          out.label = n.prefix + "*";
        } else if constexpr (std::is_same_v<T, Phrase>) {
          out.op = Op::Phrase;
          out.field = n.field;
          for (const auto& t : n.terms) {
            out.ids.push_back(dict.intern(t));
          }
          out.words = n.terms;
          out.label = n.terms.size() == 1 ? n.terms.front() : quote(n.terms);
        } else if constexpr (std::is_same_v<T, Near>) {
          out.op = Op::Near;
          out.field = field_of(n.left);
          out.near = n;
          // Keys of NEAR operands compare folded forms: intern them for the key extraction.
          for (const NearOperand* o : {&n.left, &n.right}) {
            if (const auto* t = std::get_if<Term>(o)) {
              dict.intern(t->term);
            } else if (const auto* p = std::get_if<Phrase>(o)) {
              for (const auto& w : p->terms) {
                dict.intern(w);
              }
            }
          }
          out.label = operand_label(n.left) + " NEAR/" + std::to_string(n.distance) + " "
                      + operand_label(n.right);
        } else if constexpr (std::is_same_v<T, Filter>) {
          out.op = Op::Filter;
          out.filter = n.field;
          out.value = n.value;
          dict.intern(filter_key(n.field, n.value));
        } else if constexpr (std::is_same_v<T, DateRange>) {
          out.op = Op::Date;
          out.dates = n;
        } else if constexpr (std::is_same_v<T, Not>) {
          out.op = Op::Not;
          out.children.push_back(compile(n.operand()));
        } else {
          out.op = std::is_same_v<T, And> ? Op::And : Op::Or;
          for (const auto& c : n.children) {
            out.children.push_back(compile(c));
          }
        }
        return add(std::move(out));
      },
      q.node);
}

Groups Percolator::Impl::keys(std::uint32_t index) const {
  const Node& n = nodes[index];
  // One group per distinct word of a phrase or NEAR operand (folded forms only: every word
  // must be there).
  const auto folded_groups = [&](const std::vector<std::string>& words) {
    Groups g;
    for (const auto& w : words) {
      g.push_back(KeySet{{dict.find(w)}, {}, word_cost(w)});
    }
    return g;
  };
  const auto operand_groups = [&](const NearOperand& o) {
    if (const auto* t = std::get_if<Term>(&o)) {
      return folded_groups({t->term});
    }
    if (const auto* p = std::get_if<Prefix>(&o)) {
      return Groups{KeySet{{}, {p->prefix}, 2 * word_cost(p->prefix)}};
    }
    return folded_groups(std::get<Phrase>(o).terms);
  };
  const auto best_of = [](Groups g) {
    std::stable_sort(g.begin(), g.end(),
                     [](const KeySet& a, const KeySet& b) { return a.cost < b.cost; });
    if (g.size() > kMaxGroups) {
      g.resize(kMaxGroups);
    }
    return g;
  };
  switch (n.op) {
    case Op::Term: {
      KeySet k{{n.folded}, {}, word_cost(n.label)};
      if (n.stems != kNone) {
        const auto first = stem_ids.begin() + static_cast<std::ptrdiff_t>(n.stems);
        k.ids.insert(k.ids.end(), first, first + static_cast<std::ptrdiff_t>(nlangs));
        std::sort(k.ids.begin(), k.ids.end());
        k.ids.erase(std::unique(k.ids.begin(), k.ids.end()), k.ids.end());
      }
      return {k};
    }
    case Op::Prefix:
      return {KeySet{{}, {n.prefix}, 2 * word_cost(n.prefix)}};
    case Op::Phrase:
      return best_of(folded_groups(n.words));
    case Op::Near: {
      Groups g = operand_groups(n.near->left);
      Groups r = operand_groups(n.near->right);
      g.insert(g.end(), r.begin(), r.end());
      return best_of(std::move(g));
    }
    case Op::Filter:
      // Filters are rarely selective (half the items are in French): a last resort.
      return {KeySet{{dict.find(filter_key(n.filter, n.value))}, {}, 1.5}};
    case Op::Date:
    case Op::Not:
      return {};
    case Op::And: {
      Groups all;
      for (std::uint32_t c : n.children) {
        Groups g = keys(c);
        all.insert(all.end(), g.begin(), g.end());
      }
      return best_of(std::move(all));
    }
    case Op::Or: {
      KeySet all;
      for (std::uint32_t c : n.children) {
        Groups g = keys(c);
        if (g.empty()) {
          return {};
        }
        const KeySet& k = g.front();  // keys() returns the best group first
        all.ids.insert(all.ids.end(), k.ids.begin(), k.ids.end());
        all.prefixes.insert(all.prefixes.end(), k.prefixes.begin(), k.prefixes.end());
        all.cost += k.cost;
      }
      std::sort(all.ids.begin(), all.ids.end());
      all.ids.erase(std::unique(all.ids.begin(), all.ids.end()), all.ids.end());
      std::sort(all.prefixes.begin(), all.prefixes.end());
      all.prefixes.erase(std::unique(all.prefixes.begin(), all.prefixes.end()), all.prefixes.end());
      return {all};
    }
  }
  return {};
}

namespace {

constexpr std::size_t kHeadChars = 3;

// Byte length of the first `n` code points of `s` (all of it when shorter).
std::size_t utf8_prefix_bytes(std::string_view s, std::size_t n) {
  std::size_t i = 0;
  std::size_t seen = 0;
  while (i < s.size()) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0U) != 0x80U) {
      if (seen == n) {
        return i;
      }
      ++seen;
    }
    ++i;
  }
  return s.size();
}

std::size_t utf8_length(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

std::vector<std::string> normalized_languages(const std::vector<std::string>& langs) {
  std::vector<std::string> out;
  for (const auto& l : langs) {
    out.push_back(normalize_filter_value(l));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::binary_search(v.begin(), v.end(), s);
}

}  // namespace

void Percolator::Impl::add_topic(const PercolatorTopic& topic, const PercolatorLimits& limits) {
  struct Pending {
    std::uint32_t root;
    Groups keys;
    std::vector<std::string> only;
    std::vector<std::string> except;
  };
  std::vector<Pending> pending;
  std::vector<std::string> variant_langs;
  for (const auto& [lang, query] : topic.variants) {
    const std::string l = normalize_filter_value(lang);
    const std::uint32_t root = compile(query);
    pending.push_back({root, keys(root), {l}, {}});
    variant_langs.push_back(l);
  }
  std::sort(variant_langs.begin(), variant_langs.end());
  const std::uint32_t root = compile(topic.query);
  pending.push_back({root, keys(root), normalized_languages(topic.languages), variant_langs});
  for (const auto& p : pending) {
    std::size_t ids = 0;
    std::size_t prefixes = 0;
    for (const auto& g : p.keys) {
      ids += g.ids.size();
      prefixes += g.prefixes.size();
    }
    std::string reason;
    if (ids > limits.max_keys_per_query) {
      reason =
          fmt::format("the query needs {} index keys (at most {})", ids, limits.max_keys_per_query);
    } else if (prefixes > limits.max_prefixes_per_query) {
      reason = fmt::format("the query has {} prefixes in alternatives (at most {})", prefixes,
                           limits.max_prefixes_per_query);
    }
    if (!reason.empty()) {
      refused.push_back(topic.id);
      refusal_reasons.push_back(std::move(reason));
      return;
    }
  }
  const std::size_t t = topic_ids.size();
  topic_ids.push_back(topic.id);
  for (auto& p : pending) {
    const auto rule = static_cast<std::uint32_t>(rules.size());
    const auto full = static_cast<std::uint8_t>((1U << p.keys.size()) - 1U);
    rules.push_back({t, full, p.root, std::move(p.only), std::move(p.except)});
    full_masks.push_back(full);
    ++query_count;
    if (p.keys.empty()) {
      always.push_back(rule);
      continue;
    }
    for (std::uint32_t g = 0; g < p.keys.size(); ++g) {
      const std::uint32_t entry = rule << 3U | g;
      for (std::uint32_t id : p.keys[g].ids) {
        if (postings.size() <= id) {
          postings.resize(id + 1);
        }
        postings[id].push_back(entry);
        ++key_count;
      }
      for (const auto& prefix : p.keys[g].prefixes) {
        const std::uint32_t id = prefix_id(prefix);
        if (postings.size() <= id) {
          postings.resize(id + 1);
        }
        postings[id].push_back(entry);
        ++key_count;
      }
    }
  }
}

std::uint32_t Percolator::Impl::prefix_id(const std::string& prefix) {
  const std::uint32_t id = dict.intern("\x02" + prefix);
  if (registered_prefixes.insert(id).second) {
    const std::size_t chars = std::min(kHeadChars, utf8_length(prefix));
    const std::string head = prefix.substr(0, utf8_prefix_bytes(prefix, chars));
    prefix_heads[head].emplace_back(prefix, id);
    if (std::find(head_chars.begin(), head_chars.end(), chars) == head_chars.end()) {
      head_chars.push_back(chars);
    }
  }
  return id;
}

Percolator::Impl::DocView Percolator::Impl::view(const EvalDocument& doc) const {
  DocView d;
  d.doc = &doc;
  const auto& langs = text::stem_languages();
  auto it = std::lower_bound(langs.begin(), langs.end(), doc.lang());
  if (it != langs.end() && *it == doc.lang()) {
    d.lang_index = static_cast<std::uint32_t>(it - langs.begin());
  }
  Scratch& sc = scratch();
  if (sc.flags.size() < dict.size()) {
    sc.flags.resize(dict.size(), 0);
  }
  d.flags = sc.flags.data();
  const auto flag = [&](std::uint32_t id, std::uint8_t bit) {
    if (sc.flags[id] == 0) {
      sc.touched.push_back(id);
    }
    sc.flags[id] = static_cast<std::uint8_t>(sc.flags[id] | bit);
  };
  const auto fill = [&](FieldView& v, const FieldTokens& f, std::uint8_t folded_bit,
                        std::uint8_t stem_bit) {
    v.tokens = &f;
    v.folded_bit = folded_bit;
    v.stem_bit = stem_bit;
    v.stemmed = !f.stems.empty();
    v.folded.reserve(f.tokens.size());
    for (std::size_t i = 0; i < f.tokens.size(); ++i) {
      const std::uint32_t id = dict.find(f.tokens[i].term);
      if (id != kNone) {
        v.folded.emplace_back(id, f.tokens[i].position);
        flag(id, folded_bit);
      }
      if (v.stemmed) {
        const std::uint32_t sid = f.stems[i] == f.tokens[i].term ? id : dict.find(f.stems[i]);
        if (sid != kNone) {
          v.stems.emplace_back(sid, f.tokens[i].position);
          flag(sid, stem_bit);
        }
      }
    }
    std::sort(v.folded.begin(), v.folded.end());
    std::sort(v.stems.begin(), v.stems.end());
  };
  fill(d.title, doc.title(), 1, 16);
  fill(d.text, doc.text(), 2, 32);
  fill(d.source, doc.source(), 4, 0);
  fill(d.author, doc.author(), 8, 0);
  // Prefixes: each token looks up its own head once per distinct head length, then compares
  // with the prefixes filed under it.
  if (!prefix_heads.empty()) {
    for (const FieldView* f : {&d.title, &d.text, &d.source, &d.author}) {
      for (const auto& tok : f->tokens->tokens) {
        const std::string_view term = tok.term;
        for (std::size_t chars : head_chars) {
          const std::size_t bytes = utf8_prefix_bytes(term, chars);
          if (bytes == term.size() && utf8_length(term) < chars) {
            continue;
          }
          auto heads = prefix_heads.find(term.substr(0, bytes));
          if (heads == prefix_heads.end()) {
            continue;
          }
          for (const auto& [prefix, id] : heads->second) {
            if (term.starts_with(prefix)) {
              if (sc.flags[id] == 0) {
                d.prefix_ids.push_back(id);
              }
              flag(id, f->folded_bit);
            }
          }
        }
      }
    }
  }
  d.length = doc.title().tokens.size() + doc.text().tokens.size();
  return d;
}

std::vector<std::uint32_t> Percolator::Impl::gather(const DocView& d) const {
  std::vector<std::uint32_t> out;
  std::vector<std::uint8_t> hit(rules.size(), 0);
  // A rule becomes a candidate when the last of its groups is hit (masks only gain bits).
  const auto mark = [&](std::uint32_t entry) {
    const std::uint32_t r = entry >> 3U;
    const auto bit = static_cast<std::uint8_t>(1U << (entry & 7U));
    if ((hit[r] & bit) != 0) {
      return;
    }
    hit[r] = static_cast<std::uint8_t>(hit[r] | bit);
    if (hit[r] == full_masks[r]) {
      out.push_back(r);
    }
  };
  const auto take = [&](std::uint32_t id) {
    if (id < postings.size()) {
      for (std::uint32_t entry : postings[id]) {
        mark(entry);
      }
    }
  };
  // Each distinct id once, whatever the fields and whether a word or a stem.
  std::vector<std::uint32_t> ids;
  for (const FieldView* f : {&d.title, &d.text, &d.source, &d.author}) {
    for (const auto& v : {&f->folded, &f->stems}) {
      for (std::size_t i = 0; i < v->size(); ++i) {
        if (i == 0 || (*v)[i].first != (*v)[i - 1].first) {
          ids.push_back((*v)[i].first);
        }
      }
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (std::uint32_t id : ids) {
    take(id);
  }
  for (std::uint32_t id : d.prefix_ids) {
    take(id);
  }
  take(dict.find(filter_key(FilterField::Lang, d.doc->lang())));
  take(dict.find(filter_key(FilterField::Country, d.doc->country())));
  for (const auto& tag : d.doc->tags()) {
    take(dict.find(filter_key(FilterField::Tag, tag)));
  }
  out.insert(out.end(), always.begin(), always.end());
  return out;
}

bool Percolator::Impl::applies(const Rule& r, const std::string& lang) const {
  return (r.only.empty() || contains(r.only, lang)) && !contains(r.except, lang);
}

namespace {

template <class Fn>
bool in_fields(const FieldView& title, const FieldView& text, const FieldView& source,
               const FieldView& author, Field field, Fn&& fn) {
  switch (field) {
    case Field::Any:
      return fn(title) || fn(text);
    case Field::Title:
      return fn(title);
    case Field::Source:
      return fn(source);
    case Field::Author:
      return fn(author);
  }
  return false;
}

}  // namespace

bool Percolator::Impl::eval(std::uint32_t index, const DocView& d) const {
  const Node& n = nodes[index];
  const auto fields = [&](auto&& fn) {
    return in_fields(d.title, d.text, d.source, d.author, n.field, fn);
  };
  switch (n.op) {
    case Op::Term:
      return fields([&](const FieldView& f) {
        if ((d.flags[n.folded] & f.folded_bit) != 0) {
          return true;
        }
        return f.stemmed && n.stems != kNone && d.lang_index != kNone
               && (d.flags[stem_ids[n.stems + d.lang_index]] & f.stem_bit) != 0;
      });
    case Op::Prefix:
      return fields([&](const FieldView& f) { return (d.flags[n.folded] & f.folded_bit) != 0; });
    case Op::Phrase:
      return fields([&](const FieldView& f) {
        for (std::uint32_t id : n.ids) {
          if ((d.flags[id] & f.folded_bit) == 0) {
            return false;
          }
        }
        auto lo = std::lower_bound(f.folded.begin(), f.folded.end(),
                                   std::make_pair(n.ids.front(), std::uint32_t{0}));
        for (; lo != f.folded.end() && lo->first == n.ids.front(); ++lo) {
          bool all = true;
          for (std::size_t k = 1; k < n.ids.size() && all; ++k) {
            all = f.has_at(n.ids[k], lo->second + static_cast<std::uint32_t>(k));
          }
          if (all) {
            return true;
          }
        }
        return false;
      });
    case Op::Near:
      return fields([&](const FieldView& f) {
        return near_match(occurrences(n.near->left, *f.tokens),
                          occurrences(n.near->right, *f.tokens), n.near->distance);
      });
    case Op::Filter:
      switch (n.filter) {
        case FilterField::Lang:
          return d.doc->lang() == n.value;
        case FilterField::Country:
          return d.doc->country() == n.value;
        case FilterField::Tag:
          return std::find(d.doc->tags().begin(), d.doc->tags().end(), n.value)
                 != d.doc->tags().end();
      }
      return false;
    case Op::Date: {
      const auto& date = d.doc->date();
      return date && (!n.dates.from || *date >= *n.dates.from)
             && (!n.dates.until || *date < *n.dates.until);
    }
    case Op::And:
      return std::all_of(n.children.begin(), n.children.end(),
                         [&](std::uint32_t c) { return eval(c, d); });
    case Op::Or:
      return std::any_of(n.children.begin(), n.children.end(),
                         [&](std::uint32_t c) { return eval(c, d); });
    case Op::Not:
      return !eval(n.children.front(), d);
  }
  return false;
}

// How often a leaf occurs, title occurrences counting double.
double Percolator::Impl::leaf_count(const Node& n, const DocView& d) const {
  const auto count_in = [&](const FieldView& f) -> double {
    switch (n.op) {
      case Op::Term:
        if (f.stemmed && n.stems != kNone && d.lang_index != kNone) {
          return static_cast<double>(FieldView::count(f.stems, stem_ids[n.stems + d.lang_index]));
        }
        return static_cast<double>(FieldView::count(f.folded, n.folded));
      case Op::Prefix:
        return static_cast<double>(
            std::count_if(f.tokens->tokens.begin(), f.tokens->tokens.end(),
                          [&](const text::Token& t) { return t.term.starts_with(n.prefix); }));
      case Op::Phrase: {
        double c = 0;
        auto lo = std::lower_bound(f.folded.begin(), f.folded.end(),
                                   std::make_pair(n.ids.front(), std::uint32_t{0}));
        for (; lo != f.folded.end() && lo->first == n.ids.front(); ++lo) {
          bool all = true;
          for (std::size_t k = 1; k < n.ids.size() && all; ++k) {
            all = f.has_at(n.ids[k], lo->second + static_cast<std::uint32_t>(k));
          }
          c += all ? 1 : 0;
        }
        return c;
      }
      case Op::Near:
        return near_match(occurrences(n.near->left, *f.tokens),
                          occurrences(n.near->right, *f.tokens), n.near->distance)
                   ? 1.0
                   : 0.0;
      default:
        return 0.0;
    }
  };
  switch (n.field) {
    case Field::Any:
      return 2 * count_in(d.title) + count_in(d.text);
    case Field::Title:
      return 2 * count_in(d.title);
    case Field::Source:
      return count_in(d.source);
    case Field::Author:
      return count_in(d.author);
  }
  return 0;
}

void Percolator::Impl::collect_hits(std::uint32_t index, bool negated, const DocView& d,
                                    PercolatorHit& hit) const {
  const Node& n = nodes[index];
  switch (n.op) {
    case Op::Not:
      collect_hits(n.children.front(), !negated, d, hit);
      return;
    case Op::And:
    case Op::Or:
      for (std::uint32_t c : n.children) {
        collect_hits(c, negated, d, hit);
      }
      return;
    case Op::Filter:
    case Op::Date:
      return;
    default:
      break;
  }
  if (negated) {
    return;
  }
  const double tf = leaf_count(n, d);
  if (tf <= 0) {
    return;
  }
  // BM25's saturation and length normalisation, without IDF (a topic has no collection):
  // k1 = 1.2, b = 0.75, a typical item of 200 words.
  constexpr double kK1 = 1.2;
  constexpr double kB = 0.75;
  constexpr double kAverageLength = 200;
  const double norm = 1 - kB + kB * static_cast<double>(d.length) / kAverageLength;
  hit.score += tf * (kK1 + 1) / (tf + kK1 * norm);
  if (std::find(hit.matched_terms.begin(), hit.matched_terms.end(), n.label)
      == hit.matched_terms.end()) {
    hit.matched_terms.push_back(n.label);
  }
}

std::vector<std::uint32_t> Percolator::Impl::matching_rules(const DocView& d) const {
  std::vector<std::uint32_t> out;
  for (std::uint32_t r : gather(d)) {
    const Rule& rule = rules[r];
    if (applies(rule, d.doc->lang()) && eval(rule.root, d)) {
      out.push_back(r);
    }
  }
  return out;
}

Percolator::Percolator() : impl_(std::make_unique<Impl>()) {}

Percolator::Percolator(std::span<const PercolatorTopic> topics, const PercolatorLimits& limits)
    : impl_(std::make_unique<Impl>()) {
  for (const auto& t : topics) {
    impl_->add_topic(t, limits);
  }
}

Percolator::~Percolator() = default;
Percolator::Percolator(Percolator&&) noexcept = default;
Percolator& Percolator::operator=(Percolator&&) noexcept = default;

std::vector<PercolatorHit> Percolator::percolate(const EvalDocument& doc) const {
  const ScratchReset reset;
  const Impl::DocView d = impl_->view(doc);
  std::vector<PercolatorHit> hits;
  for (std::uint32_t r : impl_->matching_rules(d)) {
    const Rule& rule = impl_->rules[r];
    PercolatorHit hit;
    hit.topic_id = impl_->topic_ids[rule.topic];
    impl_->collect_hits(rule.root, false, d, hit);
    hits.push_back(std::move(hit));
  }
  std::sort(hits.begin(), hits.end(),
            [](const auto& a, const auto& b) { return a.topic_id < b.topic_id; });
  return hits;
}

std::vector<std::int64_t> Percolator::candidates(const EvalDocument& doc) const {
  const ScratchReset reset;
  const Impl::DocView d = impl_->view(doc);
  std::vector<std::int64_t> out;
  for (std::uint32_t r : impl_->gather(d)) {
    out.push_back(impl_->topic_ids[impl_->rules[r].topic]);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

const std::vector<std::int64_t>& Percolator::refused() const {
  return impl_->refused;
}
const std::vector<std::string>& Percolator::refusal_reasons() const {
  return impl_->refusal_reasons;
}

PercolatorStats Percolator::stats() const {
  return {impl_->topic_ids.size(), impl_->query_count, impl_->key_count, impl_->always.size()};
}

core::Status check_percolatable(const Query& query, const PercolatorLimits& limits) {
  const PercolatorTopic topic{0, query, {}, {}};
  Percolator p(std::span<const PercolatorTopic>(&topic, 1), limits);
  if (!p.refused().empty()) {
    return core::make_error(core::ErrorCode::InvalidInput, "topic.too_broad",
                            "topic: " + p.refusal_reasons().front());
  }
  return {};
}

bool is_always_checked(const Query& query) {
  const PercolatorTopic topic{0, query, {}, {}};
  Percolator p(std::span<const PercolatorTopic>(&topic, 1));
  return p.stats().always_checked > 0;
}

}  // namespace vigie::match
