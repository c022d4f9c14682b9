// SPDX-License-Identifier: AGPL-3.0-or-later
#include "storage/xapian/schema.h"

#include <string>
#include <unordered_set>
#include <vector>

#include "match/evaluator.h"
#include "text/text.h"

namespace vigie::storage::xapian_schema {

std::string_view word_prefix(match::Field field) {
  switch (field) {
    case match::Field::Any:
      return "";
    case match::Field::Title:
      return kTitlePrefix;
    case match::Field::Source:
      return kSourcePrefix;
    case match::Field::Author:
      return kAuthorPrefix;
  }
  return "";
}

std::string stem_term(std::string_view prefix, std::string_view lang, std::string_view stem) {
  std::string out;
  out.reserve(prefix.size() + lang.size() + 1 + stem.size());
  out += prefix;
  out += lang;
  out += ':';
  out += stem;
  return out;
}

namespace {

std::string prefixed(std::string_view prefix, std::string_view term) {
  std::string out;
  out.reserve(prefix.size() + term.size());
  out += prefix;
  out += term;
  return out;
}

void add_boolean(Xapian::Document& doc, std::string_view prefix, std::string_view raw) {
  const std::string value = match::normalize_filter_value(raw);
  // Values a query could never name (empty, or longer than a query term may be) are skipped.
  if (!value.empty() && value.size() <= match::kMaxTermBytes) {
    doc.add_boolean_term(prefixed(prefix, value));
  }
}

void add_words(Xapian::Document& doc, std::string_view prefix, const match::FieldTokens& f,
               Xapian::termpos base) {
  for (const auto& t : f.tokens) {
    doc.add_posting(prefixed(prefix, t.term), base + t.position);
  }
}

// Tokens of one field as match::FieldTokens::build makes them.
struct Field {
  std::vector<text::Token> tokens;

  explicit Field(std::string_view text) : tokens(text::tokenize(text)) {
    std::erase_if(tokens,
                  [](const text::Token& t) { return t.term.size() > match::kMaxTermBytes; });
  }
};

}  // namespace

std::string stem_key(std::string_view lang, std::string_view word) {
  const std::string stem = text::stem(word, lang);
  return stem == word ? std::string() : stem_term(kStemPrefix, lang, stem);
}

Xapian::Document build_document(const IndexDocument& d, std::string& lang,
                                std::vector<std::string>& words) {
  lang = match::normalize_filter_value(d.lang);
  if (!match::has_stemmer(lang)) {
    lang.clear();
  }
  const Field title(d.title);
  const Field text(d.text);

  Xapian::Document doc;
  std::string term(kTitlePrefix);
  // Positions start at 1; the body starts kFieldGap after the title's last position.
  const Xapian::termpos title_base = 1;
  const Xapian::termpos body_base =
      title_base + (title.tokens.empty() ? 0 : title.tokens.back().position + 1) + kFieldGap;
  for (const auto& t : title.tokens) {
    doc.add_posting(t.term, title_base + t.position, kTitleWdf);
    term.resize(kTitlePrefix.size());  // kTitlePrefix, then the word
    term += t.term;
    doc.add_posting(term, title_base + t.position);
  }
  for (const auto& t : text.tokens) {
    doc.add_posting(t.term, body_base + t.position);
  }
  words.clear();
  if (!lang.empty()) {
    std::unordered_set<std::string_view> seen;
    seen.reserve(title.tokens.size() + text.tokens.size());
    for (const Field* f : {&title, &text}) {
      for (const auto& t : f->tokens) {
        if (seen.insert(t.term).second) {
          words.push_back(t.term);
        }
      }
    }
  }
  add_words(doc, kSourcePrefix, match::FieldTokens::build(d.source, {}), 1);
  add_words(doc, kAuthorPrefix, match::FieldTokens::build(d.author, {}), 1);

  doc.add_boolean_term(prefixed(kOrgPrefix, std::to_string(d.org_id)));
  doc.add_boolean_term(prefixed(kSourceIdPrefix, std::to_string(d.source_id)));
  add_boolean(doc, kLangPrefix, d.lang);
  add_boolean(doc, kCountryPrefix, d.country);
  for (const auto& tag : d.tags) {
    add_boolean(doc, kTagPrefix, tag);
  }
  doc.add_value(kDateSlot,
                Xapian::sortable_serialise(static_cast<double>(core::to_unix(d.date()))));
  return doc;
}

}  // namespace vigie::storage::xapian_schema
