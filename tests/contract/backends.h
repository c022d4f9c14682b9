// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The storage backends every contract suite runs against (STYLE.md H5). A PostgreSQL backend
// joins kStoreBackends when it exists, and every suite picks it up.
#include <functional>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "storage/sqlite/sqlite_store.h"
#include "storage/store.h"
#include "support/temp_dir.h"

namespace vigie::storage {

struct Backend {
  std::string name;
  std::function<std::unique_ptr<Store>(const testing::TempDir&)> open;
};

inline std::unique_ptr<Store> open_sqlite(const std::string& path) {
  auto s = sqlite::SqliteStore::open({.path = path});
  if (!s) {
    ADD_FAILURE() << s.error().message;
    return nullptr;
  }
  return std::move(*s);
}

// Arguments for INSTANTIATE_TEST_SUITE_P: the backends, and their names as test suffixes.
inline auto store_backends() {
  return ::testing::Values(
      Backend{"SqliteFile",
              [](const testing::TempDir& d) { return open_sqlite((d / "vigie.db").string()); }},
      Backend{"SqliteMemory", [](const testing::TempDir&) { return open_sqlite(":memory:"); }});
}

inline std::string backend_name(const ::testing::TestParamInfo<Backend>& p) {
  return p.param.name;
}

}  // namespace vigie::storage
