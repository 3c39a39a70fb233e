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
#include "platform/language_packs.h"
#include "app/screens/screens.h"
#include "app/view/strings.h"
#include "core/content/merge_texts.h"

namespace granice::platform {

namespace {

constexpr const char* kSettingsKey = "granice:settings";

bool Supported(const Course& course, const std::string& lang) {
  for (const std::string& l : course.languages)
    if (l == lang) return true;
  return false;
}

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
  // The page chose (web/granice.js, its one rule) before it fetched the first pack.
  const bool remembered = LoadSettings(settings, runner);
  std::string lang = PageLanguageChoice();
  if (!Supported(course, lang)) lang = course.default_language;
  // Less motion: asked in the URL, or by the system until the learner chose in Settings.
  if (QueryParam("motion") == "reduce" || (!remembered && PrefersReducedMotion())) settings.reduced_motion = true;
  // Forced colours (Windows High Contrast) or "more contrast": the high-contrast theme, likewise
  // until the learner chose in Settings. The canvas cannot take the system's own colours.
  if (!remembered && PrefersHighContrast()) settings.theme = view::ThemeId::HighContrast;
  settings.lang = lang;
  return lang;
}

namespace {

// The course page with its first language's texts: settings, the LMS or saved progress, the session.
void StartCourse(app::AppState& app, const runner::Runner& runner, Course course, const std::string& pack_lang) {
  app.course = std::move(course);
  const Course& c = *app.course;
  view::UseInterfaceStrings(c);
  // What the page chose is normally the pack that came (else that one failed and is asked for again).
  std::string lang = PageLanguage(c, app.settings, runner);

  const std::int64_t now = app.hooks.now();
  app::LaunchData launch = app.persistence->Launch(c);
  for (const std::string& n : launch.notices) app.notices.push_back(n);
  app.lms_review = launch.review;
  app.finished_before = launch.finished_before;
  // The page read the LMS's preference before the first pack and ranked it (web/granice.js); the
  // app's own reading of it only explains, in the log, a course that opened in another language.
  if (!launch.language.empty() && launch.language != lang)
    Log(0, "granice: the LMS prefers " + launch.language + "; the page chose " + lang +
               " (?lang=, or the LMS was not found before the first pack; docs/lms.md, \"The course's language\")");
  const std::string wanted = lang;
  if (!c.title.tr.count(lang)) lang = pack_lang;   // until the wanted one's pack is there
  app.settings.lang = lang;

  CourseState state;
  if (launch.state) {
    state = std::move(*launch.state);
  } else {
    std::random_device rd;
    const std::uint64_t seed = (static_cast<std::uint64_t>(rd()) << 32) ^ rd() ^ static_cast<std::uint64_t>(now);
    state = new_state(c, launch.learner_id, launch.learner_name, lang, seed, now);
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
  if (wanted != lang) {   // shown once it is there (or failed): no first screen in another language
    app.waiting_for_content = true;
    FetchPack(wanted);
  }
}

// What went wrong with a pack, for the log and the learner ("" when it loaded).
std::string PackProblem(const LoadResult& r) {
  std::string out;
  for (const Diagnostic& d : r.diagnostics) out += (out.empty() ? "" : "; ") + format_diagnostic(d);
  return out;
}

// One language pack handed over by the page (platform/language_packs.h).
bool TakeCoursePack(app::AppState& app, const runner::Runner& runner, const std::string& lang, std::string_view pack) {
  static std::vector<std::string> failed;   // languages whose packs did not load before one did
  LoadResult loaded = pack.empty() ? LoadResult{} : LoadPackCourse(lang, pack);
  if (pack.empty())
    loaded.diagnostics.push_back(Diagnostic{PackFileName(lang), 1, 1, "", "the course's language pack could not be fetched",
                                            "the file beside the page"});
  const bool damaged = !loaded.ok() && loaded.diagnostics.front().file == PackFileName(lang);
  if (!app.course && !loaded.ok() && !damaged) {
    // The pack is the one built, its content is not valid (built without `granice lint`): the
    // same in every language, so say what is wrong instead of trying the others.
    for (const Diagnostic& d : loaded.diagnostics) app.load_errors.push_back(format_diagnostic(d));
    view::UseInterfaceStrings(loaded.course);
    app.settings.lang = lang;
    app.waiting_for_content = false;
    return true;
  }
  if (!app.course) {
    if (!loaded.ok()) {
      Log(2, "granice: " + PackProblem(loaded));
      failed.push_back(lang);
      return false;   // the page tries the next language
    }
    app.waiting_for_content = false;
    const double t = NowMs();
    StartCourse(app, runner, std::move(loaded.course), lang);
    NoteStartPhase("session start", NowMs() - t);
    if (!failed.empty()) {
      std::string names;
      for (const std::string& f : failed) names += (names.empty() ? "" : ", ") + app.course->language_name(f);
      app.notices.push_back(view::Fmt(view::T(app.settings.lang, view::Str::NoticePackFailed), {names}));
    }
    return true;
  }
  // A later language: its texts join the course, the session carries on in it.
  app.waiting_for_content = false;
  std::string problem = loaded.ok() ? merge_texts(*app.course, loaded.course) : PackProblem(loaded);
  if (!problem.empty()) {
    Log(2, "granice: the " + lang + " language pack was not used: " + problem);
    const std::string notice = view::Fmt(view::T(app.settings.lang, view::Str::NoticePackFailed), {app.course->language_name(lang)});
    if (app.notices.empty() || app.notices.back() != notice) app.notices.push_back(notice);
    return false;
  }
  view::UseInterfaceStrings(loaded.course);
  if (app.session) app::SwitchLanguage(app, lang);
  return true;
}

}  // namespace

namespace {
const app::AppState* g_launched = nullptr;
}

const Course* LaunchedCourse() { return g_launched && g_launched->course ? &*g_launched->course : nullptr; }

void Launch(app::AppState& app, const runner::Runner& runner) {
  g_launched = &app;
  app.waiting_for_content = true;
  app.hooks.load_language = [](const std::string& lang) { FetchPack(lang); };
  ReceiveLanguagePacks([&app, &runner](const std::string& lang, std::string_view pack) {
    return TakeCoursePack(app, runner, lang, pack);
  });
}

}  // namespace granice::platform
