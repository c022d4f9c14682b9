// SPDX-License-Identifier: AGPL-3.0-or-later
// SqliteStore: watch topics, their matches, and signals.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string_view>
#include <tuple>
#include <unordered_set>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/try.h"
#include "storage/sqlite/sqlite_db.h"
#include "storage/sqlite/sqlite_store.h"
#include "text/utf8.h"

namespace vigie::storage::sqlite {
namespace {

constexpr std::string_view kTopicColumns =
    "id, org_id, name, description, query, languages, variants, priority, audience, enabled, "
    "created_at, updated_at";

constexpr std::string_view kSignalColumns =
    "id, org_id, kind, severity, audience, topic_id, item_id, story_id, title, created_at, state";

std::vector<std::string> string_array(const std::string& json) {
  std::vector<std::string> out;
  auto j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_array()) {
    for (const auto& v : j) {
      if (v.is_string()) {
        out.push_back(v.get<std::string>());
      }
    }
  }
  return out;
}

std::string variants_json(const std::vector<core::TopicVariant>& variants) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& v : variants) {
    j.push_back({{"lang", v.lang}, {"query", v.query}});
  }
  return j.dump();
}

std::vector<core::TopicVariant> read_variants(const std::string& json) {
  std::vector<core::TopicVariant> out;
  auto j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_array()) {
    for (const auto& v : j) {
      if (v.is_object() && v.value("lang", nlohmann::json()).is_string()
          && v.value("query", nlohmann::json()).is_string()) {
        out.push_back({v["lang"].get<std::string>(), v["query"].get<std::string>()});
      }
    }
  }
  return out;
}

core::Topic read_topic_row(const Statement& s) {
  core::Topic t;
  t.id = s.column_int(0);
  t.org_id = s.column_int(1);
  t.name = s.column_text(2);
  t.description = s.column_text(3);
  t.query = s.column_text(4);
  t.languages = string_array(s.column_text(5));
  t.variants = read_variants(s.column_text(6));
  t.priority = core::parse_priority(s.column_text(7)).value_or(core::Priority::Normal);
  t.audience = core::parse_audience(s.column_text(8)).value_or(core::Audience::Internal);
  t.enabled = s.column_int(9) != 0;
  t.created_at = core::from_unix(s.column_int(10));
  t.updated_at = core::from_unix(s.column_int(11));
  return t;
}

core::Signal read_signal_row(const Statement& s) {
  core::Signal g;
  g.id = s.column_int(0);
  g.org_id = s.column_int(1);
  g.kind = s.column_text(2);
  g.severity = core::parse_priority(s.column_text(3)).value_or(core::Priority::Normal);
  g.audience = core::parse_audience(s.column_text(4)).value_or(core::Audience::Internal);
  g.topic_id = s.column_opt_int(5);
  g.item_id = s.column_opt_int(6);
  g.story_id = s.column_opt_int(7);
  g.title = s.column_text(8);
  g.created_at = core::from_unix(s.column_int(9));
  g.state = core::parse_signal_state(s.column_text(10)).value_or(core::SignalState::New);
  return g;
}

core::TopicMatch read_match_row(const Statement& s) {
  return {s.column_int(0), s.column_int(1), s.column_double(2), string_array(s.column_text(3))};
}

core::Error topic_not_found(core::TopicId id) {
  return {core::ErrorCode::NotFound, "storage.not_found", fmt::format("storage: no topic {}", id)};
}

// Binds name .. enabled from parameter `first` (8 parameters).
void bind_topic(Statement& s, int first, const core::Topic& t) {
  s.bind(first, t.name)
      .bind(first + 1, t.description)
      .bind(first + 2, t.query)
      .bind(first + 3, nlohmann::json(t.languages).dump())
      .bind(first + 4, variants_json(t.variants))
      .bind(first + 5, core::to_string(t.priority))
      .bind(first + 6, core::to_string(t.audience))
      .bind(first + 7, std::int64_t{t.enabled ? 1 : 0});
}

}  // namespace

