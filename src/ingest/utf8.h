// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Small UTF-8 helpers shared by the ingest readers. Pure, thread-safe.

#include <cstddef>
#include <string>
#include <string_view>

namespace vigie::ingest {

// Appends the UTF-8 encoding of `cp`; values that are not Unicode scalar values (surrogates,
// past U+10FFFF) append U+FFFD.
void append_utf8(std::string& out, char32_t cp);

// The character windows-1252 gives byte `b`. Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D, unassigned
// there, map to the C1 control of the same value, as WHATWG Encoding does.
char32_t windows1252_to_unicode(unsigned char b);

// Length (1-4) of the well-formed UTF-8 sequence at s[i], or 0 when the bytes there are not one
// (overlong forms, surrogates, values past U+10FFFF and truncated sequences are not).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

// UTF-8 where `s` is valid UTF-8, windows-1252 byte by byte where it is not: repairs both a
// mislabelled legacy document and the odd stray byte. Sets *saw_multibyte when `s` held at
// least one valid multi-byte sequence.
std::string repair_utf8(std::string_view s, bool* saw_multibyte = nullptr);

struct Utf8Scan {
  bool valid = true;       // the whole input is well-formed UTF-8
  bool non_ascii = false;  // it holds at least one byte >= 0x80
};

// Validates in one pass, eight ASCII bytes at a time.
Utf8Scan scan_utf8(std::string_view s);

}  // namespace vigie::ingest
