// Lower case for matching words in course text (the item-quality word lists and the audit's stock
// phrases, lint/words.json, in any course language): ASCII, Latin-1, Latin Extended-A (Polish,
// Czech, ...), Greek and Cyrillic (Ukrainian, ...) capitals. Not a full Unicode case fold.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/text/utf8.h"

namespace granice {

inline std::uint32_t lowercase_code_point(std::uint32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;                // À..Þ, not ×
  if (c == 0x178) return 0xFF;                                            // Ÿ
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return c % 2 ? c + 1 : c;   // Ĺ..ň, Ź..ž: odd capitals
  if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x138 && c != 0x149) return c % 2 ? c : c + 1;   // Ā..ſ: even capitals
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;              // Greek
  if (c >= 0x400 && c <= 0x40F) return c + 80;                            // Ѐ..Џ (Є, І, Ї, ...)
  if (c >= 0x410 && c <= 0x42F) return c + 32;                            // А..Я
  if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF)) return c % 2 ? c : c + 1;   // Ѡ.., Ґ..
  return c;
}

inline std::string lowercase(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::uint32_t cp = 0;
    const std::size_t n = utf8_decode_one(s.substr(i), cp);
    if (n == 0) {   // not UTF-8: the byte as it is
      out += s[i++];
      continue;
    }
    append_utf8(out, lowercase_code_point(cp));
    i += n;
  }
  return out;
}

}  // namespace granice
