// The browser tests' driver, linked only into the test build of the course (build/web/site-test,
// target granice_site_test; the production app never carries it). It walks a learner through the
// course with the one course walker (core/engines/walker.h: right answers, best replies) and
// saves each step through the page's real persistence (local storage or the LMS), so the tests
// check the SCORM and storage paths without the screens. The tests call it through
// Module.ccall('granice_persist_test', ...) (tests/browser/lms_harness.js, learner.js).
#include <emscripten.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "app/app_state.h"
#include "app/view/palette.h"
#include "core/engines/scoring.h"
#include "core/engines/walker.h"
#include "core/state/course_state.h"
#include "core/state/snapshot.h"
#include "nlohmann/json.hpp"
#include "platform/embedded.h"
#include "platform/js_bridge.h"
#include "platform/launch.h"
#include "app/view/strings.h"
#include "platform/persistence_select.h"
#include "platform/web_runner.h"

extern "C" void granice_wake();  // platform/web_runner.cpp: draw the next frames

namespace {

using namespace granice;

struct Driver {
  LoadResult load;
  std::unique_ptr<app::Persistence> owned;  // only when the page has no persistence of its own
  app::Persistence* persistence = nullptr;  // the app's own instance when it has one
  app::LaunchData launch;
  CourseState st;
  std::int64_t now = 0;
  PerfectLearner learner;
};
Driver* g_driver = nullptr;

// A browser test that serves language packs of its own (tests/browser/qps.test.js: the qps
// pseudo-locale's) names their hashes in window.graniceTestPackHashes ({lang: hex}) before the page
// loads: read once as the module starts, before the app asks for its first pack.
[[maybe_unused]] const bool g_test_packs = [] {
  const int text = EM_ASM_INT({
    var h = typeof window !== 'undefined' && window.graniceTestPackHashes;
    if (!h) return 0;
    var lines = Object.keys(h).map(function(l) { return l + '=' + h[l]; }).join(String.fromCharCode(10));
    var n = lengthBytesUTF8(lines) + 1;
    var p = _malloc(n);
    stringToUTF8(lines, p, n);
    return p;
  });
  if (!text) return false;
  char* lines = reinterpret_cast<char*>(text);
  platform::TrustPackHashesForTests(lines);
  std::free(lines);
  return true;
}();

std::int64_t WallClock() { return static_cast<std::int64_t>(platform::NowSeconds()); }

std::string Status(Driver& d) {
  nlohmann::json j;
  j["mode"] = d.persistence->ModeLabel("en");
  j["last_error"] = d.persistence->LastError();
  j["learner_id"] = d.launch.learner_id;
  j["learner_name"] = d.launch.learner_name;
  j["language"] = d.launch.language;
  j["notices"] = nlohmann::json::array();
  for (const std::string& n : d.launch.notices) j["notices"].push_back(view::NoticeText("en", n));   // ids -> what is shown
  j["resumed"] = d.launch.state.has_value();
  j["content_errors"] = d.load.diagnostics.size();
  j["completion"] = to_string(completion_status(d.load.course, d.st));
  j["success"] = to_string(success_status(d.load.course, d.st));
  j["interactions"] = d.st.interactions.size();
  j["updated"] = d.st.updated;
  j["total_time"] = d.st.total_time_seconds;
  j["bookmark"] = std::string(to_string(d.st.bookmark.screen)) + ":" + d.st.bookmark.module_id + ":" +
                  std::to_string(d.st.bookmark.index);
  j["snapshot"] = encode_snapshot(d.load.course, d.st);
  return j.dump();
}

void Launch() {
  g_driver = new Driver();
  Driver& d = *g_driver;
  if (const Course* c = platform::LaunchedCourse()) d.load.course = *c;   // the course as the app loaded it
  else d.load.diagnostics.push_back(Diagnostic{"content", 1, 1, "", "the course is not loaded yet", "a launched page"});
  if (platform::PagePersistence* active = platform::ActivePersistence()) {
    d.persistence = active;  // the app already launched it: Launch() returns the same data
  } else {
    d.owned = platform::CreatePersistence();
    d.persistence = d.owned.get();
  }
  d.launch = d.persistence->Launch(d.load.course);
  // Go on from where the learner is (the app may have saved steps since its launch).
  const std::optional<CourseState> latest =
      platform::ActivePersistence() ? platform::ActivePersistence()->Latest() : d.launch.state;
  d.now = std::max<std::int64_t>(WallClock(), latest ? latest->updated : 0);
  d.st = latest ? *latest
                : new_state(d.load.course, d.launch.learner_id, d.launch.learner_name,
                            d.launch.language.empty() ? "pl" : d.launch.language, 7, d.now);
  if (!latest) d.persistence->Save(d.load.course, d.st);
}

// The running app draws in `name`'s theme from its next frame, as when the Settings screen
// picks it, but without saving the choice: the design screenshots take every theme of one
// screen in place instead of walking the course once per theme. False for an unknown name or
// before the app runs.
bool SwitchTheme(std::string_view name) {
  app::Shell* shell = platform::RunningShell();
  if (!shell) return false;
  for (view::ThemeId id : {view::ThemeId::Light, view::ThemeId::Dark, view::ThemeId::HighContrast}) {
    if (name != view::ThemeName(id)) continue;
    shell->settings.theme = id;
    shell->theme_dirty = true;
    granice_wake();
    return true;
  }
  return false;
}

// How the session learner answers: every question right, every one wrong, the first one it
// is asked wrong and the rest right (a passing attempt with one wrong answer in the LMS's data),
// or right until a question of a kind named is next, left open on screen for the test to answer
// there: a matching item (a test of that screen), or any question not answered on radios
// (checkboxes, ordering, matching: a walk that presses those kinds and leaves the rest to the driver).
// (Radios: the single-answer kinds, core/engines/scoring.h is_single_answer.)
enum class Answers { Right, Wrong, FirstWrong, RightUntilMatching, RightOnRadios };

// The <answers> of an action by its name, or none for a name it does not know.
std::optional<Answers> AnswersNamed(std::string_view name) {
  if (name == "right") return Answers::Right;
  if (name == "wrong") return Answers::Wrong;
  if (name == "first-wrong") return Answers::FirstWrong;
  if (name == "right-until-matching") return Answers::RightUntilMatching;
  if (name == "right-on-radios") return Answers::RightOnRadios;
  return std::nullopt;
}

// The learner of the session walks below: the best replies, and answers as `answers` says,
// spending no course time (the session's time is the page's wall clock, as the LMS tests check),
// telling what it answered (the response in content indices) and replied, so a test can expect
// exactly what the LMS is sent.
class SessionLearner final : public WalkPolicy {
 public:
  // `finish_on_screen`: stop before finishing a quiz, which the app then finishes as its Finish
  // button does (its results screen, its bookmark). `only_module`: stop at the first step of
  // another module (or the assessment).
  SessionLearner(nlohmann::json& out, Answers answers, bool finish_on_screen, std::string only_module = {})
      : out_(out), answers_(answers), finish_on_screen_(finish_on_screen), only_module_(std::move(only_module)) {}
  bool before(const WalkStep& step) override {
    if (!only_module_.empty() && step.quiz_or_module != only_module_) return false;
    if (step.question && ((answers_ == Answers::RightUntilMatching && step.question->type == QuestionType::Matching) ||
                          (answers_ == Answers::RightOnRadios && !is_single_answer(step.question->type))))
      return !(stopped_ = true);
    return !(finish_on_screen_ && step.kind == WalkKind::FinishQuiz);
  }
  bool stopped() const { return stopped_; }
  Response answer(const QuizSession& quiz, const Question& q) override {
    const bool right = answers_ == Answers::Right || answers_ == Answers::RightUntilMatching || answers_ == Answers::RightOnRadios ||
                       (answers_ == Answers::FirstWrong && asked_ > 0);
    ++asked_;
    const Response r = right ? perfect_.answer(quiz, q) : wrong_response(q, rng_);
    out_.push_back({{"answer", q.id}, {"right", right},
                    {"response", {{"selected", r.selected}, {"order", r.order}, {"match", r.match}}}});
    return r;
  }
  std::size_t reply(const RolePlay& graph, const RolePlaySession& walk) override {
    const std::size_t k = perfect_.reply(graph, walk);
    out_.push_back({{"reply", graph.id}, {"node", walk.node().id}, {"choice", walk.choices()[k].id}});
    return k;
  }
  double seconds(WalkKind) override { return 0; }

