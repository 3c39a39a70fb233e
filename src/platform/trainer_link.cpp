// The course page's side of the trainer view, which is a page of its own (trainer.html, with its
// own wasm): Home's "Trainer view" opens it in a new tab, so the course (and its LMS session)
// stays where it is. See trainer_bridge.h.
#include <emscripten.h>

#include "platform/trainer_bridge.h"

// clang-format off
// The single-file build has no trainer page beside it: then there is no button.
EM_JS(int, granice_js_trainer_page_available, (), {
  return window.graniceInline ? 0 : 1;
});
EM_JS(void, granice_js_open_trainer_page, (const char* lang), {
  window.open('trainer.html?lang=' + encodeURIComponent(UTF8ToString(lang)), '_blank', 'noopener');
});
// clang-format on

namespace granice::platform {

void InstallTrainerBridge(app::AppState& app) {
  if (!granice_js_trainer_page_available()) return;
  app.hooks.open_trainer = [&app] { granice_js_open_trainer_page(app.settings.lang.c_str()); };
}

}  // namespace granice::platform
