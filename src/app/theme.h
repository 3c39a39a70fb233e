// Colours, fonts and spacing. Three themes (light, dark, high contrast); the colour
// values live in view/palette.h so the contrast test can check them without ImGui.
#pragma once

#include <string_view>

#include "app/view/palette.h"
#include "imgui.h"

namespace granice::theme {

struct Palette {
  ImVec4 background, surface, text, muted, heading, accent, accent_hover, on_accent, link, focus, border,
      good, bad, phrase_bg;
  ImVec4 caret, selection, selected_text;   // text fields (view::CaretColors)
};

// Sets ImGui style colours + sizes. `coarse_pointer` (a touch screen): every control at least
// 44 x 44 CSS px and a 24 px scrollbar, for thumbs (WCAG 2.5.5 / 2.5.8).
void Apply(view::ThemeId id, float scale, bool coarse_pointer = false);
bool CoarsePointer();                        // as last applied
inline constexpr float kTouchTarget = 44.0f; // CSS px (at text scale 1; scales with the text)
const Palette& Colors();

// Fonts are built by the platform (it knows the device pixel ratio) and registered here.
struct Fonts {
  ImFont* body = nullptr;
  ImFont* h1 = nullptr;
  ImFont* h2 = nullptr;
  ImFont* h3 = nullptr;
};
void SetFonts(const Fonts& fonts);
ImFont* HeadingFont(int level);
// Clears the atlas and adds the body and heading fonts from TTF bytes the caller keeps alive,
// rasterised at `pixel_scale` (text scale x device pixel ratio), then SetFonts(). Glyphs: Latin-1,
// Latin Extended-A (Polish) and general punctuation. ImGui's own font when `body_ttf` is empty.
void BuildFonts(std::string_view body_ttf, std::string_view bold_ttf, float pixel_scale);

}  // namespace granice::theme
