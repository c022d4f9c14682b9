// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// match::Query -> Xapian::Query, by the rules of match/evaluator.h over the terms of schema.h:
//   word        OR(folded, Z<lang>:stem for each language with stem terms in the index)
//   phrase      OP_PHRASE over folded terms        prefix   OP_WILDCARD (bounded expansion)
//   NEAR        AND(both operands) filtered by NearSource (exact positions)
//   filters     boolean terms, weight 0            dates    OP_VALUE_RANGE on kDateSlot
//   NOT         AND_NOT (against MatchAll when nothing positive is left)
// Internal to storage/xapian/. Thread-compatible: one compiler per search.

#include <cstddef>
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
};

// `langs`: the languages that have stem terms in the database searched.
// Errors: InvalidInput "search.query" (NEAR distance above kMaxNearDistance).
core::Result<Xapian::Query> compile_query(const match::Query& query,
                                          const std::set<std::string>& langs,
                                          const CompileOptions& options);

}  // namespace vigie::storage::xapian_schema
