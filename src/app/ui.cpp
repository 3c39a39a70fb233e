#include "app/ui.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <map>
#include <string>

#include "app/theme.h"
#include "app/ui_internal.h"
#include "app/view/text_caret.h"
#include "core/text/utf8.h"
#include "imgui.h"
#include "imgui_internal.h"

namespace granice::ui {

namespace {

Context* g_ctx = nullptr;   // set by BeginFrame: the wrappers are called only inside a frame

std::string IdString(ImGuiID id) { return std::to_string(id); }

view::Rect LastItemRect() {
  const ImVec2 a = ImGui::GetItemRectMin();
  const ImVec2 b = ImGui::GetItemRectMax();
  return {a.x, a.y, b.x - a.x, b.y - a.y};
}

}  // namespace

namespace detail {
view::SemanticNode& Push(view::Role role, const std::string& name) {
  view::SemanticNode n;
  n.role = role;
  n.name = name;
  n.rect = LastItemRect();
  n.group = g_ctx->group;
  g_ctx->same_line = false;
  g_ctx->tree.nodes.push_back(std::move(n));
  return g_ctx->tree.nodes.back();
}

// An activation asked for by the DOM layer counts as a press of the widget with that id.
bool TakeActivation(ImGuiID id) {
  if (g_ctx->pending_activation.empty() || g_ctx->pending_activation != IdString(id)) return false;
  g_ctx->pending_activation.clear();
  g_ctx->activated_any = true;
  return true;
}

}  // namespace detail

namespace {
using detail::Push;
using detail::TakeActivation;

// An option chosen in the DOM layer's <select> for drop-down `id`: its index, or -1.
int TakeChoice(ImGuiID id, size_t count) {
  if (g_ctx->pending_choice_id.empty() || g_ctx->pending_choice_id != IdString(id)) return -1;
  const int i = g_ctx->pending_choice;
  g_ctx->pending_choice_id.clear();
  g_ctx->pending_choice = -1;
  g_ctx->activated_any = true;
  return i >= 0 && static_cast<size_t>(i) < count ? i : -1;
}

// A radio / checkbox label that would not fit on one line (narrow screens, 200% text): such
// controls are drawn as wrapped cards instead, so nothing needs horizontal scrolling.
bool TooWide(const std::string& label) {
  const float w = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label.c_str()).x;
  return w > ImGui::GetContentRegionAvail().x;
}

}  // namespace

namespace detail {
void Interactive(view::SemanticNode& n, ImGuiID id, bool disabled) {
  n.id = IdString(id);
  n.disabled = disabled;
  if (!g_ctx->focus_request.empty() && g_ctx->focus_request == n.id) {
    // Keyboard focus moved here (Tab): make it ImGui's nav item, show the ring, scroll to it.
    ImGui::SetFocusID(id, ImGui::GetCurrentWindow());
    ImGuiContext& g = *GImGui;
    g.NavDisableHighlight = !g_ctx->focus_visible;   // a ring only when the keyboard moved focus
    g.NavDisableMouseHover = true;
    g.NavMousePosDirty = false;
    // Scrolled into view when off screen or under the bar pinned to the bottom (WCAG 2.4.11).
    const bool covered = g_ctx->bottom_inset > 0.0f &&
                         ImGui::GetItemRectMax().y > ImGui::GetWindowPos().y + ImGui::GetWindowHeight() - g_ctx->bottom_inset;
    if (!ImGui::IsItemVisible() || covered) ImGui::SetScrollHereY(0.5f);
    g_ctx->focus_request.clear();
    g_ctx->focus_applied = true;
    n.focused = true;
    return;
  }
  n.focused = ImGui::IsItemFocused();
}

}  // namespace detail

namespace {
using detail::Interactive;

// Applies a pending ui::SameLine() when a control `width` wide still fits on the line.
void ResolveSameLine(float width) {
  if (!g_ctx->same_line) return;
  g_ctx->same_line = false;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right) ImGui::SameLine();
}

// Cuts to at most `max_bytes` without splitting a UTF-8 sequence.
void TruncateUtf8(std::string& s, size_t max_bytes) { s.resize(utf8_prefix_bytes(s, max_bytes).size()); }

}  // namespace