core::Result<core::Topic> SqliteStore::add_topic(const core::Topic& topic) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * s,
                   conn_->prepare("INSERT INTO topics (org_id, name, description, query, "
                                  "languages, variants, priority, audience, enabled, created_at, "
                                  "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
  s->bind(1, std::int64_t{topic.org_id});
  bind_topic(*s, 2, topic);
  s->bind(10, core::to_unix(topic.created_at)).bind(11, core::to_unix(topic.updated_at));
  VIGIE_TRY(s->run());
  core::Topic out = topic;
  out.id = conn_->last_insert_rowid();
  return out;
}

core::Status SqliteStore::update_topic(const core::Topic& topic) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(auto tx, Transaction::begin(*conn_));
  VIGIE_TRY_ASSIGN(Statement * s,
                   conn_->prepare("UPDATE topics SET name = ?, description = ?, query = ?, "
                                  "languages = ?, variants = ?, priority = ?, audience = ?, "
                                  "enabled = ?, updated_at = ? WHERE id = ?"));
  bind_topic(*s, 1, topic);
  s->bind(9, core::to_unix(topic.updated_at)).bind(10, std::int64_t{topic.id});
  VIGIE_TRY(s->run());
  if (conn_->changes() == 0) {
    return tl::unexpected(topic_not_found(topic.id));
  }
  if (!topic.enabled) {
    // A disabled topic alerts nobody: what it has not sent yet is cancelled, in the same
    // transaction (a signal raised on it afterwards writes no delivery, see
    // write_alert_deliveries). Digests leave it out when they are composed.
    VIGIE_TRY_ASSIGN(
        Statement * cancel,
        conn_->prepare("UPDATE deliveries SET state = 'cancelled', lease_until = NULL, "
                       "last_error = 'outbox.topic_disabled' "
                       "WHERE kind = 'alert' AND state IN ('pending', 'sending') "
                       "AND subscription_id IN (SELECT id FROM subscriptions WHERE topic_id = ?)"));
    VIGIE_TRY(cancel->bind(1, std::int64_t{topic.id}).run());
  }
  return tx.commit();
}

core::Result<core::Topic> SqliteStore::read_topic(core::TopicId id) {
  VIGIE_TRY_ASSIGN(Statement * s, conn_->prepare(fmt::format("SELECT {} FROM topics WHERE id = ?",
                                                             kTopicColumns)));
  VIGIE_TRY_ASSIGN(bool row, s->bind(1, std::int64_t{id}).step());
  if (!row) {
    return tl::unexpected(topic_not_found(id));
  }
  core::Topic t = read_topic_row(*s);
  s->reset();
  return t;
}

core::Result<core::Topic> SqliteStore::get_topic(core::TopicId id) {
  std::scoped_lock lock(mutex_);
  return read_topic(id);
}

core::Result<core::Topic> SqliteStore::find_topic_by_name(core::OrgId org,
                                                          const std::string& name) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * s,
                   conn_->prepare(fmt::format("SELECT {} FROM topics WHERE org_id = ? AND name = ?",
                                              kTopicColumns)));
  VIGIE_TRY_ASSIGN(bool row, s->bind(1, std::int64_t{org}).bind(2, name).step());
  if (!row) {
    return core::make_error(core::ErrorCode::NotFound, "storage.not_found",
                            "storage: no topic named " + name);
  }
  core::Topic t = read_topic_row(*s);
  s->reset();
  return t;
}

core::Result<std::vector<core::Topic>> SqliteStore::list_topics(core::OrgId org) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * s,
                   conn_->prepare(fmt::format(
                       "SELECT {} FROM topics WHERE org_id = ? ORDER BY name, id", kTopicColumns)));
  s->bind(1, std::int64_t{org});
  std::vector<core::Topic> out;
  for (;;) {
    VIGIE_TRY_ASSIGN(bool row, s->step());
    if (!row) {
      return out;
    }
    out.push_back(read_topic_row(*s));
  }
}

