// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The fixture most service and web tests start from: an in-memory SQLite store holding the
// operator organisation "CCI Test". Call from SetUp() through ASSERT_NO_FATAL_FAILURE.

#include <memory>

#include <gtest/gtest.h>

#include "storage/sqlite/sqlite_store.h"

namespace vigie::testing {

inline void open_memory_store(std::unique_ptr<storage::sqlite::SqliteStore>& store,
                              core::OrgId& operator_org) {
  auto s = storage::sqlite::SqliteStore::open({.path = ":memory:"});
  ASSERT_TRUE(s) << s.error().message;
  store = std::move(*s);
  auto op = store->ensure_operator("CCI Test");
  ASSERT_TRUE(op) << op.error().message;
  operator_org = op->id;
}

}  // namespace vigie::testing
