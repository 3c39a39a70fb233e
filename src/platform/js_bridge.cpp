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
EM_JS(char*, granice_js_page_language, (), {
  return allocateUTF8(String((window.granice && window.granice.language) || ""));
});
EM_JS(int, granice_js_prefers_reduced_motion, (), {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches ? 1 : 0;
});
EM_JS(int, granice_js_prefers_high_contrast, (), {
  if (typeof matchMedia !== 'function') return 0;
  return matchMedia('(forced-colors: active)').matches || matchMedia('(prefers-contrast: more)').matches ? 1 : 0;
});
EM_JS(int, granice_js_coarse_pointer, (), {
  return window.matchMedia && window.matchMedia('(pointer: coarse)').matches ? 1 : 0;
});
EM_JS(void, granice_js_download, (const char* name, const char* mime, const char* data, int size), {
  var bytes = HEAPU8.slice(data, data + size);
  window.granice._download(UTF8ToString(name), UTF8ToString(mime), bytes);
});
EM_JS(void, granice_js_certificate, (const char* name, const char* json), {
  window.granice._certificate(UTF8ToString(name), JSON.parse(UTF8ToString(json)));
});
EM_JS(int, granice_js_scorm_find, (), {
  return (window.graniceScorm && window.graniceScorm.find) ? window.graniceScorm.find() : 0;
});
EM_JS(char*, granice_js_scorm_call, (const char* method, const char* a, const char* b, int nargs, int* threw), {
  if (!window.graniceScorm) { HEAP32[threw >> 2] = 1; return 0; }
  var r = window.graniceScorm.call(UTF8ToString(method), nargs > 0 ? UTF8ToString(a) : undefined,
                                   nargs > 1 ? UTF8ToString(b) : undefined);
  HEAP32[threw >> 2] = r.threw ? 1 : 0;
  var s = String(r.value);
  var n = lengthBytesUTF8(s) + 1;
  var p = _malloc(n);
  stringToUTF8(s, p, n);
  return p;
});
EM_JS(char*, granice_js_scorm_where, (), {
  var s = (window.graniceScorm && window.graniceScorm.where) ? String(window.graniceScorm.where) : "";
  var n = lengthBytesUTF8(s) + 1;
  var p = _malloc(n);
  stringToUTF8(s, p, n);
  return p;
});
// Stored values can hold anything (a damaged or edited copy may contain NUL characters): they
// cross with their byte length, never as NUL-terminated strings, so nothing is cut short.
EM_JS(char*, granice_js_pstore_get, (const char* key, int* len), {
  var v = null;
  try { v = window.graniceScorm ? window.graniceScorm.storageGet(UTF8ToString(key)) : localStorage.getItem(UTF8ToString(key)); }
  catch (e) { v = null; }
  if (v === null || v === undefined) return 0;
  var n = lengthBytesUTF8(v) + 1;
  var p = _malloc(n);
  stringToUTF8(v, p, n);
  HEAP32[len >> 2] = n - 1;
  return p;
});
EM_JS(int, granice_js_pstore_set, (const char* key, const char* value, int len), {
  var text = new TextDecoder().decode(HEAPU8.subarray(value, value + len));
  try {
    if (window.graniceScorm) return window.graniceScorm.storageSet(UTF8ToString(key), text) ? 1 : 0;
    localStorage.setItem(UTF8ToString(key), text);
    return 1;
  } catch (e) { return 0; }
});
EM_JS(void, granice_js_pstore_remove, (const char* key), {
  if (window.graniceScorm) window.graniceScorm.storageRemove(UTF8ToString(key));
});
EM_JS(int, granice_js_pstore_available, (), {
  return (window.graniceScorm && window.graniceScorm.storageAvailable()) ? 1 : 0;
});
EM_JS(void, granice_js_log, (int level, const char* msg), {
  var m = UTF8ToString(msg);
  if (window.graniceScorm) window.graniceScorm.logLine(level, m); else console.warn(m);
});
EM_JS(char*, granice_js_cmi5_launch, (), {
  var c = window.graniceCmi5 || {};
  return allocateUTF8(JSON.stringify({ launch: c.launch || null, token: !!c.token, launchData: c.launchData === undefined ? null : c.launchData,
                                       preferences: c.preferences || "", state: c.state || "", error: c.error || "",
                                       sessionEnded: !!c.sessionEnded }));
});
EM_JS(void, granice_js_cmi5_send, (const char* statements), {
  if (window.graniceCmi5 && window.graniceCmi5.send) window.graniceCmi5.send(UTF8ToString(statements));
});
EM_JS(void, granice_js_cmi5_put_state, (const char* doc), {
  if (window.graniceCmi5 && window.graniceCmi5.putState) window.graniceCmi5.putState(UTF8ToString(doc));
});
EM_JS(void, granice_js_cmi5_flush, (), {
  if (window.graniceCmi5 && window.graniceCmi5.flush) window.graniceCmi5.flush();
});
EM_JS(void, granice_js_cmi5_exit, (const char* url), {
  if (window.graniceCmi5 && window.graniceCmi5.exit) window.graniceCmi5.exit(UTF8ToString(url));
});
EM_JS(void, granice_js_start_phase, (const char* phase, double ms), {
  var p = window.granice && window.granice.startPhases;
  if (p) p[UTF8ToString(phase)] = (p[UTF8ToString(phase)] || 0) + ms;
});
EM_JS(void, granice_js_font_language, (const char* lang), {
  if (window.granice) window.granice.fontLanguage = UTF8ToString(lang);
});
EM_JS(void, granice_js_packs_wanted, (), {
  if (window.granice && window.granice._packsWanted) window.granice._packsWanted();
});
EM_JS(void, granice_js_fetch_pack, (const char* lang), {
  if (window.granice && window.granice._fetchPack) window.granice._fetchPack(UTF8ToString(lang));
});
EM_JS(char*, granice_js_cmi5_last_error, (), {
  return allocateUTF8(String((window.graniceCmi5 && window.graniceCmi5.lastError) || ""));
});
// clang-format on

