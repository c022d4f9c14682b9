// SPDX-License-Identifier: AGPL-3.0-or-later
#include "match/percolator.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <optional>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/prefetch.h"
#include "text/term_hash.h"

namespace vigie::match {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

void sort_unique(std::vector<std::uint32_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Every string the compiled queries compare (folded words, their stems, filter keys) gets a
// dense id, so a document is turned into ids once and each check is an integer comparison.
// Documents do not look tokens up here but in the compact LookupTables built from it at
// freeze() (and in `heads`, for prefixes). The table is flat (open addressing, linear probing,
// the hash's high bits kept in the 8-byte slot) and each string is stored in one arena next to
// its id and length: a lookup that finds its string costs the slot and one record.
class Dictionary {
  // Records in the arena: id (4 bytes), length (4 bytes), then the bytes.
  struct Slot {
    std::uint32_t tag = 0;
    std::uint32_t record = kNone;  // offset in the arena
  };

 public:
  std::uint32_t intern(std::string_view s) {
    if ((count_ + 1) * 4 > slots_.size() * 3) {
      grow();
    }
    const std::uint64_t h = hash(s);
    std::size_t i = h & mask();
    for (; slots_[i].record != kNone; i = (i + 1) & mask()) {
      if (slots_[i].tag == tag(h) && holds(arena_, slots_[i].record, s)) {
        return id_at(arena_, slots_[i].record);
      }
    }
    const auto id = static_cast<std::uint32_t>(records_.size());
    const auto record = static_cast<std::uint32_t>(arena_.size());
    append_record(arena_, id, s);
    records_.push_back(record);
    slots_[i] = {tag(h), record};
    ++count_;
    return id;
  }
  std::uint32_t find(std::string_view s) const {
    if (count_ == 0) {
      return kNone;
    }
    const std::uint64_t h = hash(s);
    for (std::size_t i = h & mask(); slots_[i].record != kNone; i = (i + 1) & mask()) {
      if (slots_[i].tag == tag(h) && holds(arena_, slots_[i].record, s)) {
        return id_at(arena_, slots_[i].record);
      }
    }
    return kNone;
  }
  std::size_t size() const { return count_; }
  std::string_view text(std::uint32_t id) const { return text_at(arena_, records_[id]); }

 private:
  static void append_record(std::string& arena, std::uint32_t id, std::string_view s) {
    const auto length = static_cast<std::uint32_t>(s.size());
    arena.append(reinterpret_cast<const char*>(&id), sizeof id);
    arena.append(reinterpret_cast<const char*>(&length), sizeof length);
    arena.append(s);
  }
  static std::uint32_t id_at(const std::string& arena, std::uint32_t record) {
    std::uint32_t id = 0;
    std::memcpy(&id, arena.data() + record, sizeof id);
    return id;
  }
  static std::string_view text_at(const std::string& arena, std::uint32_t record) {
    std::uint32_t length = 0;
    std::memcpy(&length, arena.data() + record + 4, sizeof length);
    return {arena.data() + record + 8, length};
  }
  static bool holds(const std::string& arena, std::uint32_t record, std::string_view s) {
    return text::same_term(text_at(arena, record), s);
  }
  static std::uint64_t hash(std::string_view s) { return text::term_hash(s); }
  static std::uint32_t tag(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32); }
  std::size_t mask() const { return slots_.size() - 1; }
  void grow() {
    slots_.assign(slots_.empty() ? 1024 : slots_.size() * 2, Slot{});
    for (std::uint32_t record : records_) {
      const std::uint64_t h = hash(text_at(arena_, record));
      std::size_t i = h & mask();
      while (slots_[i].record != kNone) {
        i = (i + 1) & mask();
      }
      slots_[i] = {tag(h), record};
    }
  }

  std::vector<Slot> slots_;             // a power of two in size, at most 3/4 full
  std::string arena_;                   // every record, back to back
  std::vector<std::uint32_t> records_;  // by id: offset of its record
  std::size_t count_ = 0;
};

// The first min(n, 8) bytes of `s` (n = s.size()), zero-padded, little-endian.
std::uint64_t first_bytes(std::string_view s) {
  std::uint64_t v = 0;
  const std::size_t n = s.size();
  if (n >= 8) {
    std::memcpy(&v, s.data(), 8);
  } else if (n >= 4) {
    // Two loads that overlap when n < 8; the shared bytes are the same in both.
    std::uint32_t lo = 0;
    std::uint32_t hi = 0;
    std::memcpy(&lo, s.data(), 4);
    std::memcpy(&hi, s.data() + n - 4, 4);
    v = lo | std::uint64_t{hi} << (8 * (n - 4));
  } else {
    for (std::size_t i = 0; i < n; ++i) {
      v |= std::uint64_t{static_cast<unsigned char>(s[i])} << (8 * i);
    }
  }
  return v;
}

// Slots of a LookupTable. A WordSlot holds a string's hash tag and length, its id, its first
// 16 bytes (the whole of most words) and a value the caller would otherwise look up next: a
// lookup that finds a word reads one slot, 32 bytes of one cache line, and nothing else. A
// StemSlot holds the tag and where the string's record (id, length, bytes) is: 8 bytes, for a
// table most lookups miss, where small slots matter more than a second load on a hit (stems
// looked up there this way cost fewer misses than in 16-byte slots holding 8 bytes of them).
struct StemSlot {
  std::uint32_t tag = 0;
  std::uint32_t record = kNone;  // offset in the table's records; kNone: free
};
struct alignas(32) WordSlot {
  std::uint32_t tag = 0;     // hash bits, and the length (capped) in the low byte
  std::uint32_t id = kNone;  // kNone: free
  std::uint32_t extra = kNone;
  std::uint32_t record = kNone;  // longer than the head: offset in the table's records
  std::array<std::uint64_t, 2> head{};
};
static_assert(sizeof(StemSlot) == 8 && sizeof(WordSlot) == 32);

// A lookup table over some of a dictionary's strings: a document's words are looked up among
// the queries' words, its stems among the queries' stems in its language. Looking up every
// token of every document is the percolator's hottest loop, so the table is flat (open
// addressing, linear probing, at most 3/4 full) and keeps its own compact copy of what a
// lookup compares (see the slots). A bitmap in front says most document words are not there
// without loading a slot at all.
template <class Slot>
class LookupTable {
 public:
  static constexpr bool kWords = std::is_same_v<Slot, WordSlot>;
  struct Found {
    std::uint32_t id = kNone;
    std::uint32_t extra = kNone;  // WordSlot's
  };

