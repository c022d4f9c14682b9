// SPDX-License-Identifier: AGPL-3.0-or-later
#include "publish/alert_message.h"

#include <utility>

#include "publish/email_layout.h"
#include "text/utf8.h"

namespace vigie::publish {
namespace {

using layout::tr;

using layout::kTextWidth;
// Subjects longer than this are cut with an ellipsis (the full title is in the body).
constexpr std::size_t kSubjectTitleMax = 140;

std::string_view severity_tag_key(core::Priority p) {
  switch (p) {
    case core::Priority::Critical:
      return "publish.alert.tag.critical";
    case core::Priority::High:
      return "publish.alert.tag.high";
    case core::Priority::Normal:
      return "publish.alert.tag.normal";
  }
  return "publish.alert.tag.normal";
}

std::string_view severity_colour(core::Priority p) {
  switch (p) {
    case core::Priority::Critical:
      return "#b00020";
    case core::Priority::High:
      return "#b45309";
    case core::Priority::Normal:
      return "#555555";
  }
  return "#555555";
}

struct AlertWords {
  std::string topic;
  std::string title;
  std::string tag;
  std::string greeting;
  std::string lead;  // who raised it and when
  std::optional<std::string> comment;
  std::string why;
};

AlertWords words_of(const AlertContent& a, const core::Messages& m) {
  AlertWords w;
  w.topic = layout::one_line(a.topic_name);
  w.title = layout::one_line(a.title);
  w.tag = tr(m, severity_tag_key(a.severity));
  const std::string name = layout::one_line(a.recipient.name);
  w.greeting = name.empty() ? tr(m, "publish.greeting_anonymous")
                            : tr(m, "publish.greeting", {{"name", name}});
  const std::string date = layout::format_long(a.raised_at, m);
  w.lead = a.signal_kind == core::kSignalAnalystAlert
               ? tr(m, "publish.alert.flagged", {{"topic", w.topic}, {"date", date}})
               : tr(m, "publish.alert.detected", {{"topic", w.topic}, {"date", date}});
  w.comment = layout::non_blank(a.comment);
  w.why = tr(m, "publish.alert.why", {{"topic", w.topic}});
  return w;
}

}  // namespace

std::string delivery_message_id(core::DeliveryId delivery_id, core::OrgId org_id,
                                std::string_view base_url) {
  std::string host = layout::host_of(base_url);
  // An IPv6 literal is not a dot-atom (RFC 5322 §3.6.4); neither is an empty host.
  if (host.empty() || host.find(':') != std::string::npos) {
    host = "vigie.invalid";
  }
  return "<delivery-" + std::to_string(delivery_id) + "." + std::to_string(org_id) + "@" + host
         + ">";
}

std::string format_long_date(core::Timestamp t, const core::Messages& messages) {
  return layout::format_long(t, messages);
}

namespace {

std::string alert_text(const AlertContent& a, const AlertWords& w, const core::Messages& m) {
  std::string out = w.greeting + "\n\n";
  out += "[" + w.tag + "] " + tr(m, "publish.topic_line", {{"topic", w.topic}}) + "\n\n";
  out += layout::wrap(w.title, kTextWidth);
  out += "\n" + layout::wrap(w.lead, kTextWidth);
  if (!layout::one_line(a.excerpt).empty()) {
    out += "\n" + layout::wrap(a.excerpt, kTextWidth);
  }
  if (w.comment) {
    out += "\n" + tr(m, "publish.label", {{"label", tr(m, "publish.comment")}}) + "\n";
    out += layout::wrap(*w.comment, kTextWidth - 2, "  ");
  }
  if (!a.sources.empty()) {
    out += "\n" + tr(m, "publish.label", {{"label", tr(m, "publish.sources")}}) + "\n";
    out += layout::text_sources(a.sources, m, "");
  }
  if (layout::is_web_url(a.story_url)) {
    out += "\n" + tr(m, "publish.label", {{"label", tr(m, "publish.read_on_portal")}}) + " "
           + layout::one_line(a.story_url) + "\n";
  }
  out += "\n" + layout::footer_text(w.why, a.unsubscribe_url, m);
  return out;
}

std::string alert_html(const AlertContent& a, const AlertWords& w, const core::Messages& m,
                       std::string_view subject) {
  std::string body = "<p style=\"margin:0 0 12px 0;\">" + text::html_escape(w.greeting) + "</p>\n";
  body +=
      "<p style=\"margin:0 0 8px 0;\"><span style=\"display:inline-block;padding:2px 8px;"
      "border-radius:3px;background-color:"
      + std::string(severity_colour(a.severity))
      + ";color:#ffffff;font-size:12px;font-weight:bold;\">" + text::html_escape(w.tag)
      + "</span> <span style=\"" + std::string(layout::kMutedStyle) + "\">"
      + text::html_escape(tr(m, "publish.topic_line", {{"topic", w.topic}})) + "</span></p>\n";
  body += "<h1 style=\"" + std::string(layout::kHeadingStyle) + "\">"
          + layout::html_link(a.story_url, w.title) + "</h1>\n";
  body += "<p style=\"margin:0 0 12px 0;" + std::string(layout::kMutedStyle) + "\">"
          + text::html_escape(w.lead) + "</p>\n";
  if (!layout::one_line(a.excerpt).empty()) {
    body += layout::html_paragraphs(a.excerpt, "margin:0 0 12px 0;");
  }
  if (w.comment) {
    body += layout::html_comment(*w.comment, m);
  }
  if (!a.sources.empty()) {
    body += "<p style=\"margin:0 0 4px 0;font-weight:bold;\">"
            + text::html_escape(tr(m, "publish.sources")) + "</p>\n";
    body += layout::html_sources(a.sources, m);
  }
  body += layout::html_button(a.story_url, tr(m, "publish.read_on_portal"));
  const std::string lang = a.lang.empty() ? m.lang() : a.lang;
  return layout::html_document(lang, subject, body,
                               layout::footer_html(w.why, a.unsubscribe_url, m));
}

}  // namespace

mail::Message compose_alert_email(const AlertContent& alert, const mail::Mailbox& from,
                                  std::string message_id, core::Timestamp date,
                                  const core::Messages& messages) {
  const AlertWords w = words_of(alert, messages);
  mail::Message msg;
  msg.from = from;
  msg.to = mail::Mailbox{layout::one_line(alert.recipient.address),
                         layout::one_line(alert.recipient.name)};
  msg.subject = tr(
      messages, "publish.alert.subject",
      {{"tag", w.tag}, {"topic", w.topic}, {"title", layout::truncate(w.title, kSubjectTitleMax)}});
  msg.text = alert_text(alert, w, messages);
  msg.html = alert_html(alert, w, messages, msg.subject);
  msg.message_id = std::move(message_id);
  msg.date = date;
  std::string host = layout::host_of(alert.unsubscribe_url);
  if (host.empty()) {
    host = layout::host_of(alert.story_url);
  }
  layout::add_list_headers(msg, tr(messages, "publish.alert.list_name"),
                           "topic-" + std::to_string(alert.topic_id) + ".alerts", host,
                           alert.unsubscribe_url);
  return msg;
}

}  // namespace vigie::publish
