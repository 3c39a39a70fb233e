// All state of the running app in one explicit struct: the screens read and change it,
// the platform owns it. Nothing here knows about the browser.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/persistence.h"
#include "app/ui.h"
#include "app/view/course_session.h"
#include "app/view/palette.h"
#include "core/content/model.h"

namespace granice::view {
class TrainerModel;
}

namespace granice::app {

struct Settings {
  std::string lang = "pl";
  float text_scale = 1.0f;              // 1.0 .. 2.0
  view::ThemeId theme = view::ThemeId::Light;
  bool reduced_motion = false;
};

struct CertificateData {
  std::string title, learner, course, date, score, body;
};

// What the screens ask of the platform (downloads, remembering settings).
struct PlatformHooks {
  std::function<void(const std::string& filename, const std::string& mime, const std::string& data)> download;
  std::function<void(const CertificateData&)> download_certificate;
  std::function<void(const Settings&)> save_settings;
  std::function<std::int64_t()> now;    // seconds since the epoch
  std::function<void()> open_files;     // trainer view: the browser's file picker for record files
  // The trainer view is linked only into the trainer page's build (src/platform/trainer_bridge.cpp);
  // the course page's build opens that page instead, so learners never download its code.
  std::function<void()> open_trainer;   // Home's "Trainer view"; unset: no button (single file)
  std::function<void()> draw_trainer;   // draws the trainer view (trainer build only)
  std::function<void()> trainer_escape; // what Esc does there
};

struct AppState {
  std::optional<Course> course;         // loaded once at start
  std::vector<std::string> load_errors; // shown instead of the course when loading failed
  std::unique_ptr<view::CourseSession> session;
  Persistence* persistence = nullptr;
  PlatformHooks hooks;
  Settings settings;
  ui::Context ui;
  std::vector<std::string> notices;     // launch messages (e.g. damaged saved progress)
  bool lms_review = false;              // nothing is recorded (LMS review mode, or the learner chose to review)
  std::optional<LaunchData::FinishedBefore> finished_before;  // asked on Home until the learner chooses
  std::string name_input;               // the name prompt's text box
  bool confirm_start_over = false;
  bool theme_dirty = true;
  std::string last_page_key;            // to move focus / announce on navigation
  std::string first_page_key;           // the page shown at launch (launch notices stay there)
  bool focus_heading = false;           // move keyboard focus to the new screen's heading
  bool scroll_to_top = false;
  // Trainer review: opened records (made on first use). Shared, so its deleter comes from where it
  // is made and a build without the trainer view never links TrainerModel.
  std::shared_ptr<view::TrainerModel> trainer;
  bool trainer_open = false;            // draw DrawTrainer instead of the learner's pages
  float scroll_by = 0.0f;               // CSS px to scroll the page by (keys pressed in the DOM layer)
};

// Wires the session to persistence and announcements; call once after loading.
void StartSession(AppState& app, CourseState state);
// Draws one frame of the whole app (a full-window layout, no floating windows).
void DrawApp(AppState& app);
// What Esc does: closes the start-over question, else goes back one screen.
void HandleEscape(AppState& app);

}  // namespace granice::app
