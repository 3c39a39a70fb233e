// The course page's link to the trainer page (trainer.html, a front end and a wasm of its own:
// platform/main_trainer.cpp): Home's "Trainer view" opens it in a new tab, so none of the trainer
// view's code is in a learner's download and the course (and its LMS session) stays where it is.
#pragma once

#include "app/app_state.h"

namespace granice::platform {

// Sets app.hooks.open_trainer (left unset in the single-file build, which has no trainer page).
void InstallTrainerLink(app::AppState& app);

}  // namespace granice::platform