void SameLine() { g_ctx->same_line = true; }

void MarkCurrent(view::Current current) {
  if (!g_ctx->tree.nodes.empty()) g_ctx->tree.nodes.back().current = current;
}

namespace {
struct Transition {
  double start = 0;
  int seen = 0;   // the frame it was last drawn in
};
std::map<std::string, Transition> g_transitions;
constexpr double kTransitionSeconds = 0.35;
}  // namespace

float Reveal(const std::string& key) {
  const int frame = ImGui::GetFrameCount();
  auto [it, fresh] = g_transitions.try_emplace(key, Transition{ImGui::GetTime(), frame});
  if (!fresh && it->second.seen < frame - 1) it->second.start = ImGui::GetTime();   // shown again
  it->second.seen = frame;
  if (g_ctx->reduced_motion) return 1.0f;
  const double t = (ImGui::GetTime() - it->second.start) / kTransitionSeconds;
  if (t >= 1.0) return 1.0f;
  g_ctx->animating = true;
  const float x = static_cast<float>(t < 0 ? 0 : t);
  return 1.0f - (1.0f - x) * (1.0f - x) * (1.0f - x);   // ease out
}

void BeginFrame(Context& ctx, const std::string& lang) {
  g_ctx = &ctx;
  ctx.animating = false;
  for (auto it = g_transitions.begin(); it != g_transitions.end();)   // forget what was not drawn
    it = it->second.seen < ImGui::GetFrameCount() - 1 ? g_transitions.erase(it) : std::next(it);
  ctx.tree.Clear();
  ctx.tree.lang = lang;
  ctx.group.clear();
  ctx.activated_any = false;
  ctx.same_line = false;
}

Context& Current() { return *g_ctx; }

void Heading(const std::string& text, int level) {
  ImGui::PushFont(theme::HeadingFont(level));
  ImGui::PushStyleColor(ImGuiCol_Text, theme::Colors().heading);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::PopFont();
  Push(view::Role::Heading, text).level = level;
}

void Paragraph(const std::string& text) {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  Push(view::Role::Text, text);
}

void MutedText(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, theme::Colors().muted);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  Push(view::Role::Text, text);
}

void ListItem(const std::string& text, const char* bullet) {
  ImGui::TextUnformatted(bullet);
  ImGui::SameLine();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  Push(view::Role::ListItem, text);
}

bool Button(const std::string& label, ButtonKind kind, bool disabled, float width, const std::string& name) {
  const theme::Palette& c = theme::Colors();
  int colors = 0;
  if (kind == ButtonKind::Primary) {
    ImGui::PushStyleColor(ImGuiCol_Button, c.accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, c.accent_hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, c.accent_hover);
    ImGui::PushStyleColor(ImGuiCol_Text, c.on_accent);
    colors = 4;
  } else if (kind == ButtonKind::Quiet) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    colors = 1;
  }
  const ImGuiStyle& st = ImGui::GetStyle();
  // For thumbs, never narrower than it is tall (lesson page numbers: "1", "2"...).
  const float min_width = theme::CoarsePointer() ? ImGui::GetFrameHeight() : 0.0f;
  const float text_width = ImGui::CalcTextSize(label.c_str(), nullptr, true).x + 2 * st.FramePadding.x;
  const float natural = width > 0.0f ? width : std::max(text_width, min_width);
  ResolveSameLine(natural);
  const float avail = ImGui::GetContentRegionAvail().x;
  if (disabled) ImGui::BeginDisabled();
  bool pressed = false;
  if (width <= 0.0f && natural > avail && avail > 2 * st.FramePadding.x) {
    // Too long for the line (narrow screen, large text): a full-width button with wrapped text.
    const float wrap = avail - 2 * st.FramePadding.x;
    const char* end = ImGui::FindRenderedTextEnd(label.c_str());
    const ImVec2 ts = ImGui::CalcTextSize(label.c_str(), end, false, wrap);
    ImGui::PushID(label.c_str());
    pressed = ImGui::Button("##wrapped", ImVec2(avail, ts.y + 2 * st.FramePadding.y));
    ImGui::PopID();
    const ImVec2 at(ImGui::GetItemRectMin().x + st.FramePadding.x, ImGui::GetItemRectMin().y + st.FramePadding.y);
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, ImGui::GetColorU32(ImGuiCol_Text),
                                        label.c_str(), end, wrap);
  } else {
    pressed = ImGui::Button(label.c_str(), ImVec2(width > 0.0f ? width : text_width < min_width ? min_width : 0.0f, 0.0f));
  }
  if (disabled) ImGui::EndDisabled();
  ImGui::PopStyleColor(colors);
  const ImGuiID id = ImGui::GetItemID();
  if (!disabled && TakeActivation(id)) pressed = true;
  Interactive(Push(view::Role::Button, name.empty() ? label : name), id, disabled);
  return pressed && !disabled;
}

