// Start-up: the course from its language packs, remembered settings, language choice, and the
// learner's saved progress (through the persistence adapter).
#pragma once

#include <string>

#include "app/app_state.h"
#include "runner/runner.h"

namespace granice::platform {

// The settings the learner chose before (Settings screen); true when there were any.
bool LoadSettings(app::Settings& settings, const runner::Runner& runner);
void SaveSettings(const app::Settings& settings, runner::Runner& runner);
// Loads the settings and takes the language the page chose for its first pack (web/granice.js:
// ?lang=, the LMS's preference, the saved choice, the browser's, the course default; the default
// when the page chose none the course has); the system's reduced motion and contrast until a saved choice.
std::string PageLanguage(const Course& course, app::Settings& settings, const runner::Runner& runner);
// The course page: expects app.persistence and app.hooks set. The course starts when the page
// hands over the first language pack that loads (a damaged or missing one: the next language,
// and the learner is told); later packs add their language's texts (a language switch).
void Launch(app::AppState& app, const runner::Runner& runner);
// The course the page launched, once its first language pack loaded (else nullptr).
const Course* LaunchedCourse();

}  // namespace granice::platform
