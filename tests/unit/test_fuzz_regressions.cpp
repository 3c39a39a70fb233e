// Replays every input under tests/fuzz/regressions/<target>/ (inputs that once crashed a fuzz
// target, see scripts/fuzz) and the seed inputs through the same entry points as the libFuzzer
// targets (tests/fuzz/entries.h), so CI re-checks them without clang or libFuzzer.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../fuzz/entries.h"

namespace {
std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

TEST_CASE("fuzz regressions: every saved input runs cleanly through its entry point", "[fuzz]") {
  const std::filesystem::path root = std::filesystem::path(GRANICE_SOURCE_DIR) / "tests/fuzz/regressions";
  std::size_t replayed = 0;
  for (const auto& t : granice::fuzz::targets()) {
    const std::filesystem::path dir = root / t.name;
    if (!std::filesystem::is_directory(dir)) continue;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      if (!e.is_regular_file() || e.path().filename().string().front() == '.') continue;
      INFO(t.name << ": " << e.path().filename().string());
      t.run(read_all(e.path()));   // a crash or a broken invariant aborts the test binary
      ++replayed;
    }
  }
  SUCCEED("replayed " << replayed << " saved input(s)");
}

TEST_CASE("fuzz seeds: the inputs made from the real files run cleanly", "[fuzz]") {
  for (const auto& t : granice::fuzz::targets()) {
    const auto inputs = granice::fuzz::seeds(t.name);
    INFO(t.name);
    CHECK(!inputs.empty());
    for (const std::string& s : inputs) t.run(s);
  }
}
