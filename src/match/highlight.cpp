// SPDX-License-Identifier: AGPL-3.0-or-later
#include "match/highlight.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <vector>

#include "match/evaluator.h"
#include "text/utf8.h"

namespace vigie::match {
namespace {

// The positive leaves of a query that apply to one target.
struct Leaves {
  std::vector<std::string> stemmed;  // bare words: folded or stem match
  std::vector<NearOperand> exact;    // prefixes, phrases, and NEAR operands
};

bool applies(Field field, HighlightTarget target) {
  return field == Field::Any || (field == Field::Title && target == HighlightTarget::Title);
}

void collect(const Query& q, bool negated, HighlightTarget target, Leaves& out) {
  std::visit(
      [&](const auto& node) {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, Not>) {
          collect(node.operand(), !negated, target, out);
        } else if constexpr (std::is_same_v<T, And> || std::is_same_v<T, Or>) {
          for (const auto& c : node.children) {
            collect(c, negated, target, out);
          }
        } else if constexpr (std::is_same_v<T, Term>) {
          if (!negated && applies(node.field, target)) {
            out.stemmed.push_back(node.term);
          }
        } else if constexpr (std::is_same_v<T, Prefix> || std::is_same_v<T, Phrase>) {
          if (!negated && applies(node.field, target)) {
            out.exact.emplace_back(node);
          }
        } else if constexpr (std::is_same_v<T, Near>) {
          if (!negated && applies(field_of(node.left), target)) {
            out.exact.push_back(node.left);
            out.exact.push_back(node.right);
          }
        }
      },
      q.node);
}

// `f` has no stems: they are computed here once per distinct word, and only when the query
// has bare words, since stemming every word of every hit would dominate search time.
std::vector<bool> marks(const FieldTokens& f, std::string_view lang, const Leaves& leaves) {
  std::vector<bool> marked(f.tokens.size(), false);
  const bool stemmed = has_stemmer(lang) && !leaves.stemmed.empty();
  std::vector<std::string> stems;
  if (stemmed) {
    for (const auto& t : leaves.stemmed) {
      stems.push_back(text::stem(t, lang));
    }
  }
  std::unordered_map<std::string_view, bool> by_stem;
  for (std::size_t i = 0; i < f.tokens.size(); ++i) {
    const std::string& term = f.tokens[i].term;
    if (std::find(leaves.stemmed.begin(), leaves.stemmed.end(), term) != leaves.stemmed.end()) {
      marked[i] = true;
    } else if (stemmed) {
      auto [it, fresh] = by_stem.try_emplace(term, false);
      if (fresh) {
        it->second = std::find(stems.begin(), stems.end(), text::stem(term, lang)) != stems.end();
      }
      marked[i] = it->second;
    }
  }
  for (const auto& op : leaves.exact) {
    for (const Span& s : occurrences(op, f)) {
      for (std::size_t i = 0; i < f.tokens.size(); ++i) {
        if (f.tokens[i].position >= s.first && f.tokens[i].position <= s.last) {
          marked[i] = true;
        }
      }
    }
  }
  return marked;
}

// Escaped text[begin, end) with the marked tokens inside it wrapped.
std::string render(std::string_view text, const FieldTokens& f, const std::vector<bool>& marked,
                   std::size_t begin, std::size_t end) {
  std::string out;
  std::size_t cursor = begin;
  for (std::size_t i = 0; i < f.tokens.size(); ++i) {
    const auto& t = f.tokens[i];
    if (!marked[i] || t.offset < begin || t.offset + t.length > end) {
      continue;
    }
    out += text::html_escape(text.substr(cursor, t.offset - cursor));
    out += "<mark>";
    out += text::html_escape(text.substr(t.offset, t.length));
    out += "</mark>";
    cursor = t.offset + t.length;
  }
  out += text::html_escape(text.substr(cursor, end - cursor));
  return out;
}

}  // namespace

std::string highlight_html(std::string_view text, std::string_view lang, const Query& query,
                           HighlightTarget target) {
  const std::string norm_lang = normalize_filter_value(lang);
  Leaves leaves;
  collect(query, false, target, leaves);
  const FieldTokens f = FieldTokens::build(text, {});
  return render(text, f, marks(f, norm_lang, leaves), 0, text.size());
}

std::string snippet_html(std::string_view text, std::string_view lang, const Query& query,
                         std::size_t max_words) {
  const std::string norm_lang = normalize_filter_value(lang);
  Leaves leaves;
  collect(query, false, HighlightTarget::Body, leaves);
  const FieldTokens f = FieldTokens::build(text, {});
  const std::vector<bool> marked = marks(f, norm_lang, leaves);
  const std::size_t n = f.tokens.size();
  const std::size_t width = std::max<std::size_t>(max_words, 1);
  if (n <= width) {
    return render(text, f, marked, 0, text.size());
  }
  // Start a few words before a match, so the reader sees its context.
  constexpr std::size_t kLead = 3;
  std::size_t best_start = 0;
  std::pair<std::size_t, std::size_t> best_score{0, 0};
  for (std::size_t m = 0; m < n; ++m) {
    if (!marked[m]) {
      continue;
    }
    const std::size_t s = std::min(m > kLead ? m - kLead : 0, n - width);
    std::set<std::string_view> distinct;
    std::size_t count = 0;
    for (std::size_t i = s; i < s + width; ++i) {
      if (marked[i]) {
        distinct.insert(f.tokens[i].term);
        ++count;
      }
    }
    const std::pair<std::size_t, std::size_t> score{distinct.size(), count};
    if (score > best_score) {
      best_score = score;
      best_start = s;
    }
  }
  const std::size_t last = best_start + width - 1;
  const std::size_t begin = best_start == 0 ? 0 : f.tokens[best_start].offset;
  const std::size_t end =
      last + 1 == n ? text.size() : f.tokens[last].offset + f.tokens[last].length;
  std::string out = best_start == 0 ? "" : "\u2026 ";
  out += render(text, f, marked, begin, end);
  if (last + 1 < n) {
    out += " \u2026";
  }
  return out;
}

}  // namespace vigie::match
