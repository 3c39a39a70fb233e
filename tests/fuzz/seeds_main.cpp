// Writes the seed corpora made from the real files: fuzz_seeds <out dir> (one folder per target).
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "entries.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_seeds <out dir>\n");
    return 2;
  }
  for (const auto& t : granice::fuzz::targets()) {
    const std::filesystem::path dir = std::filesystem::path(argv[1]) / (std::string("corpus-") + t.name);
    std::filesystem::create_directories(dir);
    int i = 0;
    for (const std::string& s : granice::fuzz::seeds(t.name)) {
      std::ofstream(dir / ("seed-" + std::to_string(i++)), std::ios::binary) << s;
    }
    std::printf("%s: %d seeds in %s\n", t.name, i, dir.c_str());
  }
  return 0;
}
