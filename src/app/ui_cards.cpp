// Cards, panels, chips and bar charts: the design system's larger pieces (app/theme.h sizes,
// view/palette.h colours). Each is also described in the semantic tree (ui_internal.h).
#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "app/theme.h"
#include "app/ui.h"
#include "app/ui_internal.h"
#include "imgui.h"
#include "imgui_internal.h"

namespace granice::ui {

namespace {

using detail::Interactive;
using detail::Push;
using detail::TakeActivation;

ImU32 ToneText(Tone tone) {
  const theme::Palette& c = theme::Colors();
  return ImGui::GetColorU32(tone == Tone::Good ? c.good : tone == Tone::Bad ? c.bad : c.muted);
}

float S(float px) { return px * theme::Scale(); }

ImVec2 TextSize(ImFont* font, const std::string& text, float wrap) {
  if (text.empty()) return ImVec2(0, 0);
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, text.c_str());
}

void Text(ImDrawList* dl, ImFont* font, ImVec2 at, ImU32 col, const std::string& text, float wrap) {
  dl->AddText(font, font->FontSize, at, col, text.c_str(), nullptr, wrap);
}

// A text node for text drawn with the draw list at `min`..`max` (the card's parts).
void PushText(const std::string& text, ImVec2 min, ImVec2 max) {
  if (text.empty()) return;
  view::SemanticNode& n = Push(view::Role::Text, text);
  n.rect = {min.x, min.y, max.x - min.x, max.y - min.y};
}

// [SECTION] Course card layout: measured once for the height, then drawn with the same numbers.
struct CardLayout {
  float pad, icon, wrap, title_h, summary_h, detail_h, status_w, head_h, bar_h;
};

CardLayout Measure(const CourseCardView& v, float width) {
  CardLayout l{};
  l.pad = S(theme::kSpaceL);
  l.icon = ImGui::GetFontSize() * 2.0f;
  l.wrap = width - 2 * l.pad;
  ImFont* caption = theme::CaptionFont();
  ImFont* title = theme::HeadingFont(3);
  const float status_w = TextSize(caption, v.status, FLT_MAX).x + caption->FontSize * 1.4f;
  l.status_w = status_w;
  l.head_h = std::max(l.icon, caption->FontSize * 1.2f);
  l.title_h = TextSize(title, v.title, l.wrap).y;
  l.summary_h = TextSize(ImGui::GetFont(), v.summary, l.wrap).y;
  l.detail_h = TextSize(caption, v.detail, l.wrap).y;
  l.bar_h = v.progress >= 0.0f ? S(theme::kSpaceS) * 0.75f : 0.0f;
  return l;
}

}  // namespace

float CourseCardHeight(const CourseCardView& v, float width) {
  const CardLayout l = Measure(v, width);
  const float gap = S(theme::kSpaceS);
  float h = l.pad + l.head_h + gap + l.title_h + gap + l.summary_h + l.pad;
  if (l.detail_h > 0) h += gap + l.detail_h;
  if (l.bar_h > 0) h += gap + l.bar_h;
  return h;
}

