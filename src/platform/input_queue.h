// Holds SDL events so that a press and its release never reach ImGui in the same frame.
// ImGui 1.86 samples key and button state once per frame: a key that goes down and up
// between two frames (fast typing, scripted tests, an idle page waking up) would be lost.
#pragma once

#include <SDL.h>

#include <deque>

namespace granice::platform {

class InputQueue {
 public:
  // Moves everything SDL has into the queue (fingers excepted: web/granice.js handles them);
  // returns true if anything arrived.
  bool Pump();
  // Hands this frame's events to `feed`, stopping before a release whose press was fed
  // this frame; the rest waits for the next frame. Returns how many were fed.
  template <typename Feed>
  int FeedFrame(Feed&& feed);
  bool Empty() const { return events_.empty(); }
  void Clear() { events_.clear(); }

 private:
  std::deque<SDL_Event> events_;
};

template <typename Feed>
int InputQueue::FeedFrame(Feed&& feed) {
  int fed = 0;
  SDL_Keycode keys_down[16];
  int n_keys = 0;
  Uint8 buttons_down = 0;
  while (!events_.empty()) {
    const SDL_Event& e = events_.front();
    if (e.type == SDL_KEYUP) {
      bool pressed_this_frame = false;
      for (int i = 0; i < n_keys; ++i) pressed_this_frame |= keys_down[i] == e.key.keysym.sym;
      if (pressed_this_frame) break;
    } else if (e.type == SDL_MOUSEBUTTONUP) {
      if (buttons_down & (1u << (e.button.button & 7))) break;
    } else if (e.type == SDL_KEYDOWN && n_keys < 16) {
      keys_down[n_keys++] = e.key.keysym.sym;
    } else if (e.type == SDL_MOUSEBUTTONDOWN) {
      buttons_down = static_cast<Uint8>(buttons_down | (1u << (e.button.button & 7)));
    }
    feed(e);
    events_.pop_front();
    ++fed;
  }
  return fed;
}

}  // namespace granice::platform
