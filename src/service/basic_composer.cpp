// SPDX-License-Identifier: AGPL-3.0-or-later
#include "service/basic_composer.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace vigie::service {
namespace {

bool english(const core::User& u) {
  return u.lang == "en";
}

std::string escape_html(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

nlohmann::json story_json(const core::Story& s, const std::string& url) {
  return {{"id", s.id}, {"title", s.title}, {"url", url}};
}

}  // namespace

core::Result<mail::Message> BasicComposer::alert_email(const AlertContent& c) {
  const bool en = english(c.recipient);
  mail::Message m;
  m.subject = fmt::format("{} : {}", en ? "Alert" : "Alerte", c.signal.title);
  std::string sources;
  if (c.story) {
    for (const auto& member : c.story->members) {
      sources += fmt::format("- {} ({})\n", member.item.title, member.source_title);
    }
  }
  std::string comments;
  for (const auto& cm : c.comments) {
    comments += fmt::format("{}: {}\n", cm.author, cm.body);
  }
  m.text = fmt::format("{}\n\n{}{}\n{}\n", c.signal.title, sources, comments, c.portal_url);
  m.html = fmt::format("<h1>{}</h1><pre>{}{}</pre><p><a href=\"{}\">{}</a></p>",
                       escape_html(c.signal.title), escape_html(sources), escape_html(comments),
                       escape_html(c.portal_url), en ? "Open in Vigie" : "Ouvrir dans Vigie");
  return m;
}

core::Result<mail::Message> BasicComposer::digest_email(const DigestContent& c) {
  const bool en = english(c.recipient);
  mail::Message m;
  const bool daily = c.delivery.rhythm == core::Rhythm::Daily;
  m.subject = en ? (daily ? "Your daily digest" : "Your weekly digest")
                 : (daily ? "Votre synthèse quotidienne" : "Votre synthèse hebdomadaire");
  std::string text;
  std::string html;
  for (const auto& section : c.sections) {
    text += section.topic.name + "\n";
    html += "<h2>" + escape_html(section.topic.name) + "</h2><ul>";
    for (const auto& s : section.stories) {
      const char* mark = s.review.highlight ? "* " : "- ";
      text += fmt::format("{}{} {}\n", mark, s.summary.story.title, s.portal_url);
      html += fmt::format("<li><a href=\"{}\">{}</a></li>", escape_html(s.portal_url),
                          escape_html(s.summary.story.title));
    }
    html += "</ul>";
  }
  m.text = text;
  m.html = html;
  return m;
}

core::Result<std::string> BasicComposer::alert_webhook(const AlertContent& c) {
  nlohmann::json j = {{"type", "alert"},
                      {"delivery_id", c.delivery.id},
                      {"signal", {{"id", c.signal.id}, {"title", c.signal.title}}}};
  if (c.story) {
    j["story"] = story_json(c.story->story, c.portal_url);
  }
  if (c.topic) {
    j["topic"] = {{"id", c.topic->id}, {"name", c.topic->name}};
  }
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

core::Result<std::string> BasicComposer::digest_webhook(const DigestContent& c) {
  nlohmann::json topics = nlohmann::json::array();
  for (const auto& section : c.sections) {
    nlohmann::json stories = nlohmann::json::array();
    for (const auto& s : section.stories) {
      auto js = story_json(s.summary.story, s.portal_url);
      js["highlight"] = s.review.highlight;
      stories.push_back(std::move(js));
    }
    topics.push_back(
        {{"id", section.topic.id}, {"name", section.topic.name}, {"stories", stories}});
  }
  nlohmann::json j = {{"type", "digest"}, {"delivery_id", c.delivery.id}, {"topics", topics}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace vigie::service