bool Link(const std::string& label) {
  ImGui::PushStyleColor(ImGuiCol_Text, theme::Colors().link);
  ImVec2 size = ImGui::CalcTextSize(label.c_str());
  if (theme::CoarsePointer() && size.y < ImGui::GetFrameHeight()) size.y = ImGui::GetFrameHeight();   // thumbs
  bool pressed = ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_None, size);
  ImGui::PopStyleColor();
  const ImGuiID id = ImGui::GetItemID();
  if (TakeActivation(id)) pressed = true;
  Interactive(Push(view::Role::Link, label), id, false);
  return pressed;
}

bool Radio(const std::string& label, bool selected, bool disabled) {
  if (TooWide(label)) {
    g_ctx->same_line = false;   // a card takes the whole line
    return Card(label, view::Role::Radio, selected, disabled);
  }
  ResolveSameLine(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                  ImGui::CalcTextSize(label.c_str(), nullptr, true).x);
  if (disabled) ImGui::BeginDisabled();
  bool pressed = ImGui::RadioButton(label.c_str(), selected);
  if (disabled) ImGui::EndDisabled();
  const ImGuiID id = ImGui::GetItemID();
  if (!disabled && TakeActivation(id)) pressed = true;
  view::SemanticNode& n = Push(view::Role::Radio, label);
  n.checked = selected ? 1 : 0;
  Interactive(n, id, disabled);
  return pressed && !disabled;
}

bool Checkbox(const std::string& label, bool& value, bool disabled) {
  if (TooWide(label)) {
    g_ctx->same_line = false;   // a card takes the whole line
    if (!Card(label, view::Role::Checkbox, value, disabled)) return false;
    value = !value;
    return true;
  }
  if (disabled) ImGui::BeginDisabled();
  bool changed = ImGui::Checkbox(label.c_str(), &value);
  if (disabled) ImGui::EndDisabled();
  const ImGuiID id = ImGui::GetItemID();
  if (!disabled && TakeActivation(id)) {
    value = !value;
    changed = true;
  }
  view::SemanticNode& n = Push(view::Role::Checkbox, label);
  n.checked = value ? 1 : 0;
  Interactive(n, id, disabled);
  return changed && !disabled;
}

namespace {
int ResizeCallback(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* s = static_cast<std::string*>(data->UserData);
    s->resize(static_cast<size_t>(data->BufTextLen));
    data->Buf = s->data();
  }
  return 0;
}
}  // namespace

