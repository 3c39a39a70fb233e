// Theme colours as plain sRGB values (0xRRGGBB), pure so tests can compute contrast ratios.
// These are the design system's colour tokens; the sizes (type scale, spacing, radii, elevation)
// are in app/theme.h. Every pair of a token drawn on another is listed in ContrastPairs() and
// checked against WCAG 2.1 (tests/unit/test_view.cpp), which also writes docs/design.md's table.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace granice::view {

enum class ThemeId { Light, Dark, HighContrast };

struct PaletteRGB {
  uint32_t background, surface, text, muted, heading, accent, accent_hover, on_accent, link, focus, border, good,
      bad, phrase_bg;
  uint32_t track;    // the unfilled part of a bar or ring; chart grid lines
  uint32_t shadow;   // card elevation (drawn translucent; decorative, no contrast needed)
};

const PaletteRGB& PaletteFor(ThemeId id);

// A text field's caret and selection, drawn on the field's background (`surface`): the caret in
// the text colour, the selection as an accent band with its text in the accent's text colour.
struct CaretColorsRGB {
  uint32_t caret, selection, selected_text;
};
CaretColorsRGB CaretColors(const PaletteRGB& p);
const char* ThemeName(ThemeId id);

// WCAG 2.1 relative luminance and contrast ratio.
double RelativeLuminance(uint32_t rgb);
double ContrastRatio(uint32_t a, uint32_t b);

// [SECTION] The token pairs the screens draw, with the ratio each needs
// 4.5:1 for text of body size, 3:1 for large text (>= 24 px, or >= 18.7 px bold) and for the
// parts of controls and charts (focus ring, borders, bar fills; WCAG 1.4.11).
struct TokenName {
  const char* name;
  uint32_t PaletteRGB::*member;
};
const std::vector<TokenName>& Tokens();   // every colour token, by name (shadow included)

struct ContrastPair {
  uint32_t PaletteRGB::*fg;
  uint32_t PaletteRGB::*bg;
  double minimum;   // 4.5 or 3.0
  const char* use;  // what is drawn so ("body text", "focus ring")
};
const std::vector<ContrastPair>& ContrastPairs();
const char* TokenNameOf(uint32_t PaletteRGB::*member);

struct ContrastResult {
  std::string fg, bg, use;
  double ratio = 0, minimum = 0;
  bool ok() const { return ratio >= minimum; }
};
std::vector<ContrastResult> CheckContrast(const PaletteRGB& p);
// The table docs/design.md shows: every pair in every theme, with its ratio (Markdown).
std::string ContrastTableMarkdown();

}  // namespace granice::view
