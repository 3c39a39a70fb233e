// Replays every input under tests/fuzz/regressions/<target>/ (damaged and edge-case inputs made by
// tests/fuzz/make_regressions.py, and inputs that once failed a fuzz target, see scripts/fuzz) and
// the seed inputs through the same entry points as the libFuzzer targets (tests/fuzz/entries.h), so
// CI re-checks them without clang or libFuzzer. Each saved input must give the outcome recorded for
// it in tests/fuzz/regressions/<target>.expected: a damaged input is refused with its reason (never
// accepted silently), and the reason is the one the author, learner or log would see.
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "../fuzz/entries.h"

namespace {

namespace fs = std::filesystem;

// "<input name>: <outcome>" lines, by input name.
std::map<std::string, std::string> expected_outcomes(const std::string& target) {
  std::map<std::string, std::string> out;
  std::ifstream in(fs::path(GRANICE_SOURCE_DIR) / "tests/fuzz/regressions" / (target + ".expected"));
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto colon = line.find(": ");
    if (colon != std::string::npos) out[line.substr(0, colon)] = line.substr(colon + 2);
  }
  return out;
}

}  // namespace

TEST_CASE("fuzz regressions: every saved input gives its recorded outcome", "[fuzz]") {
  for (const auto& t : granice::fuzz::targets()) {
    DYNAMIC_SECTION(t.name) {
      const auto inputs = granice::fuzz::regression_inputs(t.name);
      const auto expected = expected_outcomes(t.name);
      CHECK(inputs.size() >= 5);  // every target keeps damaged inputs of its own
      std::set<std::string> seen;
      std::string missing;  // lines for inputs without a recorded outcome
      for (const auto& input : inputs) {
        // A crash or a broken contract (a refusal without a reason, a diagnostic outside its file…)
        // aborts the test binary with the entry's message.
        const granice::fuzz::Outcome outcome = t.run(input.bytes);
        const std::string got = granice::fuzz::to_string(outcome);
        seen.insert(input.name);
        const auto it = expected.find(input.name);
        if (it == expected.end()) {
          missing += input.name + ": " + got + "\n";
          continue;
        }
        INFO("the outcome recorded for " << t.name << "/" << input.name);
        CHECK(got == it->second);
      }
      INFO("inputs without a recorded outcome: check each line, then add them to tests/fuzz/regressions/"
           << t.name << ".expected\n" << missing);
      CHECK(missing.empty());
      for (const auto& [name, outcome] : expected) {
        INFO(t.name << ".expected names " << name << ", which is not in tests/fuzz/regressions/" << t.name << "/");
        CHECK(seen.count(name) == 1);
      }
    }
  }
}

TEST_CASE("fuzz seeds: the seed inputs are accepted, and the loader's error cases refused", "[fuzz]") {
  for (const auto& t : granice::fuzz::targets()) {
    const auto inputs = granice::fuzz::seeds(t.name);
    INFO(t.name);
    CHECK(inputs.size() >= 5);
    for (const auto& s : inputs) {
      const granice::fuzz::Outcome outcome = t.run(s.bytes);
      INFO(s.name << ": " << granice::fuzz::to_string(outcome));
      // The loader's seeds include the lint corpus's error cases (tests/fuzz/entries.h, seeds()).
      const bool error_case = s.name.rfind("corpus-", 0) == 0 && s.name.rfind("corpus-ok-", 0) != 0 &&
                              s.name.rfind("corpus-warn-", 0) != 0;
      CHECK(outcome.accepted == !error_case);
    }
  }
}
