// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Early return on error for Result-returning code (the ASSIGN_OR_RETURN idiom of Abseil and
// Envoy): keeps "check every error return" readable without exceptions.
//   VIGIE_TRY(store.commit());                 // Status or Result<T>, value discarded
//   VIGIE_TRY_ASSIGN(auto rows, stmt->step()); // declares `rows` from Result<T>

#define VIGIE_CONCAT_INNER(a, b) a##b
#define VIGIE_CONCAT(a, b) VIGIE_CONCAT_INNER(a, b)

#define VIGIE_TRY(expr)                                 \
  do {                                                  \
    auto&& vigie_try_result_ = (expr);                  \
    if (!vigie_try_result_) {                           \
      return tl::unexpected(vigie_try_result_.error()); \
    }                                                   \
  } while (false)

#define VIGIE_TRY_ASSIGN_IMPL(tmp, decl, expr) \
  auto tmp = (expr);                           \
  if (!tmp) {                                  \
    return tl::unexpected(tmp.error());        \
  }                                            \
  decl = std::move(*tmp)

#define VIGIE_TRY_ASSIGN(decl, expr) \
  VIGIE_TRY_ASSIGN_IMPL(VIGIE_CONCAT(vigie_try_tmp_, __LINE__), decl, expr)
