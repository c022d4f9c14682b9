// SPDX-License-Identifier: AGPL-3.0-or-later
#include "publish/email_layout.h"

#include <array>
#include <chrono>

#include "core/url.h"
#include "text/utf8.h"

namespace vigie::publish::layout {
namespace {

bool is_space_or_control(unsigned char c) {
  return c <= 0x20 || c == 0x7f;
}

// Bytes of the UTF-8 sequence starting with `lead` (1 for stray continuation bytes).
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0) {
    return 4;
  }
  if (lead >= 0xE0) {
    return 3;
  }
  if (lead >= 0xC0) {
    return 2;
  }
  return 1;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) {
      ++n;
    }
  }
  return n;
}

// One paragraph line (no LF) greedily wrapped.
void wrap_line(std::string_view line, std::size_t width, std::string_view indent,
               std::string& out) {
  std::string current;
  std::size_t current_width = 0;
  std::size_t i = 0;
  const auto flush = [&] {
    out += indent;
    out += current;
    out += '\n';
    current.clear();
    current_width = 0;
  };
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') {
      ++i;
    }
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ') {
      j += sequence_length(static_cast<unsigned char>(line[j]));
    }
    j = std::min(j, line.size());
    if (j == i) {
      break;
    }
    const std::string_view word = line.substr(i, j - i);
    const std::size_t w = code_points(word);
    if (current_width > 0 && current_width + 1 + w > width) {
      flush();
    }
    if (current_width > 0) {
      current += ' ';
      ++current_width;
    }
    current += word;
    current_width += w;
    i = j;
  }
  if (current_width > 0) {
    flush();
  }
}

constexpr std::array<std::string_view, 12> kMonthKeys = {
    "publish.month.1", "publish.month.2",  "publish.month.3",  "publish.month.4",
    "publish.month.5", "publish.month.6",  "publish.month.7",  "publish.month.8",
    "publish.month.9", "publish.month.10", "publish.month.11", "publish.month.12"};

struct DateParts {
  std::string day;
  std::string month;
  std::string year;
  std::string time;
};

DateParts parts_of(core::Timestamp t, const core::Messages& messages) {
  const auto days = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{days};
  const std::chrono::hh_mm_ss hms{t - days};
  const auto two = [](long v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  DateParts p;
  p.day = std::to_string(static_cast<unsigned>(ymd.day()));
  p.month = tr(messages, kMonthKeys.at(static_cast<unsigned>(ymd.month()) - 1));
  p.year = std::to_string(static_cast<int>(ymd.year()));
  p.time = two(hms.hours().count()) + ":" + two(hms.minutes().count());
  return p;
}

bool is_plain_ascii_phrase(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    // Letters, digits and spaces only: no specials that would need quoting in a phrase.
    const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')
                    || u == ' ' || u == '-';
    if (!ok) {
      return false;
    }
  }
  return !s.empty();
}

}  // namespace

std::string tr(const core::Messages& messages, std::string_view key, Args args) {
  std::string text = messages.get(key);
  for (const auto& [name, value] : args) {
    const std::string placeholder = "{" + std::string(name) + "}";
    std::string out;
    std::size_t from = 0;
    for (std::size_t at = text.find(placeholder); at != std::string::npos;
         at = text.find(placeholder, from)) {
      out.append(text, from, at - from);
      out += value;
      from = at + placeholder.size();
    }
    out.append(text, from);
    text = std::move(out);
  }
  return text;
}

std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (is_space_or_control(static_cast<unsigned char>(c))) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    out += c;
  }
  return text::clean_utf8(out);
}

std::optional<std::string> non_blank(const std::optional<std::string>& text) {
  if (!text) {
    return std::nullopt;
  }
  for (char c : *text) {
    if (!is_space_or_control(static_cast<unsigned char>(c))) {
      return text::clean_utf8(*text);
    }
  }
  return std::nullopt;
}

std::string wrap(std::string_view text, std::size_t width, std::string_view indent) {
  std::string clean = text::clean_utf8(text);
  for (char& c : clean) {
    const auto u = static_cast<unsigned char>(c);
    if (c != '\n' && is_space_or_control(u)) {
      c = ' ';
    }
  }
  std::string out;
  std::size_t start = 0;
  bool last_blank = true;  // collapses runs of blank lines
  while (start <= clean.size()) {
    std::size_t end = clean.find('\n', start);
    if (end == std::string::npos) {
      end = clean.size();
    }
    const std::string_view line = std::string_view(clean).substr(start, end - start);
    if (line.find_first_not_of(' ') == std::string_view::npos) {
      if (!last_blank) {
        out += '\n';
        last_blank = true;
      }
    } else {
      wrap_line(line, width, indent, out);
      last_blank = false;
    }
    start = end + 1;
  }
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') {
    out.pop_back();
  }
  return out;
}