namespace {

// The text field just drawn is edited in the DOM layer (its <input> has focus and holds the
// caret): draw its text, the selection and a steady caret at the DOM's positions. The field's
// own text was drawn transparent. Nothing blinks, so an idle page draws no frames.
void DrawDomEditing(view::SemanticNode& n, const std::string& text) {
  const ImGuiStyle& st = ImGui::GetStyle();
  const theme::Palette& c = theme::Colors();
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  const float left = min.x + st.FramePadding.x;
  const float visible = max.x - st.FramePadding.x - left;
  const float top = min.y + st.FramePadding.y;
  const float line = ImGui::GetFontSize();
  const float caret_w = std::max(2.0f, std::round(line / 10.0f));
  const view::CaretSpan span = view::CaretFromDom(text, g_ctx->caret_anchor, g_ctx->caret_focus);
  auto width_to = [&](size_t bytes) { return ImGui::CalcTextSize(text.data(), text.data() + bytes).x; };
  const float caret_x = width_to(span.caret);
  g_ctx->caret_scroll = view::ScrollToCaret(g_ctx->caret_scroll, caret_x, caret_w, width_to(text.size()), visible);
  const float x0 = left - g_ctx->caret_scroll;
  const float sel_a = x0 + width_to(span.begin);
  const float sel_b = x0 + width_to(span.end);

  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(ImVec2(min.x + 1.0f, min.y + 1.0f), ImVec2(max.x - 1.0f, max.y - 1.0f), true);
  if (!span.empty()) dl->AddRectFilled(ImVec2(sel_a, top), ImVec2(sel_b, top + line), ImGui::GetColorU32(c.selection));
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  const char* s = text.data();
  dl->AddText(font, size, ImVec2(x0, top), ImGui::GetColorU32(c.text), s, s + span.begin);
  dl->AddText(font, size, ImVec2(sel_a, top), ImGui::GetColorU32(c.selected_text), s + span.begin, s + span.end);
  dl->AddText(font, size, ImVec2(sel_b, top), ImGui::GetColorU32(c.text), s + span.end, s + text.size());
  // The caret stays outside the selection band, on the field's background (>= 3:1 there).
  const float cx = x0 + caret_x;
  const float caret_left = !span.empty() && span.caret == span.begin ? cx - caret_w : cx;
  dl->AddRectFilled(ImVec2(caret_left, top), ImVec2(caret_left + caret_w, top + line), ImGui::GetColorU32(c.caret));
  dl->PopClipRect();

  n.selection_start = std::min(g_ctx->caret_anchor, g_ctx->caret_focus);
  n.selection_end = std::max(g_ctx->caret_anchor, g_ctx->caret_focus);
  n.caret = {caret_left, top, caret_w, line};
}

}  // namespace

bool TextInput(const std::string& label, std::string& value, int max_bytes, const char* autocomplete) {
  ImGui::TextUnformatted(label.c_str());
  ImGui::SetNextItemWidth(-1.0f);
  const std::string hidden = "##" + label;
  const ImGuiID input_id = ImGui::GetID(hidden.c_str());
  const std::string sid = IdString(input_id);
  bool external = false;
  if (!g_ctx->pending_text_id.empty() && g_ctx->pending_text_id == sid) {
    // Typed in the DOM layer's <input>: take it, and drop ImGui's own edit buffer if it had one.
    if (ImGui::GetActiveID() == input_id) ImGui::ClearActiveID();
    value = g_ctx->pending_text;
    TruncateUtf8(value, static_cast<size_t>(max_bytes));
    g_ctx->pending_text_id.clear();
    external = true;
  }
  // The DOM <input> has focus (and the app's focus is here): it is the editor, the canvas shows
  // its text, selection and caret; ImGui's own editing (and its caret) steps aside.
  const bool dom_editing = !g_ctx->caret_id.empty() && g_ctx->caret_id == sid &&
                           (GImGui->NavId == input_id || g_ctx->focus_request == sid);
  if (dom_editing && ImGui::GetActiveID() == input_id) ImGui::ClearActiveID();
  if (value.capacity() < static_cast<size_t>(max_bytes) + 1) value.reserve(static_cast<size_t>(max_bytes) + 1);
  if (dom_editing) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0, 0, 0, 0));
  const bool changed = ImGui::InputText(hidden.c_str(), value.data(), value.capacity() + 1,
                                        ImGuiInputTextFlags_CallbackResize, ResizeCallback, &value);
  if (dom_editing) ImGui::PopStyleColor();
  TruncateUtf8(value, static_cast<size_t>(max_bytes));
  const ImGuiID id = ImGui::GetItemID();
  view::SemanticNode& n = Push(view::Role::Textbox, label);
  n.value = value;
  n.autocomplete = autocomplete;
  Interactive(n, id, false);
  if (dom_editing) DrawDomEditing(n, value);
  if (TakeActivation(id)) ImGui::SetKeyboardFocusHere(-1);
  return changed || external;
}

void Progress(float fraction, const std::string& label) {
  const ImVec2 start = ImGui::GetCursorScreenPos();
  // The label goes above a thin bar, never inside it: text over the filled part would not
  // have enough contrast, and a long label would be clipped.
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(label.c_str());
  ImGui::PopTextWrapPos();
  ImGui::ProgressBar(fraction, ImVec2(-1.0f, ImGui::GetFontSize() * 0.6f), "");
  view::SemanticNode& n = Push(view::Role::ProgressBar, label);
  n.rect.height += n.rect.y - start.y;
  n.rect.y = start.y;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(fraction));
  n.value = buf;
}

