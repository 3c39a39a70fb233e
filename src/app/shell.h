// The frame every front end shares (the course, the trainer): one full-window layout with a
// readable column, our own Tab order, Enter and Esc, scrolling asked by the DOM layer, the theme,
// and the semantic tree the frame yields. A front end's state derives from Shell; a runner (web,
// headless) drives a FrontEnd and knows nothing else of it.
#pragma once

#include <functional>
#include <string>

#include "app/ui.h"
#include "app/view/palette.h"

namespace granice::app {

struct Settings {
  std::string lang;                     // a course language, chosen at launch (platform/launch.h)
  float text_scale = 1.0f;              // 1.0 .. 2.0 (kTextScales)
  view::ThemeId theme = view::ThemeId::Light;
  bool reduced_motion = false;
  bool coarse_pointer = false;          // a touch screen (pointer: coarse): thumb-sized targets; not saved
};
inline constexpr float kTextScales[] = {1.0f, 1.25f, 1.5f, 1.75f, 2.0f};   // the Settings screen's choices

// A flick's momentum: the page goes on scrolling after the finger leaves and slows down, about
// as a phone's own lists do (velocity x 0.998 per ms), until it stops or reaches an end.
struct Fling {
  float velocity = 0.0f;                // CSS px per second; > 0 scrolls towards the end
  // The distance to scroll over `dt` seconds (at most 1/30 s at a time: a late frame does not jump).
  float Step(float dt);
  bool active() const { return velocity != 0.0f; }
};

struct Shell {
  Settings settings;
  ui::Context ui;
  bool theme_dirty = true;              // apply settings.theme / text_scale at the next frame
  bool scroll_to_top = false;
  float scroll_by = 0.0f;               // CSS px to scroll the page by (keys in the DOM layer, a finger)
  float scroll_y = 0.0f;                // where the page is scrolled to, as of the last frame (CSS px)
  float scroll_max = 0.0f;              // how far it can scroll
  Fling fling;
  // A screen's next-step buttons, pinned to the bottom of a narrow screen (a thumb reaches them
  // without hunting): set during the frame by PinToBottom, drawn by DrawFrame after the page.
  std::function<void()> bottom_bar;
  float bottom_bar_height = 0.0f;       // as last drawn: the page leaves that much room below
  // The page's widest column (CSS px at text size 100 %): a readable line for text; the course
  // map and the results use more of a wide screen (two columns of cards). Set before DrawFrame.
  float max_width = kReadableWidth;
  static constexpr float kReadableWidth = 780.0f;
};

// Draws `buttons` pinned to the bottom of the screen when it is narrow (a phone), else in place.
void PinToBottom(Shell& shell, const std::function<void()>& buttons);

// One frame: the shell's window around `body` (the screen). `escape` is what Esc does when no
// drop-down list is open.
void DrawFrame(Shell& shell, const std::function<void()>& body, const std::function<void()>& escape);
// True while input from outside (an activation, focus, text, a choice, scrolling, a theme change)
// waits for a frame to apply it, or a transition runs (ui::Reveal): runners draw until it is false.
bool HasPendingInput(const Shell& shell);
// How much of `dy` (CSS px; > 0 towards the end) the page can still scroll, given what is already
// asked: 0 at an end stop, so a finger moving there changes nothing and draws no frame.
float ScrollRoom(const Shell& shell, float dy);
// A finger dragged the page by `dy` / flicked it at `velocity` (CSS px per second): false when
// nothing moves (an end stop, a page that fits the screen).
bool TouchScroll(Shell& shell, float dy);
bool TouchFling(Shell& shell, float velocity);
// One frame of a flick: its step into scroll_by, and the flick ends at an end stop.
void FlingFrame(Shell& shell, float dt);
// Pinch: the text size nearest `start_scale x ratio` among kTextScales; true when it changed.
bool PinchTextScale(Shell& shell, float start_scale, float ratio);
// Esc with a drop-down list open (the mouse opened it; Esc came through the DOM layer) closes the
// list, and only that: true when one was open.
bool ClosePopup();

// What a runner drives. The course (app/course_app.cpp) and the trainer (trainer/) are two.
class FrontEnd {
 public:
  virtual ~FrontEnd() = default;
  virtual Shell& shell() = 0;
  virtual void Frame() = 0;               // one frame of widgets (DrawFrame inside)
  virtual void Escape() = 0;              // Esc pressed in the DOM layer
  virtual void AddTime(double /*seconds*/) {}   // time the page was open and visible
  virtual void SettingsChanged() {}       // the runner changed shell().settings (a pinch): keep them
  // Where the learner is (a key; "" when the front end has no places) and going back there: the
  // browser's Back and Forward (web/a11y.js keeps one history entry per place).
  virtual std::string Location() const { return {}; }
  // False while there is nothing to show yet (the content is on its way): the page keeps its
  // own loading message until then.
  virtual bool Ready() const { return true; }
  virtual bool Navigate(const std::string& /*key*/) { return false; }
};

}  // namespace granice::app
