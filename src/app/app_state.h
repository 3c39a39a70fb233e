// All state of the running app in one explicit struct: the screens read and change it,
// the platform owns it. Nothing here knows about the browser.
#pragma once

#include <string>

#include "app/ui.h"
#include "app/view/palette.h"

namespace granice::app {

enum class Screen { Home, Settings };

struct Settings {
  std::string lang = "pl";
  float text_scale = 1.0f;              // 1.0 .. 2.0
  view::ThemeId theme = view::ThemeId::Light;
  bool reduced_motion = false;
};

struct AppState {
  Screen screen = Screen::Home;
  Settings settings;
  ui::Context ui;
  bool fonts_dirty = false;             // text scale changed: the platform rebuilds the font atlas
  bool theme_dirty = true;              // theme changed: re-apply colours
  int clicks = 0;
};

// Draws one frame of the whole app (a full-window layout, no floating windows).
void DrawApp(AppState& app);

}  // namespace granice::app
