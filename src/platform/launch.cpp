#include "platform/launch.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <random>
#include <string_view>

#include "core/content/diagnostic.h"
#include "core/content/loader.h"
#include "platform/embedded.h"
#include "platform/js_bridge.h"

namespace granice::platform {

namespace {

constexpr const char* kSettingsKey = "granice:settings";

bool Supported(const app::AppState& app, const std::string& lang) {
  if (!app.course) return lang == "pl" || lang == "en";
  for (const std::string& l : app.course->languages)
    if (l == lang) return true;
  return false;
}

std::string TwoLetters(const std::string& tag) { return tag.substr(0, 2); }

}  // namespace

void LoadSettings(app::AppState& app) {
  const std::string text = StorageGet(kSettingsKey).value_or("");
  if (text.empty()) return;
  // Damaged settings are not worth a message: fall back to defaults for what cannot be read.
  // Through string_view iterators, like core's parsers: one nlohmann parser instantiation (size).
  const std::string_view view = text;
  const nlohmann::json j = nlohmann::json::parse(view.begin(), view.end(), nullptr, false);
  if (!j.is_object()) return;
  app::Settings& s = app.settings;
  if (auto it = j.find("lang"); it != j.end() && it->is_string()) s.lang = it->get<std::string>();
  if (auto it = j.find("text_scale"); it != j.end() && it->is_number()) {
    const double v = it->get<double>();
    if (std::isfinite(v)) s.text_scale = static_cast<float>(v < 1.0 ? 1.0 : v > 2.0 ? 2.0 : v);
  }
  if (auto it = j.find("theme"); it != j.end() && it->is_string()) {
    const std::string t = it->get<std::string>();
    s.theme = t == "dark" ? view::ThemeId::Dark : t == "high-contrast" ? view::ThemeId::HighContrast : view::ThemeId::Light;
  }
  if (auto it = j.find("reduced_motion"); it != j.end() && it->is_boolean()) s.reduced_motion = it->get<bool>();
}

void SaveSettings(const app::Settings& s) {
  const nlohmann::json j = {{"lang", s.lang}, {"text_scale", s.text_scale}, {"theme", view::ThemeName(s.theme)},
                            {"reduced_motion", s.reduced_motion}};
  StorageSet(kSettingsKey, j.dump());
}

void Launch(app::AppState& app) {
  LoadResult loaded = LoadEmbeddedCourse();
  if (!loaded.ok()) {
    for (const Diagnostic& d : loaded.diagnostics) app.load_errors.push_back(format_diagnostic(d));
    return;
  }
  app.course = std::move(loaded.course);
  const Course& course = *app.course;

  // Language: the URL, else what the learner chose before, else the browser, else the course default.
  const bool remembered = StorageGet(kSettingsKey).has_value();
  LoadSettings(app);
  std::string lang = QueryParam("lang");
  if (!Supported(app, lang)) lang = remembered && Supported(app, app.settings.lang) ? app.settings.lang : "";
  if (lang.empty()) lang = TwoLetters(BrowserLanguage());
  if (!Supported(app, lang)) lang = course.languages.empty() ? "pl" : course.languages.front();
  // Less motion: asked in the URL, or by the system until the learner chose in Settings.
  if (QueryParam("motion") == "reduce" || (!remembered && PrefersReducedMotion())) app.settings.reduced_motion = true;
  // Forced colours (Windows High Contrast) or "more contrast": the high-contrast theme, likewise
  // until the learner chose in Settings. The canvas cannot take the system's own colours.
  if (!remembered && PrefersHighContrast()) app.settings.theme = view::ThemeId::HighContrast;

  const std::int64_t now = app.hooks.now();
  app::LaunchData launch = app.persistence->Launch(course);
  app.notices = launch.notices;
  app.lms_review = launch.review;
  app.finished_before = launch.finished_before;
  if (!launch.language.empty() && QueryParam("lang").empty() && Supported(app, TwoLetters(launch.language)))
    lang = TwoLetters(launch.language);
  app.settings.lang = lang;

  CourseState state;
  if (launch.state) {
    state = std::move(*launch.state);
  } else {
    std::random_device rd;
    const std::uint64_t seed = (static_cast<std::uint64_t>(rd()) << 32) ^ rd() ^ static_cast<std::uint64_t>(now);
    state = new_state(course, launch.learner_id, launch.learner_name, lang, seed, now);
  }
  if (!launch.learner_name.empty()) state.learner_name = launch.learner_name;
  if (!launch.learner_id.empty()) state.learner_id = launch.learner_id;
  if (state.learner_id.empty()) {   // standalone: a random local id, so records from one browser group together
    char buf[32];
    std::snprintf(buf, sizeof buf, "local-%08llx", static_cast<unsigned long long>(state.seed & 0xFFFFFFFFu));
    state.learner_id = buf;
  }
  state.language = lang;
  app::StartSession(app, std::move(state));
}

}  // namespace granice::platform
