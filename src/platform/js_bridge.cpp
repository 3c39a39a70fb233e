#include "platform/js_bridge.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>

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
EM_JS(char*, granice_js_query_param, (const char* name), {
  var v = new URLSearchParams(location.search).get(UTF8ToString(name));
  if (v === null) return 0;
  return allocateUTF8(v);
});
EM_JS(char*, granice_js_browser_language, (), {
  return allocateUTF8(String(navigator.language || ""));
});
EM_JS(int, granice_js_prefers_reduced_motion, (), {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches ? 1 : 0;
});
EM_JS(int, granice_js_prefers_high_contrast, (), {
  if (typeof matchMedia !== 'function') return 0;
  return matchMedia('(forced-colors: active)').matches || matchMedia('(prefers-contrast: more)').matches ? 1 : 0;
});
EM_JS(char*, granice_js_storage_get, (const char* key), {
  try { var v = localStorage.getItem(UTF8ToString(key)); return v === null ? 0 : allocateUTF8(v); }
  catch (e) { return 0; }
});
EM_JS(int, granice_js_storage_set, (const char* key, const char* value), {
  try { localStorage.setItem(UTF8ToString(key), UTF8ToString(value)); return 1; } catch (e) { return 0; }
});
EM_JS(void, granice_js_download, (const char* name, const char* mime, const char* data, int size), {
  var bytes = HEAPU8.slice(data, data + size);
  window.granice._download(UTF8ToString(name), UTF8ToString(mime), bytes);
});
EM_JS(void, granice_js_certificate, (const char* name, const char* json), {
  window.granice._certificate(UTF8ToString(name), JSON.parse(UTF8ToString(json)));
});
// clang-format on

namespace granice::platform {

namespace {
std::string Take(char* p) {   // strings returned by allocateUTF8 (malloc) are ours to free
  if (!p) return {};
  std::string s(p);
  std::free(p);
  return s;
}
}  // namespace

void NotifyFirstFrame() { granice_js_first_frame(); }
void NotifySemanticsChanged() { granice_js_semantics_changed(); }
double DevicePixelRatio() { return emscripten_get_device_pixel_ratio(); }
void SetDocumentTitle(const char* title) { granice_js_set_title(title); }
double NowSeconds() { return emscripten_date_now() / 1000.0; }
std::string QueryParam(const char* name) { return Take(granice_js_query_param(name)); }
std::string BrowserLanguage() { return Take(granice_js_browser_language()); }
bool PrefersReducedMotion() { return granice_js_prefers_reduced_motion() != 0; }
bool PrefersHighContrast() { return granice_js_prefers_high_contrast() != 0; }
std::string LocalStorageGet(const char* key) { return Take(granice_js_storage_get(key)); }
bool LocalStorageSet(const char* key, const std::string& value) {
  return granice_js_storage_set(key, value.c_str()) != 0;
}
void DownloadFile(const std::string& filename, const std::string& mime, const std::string& data) {
  granice_js_download(filename.c_str(), mime.c_str(), data.data(), static_cast<int>(data.size()));
}
void DownloadCertificatePng(const std::string& filename, const std::string& json) {
  granice_js_certificate(filename.c_str(), json.c_str());
}

}  // namespace granice::platform
