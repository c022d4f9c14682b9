// SPDX-License-Identifier: AGPL-3.0-or-later
#include "main/catalogs.h"

#include <iostream>
#include <span>
#include <string>

#include "core/embedded.h"

namespace vigie::main::catalogs {
std::span<const core::EmbeddedFile> embedded_files();
}

namespace vigie::main {
namespace {

core::Catalog load_catalog(std::string_view lang) {
  const std::string name = std::string(lang) + ".po";
  for (const auto& f : catalogs::embedded_files()) {
    if (f.name == name) {
      auto cat = core::Catalog::parse_po(f.data);
      if (cat) {
        return *cat;
      }
      std::cerr << "vigie: " << cat.error().message << '\n';
    }
  }
  return {};
}

}  // namespace

core::Messages make_messages(std::string_view lang) {
  return core::Messages(load_catalog(lang), load_catalog("en"), std::string(lang));
}

}  // namespace vigie::main
