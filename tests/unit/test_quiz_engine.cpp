#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "core/state/course_state.h"
#include "core/text/fnv.h"
#include "core/engines/quiz_engine.h"
#include "test_course_fixture.h"

using namespace granice;
using namespace granice::test;

static bool identity(const std::vector<int>& v) {
  for (std::size_t i = 0; i < v.size(); ++i)
    if (v[i] != static_cast<int>(i)) return false;
  return true;
}

TEST_CASE("rng is deterministic and bounded", "[rng]") {
  Rng a(42), b(42), c(43);
  for (int i = 0; i < 100; ++i) {
    const auto x = a.next();
    CHECK(x == b.next());
    (void)c.next();
  }
  Rng r(1);
  std::map<int, int> counts;
  for (int i = 0; i < 6000; ++i) {
    const int v = r.range(1, 6);
    REQUIRE(v >= 1);
    REQUIRE(v <= 6);
    counts[v]++;
  }
  for (auto& [k, n] : counts) CHECK(n > 800);
  CHECK(Rng(5).range(3, 3) == 3);
  CHECK(Rng(5).below(0) == 0);
  // Golden values (identical natively and in wasm, checked with em++ + node): the sequence must
  // not change between platforms or releases, or saved presentation orders would shift.
  Rng fixed(42);
  CHECK(fixed.next() == 1546998764402558742ULL);
  CHECK(fixed.next() == 6990951692964543102ULL);
  CHECK(fixed.next() == 12544586762248559009ULL);
  CHECK(fixed.range(-5, 5) == 0);
  CHECK(shuffled_indices(5, 99) == std::vector<int>{1, 4, 0, 2, 3});  // pinned: saved orders depend on it
  CHECK(fnv1a64("") == 0xcbf29ce484222325ULL);
  CHECK(fnv1a32("a") == 0xe40c292cu);
}

TEST_CASE("presentation order: same seed same order, resume-stable, per attempt", "[quiz]") {
  const Question q = multiple_response("m", 6, {0, 1});
  const auto a = presentation_order(q, true, 77, 1);
  CHECK(a == presentation_order(q, true, 77, 1));
  std::vector<int> sorted = a;
  std::sort(sorted.begin(), sorted.end());
  CHECK(sorted == std::vector<int>{0, 1, 2, 3, 4, 5});
  bool differs = false;
  for (int att = 2; att < 10; ++att) differs |= presentation_order(q, true, 77, att) != a;
  CHECK(differs);
  CHECK(identity(presentation_order(q, false, 77, 1)));                 // shuffle_options off
  CHECK(identity(presentation_order(true_false("t", true), true, 77, 1)));  // True, False stay in place

  // Independent of call order: session B visits questions in another order, same presentation.
  Course c = make_course();
  auto qs = module_questions(c.modules[0]);
  QuizSettings s{"mod1", 80, 0, true, 99, 1};
  QuizSession s1(qs, s), s2(qs, s);
  s2.go(3);
  s2.go(1);
  for (std::size_t i = 0; i < qs.size(); ++i) CHECK(s1.presented(i) == s2.presented(i));
}

TEST_CASE("ordering items are never presented already in order", "[quiz]") {
  for (int n = 2; n <= 6; ++n) {
    const Question q = ordering("o" + std::to_string(n), n);
    for (std::uint64_t seed = 0; seed < 500; ++seed) {
      const auto p = presentation_order(q, true, seed, 1);
      REQUIRE(p.size() == static_cast<std::size_t>(n));
      REQUIRE_FALSE(identity(p));
    }
  }
  CHECK(presentation_order(ordering("one", 1), true, 3, 1) == std::vector<int>{0});
}

