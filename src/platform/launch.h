// Start-up: load the course from the preloaded files, remembered settings, language choice,
// and the learner's saved progress (through the persistence adapter).
#pragma once

#include "app/app_state.h"

namespace granice::platform {

void LoadSettings(app::AppState& app);
void SaveSettings(const app::Settings& settings);
void Launch(app::AppState& app);   // expects app.persistence and app.hooks set

}  // namespace granice::platform