  LookupTable() = default;
  // `extra(id)` is kept in each WordSlot.
  LookupTable(const Dictionary& dict, std::vector<std::uint32_t> ids,
              const std::function<std::uint32_t(std::uint32_t)>& extra = nullptr) {
    sort_unique(ids);
    std::size_t size = 16;
    while (size * 3 < ids.size() * 4) {
      size *= 2;
    }
    slots_.assign(size, Slot{});
    // About 16 filter bits per string: 6% of the strings it does not hold pass.
    std::size_t bits = 64;
    while (bits < ids.size() * 16) {
      bits *= 2;
    }
    filter_.assign(bits / 64, 0);
    for (std::uint32_t id : ids) {
      const std::string_view text = dict.text(id);
      const std::uint64_t h = text::term_hash(text);
      Slot slot;
      slot.tag = tag(h, text);
      if constexpr (kWords) {
        slot.id = id;
        slot.extra = extra ? extra(id) : kNone;
        slot.head = head(text);
        if (text.size() > kHeadBytes) {
          slot.record = add_record(id, text);
        }
      } else {
        slot.record = add_record(id, text);
      }
      std::size_t i = h & (size - 1);
      while (!free(slots_[i])) {
        i = (i + 1) & (size - 1);
      }
      slots_[i] = slot;
      const std::size_t bit = filter_bit(h);
      filter_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
  }

  // Whether a string of hash `h` may be here. Most of a document's words are not (stop
  // words, words no topic uses): a bitmap a few times smaller than the slots says so
  // without loading a slot, which would most likely miss the cache.
  bool may_hold(std::uint64_t h) const {
    if (filter_.empty()) {
      return false;
    }
    const std::size_t bit = filter_bit(h);
    return (filter_[bit / 64] >> (bit % 64) & 1U) != 0;
  }
  // Starts loading the slot where a string of hash `h` is looked for.
  void prefetch(std::uint64_t h) const {
    if (may_hold(h)) {
      core::prefetch(&slots_[h & (slots_.size() - 1)]);
    }
  }
  // Starts loading the filter's word for hash `h`, which prefetch(h) reads.
  void prefetch_filter(std::uint64_t h) const {
    if (!filter_.empty()) {
      core::prefetch(&filter_[filter_bit(h) / 64]);
    }
  }
  Found find(std::string_view s) const { return find(s, text::term_hash(s)); }
  // `h`: text::term_hash(s).
  Found find(std::string_view s, std::uint64_t h) const {
    if (!may_hold(h)) {
      return {};
    }
    const std::uint32_t t = tag(h, s);
    const std::size_t mask = slots_.size() - 1;
    if constexpr (kWords) {
      const auto hd = head(s);
      for (std::size_t i = h & mask; !free(slots_[i]); i = (i + 1) & mask) {
        const Slot& slot = slots_[i];
        // (Two compares: std::array's == may call memcmp.)
        if (slot.tag == t && slot.head[0] == hd[0] && slot.head[1] == hd[1]
            && (s.size() <= kHeadBytes || record_holds(slot.record, s))) {
          return {slot.id, slot.extra};
        }
      }
    } else {
      for (std::size_t i = h & mask; !free(slots_[i]); i = (i + 1) & mask) {
        const Slot& slot = slots_[i];
        if (slot.tag == t && record_holds(slot.record, s)) {
          std::uint32_t id = 0;
          std::memcpy(&id, records_.data() + slot.record, sizeof id);
          return {id, kNone};
        }
      }
    }
    return {};
  }
  // Looks up key(j) for every j in [0, n), a few keys ahead of their use so that the cache
  // misses overlap, and calls found(j, result) in order.
  // Two stages: 8 keys ahead, a key is hashed and its filter word loaded; 4 ahead, the filter
  // is read and, if it may hold the key, the slot loaded.
  template <class Key, class Fn>
  void find_each(std::size_t n, Key&& key, Fn&& found) const {
    constexpr std::size_t kAhead = 8;
    constexpr std::size_t kSlotAhead = 4;
    std::array<std::uint64_t, kAhead> hashes{};  // a ring: hashes of the keys being loaded
    const auto hash_ahead = [&](std::size_t j) {
      if (j < n) {
        hashes[j % kAhead] = text::term_hash(key(j));
        prefetch_filter(hashes[j % kAhead]);
      }
    };
    const auto slot_ahead = [&](std::size_t j) {
      if (j < n) {
        prefetch(hashes[j % kAhead]);
      }
    };
    for (std::size_t j = 0; j < kAhead; ++j) {
      hash_ahead(j);
    }
    for (std::size_t j = 0; j < kSlotAhead; ++j) {
      slot_ahead(j);
    }
    for (std::size_t j = 0; j < n; ++j) {
      const std::uint64_t h = hashes[j % kAhead];
      hash_ahead(j + kAhead);
      slot_ahead(j + kSlotAhead);
      found(j, find(key(j), h));
    }
  }

 private:
  static constexpr std::size_t kHeadBytes = 16;  // WordSlot::head
  static bool free(const Slot& slot) {
    if constexpr (kWords) {
      return slot.id == kNone;
    } else {
      return slot.record == kNone;
    }
  }
  // High hash bits, and the length, capped, in the low byte.
  static std::uint32_t tag(std::uint64_t h, std::string_view s) {
    return static_cast<std::uint32_t>(h >> 40U) << 8U
           | static_cast<std::uint32_t>(std::min<std::size_t>(s.size(), 255));
  }
  // The first 16 bytes of `s`, zero-padded (with the length in the tag, the whole of a
  // string of up to 16 bytes).
  static std::array<std::uint64_t, 2> head(std::string_view s) {
    std::array<std::uint64_t, 2> out{first_bytes(s), 0};
    const std::size_t n = s.size();
    if (n >= 16) {
      std::memcpy(&out[1], s.data() + 8, 8);
    } else if (n > 8) {
      // Bytes 8..n-1, from the last 8 (which overlap the first 8) shifted into place.
      std::memcpy(&out[1], s.data() + n - 8, 8);
      out[1] >>= 8 * (16 - n);
    }
    return out;
  }
  // Records: id (4 bytes), length (4 bytes), then the bytes.
  std::uint32_t add_record(std::uint32_t id, std::string_view s) {
    const auto at = static_cast<std::uint32_t>(records_.size());
    const auto length = static_cast<std::uint32_t>(s.size());
    records_.append(reinterpret_cast<const char*>(&id), sizeof id);
    records_.append(reinterpret_cast<const char*>(&length), sizeof length);
    records_.append(s);
    return at;
  }
  bool record_holds(std::uint32_t record, std::string_view s) const {
    std::uint32_t length = 0;
    std::memcpy(&length, records_.data() + record + 4, sizeof length);
    return text::same_term(std::string_view(records_.data() + record + 8, length), s);
  }
  // Bits of the hash the slots and the tag use least (the slot index takes the low bits,
  // the tag the high 24).
  std::size_t filter_bit(std::uint64_t h) const {
    return static_cast<std::size_t>(h >> 20) & (filter_.size() * 64 - 1);
  }
  std::vector<Slot> slots_;
  std::string records_;  // StemSlot: every string's; WordSlot: those longer than the head
  std::vector<std::uint64_t> filter_;
};

// Which tokens may start with one of the topics' prefixes: for each prefix length in bytes
// (up to 8; longer prefixes count their first 8), a bit per hash of that many first bytes.
// Most tokens start with no prefix, even when they share a few letters with one; this says so
// with a load or two from a few kilobytes, instead of looking up their head.
class PrefixFilter {
 public:
  void add(std::string_view prefix) {
    const std::size_t k = std::min<std::size_t>(kBytes, prefix.size());
    if (k == 0) {
      return;
    }
    if (std::find(lengths_.begin(), lengths_.end(), k) == lengths_.end()) {
      lengths_.insert(std::upper_bound(lengths_.begin(), lengths_.end(), k), k);
    }
    bits_[k - 1].set(slot(first_bytes(prefix), k));
  }
  bool may_start(std::string_view token) const {
    if (lengths_.empty() || lengths_.front() > token.size()) {
      return false;
    }
    const std::uint64_t head = first_bytes(token);
    for (std::size_t k : lengths_) {
      if (k > token.size()) {
        return false;
      }
      if (bits_[k - 1].test(slot(head, k))) {
        return true;
      }
    }
    return false;
  }

