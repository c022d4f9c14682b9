// SPDX-License-Identifier: AGPL-3.0-or-later
#include "match/evaluator.h"

#include <algorithm>
#include <iterator>
#include <vector>

namespace vigie::match {

bool has_stemmer(std::string_view lang) {
  if (lang.empty()) {
    return false;
  }
  const auto& langs = text::stem_languages();
  return std::find(langs.begin(), langs.end(), lang) != langs.end();
}

FieldTokens FieldTokens::build(std::string_view text, std::string_view lang) {
  FieldTokens out;
  out.tokens = text::tokenize(text);
  std::erase_if(out.tokens, [](const text::Token& t) { return t.term.size() > kMaxTermBytes; });
  if (has_stemmer(lang)) {
    out.stems = text::stem_all(out.tokens, lang);
  }
  return out;
}

EvalDocument::EvalDocument(const DocumentFields& f)
    : lang_(normalize_filter_value(f.lang)),
      country_(normalize_filter_value(f.country)),
      date_(f.date),
      title_(FieldTokens::build(f.title, lang_)),
      text_(FieldTokens::build(f.text, lang_)),
      source_(FieldTokens::build(f.source, {})),
      author_(FieldTokens::build(f.author, {})) {
  for (const auto& t : f.tags) {
    tags_.push_back(normalize_filter_value(t));
  }
}

namespace {

// Token index holding `position`, if any (positions increase along the token list).
std::optional<std::size_t> index_at(const FieldTokens& f, std::uint32_t position) {
  const auto it =
      std::lower_bound(f.tokens.begin(), f.tokens.end(), position,
                       [](const text::Token& t, std::uint32_t p) { return t.position < p; });
  if (it == f.tokens.end() || it->position != position) {
    return std::nullopt;
  }
  return static_cast<std::size_t>(it - f.tokens.begin());
}

bool phrase_at(const FieldTokens& f, std::size_t start, const std::vector<std::string>& terms) {
  const std::uint32_t first = f.tokens[start].position;
  for (std::size_t k = 0; k < terms.size(); ++k) {
    const auto i = index_at(f, first + static_cast<std::uint32_t>(k));
    if (!i || f.tokens[*i].term != terms[k]) {
      return false;
    }
  }
  return true;
}

bool term_in(const FieldTokens& f, const std::string& term, std::string_view lang) {
  const bool stemmed = !f.stems.empty();
  const std::string wanted = stemmed ? text::stem(term, lang) : std::string();
  for (std::size_t i = 0; i < f.tokens.size(); ++i) {
    if (f.tokens[i].term == term || (stemmed && f.stems[i] == wanted)) {
      return true;
    }
  }
  return false;
}

bool prefix_in(const FieldTokens& f, const std::string& prefix) {
  return std::any_of(f.tokens.begin(), f.tokens.end(),
                     [&](const text::Token& t) { return t.term.starts_with(prefix); });
}

bool phrase_in(const FieldTokens& f, const std::vector<std::string>& terms) {
  for (std::size_t i = 0; i < f.tokens.size(); ++i) {
    if (f.tokens[i].term == terms.front() && phrase_at(f, i, terms)) {
      return true;
    }
  }
  return false;
}

// The fields a leaf restricted to `field` looks at: Any is the title and the body, separately.
template <class Fn>
bool any_field(const EvalDocument& doc, Field field, Fn&& fn) {
  switch (field) {
    case Field::Any:
      return fn(doc.title()) || fn(doc.text());
    case Field::Title:
      return fn(doc.title());
    case Field::Source:
      return fn(doc.source());
    case Field::Author:
      return fn(doc.author());
  }
  return false;
}

struct Evaluator {
  const EvalDocument& doc;

