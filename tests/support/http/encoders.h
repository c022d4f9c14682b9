// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Internal to the fixture server: the pieces of a gzip bomb.

#include <cstdint>
#include <string>

namespace vigie::testing {

// A gzip member that inflates to `repeats` MiB of zeros is head + block * repeats + tail:
// `block` is one MiB of zeros deflated by a fresh raw-deflate stream and ended with a full
// flush, so it references nothing before it and copies of it concatenate into one valid
// deflate stream; `tail` is the final empty block and the gzip trailer (CRC-32 and length of
// the whole inflated data).
struct GzipBomb {
  std::string head;
  std::string block;
  std::string tail;
  std::uint64_t repeats = 0;

  std::uint64_t size() const { return head.size() + block.size() * repeats + tail.size(); }
};

// Rounds `decompressed_bytes` up to whole MiB (at least one).
GzipBomb make_gzip_bomb(std::uint64_t decompressed_bytes);

}  // namespace vigie::testing
