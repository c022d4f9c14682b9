// SPDX-License-Identifier: AGPL-3.0-or-later
#include "storage/xapian/query_compiler.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <vector>

#include "storage/xapian/date_order.h"
#include "storage/xapian/near_source.h"
#include "storage/xapian/schema.h"
#include "text/text.h"

namespace vigie::storage::xapian_schema {
namespace {

using XQ = Xapian::Query;

// Filters restrict; they must not change the ranking of what they keep.
XQ unweighted(XQ q) {
  return XQ(XQ::OP_SCALE_WEIGHT, q, 0.0);
}

XQ match_all() {
  return unweighted(XQ::MatchAll);
}

std::string serialise_time(core::Timestamp t) {
  return Xapian::sortable_serialise(static_cast<double>(core::to_unix(t)));
}

struct Compiler {
  const Xapian::Database& db;
  const std::set<std::string>& langs;
  const CompileOptions& options;
  bool outside_not = true;  // false under NOT: every part must then be exact

  Compiler negated() const { return Compiler{db, langs, options, !outside_not}; }

  XQ word(const std::string& term, match::Field field) const {
    const std::string_view prefix = word_prefix(field);
    std::vector<XQ> alternatives{XQ(std::string(prefix) + term)};
    // Names (source, author) are not stemmed; title and body words are (evaluator.h).
    if (field == match::Field::Any || field == match::Field::Title) {
      for (const auto& lang : langs) {
        const std::string stem = text::stem(term, lang);
        if (auto same_stem = stem_words(term, stem, lang, prefix); !same_stem.empty()) {
          alternatives.emplace_back(XQ::OP_FILTER,
                                    XQ(XQ::OP_OR, same_stem.begin(), same_stem.end()),
                                    XQ(std::string(kLangPrefix) + lang));
        }
      }
    }
    return XQ(XQ::OP_OR, alternatives.begin(), alternatives.end());
  }

  // The indexed words other than `term` whose stem in `lang` is `stem`, with `prefix`: those
  // the synonym table lists for the stem (schema.h), and the stem itself when it is its own
  // stem (it has no entry). A document of that language holding one matches `term`.
  std::vector<std::string> stem_words(const std::string& term, const std::string& stem,
                                      const std::string& lang, std::string_view prefix) const {
    std::vector<std::string> out;
    const std::string key = stem_term(kStemPrefix, lang, stem);
    for (auto it = db.synonyms_begin(key); it != db.synonyms_end(key); ++it) {
      if (*it != term) {
        out.push_back(std::string(prefix) + *it);
      }
    }
    if (stem != term && text::stem(stem, lang) == stem) {
      out.push_back(std::string(prefix) + stem);
    }
    return out;
  }

  XQ prefix(const match::Prefix& p) const {
    return XQ(XQ::OP_WILDCARD, std::string(word_prefix(p.field)) + p.prefix,
              options.max_prefix_expansion, XQ::WILDCARD_LIMIT_MOST_FREQUENT);
  }

  XQ phrase(const match::Phrase& p) const {
    std::vector<std::string> terms;
    for (const auto& t : p.terms) {
      terms.push_back(std::string(word_prefix(p.field)) + t);
    }
    if (terms.size() == 1) {
      return XQ(terms.front());
    }
    return XQ(XQ::OP_PHRASE, terms.begin(), terms.end(),
              static_cast<Xapian::termcount>(terms.size()));
  }

  // A NEAR operand: folded forms only.
  XQ exact(const match::NearOperand& op) const {
    if (const auto* t = std::get_if<match::Term>(&op)) {
      return XQ(std::string(word_prefix(t->field)) + t->term);
    }
    if (const auto* p = std::get_if<match::Prefix>(&op)) {
      return prefix(*p);
    }
    return phrase(std::get<match::Phrase>(op));
  }

  XQ operator()(const match::Term& t) const { return word(t.term, t.field); }
  XQ operator()(const match::Prefix& p) const { return prefix(p); }
  XQ operator()(const match::Phrase& p) const { return phrase(p); }
  XQ operator()(const match::Near& n) const {
    XQ q = near(n);
    if (!outside_not || options.max_near_candidates == 0) {
      return q;
    }
    const Xapian::docid floor = near_floor(n);
    if (floor <= 1) {
      return q;
    }
    auto* range = new DocidRangeSource(floor, db.get_lastdocid());
    return XQ(XQ::OP_FILTER, q, XQ(range->release()));
  }

