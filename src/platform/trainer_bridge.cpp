#include "platform/trainer_bridge.h"

#include <emscripten.h>

#include <memory>
#include <string>
#include <string_view>

#include "app/screens/screens.h"
#include "app/view/trainer_model.h"

// clang-format off
EM_JS(void, granice_js_trainer_pick, (), {
  if (window.granice && window.granice.trainer) window.granice.trainer.pick();
});
// clang-format on

namespace granice::platform {

namespace {
app::AppState* g_app = nullptr;

view::TrainerModel* Trainer() {
  if (!g_app || !g_app->course) return nullptr;
  if (!g_app->trainer) g_app->trainer = std::make_shared<view::TrainerModel>(*g_app->course);
  return g_app->trainer.get();
}
}  // namespace

void InstallTrainerBridge(app::AppState& app) {
  g_app = &app;
  app.hooks.open_files = [] { granice_js_trainer_pick(); };
  app.hooks.open_trainer = [&app] { app.trainer_open = Trainer() != nullptr; };
  app.hooks.draw_trainer = [&app] { app::DrawTrainer(app); };
  app.hooks.trainer_escape = [&app] {
    if (app.trainer) app.trainer->CloseDetail();
  };
}

}  // namespace granice::platform

// [SECTION] Functions the page calls (web/trainer.js)
extern "C" {
// One file the trainer opened: its name and its bytes (not NUL-terminated; any content). The
// bytes are only ever parsed as JSON data; a bad file becomes an entry in the "files" list.
EMSCRIPTEN_KEEPALIVE void granice_trainer_add_file(const char* name, const char* data, int size) {
  granice::view::TrainerModel* t = granice::platform::Trainer();
  if (!t || !name || (!data && size > 0) || size < 0) return;
  t->AddFile(name, std::string_view(data ? data : "", static_cast<std::size_t>(size)));
  granice::platform::g_app->trainer_open = true;
}
// Shows the trainer view: web/trainer.js calls it when the trainer page has started.
EMSCRIPTEN_KEEPALIVE void granice_trainer_open() {
  if (granice::platform::Trainer()) granice::platform::g_app->trainer_open = true;
}
}