void BeginGroup(const std::string& name) { g_ctx->group = name; }
void EndGroup() { g_ctx->group.clear(); }

}  // namespace granice::ui

namespace granice::ui {

namespace {

ImU32 ToneFill(Tone tone) {
  const theme::Palette& c = theme::Colors();
  switch (tone) {
    case Tone::Phrase:
    case Tone::Learner: return ImGui::GetColorU32(c.phrase_bg);
    case Tone::Note: return ImGui::GetColorU32(c.surface);
    case Tone::Good: return ImGui::GetColorU32(c.surface);
    case Tone::Bad: return ImGui::GetColorU32(c.surface);
    case Tone::Client: return ImGui::GetColorU32(c.surface);
    case Tone::Neutral: break;
  }
  return ImGui::GetColorU32(c.surface);
}

ImU32 ToneEdge(Tone tone) {
  const theme::Palette& c = theme::Colors();
  switch (tone) {
    case Tone::Good: return ImGui::GetColorU32(c.good);
    case Tone::Bad: return ImGui::GetColorU32(c.bad);
    case Tone::Phrase:
    case Tone::Learner: return ImGui::GetColorU32(c.accent);
    case Tone::Note: return ImGui::GetColorU32(c.link);
    case Tone::Client:
    case Tone::Neutral: break;
  }
  return ImGui::GetColorU32(c.border);
}

}  // namespace

void Callout(const std::string& text, Tone tone, const std::string& title, float indent, bool semantic) {
  const ImGuiStyle& st = ImGui::GetStyle();
  const float pad = st.FramePadding.x;
  const float full = ImGui::GetContentRegionAvail().x;
  const float width = full - indent;
  const float wrap = width - 2 * pad - 4;
  ImFont* bold = theme::HeadingFont(3);
  const ImVec2 title_size =
      title.empty() ? ImVec2(0, 0) : bold->CalcTextSizeA(bold->FontSize * ImGui::GetIO().FontGlobalScale, FLT_MAX, wrap, title.c_str());
  const ImVec2 text_size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
  const float gap = title.empty() ? 0.0f : st.ItemInnerSpacing.y;
  const float height = title_size.y + gap + text_size.y + 2 * st.FramePadding.y;
  ImVec2 p = ImGui::GetCursorScreenPos();
  p.x += indent;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + height), ToneFill(tone), st.FrameRounding);
  dl->AddRectFilled(p, ImVec2(p.x + 4, p.y + height), ToneEdge(tone), st.FrameRounding, ImDrawFlags_RoundCornersLeft);
  float y = p.y + st.FramePadding.y;
  if (!title.empty()) {
    dl->AddText(bold, bold->FontSize * ImGui::GetIO().FontGlobalScale, ImVec2(p.x + pad + 4, y),
                ImGui::GetColorU32(theme::Colors().heading), title.c_str(), nullptr, wrap);
    y += title_size.y + gap;
  }
  dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + pad + 4, y), ImGui::GetColorU32(ImGuiCol_Text),
              text.c_str(), nullptr, wrap);
  ImGui::SetCursorScreenPos(ImVec2(p.x - indent, p.y));
  ImGui::Dummy(ImVec2(full, height));
  if (!semantic) return;
  const bool colon = !title.empty() && title.back() == ':';
  view::SemanticNode& n = Push(view::Role::Text, title.empty() ? text : title + (colon ? " " : ": ") + text);
  n.rect.x += indent;
  n.rect.width -= indent;
}

