// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// How XapianIndex lays documents out in Xapian: term prefixes, value slots and positions. Internal
// to storage/xapian/. Changing anything here changes what existing indexes mean: bump
// kSchemaVersion, and open() empties old indexes so the log replay rebuilds them.
//
// Terms (the tokens and stems match::FieldTokens makes, so they agree with the reference
// evaluator):
//   <folded>            title and body words, positional (title first, then a gap)
//   Z<lang>:<stem>      stems of title and body words, in the document's language, when the
//                       stem differs from the word: a word that is its own stem is found by
//                       its word term and the L<lang> filter (query_compiler.cpp), which
//                       spares about half the stem terms
//   S<folded>           title words, positional         SZ<lang>:<stem>  title stems (ditto)
//   K<folded>           source title words, positional  A<folded>        author words, positional
//   O<org> L<lang> C<country> T<tag> I<source id>       boolean filter terms
// Values: the item date only. No document data: hits are ids, and callers take titles and
// texts (for snippets) from the store.
// Folded terms never start with an upper-case ASCII letter, so prefixes cannot collide with
// them, and a prefix query on unprefixed terms only sees words.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

#include "match/query.h"
#include "storage/search_index.h"

namespace vigie::storage::xapian_schema {

inline constexpr std::string_view kSchemaVersion = "3";
inline constexpr std::string_view kSchemaKey = "vigie.schema";
inline constexpr std::string_view kPositionKey = "vigie.position";
inline constexpr std::string_view kLangsKey = "vigie.langs";  // languages with stem terms

inline constexpr std::string_view kStemPrefix = "Z";
inline constexpr std::string_view kTitlePrefix = "S";
inline constexpr std::string_view kTitleStemPrefix = "SZ";
inline constexpr std::string_view kSourcePrefix = "K";
inline constexpr std::string_view kAuthorPrefix = "A";
inline constexpr std::string_view kOrgPrefix = "O";
inline constexpr std::string_view kLangPrefix = "L";
inline constexpr std::string_view kCountryPrefix = "C";
inline constexpr std::string_view kTagPrefix = "T";
inline constexpr std::string_view kSourceIdPrefix = "I";

inline constexpr Xapian::valueno kDateSlot = 0;  // sortable_serialise(unix seconds)

// Positions between the title and the body: larger than any NEAR window, so neither a phrase
// nor a NEAR can span the two fields.
inline constexpr Xapian::termpos kFieldGap = 1U << 16;
// Largest NEAR distance the index can answer exactly (kept well inside kFieldGap).
inline constexpr int kMaxNearDistance = 10000;

// Title words count three times in relevance: a word in the title says more than one in the body.
inline constexpr Xapian::termcount kTitleWdf = 3;

// The positional prefix of a text field's words.
std::string_view word_prefix(match::Field field);

// "Z" or "SZ" + lang + ":" + stem.
std::string stem_term(std::string_view prefix, std::string_view lang, std::string_view stem);

// The Xapian document for `doc`. `lang` receives the normalised language when the document
// has stem terms, and is cleared otherwise.
Xapian::Document build_document(const IndexDocument& doc, std::string& lang);

}  // namespace vigie::storage::xapian_schema
