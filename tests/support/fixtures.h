// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Loads files from tests/fixtures/ by their path relative to that folder.

#include <filesystem>
#include <string>

namespace vigie::testing {

std::filesystem::path fixture_path(const std::filesystem::path& relative);
std::string read_fixture(const std::filesystem::path& relative);  // throws if missing
std::string read_file(const std::filesystem::path& path);         // throws if missing

}  // namespace vigie::testing
