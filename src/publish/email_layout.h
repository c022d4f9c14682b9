// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Pieces shared by the alert and digest emails (internal to publish/): catalog look-ups with
// named placeholders, plain-text wrapping, the HTML frame (600 px, inline styles), links that
// only ever point at http(s), and the list headers. Pure.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/i18n.h"
#include "core/time.h"
#include "mail/mime.h"
#include "publish/alert_message.h"

namespace vigie::publish::layout {

using Args = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// The catalog message for `key` with every "{name}" replaced by its value (values are inserted
// as they are: escape the result, not the arguments, for HTML). Unknown placeholders stay.
std::string tr(const core::Messages& messages, std::string_view key, Args args = {});

// Control characters (CR, LF, tab...) and runs of spaces become one space; trimmed. For
// titles and names, which must stay on one line.
std::string one_line(std::string_view text);

// The comment when present and not blank.
std::optional<std::string> non_blank(const std::optional<std::string>& text);

// Paragraphs (separated by blank lines; single line breaks kept) wrapped at `width` code
// points, each line prefixed with `indent`. Control characters other than LF become spaces.
std::string wrap(std::string_view text, std::size_t width, std::string_view indent = {});

// Paragraphs of plain text as HTML: escaped, each paragraph a <p style=...>, single line
// breaks as <br>.
std::string html_paragraphs(std::string_view text, std::string_view style);

// At most `max` code points of one-line text, "…" appended when cut (on a word boundary when
// one is near).
std::string truncate(std::string_view text, std::size_t max);

// True for absolute http:// and https:// URLs (the only ones we link to).
bool is_web_url(std::string_view url);

// <a href="url" style=...>text</a>, escaped; the text alone (escaped) when the URL is not web.
std::string html_link(std::string_view url, std::string_view text);

// A whole HTML document: lang, <title>, a 600 px white card on a grey background, the body
// (already HTML) inside, then the footer (already HTML) in small grey type.
std::string html_document(std::string_view lang, std::string_view title, std::string_view body,
                          std::string_view footer);

// "27 novembre 2026" (publish.date.day_format) and the long form with the time.
std::string format_day(core::Timestamp t, const core::Messages& messages);
std::string format_long(core::Timestamp t, const core::Messages& messages);

// Host of an absolute URL, "" when none.
std::string host_of(std::string_view url);

// Adds List-Id (<local.host>, with `phrase` when it is plain ASCII), List-Unsubscribe and
// List-Unsubscribe-Post (when unsubscribe_url is a web URL), Auto-Submitted and
// X-Auto-Response-Suppress.
void add_list_headers(mail::Message& message, std::string_view phrase, std::string_view local,
                      std::string_view host, std::string_view unsubscribe_url);

// Text lines wrap at 72 columns: readable in any terminal mail reader, and under the 78 of
// RFC 5322 before quoted-printable adds anything.
inline constexpr std::size_t kTextWidth = 72;

// A source as one line: "Title (publié le 26 novembre 2026)".
std::string source_line(const SourceRef& source, const core::Messages& messages);
// "- title (date)\n  url\n" per source, each line prefixed with `indent`.
std::string text_sources(const std::vector<SourceRef>& sources, const core::Messages& messages,
                         std::string_view indent);
// <ul> of linked sources.
std::string html_sources(const std::vector<SourceRef>& sources, const core::Messages& messages);
// The analyst's comment as a boxed quote with its label.
std::string html_comment(std::string_view comment, const core::Messages& messages);
// A button-like link; "" when the URL is not web.
std::string html_button(std::string_view url, std::string_view label);
// The signature block: why the recipient gets this, and the unsubscribe link.
std::string footer_text(std::string_view why, std::string_view unsubscribe_url,
                        const core::Messages& messages);
std::string footer_html(std::string_view why, std::string_view unsubscribe_url,
                        const core::Messages& messages);

// Shared inline styles.
inline constexpr std::string_view kMutedStyle = "color:#666666;font-size:13px;";
inline constexpr std::string_view kHeadingStyle =
    "margin:0 0 8px 0;font-size:20px;line-height:1.3;color:#111111;";

}  // namespace vigie::publish::layout
