// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Small UTF-8 helpers shared by the ingest readers. Pure, thread-safe.

#include <cstddef>
#include <string>
#include <string_view>

#include "text/utf8.h"

namespace vigie::ingest {

// Encoding one character and reading windows-1252 are text/utf8.h's.
using text::append_utf8;
using text::windows1252_to_unicode;

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