bool CourseCard(const CourseCardView& v, float width, float height) {
  const theme::Palette& c = theme::Colors();
  const CardLayout l = Measure(v, width);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 size(width, height);
  ImGui::PushID(v.name.c_str());
  bool pressed = ImGui::InvisibleButton("##course-card", size);
  const ImGuiID id = ImGui::GetItemID();
  ImGui::PopID();
  const bool hovered = ImGui::IsItemHovered();
  if (TakeActivation(id)) pressed = true;
  const bool next = !v.next_label.empty();

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 q(p.x + size.x, p.y + size.y);
  theme::DrawCard(dl, p, q, ImGui::GetColorU32(next || hovered ? c.phrase_bg : c.surface),
                  ImGui::GetColorU32(next ? c.accent : c.border), next ? S(2.5f) : 1.0f);
  ImFont* caption = theme::CaptionFont();
  const float gap = S(theme::kSpaceS);
  float y = p.y + l.pad;
  const float x = p.x + l.pad;
  // Head: the guideline's icon in a tinted disc, the eyebrow, the state (icon + word) or "next".
  const ImVec2 disc(x + l.icon * 0.5f, y + l.head_h * 0.5f);
  dl->AddCircleFilled(disc, l.icon * 0.5f, ImGui::GetColorU32(next ? c.surface : c.phrase_bg), 28);
  draw::GuidelineIcon(dl, disc, l.icon * 0.6f, v.icon, ImGui::GetColorU32(c.accent));
  const float text_x = x + l.icon + S(theme::kSpaceM);
  const float cap_y = y + (l.head_h - caption->FontSize) * 0.5f;
  Text(dl, caption, ImVec2(text_x, cap_y), ImGui::GetColorU32(c.muted), v.eyebrow, 0.0f);
  const std::string& right = next ? v.next_label : v.status;
  const float right_w = TextSize(caption, right, FLT_MAX).x;
  const float glyph = caption->FontSize;
  const float right_x = q.x - l.pad - right_w;
  const ImU32 right_col = next ? ImGui::GetColorU32(c.heading) : ToneText(v.tone);
  Text(dl, caption, ImVec2(right_x, cap_y), right_col, right, 0.0f);
  draw::StateGlyph(dl, ImVec2(right_x - glyph * 0.8f, cap_y + caption->FontSize * 0.5f), glyph, v.state, right_col);
  y += l.head_h + gap;
  ImFont* title = theme::HeadingFont(3);
  Text(dl, title, ImVec2(x, y), ImGui::GetColorU32(c.heading), v.title, l.wrap);
  y += l.title_h + gap;
  const ImVec2 summary_at(x, y);
  Text(dl, ImGui::GetFont(), summary_at, ImGui::GetColorU32(c.text), v.summary, l.wrap);
  y += l.summary_h;
  ImVec2 detail_at(x, y), detail_end(x, y);
  if (l.detail_h > 0) {
    y += gap;
    detail_at = ImVec2(x, y);
    Text(dl, caption, detail_at, ImGui::GetColorU32(c.muted), v.detail, l.wrap);
    y += l.detail_h;
    detail_end = ImVec2(x + l.wrap, y);
  }
  if (l.bar_h > 0) {
    y += gap;
    const float r = l.bar_h * 0.5f;
    dl->AddRectFilled(ImVec2(x, y), ImVec2(x + l.wrap, y + l.bar_h), ImGui::GetColorU32(c.track), r);
    const float shown = std::min(v.progress, 1.0f) * Reveal("card:" + v.name);
    if (shown > 0.0f)
      dl->AddRectFilled(ImVec2(x, y), ImVec2(x + l.wrap * shown, y + l.bar_h),
                        ImGui::GetColorU32(c.accent), r);
  }
  ImGui::RenderNavHighlight(ImRect(p, q), id);

  view::SemanticNode& n = Push(view::Role::Button, v.name);
  Interactive(n, id, false);
  PushText(v.summary, summary_at, ImVec2(x + l.wrap, summary_at.y + l.summary_h));
  // The state in words (the glyph and colour say it again): "in progress", or "next step".
  PushText(next ? v.next_label + ", " + v.status : v.status, ImVec2(right_x, cap_y),
           ImVec2(right_x + right_w, cap_y + caption->FontSize));
  PushText(v.detail, detail_at, detail_end);
  return pressed;
}

// [SECTION] Panels
namespace {
struct PanelFrame {
  ImDrawListSplitter split;
  ImVec2 start;
  float work_max = 0, content_max = 0, pad = 0;
  bool highlight = false;
};
PanelFrame g_panels[4];   // nesting depth
int g_depth = 0;
}  // namespace

