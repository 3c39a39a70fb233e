#include "app/theme.h"

namespace granice::theme {

namespace {
Palette g_palette;   // the active theme, converted for ImGui
Fonts g_fonts;
bool g_coarse_pointer = false;
float g_scale = 1.0f;
float g_shadow_alpha = 0.0f;

ImVec4 ToVec(uint32_t rgb, float alpha = 1.0f) {
  return ImVec4(static_cast<float>((rgb >> 16) & 0xFF) / 255.0f, static_cast<float>((rgb >> 8) & 0xFF) / 255.0f,
                static_cast<float>(rgb & 0xFF) / 255.0f, alpha);
}
}  // namespace

void Apply(view::ThemeId id, float scale, bool coarse_pointer) {
  g_coarse_pointer = coarse_pointer;
  const view::PaletteRGB& p = view::PaletteFor(id);
  const view::CaretColorsRGB caret = view::CaretColors(p);
  g_palette = Palette{ToVec(p.background), ToVec(p.surface), ToVec(p.text),      ToVec(p.muted),
                      ToVec(p.heading),    ToVec(p.accent),  ToVec(p.accent_hover), ToVec(p.on_accent),
                      ToVec(p.link),       ToVec(p.focus),   ToVec(p.border),    ToVec(p.good),
                      ToVec(p.bad),        ToVec(p.phrase_bg), ToVec(p.track),   ToVec(p.shadow),
                      ToVec(caret.caret),  ToVec(caret.selection), ToVec(caret.selected_text)};
  g_scale = scale;
  g_shadow_alpha = id == view::ThemeId::Light ? 0.05f : id == view::ThemeId::Dark ? 0.16f : 0.0f;
  ImGuiStyle style;
  style.WindowPadding = ImVec2(kSpaceXl, 20);
  style.FramePadding = ImVec2(14, 9);
  style.ItemSpacing = ImVec2(kSpaceM, kSpaceM);
  style.ItemInnerSpacing = ImVec2(10, kSpaceS);
  style.FrameRounding = kRadiusControl;
  style.GrabRounding = kRadiusControl;
  style.ScrollbarSize = kSpaceL;
  style.ScrollbarRounding = kSpaceS;
  style.WindowBorderSize = 0;
  style.FrameBorderSize = 1;
  style.WindowRounding = 0;
  style.ChildRounding = kRadiusCard;
  style.PopupRounding = kRadiusControl;
  ImVec4* c = style.Colors;
  const Palette& g = g_palette;
  c[ImGuiCol_Text] = g.text;
  c[ImGuiCol_TextDisabled] = g.muted;
  c[ImGuiCol_WindowBg] = g.background;
  c[ImGuiCol_ChildBg] = g.surface;
  c[ImGuiCol_PopupBg] = g.surface;
  c[ImGuiCol_Border] = g.border;
  c[ImGuiCol_FrameBg] = g.surface;
  c[ImGuiCol_FrameBgHovered] = g.phrase_bg;
  c[ImGuiCol_FrameBgActive] = g.phrase_bg;
  c[ImGuiCol_Button] = g.surface;
  c[ImGuiCol_ButtonHovered] = g.phrase_bg;
  c[ImGuiCol_ButtonActive] = g.phrase_bg;
  c[ImGuiCol_Header] = g.phrase_bg;
  c[ImGuiCol_HeaderHovered] = g.phrase_bg;
  c[ImGuiCol_HeaderActive] = g.phrase_bg;
  c[ImGuiCol_CheckMark] = g.accent;
  c[ImGuiCol_PlotHistogram] = g.accent;
  c[ImGuiCol_ScrollbarBg] = g.background;
  c[ImGuiCol_ScrollbarGrab] = g.border;
  c[ImGuiCol_ScrollbarGrabHovered] = g.muted;
  c[ImGuiCol_ScrollbarGrabActive] = g.muted;
  c[ImGuiCol_NavHighlight] = g.focus;
  c[ImGuiCol_Separator] = g.border;
  c[ImGuiCol_TableHeaderBg] = g.phrase_bg;
  c[ImGuiCol_TableBorderStrong] = g.border;
  c[ImGuiCol_TableBorderLight] = g.border;
  c[ImGuiCol_TableRowBg] = g.surface;
  c[ImGuiCol_TableRowBgAlt] = g.background;
  if (coarse_pointer) {
    style.FramePadding.y = (kTouchTarget - 18.0f) / 2.0f;   // 18 px body text: 44 px tall controls
    style.ScrollbarSize = 24;
    style.GrabMinSize = 24;
  }
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

bool CoarsePointer() { return g_coarse_pointer; }

const Palette& Colors() { return g_palette; }

void SetFonts(const Fonts& fonts) { g_fonts = fonts; }

std::vector<ImWchar> GlyphRanges(std::string_view list) {
  std::vector<ImWchar> out;
  auto hex = [](std::string_view s, unsigned& v) {
    if (s.empty() || s.size() > 4) return false;   // ImWchar is 16 bits
    v = 0;
    for (const char c : s) {
      const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
      if (d < 0) return false;
      v = v * 16 + static_cast<unsigned>(d);
    }
    return v != 0;   // 0 ends ImGui's list
  };
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    const std::string_view item = list.substr(0, comma);
    const std::size_t dash = item.find('-');
    unsigned from = 0, to = 0;
    if (!hex(item.substr(0, dash), from) || !hex(dash == std::string_view::npos ? item : item.substr(dash + 1), to) || to < from)
      return {};
    out.push_back(static_cast<ImWchar>(from));
    out.push_back(static_cast<ImWchar>(to));
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  if (!out.empty()) out.push_back(0);
  return out;
}

void BuildFonts(std::string_view body_ttf, std::string_view bold_ttf, float pixel_scale, const ImWchar* ranges) {
  static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2000, 0x206F, 0};
  if (!ranges) ranges = kRanges;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig cfg;
  cfg.OversampleH = 1;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  cfg.FontDataOwnedByAtlas = false;   // the caller owns the bytes (compiled in, or a file it read)
  auto add = [&](std::string_view ttf, float px) -> ImFont* {
    if (ttf.empty()) return nullptr;
    return io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(ttf.data()), static_cast<int>(ttf.size()), px * pixel_scale,
                                          &cfg, ranges);
  };
  Fonts fonts;
  fonts.body = add(body_ttf, kTypeBody);
  fonts.h1 = add(bold_ttf, kTypeTitle);
  fonts.h2 = add(bold_ttf, kTypeHeading);
  fonts.h3 = add(bold_ttf, kTypeSubheading);
  fonts.caption = add(body_ttf, kTypeCaption);
  if (!fonts.body) fonts.body = io.Fonts->AddFontDefault();
  io.FontDefault = fonts.body;
  SetFonts(fonts);
}

