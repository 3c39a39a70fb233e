#include "app/theme.h"

namespace granice::theme {

namespace {
Palette g_palette;   // the active theme, converted for ImGui
Fonts g_fonts;
bool g_coarse_pointer = false;

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
                      ToVec(p.bad),        ToVec(p.phrase_bg), ToVec(caret.caret), ToVec(caret.selection),
                      ToVec(caret.selected_text)};
  ImGuiStyle style;
  style.WindowPadding = ImVec2(24, 20);
  style.FramePadding = ImVec2(14, 9);
  style.ItemSpacing = ImVec2(12, 12);
  style.ItemInnerSpacing = ImVec2(10, 8);
  style.FrameRounding = 6;
  style.GrabRounding = 6;
  style.ScrollbarSize = 16;
  style.ScrollbarRounding = 8;
  style.WindowBorderSize = 0;
  style.FrameBorderSize = 1;
  style.WindowRounding = 0;
  style.ChildRounding = 8;
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

void BuildFonts(std::string_view body_ttf, std::string_view bold_ttf, float pixel_scale) {
  static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2000, 0x206F, 0};
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
                                          &cfg, kRanges);
  };
  Fonts fonts;
  fonts.body = add(body_ttf, 18.0f);
  fonts.h1 = add(bold_ttf, 30.0f);
  fonts.h2 = add(bold_ttf, 23.0f);
  fonts.h3 = add(bold_ttf, 19.0f);
  if (!fonts.body) fonts.body = io.Fonts->AddFontDefault();
  io.FontDefault = fonts.body;
  SetFonts(fonts);
}

ImFont* HeadingFont(int level) {
  ImFont* f = level <= 1 ? g_fonts.h1 : level == 2 ? g_fonts.h2 : g_fonts.h3;
  return f ? f : ImGui::GetFont();
}

}  // namespace granice::theme
