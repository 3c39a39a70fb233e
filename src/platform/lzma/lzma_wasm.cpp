// The page's LZMA decoder (web/lzma.js): transport/lzma_decode.cpp alone, built into site/lzma.wasm
// (a few KB, no imports), so app.wasm.lzma is unpacked by compiled code before app.wasm exists.
// web/lzma.js grows the exported memory, writes the input after __heap_base, reads the output.
#include <cstddef>
#include <cstdint>

#include "transport/lzma_decode.h"

extern "C" unsigned char __heap_base;

namespace {
// xz allows lc + lp <= 4: the literal models then take 0x300 << 4 slots.
constexpr std::size_t kScratchSlots = (std::size_t{0x300} << 4) + 2048;
std::uint16_t g_scratch[kScratchSlots];
}  // namespace

extern "C" {

// Where free memory starts: web/lzma.js puts the input, then the output, from here on.
__attribute__((export_name("heap_base"))) std::uintptr_t heap_base() {
  return reinterpret_cast<std::uintptr_t>(&__heap_base);
}

// The size the header gives, or -1 when the header cannot be used (bad or "unknown" size) or
// needs more scratch than this module has.
__attribute__((export_name("decoded_size"))) double decoded_size(const std::uint8_t* in, std::size_t in_size) {
  granice::lzma::Header h;
  if (granice::lzma::read_header(in, in_size, h) != granice::lzma::Status::ok) return -1;
  if (granice::lzma::scratch_slots(h) > kScratchSlots) return -1;
  return static_cast<double>(h.size);
}

// A status's sentence (NUL-terminated, in this module's memory), for the page's error message.
__attribute__((export_name("describe"))) const char* describe(int status) {
  return granice::lzma::describe(static_cast<granice::lzma::Status>(status));
}

// A granice::lzma::Status (0 = ok).
__attribute__((export_name("decode"))) int decode(const std::uint8_t* in, std::size_t in_size, std::uint8_t* out,
                                                   std::size_t out_size) {
  granice::lzma::Header h;
  if (const auto s = granice::lzma::read_header(in, in_size, h); s != granice::lzma::Status::ok) return static_cast<int>(s);
  if (granice::lzma::scratch_slots(h) > kScratchSlots) return static_cast<int>(granice::lzma::Status::bad_header);
  return static_cast<int>(granice::lzma::decode(in, in_size, out, out_size, g_scratch));
}
}
