// The trainer page (trainer.html, trainer-app.wasm): the trainer front end (src/trainer) on the
// web runner. The page hands record files over as bytes (web/trainer.js: file picker, drag and
// drop); they are only ever parsed as JSON data. No learner session, no LMS.
#include <emscripten.h>

#include <string>
#include <string_view>

#include "core/content/diagnostic.h"
#include "platform/embedded.h"
#include "platform/language_packs.h"
#include "platform/js_bridge.h"
#include "platform/launch.h"
#include "platform/web_runner.h"
#include "app/view/strings.h"
#include "trainer/trainer_app.h"

// clang-format off
EM_JS(void, granice_js_trainer_pick, (), {
  if (window.granice && window.granice.trainer) window.granice.trainer.pick();
});
EM_JS(void, granice_js_open_course, (const char* lang), {
  location.assign('index.html?lang=' + encodeURIComponent(UTF8ToString(lang)));
});
// clang-format on

namespace {
granice::trainer::TrainerState* g_trainer = nullptr;   // for the functions the page calls
}

int main() {
  using namespace granice;
  // Static: the browser's loop outlives main() (emscripten_set_main_loop unwinds its stack).
  static platform::WebRunner runner;
  if (!runner.ok()) return 1;
  static trainer::TrainerState t;
  g_trainer = &t;
  // The course the records belong to, from the first language pack that loads (the page picks the
  // language as the course page does); another language is not needed here.
  t.waiting_for_content = true;
  platform::ReceiveLanguagePacks([](const std::string& lang, std::string_view pack) {
    trainer::TrainerState& tr = *g_trainer;
    if (!tr.waiting_for_content) return false;
    LoadResult loaded = pack.empty() ? LoadResult{} : platform::LoadPackCourse(lang, pack);
    if (pack.empty() || (!loaded.ok() && loaded.diagnostics.front().file == platform::PackFileName(lang)))
      return false;   // missing or damaged: the page tries the next language
    tr.waiting_for_content = false;
    view::UseInterfaceStrings(loaded.course);
    std::vector<std::string> errors;
    for (const Diagnostic& d : loaded.diagnostics) errors.push_back(format_diagnostic(d));
    if (loaded.ok()) {
      platform::PageLanguage(loaded.course, tr.settings, runner);
      tr.settings.lang = lang;
      trainer::SetCourse(tr, std::move(loaded.course), {});
    } else {
      tr.settings.lang = lang;
      trainer::SetCourse(tr, std::nullopt, std::move(errors));
    }
    return true;
  });
  t.hooks.open_files = [] { granice_js_trainer_pick(); };
  t.hooks.download = [](const std::string& name, const std::string& mime, const std::string& data) {
    platform::DownloadFile(name, mime, data);
  };
  t.hooks.open_course = [] { granice_js_open_course(g_trainer->settings.lang.c_str()); };
  static trainer::TrainerFrontEnd front(t);
  runner.Run(front);
  return 0;
}

// [SECTION] Functions the page calls (web/trainer.js)
extern "C" {
// One file the trainer opened: its name and its bytes (not NUL-terminated; any content). The
// bytes are only ever parsed as JSON data; a bad file becomes an entry in the "files" list.
EMSCRIPTEN_KEEPALIVE void granice_trainer_add_file(const char* name, const char* data, int size) {
  if (!g_trainer || !g_trainer->model || !name || (!data && size > 0) || size < 0) return;
  g_trainer->model->AddFile(name, std::string_view(data ? data : "", static_cast<std::size_t>(size)));
}
}
