// "Where am I": the course step the learner is on (the course map marks it, aria-current="step"),
// a lesson's pager (aria-current="page"), and how the semantic tree hands current items, drop-downs
// and a text field's caret to the accessible DOM layer (web/a11y.js).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "../fuzz/entries.h"
#include "app/view/course_session.h"
#include "app/view/focus_order.h"
#include "app/view/semantics.h"
#include "app/view/wayfinding.h"
#include "core/engines/scoring.h"

using namespace granice;
using view::CourseSession;
using view::CourseStep;
using view::PagerItem;

namespace {

CourseSession NewSession(const Course& c) {
  return CourseSession(c, new_state(c, "u1", "Anna Nowak", "pl", 7, 1'780'000'000),
                       [] { return std::int64_t{1'780'000'000}; });
}

void TakeQuizRight(CourseSession& s, const std::string& id) {
  REQUIRE(s.StartQuiz(id));
  for (;;) {
    REQUIRE(s.quiz()->answer(correct_response(s.quiz()->current())));
    s.QuizEdited();
    REQUIRE(s.SubmitAnswer());
    if (s.quiz()->at_last()) break;
    s.QuizNext();
  }
  s.FinishQuiz();
}

void CompleteModule(CourseSession& s, const Module& m) {
  s.OpenLesson(m.id, 0);
  for (size_t p = 1; p < m.pages.size(); ++p) s.NextPage();
  TakeQuizRight(s, m.id);
  REQUIRE(s.StartRolePlay(m.id));
  while (!s.roleplay()->ended()) REQUIRE(s.Choose(0));
}

CourseStep ModuleStep(const std::string& id) { return {CourseStep::Kind::Module, id}; }
const CourseStep kAssessment{CourseStep::Kind::Assessment, {}};

}  // namespace

TEST_CASE("current step: the bookmarked module, else the first one not completed, then the assessment", "[a11y][current]") {
  const Course& c = fuzz::real_course();
  REQUIRE(c.modules.size() >= 3);
  CourseSession s = NewSession(c);
  const auto step = [&] { return view::CurrentStep(c, s.state()); };

  // A new learner: the first module ("Start the course" opens it).
  CHECK(step() == ModuleStep(c.modules[0].id));
  // Reading module 3's lesson: that is where "Continue" goes, so that is the current step.
  s.OpenLesson(c.modules[2].id, 1);
  CHECK(step() == ModuleStep(c.modules[2].id));
  s.OpenModule(c.modules[1].id);
  CHECK(step() == ModuleStep(c.modules[1].id));
  // Home clears the bookmark: the first module not completed yet.
  s.GoHome();
  CHECK(step() == ModuleStep(c.modules[0].id));
  CompleteModule(s, c.modules[0]);
  s.GoHome();
  CHECK(step() == ModuleStep(c.modules[1].id));
  // Every module done: the final assessment, while it is open and until it is passed.
  for (size_t i = 1; i < c.modules.size(); ++i) CompleteModule(s, c.modules[i]);
  s.GoHome();
  CHECK(step() == kAssessment);
  REQUIRE(s.StartQuiz(c.assessment.id));
  CHECK(step() == kAssessment);   // bookmarked in the assessment
  s.GoHome();
  CHECK(step() == kAssessment);   // and still open (in progress)
  TakeQuizRight(s, c.assessment.id);
  CHECK(success_status(c, s.state()) == SuccessStatus::Passed);
  s.GoHome();
  CHECK(step() == CourseStep{});  // passed: nothing left to be on
}

TEST_CASE("current step: a bookmark to a module that no longer exists falls back to the course order", "[a11y][current]") {
  const Course& c = fuzz::real_course();
  CourseState st = new_state(c, "u1", "Anna", "pl", 7, 1'780'000'000);
  st.bookmark = {Screen::Lesson, "removed-module", 2};
  CHECK(view::CurrentStep(c, st) == ModuleStep(c.modules[0].id));
  st.bookmark = {Screen::Assessment, "", 0};
  CHECK(view::CurrentStep(c, st) == kAssessment);
}

TEST_CASE("lesson pager: the page shown is current, pages seen and the next one can be opened", "[a11y][current]") {
  // First visit to page 1 of 4: only page 2 ahead is open (as "Next" is).
  CHECK(view::LessonPager(4, 0, 1) ==
        std::vector<PagerItem>{{0, true, true}, {1, false, true}, {2, false, false}, {3, false, false}});
  // Back on page 2 after reading 3 pages: pages 1-4 open (page 4 is the next unread one).
  CHECK(view::LessonPager(4, 1, 3) ==
        std::vector<PagerItem>{{0, false, true}, {1, true, true}, {2, false, true}, {3, false, true}});
  // The shown page counts as seen even before the state says so (a resumed lesson).
  CHECK(view::LessonPager(3, 1, 0) == std::vector<PagerItem>{{0, false, true}, {1, true, true}, {2, false, true}});
  // Exactly one current page, clamped into range; no pages, no pager.
  for (int current : {-3, 0, 2, 9}) {
    const auto items = view::LessonPager(3, current, 3);
    REQUIRE(items.size() == 3);
    int currents = 0;
    for (const PagerItem& i : items) currents += i.current;
    CHECK(currents == 1);
    CHECK(items[current < 0 ? 0 : current > 2 ? 2 : static_cast<size_t>(current)].current);
  }
  CHECK(view::LessonPager(0, 0, 0).empty());
}

TEST_CASE("the tree carries aria-current, drop-downs and the caret to the DOM layer", "[a11y][semantics]") {
  view::SemanticTree t;
  view::SemanticNode page;
  page.role = view::Role::Button;
  page.name = "Page 2: Listen first";
  page.id = "p2";
  page.current = view::Current::Page;
  t.nodes.push_back(page);
  view::SemanticNode other = page;
  other.name = "Page 3: Then answer";
  other.id = "p3";
  other.current = view::Current::None;
  t.nodes.push_back(other);
  view::SemanticNode combo;
  combo.role = view::Role::Combobox;
  combo.name = "The client mentions a diagnosis";
  combo.value = "Choose a match";
  combo.options = {"Refer to the helpline", "Name the limit \"kindly\""};
  combo.id = "c1";
  t.nodes.push_back(combo);
  view::SemanticNode option;
  option.role = view::Role::Option;
  option.name = "Refer to the helpline";
  option.id = "o1";
  option.checked = 0;
  option.group = combo.name;
  t.nodes.push_back(option);
  view::SemanticNode field;
  field.role = view::Role::Textbox;
  field.name = "Your name";
  field.value = "Zoë";
  field.id = "name";
  field.selection_start = 1;
  field.selection_end = 3;
  field.caret = {120.5f, 40, 2, 18};
  field.autocomplete = "name";
  t.nodes.push_back(field);

  const auto j = nlohmann::json::parse(t.ToJson());
  const auto& n = j.at("nodes");
  CHECK(n.at(0).at("current") == "page");
  CHECK_FALSE(n.at(1).contains("current"));
  CHECK(n.at(2).at("role") == "combobox");
  CHECK(n.at(2).at("value") == "Choose a match");
  CHECK(n.at(2).at("options") == nlohmann::json::array({"Refer to the helpline", "Name the limit \"kindly\""}));
  CHECK(n.at(2).at("selected") == -1);
  CHECK(n.at(2).at("expanded") == false);
  CHECK(n.at(2).at("disabled") == false);
  CHECK(n.at(3).at("role") == "option");
  CHECK(n.at(3).at("checked") == false);
  CHECK(n.at(4).at("selectionStart") == 1);
  CHECK(n.at(4).at("selectionEnd") == 3);
  CHECK(n.at(4).at("caret").at("x").get<double>() == Approx(120.5));
  CHECK(n.at(4).at("caret").at("height").get<double>() == Approx(18));
  CHECK(n.at(4).at("autocomplete") == "name");

  // A field with no purpose (the trainer's search) says none: the DOM layer then sets "off".
  t.nodes.back().autocomplete.clear();
  CHECK_FALSE(nlohmann::json::parse(t.ToJson()).at("nodes").at(4).contains("autocomplete"));
  t.nodes.back().autocomplete = "name";

  // Without a DOM caret (the field does not have focus) there is no caret in the JSON.
  t.nodes.back().selection_start = t.nodes.back().selection_end = -1;
  CHECK_FALSE(nlohmann::json::parse(t.ToJson()).at("nodes").at(4).contains("caret"));

  CHECK(std::string(view::CurrentName(view::Current::Step)) == "step");
  CHECK(std::string(view::CurrentName(view::Current::True)) == "true");
  CHECK(std::string(view::CurrentName(view::Current::None)).empty());
  // The drop-down is a Tab stop; a current item is one too (it stays enabled).
  CHECK(view::TabStops(t) == std::vector<std::string>{"p2", "p3", "c1", "o1", "name"});
}

TEST_CASE("matching: choices in a row on one item revise it, stepping past other items' targets takes nothing", "[a11y][session]") {
  const Course& c = fuzz::real_course();
  const Module* mod = nullptr;
  for (const Module& m : c.modules)
    for (const Question& q : m.quiz.questions)
      if (!mod && q.type == QuestionType::Matching && q.pairs.size() >= 4) mod = &m;
  REQUIRE(mod);
  CourseSession s = NewSession(c);
  REQUIRE(s.StartQuiz(mod->id));
  while (s.quiz()->current().type != QuestionType::Matching || s.quiz()->current().pairs.size() < 4) {
    REQUIRE(s.quiz()->answer(correct_response(s.quiz()->current())));
    REQUIRE(s.SubmitAnswer());
    REQUIRE_FALSE(s.quiz()->at_last());
    s.QuizNext();
  }
  const auto match = [&] { return s.quiz()->response().match; };
  const size_t n = s.quiz()->current().pairs.size();
  std::vector<int> want(n, -1);
  CHECK(match() == want);
  REQUIRE(s.Match(0, 0));
  REQUIRE(s.Match(1, 1));
  // Item 2 steps through targets 0, 1, 2 (arrow keys on its <select>): for a moment each step
  // holds a target item 0 or 1 has, but they get it back when the step moves on.
  REQUIRE(s.Match(2, 0));
  CHECK(match()[0] == -1);
  REQUIRE(s.Match(2, 1));
  CHECK(match()[0] == 0);
  CHECK(match()[1] == -1);
  REQUIRE(s.Match(2, 2));
  want[0] = 0, want[1] = 1, want[2] = 2;
  CHECK(match() == want);
  // A choice on another item still takes its target over (one target per item) ...
  REQUIRE(s.Match(3, 2));
  want[2] = -1, want[3] = 2;
  CHECK(match() == want);
  // ... and item 2 again starts a new run from there.
  REQUIRE(s.Match(2, 3));
  want[2] = 3;
  CHECK(match() == want);
  // Saved as it goes (resume keeps it), and locked once submitted.
  CourseSession again(c, s.state(), [] { return std::int64_t{1'780'000'100}; });
  again.Restore(s.state());
  REQUIRE(again.quiz());
  CHECK(again.quiz()->response().match == want);
  for (size_t i = 0; i < n; ++i) REQUIRE(s.Match(static_cast<int>(i), static_cast<int>(i)));
  REQUIRE(s.SubmitAnswer());
  CHECK(s.quiz()->result(s.quiz()->index())->grade.correct);
  CHECK_FALSE(s.Match(0, 1));
  // A new attempt does not inherit a run from the last one.
  s.FinishQuiz();
}

TEST_CASE("history: every place has a key, Back and Forward reopen it, and history never starts an attempt", "[a11y][history]") {
  const Course& c = fuzz::real_course();
  CourseSession s = NewSession(c);
  s.SetLearnerName("Anna Nowak");
  s.GoHome();
  const Module& m = c.modules.front();
  std::vector<std::string> places;
  auto visit = [&] { if (places.empty() || places.back() != s.Location()) places.push_back(s.Location()); };
  visit();
  s.OpenModule(m.id);
  visit();
  s.OpenLesson(m.id, 0);
  visit();
  s.NextPage();
  visit();
  REQUIRE(s.StartQuiz(m.id));
  visit();
  REQUIRE(s.quiz()->answer(correct_response(s.quiz()->current())));
  s.QuizEdited();
  REQUIRE(s.SubmitAnswer());
  s.QuizNext();
  visit();
  CHECK(places == std::vector<std::string>{"home", "module:" + m.id, "lesson:" + m.id + ":0", "lesson:" + m.id + ":1",
                                           "quiz:" + m.id + ":0", "quiz:" + m.id + ":1"});
  // Back, one place at a time, then Forward again: each lands where the key says.
  for (std::size_t i = places.size() - 1; i-- > 0;) {
    REQUIRE(s.Navigate(places[i]));
    CHECK(s.Location() == places[i]);
  }
  for (std::size_t i = 1; i < places.size(); ++i) {
    REQUIRE(s.Navigate(places[i]));
    CHECK(s.Location() == places[i]);   // the open attempt is resumed, at that question
  }
  // Finished, the quiz is not reopened (that would start a new attempt): its module instead.
  while (!s.quiz()->at_last()) {
    REQUIRE(s.quiz()->answer(correct_response(s.quiz()->current())));
    s.QuizEdited();
    s.SubmitAnswer();
    s.QuizNext();
  }
  REQUIRE(s.quiz()->answer(correct_response(s.quiz()->current())));
  s.QuizEdited();
  s.SubmitAnswer();
  s.FinishQuiz();
  const int attempts = find_progress(s.state(), m.id)->quiz.attempts_used;
  REQUIRE(s.Navigate("quiz:" + m.id + ":1"));
  CHECK(s.Location() == "module:" + m.id);
  CHECK(find_progress(s.state(), m.id)->quiz.attempts_used == attempts);
  CHECK_FALSE(find_progress(s.state(), m.id)->quiz.in_progress);
  // A role-play not open: its module (where the learner is: nothing new, so the page skips that
  // entry), and no walk started.
  CHECK_FALSE(s.Navigate("roleplay:" + m.id));
  CHECK(s.Location() == "module:" + m.id);
  CHECK_FALSE(find_progress(s.state(), m.id)->roleplay.in_progress);
  // The certificate before passing: nothing opens.
  CHECK_FALSE(s.Navigate("certificate"));
  CHECK(s.Location() == "module:" + m.id);
  // An old entry for an unread lesson page opens no further than the pager allows.
  const Module& m2 = c.modules.at(1);
  REQUIRE(s.Navigate("lesson:" + m2.id + ":3"));
  CHECK(s.Location() == "lesson:" + m2.id + ":0");
  // Keys that name nothing.
  for (const char* bad : {"", "nowhere", "lesson:no-such-module:1", "lesson:" , "quiz:x:y:z", "home:1:2", "results"})
    CHECK_FALSE(s.Navigate(bad));
  CHECK_FALSE(s.Navigate("lesson:" + m.id + ":99999999"));

  // On the name prompt (a reload with old entries in the tab's history): the name comes first.
  CourseSession fresh(c, new_state(c, "u2", "", "pl", 7, 1'780'000'000), [] { return std::int64_t{1'780'000'000}; });
  REQUIRE(fresh.page() == view::Page::NamePrompt);
  CHECK_FALSE(fresh.Navigate("module:" + m.id));
  CHECK(fresh.page() == view::Page::NamePrompt);
}
