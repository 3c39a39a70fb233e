// granice lint [--strict] [PATH]: one line per content mistake, then one per item-quality warning
// (README "Item quality"), on stdout; a summary, the "lint_ok" exceptions and the notes for the
// L&D team on stderr. Exit 1 on errors, or on warnings with --strict.
#include <iostream>

#include "cli/commands.h"
#include "cli/content_path.h"
#include "core/content/item_lint.h"

namespace granice::cli {

namespace {

std::string count(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

constexpr const char* kUsage = "usage: granice lint [--strict] [PATH]\n";

void print_notes(const Course& course) {
  if (!course.resources_author_note.empty())
    std::cerr << "note for the L&D team (" << course.resources_file << "): " << course.resources_author_note << '\n';
  for (const auto& r : course.resources)
    if (!r.author_note.empty()) std::cerr << "note for the L&D team (" << course.resources_file << " " << r.id << "): " << r.author_note << '\n';
}

}  // namespace

int cmd_lint(const Args& args) {
  std::string path = kDefaultContentDir;
  int positional = 0;
  bool strict = false;
  for (const auto& a : args) {
    if (a == "--strict") {
      strict = true;
      continue;
    }
    if (!a.empty() && a[0] == '-') {
      std::cerr << "granice lint: unknown option " << a << '\n' << kUsage;
      return kExitUsage;
    }
    if (++positional > 1) {
      std::cerr << "granice lint: one PATH only\n" << kUsage;
      return kExitUsage;
    }
    path = a;
  }
  const auto where = locate_content(path);
  if (!where) return kExitUsage;
  const LoadResult result = load_location(*where);
  for (const auto& d : result.diagnostics) std::cout << format_diagnostic(d) << '\n';
  if (!result.ok()) {
    std::cout.flush();
    std::cerr << path << ": " << count(result.diagnostics.size(), "error") << " in "
              << count(result.files_with_errors(), "file") << '\n';
    return kExitContentErrors;
  }
  // Item quality is judged on content that loaded: a broken file has no items to judge.
  const ItemLint items = lint_items(result.course, folder_source(where->folder));
  for (const auto& e : items.errors) std::cout << format_diagnostic(e) << '\n';
  for (const auto& w : items.warnings) std::cout << format_diagnostic(w) << '\n';
  std::cout.flush();
  for (const auto& note : items.notes) std::cerr << "note: " << note << '\n';
  if (!items.errors.empty()) {
    std::cerr << path << ": " << count(items.errors.size(), "error") << " in " << kLintWordsFile << '\n';
    return kExitContentErrors;
  }
  if (!items.opt_outs.empty()) {
    std::cerr << "exceptions written in the content: " << items.opt_outs.size() << '\n';
    for (const auto& o : items.opt_outs) std::cerr << format_opt_out(o) << '\n';
  }
  print_notes(result.course);
  std::cerr << path << ": no errors, " << count(items.warnings.size(), "warning") << ", "
            << count(result.files.size(), "file") << " checked\n";
  return strict && !items.warnings.empty() ? kExitContentErrors : kExitOk;
}

}  // namespace granice::cli
