// SPDX-License-Identifier: AGPL-3.0-or-later
#include "command.h"

#include <csignal>
#include <cstring>
#include <stdexcept>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fixtures.h"
#include "temp_dir.h"

extern char** environ;  // NOLINT: POSIX

namespace vigie::testing {

namespace {

// argv and envp for posix_spawn: the parent's environment with `env` replaced or added.
struct SpawnArgs {
  std::vector<std::string> argv_s;
  std::vector<std::string> env_s;
  std::vector<char*> argv;
  std::vector<char*> envp;

  SpawnArgs(const std::string& program, const std::vector<std::string>& args,
            const std::map<std::string, std::string>& env) {
    argv_s.push_back(program);
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    for (auto& a : argv_s) {
      argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    std::map<std::string, std::string> merged;
    for (char** e = environ; *e != nullptr; ++e) {
      std::string kv(*e);
      auto eq = kv.find('=');
      if (eq != std::string::npos) {
        merged[kv.substr(0, eq)] = kv.substr(eq + 1);
      }
    }
    for (const auto& [k, v] : env) {
      merged[k] = v;
    }
    for (const auto& [k, v] : merged) {
      env_s.push_back(k + "=" + v);
    }
    for (auto& e : env_s) {
      envp.push_back(e.data());
    }
    envp.push_back(nullptr);
  }
};

pid_t spawn(const std::string& program, const posix_spawn_file_actions_t& actions, SpawnArgs& a) {
  pid_t pid = 0;
  const int rc =
      posix_spawn(&pid, program.c_str(), &actions, nullptr, a.argv.data(), a.envp.data());
  if (rc != 0) {
    throw std::runtime_error("cannot start " + program + ": " + std::strerror(rc));
  }
  return pid;
}

}  // namespace

CommandResult run_command(const std::string& program, const std::vector<std::string>& args,
                          const std::map<std::string, std::string>& env) {
  TempDir dir;
  const std::string out_path = (dir / "out").string();
  const std::string err_path = (dir / "err").string();

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  SpawnArgs spawn_args(program, args, env);
  pid_t pid = 0;
  try {
    pid = spawn(program, actions, spawn_args);
  } catch (...) {
    posix_spawn_file_actions_destroy(&actions);
    throw;
  }
  posix_spawn_file_actions_destroy(&actions);
  int status = 0;
  waitpid(pid, &status, 0);
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  return r;
}

BackgroundCommand::BackgroundCommand(const std::string& program,
                                     const std::vector<std::string>& args,
                                     const std::map<std::string, std::string>& env) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  SpawnArgs spawn_args(program, args, env);
  try {
    pid_ = spawn(program, actions, spawn_args);
  } catch (...) {
    posix_spawn_file_actions_destroy(&actions);
    throw;
  }
  posix_spawn_file_actions_destroy(&actions);
}

BackgroundCommand::~BackgroundCommand() {
  kill_hard();
}

void BackgroundCommand::kill_hard() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
  }
}

}  // namespace vigie::testing
