// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Highlighting of search results: the words a query's positive parts match (words under NOT
// are never marked) wrapped in <mark>...</mark>, everything else HTML-escaped. The same word
// rules as the evaluator (evaluator.h), so a backend that stores the text can build snippets
// without its own tokenisation. Pure and thread-safe.

#include <cstddef>
#include <string>
#include <string_view>

#include "match/query.h"

namespace vigie::match {

// Which of a document's texts is highlighted: leaves restricted to Field::Any apply to both,
// leaves restricted to Field::Title only to the title.
enum class HighlightTarget { Title, Body };

// The whole of `text`, escaped, with marks. `lang` is the document's language (for stems).
std::string highlight_html(std::string_view text, std::string_view lang, const Query& query,
                           HighlightTarget target);

// A passage of at most `max_words` words of `text`, chosen to show the most distinct matched
// words, escaped and marked, with "…" where it was cut. The start of the text when nothing
// matches; empty for an empty text.
std::string snippet_html(std::string_view text, std::string_view lang, const Query& query,
                         std::size_t max_words = 32);

}  // namespace vigie::match
