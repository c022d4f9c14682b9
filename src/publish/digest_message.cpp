// SPDX-License-Identifier: AGPL-3.0-or-later
#include "publish/digest_message.h"

#include <utility>

#include "publish/email_layout.h"
#include "text/utf8.h"

namespace vigie::publish {
namespace {

using layout::kTextWidth;
using layout::tr;

// One story to show, with the topic it came from.
struct Entry {
  const DigestStory* story;
  std::string topic;  // one line
};

// The highlights of every topic, in order, then each topic's other stories.
struct Sections {
  std::vector<Entry> highlights;
  std::vector<std::pair<std::string, std::vector<Entry>>> topics;
};

Sections sections_of(const DigestContent& d) {
  Sections s;
  for (const DigestTopic& t : d.topics) {
    const std::string name = layout::one_line(t.name);
    std::vector<Entry> rest;
    for (const DigestStory& story : t.stories) {
      (story.highlight ? s.highlights : rest).push_back(Entry{&story, name});
    }
    if (!rest.empty()) {
      s.topics.emplace_back(name, std::move(rest));
    }
  }
  return s;
}

std::string count_words(std::size_t n, const core::Messages& m) {
  return tr(m, n == 1 ? "publish.digest.count_one" : "publish.digest.count_many",
            {{"n", std::to_string(n)}});
}

bool is_daily(const DigestContent& d) {
  return d.rhythm == core::Rhythm::Daily;
}

std::string text_entry(const Entry& e, bool show_topic, const core::Messages& m) {
  const DigestStory& s = *e.story;
  std::string out = layout::wrap("* " + layout::one_line(s.title), kTextWidth);
  if (show_topic) {
    out += "  " + tr(m, "publish.topic_line", {{"topic", e.topic}}) + "\n";
  }
  if (!layout::one_line(s.excerpt).empty()) {
    out += layout::wrap(s.excerpt, kTextWidth - 2, "  ");
  }
  if (const auto comment = layout::non_blank(s.comment)) {
    out += "  " + tr(m, "publish.label", {{"label", tr(m, "publish.comment")}}) + "\n";
    out += layout::wrap(*comment, kTextWidth - 4, "    ");
  }
  if (!s.sources.empty()) {
    out += "  " + tr(m, "publish.label", {{"label", tr(m, "publish.sources")}}) + "\n";
    out += layout::text_sources(s.sources, m, "  ");
  }
  if (layout::is_web_url(s.url)) {
    out += "  " + tr(m, "publish.label", {{"label", tr(m, "publish.read_on_portal")}}) + " "
           + layout::one_line(s.url) + "\n";
  }
  return out + "\n";
}

std::string text_heading(std::string_view title) {
  return "== " + std::string(title) + " ==\n\n";
}

std::string html_entry(const Entry& e, bool show_topic, const core::Messages& m) {
  const DigestStory& s = *e.story;
  std::string out = "<h3 style=\"margin:14px 0 4px 0;font-size:16px;line-height:1.35;\">"
                    + layout::html_link(s.url, layout::one_line(s.title)) + "</h3>\n";
  if (show_topic) {
    out += "<p style=\"margin:0 0 4px 0;" + std::string(layout::kMutedStyle) + "\">"
           + text::html_escape(tr(m, "publish.topic_line", {{"topic", e.topic}})) + "</p>\n";
  }
  if (!layout::one_line(s.excerpt).empty()) {
    out += layout::html_paragraphs(s.excerpt, "margin:0 0 8px 0;");
  }
  if (const auto comment = layout::non_blank(s.comment)) {
    out += layout::html_comment(*comment, m);
  }
  if (!s.sources.empty()) {
    out += layout::html_sources(s.sources, m);
  }
  return out;
}

std::string html_heading(std::string_view title, bool highlight) {
  const std::string colour = highlight ? "#b45309" : "#0b5394";
  return "<h2 style=\"margin:20px 0 10px 0;padding:0 0 4px 0;font-size:18px;color:" + colour
         + ";border-bottom:2px solid " + colour + ";\">" + text::html_escape(title) + "</h2>\n";
}

struct DigestWords {
  std::string greeting;
  std::string intro;
  std::string why;
};

DigestWords words_of(const DigestContent& d, const core::Messages& m) {
  DigestWords w;
  const std::string name = layout::one_line(d.recipient.name);
  w.greeting = name.empty() ? tr(m, "publish.greeting_anonymous")
                            : tr(m, "publish.greeting", {{"name", name}});
  const std::string from = layout::format_long(d.period_from, m);
  const std::string to = layout::format_long(d.period_to, m);
  w.intro = tr(m, is_daily(d) ? "publish.digest.intro.daily" : "publish.digest.intro.weekly",
               {{"from", from}, {"to", to}});
  w.why = tr(m, is_daily(d) ? "publish.digest.why.daily" : "publish.digest.why.weekly");
  return w;
}

std::string digest_text(const DigestContent& d, const Sections& s, const DigestWords& w,
                        const core::Messages& m) {
  std::string out = w.greeting + "\n\n" + layout::wrap(w.intro, kTextWidth) + "\n";
  if (!s.highlights.empty()) {
    out += text_heading(tr(m, "publish.digest.highlights"));
    for (const Entry& e : s.highlights) {
      out += text_entry(e, true, m);
    }
  }
  for (const auto& [topic, entries] : s.topics) {
    out += text_heading(topic);
    for (const Entry& e : entries) {
      out += text_entry(e, false, m);
    }
  }
  if (layout::is_web_url(d.portal_url)) {
    out += tr(m, "publish.label", {{"label", tr(m, "publish.digest.open_portal")}}) + " "
           + layout::one_line(d.portal_url) + "\n\n";
  }
  return out + layout::footer_text(w.why, d.unsubscribe_url, m);
}

std::string digest_html(const DigestContent& d, const Sections& s, const DigestWords& w,
                        const core::Messages& m, std::string_view subject) {
  std::string body = "<p style=\"margin:0 0 12px 0;\">" + text::html_escape(w.greeting) + "</p>\n";
  body += "<p style=\"margin:0 0 12px 0;\">" + text::html_escape(w.intro) + "</p>\n";
  if (!s.highlights.empty()) {
    body += html_heading(tr(m, "publish.digest.highlights"), true);
    for (const Entry& e : s.highlights) {
      body += html_entry(e, true, m);
    }
  }
  for (const auto& [topic, entries] : s.topics) {
    body += html_heading(topic, false);
    for (const Entry& e : entries) {
      body += html_entry(e, false, m);
    }
  }
  body += layout::html_button(d.portal_url, tr(m, "publish.digest.open_portal"));
  const std::string lang = d.lang.empty() ? m.lang() : d.lang;
  return layout::html_document(lang, subject, body,
                               layout::footer_html(w.why, d.unsubscribe_url, m));
}

}  // namespace

std::size_t story_count(const DigestContent& digest) {
  std::size_t n = 0;
  for (const DigestTopic& t : digest.topics) {
    n += t.stories.size();
  }
  return n;
}

mail::Message compose_digest_email(const DigestContent& digest, const mail::Mailbox& from,
                                   std::string message_id, core::Timestamp date,
                                   const core::Messages& messages) {
  const Sections sections = sections_of(digest);
  const DigestWords words = words_of(digest, messages);
  mail::Message msg;
  msg.from = from;
  msg.to = mail::Mailbox{layout::one_line(digest.recipient.address),
                         layout::one_line(digest.recipient.name)};
  msg.subject = tr(
      messages, is_daily(digest) ? "publish.digest.subject.daily" : "publish.digest.subject.weekly",
      {{"count", count_words(story_count(digest), messages)}});
  msg.text = digest_text(digest, sections, words, messages);
  msg.html = digest_html(digest, sections, words, messages, msg.subject);
  msg.message_id = std::move(message_id);
  msg.date = date;
  std::string host = layout::host_of(digest.unsubscribe_url);
  if (host.empty()) {
    host = layout::host_of(digest.portal_url);
  }
  layout::add_list_headers(msg, tr(messages, "publish.digest.list_name"),
                           is_daily(digest) ? "digest-daily" : "digest-weekly", host,
                           digest.unsubscribe_url);
  return msg;
}

}  // namespace vigie::publish
