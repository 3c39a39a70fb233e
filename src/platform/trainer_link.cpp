#include <emscripten.h>

#include "app/view/strings.h"
#include "platform/trainer_link.h"

// clang-format off
// The single-file build has no trainer page beside it: then there is no button.
EM_JS(int, granice_js_trainer_page_available, (), {
  return window.graniceInline ? 0 : 1;
});
// 1 when the page opened: a new tab, or (pop-ups blocked on a page of its own) this tab; 0 when
// pop-ups are blocked inside a frame (an LMS), where leaving would end the course's session.
EM_JS(int, granice_js_open_trainer_page, (const char* lang), {
  const url = 'trainer.html?lang=' + encodeURIComponent(UTF8ToString(lang));
  const tab = window.open(url, '_blank');
  if (tab) {
    tab.opener = null;
    return 1;
  }
  if (window.top === window) {
    location.assign(url);
    return 1;
  }
  return 0;
});
// clang-format on

namespace granice::platform {

void InstallTrainerLink(app::AppState& app) {
  if (!granice_js_trainer_page_available()) return;
  app.hooks.open_trainer = [&app] {
    if (granice_js_open_trainer_page(app.settings.lang.c_str())) return;
    const std::string notice(view::StrName(view::Str::NoticeTrainerBlocked));
    if (app.notices.empty() || app.notices.back() != notice) app.notices.push_back(notice);
  };
}

}  // namespace granice::platform
