// The view model behind the learner screens, driven through the shipped course as the screens
// would drive it: navigation, lessons, quizzes, role-plays, the assessment, resume, start over.
#include <catch2/catch.hpp>

#include <limits>
#include <string>

#include "../fuzz/entries.h"
#include "app/view/course_session.h"
#include "core/engines/scoring.h"

using namespace granice;
using view::CourseSession;
using view::Page;

namespace {

struct Harness {
  std::int64_t now = 1'780'000'000;
  int saves = 0;
  std::string announced;
  CourseSession s;
  explicit Harness(const Course& c, std::string name = "Anna Nowak")
      : s(c, new_state(c, "u1", std::move(name), "pl", 42, 1'780'000'000), [this] { return now; }) {
    s.on_change = [this] { ++saves; };
    s.announce = [this](const std::string& t) { announced = t; };
  }
};

// Answers the current question right (or with the first wrong option) and submits it.
QuestionResult Answer(CourseSession& s, bool right) {
  QuizSession& q = *s.quiz();
  const Question& question = q.current();
  Response r = correct_response(question);
  if (!right && is_choice_type(question.type)) {
    for (size_t i = 0; i < question.options.size(); ++i)
      if (!question.options[i].correct) {
        r = Response{};
        r.selected = {static_cast<int>(i)};
        break;
      }
  }
  REQUIRE(q.answer(r));
  s.QuizEdited();
  auto result = s.SubmitAnswer();
  REQUIRE(result);
  return *result;
}

void TakeQuiz(CourseSession& s, const std::string& id, bool right) {
  REQUIRE(s.StartQuiz(id));
  REQUIRE(s.page() == Page::Quiz);
  for (;;) {
    Answer(s, right);
    if (s.quiz()->at_last()) break;
    s.QuizNext();
  }
  s.FinishQuiz();
}

void PlayBest(CourseSession& s, const std::string& module_id) {
  REQUIRE(s.StartRolePlay(module_id));
  while (!s.roleplay()->ended()) {
    const auto& choices = s.roleplay()->choices();
    size_t best = 0;
    int best_score = -1000;
    for (size_t i = 0; i < choices.size(); ++i) {
      int total = 0;
      for (const auto& [k, v] : choices[i].scores) total += v;
      if (total > best_score) {
        best_score = total;
        best = i;
      }
    }
    REQUIRE(s.Choose(best));
  }
}

void CompleteModule(Harness& h, const Module& m) {
  CourseSession& s = h.s;
  s.OpenModule(m.id);
  s.OpenLesson(m.id, 0);
  for (size_t p = 1; p < m.pages.size(); ++p) s.NextPage();
  CHECK(s.lesson_page() == static_cast<int>(m.pages.size()) - 1);
  TakeQuiz(s, m.id, true);
  CHECK(s.page() == Page::QuizResults);
  PlayBest(s, m.id);
  h.now += 60;
}

}  // namespace

TEST_CASE("course session: a learner without a name is asked for it first", "[session]") {
  const Course& c = fuzz::real_course();
  Harness h(c, "");
  CHECK(h.s.page() == Page::NamePrompt);
  h.s.SetLearnerName("Jan Kowalski");
  CHECK(h.s.page() == Page::Home);
  CHECK(h.s.state().learner_name == "Jan Kowalski");
  CHECK(h.saves == 1);
}

TEST_CASE("course session: the whole shipped course, answered right, ends passed with a certificate", "[session]") {
  const Course& c = fuzz::real_course();
  Harness h(c);
  CourseSession& s = h.s;
  CHECK(s.Availability(c.assessment.id) == QuizAvailability::Locked);
  for (const Module& m : c.modules) {
    CompleteModule(h, m);
    INFO("module " << m.id);
    CHECK(s.StatusOf(m) == ModuleStatus::Passed);
  }
  CHECK(s.ModulesCompleted() == s.ModulesTotal());
  CHECK(s.Availability(c.assessment.id) == QuizAvailability::Available);
  TakeQuiz(s, c.assessment.id, true);
  CHECK(s.page() == Page::Results);
  CHECK(s.last_quiz_result()->score_percent == Approx(100.0));
  CHECK(completion_status(c, s.state()) == CompletionStatus::Completed);
  CHECK(success_status(c, s.state()) == SuccessStatus::Passed);
  s.OpenCertificate();
  CHECK(s.page() == Page::Certificate);
  CHECK(h.saves > 100);   // saved on every step
}

TEST_CASE("course session: a failed assessment offers no certificate", "[session]") {
  const Course& c = fuzz::real_course();
  Harness h(c);
  for (const Module& m : c.modules) CompleteModule(h, m);
  TakeQuiz(h.s, c.assessment.id, false);
  CHECK(h.s.page() == Page::Results);
  CHECK(success_status(c, h.s.state()) == SuccessStatus::Failed);
  h.s.OpenCertificate();
  CHECK(h.s.page() == Page::Results);   // refused
}

TEST_CASE("course session: feedback is announced after an answer, the client's line after a choice", "[session]") {
  const Course& c = fuzz::real_course();
  Harness h(c);
  const Module& m = c.modules.front();
  REQUIRE(h.s.StartQuiz(m.id));
  const QuestionResult r = Answer(h.s, true);
  CHECK(h.announced == view::FeedbackSummary(h.s.quiz()->current(), r, "pl"));
  CHECK(h.announced.rfind("Dobrze!", 0) == 0);
  REQUIRE(h.s.StartRolePlay(m.id));
  REQUIRE(h.s.Choose(0));
  const RolePlayNode& n = h.s.roleplay()->node();
  CHECK(h.announced.find(n.client.in("pl")) != std::string::npos);
}

TEST_CASE("course session: resume returns to the lesson page, quiz question and role-play step", "[session]") {
  const Course& c = fuzz::real_course();
  const Module& m = c.modules.at(1);

  SECTION("lesson page") {
    Harness h(c);
    h.s.OpenLesson(m.id, 2);
    CourseSession again(c, h.s.state(), [] { return std::int64_t{1'780'000'100}; });
    again.Restore(h.s.state());
    CHECK(again.page() == Page::Lesson);
    CHECK(again.module()->id == m.id);
    CHECK(again.lesson_page() == 2);
  }
  SECTION("quiz question, with the answers and presented order kept") {
    Harness h(c);
    REQUIRE(h.s.StartQuiz(m.id));
    Answer(h.s, true);
    h.s.QuizNext();
    Answer(h.s, false);
    h.s.QuizNext();
    const std::vector<int> order = h.s.quiz()->presented();
    CourseSession again(c, h.s.state(), [] { return std::int64_t{1'780'000'100}; });
    again.Restore(h.s.state());
    REQUIRE(again.page() == Page::Quiz);
    CHECK(again.quiz()->index() == 2);
    CHECK(again.quiz()->submitted(0));
    CHECK(again.quiz()->submitted(1));
    CHECK(again.quiz()->presented() == order);
  }
  SECTION("role-play step") {
    Harness h(c);
    REQUIRE(h.s.StartRolePlay(m.id));
    REQUIRE(h.s.Choose(1));
    REQUIRE(h.s.Choose(0));
    const std::vector<int> path = h.s.roleplay()->path();
    CourseSession again(c, h.s.state(), [] { return std::int64_t{1'780'000'100}; });
    again.Restore(h.s.state());
    REQUIRE(again.page() == Page::RolePlay);
    CHECK(again.roleplay()->path() == path);
  }
}

TEST_CASE("course session: Back goes one level up, start over keeps the learner and resets progress", "[session]") {
  const Course& c = fuzz::real_course();
  Harness h(c);
  const Module& m = c.modules.front();
  h.s.OpenLesson(m.id, 1);
  h.s.Back();
  CHECK(h.s.page() == Page::Module);
  h.s.Back();
  CHECK(h.s.page() == Page::Home);
  h.s.OpenSettings();
  CHECK(h.s.page() == Page::Settings);
  h.s.Back();
  CHECK(h.s.page() == Page::Home);

  CompleteModule(h, m);
  CHECK(h.s.ModulesCompleted() == 1);
  const std::uint64_t old_seed = h.s.state().seed;
  h.s.StartOver();
  CHECK(h.s.ModulesCompleted() == 0);
  CHECK(h.s.state().learner_name == "Anna Nowak");
  CHECK(h.s.state().seed != old_seed);
  CHECK_FALSE(h.s.HasResumePoint());
}

TEST_CASE("course session: switching language keeps progress", "[session]") {
  const Course& c = fuzz::real_course();
  Harness h(c);
  const Module& m = c.modules.front();
  CompleteModule(h, m);
  h.s.SetLanguage("en");
  CHECK(h.s.lang() == "en");
  CHECK(h.s.StatusOf(m) == ModuleStatus::Passed);
}

TEST_CASE("course session: time spent adds up per animation frame without rounding drift", "[session]") {
  const Course& c = fuzz::real_course();
  // A minute at 60 Hz (16.7 ms frames; a round2 per frame made each 20 ms: 72 s), then 4 s at
  // 240 Hz (4.2 ms frames, each rounded to nothing), then Date.now()-style whole milliseconds.
  Harness h(c);
  for (int i = 0; i < 3600; ++i) h.s.AddTime(1.0 / 60.0);
  CHECK(h.s.state().total_time_seconds == Approx(60.0).margin(0.011));
  for (int i = 0; i < 960; ++i) h.s.AddTime(1.0 / 240.0);
  CHECK(h.s.state().total_time_seconds == Approx(64.0).margin(0.011));
  for (int i = 0; i < 1000; ++i) h.s.AddTime(i % 3 == 0 ? 0.016 : 0.017);
  CHECK(h.s.state().total_time_seconds == Approx(64.0 + 334 * 0.016 + 666 * 0.017).margin(0.011));
  h.s.AddTime(-1);
  h.s.AddTime(std::numeric_limits<double>::quiet_NaN());
  CHECK(h.s.state().total_time_seconds == Approx(64.0 + 334 * 0.016 + 666 * 0.017).margin(0.011));
}