void BeginPanel(bool highlight) {
  IM_ASSERT(g_depth < 4);
  ImGuiWindow* w = ImGui::GetCurrentWindow();
  PanelFrame& f = g_panels[g_depth++];
  f.highlight = highlight;
  f.pad = S(theme::kSpaceXl);
  f.start = ImGui::GetCursorScreenPos();
  f.split.Split(w->DrawList, 2);
  f.split.SetCurrentChannel(w->DrawList, 1);
  f.work_max = w->WorkRect.Max.x;
  f.content_max = w->ContentRegionRect.Max.x;
  w->WorkRect.Max.x -= f.pad;
  w->ContentRegionRect.Max.x -= f.pad;
  ImGui::SetCursorScreenPos(ImVec2(f.start.x, f.start.y + f.pad));
  ImGui::Indent(f.pad);
}

void EndPanel() {
  IM_ASSERT(g_depth > 0);
  ImGuiWindow* w = ImGui::GetCurrentWindow();
  PanelFrame& f = g_panels[--g_depth];
  ImGui::Unindent(f.pad);
  w->WorkRect.Max.x = f.work_max;
  w->ContentRegionRect.Max.x = f.content_max;
  const float bottom = w->DC.CursorMaxPos.y + f.pad;
  const ImVec2 end(f.content_max, bottom);
  f.split.SetCurrentChannel(w->DrawList, 0);
  const theme::Palette& c = theme::Colors();
  theme::DrawCard(w->DrawList, f.start, end, ImGui::GetColorU32(f.highlight ? c.phrase_bg : c.surface),
                  ImGui::GetColorU32(f.highlight ? c.accent : c.border), f.highlight ? S(2.5f) : 1.0f);
  f.split.Merge(w->DrawList);
  ImGui::SetCursorScreenPos(ImVec2(f.start.x, f.start.y));
  ImGui::Dummy(ImVec2(end.x - f.start.x, bottom - f.start.y));
}

void Describe(view::Role role, const std::string& name, ImVec2 min, ImVec2 max, int level) {
  view::SemanticNode& n = Push(role, name);
  n.rect = {min.x, min.y, max.x - min.x, max.y - min.y};
  n.level = level;
}

// [SECTION] Margins
namespace {
float g_margins[4];
int g_margin_depth = 0;
}  // namespace

void PushRightMargin(float px) {
  IM_ASSERT(g_margin_depth < 4);
  ImGuiWindow* w = ImGui::GetCurrentWindow();
  g_margins[g_margin_depth++] = px;
  w->WorkRect.Max.x -= px;
  w->ContentRegionRect.Max.x -= px;
}

void PopRightMargin() {
  IM_ASSERT(g_margin_depth > 0);
  ImGuiWindow* w = ImGui::GetCurrentWindow();
  const float px = g_margins[--g_margin_depth];
  w->WorkRect.Max.x += px;
  w->ContentRegionRect.Max.x += px;
}

// [SECTION] Chips
void Chip(const std::string& text, Tone tone, draw::StateIcon icon) {
  ImFont* caption = theme::CaptionFont();
  const ImVec2 ts = TextSize(caption, text, FLT_MAX);
  const float h = caption->FontSize + S(theme::kSpaceS) * 1.5f;
  const float glyph = caption->FontSize;
  const float width = std::min(ts.x + glyph + S(theme::kSpaceM) * 2.0f + S(theme::kSpaceXs),
                               ImGui::GetContentRegionAvail().x);
  // Side by side while they fit, as words in a line.
  Context& ctx = Current();
  if (ctx.same_line) {
    ctx.same_line = false;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + S(theme::kSpaceS) + width <= right) ImGui::SameLine(0.0f, S(theme::kSpaceS));
  }
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImU32 col = ToneText(tone);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), ImGui::GetColorU32(theme::Colors().surface), h * 0.5f);
  dl->AddRect(p, ImVec2(p.x + width, p.y + h), col, h * 0.5f, 0, S(1.5f));
  const float x = p.x + S(theme::kSpaceM);
  draw::StateGlyph(dl, ImVec2(x + glyph * 0.5f, p.y + h * 0.5f), glyph, icon, col);
  dl->PushClipRect(p, ImVec2(p.x + width - S(theme::kSpaceS), p.y + h), true);
  Text(dl, caption, ImVec2(x + glyph + S(theme::kSpaceXs), p.y + (h - caption->FontSize) * 0.5f), col, text, 0.0f);
  dl->PopClipRect();
  ImGui::Dummy(ImVec2(width, h));
  Push(view::Role::Text, text);
}

