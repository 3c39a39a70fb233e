#include <utility>

#include "app/app_state.h"
#include "app/screens/screens.h"
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

constexpr float kMapWidth = 1100.0f;   // Home and Results: two columns of cards on a wide screen

void DrawPage(AppState& app) {
  if (app.waiting_for_content) return;
  if (!app.course || !app.session) {
    DrawLoadError(app, app.load_errors);
    return;
  }
  // Launch notices (damaged saved progress, storage off) are part of Home; the screen the learner
  // lands on first (the name prompt, or the resumed page) shows them too until they move on.
  const std::string key = app.session->Location();
  if (app.first_page_key.empty()) app.first_page_key = key;
  if (!app.notices.empty() && key == app.first_page_key && app.session->page() != Page::Home)
    for (const std::string& notice : app.notices) ui::Callout(view::NoticeText(app.session->lang(), notice), ui::Tone::Bad);
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
  if (ClosePopup()) return;
  if (!app.session) return;
  if (app.confirm_start_over) {
    app.confirm_start_over = false;
  } else {
    app.session->Back();
  }
}

void DrawApp(AppState& app) {
  if (app.session && app.session->lang() != app.settings.lang) app.settings.lang = app.session->lang();
  const bool map = app.session && (app.session->page() == Page::Home || app.session->page() == Page::Results);
  app.max_width = map ? kMapWidth : Shell::kReadableWidth;
  DrawFrame(
      app,
      [&app] {
        if (app.course && app.session) DrawTopBar(app);
        DrawPage(app);
      },
      [&app] { HandleEscape(app); });

  // Navigation: new page -> back to the top, and the screen reader hears the new heading.
  if (app.session) {
    const std::string key = app.session->Location();
    if (key != app.last_page_key) {
      app.last_page_key = key;
      app.scroll_to_top = true;
      app.focus_heading = true;
      ImGui::GetCurrentContext()->NavId = 0;
    } else {
      app.focus_heading = false;
    }
  }
}

void CourseFrontEnd::AddTime(double seconds) {
  if (app_.session) app_.session->AddTime(seconds);
}

void CourseFrontEnd::SettingsChanged() {
  if (app_.hooks.save_settings) app_.hooks.save_settings(app_.settings);
}

std::string CourseFrontEnd::Location() const { return app_.session ? app_.session->Location() : std::string(); }

bool CourseFrontEnd::Navigate(const std::string& key) { return app_.session && app_.session->Navigate(key); }

}  // namespace granice::app
