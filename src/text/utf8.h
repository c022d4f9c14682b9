// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// UTF-8 checked, encoded and escaped, written once: the sanitiser, the feed and OPML readers
// decode and encode with it,
// publish/ escapes every document it produces (feeds, the HTML part of emails) and the web
// pages with it, match/ its highlighted snippets. Pure.

#include <cstddef>
#include <string>
#include <string_view>

namespace vigie::text {

// Decodes the UTF-8 sequence at s[i] (i < s.size()) into `cp` and returns its length; 0 when
// the bytes there are not a valid, shortest-form sequence of a scalar value.
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp);

// True when all of `s` is well-formed UTF-8 in decode_utf8()'s sense (Unicode table 3-7).
bool is_valid_utf8(std::string_view s);

// Appends the UTF-8 encoding of `cp`; values that are not Unicode scalar values (surrogates,
// past U+10FFFF) append U+FFFD.
void append_utf8(std::string& out, char32_t cp);

// The character windows-1252 gives byte `b`. Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D, unassigned
// there, map to the C1 control of the same value, as WHATWG Encoding and browsers do (HTML
// numeric references to 0x80-0x9F are read the same way).
char32_t windows1252_to_unicode(unsigned char b);

// Text content or attribute value for XML: & < > " ' escaped (' as &apos;), invalid UTF-8
// (overlong forms and surrogates included) and characters XML 1.0 forbids (controls other
// than tab, LF, CR; U+FFFE, U+FFFF) dropped.
std::string xml_escape(std::string_view text);

// The same for HTML (emails, pages, snippets): ' is written &#39;, which every HTML engine
// (old mail clients included) understands, where &apos; is XML and HTML5 only.
std::string html_escape(std::string_view text);

// Valid UTF-8 with the characters XML 1.0 forbids removed (for JSON and plain text, so every
// format carries the same text).
std::string clean_utf8(std::string_view text);

}  // namespace vigie::text
