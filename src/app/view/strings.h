// The app's own interface text (buttons, labels): looked up by id in the course's
// interface.json (quizzes/), in the learner's language, and formatted.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "core/content/interface_ids.h"
#include "core/content/model.h"

namespace granice::view {

// One id per interface string (core/content/interface_ids.h): the texts are content, in
// quizzes/interface.json, loaded with the course.
enum class Str {
#define GRANICE_STR_ENUM(id) id,
  GRANICE_INTERFACE_STRINGS(GRANICE_STR_ENUM)
#undef GRANICE_STR_ENUM
  Count_   // keep last
};

// The interface strings T() reads from: the course's interface.json, set when the course is
// loaded (and again when a language pack adds texts). One table for the process, as the texts
// are asked for from every screen and the front ends load one course.
void UseInterfaceStrings(const Course& course);
// The string in `lang` (else in the first language it has). Before any are set, or for a string
// the content lacks (the loader reports that), the id itself: never a null or a blank label.
const char* T(std::string_view lang, Str id);
// "AppName" for Str::AppName.
std::string_view StrName(Str id);
// A launch notice (app/persistence.h) in `lang`: notices are interface string ids
// ("NoticeNoLms"); anything else is shown as it is.
std::string NoticeText(std::string_view lang, const std::string& notice);

// Replaces {0}, {1}, ... in `pattern` with `args`.
std::string Fmt(std::string_view pattern, std::initializer_list<std::string> args);
// "1 h 05 min", "12 min", "45 s"
std::string FormatDuration(double seconds, std::string_view lang);
// 87.5 -> "87,5" / "87.5" (the language's DecimalSeparator); whole numbers without decimals.
std::string FormatPercent(double percent, std::string_view lang);

}  // namespace granice::view
