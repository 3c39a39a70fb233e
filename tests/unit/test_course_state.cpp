#include <catch2/catch.hpp>
#include <limits>

#include "core/state/course_state.h"
#include "test_course_fixture.h"

using namespace granice;
using namespace granice::test;

static void read_lesson(const Course& c, CourseState& st, const std::string& m) {
  for (int p = 0; p < static_cast<int>(c.module(m)->pages.size()); ++p) view_page(st, c, m, p, 10);
}

static double take_quiz(const Course& c, CourseState& st, const std::string& id, bool correct) {
  auto s = begin_quiz(c, st, id, 20);
  REQUIRE(s);
  for (std::size_t i = 0; i < s->size(); ++i) {
    s->go(i);
    Response r = correct ? correct_response(s->current()) : blank_response(s->current());
    if (!correct && is_choice_type(s->current().type)) {
      for (std::size_t o = 0; o < s->current().options.size(); ++o)
        if (!s->current().options[o].correct) {
          r.selected = {static_cast<int>(o)};
          break;
        }
    }
    if (!correct && s->current().type == QuestionType::Matching) {
      const int n = static_cast<int>(r.match.size());
      for (int k = 0; k < n; ++k) r.match[static_cast<std::size_t>(k)] = (k + 1) % n;
    }
    s->answer(r);
    s->submit();
    record_answer(st, *s, i, 1.5, 21);
  }
  return finish_quiz(st, *s, 22).score_percent;
}

static void play(const Course& c, CourseState& st, const std::string& m, std::size_t choice) {
  auto s = begin_roleplay(c, st, m, 30);
  REQUIRE(s);
  while (s->can_continue()) {
    s->choose(std::min(choice, s->choices().size() - 1));
    record_choice(st, m, *s, 1.0, 31);
  }
}

TEST_CASE("new state: every module not started, course not attempted", "[state]") {
  Course c = make_course();
  CourseState st = new_state(c, "emp-7", "Anna Nowak", "", 42, 1700000000);
  CHECK(st.language == "pl");  // the course default
  CHECK(st.modules.size() == 7);
  CHECK(st.started == 1700000000);
  for (const auto& m : c.modules) CHECK(module_status(c, st, m) == ModuleStatus::NotStarted);
  CHECK(completion_status(c, st) == CompletionStatus::NotAttempted);
  CHECK(success_status(c, st) == SuccessStatus::Unknown);
  CHECK_FALSE(overall_score(c, st));
  CHECK_FALSE(assessment_unlocked(c, st));
  CHECK(quiz_availability(c, st, c.assessment.id) == QuizAvailability::Locked);
  CHECK_FALSE(begin_quiz(c, st, c.assessment.id, 1));
}

TEST_CASE("module status: in progress -> completed -> passed", "[state]") {
  Course c = make_course();
  CourseState st = new_state(c, "l", "L", "en", 1, 0);
  const Module& m = c.modules[0];
  view_page(st, c, m.id, 0, 5);
  CHECK(module_status(c, st, m) == ModuleStatus::InProgress);
  CHECK(progress(st, m.id).lesson.pages_seen == 1);
  view_page(st, c, m.id, 99, 5);  // out of range: ignored
  CHECK(progress(st, m.id).lesson.pages_seen == 1);
  read_lesson(c, st, m.id);
  CHECK(progress(st, m.id).lesson.completed);
  CHECK(module_status(c, st, m) == ModuleStatus::InProgress);
  const double low = take_quiz(c, st, m.id, false);
  CHECK(low < 80);
  CHECK(module_status(c, st, m) == ModuleStatus::InProgress);  // role-play not done yet
  play(c, st, m.id, 2);  // cold reply: poor ending, still an ending
  CHECK(module_status(c, st, m) == ModuleStatus::Completed);  // completed but quiz below pass mark
  CHECK(take_quiz(c, st, m.id, true) == 100.0);
  CHECK(module_status(c, st, m) == ModuleStatus::Passed);
  const auto& q = progress(st, m.id).quiz;
  CHECK(q.attempts_used == 2);
  CHECK(*q.best_score == 100.0);
  CHECK(*q.last_score == 100.0);
  const double low2 = take_quiz(c, st, m.id, false);
  CHECK(*progress(st, m.id).quiz.best_score == 100.0);
  CHECK(*progress(st, m.id).quiz.last_score == low2);
  CHECK(module_status(c, st, m) == ModuleStatus::Passed);  // best score counts
}

