// The one course walker (core/engines/walker.h) that `granice simulate`, the test fixtures and the
// browser tests' driver share: course order, resumable from a saved state, policies that stop.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/content/loader.h"
#include "core/engines/walker.h"
#include "core/state/snapshot.h"

using namespace granice;

namespace {

const Course* shipped() {
  static std::optional<LoadResult> loaded;
  if (!loaded) loaded = load_course_folder(GRANICE_SOURCE_DIR "/quizzes");
  return loaded->ok() ? &loaded->course : nullptr;
}

// Stops before the n-th step.
class StopAfter final : public WalkPolicy {
 public:
  explicit StopAfter(int n) : left_(n) {}
  bool before(const WalkStep&) override { return left_-- > 0; }
  Response answer(const QuizSession& s, const Question& q) override { return perfect_.answer(s, q); }
  std::size_t reply(const RolePlay& g, const RolePlaySession& w) override { return perfect_.reply(g, w); }
  double seconds(WalkKind k) override { return perfect_.seconds(k); }

 private:
  int left_;
  PerfectLearner perfect_;
};

// Wrong on the first attempt of every quiz, then retakes and is right.
class RetakingLearner final : public WalkPolicy {
 public:
  Response answer(const QuizSession& s, const Question& q) override {
    if (s.settings().attempt > 1) return correct_response(q);
    Response r = correct_response(q);
    if (!r.selected.empty()) r.selected = {r.selected.front() == 0 ? 1 : 0};
    return r;
  }
  std::size_t reply(const RolePlay& g, const RolePlaySession& w) override { return best_reply(g, w, true); }
  double seconds(WalkKind) override { return 10; }
  bool retake(const std::string& quiz_id, const QuizResult&) override {
    retaken.push_back(quiz_id);
    return true;
  }
  std::vector<std::string> retaken;
};

// A learner (seeded with `seed`) who has done every module perfectly, short of the assessment.
CourseState modules_done(const Course& c, std::uint64_t seed, std::int64_t& now) {
  CourseState st = new_state(c, "u-" + std::to_string(seed), "Ewa Żak", "pl", seed, now);
  PerfectLearner perfect;
  walk_course(c, st, perfect, now, false);
  return st;
}

}  // namespace

TEST_CASE("walker: a perfect learner walks the shipped course in order and passes", "[walker]") {
  const Course* c = shipped();
  REQUIRE(c);
  std::int64_t now = 1767225600;
  CourseState st = new_state(*c, "u-1", "Anna Kowalska", "pl", 7, now);
  PerfectLearner learner;
  std::vector<WalkStep> steps;
  while (auto s = walk_step(*c, st, learner, now)) steps.push_back(*s);
  REQUIRE(!steps.empty());
  CHECK(steps.front().what == "page " + c->modules.front().id + ":0");
  CHECK(steps.back().kind == WalkKind::FinishQuiz);
  CHECK(steps.back().quiz_or_module == c->assessment.id);
  CHECK(completion_status(*c, st) == CompletionStatus::Completed);
  CHECK(success_status(*c, st) == SuccessStatus::Passed);
  CHECK(st.bookmark.screen == Screen::Results);
  for (const Module& m : c->modules) CHECK(module_status(*c, st, m) == ModuleStatus::Passed);
  CHECK(now > 1767225600);
  CHECK(st.total_time_seconds > 0);
  // Modules come in course order: no step of module k after a step of module k+1.
  std::size_t last = 0;
  for (const WalkStep& s : steps) {
    for (std::size_t k = 0; k < c->modules.size(); ++k)
      if (c->modules[k].id == s.quiz_or_module) {
        CHECK(k >= last);
        last = k;
      }
  }
}

TEST_CASE("walker: stopped anywhere and resumed from the saved snapshot, the walk ends where an unbroken one does", "[walker]") {
  const Course* c = shipped();
  REQUIRE(c);
  std::int64_t now = 1767225600;
  CourseState whole = new_state(*c, "u-2", "Jan Nowak", "en", 11, now);
  PerfectLearner perfect;
  const int total = walk_course(*c, whole, perfect, now);
  for (int cut : {1, 9, total / 2, total - 1}) {
    INFO("stopped before step " << cut);
    std::int64_t t = 1767225600;
    CourseState st = new_state(*c, "u-2", "Jan Nowak", "en", 11, t);
    StopAfter stop(cut);
    CHECK(walk_course(*c, st, stop, t) == cut);
    SnapshotResult saved = decode_snapshot(*c, encode_snapshot(*c, st));
    REQUIRE(saved.state);
    CourseState resumed = *saved.state;
    CHECK(walk_course(*c, resumed, perfect, t) == total - cut);
    CHECK(success_status(*c, resumed) == success_status(*c, whole));
    CHECK(overall_score(*c, resumed) == overall_score(*c, whole));
    CHECK(st.interactions.size() + resumed.interactions.size() == whole.interactions.size());   // the journal is not in a snapshot
  }
}

