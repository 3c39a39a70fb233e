// Colours, fonts and spacing. Three themes (light, dark, high contrast); the colour
// values live in view/palette.h so the contrast test can check them without ImGui.
#pragma once

#include "app/view/palette.h"
#include "imgui.h"

namespace granice::theme {

struct Palette {
  ImVec4 background, surface, text, muted, heading, accent, accent_hover, on_accent, link, focus, border,
      good, bad, phrase_bg;
  ImVec4 caret, selection, selected_text;   // text fields (view::CaretColors)
};

void Apply(view::ThemeId id, float scale);   // sets ImGui style colours + sizes
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

}  // namespace granice::theme
