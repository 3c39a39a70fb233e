// Smoke tests of the granice executable (GRANICE_CLI_PATH): exit codes and output shapes.
#include <cstdio>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../run_command.h"

namespace {

using granice::test::run_cli;

const std::string kValid = "tests/content/valid";
const std::string kBroken = "tests/content/cases/duplicate-objective-id";

}  // namespace

TEST_CASE("cli: --help and --version", "[cli]") {
  const auto help = run_cli("--help");
  CHECK(help.status == 0);
  CHECK(help.out.find("lint [--strict] [PATH]") != std::string::npos);
  CHECK(help.out.find("audit [--json]") != std::string::npos);
  CHECK(help.out.find("stats") != std::string::npos);
  const auto version = run_cli("--version");
  CHECK(version.status == 0);
  CHECK(version.out == std::string("granice ") + GRANICE_VERSION + "\n");
}

TEST_CASE("cli: usage errors exit 2", "[cli]") {
  CHECK(run_cli("").status == 2);
  CHECK(run_cli("frobnicate").status == 2);
  CHECK(run_cli("lint --bogus").status == 2);
  CHECK(run_cli("lint a b").status == 2);
  CHECK(run_cli("lint no/such/folder").status == 2);
  CHECK(run_cli("stats --bogus " + kValid).status == 2);
  CHECK(run_cli("audit --draws 0 " + kValid).status == 2);
  CHECK(run_cli("audit --draws x " + kValid).status == 2);
  CHECK(run_cli("audit --lang de " + kValid).status == 2);
}

TEST_CASE("cli: item-quality warnings exit 0, or 1 with --strict, exceptions and notes are listed", "[cli][lint]") {
  const std::string warn = "tests/content/cases/warn-longest-right";
  const auto plain = run_cli("lint " + warn);
  CHECK(plain.status == 0);
  CHECK(plain.out.rfind(warn + "/m1-boundaries.json:41:11: warning: /quiz/questions/0/options/0: the right option is 114 %", 0) == 0);
  CHECK(run_cli("lint " + warn, "2>&1 >/dev/null").out == warn + ": no errors, 1 warning, 4 files checked\n");
  CHECK(run_cli("lint --strict " + warn).status == 1);
  CHECK(run_cli("lint --strict " + kValid).status == 0);
  const std::string opted = "tests/content/cases/ok-lint-ok-honoured-and-listed";
  const auto listed = run_cli("lint --strict " + opted, "2>&1 >/dev/null");
  CHECK(listed.out == "exceptions written in the content: 2\n"
                      "lint_ok: " + opted + "/m1-boundaries.json:39:79: /quiz/questions/0: cue/longest-right: \"the length is the skill tested\"\n"
                      "lint_ok: " + opted + "/m1-boundaries.json:45:75: /quiz/questions/1: cue/determiner: \"kept for a review\" (not needed: the rule does not warn here)\n" +
                      opted + ": no errors, 0 warnings, 4 files checked\n");
  // Errors stop before item quality: a broken file has no items to judge.
  CHECK(run_cli("lint --strict " + kBroken).out.find("warning:") == std::string::npos);
}

TEST_CASE("cli: lint exit codes and output", "[cli]") {
  const auto clean = run_cli("lint " + kValid);
  CHECK(clean.status == 0);
  CHECK(clean.out.empty());
  const auto clean_summary = run_cli("lint " + kValid, "2>&1 >/dev/null");
  CHECK(clean_summary.out == kValid + ": no errors, 0 warnings, 4 files checked\n");
  const auto file_arg = run_cli("lint " + kValid + "/course.json");
  CHECK(file_arg.status == 0);

  const auto broken = run_cli("lint " + kBroken);
  CHECK(broken.status == 1);
  CHECK(broken.out.rfind(kBroken + "/course.json:14:13: /objectives/1/id: duplicate objective id", 0) == 0);
  const auto summary = run_cli("lint " + kBroken, "2>&1 >/dev/null");
  CHECK(summary.out == kBroken + ": 4 errors in 3 files\n");
}

TEST_CASE("cli: stats --json has the documented shape", "[cli]") {
  const auto r = run_cli("stats --json " + kValid);
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  CHECK(j.at("languages") == nlohmann::json::array({"pl", "en"}));
  const auto& modules = j.at("modules");
  REQUIRE(modules.size() == 2);
  const auto& m = modules.at(0);
  CHECK(m.at("id") == "boundaries");
  CHECK(m.at("kind") == "guideline");
  for (const char* lang : {"pl", "en"}) {
    const auto& l = m.at("lang").at(lang);
    CHECK(l.at("lesson_pages") == 2);
    CHECK(l.at("lesson_words").get<int>() > 0);
    for (const char* type : {"single_choice", "multiple_response", "true_false", "ordering", "matching", "best_reply"}) {
      CHECK(l.at("questions").at(type) == 1);
    }
    CHECK(l.at("roleplay").at("nodes") == 4);
    CHECK(l.at("roleplay").at("decision_points_longest_path") == 2);
    CHECK(l.at("roleplay").at("endings") == 2);
  }
  CHECK(m.at("lang").at("en").at("lesson_words") == 26);
  CHECK(m.at("lang").at("pl").at("lesson_words") == 21);
  CHECK(modules.at(1).at("kind") == "assessment");
  CHECK(modules.at(1).at("lang").at("pl").at("questions").at("true_false") == 1);
  CHECK(j.at("bank").at("questions") == 2);
  CHECK(j.at("bank").at("draw") == 2);
  CHECK(run_cli("stats --json " + kBroken).status == 1);
  CHECK(run_cli("stats " + kValid).status == 0);
}
