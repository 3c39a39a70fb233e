// The app's own interface text (buttons, labels) in every language the app supports.
// Course text comes from quizzes/; this is only the chrome around it.
#pragma once

#include <string_view>

namespace granice::view {

enum class Str {
  AppName,
  Tagline,
  DiacriticsSample,
  StartCourse,
  ContinueCourse,
  SwitchLanguage,
  Loading,
  ContentError,
  Back,
  Next,
  Previous,
  Home,
  Settings,
  Count_   // keep last
};

// `lang` is "pl" or "en"; anything else falls back to Polish.
const char* T(std::string_view lang, Str id);
// Name of the other language, for the language switch button.
const char* OtherLanguageName(std::string_view lang);
std::string_view OtherLanguage(std::string_view lang);

}  // namespace granice::view
