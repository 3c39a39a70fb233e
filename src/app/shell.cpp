#include "app/shell.h"

#include <algorithm>
#include <cmath>

#include "app/theme.h"
#include "app/view/focus_order.h"
#include "imgui.h"
#include "imgui_internal.h"

namespace granice::app {

namespace {

// [SECTION] Keyboard: Tab order over every control, Enter activates, Esc goes back
void HandleKeyboard(Shell& shell, const view::SemanticTree& last_frame, const std::function<void()>& escape) {
  const ImGuiIO& io = ImGui::GetIO();
  std::string focused;
  view::Role focused_role = view::Role::Text;
  for (const view::SemanticNode& n : last_frame.nodes)
    if (n.focused) {
      focused = n.id;
      focused_role = n.role;
    }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Tab))) {
    shell.ui.focus_request = view::NextFocus(view::TabStops(last_frame), focused, io.KeyShift);
  }
  const bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
                     ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter));
  if (enter && !focused.empty() && focused_role != view::Role::Textbox) shell.ui.pending_activation = focused;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    // Esc with a drop-down list open closes the list (ImGui did so already this frame), and only that.
    const bool list_open = std::any_of(last_frame.nodes.begin(), last_frame.nodes.end(),
                                       [](const view::SemanticNode& n) { return n.expanded; });
    if (!list_open) escape();
  }
}

}  // namespace

// [SECTION] Touch: drag, flick, pinch
float Fling::Step(float dt) {
  if (!active()) return 0.0f;
  dt = std::clamp(dt, 0.0f, 1.0f / 30.0f);
  constexpr float kTau = 0.4995f;   // seconds: 0.998 per ms
  const float decay = std::exp(-dt / kTau);
  const float distance = velocity * kTau * (1.0f - decay);
  velocity *= decay;
  if (std::fabs(velocity) < 20.0f) velocity = 0.0f;   // slow enough: stopped
  return distance;
}

float ScrollRoom(const Shell& shell, float dy) {
  const float from = std::clamp(shell.scroll_y + shell.scroll_by, 0.0f, shell.scroll_max);
  return std::clamp(from + dy, 0.0f, shell.scroll_max) - from;
}

void FlingFrame(Shell& shell, float dt) {
  if (!shell.fling.active()) return;
  const float step = shell.fling.Step(dt);
  const float room = ScrollRoom(shell, step);
  shell.scroll_by += room;
  if (std::fabs(room - step) > 0.01f) shell.fling = {};   // an end stop (not float rounding)
}

bool TouchScroll(Shell& shell, float dy) {
  shell.fling = {};   // a finger on the page stops a flick
  if (!std::isfinite(dy)) return false;
  const float room = ScrollRoom(shell, dy);
  if (room == 0.0f) return false;
  shell.scroll_by += room;
  return true;
}

bool TouchFling(Shell& shell, float velocity) {
  shell.fling = {};
  if (!std::isfinite(velocity) || ScrollRoom(shell, velocity > 0 ? 1.0f : -1.0f) == 0.0f) return false;
  shell.fling.velocity = std::clamp(velocity, -8000.0f, 8000.0f);
  return true;
}

bool PinchTextScale(Shell& shell, float start_scale, float ratio) {
  if (!std::isfinite(ratio) || ratio <= 0.0f) return false;
  const float want = start_scale * ratio;
  float best = kTextScales[0];
  for (float s : kTextScales)
    if (std::fabs(s - want) < std::fabs(best - want)) best = s;
  if (best == shell.settings.text_scale) return false;
  shell.settings.text_scale = best;
  shell.theme_dirty = true;
  return true;
}

// [SECTION] The bottom bar of narrow screens
namespace {
constexpr float kNarrow = 600.0f;   // CSS px: a phone's width (smaller margins, the bottom bar)
bool NarrowScreen() { return ImGui::GetMainViewport()->WorkSize.x < kNarrow; }

void DrawBottomBar(Shell& shell) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float scale = shell.settings.text_scale;
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y), ImGuiCond_Always, ImVec2(0.0f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, 0.0f));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_AlwaysAutoResize;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14.0f, 10.0f * scale));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, theme::Colors().surface);
  ImGui::Begin("##bottom-bar", nullptr, flags);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
  ImGui::PushItemFlag(ImGuiItemFlags_NoTabStop, true);   // our own Tab order, as in the page
  shell.ui.bottom_inset = 0.0f;                           // the bar's own buttons are not under it
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p = ImGui::GetWindowPos();
  dl->AddLine(p, ImVec2(p.x + ImGui::GetWindowWidth(), p.y), ImGui::GetColorU32(theme::Colors().border), 1.0f);
  shell.bottom_bar();
  ImGui::PopItemFlag();
  shell.bottom_bar_height = ImGui::GetWindowHeight();
  ImGui::End();
}
}  // namespace

