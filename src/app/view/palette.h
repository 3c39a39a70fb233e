// Theme colours as plain sRGB values (0xRRGGBB), pure so tests can compute contrast ratios.
#pragma once

#include <cstdint>

namespace granice::view {

enum class ThemeId { Light, Dark, HighContrast };

struct PaletteRGB {
  uint32_t background, surface, text, muted, heading, accent, accent_hover, on_accent, link, focus, border, good,
      bad, phrase_bg;
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

}  // namespace granice::view
