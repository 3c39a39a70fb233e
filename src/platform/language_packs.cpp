#include "platform/language_packs.h"

#include <emscripten.h>

#include "platform/js_bridge.h"
#include "platform/web_runner.h"

namespace granice::platform {

namespace {
PackHandler& Handler() {
  static PackHandler handler;
  return handler;
}
}  // namespace

void ReceiveLanguagePacks(PackHandler handler) {
  Handler() = std::move(handler);
  PacksWanted();
}

}  // namespace granice::platform

// [SECTION] The function the page calls (web/granice.js)
extern "C" {
// One language's pack (its bytes, not NUL-terminated), or size < 0 when it could not be fetched.
// 1 when the app took it, 0 when not (then the page tries another language, or says the course
// cannot be loaded when none is left).
EMSCRIPTEN_KEEPALIVE int granice_language_pack(const char* lang, const char* data, int size) {
  using granice::platform::Handler;
  if (!lang || !Handler()) return 0;
  const std::string_view pack = size > 0 && data ? std::string_view(data, static_cast<std::size_t>(size)) : std::string_view();
  if (!Handler()(lang, size < 0 ? std::string_view() : pack)) return 0;
  granice::platform::UsePackFonts(lang, pack);   // checked by the handler (its hash): the pack is this build's
  return 1;
}
}