void PinToBottom(Shell& shell, const std::function<void()>& buttons) {
  if (NarrowScreen()) {
    shell.bottom_bar = buttons;
    return;
  }
  ui::Gap(0.5f);
  ImGui::Separator();
  buttons();
}

bool ClosePopup() {
  if (!ImGui::GetCurrentContext() || GImGui->OpenPopupStack.Size == 0) return false;
  ImGui::ClosePopupsOverWindow(nullptr, true);
  return true;
}

bool HasPendingInput(const Shell& shell) {
  const ui::Context& u = shell.ui;
  return !u.pending_activation.empty() || !u.focus_request.empty() || !u.pending_text_id.empty() ||
         !u.pending_choice_id.empty() || shell.scroll_by != 0.0f || shell.theme_dirty || shell.fling.active() ||
         u.animating;
}

void DrawFrame(Shell& shell, const std::function<void()>& body, const std::function<void()>& escape) {
  if (shell.theme_dirty) {
    theme::Apply(shell.settings.theme, shell.settings.text_scale, shell.settings.coarse_pointer);
    shell.theme_dirty = false;
  }
  if (!shell.ui.focus_visible) GImGui->NavDisableHighlight = true;   // no ring after a click or a tap
  FlingFrame(shell, ImGui::GetIO().DeltaTime);
  const view::SemanticTree last_frame = shell.ui.tree;
  const std::string announcement = shell.ui.tree.announcement;
  shell.ui.reduced_motion = shell.settings.reduced_motion;
  ui::BeginFrame(shell.ui, shell.settings.lang);
  shell.ui.bottom_inset = shell.bottom_bar_height;
  HandleKeyboard(shell, last_frame, escape);

  // One full-window layout. The window padding makes the content column: a readable line
  // length on wide screens, nearly the full width on phones.
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float scale = shell.settings.text_scale;
  const float margin = NarrowScreen() ? 14.0f : 32.0f;
  const float max_width = shell.max_width * scale;
  const float pad_x = vp->WorkSize.x - 2 * margin > max_width ? (vp->WorkSize.x - max_width) * 0.5f : margin;
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad_x, 16.0f * scale));
  ImGui::Begin("##granice", nullptr, flags);
  ImGui::PopStyleVar();
  ImGui::PushItemFlag(ImGuiItemFlags_NoTabStop, true);   // our own Tab order (HandleKeyboard)
  shell.scroll_y = ImGui::GetScrollY();
  if (shell.scroll_to_top) {
    ImGui::SetScrollY(0.0f);
    shell.scroll_to_top = false;
    shell.scroll_y = 0.0f;
    shell.fling = {};
  } else if (shell.scroll_by != 0.0f) {
    shell.scroll_y = std::clamp(shell.scroll_y + shell.scroll_by, 0.0f, ImGui::GetScrollMaxY());
    ImGui::SetScrollY(shell.scroll_y);   // clamped by ImGui next frame
  }
  shell.scroll_by = 0.0f;
  ImGui::PushTextWrapPos(0.0f);
  body();
  ui::Gap(2.0f);
  if (shell.bottom_bar) ImGui::Dummy(ImVec2(1.0f, shell.bottom_bar_height));   // the last lines scroll clear of the bar
  shell.scroll_max = ImGui::GetScrollMaxY();
  shell.ui.tree.focus_ring = !GImGui->NavDisableHighlight && GImGui->NavId != 0;
  ImGui::PopTextWrapPos();
  ImGui::PopItemFlag();
  ImGui::End();
  if (shell.bottom_bar) {
    DrawBottomBar(shell);
    shell.bottom_bar = nullptr;
  } else {
    shell.bottom_bar_height = 0.0f;
  }
  // Requests for widgets this frame did not draw are dropped (they would keep the loop busy).
  shell.ui.pending_activation.clear();
  shell.ui.focus_request.clear();
  shell.ui.pending_text_id.clear();
  shell.ui.pending_choice_id.clear();
  if (shell.ui.tree.announcement.empty() && !shell.ui.activated_any && last_frame.title == shell.ui.tree.title)
    shell.ui.tree.announcement = announcement;   // keep it until something new replaces it
}

}  // namespace granice::app
