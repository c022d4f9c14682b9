// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The domain nouns shared by every module (DESIGN.md §3). Plain values, no behaviour, no I/O.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace vigie::core {

using OrgId = std::int64_t;
using SourceId = std::int64_t;
using ItemId = std::int64_t;
using TopicId = std::int64_t;
using SignalId = std::int64_t;
using StoryId = std::int64_t;

enum class OrgKind { Operator, Member };

struct Organisation {
  OrgId id = 0;
  std::string name;
  OrgKind kind = OrgKind::Member;
  std::optional<OrgId> operator_id;  // for members: the operator that serves them
};

enum class SourceKind { Feed, Page, Manual, Import };

// Health of a source as seen by the scheduler and shown to people: nothing stops silently.
struct SourceHealth {
  std::optional<Timestamp> last_success_at;
  std::optional<Timestamp> last_attempt_at;
  std::optional<std::string> last_error_reason;   // stable key, e.g. "fetch.http_404"
  std::optional<std::string> last_error_message;  // technical detail for logs and admins
  int consecutive_failures = 0;
  Timestamp next_check_at{};
  std::optional<std::string> etag;
  std::optional<std::string> last_modified;
  std::int64_t interval_seconds = 3600;  // current adaptive polling interval
};

struct Source {
  SourceId id = 0;
  OrgId org_id = 0;  // the operator that owns it
  SourceKind kind = SourceKind::Feed;
  std::string url;  // feed URL, or a stable "file:" / "manual:" name for local sources
  std::string title;
  std::optional<std::string> site_url;
  std::vector<std::string> tags;  // OPML folders become tags
  std::optional<std::string> country;
  std::optional<std::string> language;
  bool enabled = true;
  SourceHealth health;
};

// One stored article or record, normalised. Stored once per source (GUID, canonical URL, hash).
struct Item {
  ItemId id = 0;
  OrgId org_id = 0;
  SourceId source_id = 0;
  std::string guid;           // from the feed, or derived from the URL/hash when absent
  std::string url;            // as given (absolute)
  std::string canonical_url;  // normalised for duplicate detection
  std::string title;          // plain text
  std::string summary_html;   // sanitised
  std::string content_html;   // sanitised
  std::string text;           // plain text extracted for indexing and previews
  std::string author;
  std::vector<std::string> categories;
  std::optional<Timestamp> published_at;
  std::optional<Timestamp> updated_at;
  Timestamp fetched_at{};
  std::string lang;           // ISO 639-1 code, "und" when unknown
  std::string content_hash;   // hex SHA-256 of title + text
  std::uint64_t simhash = 0;  // 64-bit SimHash of the text shingles
};

// Items that tell the same story (the same wire copy, release or article from several
// sources), grouped by match/story.h. Its first appearance is its earliest item (published,
// else fetched).
struct Story {
  StoryId id = 0;
  OrgId org_id = 0;
  ItemId first_item_id = 0;  // the earliest item; 0 when it was removed
  Timestamp first_seen_at{};
  Timestamp last_seen_at{};
  std::size_t item_count = 0;
  std::string title;  // the first item's title
};

// How urgent a topic, and the signals it raises, are. Stored and exchanged by name (below).
enum class Priority { Normal, High, Critical };

// Who may see what a topic gathers (DESIGN.md §2 confidentiality levels, coarse).
enum class Audience { Internal, Members, Public };

// A per-language query of a topic: items in `lang` are matched against `query` instead of the
// topic's main query (a French topic's "coton" is "cotton" in English, "algodón" in Spanish).
struct TopicVariant {
  std::string lang;   // ISO 639-1, lower case
  std::string query;  // in the query language (src/match/README.md)
  bool operator==(const TopicVariant&) const = default;
};

// A watch topic ("axe de veille"): a named standing query answering one question, matched
// against every new item of its organisation.
struct Topic {
  TopicId id = 0;
  OrgId org_id = 0;  // the owner; names are unique per organisation
  std::string name;
  std::string description;             // the question the topic answers
  std::string query;                   // the text, as typed; parsed with match::parse_query
  std::vector<std::string> languages;  // watched languages (ISO 639-1); empty: every language
  std::vector<TopicVariant> variants;  // a variant's language is watched too
  Priority priority = Priority::Normal;
  Audience audience = Audience::Internal;
  bool enabled = true;
  Timestamp created_at{};
  Timestamp updated_at{};
};

// An item matched a topic (at ingestion, in the transaction that stored the item).
struct TopicMatch {
  ItemId item_id = 0;
  TopicId topic_id = 0;
  double score = 0;                        // deterministic, comparable within one topic
  std::vector<std::string> matched_terms;  // query leaves found, for highlighting
};

enum class SignalState { New, Reviewed, Dispatched, Closed };

// Stable kinds of signal (stored as text). Later modules add theirs: "finance_alert",
// "patent", "page_change".
inline constexpr std::string_view kSignalTopicMatch = "topic_match";
inline constexpr std::string_view kSignalAnalystAlert = "analyst_alert";

// Anything that needs review or dispatch (DESIGN.md §1: detected -> reviewed -> dispatched ->
// followed up). Every module produces rows of this one shape; what it is about is in the
// optional references, and the distribution outbox is written in the same transaction.
struct Signal {
  SignalId id = 0;
  OrgId org_id = 0;
  std::string kind;  // kSignal* above
  Priority severity = Priority::Normal;
  Audience audience = Audience::Internal;
  std::optional<TopicId> topic_id;
  std::optional<ItemId> item_id;
  std::optional<StoryId> story_id;
  std::string title;
  Timestamp created_at{};
  SignalState state = SignalState::New;
};

// Stable names of the enums above, as stored and exchanged ("normal", "high", ...).
std::string_view to_string(Priority p);
std::string_view to_string(Audience a);
std::string_view to_string(SignalState s);
std::optional<Priority> parse_priority(std::string_view s);
std::optional<Audience> parse_audience(std::string_view s);
std::optional<SignalState> parse_signal_state(std::string_view s);

}  // namespace vigie::core
