// Writes the seed corpora (entries.h, seeds()): fuzz_seeds <out dir> (one folder per target).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include "entries.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_seeds <out dir>\n");
    return 2;
  }
  for (const auto& t : granice::fuzz::targets()) {
    const std::filesystem::path dir = std::filesystem::path(argv[1]) / (std::string("corpus-") + t.name);
    std::filesystem::create_directories(dir);
    // Seeds of an older build go (their names or format may have changed); what libFuzzer added stays.
    std::vector<std::filesystem::path> old;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      if (e.path().filename().string().rfind("seed-", 0) == 0) old.push_back(e.path());
    }
    for (const auto& path : old) std::filesystem::remove(path);
    int i = 0;
    for (const auto& s : granice::fuzz::seeds(t.name)) {
      std::ofstream(dir / ("seed-" + s.name), std::ios::binary) << s.bytes;
      ++i;
    }
    std::printf("%s: %d seeds in %s\n", t.name, i, dir.c_str());
  }
  return 0;
}
