// `granice simulate` and `granice report` end to end (GRANICE_CLI_PATH): files, exit codes, --strict.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../read_file.h"
#include "../run_command.h"

namespace {

granice::test::CommandResult run(const std::string& args) { return granice::test::run_cli(args); }

}  // namespace

TEST_CASE("cli: simulate then report, --json, --strict", "[report][cli]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("granice-report-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const std::string d = dir.string();
  REQUIRE(run("simulate --learners 3 --seed 11 --out '" + d + "/records'").status == 0);
  CHECK(fs::exists(dir / "records" / "learner-0000003.json"));

  const granice::test::CommandResult ok = run("report '" + d + "/records' --csv '" + d + "/t.csv' --items '" + d + "/i.csv' --json");
  REQUIRE(ok.status == 0);
  const auto j = nlohmann::json::parse(ok.out);
  CHECK(j.at("records") == 3);
  CHECK(j.at("refused") == 0);
  CHECK(j.at("modules").size() == 7);
  const std::string table = granice::test::read_file(dir / "t.csv");
  CHECK(table.rfind("\xEF\xBB\xBF" "file,", 0) == 0);
  CHECK(std::count(table.begin(), table.end(), '\n') == 4);
  CHECK(granice::test::read_file(dir / "i.csv").find("question,boundaries,") != std::string::npos);

  { std::ofstream(dir / "records" / "bad.json") << "{ nope"; }
  const granice::test::CommandResult lenient = run("report '" + d + "/records' --csv '" + d + "/t.csv'");
  CHECK(lenient.status == 0);
  CHECK(lenient.out.find("3 accepted, 1 refused") != std::string::npos);
  CHECK(run("report '" + d + "/records' --strict --csv '" + d + "/t.csv'").status == 1);
  CHECK(run("report").status == 2);
  CHECK(run("report '" + d + "' --bogus").status == 2);
  CHECK(run("simulate --learners x --out '" + d + "'").status == 2);
  fs::remove_all(dir);
}
