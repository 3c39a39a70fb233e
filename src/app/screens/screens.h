// One free function per screen of the course; each reads and changes AppState only.
#pragma once

#include "app/app_state.h"

namespace granice::app {

void DrawLoadError(Shell& shell, const std::vector<std::string>& errors);   // the course or the trainer
void DrawNamePrompt(AppState& app);
void DrawHome(AppState& app);
void DrawModule(AppState& app);
void DrawLesson(AppState& app);
void DrawQuiz(AppState& app);
void DrawQuizResults(AppState& app);
void DrawRolePlay(AppState& app);
void DrawResults(AppState& app);
void DrawCertificate(AppState& app);
void DrawSettings(AppState& app);

// Shared bits of several screens.
void DrawTopBar(AppState& app);            // back / home, language switch, settings
// Shows the course in `code` (a course language) and remembers the choice.
void SwitchLanguage(AppState& app, const std::string& code);
const char* StatusText(const std::string& lang, ModuleStatus s);
std::string ModuleLabel(const std::string& lang, const Module& m);   // "Moduł 3" / "Podsumowanie"
std::string ObjectiveTitle(const Course& course, const std::string& id, const std::string& lang);

}  // namespace granice::app