 private:
  nlohmann::json& out_;
  Answers answers_;
  bool finish_on_screen_;
  std::string only_module_;
  bool stopped_ = false;   // before a question of a kind the answers leave to the screens
  int asked_ = 0;
  PerfectLearner perfect_;
  Rng rng_{7};
};

// A walk in the running app's own session (not the driver's copy): every module short of the
// final assessment ("session-modules"), what is left of one module, its lesson, its quiz (right)
// and its role-play ("session-module:<module id>"), or the rest of one attempt at a quiz, the one open or a
// new one ("session-quiz:<module id>:<answers>", "session-assessment:<answers>" for the final
// assessment; <answers>: right, wrong, first-wrong, right-until-matching or right-on-radios). Each step is saved through the app's
// persistence as the screens save, then the session is shown where the walk ended. One LMS
// session, no reload: an LMS test can leave to the driver what it does not press through and
// still check every value.
std::string WalkAppSession(const std::string& action) {
  app::Shell* shell = platform::RunningShell();
  // Only the course front end runs in this build (the trainer page has no driver): its shell is
  // the course's AppState.
  auto* app = static_cast<app::AppState*>(shell);
  if (!app || !app->course || !app->session) return nlohmann::json{{"error", "no running course session"}}.dump();
  std::string quiz_id;   // "": every module
  std::string module_id;   // "session-module:": that module only
  std::string how;
  if (action.rfind("session-module:", 0) == 0) {
    module_id = action.substr(15);
    if (module_id.empty()) return nlohmann::json{{"error", "no module id in " + action}}.dump();
  } else if (action.rfind("session-assessment:", 0) == 0) {
    quiz_id = app->course->assessment.id;
    how = action.substr(19);
  } else if (action.rfind("session-quiz:", 0) == 0) {
    const std::size_t colon = action.find(':', 13);
    quiz_id = action.substr(13, colon == std::string::npos ? std::string::npos : colon - 13);
    how = colon == std::string::npos ? "" : action.substr(colon + 1);
    if (quiz_id.empty()) return nlohmann::json{{"error", "no module id in " + action}}.dump();
  }
  const bool one_quiz = !quiz_id.empty();
  // Every module, or one: right answers. One quiz: as the action names them.
  const std::optional<Answers> answers = one_quiz ? AnswersNamed(how) : Answers::Right;
  if (!answers)
    return nlohmann::json{{"error", "answers right, wrong, first-wrong, right-until-matching or right-on-radios, not '" + how + "' in " +
                                        action}}.dump();
  nlohmann::json did = nlohmann::json::array();
  SessionLearner learner(did, *answers, one_quiz, module_id);
  CourseState st = app->session->state();
  std::int64_t now = std::max<std::int64_t>(WallClock(), st.updated);
  const auto step = [&] {
    return one_quiz ? walk_quiz_step(*app->course, st, learner, now, quiz_id)
                    : walk_step(*app->course, st, learner, now, false);
  };
  int steps = 0;   // pages too, which `did` does not list
  while (step()) {
    ++steps;
    now = std::max(now, WallClock());
    if (app->persistence) app->persistence->Save(*app->course, st);
  }
  if (one_quiz && did.empty() && !learner.stopped())
    return nlohmann::json{{"error", "quiz " + quiz_id + " cannot be taken now"}}.dump();
  if (!module_id.empty() && steps == 0) return nlohmann::json{{"error", "module " + module_id + " has nothing left to walk now"}}.dump();
  app->session->Restore(std::move(st));
  // Every answer given: the attempt ends as the Finish button ends it (one attempt only; the
  // results screen a learner sees next), saved through the app's persistence. Stopped before a
  // question left to the screens: the attempt stays open, on screen where it is.
  if (one_quiz && app->session->StartQuiz(quiz_id) && !learner.stopped()) app->session->FinishQuiz();
  granice_wake();
  return nlohmann::json{{"did", did},
                        {"stopped", learner.stopped()},
                        {"interactions", app->session->state().interactions.size()}}.dump();
}

}  // namespace

