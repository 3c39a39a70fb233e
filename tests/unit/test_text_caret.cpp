// The caret of a text field edited in the DOM layer: the DOM's UTF-16 selection mapped onto the
// app's UTF-8 text, and the horizontal scroll that keeps the caret in view.
#include <catch2/catch.hpp>

#include <string>

#include "app/view/palette.h"
#include "app/view/text_caret.h"

using namespace granice::view;

TEST_CASE("UTF-16 offsets from the DOM map to UTF-8 byte offsets", "[a11y][caret]") {
  const std::string ascii = "Ann Lee";
  CHECK(Utf8Offset(ascii, 0) == 0);
  CHECK(Utf8Offset(ascii, 3) == 3);
  CHECK(Utf8Offset(ascii, 7) == 7);
  CHECK(Utf8Offset(ascii, 99) == 7);    // clamped to the end
  CHECK(Utf8Offset(ascii, -1) == 0);
  // Polish letters: one UTF-16 unit, two UTF-8 bytes.
  const std::string polish = "Łucja Żak";   // Ł and Ż are 2 bytes each
  CHECK(Utf8Offset(polish, 1) == 2);
  CHECK(Utf8Offset(polish, 6) == 7);
  CHECK(Utf8Offset(polish, 7) == 9);    // after "Ż"
  CHECK(Utf8Offset(polish, 9) == polish.size());
  // Outside the BMP: two UTF-16 units (a surrogate pair), four UTF-8 bytes.
  const std::string emoji = "A\xF0\x9F\x98\x80" "B";   // A😀B
  CHECK(Utf8Offset(emoji, 1) == 1);
  CHECK(Utf8Offset(emoji, 3) == 5);
  CHECK(Utf8Offset(emoji, 2) == 5);     // inside the pair: after the character, never inside it
  CHECK(Utf8Offset(emoji, 4) == 6);
  // A cut-off sequence at the end does not read past the text.
  CHECK(Utf8Offset(std::string("a\xC5"), 5) == 2);
}

TEST_CASE("the DOM selection becomes a UTF-8 span with the caret at its moving end", "[a11y][caret]") {
  const std::string text = "Zoë Ng";   // ë is 2 bytes
  CHECK(CaretFromDom(text, 6, 6) == CaretSpan{7, 7, 7});        // caret at the end, nothing selected
  CHECK(CaretFromDom(text, 0, 3) == CaretSpan{0, 4, 4});        // "Zoë" selected forwards
  CHECK(CaretFromDom(text, 3, 0) == CaretSpan{0, 4, 0});        // backwards: the caret at the start
  CHECK(CaretFromDom(text, 2, 2).empty());
  CHECK_FALSE(CaretFromDom(text, 2, 4).empty());
}

TEST_CASE("the field scrolls just enough to keep the caret visible", "[a11y][caret]") {
  // Short text: never scrolls.
  CHECK(ScrollToCaret(0, 50, 2, 80, 200) == 0.0f);
  // The caret runs past the right edge: scroll so it sits at the edge.
  CHECK(ScrollToCaret(0, 250, 2, 300, 200) == Approx(52));
  // Moving back inside the visible part keeps the scroll (no jumping).
  CHECK(ScrollToCaret(52, 120, 2, 300, 200) == Approx(52));
  // Left of the visible part: scroll back to it.
  CHECK(ScrollToCaret(52, 10, 2, 300, 200) == Approx(10));
  // Home: back to the start.
  CHECK(ScrollToCaret(100, 0, 2, 300, 200) == 0.0f);
  // Never past the end of the text (the text got shorter).
  CHECK(ScrollToCaret(150, 40, 2, 100, 200) == 0.0f);
  CHECK(ScrollToCaret(10, 5, 2, 100, 0) == 0.0f);
}

TEST_CASE("caret and selection are visible in every theme (WCAG 1.4.11, 1.4.3)", "[a11y][caret][contrast]") {
  for (ThemeId id : {ThemeId::Light, ThemeId::Dark, ThemeId::HighContrast}) {
    INFO("theme " << ThemeName(id));
    const PaletteRGB& p = PaletteFor(id);
    const CaretColorsRGB c = CaretColors(p);
    CHECK(ContrastRatio(c.caret, p.surface) >= 3.0);           // the caret on the field
    CHECK(ContrastRatio(c.selection, p.surface) >= 3.0);       // the selection band on the field
    CHECK(ContrastRatio(c.selected_text, c.selection) >= 4.5); // selected text stays readable
  }
}
