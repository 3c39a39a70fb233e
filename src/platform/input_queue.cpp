#include "platform/input_queue.h"

namespace granice::platform {

bool InputQueue::Pump() {
  bool any = false;
  SDL_Event e;
  while (SDL_PollEvent(&e)) {
    // Fingers: the page's gesture code (web/granice.js) scrolls, flicks, pinches and taps; a
    // finger moving over a page with nothing to scroll must not cost frames.
    if (e.type == SDL_FINGERDOWN || e.type == SDL_FINGERUP || e.type == SDL_FINGERMOTION) continue;
    events_.push_back(e);
    any = true;
  }
  return any;
}

}  // namespace granice::platform
