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
  std::string lang = "pl";
  float text_scale = 1.0f;              // 1.0 .. 2.0
  view::ThemeId theme = view::ThemeId::Light;
  bool reduced_motion = false;
};

struct Shell {
  Settings settings;
  ui::Context ui;
  bool theme_dirty = true;              // apply settings.theme / text_scale at the next frame
  bool scroll_to_top = false;
  float scroll_by = 0.0f;               // CSS px to scroll the page by (keys pressed in the DOM layer)
};

// One frame: the shell's window around `body` (the screen). `escape` is what Esc does when no
// drop-down list is open.
void DrawFrame(Shell& shell, const std::function<void()>& body, const std::function<void()>& escape);
// True while input from outside (an activation, focus, text, a choice, scrolling, a theme change)
// waits for a frame to apply it: runners draw until it is false.
bool HasPendingInput(const Shell& shell);
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
};

}  // namespace granice::app
