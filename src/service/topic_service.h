// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Managing the watch topics of the operator (issue #3): add, edit, list, remove, try a topic
// over stored items before saving it, JSON Lines import and export; and reading what topics
// matched and the signals they raised. Matching at ingestion is IngestService's job (through
// TopicMatcher).
//
// Thread-safety: safe to call concurrently if the Store is.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/model.h"
#include "storage/store.h"

namespace vigie::service {

struct TopicTestHit {
  core::Item item;
  std::string source_title;
  double score = 0;
  std::vector<std::string> matched_terms;
  std::string title_html;    // escaped, matches in <mark>
  std::string snippet_html;  // escaped, matches in <mark>
};

struct TopicTestReport {
  std::size_t scanned = 0;         // items of the organisation looked at
  std::size_t matched = 0;         // of which matched (all of them, not only `hits`)
  std::vector<TopicTestHit> hits;  // best score first, at most the limit asked
  std::string understood;          // the main query in canonical form
};

struct TopicImportReport {
  std::size_t added = 0;
  std::size_t updated = 0;  // a topic of the same name existed: replaced
  // "line N: <reason key> (<message>)" for each line not imported.
  std::vector<std::string> refused;
};

struct MatchedItem {
  core::TopicMatch match;
  core::Item item;
};

class TopicService {
 public:
  TopicService(storage::Store& store, const core::Clock& clock, core::OrgId org)
      : store_(store), clock_(clock), org_(org) {}

  // Validates and adds a topic of the operator (org_id, id and times are set here).
  // Errors (InvalidInput unless said): "topic.name_required", "topic.bad_language" (a language
  // is not a two- or three-letter code, or two variants share one), the parser's key
  // ("query.expected_term", ... see match/README.md) with the column in the message,
  // "topic.too_broad", "topic.exists" (Conflict); storage errors.
  core::Result<core::Topic> add(core::Topic topic);
  // Replaces the topic with the same id (name may change). Errors: as add, "topic.not_found".
  core::Result<core::Topic> update(core::Topic topic);
  // The operator's topics, by name.
  core::Result<std::vector<core::Topic>> list();
  // By numeric id, else exact name. "topic.not_found" (NotFound).
  core::Result<core::Topic> find(const std::string& id_or_name);
  core::Status remove(const std::string& id_or_name);

  // What `topic` (saved or not; validated as in add) would match among the stored items of
  // the operator, with highlights. Reads every item: for tuning, not for ingestion.
  core::Result<TopicTestReport> test(const core::Topic& topic, std::size_t limit);

  // One JSON object per line: {"name", "query", "languages": [..], "variants": {"en": ".."},
  // "priority", "audience", "description", "enabled"}. Existing names are updated. Blank lines
  // are skipped; a bad line is refused and the others still imported.
  core::Result<TopicImportReport> import_jsonl(std::string_view bytes);
  // Every topic of the operator, one JSON object per line, by name.
  core::Result<std::string> export_jsonl();

  // What a topic matched, newest item first, with the items.
  core::Result<std::vector<MatchedItem>> matches(core::TopicId topic, std::size_t offset,
                                                 std::size_t limit);
  core::Result<std::vector<core::Signal>> signals(const storage::SignalFilter& filter);

 private:
  core::Status validate(core::Topic& topic) const;

  storage::Store& store_;
  const core::Clock& clock_;
  core::OrgId org_;
};

}  // namespace vigie::service
