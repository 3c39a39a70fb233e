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
#include "app/view/strings.h"

namespace granice::platform {

namespace {

constexpr const char* kSettingsKey = "granice:settings";

bool Supported(const Course& course, const std::string& lang) {
  for (const std::string& l : course.languages)
    if (l == lang) return true;
  return false;
}

std::string TwoLetters(const std::string& tag) { return tag.substr(0, 2); }

}  // namespace

bool LoadSettings(app::Settings& s, const runner::Runner& runner) {
  const std::optional<std::string> saved = runner.Load(kSettingsKey);
  const std::string text = saved.value_or("");
  if (text.empty()) return saved.has_value();
  // Damaged settings are not worth a message: fall back to defaults for what cannot be read.
  // Through string_view iterators, like core's parsers: one nlohmann parser instantiation (size).
  const std::string_view view = text;
  const nlohmann::json j = nlohmann::json::parse(view.begin(), view.end(), nullptr, false);
  if (!j.is_object()) return true;
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
  return true;
}

void SaveSettings(const app::Settings& s, runner::Runner& runner) {
  const nlohmann::json j = {{"lang", s.lang}, {"text_scale", s.text_scale}, {"theme", view::ThemeName(s.theme)},
                            {"reduced_motion", s.reduced_motion}};
  runner.Store(kSettingsKey, j.dump());
}

std::string PageLanguage(const Course& course, app::Settings& settings, const runner::Runner& runner) {
  // The URL, else what the learner chose before, else the browser, else the course default.
  const bool remembered = LoadSettings(settings, runner);
  std::string lang = QueryParam("lang");
  if (!Supported(course, lang)) lang = remembered && Supported(course, settings.lang) ? settings.lang : "";
  if (lang.empty()) lang = TwoLetters(BrowserLanguage());
  if (!Supported(course, lang)) lang = course.default_language;
  // Less motion: asked in the URL, or by the system until the learner chose in Settings.
  if (QueryParam("motion") == "reduce" || (!remembered && PrefersReducedMotion())) settings.reduced_motion = true;
  // Forced colours (Windows High Contrast) or "more contrast": the high-contrast theme, likewise
  // until the learner chose in Settings. The canvas cannot take the system's own colours.
  if (!remembered && PrefersHighContrast()) settings.theme = view::ThemeId::HighContrast;
  settings.lang = lang;
  return lang;
}

void Launch(app::AppState& app, const runner::Runner& runner) {
  LoadResult loaded = LoadEmbeddedCourse();
  if (!loaded.ok()) {
    for (const Diagnostic& d : loaded.diagnostics) app.load_errors.push_back(format_diagnostic(d));
    // Told in the course's default language, with the interface strings that did load.
    view::UseInterfaceStrings(loaded.course);
    app.settings.lang = loaded.course.default_language;
    return;
  }
  app.course = std::move(loaded.course);
  const Course& course = *app.course;
  std::string lang = PageLanguage(course, app.settings, runner);

  const std::int64_t now = app.hooks.now();
  app::LaunchData launch = app.persistence->Launch(course);
  app.notices = launch.notices;
  app.lms_review = launch.review;
  app.finished_before = launch.finished_before;
  if (!launch.language.empty() && QueryParam("lang").empty() && Supported(course, TwoLetters(launch.language)))
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