extern "C" {
// "launch", "step", "steps:<n>", "modules:<n>" (steps short of the final assessment), "finish",
// "clear", "status"; needing no launch: "theme:<light|dark|high-contrast>", "session-modules",
// "session-module:<module id>",
// "session-quiz:<module id>:<answers>" and "session-assessment:<answers>" (WalkAppSession). Returns JSON.
EMSCRIPTEN_KEEPALIVE const char* granice_persist_test(const char* action) {
  static std::string out;
  const std::string a = action ? action : "";
  try {
    if (a.rfind("theme:", 0) == 0) {
      const std::string name = a.substr(6);
      return out = SwitchTheme(name) ? nlohmann::json{{"theme", name}}.dump()
                                     : nlohmann::json{{"error", "no running app or no theme " + name}}.dump(),
             out.c_str();
    }
    if (a == "session-modules" || a.rfind("session-module:", 0) == 0 || a.rfind("session-assessment:", 0) == 0 ||
        a.rfind("session-quiz:", 0) == 0)
      return out = WalkAppSession(a), out.c_str();
    if (a == "launch") {
      if (!g_driver) Launch();
      return out = Status(*g_driver), out.c_str();
    }
    if (!g_driver) return out = "{\"error\":\"not launched\"}", out.c_str();
    Driver& d = *g_driver;
    const bool modules_only = a.rfind("modules:", 0) == 0;
    if (a == "step" || a.rfind("steps:", 0) == 0 || modules_only) {
      const int n = a == "step" ? 1 : std::clamp(std::atoi(a.c_str() + (modules_only ? 8 : 6)), 1, 100000);
      nlohmann::json done = nlohmann::json::array();
      for (int i = 0; i < n; ++i) {
        d.now = std::max(d.now, WallClock());
        const std::optional<WalkStep> step = walk_step(d.load.course, d.st, d.learner, d.now, !modules_only);
        if (!step) break;
        d.persistence->Save(d.load.course, d.st);
        done.push_back(step->what);
      }
      const std::string status = Status(d);
      const std::string_view view = status;  // the same parser instantiation as core's (size)
      nlohmann::json j = nlohmann::json::parse(view.begin(), view.end());
      j["did"] = done;
      return out = j.dump(), out.c_str();
    }
    if (a == "finish") d.persistence->Finish(d.load.course, d.st);
    else if (a == "clear") d.persistence->Clear(d.load.course);
    return out = Status(d), out.c_str();
  } catch (const std::exception& e) {
    return out = nlohmann::json{{"error", e.what()}}.dump(), out.c_str();
  }
}
}
