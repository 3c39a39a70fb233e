// Catch2 v2 entry point; every other file in tests/unit holds test cases only. The tests name
// files relative to the checkout (GRANICE_SOURCE_DIR is ".", tests/CMakeLists.txt says why), so
// the checkout is made the working folder first, wherever the binary is started from.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <filesystem>
#include <iostream>
#include <system_error>

int main(int argc, char* argv[]) {
  std::error_code error;
  const std::filesystem::path binary = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) std::filesystem::current_path(binary.parent_path() / GRANICE_TESTS_TO_SOURCE, error);
  if (error) {
    std::cerr << "granice_tests: cannot change to the checkout (" GRANICE_TESTS_TO_SOURCE " from the binary): "
              << error.message() << "\n";
    return 2;
  }
  // A build folder reached through a symlink resolves elsewhere: say so rather than let the tests
  // that read the shipped content find nothing.
  if (!std::filesystem::exists("quizzes/course.json")) {
    std::cerr << "granice_tests: " << std::filesystem::current_path().string()
              << " (" GRANICE_TESTS_TO_SOURCE " from the binary) is not the checkout: no quizzes/course.json there\n";
    return 2;
  }
  return Catch::Session().run(argc, argv);
}