 private:
  static constexpr std::size_t kBytes = 8;
  static constexpr unsigned kSlotBits = 15;
  // The slot of the first k bytes of a string whose first_bytes() are `head`.
  static std::size_t slot(std::uint64_t head, std::size_t k) {
    const std::uint64_t v = k == 8 ? head : head & ((std::uint64_t{1} << (8 * k)) - 1);
    return static_cast<std::size_t>(((v + k) * 0x9E3779B97F4A7C15ULL) >> (64 - kSlotBits));
  }
  std::vector<std::size_t> lengths_;  // the lengths some prefix has, ascending
  std::array<std::bitset<std::size_t{1} << kSlotBits>, kBytes> bits_;
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

// A NEAR operand resolved to ids: a word (Term, folded forms only) or a prefix by its id, a
// phrase by its words in Impl::phrase_ids.
struct NearOperandIds {
  Op op = Op::Term;
  std::uint32_t id = kNone;  // Term, Prefix; Phrase: its first word
  std::uint32_t first = 0;   // Phrase: offset in phrase_ids
  std::uint32_t count = 0;   // Phrase: words
};

// One node of a compiled query. Leaves keep what verification needs, resolved to ids.
struct Node {
  Op op = Op::Term;
  Field field = Field::Any;
  std::uint32_t folded = kNone;              // Term; Prefix: the prefix's id (prefix_id)
  std::uint32_t stems = kNone;               // Term: offset in stem_ids_, kNone when unstemmed
  std::string prefix;                        // Prefix
  std::vector<std::uint32_t> ids;            // Phrase words
  std::vector<std::string> words;            // Phrase words, as text
  std::optional<Near> near;                  // Near
  std::array<NearOperandIds, 2> near_ids{};  // Near: its operands, resolved to ids
  FilterField filter = FilterField::Lang;
  std::string value;                    // Filter
  DateRange dates;                      // Date
  std::vector<std::uint32_t> children;  // And, Or, Not
  std::string label;                    // as shown in matched_terms
  std::uint32_t label_id = kNone;       // index into Impl::labels
};

// What verification and scoring read of a node, 16 bytes, in an array parallel to the nodes.
// A query's nodes are compiled next to each other in pre-order (a node, then its children's
// subtrees in order), so checking a candidate reads forward from its root through a few
// cache lines, and finds a node's children without a list: the first follows it, each next
// one follows the previous one's subtree. Loading those lines is most of what checking costs.
struct HotNode {
  Op op = Op::Term;
  std::uint8_t field_value = 0;  // a Field (whose own type is wider)
  std::uint32_t a = kNone;       // see the accessors
  std::uint32_t b = kNone;
  std::uint32_t label_id = kNone;  // index into Impl::labels

  Field field() const { return static_cast<Field>(field_value); }
  // Term, Prefix, Filter: the id flagged by view().
  std::uint32_t folded() const { return a; }
  // Term: index of its stems in Impl::stems_by_lang, kNone when unstemmed.
  std::uint32_t stems() const { return b; }
  // Phrase: offset in phrase_ids; Near: in near_ops (two).
  std::uint32_t first() const { return a; }
  // Phrase: words; And, Or, Not: children; Near: the distance.
  std::uint32_t count() const { return b; }
  // Nodes in the subtree this node roots, itself included.
  std::uint32_t subtree() const { return op == Op::And || op == Op::Or || op == Op::Not ? a : 1; }
};
static_assert(sizeof(HotNode) == 16);

// The languages a compiled query applies to (a topic's variants split it into several). The
// rest of a rule is kept by rule index in compact arrays of Impl (full_masks, rule_info),
// which is what checking a candidate reads.
struct Rule {
  std::vector<std::string> only;    // applies to these languages only (empty: any)
  std::vector<std::string> except;  // ...but not to these (they have variants)
};

// A disjunction of keys: any document matching the query contains one of them. Keys live in
// three tables, so that a document visits each query once per word rather than once per form:
// `ids` (folded words of phrases, NEAR operands and unstemmed fields, filter values) are
// looked up by every document's folded words; a stemmed word is filed both under its folded
// form in `term_ids`, looked up by documents without a stemmer, and under its stem in every
// language in `stem_ids`, looked up by the stems of documents that have one (a token equal to
// the word has the same stem, so its folded form adds nothing there).
struct KeySet {
  std::vector<std::uint32_t> ids;
  std::vector<std::uint32_t> term_ids;
  std::vector<std::uint32_t> stem_ids;
  std::vector<std::string> prefixes;
  double cost = 0;  // estimated share of documents containing a key; lower is better

  std::size_t size() const { return ids.size() + term_ids.size() + stem_ids.size(); }
};

// Postings by dictionary id and kind, flattened once the topics are compiled: an id's lists
// are next to each other, entries of (id, kind) being entries[start[k], start[k + 1]) with
// k = id * kinds + kind. A document reads where an id's lists start from one cache line,
// whichever of its forms it has.
class PostingTable {
 public:
  explicit PostingTable(std::size_t kinds) : kinds_(kinds) {}

  void add(std::uint32_t id, std::size_t kind, std::uint32_t entry) {
    const std::size_t k = std::size_t{id} * kinds_ + kind;
    if (building_.size() <= k) {
      building_.resize(k + 1);
    }
    building_[k].push_back(entry);
  }
  void freeze() {
    start_.assign(building_.size() + 1, 0);
    for (std::size_t i = 0; i < building_.size(); ++i) {
      start_[i + 1] = start_[i] + static_cast<std::uint32_t>(building_[i].size());
    }
    entries_.clear();
    entries_.reserve(start_.back());
    for (const auto& b : building_) {
      entries_.insert(entries_.end(), b.begin(), b.end());
    }
    building_.clear();
    building_.shrink_to_fit();
  }
  void prefetch(std::uint32_t id) const {
    const std::size_t k = std::size_t{id} * kinds_;
    if (k + 1 < start_.size()) {
      core::prefetch(&start_[k]);
    }
  }
  // Starts loading the first line of an id's entries of `kind`; best once prefetch(id) has
  // brought where they start.
  void prefetch_entries(std::uint32_t id, std::size_t kind) const {
    const std::size_t k = std::size_t{id} * kinds_ + kind;
    if (k + 1 < start_.size()) {
      core::prefetch(entries_.data() + start_[k]);
    }
  }
  std::span<const std::uint32_t> at(std::uint32_t id, std::size_t kind = 0) const {
    const std::size_t k = std::size_t{id} * kinds_ + kind;
    if (k + 1 >= start_.size()) {
      return {};
    }
    return {entries_.data() + start_[k], entries_.data() + start_[k + 1]};
  }

 private:
  std::size_t kinds_;
  std::vector<std::vector<std::uint32_t>> building_;
  std::vector<std::uint32_t> start_;
  std::vector<std::uint32_t> entries_;
};

// A conjunction of key sets: a matching document contains a key of every group. A document
// is a candidate for a query only when all of the query's groups are hit, so `coton prix
// senegal` is checked on documents with all three words, not on every document with one.
// Empty: no necessary keys (the query is checked on every document).
using Groups = std::vector<KeySet>;
// Groups registered per query: each costs postings (memory, and work for every document that
// has one of its words); past the few most selective, they filter little more.
constexpr std::size_t kMaxGroups = 3;
// A posting entry holds its rule in 24 bits (and a group's bit in 8).
constexpr std::size_t kMaxRules = std::size_t{1} << 24U;

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

// Occurrence counters kept per dictionary id while a document is percolated: one per field for
// folded words and prefixes, one per stemmed field for stems.
enum Slot : std::uint8_t {
  kTitleSlot,
  kTextSlot,
  kSourceSlot,
  kAuthorSlot,
  kTitleStemSlot,
  kTextStemSlot,
  kSlots
};
using Counts = std::array<std::uint32_t, kSlots>;

// Where a word or prefix occurs: links of a list per (id, field), newest first, so that
// phrases and NEAR visit the occurrences of their first word instead of every position.
struct Link {
  std::uint32_t position = 0;
  std::uint32_t next = kNone;
};

// What a document holds of one dictionary id it flagged.
struct Entry {
  Counts counts{};
  std::array<std::uint32_t, 4> first{kNone, kNone, kNone, kNone};  // by field: its last Link
  std::uint8_t flags = 0;                                          // FieldView bits present
};

// A document field turned into dictionary ids: the id of the folded word at each position,
// for phrases (kNone for words the dictionary does not know: they can match no query word).
// Positions are word positions, one word each (text::tokenize()), so this is a plain array.
// `slot` is also the field's index in Entry::first (title, text, source, author).
struct FieldView {
  const FieldTokens* tokens = nullptr;
  std::uint8_t folded_bit = 0;  // this field's bits in the per-document presence flags
  std::uint8_t stem_bit = 0;
  Slot slot = kTitleSlot;
  Slot stem_slot = kTitleStemSlot;
  std::span<const std::uint32_t> at;  // by position
  bool stemmed = false;