std::string html_paragraphs(std::string_view text, std::string_view style) {
  const std::string wrapped = wrap(text, std::string::npos);
  std::string out;
  std::size_t start = 0;
  while (start < wrapped.size()) {
    std::size_t end = wrapped.find("\n\n", start);
    if (end == std::string::npos) {
      end = wrapped.size();
    }
    std::string_view para = std::string_view(wrapped).substr(start, end - start);
    while (!para.empty() && para.back() == '\n') {
      para.remove_suffix(1);
    }
    out += "<p style=\"" + std::string(style) + "\">";
    std::size_t line_start = 0;
    while (line_start <= para.size()) {
      std::size_t nl = para.find('\n', line_start);
      if (nl == std::string_view::npos) {
        nl = para.size();
      }
      if (line_start > 0) {
        out += "<br>\n";
      }
      out += text::html_escape(para.substr(line_start, nl - line_start));
      line_start = nl + 1;
    }
    out += "</p>\n";
    start = end + 2;
  }
  return out;
}

std::string truncate(std::string_view text, std::size_t max) {
  if (code_points(text) <= max) {
    return std::string(text);
  }
  std::size_t bytes = 0;
  for (std::size_t n = 0; n < max - 1 && bytes < text.size(); ++n) {
    bytes += sequence_length(static_cast<unsigned char>(text[bytes]));
  }
  bytes = std::min(bytes, text.size());
  std::string_view cut = text.substr(0, bytes);
  // Back to the last space when it is in the last fifth: a whole word reads better.
  const std::size_t space = cut.rfind(' ');
  if (space != std::string_view::npos && space > bytes - bytes / 5) {
    cut = cut.substr(0, space);
  }
  while (!cut.empty() && cut.back() == ' ') {
    cut.remove_suffix(1);
  }
  return std::string(cut) + "\u2026";
}

bool is_web_url(std::string_view url) {
  const auto parsed = core::parse_url(url);
  return parsed && (parsed->scheme == "http" || parsed->scheme == "https") && !parsed->host.empty();
}

std::string html_link(std::string_view url, std::string_view text) {
  if (!is_web_url(url)) {
    return text::html_escape(text);
  }
  return "<a href=\"" + text::html_escape(url) + "\" style=\"color:#0b5394;\">"
         + text::html_escape(text) + "</a>";
}

std::string html_document(std::string_view lang, std::string_view title, std::string_view body,
                          std::string_view footer) {
  std::string out;
  out.reserve(body.size() + footer.size() + 1200);
  out += "<!DOCTYPE html>\n<html lang=\"" + text::html_escape(lang) + "\">\n<head>\n";
  out += "<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + text::html_escape(title) + "</title>\n</head>\n";
  out += "<body style=\"margin:0;padding:0;background-color:#f2f2f2;\">\n";
  // Tables, not divs: the layout old mail clients (Outlook's Word engine) still honour.
  out +=
      "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" "
      "border=\"0\" style=\"background-color:#f2f2f2;\">\n<tr><td align=\"center\" "
      "style=\"padding:16px 8px;\">\n";
  out +=
      "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" "
      "border=\"0\" style=\"max-width:600px;background-color:#ffffff;border:1px solid #dddddd;"
      "font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#222222;"
      "word-wrap:break-word;overflow-wrap:break-word;\">\n";
  out += "<tr><td style=\"padding:20px 24px;\">\n";
  out += body;
  out += "</td></tr>\n";
  out += "<tr><td style=\"padding:12px 24px 20px 24px;border-top:1px solid #eeeeee;";
  out += kMutedStyle;
  out += "\">\n";
  out += footer;
  out += "</td></tr>\n</table>\n</td></tr>\n</table>\n</body>\n</html>\n";
  return out;
}

std::string format_day(core::Timestamp t, const core::Messages& messages) {
  const DateParts p = parts_of(t, messages);
  return tr(messages, "publish.date.day_format",
            {{"day", p.day}, {"month", p.month}, {"year", p.year}});
}

std::string format_long(core::Timestamp t, const core::Messages& messages) {
  const DateParts p = parts_of(t, messages);
  return tr(messages, "publish.date.format",
            {{"day", p.day}, {"month", p.month}, {"year", p.year}, {"time", p.time}});
}

std::string host_of(std::string_view url) {
  const auto parsed = core::parse_url(url);
  return parsed ? parsed->host : std::string{};
}

