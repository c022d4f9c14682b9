// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Escaping text for markup, written once for every document publish/ produces (feeds, the
// HTML part of emails). Pure.

#include <string>
#include <string_view>

namespace vigie::publish {

// Text content or attribute value for XML: & < > " ' escaped (' as &apos;), invalid UTF-8
// bytes and characters XML 1.0 forbids (controls other than tab, LF, CR) dropped.
std::string xml_escape(std::string_view text);

// The same for HTML (emails, pages): ' is written &#39;, which every HTML engine (old mail
// clients included) understands, where &apos; is XML and HTML5 only.
std::string html_escape(std::string_view text);

// Valid UTF-8 with the characters XML 1.0 forbids removed (for JSON and plain text, so every
// format carries the same text).
std::string clean_utf8(std::string_view text);

}  // namespace vigie::publish
