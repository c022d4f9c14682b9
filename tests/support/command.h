// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Runs a program with arguments and extra environment variables, capturing its standard
// output, standard error and exit status. For end-to-end tests of the `vigie` binary.

#include <map>
#include <string>
#include <vector>

namespace vigie::testing {

struct CommandResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out;
  std::string err;
};

CommandResult run_command(const std::string& program, const std::vector<std::string>& args,
                          const std::map<std::string, std::string>& env = {});

// A program started in the background (output discarded), for tests that stop it abruptly.
// The destructor kills it (SIGKILL) when it still runs, and reaps it.
class BackgroundCommand {
 public:
  BackgroundCommand(const std::string& program, const std::vector<std::string>& args,
                    const std::map<std::string, std::string>& env = {});
  ~BackgroundCommand();
  BackgroundCommand(const BackgroundCommand&) = delete;
  BackgroundCommand& operator=(const BackgroundCommand&) = delete;

  // SIGKILL (no chance to clean up, like a power cut), then waits for it to end.
  void kill_hard();

 private:
  int pid_ = -1;
};

}  // namespace vigie::testing
