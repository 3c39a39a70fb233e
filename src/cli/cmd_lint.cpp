// granice lint [PATH]: one line per content mistake on stdout, a summary on stderr.
#include <iostream>

#include "cli/commands.h"
#include "cli/content_path.h"

namespace granice::cli {

namespace {

std::string count(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

}  // namespace

int cmd_lint(const Args& args) {
  std::string path = kDefaultContentDir;
  int positional = 0;
  for (const auto& a : args) {
    if (!a.empty() && a[0] == '-') {
      std::cerr << "granice lint: unknown option " << a << "\nusage: granice lint [PATH]\n";
      return kExitUsage;
    }
    if (++positional > 1) {
      std::cerr << "granice lint: one PATH only\nusage: granice lint [PATH]\n";
      return kExitUsage;
    }
    path = a;
  }
  const auto where = locate_content(path);
  if (!where) return kExitUsage;
  const LoadResult result = load_location(*where);
  for (const auto& d : result.diagnostics) std::cout << format_diagnostic(d) << '\n';
  std::cout.flush();
  if (result.ok()) {
    std::cerr << path << ": no errors, " << count(result.files.size(), "file") << " checked\n";
    return kExitOk;
  }
  std::cerr << path << ": " << count(result.diagnostics.size(), "error") << " in "
            << count(result.files_with_errors(), "file") << '\n';
  return kExitContentErrors;
}

}  // namespace granice::cli
