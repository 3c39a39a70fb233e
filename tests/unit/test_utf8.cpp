// core/text/utf8.h: encoding a code point, counting, and the two cuts every caller shares (the SCORM
// values by code points; the name field, the snapshot, report messages and text from the LMS by
// bytes). A cut never ends inside a sequence; invalid bytes are kept or dropped as documented.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "core/text/utf8.h"

using namespace granice;

namespace {
// The characters at the cut: ż is 2 bytes, € 3, 😀 4.
const std::string kZ = "\xC5\xBC";
const std::string kEuro = "\xE2\x82\xAC";
const std::string kSmile = "\xF0\x9F\x98\x80";
}  // namespace

TEST_CASE("utf8: one code point encoded, code points counted", "[utf8]") {
  std::string s;
  append_utf8(s, 'a');
  append_utf8(s, 0x017C);   // ż
  append_utf8(s, 0x20AC);   // €
  append_utf8(s, 0x1F600);  // 😀
  CHECK(s == "a" + kZ + kEuro + kSmile);
  CHECK(utf8_code_points(s) == 4);
  CHECK(utf8_code_points("") == 0);
}

TEST_CASE("utf8_prefix_bytes: at most N bytes, never inside a sequence", "[utf8]") {
  // ASCII: a plain cut; a text that fits is itself.
  CHECK(utf8_prefix_bytes("hello", 3) == "hel");
  CHECK(utf8_prefix_bytes("hello", 5) == "hello");
  CHECK(utf8_prefix_bytes("hello", 99) == "hello");
  CHECK(utf8_prefix_bytes("hello", 0).empty());
  // Empty.
  CHECK(utf8_prefix_bytes("", 0).empty());
  CHECK(utf8_prefix_bytes("", 5).empty());
  // 2, 3 and 4 bytes at the cut: the whole character or none of it.
  const std::string two = "a" + kZ + "b";
  CHECK(utf8_prefix_bytes(two, 1) == "a");
  CHECK(utf8_prefix_bytes(two, 2) == "a");
  CHECK(utf8_prefix_bytes(two, 3) == "a" + kZ);
  const std::string three = "a" + kEuro + "b";
  CHECK(utf8_prefix_bytes(three, 2) == "a");
  CHECK(utf8_prefix_bytes(three, 3) == "a");
  CHECK(utf8_prefix_bytes(three, 4) == "a" + kEuro);
  const std::string four = "a" + kSmile + "b";
  for (std::size_t n = 1; n <= 4; ++n) CHECK(utf8_prefix_bytes(four, n) == "a");
  CHECK(utf8_prefix_bytes(four, 5) == "a" + kSmile);
  CHECK(utf8_prefix_bytes(kSmile, 3).empty());
  // Polish text: "zażółć" is z a ż ó ł ć = 1+1+2+2+2+2 bytes.
  CHECK(utf8_prefix_bytes("zażółć", 4) == "zaż");
  CHECK(utf8_prefix_bytes("zażółć", 5) == "zaż");
  CHECK(utf8_prefix_bytes("zażółć", 6) == "zażó");
}

TEST_CASE("utf8_prefix_bytes on invalid UTF-8: only the bytes at the cut matter", "[utf8]") {
  // A text that fits is returned as it is, even ending inside a sequence.
  CHECK(utf8_prefix_bytes("a\xE2\x82", 3) == "a\xE2\x82");
  // Stray continuation bytes before the cut stay; a run of them at the cut is stepped back over.
  CHECK(utf8_prefix_bytes("\x80\x80" "a", 2) == "\x80\x80");
  CHECK(utf8_prefix_bytes("\x80\x80\x80", 1).empty());
  CHECK(utf8_prefix_bytes("a\xC3\x81\x81\x81", 4) == "a");
  // Bytes that lead nothing (0xF8..0xFF) are cut like ASCII.
  CHECK(utf8_prefix_bytes("a\xFF" "b", 1) == "a");
  CHECK(utf8_prefix_bytes("a\xFF" "b", 2) == "a\xFF");
  // A lead byte at the end of the cut is kept when the next byte does not continue it.
  CHECK(utf8_prefix_bytes("a\xC3" "b", 2) == "a\xC3");
}

TEST_CASE("utf8_prefix_chars: at most N code points, each whole", "[utf8]") {
  // ASCII and empty.
  CHECK(utf8_prefix_chars("hello", 3) == "hel");
  CHECK(utf8_prefix_chars("hello", 99) == "hello");
  CHECK(utf8_prefix_chars("hello", 0).empty());
  CHECK(utf8_prefix_chars("", 3).empty());
  // 2, 3 and 4 bytes: one code point each.
  CHECK(utf8_prefix_chars("zażółć", 4) == "zażó");
  CHECK(utf8_prefix_chars("a" + kZ + "b", 2) == "a" + kZ);
  CHECK(utf8_prefix_chars(kEuro + kSmile + "a", 1) == kEuro);
  CHECK(utf8_prefix_chars(kEuro + kSmile + "a", 2) == kEuro + kSmile);
  CHECK(utf8_prefix_chars(kEuro + kSmile + "a", 3) == kEuro + kSmile + "a");
  const std::string long_text = std::string(300, 'x') + kSmile;
  CHECK(utf8_prefix_chars(long_text, 300) == std::string(300, 'x'));
  CHECK(utf8_prefix_chars(long_text, 301) == long_text);
}

TEST_CASE("utf8_prefix_chars on invalid UTF-8: lead lengths decide, a cut-off sequence is left out", "[utf8]") {
  // A sequence the text ends inside of is dropped, under the limit too.
  CHECK(utf8_prefix_chars("a\xE2\x82", 5) == "a");
  CHECK(utf8_prefix_chars("a\xF0\x9F\x98", 5) == "a");
  CHECK(utf8_prefix_chars("\xC5", 1).empty());
  // A stray continuation byte and a byte that leads nothing count as one code point each.
  CHECK(utf8_prefix_chars("\x80" "a", 1) == "\x80");
  CHECK(utf8_prefix_chars("\xF8" "a", 1) == "\xF8");
  CHECK(utf8_prefix_chars("\xFF\xFE" "a", 2) == "\xFF\xFE");
  // A lead byte takes as many bytes as it announces, whatever they are.
  CHECK(utf8_prefix_chars("\xC3" "ab", 1) == "\xC3" "a");
  CHECK(utf8_prefix_chars("\xE2" "abc", 1) == "\xE2" "ab");
}
