// SPDX-License-Identifier: AGPL-3.0-or-later
#include "storage/xapian/schema.h"

#include <cstring>

#include "match/evaluator.h"

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

void put_u32(std::string& out, std::size_t n) {
  const auto v = static_cast<std::uint32_t>(n);
  char bytes[4];
  std::memcpy(bytes, &v, sizeof v);
  out.append(bytes, sizeof bytes);
}

std::optional<std::string_view> take(std::string_view& in) {
  std::uint32_t n = 0;
  if (in.size() < sizeof n) {
    return std::nullopt;
  }
  std::memcpy(&n, in.data(), sizeof n);
  in.remove_prefix(sizeof n);
  if (in.size() < n) {
    return std::nullopt;
  }
  const std::string_view out = in.substr(0, n);
  in.remove_prefix(n);
  return out;
}

}  // namespace

Xapian::Document build_document(const IndexDocument& d, std::string& lang) {
  lang = match::normalize_filter_value(d.lang);
  if (!match::has_stemmer(lang)) {
    lang.clear();
  }
  const auto title = match::FieldTokens::build(d.title, lang);
  const auto text = match::FieldTokens::build(d.text, lang);
  const auto source = match::FieldTokens::build(d.source, {});
  const auto author = match::FieldTokens::build(d.author, {});

  Xapian::Document doc;
  // Positions start at 1; the body starts kFieldGap after the title's last position.
  const Xapian::termpos title_base = 1;
  const Xapian::termpos body_base =
      title_base + (title.tokens.empty() ? 0 : title.tokens.back().position + 1) + kFieldGap;
  for (std::size_t i = 0; i < title.tokens.size(); ++i) {
    const auto& t = title.tokens[i];
    doc.add_posting(t.term, title_base + t.position, kTitleWdf);
    doc.add_posting(prefixed(kTitlePrefix, t.term), title_base + t.position);
    if (!title.stems.empty()) {
      doc.add_term(stem_term(kStemPrefix, lang, title.stems[i]), kTitleWdf);
      doc.add_term(stem_term(kTitleStemPrefix, lang, title.stems[i]));
    }
  }
  for (std::size_t i = 0; i < text.tokens.size(); ++i) {
    const auto& t = text.tokens[i];
    doc.add_posting(t.term, body_base + t.position);
    if (!text.stems.empty()) {
      doc.add_term(stem_term(kStemPrefix, lang, text.stems[i]));
    }
  }
  add_words(doc, kSourcePrefix, source, 1);
  add_words(doc, kAuthorPrefix, author, 1);

  doc.add_boolean_term(prefixed(kOrgPrefix, std::to_string(d.org_id)));
  doc.add_boolean_term(prefixed(kSourceIdPrefix, std::to_string(d.source_id)));
  add_boolean(doc, kLangPrefix, d.lang);
  add_boolean(doc, kCountryPrefix, d.country);
  for (const auto& tag : d.tags) {
    add_boolean(doc, kTagPrefix, tag);
  }
  doc.add_value(kDateSlot,
                Xapian::sortable_serialise(static_cast<double>(core::to_unix(d.date()))));
  doc.add_value(kFetchedSlot,
                Xapian::sortable_serialise(static_cast<double>(core::to_unix(d.fetched_at))));
  doc.set_data(encode_data({match::normalize_filter_value(d.lang), d.title, d.text}));
  return doc;
}

std::string encode_data(const StoredText& s) {
  std::string out;
  out.reserve(12 + s.lang.size() + s.title.size() + s.text.size());
  for (std::string_view part :
       {std::string_view(s.lang), std::string_view(s.title), std::string_view(s.text)}) {
    put_u32(out, part.size());
    out += part;
  }
  return out;
}

std::optional<StoredText> decode_data(std::string_view data) {
  StoredText out;
  for (std::string* part : {&out.lang, &out.title, &out.text}) {
    auto v = take(data);
    if (!v) {
      return std::nullopt;
    }
    *part = std::string(*v);
  }
  return out;
}

}  // namespace vigie::storage::xapian_schema
