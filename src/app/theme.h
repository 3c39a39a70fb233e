// The design system: colours, type scale, spacing steps, corner radii and card elevation, in one
// place. Three themes (light, dark, high contrast); the colour values live in view/palette.h so
// the contrast test can check them without ImGui. docs/design.md shows them.
#pragma once

#include <string_view>
#include <vector>

#include "app/view/palette.h"
#include "imgui.h"

namespace granice::theme {

struct Palette {
  ImVec4 background, surface, text, muted, heading, accent, accent_hover, on_accent, link, focus, border,
      good, bad, phrase_bg, track, shadow;
  ImVec4 caret, selection, selected_text;   // text fields (view::CaretColors)
};

// Sets ImGui style colours + sizes. `coarse_pointer` (a touch screen): every control at least
// 44 x 44 CSS px and a 24 px scrollbar, for thumbs (WCAG 2.5.5 / 2.5.8).
void Apply(view::ThemeId id, float scale, bool coarse_pointer = false);
bool CoarsePointer();                        // as last applied
inline constexpr float kTouchTarget = 44.0f; // CSS px (at text scale 1; scales with the text)
const Palette& Colors();

// [SECTION] Sizes (CSS px at text scale 1; the screens multiply by Scale())
// Type scale: title (h1), heading (h2), subheading (h3), body, caption.
inline constexpr float kTypeTitle = 30.0f, kTypeHeading = 23.0f, kTypeSubheading = 19.0f, kTypeBody = 18.0f,
                       kTypeCaption = 15.0f;
// Spacing steps: every gap and padding is one of these.
inline constexpr float kSpaceXs = 4.0f, kSpaceS = 8.0f, kSpaceM = 12.0f, kSpaceL = 16.0f, kSpaceXl = 24.0f,
                       kSpaceXxl = 32.0f;
// Corner radii: controls, cards, chips and pills (half their height).
inline constexpr float kRadiusControl = 6.0f, kRadiusCard = 12.0f;
// Card elevation: a soft shadow `kElevationY` px below the card, built of `kElevationLayers`
// widening translucent outlines (ImGui 1.86 has no blur). None in high contrast (shadow = page).
inline constexpr float kElevationY = 2.0f;
inline constexpr int kElevationLayers = 4;
float Scale();                               // the text scale as last applied (1.0 .. 2.0)
// Draws a card: its elevation, surface and border (`edge`, 0 = the border token; `thick` px).
void DrawCard(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 fill = 0, ImU32 edge = 0, float thick = 1.0f);

// Fonts are built by the platform (it knows the device pixel ratio) and registered here.
struct Fonts {
  ImFont* body = nullptr;
  ImFont* h1 = nullptr;
  ImFont* h2 = nullptr;
  ImFont* h3 = nullptr;
  ImFont* caption = nullptr;
};
void SetFonts(const Fonts& fonts);
ImFont* HeadingFont(int level);
ImFont* CaptionFont();
// Clears the atlas and adds the body and heading fonts from TTF bytes the caller keeps alive,
// rasterised at `pixel_scale` (text scale x device pixel ratio), then SetFonts(). Glyphs: `ranges`
// (ImGui's form, 0-terminated, kept alive by the caller until the atlas is built), or when null
// Latin-1, Latin Extended-A (Polish) and general punctuation. ImGui's own font when `body_ttf` is empty.
void BuildFonts(std::string_view body_ttf, std::string_view bold_ttf, float pixel_scale, const ImWchar* ranges = nullptr);
// A language pack's glyph list ("fonts/glyphs", scripts/embed_files.js: hex code points and
// ranges, "20-7E,D3,104-107") as BuildFonts' ranges; empty when it is malformed or names a code
// point ImGui cannot hold (above U+FFFF).
std::vector<ImWchar> GlyphRanges(std::string_view list);

}  // namespace granice::theme