core::Status SqliteStore::remove_topic(core::TopicId id) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * s, conn_->prepare("DELETE FROM topics WHERE id = ?"));
  VIGIE_TRY(s->bind(1, std::int64_t{id}).run());
  if (conn_->changes() == 0) {
    return tl::unexpected(topic_not_found(id));
  }
  return {};
}

core::Result<std::uint64_t> SqliteStore::topics_version() {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * s,
                   conn_->prepare("SELECT version FROM topics_version WHERE id = 1"));
  VIGIE_TRY_ASSIGN(bool row, s->step());
  const auto v = row ? static_cast<std::uint64_t>(s->column_int(0)) : 0;
  s->reset();
  return v;
}

namespace {

// Appends `s` as a JSON string, byte for byte as nlohmann's dump(-1, ' ', false, replace)
// writes it: well-formed UTF-8 is copied, with the escapes below; anything else goes through
// nlohmann itself (its replacement of ill-formed bytes).
void append_json_string(std::string& out, std::string_view s) {
  if (!text::is_valid_utf8(s)) {  // nlohmann accepts exactly this
    out += nlohmann::json(std::string(s))
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  out += '"';
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '\b':
        out += "\\b";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        if (c <= 0x1F) {
          out += fmt::format("\\u{:04x}", c);
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

// item_matches.matches (migration 0007): [[topic_id, score, ["term", ...]], ...], best score
// first, then by topic, the order matches_of_item returns. Written by hand, the same bytes
// nlohmann's dump(-1, ' ', false, replace) writes (the writer's hot path: building a JSON
// value and dumping it cost about as much as storing the item); scores through nlohmann's own
// shortest round-trip formatting.
std::string matches_json(const std::vector<core::TopicMatch>& matches) {
  std::vector<const core::TopicMatch*> order;
  order.reserve(matches.size());
  std::size_t size = 2;
  for (const auto& m : matches) {
    order.push_back(&m);
    size += 48;
    for (const auto& t : m.matched_terms) {
      size += t.size() + 3;
    }
  }
  std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
    return a->score != b->score ? a->score > b->score : a->topic_id < b->topic_id;
  });
  std::string out;
  out.reserve(size);
  out += '[';
  std::array<char, 64> buf{};
  for (const auto* m : order) {
    if (out.size() > 1) {
      out += ',';
    }
    out += '[';
    const auto id = std::to_chars(buf.data(), buf.data() + buf.size(), m->topic_id);
    out.append(buf.data(), static_cast<std::size_t>(id.ptr - buf.data()));
    out += ',';
    if (std::isfinite(m->score)) {
      const char* end = nlohmann::detail::to_chars(buf.data(), buf.data() + buf.size(), m->score);
      out.append(buf.data(), static_cast<std::size_t>(end - buf.data()));
    } else {
      out += "null";
    }
    out += ",[";
    for (std::size_t i = 0; i < m->matched_terms.size(); ++i) {
      if (i > 0) {
        out += ',';
      }
      append_json_string(out, m->matched_terms[i]);
    }
    out += "]]";
  }
  out += ']';
  return out;
}

// A by-topic row on its way to topic_matches.
struct ByTopic {
  core::TopicId topic;
  core::ItemId item;
  double score;
};

// Skips a JSON value that is an array of strings (matched terms) at `p`; false if it is not.
bool skip_string_array(std::string_view s, std::size_t& p) {
  if (p >= s.size() || s[p] != '[') {
    return false;
  }
  bool in_string = false;
  for (++p; p < s.size(); ++p) {
    const char c = s[p];
    if (in_string) {
      if (c == '\\') {
        ++p;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == ']') {
      ++p;
      return true;
    }
  }
  return false;
}

// (topic, score) of each entry of an item_matches.matches value. A hand scanner for the shape
// this file and migration 0007 write (no spaces); anything else goes through the JSON parser.
std::vector<std::pair<core::TopicId, double>> topics_and_scores(std::string_view s) {
  std::vector<std::pair<core::TopicId, double>> out;
  std::size_t p = 0;
  const auto expect = [&](char c) {
    if (p < s.size() && s[p] == c) {
      ++p;
      return true;
    }
    return false;
  };
  bool ok = expect('[');
  if (ok && !expect(']')) {
    for (;;) {
      core::TopicId topic = 0;
      double score = 0;
      ok = expect('[');
      if (ok) {
        const auto t = std::from_chars(s.data() + p, s.data() + s.size(), topic);
        ok = t.ec == std::errc{};
        p = static_cast<std::size_t>(t.ptr - s.data());
      }
      if (ok && expect(',')) {
        const auto sc = std::from_chars(s.data() + p, s.data() + s.size(), score);
        ok = sc.ec == std::errc{};
        p = static_cast<std::size_t>(sc.ptr - s.data());
      } else {
        ok = false;
      }
      ok = ok && expect(',') && skip_string_array(s, p) && expect(']');
      if (!ok) {
        break;
      }
      out.emplace_back(topic, score);
      if (expect(']')) {
        break;
      }
      if (!expect(',')) {
        ok = false;
        break;
      }
    }
  }
  if (ok && p == s.size()) {
    return out;
  }
  out.clear();
  const auto j = nlohmann::json::parse(s, nullptr, false);
  if (j.is_array()) {
    for (const auto& e : j) {
      if (e.is_array() && e.size() >= 2 && e[0].is_number_integer() && e[1].is_number()) {
        out.emplace_back(e[0].get<core::TopicId>(), e[1].get<double>());
      }
    }
  }
  return out;
}

// Items pending in topic_matches_pending beyond which the writer moves them into
// topic_matches in the same transaction: about 30 matches each in the bench, so a batch
// writes each topic's page about 40 times less often than one transaction per document did.
// A row cost about 1.7 us in batches of 512 items, 1.0-1.4 us in batches of 2,048; the first
// read by topic after a bulk import moves up to a batch (about 60,000 rows, 0.1 s).
constexpr std::size_t kPendingBatch = 2048;

}  // namespace

core::Status SqliteStore::write_matches(const core::Item& item, core::ItemId id,
                                        const std::vector<core::TopicMatch>& matches,
                                        bool new_item) {
  // The item's row, its by-topic rows and its pending mark go (trigger item_matches_removed).
  // A new item has none: removing an item removes its row (foreign key, always on).
  if (!new_item) {
    VIGIE_TRY_ASSIGN(Statement * del, conn_->prepare("DELETE FROM item_matches WHERE item_id = ?"));
    VIGIE_TRY(del->bind(1, std::int64_t{id}).run());
  }
  if (matches.empty()) {
    return {};
  }
  const std::string json = matches_json(matches);
  VIGIE_TRY_ASSIGN(Statement * ins,
                   conn_->prepare("INSERT INTO item_matches (item_id, matches) VALUES (?, ?)"));
  VIGIE_TRY(ins->bind(1, std::int64_t{id}).bind(2, json).run());
  VIGIE_TRY_ASSIGN(Statement * pending,
                   conn_->prepare("INSERT INTO topic_matches_pending (item_id) VALUES (?)"));
  VIGIE_TRY(pending->bind(1, std::int64_t{id}).run());
  ++pending_items_;
  // Signals of the item's matches of high or critical topics. The topics' priorities are
  // read in this transaction (cached until topics_version changes), so a signal follows the
  // topic as it is when the item is stored. Most matches are of normal topics: one small
  // statement per high one costs less than one statement joining every match.
  VIGIE_TRY(refresh_alerting_topics());
  std::vector<core::TopicId> alerting;
  for (const auto& m : matches) {
    if (alerting_topics_.contains(m.topic_id)) {
      alerting.push_back(m.topic_id);
    }
  }
  std::sort(alerting.begin(), alerting.end());
  for (core::TopicId topic : alerting) {
    VIGIE_TRY_ASSIGN(
        Statement * sig,
        conn_->prepare("INSERT OR IGNORE INTO signals (org_id, kind, severity, audience, "
                       "topic_id, item_id, title, created_at) SELECT org_id, ?, priority, "
                       "audience, id, ?, ?, ? FROM topics WHERE id = ?"));
    VIGIE_TRY(sig->bind(1, core::kSignalTopicMatch)
                  .bind(2, std::int64_t{id})
                  .bind(3, item.title)
                  .bind(4, core::to_unix(item.fetched_at))
                  .bind(5, std::int64_t{topic})
                  .run());
    if (conn_->changes() > 0) {
      VIGIE_TRY(write_alert_deliveries(conn_->last_insert_rowid()));
    }
  }
  return {};
}

core::Status SqliteStore::refresh_alerting_topics() {
  VIGIE_TRY_ASSIGN(Statement * v,
                   conn_->prepare("SELECT version FROM topics_version WHERE id = 1"));
  VIGIE_TRY_ASSIGN(bool row, v->step());
  const std::int64_t version = row ? v->column_int(0) : -1;
  v->reset();
  if (version == alerting_topics_version_) {
    return {};
  }
  alerting_topics_.clear();
  alerting_topics_version_ = -2;  // unknown until read
  VIGIE_TRY_ASSIGN(Statement * s,
                   conn_->prepare("SELECT id FROM topics WHERE priority IN ('high', 'critical')"));
  for (;;) {
    VIGIE_TRY_ASSIGN(bool more, s->step());
    if (!more) {
      break;
    }
    alerting_topics_.insert(s->column_int(0));
  }
  alerting_topics_version_ = version;
  return {};
}

core::Status SqliteStore::move_pending_matches() {
  std::unordered_set<core::TopicId> topics;  // entries of topics removed since are skipped
  {
    VIGIE_TRY_ASSIGN(Statement * s, conn_->prepare("SELECT id FROM topics"));
    for (;;) {
      VIGIE_TRY_ASSIGN(bool row, s->step());
      if (!row) {
        break;
      }
      topics.insert(s->column_int(0));
    }
  }
  std::vector<ByTopic> rows;
  {
    VIGIE_TRY_ASSIGN(Statement * s,
                     conn_->prepare("SELECT p.item_id, m.matches FROM topic_matches_pending p "
                                    "JOIN item_matches m ON m.item_id = p.item_id"));
    for (;;) {
      VIGIE_TRY_ASSIGN(bool row, s->step());
      if (!row) {
        break;
      }
      const core::ItemId item = s->column_int(0);
      for (const auto& [topic, score] : topics_and_scores(s->column_text(1))) {
        if (topics.contains(topic)) {
          rows.push_back({topic, item, score});
        }
      }
    }
  }
  // Sorted by topic, so each page of topic_matches is written once.
  std::sort(rows.begin(), rows.end(), [](const ByTopic& a, const ByTopic& b) {
    return std::tie(a.topic, a.item) < std::tie(b.topic, b.item);
  });
  // By statements of kRowsPerInsert rows, then one by one: a statement's fixed cost is a
  // good part of a row's.
  constexpr std::size_t kRowsPerInsert = 32;
  static const std::string kInsertMany = [] {
    std::string sql = "INSERT OR REPLACE INTO topic_matches (topic_id, item_id, score) VALUES ";
    for (std::size_t i = 0; i < kRowsPerInsert; ++i) {
      sql += i ? ", (?, ?, ?)" : "(?, ?, ?)";
    }
    return sql;
  }();
  const auto bind_row = [](Statement& st, int first, const ByTopic& r) {
    st.bind(first, std::int64_t{r.topic})
        .bind(first + 1, std::int64_t{r.item})
        .bind(first + 2, r.score);
  };
  std::size_t next = 0;
  for (; next + kRowsPerInsert <= rows.size(); next += kRowsPerInsert) {
    VIGIE_TRY_ASSIGN(Statement * ins, conn_->prepare(kInsertMany));
    for (std::size_t i = 0; i < kRowsPerInsert; ++i) {
      bind_row(*ins, static_cast<int>(i * 3 + 1), rows[next + i]);
    }
    VIGIE_TRY(ins->run());
  }
  for (; next < rows.size(); ++next) {
    VIGIE_TRY_ASSIGN(Statement * ins,
                     conn_->prepare("INSERT OR REPLACE INTO topic_matches (topic_id, item_id, "
                                    "score) VALUES (?, ?, ?)"));
    bind_row(*ins, 1, rows[next]);
    VIGIE_TRY(ins->run());
  }
  VIGIE_TRY_ASSIGN(Statement * clear, conn_->prepare("DELETE FROM topic_matches_pending"));
  VIGIE_TRY(clear->run());
  pending_items_ = 0;
  return {};
}

core::Status SqliteStore::move_pending_matches_if_many() {
  return pending_items_ >= kPendingBatch ? move_pending_matches() : core::Status{};
}

core::Status SqliteStore::catch_up_topic_matches() {
  // Any process may have left pending items: look at the table, not at pending_items_.
  VIGIE_TRY_ASSIGN(Statement * any,
                   conn_->prepare("SELECT EXISTS (SELECT 1 FROM topic_matches_pending)"));
  VIGIE_TRY_ASSIGN(bool row, any->step());
  const bool pending = row && any->column_int(0) != 0;
  any->reset();
  if (!pending) {
    return {};
  }
  VIGIE_TRY_ASSIGN(auto tx, Transaction::begin(*conn_));
  VIGIE_TRY(move_pending_matches());
  return tx.commit();
}

core::Result<std::vector<core::TopicMatch>> SqliteStore::matches_of_item(core::ItemId item) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(
      Statement * s,
      conn_->prepare("SELECT m.item_id, j.value ->> 0, j.value ->> 1, j.value -> 2 FROM "
                     "item_matches m, json_each(m.matches) AS j WHERE m.item_id = ? AND EXISTS "
                     "(SELECT 1 FROM topics t WHERE t.id = j.value ->> 0) ORDER BY j.key"));
  s->bind(1, std::int64_t{item});
  std::vector<core::TopicMatch> out;
  for (;;) {
    VIGIE_TRY_ASSIGN(bool row, s->step());
    if (!row) {
      return out;
    }
    out.push_back(read_match_row(*s));
  }
}

core::Result<std::vector<core::TopicMatch>> SqliteStore::matches_of_topic(core::TopicId topic,
                                                                          std::size_t offset,
                                                                          std::size_t limit) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY(catch_up_topic_matches());
  VIGIE_TRY_ASSIGN(
      Statement * s,
      conn_->prepare("SELECT tm.item_id, tm.topic_id, tm.score, coalesce((SELECT j.value -> 2 "
                     "FROM item_matches m, json_each(m.matches) AS j WHERE m.item_id = "
                     "tm.item_id AND j.value ->> 0 = tm.topic_id), '[]') FROM topic_matches tm "
                     "WHERE tm.topic_id = ? ORDER BY tm.item_id DESC LIMIT ? OFFSET ?"));
  s->bind(1, std::int64_t{topic})
      .bind(2, static_cast<std::int64_t>(limit))
      .bind(3, static_cast<std::int64_t>(offset));
  std::vector<core::TopicMatch> out;
  for (;;) {
    VIGIE_TRY_ASSIGN(bool row, s->step());
    if (!row) {
      return out;
    }
    out.push_back(read_match_row(*s));
  }
}

