// One free function per screen; each reads and changes AppState only.
#pragma once

#include "app/app_state.h"

namespace granice::app {

void DrawHome(AppState& app);

}  // namespace granice::app