void add_list_headers(mail::Message& message, std::string_view phrase, std::string_view local,
                      std::string_view host, std::string_view unsubscribe_url) {
  // RFC 2919: the list identifier is a dot-atom; an IPv6 or empty host becomes "invalid".
  std::string id_host(host);
  if (id_host.empty() || id_host.find(':') != std::string::npos) {
    id_host = "vigie.invalid";
  }
  std::string list_id = "<" + std::string(local) + "." + id_host + ">";
  if (is_plain_ascii_phrase(phrase)) {
    list_id = std::string(phrase) + " " + list_id;
  }
  message.headers.emplace_back("List-Id", list_id);
  if (is_web_url(unsubscribe_url)) {
    // RFC 8058 §3.1: an HTTPS URI and the one-click POST marker; a client POSTs
    // "List-Unsubscribe=One-Click" to it without a confirmation page.
    message.headers.emplace_back("List-Unsubscribe", "<" + std::string(unsubscribe_url) + ">");
    message.headers.emplace_back("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
  }
  // RFC 3834: no out-of-office or auto-reply should answer us.
  message.headers.emplace_back("Auto-Submitted", "auto-generated");
  message.headers.emplace_back("X-Auto-Response-Suppress", "All");
}

std::string source_line(const SourceRef& s, const core::Messages& m) {
  std::string line = layout::one_line(s.title.empty() ? s.url : s.title);
  if (s.published_at) {
    line += " (" + tr(m, "publish.published_on", {{"date", layout::format_day(*s.published_at, m)}})
            + ")";
  }
  return line;
}

std::string text_sources(const std::vector<SourceRef>& sources, const core::Messages& m,
                         std::string_view indent) {
  std::string out;
  for (const SourceRef& s : sources) {
    out += layout::wrap("- " + source_line(s, m), kTextWidth, indent);
    if (layout::is_web_url(s.url) && !s.title.empty()) {
      out += std::string(indent) + "  " + layout::one_line(s.url) + "\n";
    }
  }
  return out;
}

std::string html_sources(const std::vector<SourceRef>& sources, const core::Messages& m) {
  std::string out = "<ul style=\"margin:0 0 16px 0;padding:0 0 0 20px;\">\n";
  for (const SourceRef& s : sources) {
    out += "<li style=\"margin:0 0 4px 0;\">";
    out += layout::html_link(s.url, layout::one_line(s.title.empty() ? s.url : s.title));
    if (s.published_at) {
      out += " <span style=\"" + std::string(layout::kMutedStyle) + "\">("
             + text::html_escape(
                 tr(m, "publish.published_on", {{"date", layout::format_day(*s.published_at, m)}}))
             + ")</span>";
    }
    out += "</li>\n";
  }
  return out + "</ul>\n";
}

std::string html_comment(std::string_view comment, const core::Messages& m) {
  return "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" "
         "border=\"0\" style=\"margin:0 0 16px 0;\"><tr><td style=\"border-left:3px solid "
         "#0b5394;background-color:#f3f6fa;padding:8px 12px;\">\n<p style=\"margin:0 0 4px "
         "0;font-weight:bold;font-size:13px;\">"
         + text::html_escape(tr(m, "publish.comment")) + "</p>\n"
         + layout::html_paragraphs(comment, "margin:0 0 4px 0;") + "</td></tr></table>\n";
}

std::string html_button(std::string_view url, std::string_view label) {
  if (!layout::is_web_url(url)) {
    return {};
  }
  return "<p style=\"margin:16px 0;\"><a href=\"" + text::html_escape(url)
         + "\" style=\"display:inline-block;padding:10px 18px;background-color:#0b5394;"
           "color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold;\">"
         + text::html_escape(label) + "</a></p>\n";
}

std::string footer_text(std::string_view why, std::string_view unsubscribe_url,
                        const core::Messages& m) {
  std::string out = "-- \n" + layout::wrap(why, kTextWidth);
  if (layout::is_web_url(unsubscribe_url)) {
    out += tr(m, "publish.label", {{"label", tr(m, "publish.unsubscribe")}}) + " "
           + layout::one_line(unsubscribe_url) + "\n";
  }
  return out;
}

std::string footer_html(std::string_view why, std::string_view unsubscribe_url,
                        const core::Messages& m) {
  std::string out = "<p style=\"margin:0 0 4px 0;\">" + text::html_escape(why) + "</p>\n";
  if (layout::is_web_url(unsubscribe_url)) {
    out += "<p style=\"margin:0;\">"
           + layout::html_link(unsubscribe_url, tr(m, "publish.unsubscribe")) + "</p>\n";
  }
  return out;
}

}  // namespace vigie::publish::layout
