#include <algorithm>
#include <utility>

#include "app/app_state.h"
#include "app/screens/screens.h"
#include "app/theme.h"
#include "app/view/focus_order.h"
#include "app/view/strings.h"
#include "imgui.h"
#include "imgui_internal.h"

namespace granice::app {

using view::Page;

void StartSession(AppState& app, CourseState state) {
  const Course& course = *app.course;
  std::function<std::int64_t()> now = app.hooks.now ? app.hooks.now : [] { return std::int64_t{0}; };
  app.session = std::make_unique<view::CourseSession>(course, std::move(state), now);
  app.session->on_change = [&app] {
    if (app.persistence && app.course) app.persistence->Save(*app.course, app.session->state());
  };
  app.session->announce = [&app](const std::string& text) { app.ui.tree.announcement = text; };
  if (!app.session->state().learner_name.empty()) app.session->Restore(app.session->state());
}

namespace {

// [SECTION] Keyboard: Tab order over every control, Enter activates, Esc goes back
void HandleKeyboard(AppState& app, const view::SemanticTree& last_frame) {
  const ImGuiIO& io = ImGui::GetIO();
  std::string focused;
  view::Role focused_role = view::Role::Text;
  for (const view::SemanticNode& n : last_frame.nodes)
    if (n.focused) {
      focused = n.id;
      focused_role = n.role;
    }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Tab))) {
    app.ui.focus_request = view::NextFocus(view::TabStops(last_frame), focused, io.KeyShift);
  }
  const bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
                     ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter));
  if (enter && !focused.empty() && focused_role != view::Role::Textbox) app.ui.pending_activation = focused;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    // Esc with a drop-down list open closes the list (ImGui did so already this frame), and only that.
    const bool list_open = std::any_of(last_frame.nodes.begin(), last_frame.nodes.end(),
                                       [](const view::SemanticNode& n) { return n.expanded; });
    if (!list_open) HandleEscape(app);
  }
}

std::string PageKey(const view::CourseSession& s) {
  std::string key = view::PageName(s.page());
  if (const Module* m = s.module()) key += ":" + m->id;
  if (s.page() == Page::Lesson) key += ":" + std::to_string(s.lesson_page());
  if (s.page() == Page::Quiz && s.quiz()) key += ":" + std::to_string(s.quiz()->index());
  return key;
}

void DrawPage(AppState& app) {
  if (!app.course || !app.session) {
    DrawLoadError(app);
    return;
  }
  // Launch notices (damaged saved progress, storage off) are part of Home; the screen the learner
  // lands on first (the name prompt, or the resumed page) shows them too until they move on.
  const std::string key = PageKey(*app.session);
  if (app.first_page_key.empty()) app.first_page_key = key;
  if (!app.notices.empty() && key == app.first_page_key && app.session->page() != Page::Home)
    for (const std::string& notice : app.notices) ui::Callout(notice, ui::Tone::Bad);
  switch (app.session->page()) {
    case Page::NamePrompt: DrawNamePrompt(app); break;
    case Page::Home: DrawHome(app); break;
    case Page::Module: DrawModule(app); break;
    case Page::Lesson: DrawLesson(app); break;
    case Page::Quiz: DrawQuiz(app); break;
    case Page::QuizResults: DrawQuizResults(app); break;
    case Page::RolePlay: DrawRolePlay(app); break;
    case Page::Results: DrawResults(app); break;
    case Page::Certificate: DrawCertificate(app); break;
    case Page::Settings: DrawSettings(app); break;
  }
}

}  // namespace

void HandleEscape(AppState& app) {
  // A drop-down list open (the mouse opened it; Esc came through the DOM layer): close it, stay.
  if (ImGui::GetCurrentContext() && GImGui->OpenPopupStack.Size > 0) {
    ImGui::ClosePopupsOverWindow(nullptr, true);
    return;
  }
  if (app.trainer_open) {   // trainer view: Esc closes the open learner
    if (app.hooks.trainer_escape) app.hooks.trainer_escape();
    return;
  }
  if (!app.session) return;
  if (app.confirm_start_over) {
    app.confirm_start_over = false;
  } else {
    app.session->Back();
  }
}

void DrawApp(AppState& app) {
  if (app.theme_dirty) {
    theme::Apply(app.settings.theme, app.settings.text_scale);
    app.theme_dirty = false;
  }
  if (app.session && app.session->lang() != app.settings.lang) app.settings.lang = app.session->lang();
  const view::SemanticTree last_frame = app.ui.tree;
  const std::string announcement = app.ui.tree.announcement;
  ui::BeginFrame(app.ui, app.settings.lang);
  HandleKeyboard(app, last_frame);

  // One full-window layout. The window padding makes the content column: a readable line
  // length on wide screens, nearly the full width on phones.
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float scale = app.settings.text_scale;
  const float margin = vp->WorkSize.x < 600.0f ? 14.0f : 32.0f;
  const float max_width = 780.0f * scale;
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
  if (app.scroll_to_top) {
    ImGui::SetScrollY(0.0f);
    app.scroll_to_top = false;
  } else if (app.scroll_by != 0.0f) {
    ImGui::SetScrollY(ImGui::GetScrollY() + app.scroll_by);   // clamped by ImGui next frame
  }
  app.scroll_by = 0.0f;
  ImGui::PushTextWrapPos(0.0f);
  if (app.trainer_open && app.course && app.hooks.draw_trainer) {
    app.hooks.draw_trainer();
  } else {
    if (app.course && app.session) DrawTopBar(app);
    DrawPage(app);
  }
  ui::Gap(2.0f);
  ImGui::PopTextWrapPos();
  ImGui::PopItemFlag();
  ImGui::End();
  // Requests for widgets this frame did not draw are dropped (they would keep the loop busy).
  app.ui.pending_activation.clear();
  app.ui.focus_request.clear();
  app.ui.pending_text_id.clear();
  app.ui.pending_choice_id.clear();

  // Navigation: new page -> back to the top, and the screen reader hears the new heading.
  if (app.session) {
    const std::string key = PageKey(*app.session);
    if (key != app.last_page_key) {
      app.last_page_key = key;
      app.scroll_to_top = true;
      app.focus_heading = true;
      ImGui::GetCurrentContext()->NavId = 0;
    } else {
      app.focus_heading = false;
    }
  }
  if (app.ui.tree.announcement.empty() && !app.ui.activated_any && last_frame.title == app.ui.tree.title)
    app.ui.tree.announcement = announcement;   // keep it until something new replaces it
}

}  // namespace granice::app
