// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Tag facts shared by the scanner-based passes (to_text, the sanitiser's input bound). Internal
// to ingest/html: it exposes gumbo's tag enum, which must not leak past this folder.

#include <string_view>

#include <gumbo.h>

namespace vigie::ingest::html::detail {

inline GumboTag tag_of(std::string_view name) {
  return gumbo_tagn_enum(name.data(), static_cast<unsigned int>(name.size()));
}

// Elements whose content the HTML tokenizer reads as text up to the matching end tag, whatever
// it contains (HTML5 §13.2.5.2-3: RAWTEXT, RCDATA and script data). Gumbo parses <noscript> as
// markup (scripting disabled), so it is not one of them; <plaintext> never ends.
inline bool is_raw_text(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_XMP:
      return true;
    default:
      return false;
  }
}

}  // namespace vigie::ingest::html::detail
