#include "platform/persistence_bridge.h"

#include <emscripten.h>

#include <cstdlib>

// clang-format off
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
  if (!window.graniceScorm) return 0;
  var v = window.graniceScorm.storageGet(UTF8ToString(key));
  if (v === null || v === undefined) return 0;
  var n = lengthBytesUTF8(v) + 1;
  var p = _malloc(n);
  stringToUTF8(v, p, n);
  HEAP32[len >> 2] = n - 1;
  return p;
});
EM_JS(int, granice_js_pstore_set, (const char* key, const char* value, int len), {
  if (!window.graniceScorm) return 0;
  var text = new TextDecoder().decode(HEAPU8.subarray(value, value + len));
  return window.graniceScorm.storageSet(UTF8ToString(key), text) ? 1 : 0;
});
EM_JS(void, granice_js_pstore_remove, (const char* key), {
  if (window.graniceScorm) window.graniceScorm.storageRemove(UTF8ToString(key));
});
EM_JS(int, granice_js_pstore_available, (), {
  return (window.graniceScorm && window.graniceScorm.storageAvailable()) ? 1 : 0;
});
EM_JS(double, granice_js_now, (), { return Date.now() / 1000; });
EM_JS(void, granice_js_log, (int level, const char* msg), {
  var m = UTF8ToString(msg);
  if (window.graniceScorm) window.graniceScorm.logLine(level, m); else console.warn(m);
});
EM_JS(int, granice_js_test_driver, (), {
  return (window.graniceScorm && window.graniceScorm.testDriver) ? 1 : 0;
});
// clang-format on

namespace granice::platform::bridge {

static std::string take(char* p) {
  if (!p) return {};
  std::string s(p);
  std::free(p);
  return s;
}

int ScormFind() { return granice_js_scorm_find(); }

std::string ScormCall(const char* method, const char* a, const char* b, bool* threw) {
  int t = 0;
  const int nargs = b ? 2 : a ? 1 : 0;
  std::string r = take(granice_js_scorm_call(method, a ? a : "", b ? b : "", nargs, &t));
  if (threw) *threw = t != 0;
  return r;
}

std::string ScormApiDescription() { return take(granice_js_scorm_where()); }

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
double NowSeconds() { return granice_js_now(); }
void Log(int level, const std::string& message) { granice_js_log(level, message.c_str()); }
void ScheduleRetry(int milliseconds, void (*fn)(void*), void* arg) { emscripten_async_call(fn, arg, milliseconds); }
bool TestDriverEnabled() { return granice_js_test_driver() != 0; }

}  // namespace granice::platform::bridge
