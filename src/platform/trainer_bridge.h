// The trainer view's browser side. The trainer page's build (trainer.html) links
// trainer_bridge.cpp: the file picker (web/trainer.js), the exported functions through which the
// page hands record files to the app as text, and the trainer screens. The course page's build
// links trainer_link.cpp instead: Home's "Trainer view" opens trainer.html in a new tab, and none
// of the trainer view's code is in the learner's download. Only this folder knows them.
#pragma once

#include "app/app_state.h"

namespace granice::platform {

// Sets the trainer hooks of `app` (trainer_bridge.cpp or trainer_link.cpp, whichever is linked).
void InstallTrainerBridge(app::AppState& app);

}  // namespace granice::platform
