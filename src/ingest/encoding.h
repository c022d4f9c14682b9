// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Character encoding detection and conversion to UTF-8 for feed documents (DESIGN.md §6
// "Parsing": HTTP header, XML declaration, BOM, then sniffing). Pure, thread-safe.

#include <optional>
#include <string>
#include <string_view>

namespace vigie::ingest {

// A document as UTF-8 text. Holds either a view of the caller's bytes (when they were valid
// UTF-8 to begin with: no copy) or its own converted copy. Movable; the view stays valid as
// long as the bytes given to decode_document do.
class DecodedDocument {
 public:
  DecodedDocument(std::string_view borrowed, std::string encoding);
  DecodedDocument(std::string owned, std::string encoding, std::optional<std::string> problem);

  // The text, UTF-8, without a byte order mark. Always valid UTF-8.
  std::string_view text() const { return owned_ ? std::string_view{*owned_} : borrowed_; }
  // The charset the bytes were read as, lower case: "utf-8", "windows-1252", "utf-16le", ...
  const std::string& encoding() const { return encoding_; }
  // Set when the bytes contradicted their declarations or had to be repaired; the text says
  // what happened, for people ("declared as utf-8 but not valid UTF-8: read as windows-1252").
  const std::optional<std::string>& problem() const { return problem_; }

 private:
  std::string_view borrowed_;
  std::optional<std::string> owned_;
  std::string encoding_;
  std::optional<std::string> problem_;
};

// Decodes a feed document to UTF-8. Never fails: whatever cannot be read in the chosen charset
// is repaired and reported through problem().
//
// The charset is chosen in this order (RFC 7303 §3, with the sniffing real feeds need):
// 1. a byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
// 2. UTF-16/UTF-32 recognised from the first "<" without a BOM (XML 1.0 appendix F);
// 3. the charset parameter of `content_type` (the HTTP header; may be empty), then the encoding
//    of the XML declaration; when a declaration names a legacy charset but the bytes are valid
//    UTF-8 with non-ASCII characters, the bytes win (UTF-8 by accident is vanishingly rare);
// 4. UTF-8 when nothing is declared.
// ISO-8859-1 and US-ASCII are read as windows-1252, as browsers do (WHATWG Encoding). Bytes
// that are not valid UTF-8 where UTF-8 was chosen are read one by one as windows-1252, which
// repairs both mislabelled legacy documents and the odd stray byte. An unknown charset name
// falls back to that same rule. Conversions other than UTF-8 and windows-1252 use ICU.
DecodedDocument decode_document(std::string_view bytes, std::string_view content_type);

// The charset parameter of an HTTP Content-Type value, lower case, quotes removed; nullopt
// when absent or not a plausible charset name (ASCII letters, digits, "-_.:+", 40 at most).
std::optional<std::string> charset_from_content_type(std::string_view content_type);

// The encoding pseudo-attribute of an XML declaration at the start of `bytes` (after an
// optional UTF-8 BOM), lower case; nullopt when absent or not a plausible charset name.
// Reads only ASCII-compatible bytes.
std::optional<std::string> charset_from_xml_declaration(std::string_view bytes);

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool is_valid_utf8(std::string_view s);

}  // namespace vigie::ingest
