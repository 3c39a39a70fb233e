// The granice subcommands. To add one: declare it here, add a row to commands() in commands.cpp,
// implement it in its own cmd_<name>.cpp.
#pragma once

#include <string>
#include <vector>

namespace granice::cli {

// Exit codes shared by every subcommand.
enum ExitCode : int { kExitOk = 0, kExitContentErrors = 1, kExitUsage = 2 };

using Args = std::vector<std::string>;  // the arguments after the subcommand name

struct Command {
  const char* name;
  const char* usage;    // e.g. "lint [PATH]"
  const char* summary;  // one line for --help
  int (*run)(const Args& args);
};

const std::vector<Command>& commands();

int cmd_lint(const Args& args);
int cmd_stats(const Args& args);
int cmd_audit(const Args& args);
int cmd_report(const Args& args);
int cmd_simulate(const Args& args);
int cmd_xliff(const Args& args);

}  // namespace granice::cli
