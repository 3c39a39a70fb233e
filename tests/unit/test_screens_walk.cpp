// The real screens (src/app), built natively and walked through the headless runner by role and
// name, as the accessible DOM layer does in the browser: the whole course in both languages, an
// exact resume from saved progress, and reflow at 320 CSS px with 200 % text.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <set>
#include <filesystem>
#include <optional>

#include "app/app_state.h"
#include "app/persistence.h"
#include "app/view/strings.h"
#include "core/content/loader.h"
#include "imgui_internal.h"
#include "runner/headless.h"
#include "screen_learner.h"

using namespace granice;
using view::Role;
using view::Str;
using view::T;
using test::LearnerApp;
using test::NextModule;

// A learner's step that must work; on failure the message says what the screen had instead.
#define STEP(learner, expr)             \
  do {                                  \
    const bool step_ok_ = (expr);       \
    INFO((learner).Error());            \
    REQUIRE(step_ok_);                  \
  } while (0)

namespace {

const Course* shipped() {
  static std::optional<LoadResult> loaded;
  if (!loaded) loaded = load_course_folder(GRANICE_SOURCE_DIR "/quizzes");
  return loaded->ok() ? &loaded->course : nullptr;
}

// What the learner sees: each widget's role, name and state (not focus or announcements, which
// follow the learner's last action).
std::vector<std::string> Visible(const view::SemanticTree& t) {
  std::vector<std::string> out;
  for (const auto& n : t.nodes)
    out.push_back(std::string(view::RoleName(n.role)) + "|" + n.name + "|" + std::to_string(n.checked) + "|" + n.value +
                  "|" + std::to_string(n.selected));
  return out;
}

bool HasHeading(const view::SemanticTree& t, const std::string& name) {
  for (const auto& n : t.nodes)
    if (n.role == Role::Heading && n.name == name) return true;
  return false;
}

// What the accessible DOM layer needs of every screen, whatever its content (the browser's DOM
// walk runs axe on one module's screens; these hold for all of them): a title, one h1, heading
// levels that do not skip, every control named, ids unique, the content's language, and on a
// lesson page exactly one current page in the pager.
std::vector<std::string> ScreenProblems(const view::SemanticTree& t, const std::string& lang) {
  std::vector<std::string> out;
  if (t.title.empty()) out.push_back("no title");
  if (t.lang != lang) out.push_back("lang " + t.lang);
  int h1 = 0;
  int level = 0;
  int current_pages = 0;
  std::set<std::string> ids;
  for (const auto& n : t.nodes) {
    if (n.role == Role::Heading) {
      if (n.level == 1) ++h1;
      if (n.level > level + 1) out.push_back("heading level " + std::to_string(n.level) + " after " + std::to_string(level) + ": " + n.name);
      level = n.level;
    }
    const bool control = view::IsControl(n.role);
    if (control && n.name.empty()) out.push_back(std::string("unnamed ") + view::RoleName(n.role));
    if (control && !n.id.empty() && !ids.insert(n.id).second) out.push_back("id twice: " + n.id + " (" + n.name + ")");
    if (n.current == view::Current::Page) ++current_pages;
  }
  if (h1 != 1) out.push_back(std::to_string(h1) + " h1");
  if (current_pages > 1) out.push_back(std::to_string(current_pages) + " current pages");
  return out;
}

}  // namespace

TEST_CASE("screens, natively: the whole course through the real screens, in Polish and English", "[screens]") {
  const Course* course = shipped();
  REQUIRE(course);
  for (const std::string lang : {"pl", "en"}) {
    INFO("language " << lang);
    const auto start = std::chrono::steady_clock::now();
    LearnerApp a(*course, lang);
    runner::Headless ui(a.front);
    test::ScreenLearner learner(ui, *course, lang);
    int screens = 0;
    std::set<std::string> titles;
    learner.on_screen = [&](const view::SemanticTree& t) {
      ++screens;
      titles.insert(t.title);
      const std::vector<std::string> problems = ScreenProblems(t, lang);
      INFO("screen " << t.title << ": " << runner::Describe(t));
      CHECK(problems == std::vector<std::string>{});
    };
    REQUIRE(ui.Find(Role::Text, std::string(view::Fmt(T(lang, Str::LearnerLabel), {"Anna Kowalska"}))) != nullptr);
    STEP(learner, learner.Press(T(lang, Str::StartCourse)));
    for (std::size_t i = 0; i < course->modules.size(); ++i) {
      INFO("module " << course->modules[i].id);
      STEP(learner, learner.CompleteModule(course->modules[i]));
      if (i + 1 < course->modules.size()) STEP(learner, learner.Press(NextModule(lang, course->modules[i + 1])));
    }
    STEP(learner, learner.Press(T(lang, Str::BackToCourse)));
    STEP(learner, learner.Press(T(lang, Str::AssessmentOpen)));
    REQUIRE(learner.TakeQuiz([](const Question&) { return true; }));
    STEP(learner, learner.Press(T(lang, Str::ViewCertificate)));
    CHECK(HasHeading(ui.Tree(), "Anna Kowalska"));
    CHECK(titles.size() >= 2 * course->modules.size() + 2);   // each module's screens, the assessment, the certificate

    const CourseState& st = a.app.session->state();
    CHECK(completion_status(*course, st) == CompletionStatus::Completed);
    CHECK(success_status(*course, st) == SuccessStatus::Passed);
    CHECK(overall_score(*course, st) == Approx(100.0));
    REQUIRE(a.memory.saved);
    CHECK(*a.memory.saved == st);   // every step reached the persistence
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    WARN("whole course on the screens (" << lang << "): " << screens << " actions, " << ui.frames() << " frames, "
         << st.interactions.size() << " interactions, " << ms << " ms (ASan/UBSan build)");
  }
}

