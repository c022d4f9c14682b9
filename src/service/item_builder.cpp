// SPDX-License-Identifier: AGPL-3.0-or-later
#include "service/item_builder.h"

#include <string>

#include "core/url.h"
#include "ingest/html/sanitizer.h"
#include "match/highlight.h"
#include "text/text.h"
#include "text/utf8.h"

namespace vigie::service {
namespace {

// The richest content the entry offers, as sanitised HTML (the parser already sanitised it).
std::string content_html(const core::FeedEntry& e) {
  const core::FeedContent* best = nullptr;
  for (const auto& c : e.content) {
    if (best == nullptr || (best->type == "text/plain" && c.type != "text/plain")
        || (c.type == best->type && c.value.size() > best->value.size())) {
      best = &c;
    }
  }
  if (best == nullptr) {
    return {};
  }
  return best->type == "text/plain" ? "<p>" + text::html_escape(best->value) + "</p>" : best->value;
}

}  // namespace

core::Item build_item(const core::Source& source, const core::FeedEntry& e,
                      std::string_view feed_language, core::Timestamp fetched_at) {
  core::Item it;
  it.org_id = source.org_id;
  it.source_id = source.id;
  it.url = e.link.value_or("");
  it.canonical_url = it.url.empty() ? std::string() : core::canonicalize_url(it.url);
  it.title = e.title.value_or("");
  it.content_html = content_html(e);
  if (e.summary) {
    it.summary_html =
        ingest::html::looks_like_html(*e.summary) ? *e.summary : text::html_escape(*e.summary);
  }
  const std::string& body = it.content_html.empty() ? it.summary_html : it.content_html;
  it.text = ingest::html::to_text(body);
  it.author = e.author.value_or("");
  for (const auto& c : e.categories) {
    if (c.term && !c.term->empty()) {
      it.categories.push_back(*c.term);
    } else if (c.label && !c.label->empty()) {
      it.categories.push_back(*c.label);
    }
  }
  it.published_at = e.published ? e.published : e.updated;
  it.updated_at = e.updated;
  it.fetched_at = fetched_at;

  const std::string identity = it.title + "\n" + it.text;
  it.content_hash = text::sha256_hex(identity);
  // GUID: the feed's id, else the link, else the content (a feed without either still gets
  // each entry stored once).
  it.guid = e.id.value_or(it.url.empty() ? "sha256:" + it.content_hash : it.url);
  std::string_view hint = feed_language;
  if (source.language && !source.language->empty()) {
    hint = *source.language;
  }
  it.lang = text::detect_language(identity, hint.substr(0, std::min<std::size_t>(hint.size(), 2)));
  it.simhash = text::simhash(identity);
  return it;
}

}  // namespace vigie::service
