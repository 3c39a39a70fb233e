#include "platform/js_bridge.h"
#include "platform/persistence_select.h"

#include <emscripten.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "core/state/course_state.h"
#include "core/content/loader.h"
#include "platform/embedded.h"
#include "core/engines/quiz_engine.h"
#include "core/engines/roleplay_engine.h"
#include "core/engines/scoring.h"
#include "core/state/snapshot.h"
#include "nlohmann/json.hpp"

namespace granice::platform {

// [SECTION] Choosing, and the active instance for page events
static PagePersistence* g_active = nullptr;

PagePersistence::PagePersistence() { g_active = this; }
PagePersistence::~PagePersistence() {
  if (g_active == this) g_active = nullptr;
}
PagePersistence* ActivePersistence() { return g_active; }

std::unique_ptr<app::Persistence> CreatePersistence() {
  const int v = ScormFind();
  if (v == 12 || v == 2004) return CreateScormPersistence(v);
  return CreateLocalPersistence();
}

// [SECTION] Test driver (?granice-test-driver=1 only): lets the browser tests walk a learner
// through the course with the core engines and the real persistence, independent of the screens.
namespace {

struct Driver {
  LoadResult load;
  std::unique_ptr<app::Persistence> owned;  // only when the app has none (e.g. native-less pages)
  app::Persistence* persistence = nullptr;   // the app's own instance when it has one
  app::LaunchData launch;
  CourseState st;
  std::int64_t now = 0;
};
Driver* g_driver = nullptr;

std::int64_t Now() { return static_cast<std::int64_t>(NowSeconds()); }

// One meaningful learner step in course order; false when everything is done (or, without
// `assessment`, when only the final assessment is left).
bool Step(Driver& d, std::string& what, bool assessment) {
  const Course& c = d.load.course;
  d.now = std::max(d.now + 1, Now());
  add_time(d.st, 7.5);
  for (const Module& m : c.modules) {
    const ModuleProgress* p = find_progress(d.st, m.id);
    const int seen = p ? p->lesson.pages_seen : 0;
    if (!m.pages.empty() && (!p || !p->lesson.completed)) {
      view_page(d.st, c, m.id, seen, d.now);
      d.st.bookmark = {Screen::Lesson, m.id, seen};
      what = "page " + m.id + ":" + std::to_string(seen);
      return true;
    }
    if (!m.quiz.questions.empty() && (!p || p->quiz.attempts_used == 0)) {
      auto q = begin_quiz(c, d.st, m.id, d.now);
      if (!q) continue;
      std::size_t i = 0;
      while (i < q->size() && q->submitted(i)) ++i;
      if (i == q->size()) {
        finish_quiz(d.st, *q, d.now);
        what = "finish quiz " + m.id;
        return true;
      }
      q->go(i);
      q->answer(correct_response(q->current()));
      q->submit();
      record_answer(d.st, *q, i, 4.5, d.now);
      d.st.bookmark = {Screen::Quiz, m.id, static_cast<int>(i)};
      what = "answer " + q->current().id;
      return true;
    }
    if (m.roleplay && (!p || p->roleplay.runs == 0)) {
      auto rp = begin_roleplay(c, d.st, m.id, d.now);
      if (!rp) continue;
      const auto& choices = rp->choices();
      std::size_t best = 0;
      int best_score = -1000;
      for (std::size_t k = 0; k < choices.size(); ++k) {
        const int ending = m.roleplay->node_index(choices[k].next) >= 0 &&
                                   m.roleplay->nodes[static_cast<std::size_t>(m.roleplay->node_index(choices[k].next))].is_ending
                               ? 1000 : 0;
        int s = ending;
        for (const auto& [id, pts] : choices[k].scores) s += pts;
        if (s > best_score) best_score = s, best = k;
      }
      rp->choose(best);
      record_choice(d.st, m.id, *rp, 6, d.now);
      d.st.bookmark = {Screen::RolePlay, m.id, 0};
      what = "roleplay " + m.id;
      return true;
    }
  }
  if (assessment && c.assessment_required && !c.assessment.bank.empty() && d.st.assessment.attempts_used == 0) {
    auto q = begin_quiz(c, d.st, c.assessment.id, d.now);
    if (q) {
      std::size_t i = 0;
      while (i < q->size() && q->submitted(i)) ++i;
      if (i == q->size()) {
        finish_quiz(d.st, *q, d.now);
        d.st.bookmark = {Screen::Results, "", 0};
        what = "finish assessment";
        return true;
      }
      q->go(i);
      q->answer(correct_response(q->current()));
      q->submit();
      record_answer(d.st, *q, i, 5, d.now);
      d.st.bookmark = {Screen::Assessment, c.assessment.id, static_cast<int>(i)};
      what = "assessment " + q->current().id;
      return true;
    }
  }
  return false;
}

std::string Status(Driver& d) {
  nlohmann::json j;
  j["mode"] = d.persistence->ModeLabel("en");
  j["last_error"] = d.persistence->LastError();
  j["learner_id"] = d.launch.learner_id;
  j["learner_name"] = d.launch.learner_name;
  j["language"] = d.launch.language;
  j["notices"] = d.launch.notices;
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

}  // namespace

}  // namespace granice::platform

// [SECTION] Functions the page calls (web/scorm.js)
extern "C" {
EMSCRIPTEN_KEEPALIVE void granice_persist_page_event(int final_event) {
  using namespace granice::platform;
  if (PagePersistence* p = ActivePersistence()) {
    if (final_event) p->OnPageHide();
    else p->OnPageHidden();
  }
}

// Test driver: "launch", "step", "steps:<n>", "modules:<n>" (steps short of the final
// assessment), "finish", "clear", "status". Returns JSON.
EMSCRIPTEN_KEEPALIVE const char* granice_persist_test(const char* action) {
  using namespace granice;
  using namespace granice::platform;
  static std::string out;
  if (!TestDriverEnabled()) return out = "{\"error\":\"test driver off\"}", out.c_str();
  const std::string a = action ? action : "";
  try {
    if (a == "launch") {
      if (!g_driver) {
        g_driver = new Driver();
        g_driver->load = LoadEmbeddedCourse();
        if (PagePersistence* active = ActivePersistence()) {
          g_driver->persistence = active;  // the app already launched it: Launch() returns the same data
        } else {
          g_driver->owned = CreatePersistence();
          g_driver->persistence = g_driver->owned.get();
        }
        g_driver->launch = g_driver->persistence->Launch(g_driver->load.course);
        // Go on from where the learner is (the app may have saved steps since its launch).
        const std::optional<CourseState> latest =
            ActivePersistence() ? ActivePersistence()->Latest() : g_driver->launch.state;
        g_driver->now = std::max<std::int64_t>(Now(), latest ? latest->updated : 0);
        g_driver->st = latest
                           ? *latest
                           : new_state(g_driver->load.course, g_driver->launch.learner_id, g_driver->launch.learner_name,
                                       g_driver->launch.language.empty() ? "pl" : g_driver->launch.language, 7, g_driver->now);
        if (!latest) g_driver->persistence->Save(g_driver->load.course, g_driver->st);
      }
      return out = Status(*g_driver), out.c_str();
    }
    if (!g_driver) return out = "{\"error\":\"not launched\"}", out.c_str();
    Driver& d = *g_driver;
    const bool modules_only = a.rfind("modules:", 0) == 0;
    if (a == "step" || a.rfind("steps:", 0) == 0 || modules_only) {
      const int n = a == "step" ? 1 : std::clamp(std::atoi(a.c_str() + (modules_only ? 8 : 6)), 1, 100000);
      nlohmann::json done = nlohmann::json::array();
      for (int i = 0; i < n; ++i) {
        std::string what;
        if (!Step(d, what, !modules_only)) break;
        d.persistence->Save(d.load.course, d.st);
        done.push_back(what);
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