TEST_CASE("quiz session: select, toggle, order, match, submit, feedback, finish", "[quiz]") {
  std::vector<Question> bank = {single_choice("q1", 3, 1), multiple_response("q2", 4, {0, 3}), ordering("q3", 4),
                                matching("q4", 3), true_false("q5", false)};
  bank[0].points = 2;
  std::vector<const Question*> qs;
  for (const auto& q : bank) qs.push_back(&q);
  QuizSession s(qs, QuizSettings{"quiz", 80, 0, true, 5, 1});
  REQUIRE(s.size() == 5);
  CHECK(s.at_first());
  CHECK_FALSE(s.can_submit());  // nothing chosen yet
  CHECK_FALSE(s.submit());

  // q1 single: select replaces
  CHECK(s.select(0));
  CHECK(s.select(1));
  CHECK(s.response().selected == std::vector<int>{1});
  CHECK(s.is_selected(1));
  auto r1 = s.submit();
  REQUIRE(r1);
  CHECK(r1->grade.correct);
  CHECK(r1->feedback.items[1].chosen);
  CHECK(s.submitted());
  CHECK_FALSE(s.select(0));  // locked after submit

  // q2 multiple: toggle
  CHECK(s.next());
  CHECK(s.toggle(0));
  CHECK(s.toggle(1));
  CHECK(s.toggle(1));
  CHECK(s.toggle(2));
  CHECK(s.response().selected == std::vector<int>{0, 2});
  auto r2 = s.submit();
  REQUIRE(r2);
  CHECK(r2->grade.score == Approx(0.0));  // 1 right - 1 wrong

  // q3 ordering: arrangement starts as presented, move_item edits display positions
  CHECK(s.next());
  const auto start = s.arrangement();
  CHECK(start == s.presented());
  CHECK(s.set_order({0, 1, 3, 2}));
  CHECK(s.move_item(3, 2));  // -> 0 1 2 3
  CHECK(s.arrangement() == std::vector<int>{0, 1, 2, 3});
  CHECK(s.submit()->grade.correct);

  // q4 matching: a target used elsewhere moves
  CHECK(s.next());
  CHECK(s.match(0, 1));
  CHECK(s.match(1, 1));
  CHECK(s.response().match == std::vector<int>{-1, 1, -1});
  CHECK_FALSE(s.can_submit());  // every source must be matched
  CHECK(s.match(0, 0));
  CHECK(s.match(2, 2));
  CHECK(s.unmatch(2));
  CHECK_FALSE(s.can_submit());
  CHECK(s.match(2, 2));
  CHECK(s.submit()->grade.correct);

  // q5 left unanswered; finish counts it as 0
  CHECK(s.next());
  CHECK(s.at_last());
  CHECK_FALSE(s.next());
  CHECK(s.submitted_count() == 4);
  const QuizResult res = s.finish();
  // earned: 2 + 0 + 1 + 1 + 0 = 4 of 6
  CHECK(res.earned == Approx(4.0));
  CHECK(res.possible == Approx(6.0));
  CHECK(res.score_percent == Approx(66.67));
  CHECK_FALSE(res.passed);
  CHECK(s.finished());
  CHECK_FALSE(s.select(0));
  CHECK(s.previous());
  CHECK(s.result(0).has_value());
  CHECK_FALSE(s.result(4).has_value());
}

TEST_CASE("quiz session restore: answers by question id, position, presentation unchanged", "[quiz]") {
  Course c = make_course();
  auto qs = module_questions(c.modules[2]);
  QuizSettings set{"mod3", 80, 0, true, 1234, 2};
  QuizSession a(qs, set);
  Rng rng(3);
  for (std::size_t i = 0; i < a.size(); i += 2) {
    a.go(i);
    a.answer(correct_response(a.current()));
    if (i % 4 == 0) a.submit();
  }
  a.go(3);
  QuizSession b(qs, set);
  CHECK(b.restore(a.answers(), static_cast<int>(a.index())) == static_cast<int>(a.size()));
  CHECK(b.answers() == a.answers());
  CHECK(b.index() == 3);
  for (std::size_t i = 0; i < a.size(); ++i) CHECK(b.presented(i) == a.presented(i));
  // Answers that no longer fit are ignored.
  std::vector<QuestionAnswer> bad = {{qs[0]->id, Response{{99}, {}, {}}, true}, {"nope", {}, false}};
  QuizSession d(qs, set);
  CHECK(d.restore(bad, 99) == 0);
  CHECK(d.index() == 0);
}

