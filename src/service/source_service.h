// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Managing the sources of the operator: add, list, remove, OPML import and export, health.
// Thread-safety: safe to call concurrently if the Store is.

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/model.h"
#include "storage/store.h"

namespace vigie::service {

struct AddSourceRequest {
  std::string url;
  std::string title;
  std::vector<std::string> tags;
  std::optional<std::string> site_url;
  std::optional<std::string> country;
  std::optional<std::string> language;
  core::SourceKind kind = core::SourceKind::Feed;
};

struct ImportReport {
  std::size_t added = 0;
  std::size_t already_present = 0;
  std::vector<std::string> refused;  // "url: reason key" for each entry not imported
};

class SourceService {
 public:
  SourceService(storage::Store& store, const core::Clock& clock, core::OrgId org)
      : store_(store), clock_(clock), org_(org) {}

  // Adds a feed source, due at once. Errors: "source.invalid_url" (InvalidInput: not an
  // absolute http(s) URL for feeds), "source.exists" (Conflict), storage errors.
  core::Result<core::Source> add(const AddSourceRequest& request);
  core::Result<std::vector<core::Source>> list();
  // Finds by numeric id, exact URL, or exact title (in that order). "source.not_found".
  core::Result<core::Source> find(const std::string& id_url_or_title);
  // Removes the source and its items. "source.not_found".
  core::Status remove(const std::string& id_url_or_title);
  // Makes the source due now (used by `vigie fetch --source`).
  core::Result<core::Source> make_due(const std::string& id_url_or_title);
  // Local sources for `vigie ingest`: found by name, or created (kind Import) when missing.
  core::Result<core::Source> local_source(const std::string& name, const std::string& url);

  // Imports the feeds of an OPML document; folders become tags. Existing URLs are skipped.
  // Errors: "opml.invalid" when the document is not OPML.
  core::Result<ImportReport> import_opml(std::string_view bytes);
  // OPML 2.0 of every feed source, first tag as folder (what Miniflux, FreshRSS and newsboat
  // import unchanged).
  core::Result<std::string> export_opml(const std::string& title);

 private:
  storage::Store& store_;
  const core::Clock& clock_;
  core::OrgId org_;
};

}  // namespace vigie::service
