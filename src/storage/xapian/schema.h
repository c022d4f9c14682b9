// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// How XapianIndex lays documents out in Xapian: term prefixes, value slots and positions. Internal
// to storage/xapian/. Changing anything here changes what existing indexes mean: bump
// kSchemaVersion, and open() empties old indexes so the log replay rebuilds them.
//
// Terms (the tokens and stems match::FieldTokens makes, so they agree with the reference
// evaluator):
//   <folded>            title and body words, positional (title first, then a gap)
//   S<folded>           title words, positional
//   K<folded>           source title words, positional  A<folded>        author words, positional
//   O<org> L<lang> C<country> T<tag> I<source id>       boolean filter terms
// Stems are not terms: the synonym table lists, under Z<lang>:<stem>, the words indexed in
// documents of that language whose stem it is and differs from them (a word that is its own
// stem has no entry). A word query then also looks for those words (or the stem itself) in
// documents of that language: (w1 OR w2 ...) FILTER L<lang> (query_compiler.cpp). A document
// then holds only its words (131 terms per demo item, from 244 with per-document stem terms),
// and the table grows with the vocabulary, not with the documents. Entries are never
// removed; a word no longer indexed only costs a term lookup in a query.
// Values: the item date only. Metadata: the committed log position, the stemmed languages,
// and each id block's oldest and newest date (date_order.h; schema 5 added the oldest). No document
// data: hits are ids, and callers take titles and texts (for snippets) from the store. Folded terms
// never start with an upper-case ASCII letter, so prefixes cannot collide with them, and a prefix
// query on unprefixed terms only sees words.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "match/query.h"
#include "storage/search_index.h"

namespace vigie::storage::xapian_schema {

inline constexpr std::string_view kSchemaVersion = "5";
inline constexpr std::string_view kSchemaKey = "vigie.schema";
inline constexpr std::string_view kPositionKey = "vigie.position";
inline constexpr std::string_view kLangsKey = "vigie.langs";  // languages of stemmed documents

inline constexpr std::string_view kStemPrefix = "Z";  // synonym table keys
inline constexpr std::string_view kTitlePrefix = "S";
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

// prefix + lang + ":" + stem.
std::string stem_term(std::string_view prefix, std::string_view lang, std::string_view stem);

// The synonym table key ("Z<lang>:<stem>") under which `word` (folded) is listed, or empty
// when the word is its own stem.
std::string stem_key(std::string_view lang, std::string_view word);

// The Xapian document for `doc`. `lang` receives the normalised language when the document
// is stemmed, and is cleared otherwise; `words` then receives its distinct title and body
// words, for the synonym table (empty when not stemmed).
Xapian::Document build_document(const IndexDocument& doc, std::string& lang,
                                std::vector<std::string>& words);

}  // namespace vigie::storage::xapian_schema
