// Runs a shell command for the CLI tests and keeps its exit status and what it printed (one copy
// of this popen loop). The command's own redirections pick which stream is captured.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <string>

#include <catch2/catch.hpp>

namespace granice::test {

struct CommandResult {
  int status = -1;  // the exit code, or -1 when a signal ended it
  std::string out;  // what reached the pipe
};

inline CommandResult run_command(const std::string& cmd) {
  CommandResult r;
  FILE* pipe = popen(cmd.c_str(), "r");
  REQUIRE(pipe);
  char buf[4096];
  for (std::size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) r.out.append(buf, n);
  const int raw = pclose(pipe);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return r;
}

#if defined(GRANICE_SOURCE_DIR) && defined(GRANICE_CLI_PATH)
// `granice ARGS` from the source folder; `redirect` picks what is captured (stdout by default).
inline CommandResult run_cli(const std::string& args, const std::string& redirect = "2>/dev/null") {
  return run_command(std::string("cd '") + GRANICE_SOURCE_DIR + "' && '" + GRANICE_CLI_PATH + "' " + args + " " + redirect);
}
#endif

}  // namespace granice::test
