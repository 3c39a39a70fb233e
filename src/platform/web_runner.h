// The web runner (runner/runner.h): an SDL window with a WebGL2 context, Dear ImGui's SDL2 and
// OpenGL3 backends, fonts rasterised at the device's pixel ratio, and a main loop that draws only
// when something changed (input, resize, a pending request) — an idle page renders no frames.
// The functions the page calls (window.granice: frames, semantics, the DOM layer's activate,
// focus, text, caret, choose, escape and scroll; busy, wake, frame times, heap) reach the front
// end it runs. platform/main_course.cpp and platform/main_trainer.cpp each make one.
#pragma once

#include <string>
#include <string_view>

#include "runner/runner.h"

namespace granice::platform {

class WebRunner final : public runner::Runner {
 public:
  // Makes the window, the WebGL2 context and the ImGui context; ok() is false (and the reason
  // logged) when the browser cannot.
  WebRunner();
  bool ok() const { return ok_; }
  void Run(app::FrontEnd& front) override;
  std::int64_t Now() const override;
  std::optional<std::string> Load(const std::string& key) const override;
  void Store(const std::string& key, const std::string& value) override;

 private:
  bool ok_ = false;
};

// The shell of the front end running now, or nullptr before Run(): for the page's calls and the
// browser tests' driver (tests/web/test_driver.cpp, which switches the theme in place).
app::Shell* RunningShell();

// A language pack the app took (platform/language_packs.cpp): the fonts it carries (subsets to
// its language's glyphs, transport/text_pack.h) draw the page whenever it shows that language;
// the atlas is rebuilt between frames, as for a new pixel ratio. The wasm carries no font.
void UsePackFonts(const std::string& lang, std::string_view pack);

}  // namespace granice::platform
