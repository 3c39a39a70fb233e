#include "cli/commands.h"

namespace granice::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> kCommands = {
      {"lint", "lint [--strict] [PATH]", "check the content (default quizzes/): mistakes, then item-quality warnings; --strict fails on warnings", cmd_lint},
      {"stats", "stats [--json] [PATH]", "what the course holds, per module and language", cmd_stats},
      {"audit", "audit [--json] [--draws N] [--lang L] [--check] [PATH]", "how a learner who knows nothing would score: cue-only strategies through the real engines", cmd_audit},
      {"report", "report PATHS... [--lrs URL --auth USER:PASS [--since DATE]] [--csv F] [--items F] [--json]",
       "trainer review of progress records, LRS exports or an LRS: summary, learners table and item analysis as CSV",
       cmd_report},
      {"simulate", "simulate --learners N --seed S --out DIR [--xapi]",
       "write N synthetic progress records made by simulated learners (--xapi: their cmi5 statements)",
       cmd_simulate},
      {"xliff", "xliff export|import|pseudo ...",
       "translation through XLIFF 1.2: export texts for translators, import their work, pseudo-translate (docs/translation.md)",
       cmd_xliff},
  };
  return kCommands;
}

}  // namespace granice::cli
