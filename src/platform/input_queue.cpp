#include "platform/input_queue.h"

namespace granice::platform {

bool InputQueue::Pump() {
  bool any = false;
  SDL_Event e;
  while (SDL_PollEvent(&e)) {
    events_.push_back(e);
    any = true;
  }
  return any;
}

}  // namespace granice::platform