TEST_CASE("course completion, success, overall score and objectives", "[state]") {
  Course c = make_course();
  CourseState st = new_state(c, "l", "L", "en", 1, 0);
  for (const auto& m : c.modules) {
    read_lesson(c, st, m.id);
    take_quiz(c, st, m.id, true);
    CHECK(completion_status(c, st) == CompletionStatus::Incomplete);
    play(c, st, m.id, 0);
  }
  CHECK(assessment_unlocked(c, st));
  CHECK(completion_status(c, st) == CompletionStatus::Incomplete);  // assessment required
  CHECK(success_status(c, st) == SuccessStatus::Unknown);
  const double fail_score = take_quiz(c, st, c.assessment.id, false);
  CHECK(fail_score < 80);
  CHECK(completion_status(c, st) == CompletionStatus::Completed);
  CHECK(success_status(c, st) == SuccessStatus::Failed);
  CHECK(*overall_score(c, st) == fail_score);
  take_quiz(c, st, c.assessment.id, true);
  CHECK(success_status(c, st) == SuccessStatus::Passed);
  CHECK(*overall_score(c, st) == 100.0);
  CHECK(quiz_availability(c, st, c.assessment.id) == QuizAvailability::Available);  // 2 of 3 used

  const auto objs = objective_scores(c, st);
  REQUIRE(objs.size() == 7);
  for (const auto& o : objs) {
    REQUIRE(o.score);
    CHECK(*o.score == 100.0);  // last module attempt and last assessment attempt are all correct
    CHECK(o.completion == CompletionStatus::Completed);
    CHECK(o.success == SuccessStatus::Passed);
  }

  // Without a required assessment: mean of module best scores, passed when all modules passed.
  FixtureOptions opt;
  opt.assessment_required = false;
  Course c2 = make_course(opt);
  CourseState s2 = new_state(c2, "l", "L", "en", 1, 0);
  for (const auto& m : c2.modules) {
    read_lesson(c2, s2, m.id);
    take_quiz(c2, s2, m.id, m.id != "mod3");
    play(c2, s2, m.id, 0);
  }
  CHECK(completion_status(c2, s2) == CompletionStatus::Completed);
  CHECK(success_status(c2, s2) == SuccessStatus::Failed);  // mod3 below the pass mark
  const double mod3 = *progress(s2, "mod3").quiz.best_score;
  CHECK(*overall_score(c2, s2) == Approx(round2((600.0 + mod3) / 7.0)));
  take_quiz(c2, s2, "mod3", true);
  CHECK(success_status(c2, s2) == SuccessStatus::Passed);
  CHECK(*overall_score(c2, s2) == 100.0);
}

TEST_CASE("time, bookmark, interactions journal", "[state]") {
  Course c = make_course();
  CourseState st = new_state(c, "l", "L", "en", 1, 100);
  add_time(st, 12.345);
  add_time(st, -5);
  add_time(st, std::numeric_limits<double>::infinity());
  add_time(st, std::numeric_limits<double>::quiet_NaN());
  CHECK(st.total_time_seconds == Approx(12.35));
  touch(st, 50);
  CHECK(st.updated == 100);  // never goes back
  st.bookmark = Bookmark{Screen::Lesson, "mod2", 1};
  CHECK(st.bookmark.module_id == "mod2");

  // The journal is bounded.
  FixtureOptions opt;
  opt.questions = 1;
  Course small = make_course(opt);
  CourseState s2 = new_state(small, "l", "L", "en", 1, 0);
  for (int i = 0; i < 1100; ++i) take_quiz(small, s2, "mod1", i % 2 == 0);
  CHECK(s2.interactions.size() == kMaxInteractions);
  CHECK(s2.interactions.back().result == InteractionResult::Incorrect);
}

TEST_CASE("property: random learners keep every score within bounds", "[state][property]") {
  Course c = make_course();
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    Rng rng(seed);
    std::int64_t now = 1700000000;
    CourseState st = new_state(c, "l" + std::to_string(seed), "Learner", "en", rng.next(), now);
    const int actions = rng.range(0, 120);
    for (int i = 0; i < actions; ++i) random_action(c, st, rng, now);
    if (seed % 4 == 0) complete_course(c, st, rng, now, rng.unit());
    INFO("seed " << seed);
    for (const auto& mp : st.modules) {
      for (auto v : {mp.quiz.best_score, mp.quiz.last_score})
        if (v) {
          CHECK(*v >= 0.0);
          CHECK(*v <= 100.0);
        }
      if (mp.quiz.best_score && mp.quiz.last_score) CHECK(*mp.quiz.best_score >= *mp.quiz.last_score);
    }
    if (auto o = overall_score(c, st)) {
      CHECK(*o >= 0.0);
      CHECK(*o <= 100.0);
    }
    for (const auto& o : objective_scores(c, st))
      if (o.score) {
        CHECK(*o.score >= 0.0);
        CHECK(*o.score <= 100.0);
      }
    for (const auto& it : st.interactions) {
      CHECK(it.score >= 0.0);
      CHECK(it.score <= 1.0);
      CHECK((it.result == InteractionResult::Correct) == (it.score == 1.0 && it.type != InteractionType::Other));
    }
    if (completion_status(c, st) == CompletionStatus::Completed) CHECK(success_status(c, st) != SuccessStatus::Unknown);
    CHECK(st.assessment.attempts_used <= c.assessment.max_attempts);
  }
}
