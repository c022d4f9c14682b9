// SPDX-License-Identifier: AGPL-3.0-or-later
#include "service/topic_service.h"

#include <algorithm>
#include <charconv>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/try.h"
#include "match/highlight.h"
#include "match/percolator.h"
#include "match/query.h"
#include "service/topic_matcher.h"

namespace vigie::service {
namespace {

constexpr std::size_t kMaxNameBytes = 200;
constexpr std::size_t kScanBatch = 500;

core::Error invalid(std::string key, std::string message) {
  return {core::ErrorCode::InvalidInput, std::move(key), std::move(message)};
}

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

// "fr", "FR", " en " -> "fr", "en"; empty when not a 2-3 letter code.
std::string language_code(std::string_view s) {
  std::string out = trim(s);
  if (out.size() < 2 || out.size() > 3) {
    return {};
  }
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
    if (c < 'a' || c > 'z') {
      return {};
    }
  }
  return out;
}

core::Status check_query(const std::string& text, const std::string& what) {
  auto q = match::parse_query_detailed(text);
  if (!q) {
    return tl::unexpected(invalid(q.error().expected_key,
                                  fmt::format("{}: query: {}", what, match::describe(q.error()))));
  }
  auto broad = match::check_percolatable(*q);
  if (!broad) {
    return tl::unexpected(invalid(broad.error().reason, what + ": " + broad.error().message));
  }
  return {};
}

nlohmann::json to_json(const core::Topic& t) {
  nlohmann::json variants = nlohmann::json::object();
  for (const auto& v : t.variants) {
    variants[v.lang] = v.query;
  }
  return {{"name", t.name},
          {"query", t.query},
          {"languages", t.languages},
          {"variants", variants},
          {"priority", core::to_string(t.priority)},
          {"audience", core::to_string(t.audience)},
          {"description", t.description},
          {"enabled", t.enabled}};
}

template <class T>
core::Result<T> field(const nlohmann::json& j, const char* name, T fallback) {
  if (!j.contains(name) || j[name].is_null()) {
    return fallback;
  }
  try {
    return j[name].get<T>();
  } catch (const nlohmann::json::exception&) {
    return tl::unexpected(
        invalid("topic.bad_json", fmt::format("\"{}\" has the wrong type", name)));
  }
}

core::Result<core::Topic> from_json(const nlohmann::json& j) {
  if (!j.is_object()) {
    return tl::unexpected(invalid("topic.bad_json", "not a JSON object"));
  }
  core::Topic t;
  VIGIE_TRY_ASSIGN(t.name, field<std::string>(j, "name", ""));
  VIGIE_TRY_ASSIGN(t.query, field<std::string>(j, "query", ""));
  VIGIE_TRY_ASSIGN(t.description, field<std::string>(j, "description", ""));
  VIGIE_TRY_ASSIGN(t.languages, field<std::vector<std::string>>(j, "languages", {}));
  VIGIE_TRY_ASSIGN(t.enabled, field<bool>(j, "enabled", true));
  VIGIE_TRY_ASSIGN(std::string priority, field<std::string>(j, "priority", "normal"));
  VIGIE_TRY_ASSIGN(std::string audience, field<std::string>(j, "audience", "internal"));
  const auto p = core::parse_priority(priority);
  const auto a = core::parse_audience(audience);
  if (!p) {
    return tl::unexpected(invalid("topic.bad_priority", "priority: " + priority));
  }
  if (!a) {
    return tl::unexpected(invalid("topic.bad_audience", "audience: " + audience));
  }
  t.priority = *p;
  t.audience = *a;
  if (j.contains("variants") && !j["variants"].is_null()) {
    const auto& v = j["variants"];
    // {"en": "cotton"} as exported; [{"lang": "en", "query": "cotton"}] is accepted too.
    if (v.is_object()) {
      for (const auto& [lang, q] : v.items()) {
        if (!q.is_string()) {
          return tl::unexpected(invalid("topic.bad_json", "variants: queries are strings"));
        }
        t.variants.push_back({lang, q.get<std::string>()});
      }
    } else if (v.is_array()) {
      for (const auto& e : v) {
        if (!e.is_object() || !e.value("lang", nlohmann::json()).is_string()
            || !e.value("query", nlohmann::json()).is_string()) {
          return tl::unexpected(invalid("topic.bad_json", "variants: {\"lang\", \"query\"}"));
        }
        t.variants.push_back({e["lang"].get<std::string>(), e["query"].get<std::string>()});
      }
    } else {
      return tl::unexpected(invalid("topic.bad_json", "\"variants\" has the wrong type"));
    }
  }
  return t;
}

}  // namespace