  // The lowest id of the newest max_near_candidates documents holding the rarer side of `n`;
  // 1 (no restriction) when it is in fewer documents or when both sides are prefixes.
  Xapian::docid near_floor(const match::Near& n) const {
    std::string rarest;
    Xapian::doccount freq = 0;
    for (const auto* op : {&n.left, &n.right}) {
      const std::string_view prefix = word_prefix(match::field_of(*op));
      std::vector<std::string> words;
      if (const auto* t = std::get_if<match::Term>(op)) {
        words.push_back(t->term);
      } else if (const auto* p = std::get_if<match::Phrase>(op)) {
        words = p->terms;
      }
      for (const auto& w : words) {
        std::string term = std::string(prefix) + w;
        const Xapian::doccount f = db.get_termfreq(term);
        if (rarest.empty() || f < freq) {
          rarest = std::move(term);
          freq = f;
        }
      }
    }
    const Xapian::doccount cap = options.max_near_candidates;
    const Xapian::docid last = db.get_lastdocid();
    if (rarest.empty()) {
      return last > cap ? last - cap + 1 : 1;  // the newest ids, whatever they hold
    }
    if (freq <= cap) {
      return 1;
    }
    // Read the postings from a guessed start (ids spread evenly: twice the span that should
    // hold `cap` of them), widening until `cap` are found.
    std::uint64_t span = static_cast<std::uint64_t>(last) * 2 * cap / freq + 1;
    std::vector<Xapian::docid> ids;
    for (;;) {
      const Xapian::docid from = span >= last ? 1 : static_cast<Xapian::docid>(last - span);
      ids.clear();
      auto it = db.postlist_begin(rarest);
      it.skip_to(from);
      for (; it != db.postlist_end(rarest); ++it) {
        ids.push_back(*it);
      }
      if (ids.size() >= cap) {
        return ids[ids.size() - cap];
      }
      if (from == 1) {
        return 1;
      }
      span *= 4;
    }
  }

  XQ near(const match::Near& n) const {
    const auto* lt = std::get_if<match::Term>(&n.left);
    const auto* rt = std::get_if<match::Term>(&n.right);
    // Two different words: Xapian's OP_NEAR is exact. Its window counts positions, and our
    // distance counts the words between: at most n words between is a window of n + 2.
    if (lt != nullptr && rt != nullptr && lt->term != rt->term) {
      const std::vector<XQ> both{exact(n.left), exact(n.right)};
      return XQ(XQ::OP_NEAR, both.begin(), both.end(),
                static_cast<Xapian::termcount>(n.distance + 2));
    }
    std::vector<XQ> required{exact(n.left), exact(n.right)};
    // Phrases: every word of both lies within len(left) + len(right) + n positions, which
    // OP_NEAR checks cheaply, so NearSource only verifies the few documents that pass. Only
    // for distinct words, as OP_NEAR's handling of a repeated word differs from ours.
    if (auto words = near_words(n); !words.empty()) {
      const auto window =
          static_cast<Xapian::termcount>(words.size()) + static_cast<Xapian::termcount>(n.distance);
      required.emplace_back(XQ::OP_NEAR, words.begin(), words.end(), window);
    }
    auto* source = new NearSource(n.left, n.right, n.distance);
    return XQ(XQ::OP_FILTER, XQ(XQ::OP_AND, required.begin(), required.end()),
              XQ(source->release()));
  }

