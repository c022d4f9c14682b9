// SPDX-License-Identifier: AGPL-3.0-or-later
#include "service/source_service.h"

#include <charconv>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "core/try.h"
#include "core/url.h"
#include "ingest/opml/opml.h"

namespace vigie::service {
namespace {

core::Error not_found(const std::string& what) {
  return {core::ErrorCode::NotFound, "source.not_found", "service: no source " + what};
}

std::optional<core::SourceId> as_id(const std::string& s) {
  core::SourceId id = 0;
  const auto* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, id);
  if (ec != std::errc() || p != end || s.empty()) {
    return std::nullopt;
  }
  return id;
}

}  // namespace

core::Result<core::Source> SourceService::add(const AddSourceRequest& request) {
  if (request.kind == core::SourceKind::Feed && !core::is_http_url(request.url)) {
    return core::make_error(core::ErrorCode::InvalidInput, "source.invalid_url",
                            "service: not an http(s) URL: " + request.url);
  }
  core::Source s;
  s.org_id = org_;
  s.kind = request.kind;
  s.url = request.url;
  s.title = request.title.empty() ? request.url : request.title;
  s.tags = request.tags;
  s.site_url = request.site_url;
  s.country = request.country;
  s.language = request.language;
  s.health.next_check_at = clock_.now();
  auto added = store_.add_source(s);
  if (!added && added.error().code == core::ErrorCode::Conflict) {
    return core::make_error(core::ErrorCode::Conflict, "source.exists",
                            "service: source already present: " + request.url);
  }
  return added;
}

core::Result<std::vector<core::Source>> SourceService::list() {
  return store_.list_sources(org_);
}

core::Result<core::Source> SourceService::find(const std::string& key) {
  if (auto id = as_id(key)) {
    auto s = store_.get_source(*id);
    if (s && s->org_id == org_) {
      return s;
    }
  }
  auto by_url = store_.find_source_by_url(org_, key);
  if (by_url) {
    return by_url;
  }
  VIGIE_TRY_ASSIGN(auto all, store_.list_sources(org_));
  for (auto& s : all) {
    if (s.title == key) {
      return s;
    }
  }
  return tl::unexpected(not_found(key));
}

core::Status SourceService::remove(const std::string& key) {
  VIGIE_TRY_ASSIGN(core::Source s, find(key));
  return store_.remove_source(s.id);
}

core::Result<core::Source> SourceService::make_due(const std::string& key) {
  VIGIE_TRY_ASSIGN(core::Source s, find(key));
  s.health.next_check_at = clock_.now();
  VIGIE_TRY(store_.record_fetch_outcome(s.id, s.health));
  return s;
}

core::Result<core::Source> SourceService::local_source(const std::string& name,
                                                       const std::string& url) {
  if (auto found = find(name)) {
    return found;
  }
  AddSourceRequest req;
  req.url = url;
  req.title = name;
  req.kind = core::SourceKind::Import;
  return add(req);
}

core::Result<ImportReport> SourceService::import_opml(std::string_view bytes) {
  VIGIE_TRY_ASSIGN(ingest::OpmlDocument doc, ingest::parse_opml(bytes));
  ImportReport report;
  for (const auto& feed : doc.feeds) {
    AddSourceRequest req;
    req.url = feed.xml_url;
    req.title = feed.title;
    req.tags = feed.tags;
    req.site_url = feed.html_url;
    req.language = feed.language;
    auto added = add(req);
    if (added) {
      ++report.added;
    } else if (added.error().code == core::ErrorCode::Conflict) {
      ++report.already_present;
    } else {
      report.refused.push_back(feed.xml_url + ": " + added.error().reason);
    }
  }
  return report;
}

core::Result<std::string> SourceService::export_opml(const std::string& title) {
  VIGIE_TRY_ASSIGN(auto sources, store_.list_sources(org_));
  ingest::OpmlDocument doc;
  doc.title = title;
  for (const auto& s : sources) {
    if (s.kind != core::SourceKind::Feed) {
      continue;
    }
    ingest::OpmlFeed f;
    f.title = s.title;
    f.xml_url = s.url;
    f.html_url = s.site_url;
    f.tags = s.tags;
    f.language = s.language;
    doc.feeds.push_back(std::move(f));
  }
  // RFC 822 date, as OPML 2.0 asks for dateCreated.
  const std::string date = fmt::format("{:%a, %d %b %Y %H:%M:%S} GMT", clock_.now());
  return ingest::write_opml(doc, date);
}

}  // namespace vigie::service
