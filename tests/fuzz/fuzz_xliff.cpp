// libFuzzer target: see tests/fuzz/entries.h (xliff). Built by the "fuzz" preset, run by scripts/fuzz.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "entries.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)granice::fuzz::xliff(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
