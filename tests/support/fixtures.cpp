// SPDX-License-Identifier: AGPL-3.0-or-later
#include "fixtures.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace vigie::testing {

std::filesystem::path fixture_path(const std::filesystem::path& relative) {
  return std::filesystem::path(VIGIE_FIXTURES_DIR) / relative;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot read " + path.string());
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string read_fixture(const std::filesystem::path& relative) {
  return read_file(fixture_path(relative));
}

}  // namespace vigie::testing
