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
const char* ThemeName(ThemeId id);

// WCAG 2.1 relative luminance and contrast ratio.
double RelativeLuminance(uint32_t rgb);
double ContrastRatio(uint32_t a, uint32_t b);

}  // namespace granice::view