TEST_CASE("walker: without the assessment the walk stops before it, and a failed quiz is retaken when the policy says so", "[walker]") {
  const Course* c = shipped();
  REQUIRE(c);
  std::int64_t now = 1767225600;
  PerfectLearner perfect;
  CourseState st = modules_done(*c, 3, now);
  CHECK(st.assessment.attempts_used == 0);
  CHECK_FALSE(st.assessment.in_progress);
  for (const Module& m : c->modules) CHECK(module_status(*c, st, m) == ModuleStatus::Passed);
  CHECK(walk_step(*c, st, perfect, now, false) == std::nullopt);
  CHECK(walk_step(*c, st, perfect, now, true));   // the assessment is what is left

  std::int64_t t = 1767225600;
  CourseState again = new_state(*c, "u-4", "Ola Nowak", "pl", 5, t);
  RetakingLearner retaking;
  walk_course(*c, again, retaking, t);
  REQUIRE(!retaking.retaken.empty());
  CHECK(retaking.retaken.front() == c->modules.front().id);
  const ModuleProgress* p = find_progress(again, c->modules.front().id);
  REQUIRE(p);
  CHECK(p->quiz.attempts_used == 2);
  CHECK(module_status(*c, again, c->modules.front()) == ModuleStatus::Passed);
}

TEST_CASE("walker: one quiz's steps out of course order, a new attempt when the last one is over", "[walker]") {
  const Course* c = shipped();
  REQUIRE(c);
  std::int64_t now = 1767225600;
  PerfectLearner perfect;
  CourseState st = modules_done(*c, 9, now);
  // A role-play left open (a learner who went Home mid-conversation) is not the quiz's business.
  const Module& last = c->modules.back();
  REQUIRE(begin_roleplay(*c, st, last.id, now));
  const RolePlayProgress roleplay_before = find_progress(st, last.id)->roleplay;
  const std::size_t interactions = st.interactions.size();
  RetakingLearner wrong_first;   // attempt 1 wrong, later ones right
  int answers = 0;
  std::optional<WalkStep> step;
  while ((step = walk_quiz_step(*c, st, wrong_first, now, c->assessment.id)) && step->kind != WalkKind::FinishQuiz)
    ++answers;
  REQUIRE(step);
  CHECK(answers == c->assessment.draw);
  CHECK(st.interactions.size() == interactions + static_cast<std::size_t>(c->assessment.draw));
  CHECK(st.assessment.attempts_used == 1);
  CHECK(success_status(*c, st) == SuccessStatus::Failed);
  CHECK(find_progress(st, last.id)->roleplay == roleplay_before);   // left as it was
  // The next call begins the second attempt (the course allows one), which passes.
  while ((step = walk_quiz_step(*c, st, wrong_first, now, c->assessment.id)) && step->kind != WalkKind::FinishQuiz) {}
  CHECK(st.assessment.attempts_used == 2);
  CHECK(success_status(*c, st) == SuccessStatus::Passed);
  CHECK(walk_quiz_step(*c, st, perfect, now, "no-such-quiz") == std::nullopt);
}

TEST_CASE("walker: an answer step names the question about to be answered, other steps none", "[walker]") {
  const Course* c = shipped();
  REQUIRE(c);
  // Stops at the first matching item it is about to answer, as a test driver waiting for that screen does.
  class UntilMatching final : public WalkPolicy {
   public:
    bool before(const WalkStep& step) override {
      if (step.kind == WalkKind::Answer) {
        REQUIRE(step.question);
        CHECK(step.what == "answer " + step.question->id);
        ++answers;
        if (step.question->type == QuestionType::Matching) return !(stopped_at_matching = true);
      } else {
        CHECK(step.question == nullptr);
      }
      return true;
    }
    Response answer(const QuizSession& s, const Question& q) override { return perfect_.answer(s, q); }
    std::size_t reply(const RolePlay& g, const RolePlaySession& w) override { return perfect_.reply(g, w); }
    double seconds(WalkKind k) override { return perfect_.seconds(k); }
    int answers = 0;
    bool stopped_at_matching = false;

   private:
    PerfectLearner perfect_;
  } until_matching;
  std::int64_t now = 1767225600;
  CourseState st = new_state(*c, "u-3", "Ewa Żak", "pl", 3, now);
  walk_course(*c, st, until_matching, now, false);
  CHECK(until_matching.answers > 0);
  CHECK(until_matching.stopped_at_matching);   // the shipped modules' quizzes draw matching items
}
