// One runner interface, in the shape of Tracy's Backend: a runner owns the frame loop, input,
// fonts, the clock and small storage, and drives one front end (app::FrontEnd: the course, the
// trainer), which knows nothing of it. Two implementations, chosen in CMake:
// - the web runner (platform/web_runner.h): SDL2 + WebGL2, a loop that draws only when
//   something changed, and the functions the page calls (window.granice, the DOM layer);
// - the headless runner (runner/headless.h): ImGui frames without a window or a GPU, for native
//   tests under ASan/UBSan — the screens' layout and semantic tree, no pixels.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/shell.h"

namespace granice::runner {

class Runner {
 public:
  virtual ~Runner() = default;
  // Draws `front` from now on. Web: hands the loop to the browser and never returns; headless:
  // draws until nothing changes any more, then returns.
  virtual void Run(app::FrontEnd& front) = 0;
  virtual std::int64_t Now() const = 0;   // seconds since the epoch
  // Small named strings kept between visits (settings): the browser's local storage, or memory.
  virtual std::optional<std::string> Load(const std::string& key) const = 0;
  virtual void Store(const std::string& key, const std::string& value) = 0;
};

}  // namespace granice::runner