bool Card(const std::string& text, view::Role role, bool selected, bool disabled, Tone tone) {
  const ImGuiStyle& st = ImGui::GetStyle();
  const theme::Palette& c = theme::Colors();
  const float width = ImGui::GetContentRegionAvail().x;
  const bool marked = role == view::Role::Radio || role == view::Role::Checkbox;
  const float mark = marked ? ImGui::GetFontSize() + st.ItemInnerSpacing.x : 0.0f;
  const float wrap = width - 2 * st.FramePadding.x - mark;
  const ImVec2 text_size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
  const ImVec2 size(width, text_size.y + 2 * st.FramePadding.y + 4);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::PushID(text.c_str());
  if (disabled) ImGui::BeginDisabled();
  bool pressed = ImGui::InvisibleButton("##card", size);
  if (disabled) ImGui::EndDisabled();
  const ImGuiID id = ImGui::GetItemID();
  ImGui::PopID();
  const bool hovered = ImGui::IsItemHovered() && !disabled;
  if (!disabled && TakeActivation(id)) pressed = true;

  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImU32 fill = ImGui::GetColorU32(selected || hovered ? c.phrase_bg : c.surface);
  ImU32 edge = ImGui::GetColorU32(selected ? c.accent : c.border);
  if (tone == Tone::Good) edge = ImGui::GetColorU32(c.good);
  if (tone == Tone::Bad) edge = ImGui::GetColorU32(c.bad);
  const float thick = selected || tone == Tone::Good || tone == Tone::Bad ? 2.5f : 1.0f;
  dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), fill, st.FrameRounding);
  dl->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), edge, st.FrameRounding, 0, thick);
  float x = p.x + st.FramePadding.x;
  const float y = p.y + st.FramePadding.y + 2;
  if (role == view::Role::Radio) {
    const float r = ImGui::GetFontSize() * 0.42f;
    const ImVec2 centre(x + r, y + ImGui::GetFontSize() * 0.5f);
    dl->AddCircle(centre, r, ImGui::GetColorU32(c.text), 20, 1.5f);
    if (selected) dl->AddCircleFilled(centre, r * 0.55f, ImGui::GetColorU32(c.accent), 20);
    x += mark;
  } else if (role == view::Role::Checkbox) {
    const float side = ImGui::GetFontSize() * 0.84f;
    const ImVec2 a(x, y + ImGui::GetFontSize() * 0.08f);
    dl->AddRect(a, ImVec2(a.x + side, a.y + side), ImGui::GetColorU32(c.text), 3.0f, 0, 1.5f);
    if (selected) {
      const float k = side / 6.0f;
      dl->AddRectFilled(ImVec2(a.x + k, a.y + k), ImVec2(a.x + side - k, a.y + side - k),
                        ImGui::GetColorU32(c.accent), 2.0f);
    }
    x += mark;
  }
  // Full-contrast text even when locked (after an answer): the border tone carries the state.
  dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(x, y), ImGui::GetColorU32(c.text), text.c_str(),
              nullptr, wrap);
  // InvisibleButton draws no keyboard focus ring: draw ImGui's (theme focus colour, >= 3:1).
  ImGui::RenderNavHighlight(ImRect(p, ImVec2(p.x + size.x, p.y + size.y)), id);
  view::SemanticNode& n = Push(role, text);
  if (marked) n.checked = selected ? 1 : 0;
  Interactive(n, id, disabled);
  return pressed && !disabled;
}