  // The prefixed words of both operands when none is a prefix and no word repeats; else none.
  static std::vector<std::string> near_words(const match::Near& n) {
    std::vector<std::string> out;
    for (const auto* op : {&n.left, &n.right}) {
      const std::string_view prefix = word_prefix(match::field_of(*op));
      if (const auto* t = std::get_if<match::Term>(op)) {
        out.push_back(std::string(prefix) + t->term);
      } else if (const auto* p = std::get_if<match::Phrase>(op)) {
        for (const auto& w : p->terms) {
          out.push_back(std::string(prefix) + w);
        }
      } else {
        return {};
      }
    }
    auto sorted = out;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
      return {};
    }
    return out;
  }
  XQ operator()(const match::Filter& f) const {
    std::string_view prefix = kLangPrefix;
    if (f.field == match::FilterField::Country) {
      prefix = kCountryPrefix;
    } else if (f.field == match::FilterField::Tag) {
      prefix = kTagPrefix;
    }
    return unweighted(XQ(std::string(prefix) + f.value));
  }
  XQ operator()(const match::DateRange& d) const {
    // Stored dates are whole seconds, so [from, until) is [from, until - 1s].
    if (d.from && d.until) {
      return XQ(XQ::OP_VALUE_RANGE, kDateSlot, serialise_time(*d.from),
                serialise_time(*d.until - std::chrono::seconds{1}));
    }
    if (d.from) {
      return XQ(XQ::OP_VALUE_GE, kDateSlot, serialise_time(*d.from));
    }
    if (d.until) {
      return XQ(XQ::OP_VALUE_LE, kDateSlot, serialise_time(*d.until - std::chrono::seconds{1}));
    }
    return match_all();
  }
  XQ operator()(const match::And& a) const {
    std::vector<XQ> positive;
    std::vector<XQ> negative;
    for (const auto& c : a.children) {
      if (const auto* n = std::get_if<match::Not>(&c.node)) {
        negative.push_back(negated().compile(n->operand()));
      } else {
        positive.push_back(compile(c));
      }
    }
    XQ q = positive.empty() ? match_all() : XQ(XQ::OP_AND, positive.begin(), positive.end());
    if (negative.empty()) {
      return q;
    }
    return XQ(XQ::OP_AND_NOT, q, XQ(XQ::OP_OR, negative.begin(), negative.end()));
  }
  XQ operator()(const match::Or& o) const {
    std::vector<XQ> children;
    for (const auto& c : o.children) {
      children.push_back(compile(c));
    }
    return XQ(XQ::OP_OR, children.begin(), children.end());
  }
  XQ operator()(const match::Not& n) const {
    return XQ(XQ::OP_AND_NOT, match_all(), negated().compile(n.operand()));
  }

  XQ compile(const match::Query& q) const { return std::visit(*this, q.node); }
};

bool near_within_limits(const match::Query& q) {
  return std::visit(
      [](const auto& node) -> bool {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, match::Near>) {
          return node.distance >= 0 && node.distance <= kMaxNearDistance;
        } else if constexpr (std::is_same_v<T, match::And> || std::is_same_v<T, match::Or>) {
          for (const auto& c : node.children) {
            if (!near_within_limits(c)) {
              return false;
            }
          }
          return true;
        } else if constexpr (std::is_same_v<T, match::Not>) {
          return near_within_limits(node.operand());
        } else {
          return true;
        }
      },
      q.node);
}

}  // namespace

std::optional<RequiredDates> required_dates(const match::Query& query) {
  auto of_range = [](const match::DateRange& d) {
    // [from, until) in whole seconds is [from, until - 1].
    return RequiredDates{
        d.from ? core::to_unix(*d.from) : std::numeric_limits<std::int64_t>::min(),
        d.until ? core::to_unix(*d.until) - 1 : std::numeric_limits<std::int64_t>::max()};
  };
  if (const auto* d = std::get_if<match::DateRange>(&query.node)) {
    return of_range(*d);
  }
  const auto* a = std::get_if<match::And>(&query.node);
  if (a == nullptr) {
    return std::nullopt;
  }
  std::optional<RequiredDates> out;
  for (const auto& c : a->children) {
    if (const auto* d = std::get_if<match::DateRange>(&c.node)) {
      const RequiredDates r = of_range(*d);
      out = out ? RequiredDates{std::max(out->from, r.from), std::min(out->until, r.until)} : r;
    }
  }
  return out;
}

core::Result<Xapian::Query> compile_query(const match::Query& query, const Xapian::Database& db,
                                          const std::set<std::string>& langs,
                                          const CompileOptions& options) {
  if (!near_within_limits(query)) {
    return core::make_error(core::ErrorCode::InvalidInput, "search.query",
                            "xapian: NEAR distance beyond the index's limit");
  }
  return Compiler{db, langs, options}.compile(query);
}

}  // namespace vigie::storage::xapian_schema