core::Status TopicService::validate(core::Topic& t) const {
  t.name = trim(t.name);
  if (t.name.empty() || t.name.size() > kMaxNameBytes) {
    return tl::unexpected(invalid("topic.name_required",
                                  fmt::format("topic: a name of 1 to {} bytes", kMaxNameBytes)));
  }
  for (auto& l : t.languages) {
    const std::string code = language_code(l);
    if (code.empty()) {
      return tl::unexpected(invalid("topic.bad_language", "topic: language " + l));
    }
    l = code;
  }
  std::sort(t.languages.begin(), t.languages.end());
  t.languages.erase(std::unique(t.languages.begin(), t.languages.end()), t.languages.end());
  VIGIE_TRY(check_query(t.query, "topic"));
  for (auto& v : t.variants) {
    const std::string code = language_code(v.lang);
    if (code.empty()) {
      return tl::unexpected(invalid("topic.bad_language", "topic: variant language " + v.lang));
    }
    v.lang = code;
    VIGIE_TRY(check_query(v.query, "variant " + code));
  }
  std::sort(t.variants.begin(), t.variants.end(),
            [](const auto& a, const auto& b) { return a.lang < b.lang; });
  for (std::size_t i = 1; i < t.variants.size(); ++i) {
    if (t.variants[i].lang == t.variants[i - 1].lang) {
      return tl::unexpected(
          invalid("topic.bad_language", "topic: two variants for " + t.variants[i].lang));
    }
  }
  return {};
}

core::Result<core::Topic> TopicService::add(core::Topic topic) {
  VIGIE_TRY(validate(topic));
  topic.id = 0;
  topic.org_id = org_;
  topic.created_at = topic.updated_at = clock_.now();
  auto added = store_.add_topic(topic);
  if (!added && added.error().code == core::ErrorCode::Conflict) {
    return tl::unexpected(core::Error{core::ErrorCode::Conflict, "topic.exists",
                                      "topic: the name is taken: " + topic.name});
  }
  return added;
}

core::Result<core::Topic> TopicService::update(core::Topic topic) {
  VIGIE_TRY(validate(topic));
  auto current = store_.get_topic(topic.id);
  if (!current || current->org_id != org_) {
    return tl::unexpected(core::Error{core::ErrorCode::NotFound, "topic.not_found",
                                      fmt::format("topic: no topic {}", topic.id)});
  }
  topic.org_id = org_;
  topic.created_at = current->created_at;
  topic.updated_at = clock_.now();
  auto st = store_.update_topic(topic);
  if (!st) {
    if (st.error().code == core::ErrorCode::Conflict) {
      return tl::unexpected(core::Error{core::ErrorCode::Conflict, "topic.exists",
                                        "topic: the name is taken: " + topic.name});
    }
    return tl::unexpected(st.error());
  }
  return topic;
}

core::Result<std::vector<core::Topic>> TopicService::list() {
  return store_.list_topics(org_);
}

core::Result<core::Topic> TopicService::find(const std::string& id_or_name) {
  core::TopicId id = 0;
  const char* end = id_or_name.data() + id_or_name.size();
  if (auto [p, ec] = std::from_chars(id_or_name.data(), end, id); ec == std::errc() && p == end) {
    auto t = store_.get_topic(id);
    if (t && t->org_id == org_) {
      return t;
    }
  }
  auto t = store_.find_topic_by_name(org_, trim(id_or_name));
  if (!t && t.error().code == core::ErrorCode::NotFound) {
    return tl::unexpected(
        core::Error{core::ErrorCode::NotFound, "topic.not_found", "topic: no topic " + id_or_name});
  }
  return t;
}

core::Status TopicService::remove(const std::string& id_or_name) {
  VIGIE_TRY_ASSIGN(core::Topic t, find(id_or_name));
  return store_.remove_topic(t.id);
}