int Choice(const std::string& name, const std::string& current, const std::vector<std::string>& options,
           int selected, bool disabled) {
  int picked = -1;
  ImGui::PushID(name.c_str());
  const ImGuiID id = ImGui::GetID("##choice");   // as BeginCombo names its field
  const bool activated = !disabled && TakeActivation(id);
  const int chosen_in_dom = disabled ? -1 : TakeChoice(id, options.size());   // the DOM layer's <select>
  if (chosen_in_dom >= 0) picked = chosen_in_dom;
  ImGui::SetNextItemWidth(-1.0f);
  // The list is as wide as the field, never wider than the screen; long options wrap.
  const float list_width = ImGui::GetContentRegionAvail().x;
  ImGui::SetNextWindowSizeConstraints(ImVec2(list_width, 0.0f), ImVec2(list_width, ImGui::GetIO().DisplaySize.y * 0.7f));
  // A chosen value too long for the field wraps inside a taller field (longer languages, phones):
  // never cut off. ImGui draws the frame and opens the list; the text and the arrow are drawn here.
  const ImVec2 pad = ImGui::GetStyle().FramePadding;
  const float arrow = ImGui::GetFrameHeight();
  const float room = list_width - arrow - 2 * pad.x;
  const bool wrap_value = ImGui::CalcTextSize(current.c_str()).x > room;
  const ImVec2 field_at = ImGui::GetCursorScreenPos();
  ImDrawList* field_dl = ImGui::GetWindowDrawList();
  const ImVec2 value_size = wrap_value ? ImGui::CalcTextSize(current.c_str(), nullptr, false, room) : ImVec2(0, 0);
  if (wrap_value) ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(pad.x, pad.y + (value_size.y - ImGui::GetFontSize()) * 0.5f));
  if (disabled) ImGui::BeginDisabled();
  const bool open = ImGui::BeginCombo("##choice", wrap_value ? "" : current.c_str(),
                                      ImGuiComboFlags_HeightLarge | (wrap_value ? ImGuiComboFlags_NoArrowButton : 0));
  if (disabled) ImGui::EndDisabled();
  if (wrap_value) {
    ImGui::PopStyleVar();
    const ImU32 ink = ImGui::GetColorU32(disabled ? ImGuiCol_TextDisabled : ImGuiCol_Text);
    field_dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(field_at.x + pad.x, field_at.y + pad.y), ink,
                      current.c_str(), nullptr, room);
    const float height = value_size.y + 2 * pad.y;
    ImGui::RenderArrow(field_dl, ImVec2(field_at.x + list_width - arrow + pad.y, field_at.y + (height - ImGui::GetFontSize()) * 0.5f),
                       ink, ImGuiDir_Down, 1.0f);
  }
  const size_t first_option = g_ctx->tree.nodes.size();
  bool picked_in_list = false;
  if (open) {
    // The app's own list (opened with the mouse, or Enter while the canvas has focus): its rows
    // are options in the tree, for the app's keyboard order and for tests; the DOM layer does not
    // show them (its <select> has the same choices).
    const std::string group = g_ctx->group;
    g_ctx->group = name;
    for (size_t i = 0; i < options.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      const float wrap = ImGui::GetContentRegionAvail().x;
      const ImVec2 text_size = ImGui::CalcTextSize(options[i].c_str(), nullptr, false, wrap);
      const ImVec2 at = ImGui::GetCursorScreenPos();
      bool chosen = ImGui::Selectable("##option", static_cast<int>(i) == selected, ImGuiSelectableFlags_None,
                                      ImVec2(0.0f, text_size.y));
      ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at,
                                          ImGui::GetColorU32(ImGuiCol_Text), options[i].c_str(), nullptr, wrap);
      const ImGuiID oid = ImGui::GetItemID();
      if (TakeActivation(oid)) chosen = true;
      view::SemanticNode& o = Push(view::Role::Option, options[i]);
      o.checked = static_cast<int>(i) == selected ? 1 : 0;
      Interactive(o, oid, false);
      if (chosen) {
        picked = static_cast<int>(i);
        picked_in_list = true;
      }
      ImGui::PopID();
    }
    if (picked >= 0) ImGui::CloseCurrentPopup();   // chosen here, or in the <select> meanwhile
    g_ctx->group = group;
    ImGui::EndCombo();   // End() makes the combo's field the last item again
  }
  // Chosen in the list: focus goes back to the field (as after a native drop-down), so the app's
  // focus and the DOM layer's stay on the same control.
  if (picked_in_list) ImGui::SetFocusID(id, ImGui::GetCurrentWindow());
  view::SemanticNode& n = Push(view::Role::Combobox, name);
  n.value = current;
  n.options = options;
  n.selected = selected;
  n.expanded = open;
  Interactive(n, id, disabled);
  // The field comes before its open list, in reading (and Tab) order.
  std::rotate(g_ctx->tree.nodes.begin() + static_cast<std::ptrdiff_t>(first_option), g_ctx->tree.nodes.end() - 1,
              g_ctx->tree.nodes.end());
  if (activated && !open) ImGui::OpenPopupEx(ImHashStr("##ComboPopup", 0, id));   // as BeginCombo names it
  ImGui::PopID();
  return picked;
}

void Gap(float lines) { ImGui::Dummy(ImVec2(1.0f, ImGui::GetFontSize() * lines)); }

}  // namespace granice::ui
