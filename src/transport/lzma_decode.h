// Decoder for LZMA "alone" files (xz --format=lzma) whose header carries the real size, as
// scripts/lzma_file.js writes app.wasm.lzma. The web page runs this same code, compiled into a
// small standalone wasm (src/platform/lzma/lzma_wasm.cpp -> site/lzma.wasm), to unpack app.wasm
// before instantiating it.
// No allocation and no standard library calls: the caller provides the output and the scratch.
// Follows the reference decoder of the LZMA specification (LzmaSpec.cpp in the LZMA SDK).
#pragma once

#include <cstddef>
#include <cstdint>

namespace granice::lzma {

enum class Status : int {
  ok = 0,
  bad_header,    // shorter than a header, or the properties byte is out of range
  unknown_size,  // the size field is "unknown" (xz's own output; scripts/lzma_file.js fixes it)
  wrong_size,    // the output buffer is not the size the header gives
  bad_start,     // the range coder's first bytes are invalid
  bad_match,     // a match reaches before the start or past the end, or a repeat comes first
  end_marker,    // an end marker before the size in the header was reached
  truncated,     // the input ran out before the output was complete
};

struct Header {
  unsigned lc = 0, lp = 0, pb = 0;
  std::uint32_t dict_size = 0;
  std::uint64_t size = 0;
};

constexpr std::size_t kHeaderSize = 13;

// Reads the 13-byte header; bad_header or unknown_size when it cannot be used.
Status read_header(const std::uint8_t* in, std::size_t in_size, Header& header);

// Probability slots the decoder needs for `header` (its scratch, in uint16 units).
std::size_t scratch_slots(const Header& header);

// Decodes all of `in` (header included) into out[0 .. out_size), which must be header.size long.
// `scratch` holds scratch_slots(header) values. On any status but ok, `out` holds garbage.
Status decode(const std::uint8_t* in, std::size_t in_size, std::uint8_t* out, std::size_t out_size,
              std::uint16_t* scratch);

// One English sentence for a status, for the page's error message and the tests.
const char* describe(Status status);

}  // namespace granice::lzma
