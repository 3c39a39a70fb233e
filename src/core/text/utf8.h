// UTF-8 helpers: encoding one code point (the JSON readers turn \u escapes into text with it),
// counting code points, and cutting text to a limit without splitting a sequence (the one place
// that does it: the SCORM values, the learner's name in the text field and the snapshot, report
// messages, text from the LMS).
//
//   utf8_prefix_bytes("zażółć", 4)   -> "zaż"   (at most 4 bytes; "ó" would need 5)
//   utf8_prefix_chars("zażółć", 4)   -> "zażó"  (at most 4 code points)
//   utf8_clip("zażółć", 4)           -> "zaż…"  (for messages)
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace granice {

// Appends `cp` (at most 0x10FFFF, not a lone surrogate: the callers have checked) as UTF-8.
inline void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Decodes the sequence at the start of `s` strictly (no overlong forms, surrogates or values past
// 0x10FFFF); returns its length in bytes, 0 when `s` is empty or does not start with a valid one.
inline std::size_t utf8_decode_one(std::string_view s, std::uint32_t& cp) {
  if (s.empty()) return 0;
  const auto c = static_cast<unsigned char>(s[0]);
  std::size_t extra = 0;
  if (c < 0x80) { cp = c; return 1; }
  if (c >= 0xC2 && c <= 0xDF) { extra = 1; cp = c & 0x1Fu; }
  else if (c >= 0xE0 && c <= 0xEF) { extra = 2; cp = c & 0x0Fu; }
  else if (c >= 0xF0 && c <= 0xF4) { extra = 3; cp = c & 0x07u; }
  else return 0;
  if (s.size() <= extra) return 0;
  for (std::size_t i = 1; i <= extra; ++i) {
    const auto k = static_cast<unsigned char>(s[i]);
    if ((k & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (k & 0x3Fu);
  }
  const bool overlong = (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return extra + 1;
}

// Number of code points in valid UTF-8 (continuation bytes are not counted).
inline std::size_t utf8_code_points(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Longest prefix of `s` of at most `max_bytes` bytes that does not end inside a sequence: the cut
// moves back over continuation bytes (10xxxxxx). `s` itself when it fits, however it ends. On
// invalid UTF-8 it only looks at the bytes at the cut, so stray bytes before it stay as they were.
inline std::string_view utf8_prefix_bytes(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  std::size_t n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

// `s` shortened for a message: its utf8_prefix_bytes and "…" when it was cut.
inline std::string utf8_clip(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  return std::string(utf8_prefix_bytes(s, max_bytes)) + "…";
}

// Longest prefix of `s` with at most `max_code_points` sequences, each taken whole by the length
// its lead byte gives (2, 3 or 4). A sequence the text ends inside of is left out even under the
// limit; a byte that leads nothing (a stray continuation byte, 0xF8..0xFF) counts as one.
inline std::string_view utf8_prefix_chars(std::string_view s, std::size_t max_code_points) {
  std::size_t chars = 0;
  std::size_t i = 0;
  while (i < s.size() && chars < max_code_points) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    if (i + len > s.size()) break;
    i += len;
    ++chars;
  }
  return s.substr(0, i);
}

}  // namespace granice