  bool has_at(std::uint32_t id, std::uint32_t position) const {
    return position < at.size() && at[position] == id;
  }
};

constexpr std::uint8_t kFoldedBits = 1 | 2 | 4 | 8;  // title, text, source, author
constexpr std::uint8_t kTitleTextBits = 1 | 2;
constexpr std::uint8_t kStemBits = 16 | 32;  // title, text
constexpr std::uint8_t kFilterBit = 64;      // the document's language, country or a tag

// Per-thread state reused across documents; only what a document set is cleared, so the cost
// follows the document, not the number of topics. What a document holds of an id (its
// FieldView bits, occurrence counts and lists) is kept densely, in the order ids were first
// seen (`local` maps a flagged id to its entry): what a document writes per word stays in a
// few cache lines rather than being spread over a table as large as the dictionary. Whether a
// document has an id is a bit of `present`, a few kilobytes that stay in the L1 cache: checks
// of the many ids a document does not have (a query's other words, their stems) load nothing
// else, and only the ids it has load `local` (156 KB for 10,000 topics), whose lines view()
// has just written.
struct Scratch {
  std::vector<std::uint64_t> present;            // by dictionary id, a bit: it has an entry
  std::vector<std::uint32_t> local;              // by dictionary id: index in entries if present
  std::vector<std::uint32_t> touched;            // ids with an entry, in order
  std::vector<Entry> entries;                    // parallel to touched
  std::vector<Link> links;                       // see Entry::first
  std::vector<Span> left, right;                 // NEAR operands' occurrences
  std::array<std::vector<std::uint32_t>, 4> at;  // FieldView::at of each field
  std::vector<std::uint8_t> remaining;           // by rule: key groups not hit yet (see gather())
  std::vector<std::uint32_t> pending_stems;      // tokens whose stem view() looks up
  std::vector<std::uint32_t> candidates;         // gather()'s result
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

// Clears what view() and gather() set in the scratch when the percolation of a document ends.
struct ScratchReset {
  ScratchReset() = default;
  ScratchReset(const ScratchReset&) = delete;
  ScratchReset& operator=(const ScratchReset&) = delete;
  ~ScratchReset() {
    Scratch& sc = scratch();
    for (std::uint32_t id : sc.touched) {
      sc.present[id >> 6U] = 0;
    }
    sc.touched.clear();
    sc.entries.clear();
    sc.links.clear();
  }
};

}  // namespace

struct Percolator::Impl {
  Dictionary dict;
  std::size_t nlangs = text::stem_languages().size();
  std::vector<std::uint32_t> stem_ids;  // per stemmed term: nlangs ids
  // The same ids by language, then term (freeze()): a document reads only its language's
  // row, a few kilobytes that stay in cache from one document to the next.
  std::vector<std::uint32_t> stems_by_lang;
  std::size_t stemmed_terms = 0;
  // What documents look up (freeze()): the queries' words and filter values, and by language
  // the stems of the queries' words.
  std::vector<std::uint32_t> word_ids;  // while compiling
  LookupTable<WordSlot> word_lookup;
  std::vector<LookupTable<StemSlot>> stems_in;                   // by language index
  std::unordered_map<std::string, std::uint32_t> stems_of_term;  // folded term -> offset
  std::vector<Node> nodes;
  std::vector<Rule> rules;
  std::vector<std::int64_t> topic_ids;
  std::vector<std::int64_t> refused;
  // By dictionary id: (rule << 8 | 1 << group) of each query a key belongs to (see KeySet).
  // A stemmed document reads an id's folded-word and stem lists, which are kept together; the
  // folded forms of stemmed words, for unstemmed documents, are apart (see KeySet).
  enum : std::size_t { kWordPostings, kStemPostings };
  PostingTable postings{2};
  PostingTable term_postings{1};
  // Prefix keys by their first code points (kHeadChars, or fewer for a shorter prefix): a
  // document token looks up its own head once per distinct head length, then compares.
  Dictionary heads;  // head -> index into prefix_heads
  std::vector<std::vector<std::pair<std::string, std::uint32_t>>> prefix_heads;
  std::vector<std::size_t> head_chars;  // distinct head lengths in code points
  PrefixFilter prefix_filter;
  std::unordered_set<std::uint32_t> registered_prefixes;
  std::vector<std::uint32_t> always;     // rules checked on every document
  std::vector<std::uint8_t> full_masks;  // by rule: Rule::full, compact for gather()
  // What checking a candidate rule reads first, together (one cache line).
  struct RuleInfo {
    std::int64_t topic = 0;   // its topic's id
    std::uint32_t root = 0;   // its compiled query
    bool restricted = false;  // whether Rule::only or except is set
  };
  std::vector<RuleInfo> rule_info;  // by rule
  std::size_t key_count = 0;
  std::size_t query_count = 0;
  std::vector<std::string> refusal_reasons;  // parallel to refused

  // Interns a string documents look up as a word (or a filter value).
  std::uint32_t word(std::string_view s) {
    const std::uint32_t id = dict.intern(s);
    word_ids.push_back(id);
    return id;
  }

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

  // Distinct leaf labels: a hit collects label ids and turns them into strings once.
  std::vector<std::string> labels;
  std::unordered_map<std::string, std::uint32_t> label_ids;

  std::vector<HotNode> hot;  // parallel to nodes
  std::vector<std::uint32_t> phrase_ids;
  std::vector<NearOperandIds> near_ops;

  // A node's place, filled by place() once its children (which follow it) are compiled.
  std::uint32_t reserve() {
    hot.emplace_back();
    nodes.emplace_back();
    return static_cast<std::uint32_t>(nodes.size() - 1);
  }
  std::uint32_t place(std::uint32_t index, Node n) {
    if (!n.label.empty()) {
      auto [it, inserted] =
          label_ids.try_emplace(n.label, static_cast<std::uint32_t>(labels.size()));
      if (inserted) {
        labels.push_back(n.label);
      }
      n.label_id = it->second;
    }
    const std::uint32_t stems =
        n.stems == kNone ? kNone : static_cast<std::uint32_t>(n.stems / nlangs);
    HotNode h{n.op, static_cast<std::uint8_t>(n.field), n.folded, stems, n.label_id};
    if (n.op == Op::Phrase) {
      h.a = static_cast<std::uint32_t>(phrase_ids.size());
      h.b = static_cast<std::uint32_t>(n.ids.size());
      phrase_ids.insert(phrase_ids.end(), n.ids.begin(), n.ids.end());
    } else if (n.op == Op::Near) {
      h.a = static_cast<std::uint32_t>(near_ops.size());
      h.b = static_cast<std::uint32_t>(n.near->distance);
      near_ops.insert(near_ops.end(), n.near_ids.begin(), n.near_ids.end());
    } else if (n.op == Op::And || n.op == Op::Or || n.op == Op::Not) {
      h.a = static_cast<std::uint32_t>(hot.size()) - index;  // its children were compiled
      h.b = static_cast<std::uint32_t>(n.children.size());
    }
    hot[index] = h;
    nodes[index] = std::move(n);
    return index;
  }

