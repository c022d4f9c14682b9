// SPDX-License-Identifier: AGPL-3.0-or-later
#include "publish/feed_writer.h"

#include <nlohmann/json.hpp>

#include "text/text.h"
#include "text/utf8.h"

namespace vigie::publish {
namespace {

void element(std::string& out, std::string_view indent, std::string_view name,
             std::string_view text) {
  out += indent;
  out += '<';
  out += name;
  out += '>';
  out += text::xml_escape(text);
  out += "</";
  out += name;
  out += ">\n";
}

}  // namespace

std::optional<FeedFormat> parse_feed_format(std::string_view name) {
  if (name == "atom") {
    return FeedFormat::Atom;
  }
  if (name == "rss") {
    return FeedFormat::Rss;
  }
  if (name == "json") {
    return FeedFormat::Json;
  }
  return std::nullopt;
}

const char* content_type(FeedFormat format) {
  switch (format) {
    case FeedFormat::Atom:
      return "application/atom+xml; charset=utf-8";
    case FeedFormat::Rss:
      return "application/rss+xml; charset=utf-8";
    case FeedFormat::Json:
      return "application/feed+json; charset=utf-8";
  }
  return "application/octet-stream";
}

std::string write_atom(const FeedDocument& feed) {
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  out += "<feed xmlns=\"http://www.w3.org/2005/Atom\"";
  if (!feed.language.empty()) {
    out += " xml:lang=\"" + text::xml_escape(feed.language) + "\"";
  }
  out += ">\n";
  element(out, "  ", "id", feed.id);
  element(out, "  ", "title", feed.title);
  if (!feed.subtitle.empty()) {
    element(out, "  ", "subtitle", feed.subtitle);
  }
  element(out, "  ", "updated", core::format_iso8601(feed.updated));
  if (!feed.home_url.empty()) {
    out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + text::xml_escape(feed.home_url)
           + "\"/>\n";
  }
  if (!feed.self_url.empty()) {
    out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\""
           + text::xml_escape(feed.self_url) + "\"/>\n";
  }
  // Atom requires an author for the feed when an entry has none.
  out += "  <author>\n";
  element(out, "    ", "name", feed.author.empty() ? feed.title : feed.author);
  out += "  </author>\n";
  out += "  <generator>Vigie</generator>\n";
  for (const auto& e : feed.entries) {
    out += "  <entry>\n";
    element(out, "    ", "id", e.id);
    element(out, "    ", "title", e.title);
    if (!e.link.empty()) {
      out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + text::xml_escape(e.link)
             + "\"/>\n";
    }
    element(out, "    ", "published", core::format_iso8601(e.published));
    element(out, "    ", "updated", core::format_iso8601(e.updated));
    if (!e.author.empty()) {
      out += "    <author>\n";
      element(out, "      ", "name", e.author);
      out += "    </author>\n";
    }
    for (const auto& c : e.categories) {
      out += "    <category term=\"" + text::xml_escape(c) + "\"/>\n";
    }
    if (!e.summary_html.empty()) {
      out += "    <summary type=\"html\">" + text::xml_escape(e.summary_html) + "</summary>\n";
    }
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

std::string write_rss(const FeedDocument& feed) {
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  out +=
      "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n";
  out += "  <channel>\n";
  element(out, "    ", "title", feed.title);
  // RSS requires a channel link and description.
  element(out, "    ", "link", feed.home_url.empty() ? feed.self_url : feed.home_url);
  element(out, "    ", "description", feed.subtitle.empty() ? feed.title : feed.subtitle);
  if (!feed.language.empty()) {
    element(out, "    ", "language", feed.language);
  }
  element(out, "    ", "lastBuildDate", core::format_rfc5322(feed.updated));
  element(out, "    ", "generator", "Vigie");
  if (!feed.self_url.empty()) {
    out += "    <atom:link rel=\"self\" type=\"application/rss+xml\" href=\""
           + text::xml_escape(feed.self_url) + "\"/>\n";
  }
  for (const auto& e : feed.entries) {
    out += "    <item>\n";
    element(out, "      ", "title", e.title);
    if (!e.link.empty()) {
      element(out, "      ", "link", e.link);
    }
    // The id is not a URL: isPermaLink="false" tells readers not to open it.
    out += "      <guid isPermaLink=\"false\">" + text::xml_escape(e.id) + "</guid>\n";
    element(out, "      ", "pubDate", core::format_rfc5322(e.published));
    if (!e.author.empty()) {
      // RSS <author> must be an email address; dc:creator carries a name.
      element(out, "      ", "dc:creator", e.author);
    }
    for (const auto& c : e.categories) {
      element(out, "      ", "category", c);
    }
    if (!e.summary_html.empty()) {
      element(out, "      ", "description", e.summary_html);
    }
    out += "    </item>\n";
  }
  out += "  </channel>\n</rss>\n";
  return out;
}

std::string write_json_feed(const FeedDocument& feed) {
  nlohmann::ordered_json doc;
  doc["version"] = "https://jsonfeed.org/version/1.1";
  doc["title"] = text::clean_utf8(feed.title);
  if (!feed.home_url.empty()) {
    doc["home_page_url"] = text::clean_utf8(feed.home_url);
  }
  if (!feed.self_url.empty()) {
    doc["feed_url"] = text::clean_utf8(feed.self_url);
  }
  if (!feed.subtitle.empty()) {
    doc["description"] = text::clean_utf8(feed.subtitle);
  }
  if (!feed.language.empty()) {
    doc["language"] = text::clean_utf8(feed.language);
  }
  if (!feed.author.empty()) {
    doc["authors"] = nlohmann::ordered_json::array({{{"name", text::clean_utf8(feed.author)}}});
  }
  auto items = nlohmann::ordered_json::array();
  for (const auto& e : feed.entries) {
    nlohmann::ordered_json item;
    item["id"] = text::clean_utf8(e.id);
    if (!e.link.empty()) {
      item["url"] = text::clean_utf8(e.link);
    }
    item["title"] = text::clean_utf8(e.title);
    item["content_html"] = text::clean_utf8(e.summary_html);
    item["date_published"] = core::format_iso8601(e.published);
    item["date_modified"] = core::format_iso8601(e.updated);
    if (!e.author.empty()) {
      item["authors"] = nlohmann::ordered_json::array({{{"name", text::clean_utf8(e.author)}}});
    }
    if (!e.categories.empty()) {
      auto tags = nlohmann::ordered_json::array();
      for (const auto& c : e.categories) {
        tags.push_back(text::clean_utf8(c));
      }
      item["tags"] = std::move(tags);
    }
    items.push_back(std::move(item));
  }
  doc["items"] = std::move(items);
  return doc.dump(2) + "\n";
}

std::string write_feed(const FeedDocument& feed, FeedFormat format) {
  switch (format) {
    case FeedFormat::Atom:
      return write_atom(feed);
    case FeedFormat::Rss:
      return write_rss(feed);
    case FeedFormat::Json:
      return write_json_feed(feed);
  }
  return write_atom(feed);
}

std::string etag_of(std::string_view document) {
  return "\"" + text::sha256_hex(document).substr(0, 32) + "\"";
}

}  // namespace vigie::publish
