// Replays every input under tests/fuzz/regressions/<target>/ (inputs that once crashed a fuzz
// target, see scripts/fuzz) and the seed inputs through the same entry points as the libFuzzer
// targets (tests/fuzz/entries.h), so CI re-checks them without clang or libFuzzer.
#include <catch2/catch.hpp>

#include "../fuzz/entries.h"


TEST_CASE("fuzz regressions: every saved input runs cleanly through its entry point", "[fuzz]") {
  std::size_t replayed = 0;
  for (const auto& t : granice::fuzz::targets()) {
    for (const auto& input : granice::fuzz::regression_inputs(t.name)) {
      INFO(t.name << ": " << input.name);
      t.run(input.bytes);   // a crash or a broken invariant aborts the test binary
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
