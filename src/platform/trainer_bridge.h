// The trainer view's browser side: the file picker (web/trainer.js) and the exported functions
// through which the page hands record files to the app as text. Only this folder knows them.
#pragma once

#include "app/app_state.h"

namespace granice::platform {

// Remembers `app` for granice_trainer_add_file / granice_trainer_open and sets hooks.open_files.
void InstallTrainerBridge(app::AppState& app);

}  // namespace granice::platform
