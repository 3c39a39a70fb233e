// The whole of a file, as bytes, for the tests and the fuzz entry points (one copy of this loop).
// A missing file reads as empty: the test that needs it fails on the content.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace granice::test {

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

}  // namespace granice::test
