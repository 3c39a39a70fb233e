#include "app/view/palette.h"

#include <algorithm>
#include <cmath>

namespace granice::view {

namespace {
// Calm, warm light theme; a soft dark theme; and black/white/yellow high contrast.
constexpr PaletteRGB kLight{0xF6F4EF, 0xFFFFFF, 0x1E2329, 0x4A525C, 0x12343B, 0x0B5E63, 0x08484C,
                            0xFFFFFF, 0x0A5280, 0xB3470B, 0x737B84, 0x1B6B34, 0xA4262C, 0xE4F1EF};
constexpr PaletteRGB kDark{0x17191D, 0x22262C, 0xE8E6E3, 0xB5B9BF, 0xF2EFE9, 0x5EC4BC, 0x7FD6CF,
                           0x0B1F1E, 0x8CC8FF, 0xFFB86B, 0x7D8590, 0x7BD88F, 0xFF8A8A, 0x1F3533};
constexpr PaletteRGB kHighContrast{0x000000, 0x000000, 0xFFFFFF, 0xFFFFFF, 0xFFFFFF, 0xFFFF00, 0xFFFFFF,
                                   0x000000, 0x00FFFF, 0xFFFF00, 0xFFFFFF, 0x7CFF7C, 0xFF9E9E, 0x1A1A1A};
}  // namespace

const PaletteRGB& PaletteFor(ThemeId id) {
  switch (id) {
    case ThemeId::Dark: return kDark;
    case ThemeId::HighContrast: return kHighContrast;
    case ThemeId::Light: break;
  }
  return kLight;
}

CaretColorsRGB CaretColors(const PaletteRGB& p) { return {p.text, p.accent, p.on_accent}; }

const char* ThemeName(ThemeId id) {
  switch (id) {
    case ThemeId::Dark: return "dark";
    case ThemeId::HighContrast: return "high-contrast";
    case ThemeId::Light: break;
  }
  return "light";
}

double RelativeLuminance(uint32_t rgb) {
  auto channel = [](uint32_t v) {
    const double c = static_cast<double>(v & 0xFF) / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
}

double ContrastRatio(uint32_t a, uint32_t b) {
  const double la = RelativeLuminance(a);
  const double lb = RelativeLuminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace granice::view