TEST_CASE("retry limits: max_attempts counts finished attempts, 0 is unlimited", "[quiz]") {
  CHECK(attempts_left(5, 0));
  CHECK(remaining_attempts(5, 0) == -1);
  CHECK(attempts_left(1, 2));
  CHECK_FALSE(attempts_left(2, 2));
  CHECK(remaining_attempts(3, 2) == 0);

  FixtureOptions opt;
  opt.quiz_attempts = 2;
  opt.lock_assessment = false;
  opt.assessment_attempts = 1;
  Course c = make_course(opt);
  CourseState st = new_state(c, "l", "L", "en", 9, 1000);
  for (int attempt = 1; attempt <= 2; ++attempt) {
    CHECK(quiz_availability(c, st, "mod1") == QuizAvailability::Available);
    auto s = begin_quiz(c, st, "mod1", 1000);
    REQUIRE(s);
    CHECK(s->settings().attempt == attempt);
    CHECK(quiz_availability(c, st, "mod1") == QuizAvailability::InProgress);
    auto again = begin_quiz(c, st, "mod1", 1000);  // resumes, does not use an attempt
    REQUIRE(again);
    CHECK(again->settings().attempt == attempt);
    finish_quiz(st, *s, 1001);
  }
  CHECK(progress(st, "mod1").quiz.attempts_used == 2);
  CHECK(quiz_availability(c, st, "mod1") == QuizAvailability::NoAttemptsLeft);
  CHECK_FALSE(begin_quiz(c, st, "mod1", 1002));
  CHECK(quiz_availability(c, st, "nope") == QuizAvailability::Unknown);

  auto as = begin_quiz(c, st, c.assessment.id, 1003);
  REQUIRE(as);
  finish_quiz(st, *as, 1004);
  CHECK(quiz_availability(c, st, c.assessment.id) == QuizAvailability::NoAttemptsLeft);

  FixtureOptions unl;
  unl.quiz_attempts = 0;
  Course cu = make_course(unl);
  CourseState su = new_state(cu, "l", "L", "en", 9, 1000);
  for (int i = 0; i < 10; ++i) {
    auto s = begin_quiz(cu, su, "mod2", 1000);
    REQUIRE(s);
    finish_quiz(su, *s, 1000);
  }
  CHECK(progress(su, "mod2").quiz.attempts_used == 10);
}

TEST_CASE("assessment draw: even spread over objectives, reproducible, shuffled", "[quiz][assessment]") {
  Course c = make_course();  // 21 questions over 7 objectives, draw 15
  const auto golden = draw_assessment(c, 0x1234567890ULL, 1);  // same natively and in wasm
  REQUIRE(golden.size() == 15);
  CHECK(golden[0]->id == "as-q9");
  CHECK(golden[1]->id == "as-q13");
  CHECK(golden[14]->id == "as-q15");
  CHECK(presentation_order(c.modules[0].quiz.questions[0], true, 987654321ULL, 2) == std::vector<int>{2, 3, 0, 1});
  const auto d1 = draw_assessment(c, 555, 1);
  REQUIRE(d1.size() == 15);
  CHECK(d1 == draw_assessment(c, 555, 1));
  CHECK(d1 != draw_assessment(c, 555, 2));
  CHECK(d1 != draw_assessment(c, 556, 1));
  std::set<std::string> ids;
  std::map<std::string, int> per_obj;
  for (const Question* q : d1) {
    ids.insert(q->id);
    per_obj[q->objective]++;
  }
  CHECK(ids.size() == 15);  // no duplicates
  CHECK(per_obj.size() == 7);
  for (auto& [o, n] : per_obj) {
    CHECK(n >= 2);
    CHECK(n <= 3);
  }

  // Uneven bank: one objective has a single question; the others fill up.
  Course u = make_course();
  u.assessment.bank.erase(std::remove_if(u.assessment.bank.begin(), u.assessment.bank.end(),
                                         [](const Question& q) { return q.objective == "obj1" && q.id != "as-q1"; }),
                          u.assessment.bank.end());
  for (std::uint64_t seed = 0; seed < 30; ++seed) {
    const auto d = draw_assessment(u, seed, 1);
    REQUIRE(d.size() == 15);
    std::map<std::string, int> n;
    for (const Question* q : d) n[q->objective]++;
    CHECK(n["obj1"] == 1);
    for (auto& [o, k] : n)
      if (o != "obj1") {
        CHECK(k >= 2);
        CHECK(k <= 3);
      }
  }

  // Draw larger than the bank takes everything.
  Course small = make_course();
  small.assessment.draw = 100;
  CHECK(draw_assessment(small, 1, 1).size() == small.assessment.bank.size());
  small.assessment.bank.clear();
  CHECK(draw_assessment(small, 1, 1).empty());
}

