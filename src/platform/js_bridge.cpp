#include "platform/js_bridge.h"

#include <emscripten.h>
#include <emscripten/html5.h>

// clang-format off
EM_JS(void, granice_js_first_frame, (), {
  if (typeof window !== 'undefined' && window.granice && window.granice._firstFrame) window.granice._firstFrame();
});
EM_JS(void, granice_js_semantics_changed, (), {
  if (typeof window !== 'undefined' && window.granice && window.granice._semanticsChanged) window.granice._semanticsChanged();
});
EM_JS(void, granice_js_set_title, (const char* title), {
  if (typeof document !== 'undefined') document.title = UTF8ToString(title);
});
// clang-format on

namespace granice::platform {

void NotifyFirstFrame() { granice_js_first_frame(); }
void NotifySemanticsChanged() { granice_js_semantics_changed(); }
double DevicePixelRatio() { return emscripten_get_device_pixel_ratio(); }
void SetDocumentTitle(const char* title) { granice_js_set_title(title); }

}  // namespace granice::platform
