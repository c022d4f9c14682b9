// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// match::Query -> Xapian::Query, by the rules of match/evaluator.h over the terms of schema.h:
//   word        OR(folded, Z<lang>:stem for each language with stem terms in the index)
//   phrase      OP_PHRASE over folded terms        prefix   OP_WILDCARD (bounded expansion)
//   NEAR        OP_NEAR for two words, else AND(both operands) filtered by NearSource (exact
//               positions); outside NOT, restricted to the newest max_near_candidates
//               documents holding its rarer side (see CompileOptions)
//   filters     boolean terms, weight 0            dates    OP_VALUE_RANGE on kDateSlot
//   NOT         AND_NOT (against MatchAll when nothing positive is left)
// Internal to storage/xapian/. Thread-compatible: one compiler per search.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include <xapian.h>

#include "core/error.h"
#include "match/query.h"

namespace vigie::storage::xapian_schema {

struct CompileOptions {
  // Words a prefix expands to, the most frequent first. Beyond it the index may miss
  // documents the evaluator matches; the parser's minimum prefix length keeps this rare.
  Xapian::termcount max_prefix_expansion = 2000;
  // A NEAR reads word positions in every document holding both sides: thousands of B-tree
  // reads for two frequent words in a large index. Outside NOT, a NEAR therefore only matches
  // among the newest (highest id) max_near_candidates documents that hold its rarer side (the
  // rarer word, or the rarest word of a phrase). Every hit is still a true match, and the
  // result is exactly the evaluator's when the rarer side is in fewer documents; under NOT the
  // NEAR is exact (a cap there would let through documents it must exclude). 0: no cap.
  Xapian::doccount max_near_candidates = 0;
};

// `db`: the database searched (term frequencies for the NEAR cap); `langs`: the languages that
// have stem terms in it. Errors: InvalidInput "search.query" (NEAR distance above
// kMaxNearDistance). Throws Xapian::Error.
// The dates (unix seconds, inclusive) every match of `query` must have, from its date ranges
// that are the query itself or parts of its top-level AND; nullopt when it requires none.
// `from > until` when the ranges cannot all hold.
struct RequiredDates {
  std::int64_t from = 0;
  std::int64_t until = 0;
};
std::optional<RequiredDates> required_dates(const match::Query& query);

core::Result<Xapian::Query> compile_query(const match::Query& query, const Xapian::Database& db,
                                          const std::set<std::string>& langs,
                                          const CompileOptions& options);

}  // namespace vigie::storage::xapian_schema