namespace granice::platform {

namespace {
std::string Take(char* p) {   // strings returned by allocateUTF8 / _malloc are ours to free
  if (!p) return {};
  std::string s(p);
  std::free(p);
  return s;
}
}  // namespace

// [SECTION] The page
void NotifyFirstFrame() { granice_js_first_frame(); }
void NotifySemanticsChanged() { granice_js_semantics_changed(); }
double DevicePixelRatio() { return emscripten_get_device_pixel_ratio(); }
void SetDocumentTitle(const char* title) { granice_js_set_title(title); }
double NowSeconds() { return emscripten_date_now() / 1000.0; }
std::string QueryParam(const char* name) { return Take(granice_js_query_param(name)); }
std::string PageLanguageChoice() { return Take(granice_js_page_language()); }
bool PrefersReducedMotion() { return granice_js_prefers_reduced_motion() != 0; }
bool PrefersHighContrast() { return granice_js_prefers_high_contrast() != 0; }
bool CoarsePointer() { return granice_js_coarse_pointer() != 0; }
void DownloadFile(const std::string& filename, const std::string& mime, const std::string& data) {
  granice_js_download(filename.c_str(), mime.c_str(), data.data(), static_cast<int>(data.size()));
}
void DownloadCertificatePng(const std::string& filename, const std::string& json) {
  granice_js_certificate(filename.c_str(), json.c_str());
}

// [SECTION] The course's language packs (web/granice.js fetches them)
void NoteStartPhase(const char* phase, double ms) { granice_js_start_phase(phase, ms); }
double NowMs() { return emscripten_get_now(); }
void NoteFontLanguage(const std::string& lang) { granice_js_font_language(lang.c_str()); }
void PacksWanted() { granice_js_packs_wanted(); }
void FetchPack(const std::string& lang) { granice_js_fetch_pack(lang.c_str()); }

// [SECTION] Local storage
std::optional<std::string> StorageGet(const std::string& key) {
  int len = 0;
  char* p = granice_js_pstore_get(key.c_str(), &len);
  if (!p) return std::nullopt;
  std::string s(p, static_cast<std::size_t>(len < 0 ? 0 : len));
  std::free(p);
  return s;
}
bool StorageSet(const std::string& key, const std::string& value) {
  return granice_js_pstore_set(key.c_str(), value.data(), static_cast<int>(value.size())) != 0;
}
void StorageRemove(const std::string& key) { granice_js_pstore_remove(key.c_str()); }
bool StorageAvailable() { return granice_js_pstore_available() != 0; }

// [SECTION] The LMS, the console, timers
int ScormFind() { return granice_js_scorm_find(); }
std::string ScormCall(const char* method, const char* a, const char* b, bool* threw) {
  int t = 0;
  const int nargs = b ? 2 : a ? 1 : 0;
  std::string r = Take(granice_js_scorm_call(method, a ? a : "", b ? b : "", nargs, &t));
  if (threw) *threw = t != 0;
  return r;
}
std::string ScormApiDescription() { return Take(granice_js_scorm_where()); }
void Log(int level, const std::string& message) { granice_js_log(level, message.c_str()); }
void ScheduleRetry(int milliseconds, void (*fn)(void*), void* arg) { emscripten_async_call(fn, arg, milliseconds); }

// [SECTION] cmi5
std::string Cmi5LaunchJson() { return Take(granice_js_cmi5_launch()); }
void Cmi5Send(const std::string& statements_json) { granice_js_cmi5_send(statements_json.c_str()); }
void Cmi5PutState(const std::string& document) { granice_js_cmi5_put_state(document.c_str()); }
void Cmi5Flush() { granice_js_cmi5_flush(); }
void Cmi5Exit(const std::string& return_url) { granice_js_cmi5_exit(return_url.c_str()); }
std::string Cmi5LastError() { return Take(granice_js_cmi5_last_error()); }

}  // namespace granice::platform