  bool operator()(const Term& t) const {
    return any_field(doc, t.field,
                     [&](const FieldTokens& f) { return term_in(f, t.term, doc.lang()); });
  }
  bool operator()(const Prefix& p) const {
    return any_field(doc, p.field, [&](const FieldTokens& f) { return prefix_in(f, p.prefix); });
  }
  bool operator()(const Phrase& p) const {
    return any_field(doc, p.field, [&](const FieldTokens& f) { return phrase_in(f, p.terms); });
  }
  bool operator()(const Near& n) const {
    return any_field(doc, field_of(n.left), [&](const FieldTokens& f) {
      return near_match(occurrences(n.left, f), occurrences(n.right, f), n.distance);
    });
  }
  bool operator()(const Filter& f) const {
    switch (f.field) {
      case FilterField::Lang:
        return doc.lang() == f.value;
      case FilterField::Country:
        return doc.country() == f.value;
      case FilterField::Tag:
        return std::find(doc.tags().begin(), doc.tags().end(), f.value) != doc.tags().end();
    }
    return false;
  }
  bool operator()(const DateRange& d) const {
    if (!doc.date()) {
      return false;
    }
    return (!d.from || *doc.date() >= *d.from) && (!d.until || *doc.date() < *d.until);
  }
  bool operator()(const And& a) const {
    return std::all_of(a.children.begin(), a.children.end(),
                       [&](const Query& q) { return std::visit(*this, q.node); });
  }
  bool operator()(const Or& o) const {
    return std::any_of(o.children.begin(), o.children.end(),
                       [&](const Query& q) { return std::visit(*this, q.node); });
  }
  bool operator()(const Not& n) const { return !std::visit(*this, n.operand().node); }
};

}  // namespace

bool evaluate(const Query& query, const EvalDocument& doc) {
  return std::visit(Evaluator{doc}, query.node);
}

std::vector<Span> occurrences(const NearOperand& operand, const FieldTokens& f) {
  std::vector<Span> out;
  for (std::size_t i = 0; i < f.tokens.size(); ++i) {
    const auto& tok = f.tokens[i];
    if (const auto* t = std::get_if<Term>(&operand)) {
      if (tok.term == t->term) {
        out.push_back({tok.position, tok.position});
      }
    } else if (const auto* p = std::get_if<Prefix>(&operand)) {
      if (tok.term.starts_with(p->prefix)) {
        out.push_back({tok.position, tok.position});
      }
    } else if (const auto* ph = std::get_if<Phrase>(&operand)) {
      if (tok.term == ph->terms.front() && phrase_at(f, i, ph->terms)) {
        out.push_back(
            {tok.position, tok.position + static_cast<std::uint32_t>(ph->terms.size() - 1)});
      }
    }
  }
  return out;
}

bool near_match(std::span<const Span> left, std::span<const Span> right, int distance) {
  const auto gap_ok = [distance](std::uint32_t before_last, std::uint32_t after_first) {
    // Words strictly between the two occurrences.
    return after_first > before_last
           && after_first - before_last - 1 <= static_cast<std::uint32_t>(distance);
  };
  // Few pairs (the usual case): try them all.
  constexpr std::size_t kPairsTriedAll = 256;
  if (left.size() * right.size() <= kPairsTriedAll) {
    for (const Span& a : left) {
      for (const Span& b : right) {
        if (gap_ok(a.last, b.first) || gap_ok(b.last, a.first)) {
          return true;
        }
      }
    }
    return false;
  }
  // A hostile text can repeat both operands hundreds of thousands of times: search instead of
  // trying every pair. For each left span, the right span starting first after it, and the
  // right span ending last before it, are the only ones that can be close enough.
  std::vector<std::uint32_t> firsts;
  std::vector<std::uint32_t> lasts;
  firsts.reserve(right.size());
  lasts.reserve(right.size());
  for (const Span& b : right) {
    firsts.push_back(b.first);
    lasts.push_back(b.last);
  }
  std::sort(firsts.begin(), firsts.end());
  std::sort(lasts.begin(), lasts.end());
  for (const Span& a : left) {
    const auto after = std::upper_bound(firsts.begin(), firsts.end(), a.last);
    if (after != firsts.end() && gap_ok(a.last, *after)) {
      return true;
    }
    const auto before = std::lower_bound(lasts.begin(), lasts.end(), a.first);
    if (before != lasts.begin() && gap_ok(*std::prev(before), a.first)) {
      return true;
    }
  }
  return false;
}

}  // namespace vigie::match
