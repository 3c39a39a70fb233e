// Runs the loader on every folder in tests/content/cases/ and compares the printed diagnostics
// with the case's expected.txt (written by tests/content/make_corpus.py). New cases need no code.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "core/content/item_lint.h"
#include "core/content/loader.h"

namespace {

namespace fs = std::filesystem;

std::vector<std::string> read_lines(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// File names in messages relative to the case folder, as expected.txt writes them.
granice::LoadResult lint_case(const fs::path& folder) {
  granice::ContentSource source = granice::folder_source(folder.string());
  source.display_dir = "";
  return granice::load_course(source);
}

std::vector<fs::path> corpus_cases() {
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(fs::path(GRANICE_SOURCE_DIR) / "tests/content/cases")) {
    if (entry.is_directory() && fs::exists(entry.path() / "expected.txt")) cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

}  // namespace

TEST_CASE("lint corpus: each broken case prints exactly its expected.txt", "[loader][corpus]") {
  const auto cases = corpus_cases();
  REQUIRE(cases.size() >= 30);
  for (const auto& folder : cases) {
    DYNAMIC_SECTION(folder.filename().string()) {
      const auto result = lint_case(folder);
      std::vector<std::string> printed;
      for (const auto& d : result.diagnostics) printed.push_back(granice::format_diagnostic(d));
      if (result.ok()) {  // what `granice lint` prints next: item-quality warnings, then the exceptions
        granice::ContentSource source = granice::folder_source(folder.string());
        source.display_dir = "";
        const auto items = granice::lint_items(result.course, source);
        for (const auto& w : items.warnings) printed.push_back(granice::format_diagnostic(w));
        for (const auto& o : items.opt_outs) printed.push_back(granice::format_opt_out(o));
      }
      const auto expected = read_lines(folder / "expected.txt");
      CHECK(printed == expected);
      const std::string name = folder.filename().string();
      const bool loads = name.rfind("ok-", 0) == 0 || name.rfind("warn-", 0) == 0;
      CHECK(result.ok() == loads);
    }
  }
}

TEST_CASE("lint corpus: the valid base course is clean", "[loader][corpus]") {
  const auto result = lint_case(fs::path(GRANICE_SOURCE_DIR) / "tests/content/valid");
  std::vector<std::string> printed;
  for (const auto& d : result.diagnostics) printed.push_back(granice::format_diagnostic(d));
  CHECK(printed.empty());
  CHECK(result.files.size() == 4);
  CHECK(granice::lint_items(result.course, granice::folder_source(GRANICE_SOURCE_DIR "/tests/content/valid")).warnings.empty());
}
