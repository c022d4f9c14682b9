// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The fixture of the `vigie` binary tests: runs the binary built by this tree with a database
// in a fresh temporary directory and the language asked for.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/command.h"
#include "support/temp_dir.h"

namespace vigie {
namespace fs = std::filesystem;

class CliTest : public ::testing::Test {
 protected:
  testing::CommandResult vigie(std::vector<std::string> args, std::string lang = "en") {
    return testing::run_command(
        VIGIE_BINARY, args,
        {{"VIGIE_DB", (dir_ / "vigie.db").string()}, {"VIGIE_LANG", lang}, {"VIGIE_CONFIG", ""}});
  }

  static std::vector<std::string> demo_feeds() {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(fs::path(VIGIE_DEMO_DIR) / "feeds")) {
      const auto name = e.path().filename().string();
      if (name.find("broken") == std::string::npos) {
        files.push_back(e.path().string());
      }
    }
    std::sort(files.begin(), files.end());
    return files;
  }

  testing::TempDir dir_;
};

}  // namespace vigie
