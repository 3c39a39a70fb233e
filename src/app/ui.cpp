#include "app/ui.h"

#include <cstdio>
#include <string>

#include "app/theme.h"
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

view::SemanticNode& Push(view::Role role, const std::string& name) {
  view::SemanticNode n;
  n.role = role;
  n.name = name;
  n.rect = LastItemRect();
  n.group = g_ctx->group;
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

void Interactive(view::SemanticNode& n, ImGuiID id, bool disabled) {
  n.id = IdString(id);
  n.disabled = disabled;
  n.focused = ImGui::IsItemFocused();
}

}  // namespace

void BeginFrame(Context& ctx, const std::string& lang) {
  g_ctx = &ctx;
  ctx.tree.Clear();
  ctx.tree.lang = lang;
  ctx.group.clear();
  ctx.activated_any = false;
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

bool Button(const std::string& label, ButtonKind kind, bool disabled, float width) {
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
  if (disabled) ImGui::BeginDisabled();
  bool pressed = ImGui::Button(label.c_str(), ImVec2(width, 0.0f));
  if (disabled) ImGui::EndDisabled();
  ImGui::PopStyleColor(colors);
  const ImGuiID id = ImGui::GetItemID();
  if (!disabled && TakeActivation(id)) pressed = true;
  Interactive(Push(view::Role::Button, label), id, disabled);
  return pressed && !disabled;
}

bool Link(const std::string& label) {
  ImGui::PushStyleColor(ImGuiCol_Text, theme::Colors().link);
  bool pressed = ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_None,
                                   ImGui::CalcTextSize(label.c_str()));
  ImGui::PopStyleColor();
  const ImGuiID id = ImGui::GetItemID();
  if (TakeActivation(id)) pressed = true;
  Interactive(Push(view::Role::Link, label), id, false);
  return pressed;
}

bool Radio(const std::string& label, bool selected, bool disabled) {
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

bool TextInput(const std::string& label, std::string& value, int max_bytes) {
  ImGui::TextUnformatted(label.c_str());
  ImGui::SetNextItemWidth(-1.0f);
  const std::string hidden = "##" + label;
  if (value.capacity() < static_cast<size_t>(max_bytes) + 1) value.reserve(static_cast<size_t>(max_bytes) + 1);
  const bool changed = ImGui::InputText(hidden.c_str(), value.data(), value.capacity() + 1,
                                        ImGuiInputTextFlags_CallbackResize, ResizeCallback, &value);
  if (value.size() > static_cast<size_t>(max_bytes)) value.resize(static_cast<size_t>(max_bytes));
  const ImGuiID id = ImGui::GetItemID();
  view::SemanticNode& n = Push(view::Role::Textbox, label);
  n.value = value;
  Interactive(n, id, false);
  if (TakeActivation(id)) ImGui::SetKeyboardFocusHere(-1);
  return changed;
}

void Progress(float fraction, const std::string& label) {
  ImGui::ProgressBar(fraction, ImVec2(-1.0f, 0.0f), label.c_str());
  view::SemanticNode& n = Push(view::Role::ProgressBar, label);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(fraction));
  n.value = buf;
}

void BeginGroup(const std::string& name) { g_ctx->group = name; }
void EndGroup() { g_ctx->group.clear(); }

}  // namespace granice::ui
