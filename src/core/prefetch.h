// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// core::prefetch(p) starts loading the cache line that holds `p`, for a load a little later.
// A hint: it never faults and changes no result; `p` need not be dereferenceable.
//
// Why not __builtin_prefetch directly: GCC 12 (Debian 12's compiler) deletes calls to a
// function or lambda whose only effect is a __builtin_prefetch. Its inter-procedural
// analysis finds them free of side effects, so a helper such as "prefetch where this id's
// postings start" compiles to nothing, silently: in session 11, objdump found none of the
// percolator's prefetches in the binary. An asm statement is a side effect no pass removes.

namespace vigie::core {

inline void prefetch(const void* p) {
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
  asm volatile("prefetcht0 %0" : : "m"(*static_cast<const char*>(p)));
#else
  __builtin_prefetch(p);
#endif
}

}  // namespace vigie::core