TEST_CASE("assessment resume keeps the drawn questions and their order", "[quiz][assessment]") {
  FixtureOptions opt;
  opt.lock_assessment = false;
  Course c = make_course(opt);
  CourseState st = new_state(c, "l", "L", "en", 31337, 0);
  auto s = begin_quiz(c, st, c.assessment.id, 1);
  REQUIRE(s);
  s->answer(correct_response(s->current()));
  s->submit();
  record_answer(st, *s, 0, 3.5, 2);
  s->go(4);
  save_quiz(st, *s, 3);
  auto r = begin_quiz(c, st, c.assessment.id, 4);
  REQUIRE(r);
  CHECK(r->questions() == s->questions());
  CHECK(r->index() == 4);
  CHECK(r->answers() == s->answers());
  for (std::size_t i = 0; i < r->size(); ++i) CHECK(r->presented(i) == s->presented(i));
  REQUIRE(st.interactions.size() == 1);
  CHECK(st.interactions[0].result == InteractionResult::Correct);
  CHECK(st.interactions[0].latency_seconds == 3.5);
  CHECK(st.interactions[0].timestamp == 2);
}

// [SECTION] Module quizzes that draw
TEST_CASE("module quiz draw: N of the questions per attempt, seeded, a retry starts with the ones not asked", "[quiz][draw]") {
  Module m;
  m.id = "mod";
  for (int i = 0; i < 10; ++i) m.quiz.questions.push_back(single_choice("q" + std::to_string(i), 4, i % 4));
  CHECK(draw_module_quiz(m, 1, 1).size() == 10);  // no draw: every question, authored order
  CHECK(draw_module_quiz(m, 1, 1)[3]->id == "q3");
  m.quiz.draw = 7;
  const auto first = draw_module_quiz(m, 1, 1);
  REQUIRE(first.size() == 7);
  CHECK(first == draw_module_quiz(m, 1, 1));       // same seed and attempt: same questions, same order
  std::set<std::string> ids;
  for (const Question* q : first) ids.insert(q->id);
  CHECK(ids.size() == 7);                          // no question twice
  // The retry after attempt 1: the 3 not asked come in, 4 of the 7 asked fill up.
  std::vector<QuestionAnswer> last;
  for (const Question* q : first) last.push_back(QuestionAnswer{q->id, {}, true});
  const auto retry = draw_module_quiz(m, 1, 2, last);
  REQUIRE(retry.size() == 7);
  int fresh = 0;
  for (const Question* q : retry) fresh += !ids.count(q->id);
  CHECK(fresh == 3);
  // Over seeds, every question is drawn about 7 times in 10, and lands first about equally often.
  std::map<std::string, int> drawn, first_shown;
  for (std::uint64_t seed = 0; seed < 2000; ++seed) {
    const auto d = draw_module_quiz(m, seed, 1);
    for (const Question* q : d) ++drawn[q->id];
    ++first_shown[d.front()->id];
  }
  for (const auto& [id, n] : drawn) CHECK((n > 1300 && n < 1500));
  for (const auto& [id, n] : first_shown) CHECK((n > 120 && n < 290));
}

TEST_CASE("module quiz draw: begin_quiz draws, a resume keeps the drawn questions, a retry draws again", "[quiz][draw][state]") {
  Course c = make_course();
  Module& m = c.modules.front();
  REQUIRE(m.quiz.questions.size() >= 4);
  m.quiz.draw = static_cast<int>(m.quiz.questions.size()) - 2;
  CourseState st = new_state(c, "l", "L", "en", 77, 100);
  auto s = begin_quiz(c, st, m.id, 100);
  REQUIRE(s);
  CHECK(s->size() == static_cast<std::size_t>(m.quiz.draw));
  std::vector<std::string> asked;
  for (const Question* q : s->questions()) asked.push_back(q->id);
  s->answer(correct_response(s->current()));
  s->submit();
  save_quiz(st, *s, 101);
  auto resumed = begin_quiz(c, st, m.id, 102);  // an open attempt: the same questions in the same order
  REQUIRE(resumed);
  std::vector<std::string> again;
  for (const Question* q : resumed->questions()) again.push_back(q->id);
  CHECK(again == asked);
  finish_quiz(st, *resumed, 103);
  auto retry = begin_quiz(c, st, m.id, 104);
  REQUIRE(retry);
  std::set<std::string> before(asked.begin(), asked.end());
  int fresh = 0;
  for (const Question* q : retry->questions()) fresh += !before.count(q->id);
  CHECK(fresh == 2);  // both questions the first attempt did not ask
}
