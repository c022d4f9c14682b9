// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// A fresh directory under the system temp dir (TMPDIR honoured), removed with its contents on
// destruction. Tests never hard-code /tmp paths.

#include <filesystem>

namespace vigie::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  TempDir(TempDir&&) = delete;
  TempDir& operator=(TempDir&&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::filesystem::path& p) const { return path_ / p; }

 private:
  std::filesystem::path path_;
};

}  // namespace vigie::testing
