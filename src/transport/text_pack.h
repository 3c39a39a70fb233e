// The shipped form of the content files: the same minified JSON texts, with every string value
// of a language key ("pl", "en", ...) moved into one stream per language shared by all files.
// Grouping each language's text lets gzip find far more repeats (the shipped course: 123 -> 105
// KB gzip -9), and unpacking gives back the exact bytes that were packed, so the loader sees the
// author's files (minus whitespace outside strings).
//
//   pack   := ( name '\x02' structure '\x03' )* ( '\0' language ( '\x01' text )* )* binary*
//   binary := '\x04' name '\x02' size '\x02' size-bytes
//
// `structure` is a file's JSON with each moved value left as "" (empty); `text` is the moved
// value's raw contents between its quotes, escapes kept, in file order. JSON text never holds a
// raw control character, so the separators cannot occur inside a structure or a text. The binary
// files that follow (the pack's fonts: DejaVu subsets to the glyphs of its language's texts, and
// "fonts/glyphs", the list of those code points) are stored as they are, `size` in decimal.
// Packing: scripts/embed_files.js at build time; unpacking: the web app at start.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace granice {

struct PackedFile {
  std::string name;
  std::string text;  // the JSON text as it was before packing (a binary file: its bytes)
};

// The files in the pack, in pack order, or nullopt when `pack` is not well formed (a language
// stream runs short or has texts left over, a placeholder is not "", a file entry is cut).
std::optional<std::vector<PackedFile>> unpack_content(std::string_view pack);

// The binary files that follow the texts (its fonts), in pack order, or nullopt when that part is
// not well formed (a size that is not a number or runs past the end, a name missing). Cheap: the
// texts are not unpacked.
std::optional<std::vector<PackedFile>> pack_binaries(std::string_view pack);

}  // namespace granice