core::Result<std::uint64_t> SqliteStore::count_matches_of_topic(core::TopicId topic) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY(catch_up_topic_matches());
  VIGIE_TRY_ASSIGN(Statement * s,
                   conn_->prepare("SELECT count(*) FROM topic_matches WHERE topic_id = ?"));
  VIGIE_TRY(s->bind(1, std::int64_t{topic}).step());
  const auto n = static_cast<std::uint64_t>(s->column_int(0));
  s->reset();
  return n;
}

core::Result<core::Signal> SqliteStore::add_signal(const core::Signal& signal) {
  std::scoped_lock lock(mutex_);
  // The signal and its alert deliveries commit together: a crash leaves both or neither.
  VIGIE_TRY_ASSIGN(auto tx, Transaction::begin(*conn_));
  VIGIE_TRY_ASSIGN(Statement * s,
                   conn_->prepare("INSERT INTO signals (org_id, kind, severity, audience, "
                                  "topic_id, item_id, story_id, title, created_at, state) VALUES "
                                  "(?,?,?,?,?,?,?,?,?,?)"));
  VIGIE_TRY(s->bind(1, std::int64_t{signal.org_id})
                .bind(2, signal.kind)
                .bind(3, core::to_string(signal.severity))
                .bind(4, core::to_string(signal.audience))
                .bind(5, signal.topic_id)
                .bind(6, signal.item_id)
                .bind(7, signal.story_id)
                .bind(8, signal.title)
                .bind(9, core::to_unix(signal.created_at))
                .bind(10, core::to_string(signal.state))
                .run());
  core::Signal out = signal;
  out.id = conn_->last_insert_rowid();
  VIGIE_TRY(write_alert_deliveries(out.id));
  VIGIE_TRY(tx.commit());
  return out;
}

