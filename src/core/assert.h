// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// VIGIE_ASSERT checks invariants in debug builds only; VIGIE_CHECK always runs and aborts on
// states that make continuing unsafe. Never use either on what input, the network or the
// database can cause (STYLE.md H4).

#include <cstdio>
#include <cstdlib>

#define VIGIE_CHECK(cond, msg)                                                                \
  do {                                                                                        \
    if (!(cond)) {                                                                            \
      std::fprintf(stderr, "%s:%d: check failed: %s (%s)\n", __FILE__, __LINE__, #cond, msg); \
      std::abort();                                                                           \
    }                                                                                         \
  } while (false)

#ifdef NDEBUG
#define VIGIE_ASSERT(cond, why) \
  do {                          \
  } while (false)
#else
#define VIGIE_ASSERT(cond, why) VIGIE_CHECK(cond, why)
#endif