core::Result<TopicTestReport> TopicService::test(const core::Topic& candidate, std::size_t limit) {
  core::Topic topic = candidate;
  VIGIE_TRY(validate(topic));
  VIGIE_TRY_ASSIGN(match::PercolatorTopic compiled, percolator_topic(topic));
  const match::Percolator percolator(std::span<const match::PercolatorTopic>(&compiled, 1));
  TopicTestReport report;
  report.understood = match::to_string(compiled.query);
  std::map<core::SourceId, core::Source> sources;
  core::ItemId after = 0;
  for (;;) {
    VIGIE_TRY_ASSIGN(auto ids, store_.item_ids_after(after, kScanBatch));
    if (ids.empty()) {
      break;
    }
    after = ids.back();
    VIGIE_TRY_ASSIGN(auto items, store_.get_items(ids));
    for (auto& item : items) {
      if (item.org_id != org_) {
        continue;
      }
      ++report.scanned;
      auto src = sources.find(item.source_id);
      if (src == sources.end()) {
        VIGIE_TRY_ASSIGN(core::Source s, store_.get_source(item.source_id));
        src = sources.emplace(item.source_id, std::move(s)).first;
      }
      auto hits = percolator.percolate(eval_document(item, src->second));
      if (hits.empty()) {
        continue;
      }
      ++report.matched;
      TopicTestHit h;
      h.score = hits.front().score;
      h.matched_terms = std::move(hits.front().matched_terms);
      h.source_title = src->second.title;
      h.item = std::move(item);
      report.hits.push_back(std::move(h));
    }
  }
  std::stable_sort(report.hits.begin(), report.hits.end(), [](const auto& a, const auto& b) {
    return a.score != b.score ? a.score > b.score : a.item.id > b.item.id;
  });
  if (report.hits.size() > limit) {
    report.hits.resize(limit);
  }
  for (auto& h : report.hits) {
    const match::Query* q = &compiled.query;
    for (const auto& [lang, vq] : compiled.variants) {
      if (lang == match::normalize_filter_value(h.item.lang)) {
        q = &vq;
      }
    }
    h.title_html =
        match::highlight_html(h.item.title, h.item.lang, *q, match::HighlightTarget::Title);
    h.snippet_html = match::snippet_html(h.item.text, h.item.lang, *q);
  }
  return report;
}

core::Result<TopicImportReport> TopicService::import_jsonl(std::string_view bytes) {
  TopicImportReport report;
  std::size_t line_no = 0;
  while (!bytes.empty()) {
    const auto nl = bytes.find('\n');
    const std::string_view line = bytes.substr(0, nl);
    bytes = nl == std::string_view::npos ? std::string_view() : bytes.substr(nl + 1);
    ++line_no;
    if (trim(line).empty()) {
      continue;
    }
    const auto refuse = [&](const core::Error& e) {
      report.refused.push_back(fmt::format("line {}: {} ({})", line_no, e.reason, e.message));
    };
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) {
      refuse(invalid("topic.bad_json", "not JSON"));
      continue;
    }
    auto topic = from_json(j);
    if (!topic) {
      refuse(topic.error());
      continue;
    }
    auto existing = store_.find_topic_by_name(org_, trim(topic->name));
    if (existing) {
      topic->id = existing->id;
      auto up = update(std::move(*topic));
      up ? ++report.updated : (refuse(up.error()), 0U);
    } else {
      auto added = add(std::move(*topic));
      added ? ++report.added : (refuse(added.error()), 0U);
    }
  }
  return report;
}

core::Result<std::string> TopicService::export_jsonl() {
  VIGIE_TRY_ASSIGN(auto topics, store_.list_topics(org_));
  std::string out;
  for (const auto& t : topics) {
    out += to_json(t).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += '\n';
  }
  return out;
}

core::Result<std::vector<MatchedItem>> TopicService::matches(core::TopicId topic,
                                                             std::size_t offset,
                                                             std::size_t limit) {
  VIGIE_TRY_ASSIGN(auto matches, store_.matches_of_topic(topic, offset, limit));
  std::vector<core::ItemId> ids;
  for (const auto& m : matches) {
    ids.push_back(m.item_id);
  }
  VIGIE_TRY_ASSIGN(auto items, store_.get_items(ids));
  std::map<core::ItemId, core::Item*> by_id;
  for (auto& it : items) {
    by_id[it.id] = &it;
  }
  std::vector<MatchedItem> out;
  for (auto& m : matches) {
    auto it = by_id.find(m.item_id);
    if (it != by_id.end()) {
      out.push_back({std::move(m), std::move(*it->second)});
    }
  }
  return out;
}

core::Result<std::vector<core::Signal>> TopicService::signals(const storage::SignalFilter& filter) {
  return store_.list_signals(org_, filter);
}

}  // namespace vigie::service
