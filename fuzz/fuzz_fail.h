// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// For fuzz targets that check a property, not only the absence of a crash: when the property
// is broken, say which, show the texts involved, and abort so that libFuzzer keeps the input
// as a finding (tools/run-fuzzers then asks for it in tests/fixtures/fuzz/<target>/).

#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <string_view>

namespace vigie::fuzz {

struct Shown {
  std::string_view label;
  std::string_view text;
};

[[noreturn]] inline void fail(std::string_view what, std::initializer_list<Shown> shown) {
  std::fprintf(stderr, "%.*s\n", static_cast<int>(what.size()), what.data());
  for (const Shown& s : shown) {
    std::fprintf(stderr, "  %.*s: [%.*s]\n", static_cast<int>(s.label.size()), s.label.data(),
                 static_cast<int>(s.text.size()), s.text.data());
  }
  std::abort();
}

}  // namespace vigie::fuzz