TEST_CASE("screens, natively: a relaunch from saved progress shows the same question with the same answers", "[screens]") {
  const Course* course = shipped();
  REQUIRE(course);
  std::vector<std::string> before;
  CourseState saved;
  {
    LearnerApp a(*course, "pl");
    runner::Headless ui(a.front);
    test::ScreenLearner learner(ui, *course, "pl");
    STEP(learner, learner.Press(T("pl", Str::StartCourse)));
    STEP(learner, learner.Press(T("pl", Str::StartLesson)));
    while (!learner.Has(T("pl", Str::ToQuiz))) STEP(learner, learner.Press(T("pl", Str::Next)));
    STEP(learner, learner.Press(T("pl", Str::ToQuiz)));
    for (int i = 0; i < 3; ++i) {
      STEP(learner, learner.AnswerQuestion(i != 1));
      STEP(learner, learner.Press(T("pl", Str::NextQuestion)));
    }
    before = Visible(ui.Tree());
    REQUIRE(a.memory.saved);
    saved = *a.memory.saved;
  }
  LearnerApp b(*course, "pl", saved);
  runner::Headless ui(b.front);
  CHECK(Visible(ui.Tree()) == before);
  test::ScreenLearner learner(ui, *course, "pl");
  STEP(learner, learner.Press(T("pl", Str::PreviousQuestion)));
  CHECK(ui.Find(Role::Button, T("pl", Str::NextQuestion)) != nullptr);   // that one was answered
}

TEST_CASE("screens, natively: at 320 CSS px with 200 % text the whole course stays within the width", "[screens]") {
  const Course* course = shipped();
  REQUIRE(course);
  LearnerApp a(*course, "en");
  runner::HeadlessOptions narrow;
  narrow.width = 320;
  narrow.height = 640;
  narrow.text_scale = 2.0f;
  runner::Headless ui(a.front, narrow);
  test::ScreenLearner learner(ui, *course, "en");
  std::vector<std::string> overflow;
  int checked = 0;
  learner.on_screen = [&](const view::SemanticTree& t) {
    ++checked;
    for (const auto& n : t.nodes) {
      if (n.rect.width <= 0) continue;
      if (n.rect.x < -1.0f || n.rect.x + n.rect.width > narrow.width + 1.0f)
        overflow.push_back(t.title + " / " + view::RoleName(n.role) + " \"" + n.name.substr(0, 40) + "\" x " +
                           std::to_string(n.rect.x) + " w " + std::to_string(n.rect.width));
    }
  };
  STEP(learner, learner.Press(T("en", Str::StartCourse)));
  for (std::size_t i = 0; i < course->modules.size(); ++i) {
    STEP(learner, learner.CompleteModule(course->modules[i]));
    if (i + 1 < course->modules.size()) STEP(learner, learner.Press(NextModule("en", course->modules[i + 1])));
  }
  STEP(learner, learner.Press(T("en", Str::BackToCourse)));
  STEP(learner, learner.Press(T("en", Str::AssessmentOpen)));
  REQUIRE(learner.TakeQuiz([](const Question&) { return true; }));
  STEP(learner, learner.Press(T("en", Str::ViewCertificate)));
  for (const auto& o : overflow) UNSCOPED_INFO(o);
  CHECK(overflow.empty());
  CHECK(checked > 200);   // every screen of the course
  CHECK(success_status(*course, a.app.session->state()) == SuccessStatus::Passed);
}