ImFont* CaptionFont() { return g_fonts.caption ? g_fonts.caption : ImGui::GetFont(); }

float Scale() { return g_scale; }

void DrawCard(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 fill, ImU32 edge, float thick) {
  const float r = kRadiusCard * g_scale;
  if (g_shadow_alpha > 0.0f) {
    for (int i = kElevationLayers; i >= 1; --i) {
      const float grow = static_cast<float>(i) * g_scale;
      ImVec4 c = g_palette.shadow;
      c.w = g_shadow_alpha * static_cast<float>(kElevationLayers + 1 - i) / static_cast<float>(kElevationLayers);
      dl->AddRectFilled(ImVec2(min.x - grow * 0.5f, min.y - grow * 0.25f + kElevationY * g_scale),
                        ImVec2(max.x + grow * 0.5f, max.y + grow + kElevationY * g_scale), ImGui::GetColorU32(c),
                        r + grow);
    }
  }
  dl->AddRectFilled(min, max, fill ? fill : ImGui::GetColorU32(g_palette.surface), r);
  dl->AddRect(min, max, edge ? edge : ImGui::GetColorU32(g_palette.border), r, 0, thick);
}

ImFont* HeadingFont(int level) {
  ImFont* f = level <= 1 ? g_fonts.h1 : level == 2 ? g_fonts.h2 : g_fonts.h3;
  return f ? f : ImGui::GetFont();
}

}  // namespace granice::theme
