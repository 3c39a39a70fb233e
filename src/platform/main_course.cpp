// The course page (index.html, app.wasm): the course front end on the web runner, its progress
// kept by the LMS (SCORM 1.2 / 2004) or the browser's local storage.
#include <nlohmann/json.hpp>

#include <memory>

#include "app/app_state.h"
#include "platform/js_bridge.h"
#include "platform/launch.h"
#include "platform/persistence_select.h"
#include "platform/trainer_link.h"
#include "platform/web_runner.h"

int main() {
  using namespace granice;
  // Static: the browser's loop outlives main() (emscripten_set_main_loop unwinds its stack).
  static platform::WebRunner runner;
  if (!runner.ok()) return 1;
  static app::AppState app;
  app.hooks.now = [] { return runner.Now(); };
  app.hooks.save_settings = [](const app::Settings& s) { platform::SaveSettings(s, runner); };
  app.hooks.download = [](const std::string& name, const std::string& mime, const std::string& data) {
    platform::DownloadFile(name, mime, data);
  };
  app.hooks.download_certificate = [](const view::CertificateLayout& layout) {
    platform::DownloadCertificatePng("granice-certificate.png", layout.ToJson());
  };
  static std::unique_ptr<app::Persistence> persistence = platform::CreatePersistence();   // LMS or local storage
  app.persistence = persistence.get();
  platform::InstallTrainerLink(app);
  platform::Launch(app, runner);
  static app::CourseFrontEnd front(app);
  runner.Run(front);
  return 0;
}
