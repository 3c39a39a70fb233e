#include "app/view/text_caret.h"

#include <algorithm>

namespace granice::view {

namespace {

// Length in bytes of the UTF-8 sequence starting with `lead` (1 for a stray continuation byte).
std::size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace

std::size_t Utf8Offset(const std::string& utf8, int utf16_units) {
  std::size_t i = 0;
  int units = 0;
  while (i < utf8.size() && units < utf16_units) {
    const std::size_t len = std::min(SequenceLength(static_cast<unsigned char>(utf8[i])), utf8.size() - i);
    units += len == 4 ? 2 : 1;   // characters beyond U+FFFF are a surrogate pair in UTF-16
    i += len;
  }
  return i;
}

CaretSpan CaretFromDom(const std::string& utf8, int anchor, int focus) {
  const std::size_t a = Utf8Offset(utf8, std::max(anchor, 0));
  const std::size_t f = Utf8Offset(utf8, std::max(focus, 0));
  return {std::min(a, f), std::max(a, f), f};
}

float ScrollToCaret(float scroll, float caret_x, float caret_width, float text_width, float visible) {
  if (visible <= 0.0f) return 0.0f;
  if (caret_x < scroll) scroll = caret_x;
  if (caret_x + caret_width > scroll + visible) scroll = caret_x + caret_width - visible;
  const float max_scroll = std::max(0.0f, std::max(text_width, caret_x + caret_width) - visible);
  return std::clamp(scroll, 0.0f, max_scroll);
}

}  // namespace granice::view
