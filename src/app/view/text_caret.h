// The caret of a text field edited in the accessible DOM layer: the DOM <input> holds the text
// and the selection (typing goes there, transparently), the canvas draws both. The DOM reports
// offsets in UTF-16 code units, the app's text is UTF-8. Pure, so it is tested natively.
#pragma once

#include <cstddef>
#include <string>

namespace granice::view {

// Byte offset in `utf8` of the position `utf16_units` UTF-16 code units in (clamped to the text;
// a position inside a surrogate pair or a cut-off sequence moves to the end of that character).
std::size_t Utf8Offset(const std::string& utf8, int utf16_units);

// What the DOM reported, in the app's text: the selection [begin, end) and the caret (one end of
// it: where the learner is moving), as UTF-8 byte offsets. `anchor` / `focus` are the DOM's
// selection ends in UTF-16 units, in either order.
struct CaretSpan {
  std::size_t begin = 0, end = 0, caret = 0;
  bool empty() const { return begin == end; }
  bool operator==(const CaretSpan&) const = default;
};
CaretSpan CaretFromDom(const std::string& utf8, int anchor, int focus);

// Horizontal scroll (px) that keeps the caret inside a field `visible` px wide: unchanged while
// the caret is visible, the least move that shows it otherwise, and never past the text's end.
// `caret_x` and `text_width` are measured from the start of the text.
float ScrollToCaret(float scroll, float caret_x, float caret_width, float text_width, float visible);

}  // namespace granice::view
