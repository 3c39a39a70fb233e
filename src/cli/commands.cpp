#include "cli/commands.h"

namespace granice::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> kCommands = {
      {"lint", "lint [PATH]", "check the content folder (default quizzes/); one line per mistake", cmd_lint},
      {"stats", "stats [--json] [PATH]", "what the course holds, per module and language", cmd_stats},
  };
  return kCommands;
}

}  // namespace granice::cli