TEST_CASE("screens, natively: on a touch screen every control is at least 44 x 44 CSS px, and a lesson's next step is always on screen", "[screens][touch]") {
  const Course* course = shipped();
  REQUIRE(course);
  LearnerApp a(*course, "pl");
  a.app.settings.coarse_pointer = true;
  runner::HeadlessOptions phone;
  phone.width = 390;
  phone.height = 844;
  runner::Headless ui(a.front, phone);
  test::ScreenLearner learner(ui, *course, "pl");
  float smallest = 1e9f;
  std::string smallest_name;
  int controls = 0;
  int lesson_pages = 0;
  const std::string next = T("pl", Str::Next), to_quiz = T("pl", Str::ToQuiz);
  learner.on_screen = [&](const view::SemanticTree& t) {
    // On a lesson page the next step is pinned to the bottom: on screen without scrolling.
    for (const auto& n : t.nodes)
      if (n.role == Role::Button && (n.name == next || n.name == to_quiz)) {
        ++lesson_pages;
        INFO(t.title << ": \"" << n.name << "\" at y " << n.rect.y);
        CHECK(n.rect.y >= 0.0f);
        CHECK(n.rect.y + n.rect.height <= 844.0f);
      }
    for (const auto& n : t.nodes) {
      const bool control = view::IsControl(n.role);
      if (!control || n.rect.width <= 0) continue;
      ++controls;
      const float side = std::min(n.rect.width, n.rect.height);
      if (side < smallest) smallest = side, smallest_name = n.name;
      INFO(t.title << ": " << view::RoleName(n.role) << " \"" << n.name << "\" " << n.rect.width << " x " << n.rect.height);
      CHECK(n.rect.width >= 44.0f - 0.5f);
      CHECK(n.rect.height >= 44.0f - 0.5f);
    }
  };
  STEP(learner, learner.Press(T("pl", Str::StartCourse)));
  STEP(learner, learner.CompleteModule(course->modules[0]));
  CHECK(lesson_pages >= static_cast<int>(course->modules[0].pages.size()));
  CHECK(ImGui::GetStyle().ScrollbarSize == Approx(24.0f));   // a scrollbar a thumb can hold (WCAG 2.5.8)
  WARN("touch targets: " << controls << " controls seen, the smallest side " << smallest << " px (" << smallest_name << ")");
}

TEST_CASE("screens, natively: focus rings as browsers show them, not after a click or a tap, also where focus moves for screen readers", "[screens][touch]") {
  const Course* course = shipped();
  REQUIRE(course);
  LearnerApp a(*course, "en");
  runner::Headless ui(a.front);
  const view::SemanticNode* start = ui.Find(Role::Button, T("en", Str::StartCourse));
  REQUIRE(start);
  const std::string id = start->id;
  a.app.ui.focus_request = id;   // before any click or tap (a screen reader moved focus): a ring, as browsers do
  ui.Settle();
  CHECK(ui.Tree().focus_ring);
  a.app.ui.focus_visible = false;  // a tap, then the DOM layer moves focus (a new reply, a heading): no ring
  a.app.ui.focus_request = id;
  ui.Settle();
  CHECK(ImGui::GetCurrentContext()->NavDisableHighlight);
  CHECK_FALSE(ui.Tree().focus_ring);
  a.app.ui.focus_visible = true;   // a key was pressed: Tab shows the ring
  a.app.ui.focus_request = id;
  ui.Settle();
  CHECK_FALSE(ImGui::GetCurrentContext()->NavDisableHighlight);
  CHECK(ui.Tree().focus_ring);
  a.app.ui.focus_visible = false;  // then a tap
  ui.Settle();
  CHECK(ImGui::GetCurrentContext()->NavDisableHighlight);
  CHECK_FALSE(ui.Tree().focus_ring);
}

// Motion (issue 21): Home's progress ring turns in when the screen appears, the runner draws
// while it does (HasPendingInput), and then nothing is owed: an idle page draws no frames. With
// reduced motion nothing moves: nothing is owed after the first frame.
TEST_CASE("screens, natively: a transition keeps frames coming only while it runs, and never with reduced motion", "[screens][motion]") {
  const Course* course = shipped();
  REQUIRE(course);
  for (const bool reduced : {false, true}) {
    INFO("reduced motion: " << reduced);
    LearnerApp a(*course, "en");
    a.app.settings.reduced_motion = reduced;
    runner::Headless ui(a.front, {1280, 800});   // settled on Home: nothing owed
    CHECK_FALSE(app::HasPendingInput(a.app));
    a.app.session->OpenSettings();
    ui.Frame();
    a.app.session->CloseSettings();
    ui.Frame();   // Home appears again, with its ring
    CHECK(app::HasPendingInput(a.app) == !reduced);
    int frames = 0;
    while (app::HasPendingInput(a.app) && frames < 120) {
      ui.Frame();
      ++frames;
    }
    CHECK_FALSE(app::HasPendingInput(a.app));
    if (reduced) CHECK(frames == 0);
    else CHECK(frames < 30);   // 0.35 s at 60 frames a second
  }
}
