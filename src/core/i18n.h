// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Message catalogs (DESIGN.md §6 "i18n"): every user-visible string is looked up by a stable
// key in a gettext PO catalog from data/i18n/ (fr is the default, en the fallback), so
// translators use the tools they know. Error reasons ("fetch.http_404") are keys too.
// Pure: catalogs are parsed from bytes; main/ embeds them and picks the language.

#include <map>
#include <string>
#include <string_view>

#include "core/error.h"

namespace vigie::core {

// One language's messages: msgid -> msgstr. Entries with an empty msgstr are absent.
class Catalog {
 public:
  // Parses a PO file: msgid/msgstr pairs, multi-line strings, C escapes, comments, msgctxt
  // ignored. Errors: "i18n.bad_catalog" with the line number.
  static Result<Catalog> parse_po(std::string_view po);

  // nullptr when the key is absent.
  const std::string* find(std::string_view key) const;
  const std::map<std::string, std::string, std::less<>>& entries() const { return entries_; }

 private:
  std::map<std::string, std::string, std::less<>> entries_;
};

// The messages of the chosen language with a fallback catalog. Thread-safe (immutable).
class Messages {
 public:
  Messages() = default;
  Messages(Catalog primary, Catalog fallback, std::string lang)
      : primary_(std::move(primary)), fallback_(std::move(fallback)), lang_(std::move(lang)) {}

  // The message for `key`: primary, then fallback; for "a.b_503" also the family key
  // "a.b_5xx"; the key itself when nothing matches (never empty, never throws).
  std::string get(std::string_view key) const;
  const std::string& lang() const { return lang_; }

 private:
  Catalog primary_;
  Catalog fallback_;
  std::string lang_ = "en";
};

// Picks "fr" or "en" from VIGIE_LANG then LANG values as given (e.g. "fr_FR.UTF-8" -> "fr").
// Unknown or empty: "fr" (the interface is French first).
std::string choose_language(std::string_view vigie_lang, std::string_view lang);

}  // namespace vigie::core