  std::uint32_t compile(const Query& q);
  // Once every topic is added: the lookup tables in their final, compact form.
  void freeze();
  Groups keys(std::uint32_t node) const;  // best (lowest cost) group first
  void add_topic(const PercolatorTopic& topic, const PercolatorLimits& limits);

  struct DocView {
    const EvalDocument* doc = nullptr;
    const std::uint64_t* present = nullptr;  // by dictionary id, a bit: it has an entry
    const std::uint32_t* local = nullptr;    // by dictionary id: index into entries if present
    const Entry* entries = nullptr;
    const Link* links = nullptr;
    FieldView title, text, source, author;
    std::uint32_t lang_index = kNone;
    const std::uint32_t* stems = nullptr;  // the document language's row of stems_by_lang
    std::size_t length = 0;                // words in the title and the body

    // Where a dictionary id's entry is, kNone if the document does not have it.
    std::uint32_t entry_of(std::uint32_t id) const {
      return (present[id >> 6U] >> (id & 63U) & 1U) != 0 ? local[id] : kNone;
    }
    // The FieldView bits present of a dictionary id (0: the document does not have it).
    std::uint8_t flags_of(std::uint32_t id) const {
      const std::uint32_t l = entry_of(id);
      return l == kNone ? 0 : entries[l].flags;
    }
  };
  DocView view(const EvalDocument& doc) const;
  // The rules whose key groups `d` all hits, then the always-checked ones; valid until the
  // next call on this thread.
  std::span<const std::uint32_t> gather(const DocView& d) const;
  bool applies(const Rule& r, const std::string& lang) const;
  bool eval(std::uint32_t node, const DocView& d) const;
  double leaf_count(std::uint32_t node, const DocView& d) const;
  std::uint32_t count_of(std::uint32_t id, Slot slot, const DocView& d) const {
    const std::uint32_t l = d.entry_of(id);
    return l == kNone ? 0 : d.entries[l].counts[slot];
  }
  // The last link of `id`'s occurrences in `f` (folded words and prefixes), kNone if none.
  static std::uint32_t first_link(std::uint32_t id, const FieldView& f, const DocView& d) {
    const std::uint32_t l = d.entry_of(id);
    return l == kNone || (d.entries[l].flags & f.folded_bit) == 0 ? kNone
                                                                  : d.entries[l].first[f.slot];
  }
  // Appends where `o` occurs in `f` to `out`.
  void near_spans(const NearOperandIds& o, const FieldView& f, const DocView& d,
                  std::vector<Span>& out) const;
  bool near_in(const HotNode& n, const FieldView& f, const DocView& d) const;
  // Occurrences of the phrase ids[0..count) in `f`: all of them, or whether there is one.
  std::uint32_t phrase_count(const std::uint32_t* ids, std::uint32_t count, const FieldView& f,
                             const DocView& d, bool first_only) const;
  // Adds the positive leaves of `node` found in `d` to `score` and their label ids, each once,
  // to `found`.
  void collect_hits(std::uint32_t node, bool negated, const DocView& d, double& score,
                    std::vector<std::uint32_t>& found) const;
  std::vector<std::uint32_t> matching_rules(const DocView& d) const;
};

std::uint32_t Percolator::Impl::compile(const Query& q) {
  return std::visit(
      [&](const auto& n) -> std::uint32_t {
        using T = std::decay_t<decltype(n)>;
        const std::uint32_t self = reserve();  // before its children: pre-order
        Node out;
        if constexpr (std::is_same_v<T, Term>) {
          out.op = Op::Term;
          out.field = n.field;
          out.folded = word(n.term);
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
            out.ids.push_back(word(t));
          }
          out.words = n.terms;
          out.label = n.terms.size() == 1 ? n.terms.front() : quote(n.terms);
        } else if constexpr (std::is_same_v<T, Near>) {
          out.op = Op::Near;
          out.field = field_of(n.left);
          out.near = n;
          // NEAR operands compare folded forms: their words are looked up like phrase words,
          // their prefixes flagged like prefix leaves.
          std::size_t k = 0;
          for (const NearOperand* o : {&n.left, &n.right}) {
            NearOperandIds& ids = out.near_ids[k++];
            if (const auto* t = std::get_if<Term>(o)) {
              ids.op = Op::Term;
              ids.id = word(t->term);
            } else if (const auto* pre = std::get_if<Prefix>(o)) {
              ids.op = Op::Prefix;
              ids.id = prefix_id(pre->prefix);
            } else {
              ids.op = Op::Phrase;
              ids.first = static_cast<std::uint32_t>(phrase_ids.size());
              for (const auto& w : std::get<Phrase>(*o).terms) {
                phrase_ids.push_back(word(w));
              }
              ids.count = static_cast<std::uint32_t>(phrase_ids.size()) - ids.first;
              ids.id = phrase_ids[ids.first];
            }
          }
          out.label = operand_label(n.left) + " NEAR/" + std::to_string(n.distance) + " "
                      + operand_label(n.right);
        } else if constexpr (std::is_same_v<T, Filter>) {
          out.op = Op::Filter;
          out.filter = n.field;
          out.value = n.value;
          out.folded = word(filter_key(n.field, n.value));
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
        return place(self, std::move(out));
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
      KeySet k;
      k.ids.push_back(dict.find(w));
      k.cost = word_cost(w);
      g.push_back(std::move(k));
    }
    return g;
  };
  const auto operand_groups = [&](const NearOperand& o) {
    if (const auto* t = std::get_if<Term>(&o)) {
      return folded_groups({t->term});
    }
    if (const auto* p = std::get_if<Prefix>(&o)) {
      KeySet k;
      k.prefixes.push_back(p->prefix);
      k.cost = 2 * word_cost(p->prefix);
      return Groups{std::move(k)};
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
      KeySet k;
      k.cost = word_cost(n.label);
      if (n.stems == kNone) {
        k.ids.push_back(n.folded);
      } else {
        k.term_ids.push_back(n.folded);
        const auto first = stem_ids.begin() + static_cast<std::ptrdiff_t>(n.stems);
        k.stem_ids.assign(first, first + static_cast<std::ptrdiff_t>(nlangs));
        sort_unique(k.stem_ids);
      }
      return {k};
    }
    case Op::Prefix: {
      KeySet k;
      k.prefixes.push_back(n.prefix);
      k.cost = 2 * word_cost(n.prefix);
      return {k};
    }
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
      {
        KeySet k;
        k.ids.push_back(dict.find(filter_key(n.filter, n.value)));
        k.cost = 1.5;
        return {k};
      }
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
        all.term_ids.insert(all.term_ids.end(), k.term_ids.begin(), k.term_ids.end());
        all.stem_ids.insert(all.stem_ids.end(), k.stem_ids.begin(), k.stem_ids.end());
        all.prefixes.insert(all.prefixes.end(), k.prefixes.begin(), k.prefixes.end());
        all.cost += k.cost;
      }
      sort_unique(all.ids);
      sort_unique(all.term_ids);
      sort_unique(all.stem_ids);
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
      ids += g.size();
      prefixes += g.prefixes.size();
    }
    std::string reason;
    if (ids > limits.max_keys_per_query) {
      reason =
          fmt::format("the query needs {} index keys (at most {})", ids, limits.max_keys_per_query);
    } else if (prefixes > limits.max_prefixes_per_query) {
      reason = fmt::format("the query has {} prefixes in alternatives (at most {})", prefixes,
                           limits.max_prefixes_per_query);
    } else if (rules.size() + pending.size() > kMaxRules) {
      reason = fmt::format("the percolator holds {} queries already (at most {})", rules.size(),
                           kMaxRules);
    }
    if (!reason.empty()) {
      refused.push_back(topic.id);
      refusal_reasons.push_back(std::move(reason));
      return;
    }
  }
  topic_ids.push_back(topic.id);
  for (auto& p : pending) {
    const auto rule = static_cast<std::uint32_t>(rules.size());
    const auto full = static_cast<std::uint8_t>((1U << p.keys.size()) - 1U);
    rule_info.push_back({topic.id, p.root, !p.only.empty() || !p.except.empty()});
    rules.push_back({std::move(p.only), std::move(p.except)});
    full_masks.push_back(full);
    ++query_count;
    if (p.keys.empty()) {
      always.push_back(rule);
      continue;
    }
    for (std::uint32_t g = 0; g < p.keys.size(); ++g) {
      const std::uint32_t entry = rule << 8U | 1U << g;
      const KeySet& k = p.keys[g];
      for (std::uint32_t id : k.ids) {
        postings.add(id, kWordPostings, entry);
      }
      for (std::uint32_t id : k.term_ids) {
        term_postings.add(id, 0, entry);
      }
      for (std::uint32_t id : k.stem_ids) {
        postings.add(id, kStemPostings, entry);
      }
      for (const auto& prefix : k.prefixes) {
        postings.add(prefix_id(prefix), kWordPostings, entry);
      }
      key_count += k.size() + k.prefixes.size();
    }
  }
}

std::uint32_t Percolator::Impl::prefix_id(const std::string& prefix) {
  const std::uint32_t id = dict.intern("\x02" + prefix);
  if (registered_prefixes.insert(id).second) {
    const std::size_t chars = std::min(kHeadChars, utf8_length(prefix));
    const std::string head = prefix.substr(0, utf8_prefix_bytes(prefix, chars));
    const std::uint32_t h = heads.intern(head);
    if (h == prefix_heads.size()) {
      prefix_heads.emplace_back();
    }
    prefix_heads[h].emplace_back(prefix, id);
    prefix_filter.add(prefix);
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
  if (d.lang_index != kNone && stemmed_terms > 0) {
    d.stems = stems_by_lang.data() + d.lang_index * stemmed_terms;
  }
  Scratch& sc = scratch();
  if (sc.local.size() < dict.size()) {
    sc.local.resize(dict.size(), kNone);
    sc.present.resize((dict.size() + 63) / 64, 0);
  }
  const auto touch = [&](std::uint32_t id, std::uint8_t bit) -> Entry& {
    std::uint64_t& word = sc.present[id >> 6U];
    const std::uint64_t mask = std::uint64_t{1} << (id & 63U);
    std::uint32_t l = 0;
    if ((word & mask) == 0) {
      word |= mask;
      l = static_cast<std::uint32_t>(sc.touched.size());
      sc.local[id] = l;
      sc.touched.push_back(id);
      sc.entries.emplace_back();
    } else {
      l = sc.local[id];
    }
    Entry& e = sc.entries[l];
    e.flags = static_cast<std::uint8_t>(e.flags | bit);
    return e;
  };
  const auto flag = [&](std::uint32_t id, std::uint8_t bit, Slot slot) {
    ++touch(id, bit).counts[slot];
  };
  // A folded word or prefix: also where it occurs (`slot` is the field's index).
  const auto flag_at = [&](std::uint32_t id, std::uint8_t bit, Slot slot, std::uint32_t position) {
    Entry& e = touch(id, bit);
    ++e.counts[slot];
    sc.links.push_back({position, e.first[slot]});
    e.first[slot] = static_cast<std::uint32_t>(sc.links.size() - 1);
  };
  const auto fill = [&](FieldView& v, std::vector<std::uint32_t>& at, const FieldTokens& f,
                        std::uint8_t folded_bit, std::uint8_t stem_bit, Slot slot, Slot stem_slot) {
    v.tokens = &f;
    v.folded_bit = folded_bit;
    v.stem_bit = stem_bit;
    v.slot = slot;
    v.stem_slot = stem_slot;
    v.stemmed = !f.stems.empty();
    at.assign(f.tokens.empty() ? 0 : f.tokens.back().position + std::size_t{1}, kNone);
    // Words first. A token that is a query word with stems has its stem's id in the word's
    // record; the other tokens' stems are looked up after.
    std::vector<std::uint32_t>& unstemmed = sc.pending_stems;
    unstemmed.clear();
    const auto found_word = [&](std::size_t i, LookupTable<WordSlot>::Found word) {
      if (word.id != kNone) {
        at[f.tokens[i].position] = word.id;
        flag_at(word.id, folded_bit, slot, f.tokens[i].position);
      }
      if (!v.stemmed) {
        return;
      }
      if (word.extra != kNone && d.stems != nullptr) {
        flag(d.stems[word.extra], stem_bit, stem_slot);
      } else if (word.id != kNone && f.stems[i] == f.tokens[i].term) {
        flag(word.id, stem_bit, stem_slot);  // a stem that is a query word has its id
      } else {
        unstemmed.push_back(static_cast<std::uint32_t>(i));
      }
    };
    // A found word is flagged a few words later, once what that reads at random places has
    // been loaded: where its entry is (local) and its stem's id in this language.
    constexpr std::size_t kDelay = 8;
    std::array<std::pair<std::size_t, LookupTable<WordSlot>::Found>, kDelay> delayed;
    std::size_t queued = 0;
    word_lookup.find_each(
        f.tokens.size(), [&](std::size_t i) -> std::string_view { return f.tokens[i].term; },
        [&](std::size_t i, LookupTable<WordSlot>::Found word) {
          if (word.id != kNone) {
            core::prefetch(&sc.local[word.id]);
            if (word.extra != kNone && d.stems != nullptr) {
              core::prefetch(&d.stems[word.extra]);
            }
          }
          auto& held = delayed[queued % kDelay];
          if (queued >= kDelay) {
            found_word(held.first, held.second);
          }
          held = {i, word};
          ++queued;
        });
    for (std::size_t q = queued > kDelay ? queued - kDelay : 0; q < queued; ++q) {
      found_word(delayed[q % kDelay].first, delayed[q % kDelay].second);
    }
    if (!unstemmed.empty()) {
      stems_in[d.lang_index].find_each(
          unstemmed.size(),
          [&](std::size_t j) -> std::string_view { return f.stems[unstemmed[j]]; },
          [&](std::size_t, LookupTable<StemSlot>::Found stem) {
            if (stem.id != kNone) {
              flag(stem.id, stem_bit, stem_slot);
            }
          });
    }
    v.at = at;
  };
  fill(d.title, sc.at[0], doc.title(), 1, 16, kTitleSlot, kTitleStemSlot);
  fill(d.text, sc.at[1], doc.text(), 2, 32, kTextSlot, kTextStemSlot);
  fill(d.source, sc.at[2], doc.source(), 4, 0, kSourceSlot, kSourceSlot);
  fill(d.author, sc.at[3], doc.author(), 8, 0, kAuthorSlot, kAuthorSlot);
  // Prefixes: each token looks up its own head once per distinct head length, then compares
  // with the prefixes filed under it.
  if (!prefix_heads.empty()) {
    for (const FieldView* f : {&d.title, &d.text, &d.source, &d.author}) {
      for (const auto& tok : f->tokens->tokens) {
        const std::string_view term = tok.term;
        if (!prefix_filter.may_start(term)) {
          continue;
        }
        for (std::size_t chars : head_chars) {
          const std::size_t bytes = utf8_prefix_bytes(term, chars);
          if (bytes == term.size() && utf8_length(term) < chars) {
            continue;
          }
          const std::uint32_t h = heads.find(term.substr(0, bytes));
          if (h == kNone) {
            continue;
          }
          for (const auto& [prefix, id] : prefix_heads[h]) {
            if (term.starts_with(prefix)) {
              flag_at(id, f->folded_bit, f->slot, tok.position);
            }
          }
        }
      }
    }
  }
  // Filter values: the document's language, country and tags.
  const auto flag_filter = [&](FilterField field, std::string_view value) {
    const std::uint32_t id = word_lookup.find(filter_key(field, value)).id;
    if (id != kNone) {
      touch(id, kFilterBit);
    }
  };
  flag_filter(FilterField::Lang, doc.lang());
  flag_filter(FilterField::Country, doc.country());
  for (const auto& tag : doc.tags()) {
    flag_filter(FilterField::Tag, tag);
  }
  d.length = doc.title().tokens.size() + doc.text().tokens.size();
  // Read only after the last flag: touch() may have grown `entries` and `links`.
  d.present = sc.present.data();
  d.local = sc.local.data();
  d.entries = sc.entries.data();
  d.links = sc.links.data();
  return d;
}

std::span<const std::uint32_t> Percolator::Impl::gather(const DocView& d) const {
  Scratch& sc = scratch();
  // By rule, the key groups not hit yet; a rule becomes a candidate when its last one is,
  // which happens once at most: `out` has room for every rule.
  sc.remaining = full_masks;
  sc.candidates.resize(full_masks.size() + always.size() + 1);  // +1: see take()
  std::uint8_t* const remaining = sc.remaining.data();
  std::uint32_t* const out = sc.candidates.data();
  std::size_t n = 0;
  // The walk over postings is the percolator's hottest loop: a load, a compare and a store,
  // without a branch: every rule is written where the next candidate goes, and kept there
  // only when its last group was hit (the slot after the last rule takes the other writes).
  const auto take = [&](std::span<const std::uint32_t> entries) {
    for (std::uint32_t entry : entries) {
      const std::uint32_t r = entry >> 8U;
      const auto bit = static_cast<std::uint8_t>(entry);
      const std::uint8_t before = remaining[r];
      remaining[r] = static_cast<std::uint8_t>(before & ~bit);
      out[n] = r;
      n += before == bit ? 1 : 0;
    }
  };
  // Each id the document flagged once, in the tables its forms look up (see KeySet):
  // lists(i, fn) calls fn(table, kind) for each list the i-th flagged id reads.
  const bool stemmed = d.lang_index != kNone;
  const std::uint32_t* const touched = sc.touched.data();
  const std::size_t count = sc.touched.size();
  const auto lists = [&](std::size_t i, auto&& fn) {
    const std::uint8_t f = d.entries[i].flags;
    if ((f & (kFoldedBits | kFilterBit)) != 0) {
      fn(postings, kWordPostings);
    }
    if (stemmed) {
      if ((f & kStemBits) != 0) {
        fn(postings, kStemPostings);
      }
    } else if ((f & kTitleTextBits) != 0) {
      fn(term_postings, 0);
    }
  };
  // Two stages ahead: where an id's entries start, then (once that has arrived) the entries.
  constexpr std::size_t kAhead = 8;
  constexpr std::size_t kEntriesAhead = 4;
  for (std::size_t i = 0; i < count; ++i) {
    if (i + kAhead < count) {
      postings.prefetch(touched[i + kAhead]);
      if (!stemmed) {
        term_postings.prefetch(touched[i + kAhead]);
      }
    }
    if (i + kEntriesAhead < count) {
      lists(i + kEntriesAhead, [&](const PostingTable& table, std::size_t kind) {
        table.prefetch_entries(touched[i + kEntriesAhead], kind);
      });
    }
    lists(i,
          [&](const PostingTable& table, std::size_t kind) { take(table.at(touched[i], kind)); });
  }
  std::copy(always.begin(), always.end(), out + n);
  // In rule order, which is the order of their compiled nodes in memory.
  std::sort(out, out + n + always.size());
  return {out, n + always.size()};
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

namespace {

// Whether the words ids[0..count) occur one after the other in `f`.
bool phrase_at(const FieldView& f, const std::uint32_t* ids, std::uint32_t count,
               std::uint32_t position) {
  for (std::uint32_t k = 1; k < count; ++k) {
    if (!f.has_at(ids[k], position + k)) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::uint32_t Percolator::Impl::phrase_count(const std::uint32_t* ids, std::uint32_t count,
                                             const FieldView& f, const DocView& d,
                                             bool first_only) const {
  std::uint32_t c = 0;
  for (std::uint32_t l = first_link(ids[0], f, d); l != kNone; l = d.links[l].next) {
    if (phrase_at(f, ids, count, d.links[l].position)) {
      ++c;
      if (first_only) {
        break;
      }
    }
  }
  return c;
}

void Percolator::Impl::near_spans(const NearOperandIds& o, const FieldView& f, const DocView& d,
                                  std::vector<Span>& out) const {
  out.clear();
  for (std::uint32_t l = first_link(o.id, f, d); l != kNone; l = d.links[l].next) {
    const std::uint32_t p = d.links[l].position;
    if (o.op != Op::Phrase) {
      out.push_back({p, p});
    } else if (phrase_at(f, phrase_ids.data() + o.first, o.count, p)) {
      out.push_back({p, p + o.count - 1});
    }
  }
}

bool Percolator::Impl::near_in(const HotNode& n, const FieldView& f, const DocView& d) const {
  Scratch& sc = scratch();
  near_spans(near_ops[n.first()], f, d, sc.left);
  if (sc.left.empty()) {
    return false;
  }
  near_spans(near_ops[n.first() + 1], f, d, sc.right);
  return near_match(sc.left, sc.right, static_cast<int>(n.count()));
}

bool Percolator::Impl::eval(std::uint32_t index, const DocView& d) const {
  const HotNode& n = hot[index];
  const auto fields = [&](auto&& fn) {
    return in_fields(d.title, d.text, d.source, d.author, n.field(), fn);
  };
  switch (n.op) {
    case Op::Term:
      if (n.field() == Field::Any) {
        // The title or the body, by their bits together: one load for the word, one for its
        // stem in the document's language (stem bits are set in stemmed fields only).
        if ((d.flags_of(n.folded()) & (d.title.folded_bit | d.text.folded_bit)) != 0) {
          return true;
        }
        return n.stems() != kNone && d.stems != nullptr
               && (d.flags_of(d.stems[n.stems()]) & (d.title.stem_bit | d.text.stem_bit)) != 0;
      }
      return fields([&](const FieldView& f) {
        if ((d.flags_of(n.folded()) & f.folded_bit) != 0) {
          return true;
        }
        return f.stemmed && n.stems() != kNone && d.stems != nullptr
               && (d.flags_of(d.stems[n.stems()]) & f.stem_bit) != 0;
      });
    case Op::Prefix:
      return fields(
          [&](const FieldView& f) { return (d.flags_of(n.folded()) & f.folded_bit) != 0; });
    case Op::Phrase:
      return fields([&](const FieldView& f) {
        const std::uint32_t* ids = phrase_ids.data() + n.first();
        for (std::uint32_t k = 0; k < n.count(); ++k) {
          if ((d.flags_of(ids[k]) & f.folded_bit) == 0) {
            return false;
          }
        }
        return phrase_count(ids, n.count(), f, d, true) > 0;
      });
    case Op::Near:
      return fields([&](const FieldView& f) { return near_in(n, f, d); });
    case Op::Filter:
      return (d.flags_of(n.folded()) & kFilterBit) != 0;
    case Op::Date: {
      const DateRange& dates = nodes[index].dates;
      const auto& date = d.doc->date();
      return date && (!dates.from || *date >= *dates.from)
             && (!dates.until || *date < *dates.until);
    }
    case Op::And: {
      std::uint32_t c = index + 1;
      for (std::uint32_t k = 0; k < n.count(); ++k, c += hot[c].subtree()) {
        if (!eval(c, d)) {
          return false;
        }
      }
      return true;
    }
    case Op::Or: {
      std::uint32_t c = index + 1;
      for (std::uint32_t k = 0; k < n.count(); ++k, c += hot[c].subtree()) {
        if (eval(c, d)) {
          return true;
        }
      }
      return false;
    }
    case Op::Not:
      return !eval(index + 1, d);
  }
  return false;
}

// How often a leaf occurs, title occurrences counting double.
double Percolator::Impl::leaf_count(std::uint32_t index, const DocView& d) const {
  const HotNode& n = hot[index];
  const auto count_in = [&](const FieldView& f) -> double {
    switch (n.op) {
      case Op::Term:
        if (f.stemmed && n.stems() != kNone && d.stems != nullptr) {
          return static_cast<double>(count_of(d.stems[n.stems()], f.stem_slot, d));
        }
        return static_cast<double>(count_of(n.folded(), f.slot, d));
      case Op::Prefix:
        return static_cast<double>(count_of(n.folded(), f.slot, d));
      case Op::Phrase:
        return static_cast<double>(
            phrase_count(phrase_ids.data() + n.first(), n.count(), f, d, false));
      case Op::Near:
        return near_in(n, f, d) ? 1.0 : 0.0;
      default:
        return 0.0;
    }
  };
  switch (n.field()) {
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
                                    double& score, std::vector<std::uint32_t>& found) const {
  const HotNode& n = hot[index];
  switch (n.op) {
    case Op::Not:
      collect_hits(index + 1, !negated, d, score, found);
      return;
    case Op::And:
    case Op::Or:
      for (std::uint32_t k = 0, c = index + 1; k < n.count(); ++k, c += hot[c].subtree()) {
        collect_hits(c, negated, d, score, found);
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
  const double tf = leaf_count(index, d);
  if (tf <= 0) {
    return;
  }
  // BM25's saturation and length normalisation, without IDF (a topic has no collection):
  // k1 = 1.2, b = 0.75, a typical item of 200 words.
  constexpr double kK1 = 1.2;
  constexpr double kB = 0.75;
  constexpr double kAverageLength = 200;
  const double norm = 1 - kB + kB * static_cast<double>(d.length) / kAverageLength;
  score += tf * (kK1 + 1) / (tf + kK1 * norm);
  if (std::find(found.begin(), found.end(), n.label_id) == found.end()) {
    found.push_back(n.label_id);
  }
}

std::vector<std::uint32_t> Percolator::Impl::matching_rules(const DocView& d) const {
  std::vector<std::uint32_t> out;
  const std::span<const std::uint32_t> candidates = gather(d);
  // A candidate's nodes are a cache miss away (the topics' nodes take megabytes), and so is
  // its RuleInfo, which says where they are. Two stages: load the RuleInfo of the candidate
  // 6 ahead, and the root and the line after (its first children) of the one 2 ahead, whose
  // RuleInfo has arrived, while one is checked.
  constexpr std::size_t kInfoAhead = 6;
  constexpr std::size_t kAhead = 2;
  const auto info_ahead = [&](std::size_t j) {
    if (j < candidates.size()) {
      core::prefetch(&rule_info[candidates[j]]);
    }
  };
  const auto ahead = [&](std::size_t j) {
    if (j < candidates.size()) {
      const HotNode* root = hot.data() + rule_info[candidates[j]].root;
      core::prefetch(root);
      core::prefetch(reinterpret_cast<const char*>(root) + 64);
    }
  };
  for (std::size_t j = 0; j < kInfoAhead; ++j) {
    info_ahead(j);
  }
  for (std::size_t j = 0; j < kAhead; ++j) {
    ahead(j);
  }
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    info_ahead(i + kInfoAhead);
    ahead(i + kAhead);
    const std::uint32_t r = candidates[i];
    const RuleInfo& info = rule_info[r];
    if ((!info.restricted || applies(rules[r], d.doc->lang())) && eval(info.root, d)) {
      out.push_back(r);
    }
  }
  return out;
}

Percolator::Percolator() : impl_(std::make_unique<Impl>()) {
  impl_->freeze();
}

Percolator::Percolator(std::span<const PercolatorTopic> topics, const PercolatorLimits& limits)
    : impl_(std::make_unique<Impl>()) {
  for (const auto& t : topics) {
    impl_->add_topic(t, limits);
  }
  impl_->freeze();
}

void Percolator::Impl::freeze() {
  postings.freeze();
  term_postings.freeze();
  stemmed_terms = nlangs == 0 ? 0 : stem_ids.size() / nlangs;
  stems_by_lang.resize(stem_ids.size());
  for (std::size_t t = 0; t < stemmed_terms; ++t) {
    for (std::size_t l = 0; l < nlangs; ++l) {
      stems_by_lang[l * stemmed_terms + t] = stem_ids[t * nlangs + l];
    }
  }
  // A query word's record carries its stems' index in stems_by_lang: a document token equal
  // to it needs no stem lookup.
  std::vector<std::uint32_t> stems_of_word(dict.size(), kNone);
  for (const auto& [term, offset] : stems_of_term) {
    stems_of_word[dict.find(term)] = static_cast<std::uint32_t>(offset / nlangs);
  }
  word_lookup = LookupTable<WordSlot>(dict, std::move(word_ids),
                                      [&](std::uint32_t id) { return stems_of_word[id]; });
  word_ids = {};
  stems_in.clear();
  for (std::size_t l = 0; l < nlangs; ++l) {
    const auto row = stems_by_lang.begin() + static_cast<std::ptrdiff_t>(l * stemmed_terms);
    stems_in.emplace_back(
        dict, std::vector<std::uint32_t>(row, row + static_cast<std::ptrdiff_t>(stemmed_terms)));
  }
}

Percolator::~Percolator() = default;
Percolator::Percolator(Percolator&&) noexcept = default;
Percolator& Percolator::operator=(Percolator&&) noexcept = default;

std::vector<PercolatorHit> Percolator::percolate(const EvalDocument& doc) const {
  const ScratchReset reset;
  const Impl::DocView d = impl_->view(doc);
  std::vector<PercolatorHit> hits;
  const std::vector<std::uint32_t> matching = impl_->matching_rules(d);
  hits.reserve(matching.size());
  std::vector<std::uint32_t> labels;
  for (std::uint32_t r : matching) {
    PercolatorHit& hit = hits.emplace_back();
    hit.topic_id = impl_->rule_info[r].topic;
    labels.clear();
    impl_->collect_hits(impl_->rule_info[r].root, false, d, hit.score, labels);
    hit.matched_terms.reserve(labels.size());
    for (std::uint32_t l : labels) {
      hit.matched_terms.push_back(impl_->labels[l]);
    }
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
    out.push_back(impl_->rule_info[r].topic);
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
  return {impl_->topic_ids.size(), impl_->query_count, impl_->key_count, impl_->always.size(),
          impl_->dict.size()};
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
