// All state of the running app in one explicit struct: the screens read and change it,
// the platform owns it. Nothing here knows about the browser.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/persistence.h"
#include "app/shell.h"
#include "app/view/certificate.h"
#include "app/view/course_session.h"
#include "core/content/model.h"

namespace granice::app {

// What the screens ask of the platform (downloads, remembering settings).
struct PlatformHooks {
  std::function<void(const std::string& filename, const std::string& mime, const std::string& data)> download;
  std::function<void(const view::CertificateLayout&)> download_certificate;   // as a PNG
  std::function<void(const Settings&)> save_settings;
  std::function<std::int64_t()> now;    // seconds since the epoch
  // The trainer view is a front end of its own (src/trainer, the trainer page): Home's button
  // opens that page, so learners never download its code.
  std::function<void()> open_trainer;   // Home's "Trainer view"; unset: no button (single file)
  // The course's texts in a language it does not have yet (one pack per language on the web):
  // fetched, and the platform switches the session to it once they are there.
  std::function<void(const std::string& lang)> load_language;
};

struct AppState : Shell {
  std::optional<Course> course;         // loaded once at start; later languages add their texts
  bool waiting_for_content = false;     // the first language pack is on its way: nothing to draw yet
  std::vector<std::string> load_errors; // shown instead of the course when loading failed
  std::unique_ptr<view::CourseSession> session;
  Persistence* persistence = nullptr;
  PlatformHooks hooks;
  std::vector<std::string> notices;     // launch messages (e.g. damaged saved progress)
  bool lms_review = false;              // nothing is recorded (LMS review mode, or the learner chose to review)
  std::optional<LaunchData::FinishedBefore> finished_before;  // asked on Home until the learner chooses
  std::string name_input;               // the name prompt's text box
  bool confirm_start_over = false;
  std::string last_page_key;            // to move focus / announce on navigation
  std::string first_page_key;           // the page shown at launch (launch notices stay there)
  bool focus_heading = false;           // move keyboard focus to the new screen's heading
};

// Wires the session to persistence and announcements; call once after loading.
void StartSession(AppState& app, CourseState state);
// Draws one frame of the whole app (a full-window layout, no floating windows).
void DrawApp(AppState& app);
// What Esc does: closes an open drop-down, else the start-over question, else goes back one screen.
void HandleEscape(AppState& app);

// The course as a front end for a runner (platform/main_course.cpp, runner/headless.h).
class CourseFrontEnd final : public FrontEnd {
 public:
  explicit CourseFrontEnd(AppState& app) : app_(app) {}
  Shell& shell() override { return app_; }
  void Frame() override { DrawApp(app_); }
  void Escape() override { HandleEscape(app_); }
  void AddTime(double seconds) override;
  void SettingsChanged() override;
  std::string Location() const override;
  bool Navigate(const std::string& key) override;
  bool Ready() const override { return !app_.waiting_for_content; }

 private:
  AppState& app_;
};

}  // namespace granice::app
