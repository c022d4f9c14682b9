// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// A file compiled into the binary (cmake/Embed.cmake): migrations, catalogs, templates.

#include <string_view>

namespace vigie::core {

struct EmbeddedFile {
  std::string_view name;  // base name, e.g. "0001_initial.sql"
  std::string_view data;
};

}  // namespace vigie::core
