#include "app/view/palette.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace granice::view {

namespace {
// A cool, quiet light theme with a teal accent; a soft dark theme; black/white/yellow high contrast.
//                               background surface  text      muted     heading   accent    accent_hover
//                               on_accent  link      focus     border    good      bad       phrase_bg
//                               track      shadow
constexpr PaletteRGB kLight{0xF2F4F6, 0xFFFFFF, 0x1E2329, 0x4A525C, 0x12343B, 0x0B5E63, 0x08484C,
                            0xFFFFFF, 0x0A5280, 0xB3470B, 0x737B84, 0x1B6B34, 0xA4262C, 0xE4F1EF,
                            0xD3DAE0, 0x1E2A36};
constexpr PaletteRGB kDark{0x15181C, 0x21252B, 0xE8E6E3, 0xB5B9BF, 0xF2EFE9, 0x5EC4BC, 0x7FD6CF,
                           0x0B1F1E, 0x8CC8FF, 0xFFB86B, 0x7D8590, 0x7BD88F, 0xFF8A8A, 0x1F3533,
                           0x3A4149, 0x000000};
constexpr PaletteRGB kHighContrast{0x000000, 0x000000, 0xFFFFFF, 0xFFFFFF, 0xFFFFFF, 0xFFFF00, 0xFFFFFF,
                                   0x000000, 0x00FFFF, 0xFFFF00, 0xFFFFFF, 0x7CFF7C, 0xFF9E9E, 0x1A1A1A,
                                   0x5C5C5C, 0x000000};
using P = PaletteRGB;
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

// [SECTION] Token pairs
const std::vector<TokenName>& Tokens() {
  static const std::vector<TokenName> tokens = {
      {"background", &P::background}, {"surface", &P::surface}, {"text", &P::text}, {"muted", &P::muted},
      {"heading", &P::heading},       {"accent", &P::accent},   {"accent_hover", &P::accent_hover},
      {"on_accent", &P::on_accent},   {"link", &P::link},       {"focus", &P::focus}, {"border", &P::border},
      {"good", &P::good},             {"bad", &P::bad},         {"phrase_bg", &P::phrase_bg},
      {"track", &P::track},           {"shadow", &P::shadow}};
  return tokens;
}

const char* TokenNameOf(uint32_t PaletteRGB::*member) {
  for (const TokenName& t : Tokens())
    if (t.member == member) return t.name;
  return "?";
}

const std::vector<ContrastPair>& ContrastPairs() {
  static const std::vector<ContrastPair> pairs = [] {
    std::vector<ContrastPair> v;
    // Every text colour on every surface text is drawn on: the page, cards, tinted callouts and
    // the highlighted card of the next step.
    for (auto bg : {&P::background, &P::surface, &P::phrase_bg}) {
      v.push_back({&P::text, bg, 4.5, "body text"});
      v.push_back({&P::muted, bg, 4.5, "captions, secondary text"});
      v.push_back({&P::heading, bg, 4.5, "headings"});
      v.push_back({&P::link, bg, 4.5, "links"});
      v.push_back({&P::good, bg, 4.5, "passed, honoured (text and chips)"});
      v.push_back({&P::bad, bg, 4.5, "not passed, broken (text and chips)"});
      v.push_back({&P::focus, bg, 3.0, "keyboard focus ring"});
      v.push_back({&P::border, bg, 3.0, "control and card borders"});
      v.push_back({&P::accent, bg, 3.0, "bar fills, selected marks, the next step's edge"});
    }
    v.push_back({&P::on_accent, &P::accent, 4.5, "primary button text"});
    v.push_back({&P::on_accent, &P::accent_hover, 4.5, "primary button text (hovered)"});
    v.push_back({&P::accent, &P::track, 3.0, "a bar's filled part against its track"});
    v.push_back({&P::text, &P::track, 3.0, "the pass line across a bar's track"});
    return v;
  }();
  return pairs;
}

std::vector<ContrastResult> CheckContrast(const PaletteRGB& p) {
  std::vector<ContrastResult> out;
  for (const ContrastPair& c : ContrastPairs())
    out.push_back({TokenNameOf(c.fg), TokenNameOf(c.bg), c.use, ContrastRatio(p.*c.fg, p.*c.bg), c.minimum});
  return out;
}

std::string ContrastTableMarkdown() {
  const ThemeId themes[] = {ThemeId::Light, ThemeId::Dark, ThemeId::HighContrast};
  std::string md = "| text or part | on | needs | light | dark | high contrast | used for |\n|---|---|---|---|---|---|---|\n";
  char buf[64];
  const std::vector<ContrastPair>& pairs = ContrastPairs();
  for (size_t i = 0; i < pairs.size(); ++i) {
    const ContrastPair& c = pairs[i];
    std::snprintf(buf, sizeof buf, "%.1f:1", c.minimum);
    md += std::string("| ") + TokenNameOf(c.fg) + " | " + TokenNameOf(c.bg) + " | " + buf;
    for (ThemeId id : themes) {
      const PaletteRGB& p = PaletteFor(id);
      std::snprintf(buf, sizeof buf, " | %.2f", ContrastRatio(p.*c.fg, p.*c.bg));
      md += buf;
    }
    md += std::string(" | ") + c.use + " |\n";
  }
  md += "\n| token | light | dark | high contrast |\n|---|---|---|---|\n";
  for (const TokenName& t : Tokens()) {
    md += std::string("| ") + t.name;
    for (ThemeId id : themes) {
      std::snprintf(buf, sizeof buf, " | `#%06X`", static_cast<unsigned>(PaletteFor(id).*t.member));
      md += buf;
    }
    md += " |\n";
  }
  return md;
}

}  // namespace granice::view