core::Result<core::Signal> SqliteStore::get_signal(core::SignalId id) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * s, conn_->prepare(fmt::format("SELECT {} FROM signals WHERE id = ?",
                                                             kSignalColumns)));
  VIGIE_TRY_ASSIGN(bool row, s->bind(1, std::int64_t{id}).step());
  if (!row) {
    return core::make_error(core::ErrorCode::NotFound, "storage.not_found",
                            fmt::format("storage: no signal {}", id));
  }
  core::Signal g = read_signal_row(*s);
  s->reset();
  return g;
}

core::Result<std::vector<core::Signal>> SqliteStore::list_signals(core::OrgId org,
                                                                  const SignalFilter& filter) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * s,
                   conn_->prepare(fmt::format(
                       "SELECT {} FROM signals WHERE org_id = ?1 AND (?2 IS NULL OR state = ?2) "
                       "AND (?3 IS NULL OR kind = ?3) ORDER BY id DESC LIMIT ?4 OFFSET ?5",
                       kSignalColumns)));
  s->bind(1, std::int64_t{org});
  if (filter.state) {
    s->bind(2, core::to_string(*filter.state));
  } else {
    s->bind_null(2);
  }
  s->bind(3, filter.kind)
      .bind(4, static_cast<std::int64_t>(filter.limit))
      .bind(5, static_cast<std::int64_t>(filter.offset));
  std::vector<core::Signal> out;
  for (;;) {
    VIGIE_TRY_ASSIGN(bool row, s->step());
    if (!row) {
      return out;
    }
    out.push_back(read_signal_row(*s));
  }
}

core::Status SqliteStore::set_signal_state(core::SignalId id, core::SignalState state) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * s, conn_->prepare("UPDATE signals SET state = ? WHERE id = ?"));
  VIGIE_TRY(s->bind(1, core::to_string(state)).bind(2, std::int64_t{id}).run());
  if (conn_->changes() == 0) {
    return core::make_error(core::ErrorCode::NotFound, "storage.not_found",
                            fmt::format("storage: no signal {}", id));
  }
  return {};
}

}  // namespace vigie::storage::sqlite
