// SPDX-License-Identifier: AGPL-3.0-or-later
#include "temp_dir.h"

#include <cstdlib>
#include <string>
#include <system_error>

namespace vigie::testing {

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "vigie-test-XXXXXX").string();
  char* made = ::mkdtemp(tmpl.data());
  if (made == nullptr) {
    throw std::runtime_error("mkdtemp failed");
  }
  path_ = made;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace vigie::testing