// [SECTION] Bar chart
void BarChart(const std::vector<BarRow>& rows, float pass, const std::string& pass_label) {
  const theme::Palette& c = theme::Colors();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* caption = theme::CaptionFont();
  const float width = ImGui::GetContentRegionAvail().x;
  const float x0 = ImGui::GetCursorScreenPos().x;
  const float bar_h = S(theme::kSpaceM);
  const float icon = ImGui::GetFontSize() * 1.2f;
  if (pass >= 0.0f && !pass_label.empty()) {   // the pass line's label, above the bars at its place
    // Centred on the line when it fits, else wrapped from the left (a phone at 200 % text).
    const ImVec2 ts = TextSize(caption, pass_label, width);
    const float lx = std::clamp(x0 + width * pass - ts.x * 0.5f, x0, std::max(x0, x0 + width - ts.x));
    const ImVec2 at(lx, ImGui::GetCursorScreenPos().y);
    Text(dl, caption, at, ImGui::GetColorU32(c.text), pass_label, width);
    ImGui::Dummy(ImVec2(width, ts.y));
    PushText(pass_label, at, ImVec2(lx + ts.x, at.y + ts.y));
  }
  const float top = ImGui::GetCursorScreenPos().y;
  float bottom = top;
  for (const BarRow& r : rows) {
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float value_w = ImGui::CalcTextSize(r.value_text.c_str()).x;
    const float label_x = r.icon.empty() ? x0 : x0 + icon + S(theme::kSpaceS);
    const float wrap = x0 + width - value_w - S(theme::kSpaceM) - label_x;
    const ImVec2 label_size = ImGui::CalcTextSize(r.label.c_str(), nullptr, false, wrap);
    if (!r.icon.empty())
      draw::GuidelineIcon(dl, ImVec2(x0 + icon * 0.5f, start.y + ImGui::GetFontSize() * 0.5f), icon, r.icon,
                          ImGui::GetColorU32(c.accent));
    Text(dl, ImGui::GetFont(), ImVec2(label_x, start.y), ImGui::GetColorU32(c.text), r.label, wrap);
    Text(dl, ImGui::GetFont(), ImVec2(x0 + width - value_w, start.y), ImGui::GetColorU32(r.below ? c.bad : c.text),
         r.value_text, 0.0f);
    const float by = start.y + label_size.y + S(theme::kSpaceXs);
    dl->AddRectFilled(ImVec2(x0, by), ImVec2(x0 + width, by + bar_h), ImGui::GetColorU32(c.track), bar_h * 0.5f);
    const float shown = std::min(r.value, 1.0f) * Reveal("bar:" + r.label);
    if (shown > 0.0f)
      dl->AddRectFilled(ImVec2(x0, by), ImVec2(x0 + width * shown, by + bar_h),
                        ImGui::GetColorU32(r.below ? c.bad : c.accent), bar_h * 0.5f);
    ImGui::Dummy(ImVec2(width, by + bar_h - start.y));
    view::SemanticNode& n = Push(view::Role::ProgressBar, r.label + ": " + r.value_text);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(std::clamp(r.value, 0.0f, 1.0f)));
    n.value = buf;
    bottom = by + bar_h;
  }
  if (pass >= 0.0f && !rows.empty()) {   // the pass line over every bar, in the text colour (>= 3:1 on the track)
    const float px = x0 + width * pass;
    dl->AddLine(ImVec2(px, top), ImVec2(px, bottom + S(theme::kSpaceXs)), ImGui::GetColorU32(c.text), S(2.0f));
  }
}

}  // namespace granice::ui
