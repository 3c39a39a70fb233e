#include "platform/js_bridge.h"
#include "platform/persistence_select.h"

#include <emscripten.h>


namespace granice::platform {

// [SECTION] Choosing, and the active instance for page events
static PagePersistence* g_active = nullptr;

PagePersistence::PagePersistence() { g_active = this; }
PagePersistence::~PagePersistence() {
  if (g_active == this) g_active = nullptr;
}
PagePersistence* ActivePersistence() { return g_active; }

std::unique_ptr<app::Persistence> CreatePersistence() {
  if (std::unique_ptr<PagePersistence> cmi5 = CreateCmi5Persistence()) return cmi5;
  const int v = ScormFind();
  if (v == 12 || v == 2004) return CreateScormPersistence(v);
  return CreateLocalPersistence();
}

}  // namespace granice::platform

// [SECTION] Functions the page calls (web/scorm.js)
extern "C" {
EMSCRIPTEN_KEEPALIVE void granice_persist_page_event(int final_event) {
  using namespace granice::platform;
  if (PagePersistence* p = ActivePersistence()) {
    if (final_event) p->OnPageHide();
    else p->OnPageHidden();
  }
}
}
