// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Small UTF-8 helpers shared by the ingest readers. Pure, thread-safe.

#include <cstddef>
#include <string>
#include <string_view>

#include "text/utf8.h"

namespace vigie::ingest {

// Decoding and encoding one character and reading windows-1252 are text/utf8.h's
// (text::decode_utf8 is the one check of a UTF-8 sequence).
using text::append_utf8;
using text::windows1252_to_unicode;

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
