// A learner walking the course one step at a time, in course order: each module's lesson pages,
// its quiz, its role-play, then the final assessment. What the learner answers and replies, how
// long a step takes, whether a failed quiz is taken again and when the learner stops come from a
// policy; the walker does the rest through the real engines and the state functions. The next
// step is worked out from the state alone, so a walk can stop and go on from a saved state.
// The one course walker: `granice simulate` (simulate.cpp), the native test fixtures and the
// browser tests' driver (tests/web/test_driver.cpp) each walk with it, under their own policy.
//
//   PerfectLearner policy;                                   // right answers, best replies
//   while (auto step = walk_step(course, st, policy, now)) log(step->what);
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/content/model.h"
#include "core/engines/quiz_engine.h"
#include "core/engines/roleplay_engine.h"
#include "core/state/course_state.h"

namespace granice {

enum class WalkKind { Page, Answer, FinishQuiz, Reply };

struct WalkStep {
  WalkKind kind = WalkKind::Page;
  std::string quiz_or_module;   // the module (page, role-play reply) or the quiz (a module id or the assessment's)
  std::string what;             // for logs: "page m1:0", "answer q-7", "finish quiz m1", "reply m1"
  const Question* question = nullptr;   // Answer steps: the question about to be answered
};

class WalkPolicy {
 public:
  virtual ~WalkPolicy() = default;
  // Called before each step with what it will be: false stops the walk here (the learner leaves).
  virtual bool before(const WalkStep& /*step*/) { return true; }
  virtual Response answer(const QuizSession& quiz, const Question& q) = 0;
  virtual std::size_t reply(const RolePlay& graph, const RolePlaySession& walk) = 0;   // index into walk.choices()
  virtual double seconds(WalkKind kind) = 0;   // the time a step takes (also an answer's latency)
  // After an attempt that did not pass, with attempts left: take the quiz again? (At most 20
  // attempts and 20 role-play runs per module, whatever the policy says: every walk ends.)
  virtual bool retake(const std::string& /*quiz_id*/, const QuizResult& /*result*/) { return false; }
  // After a role-play walk reached an ending: walk it again?
  virtual bool replay(const std::string& /*module_id*/, Outcome /*outcome*/) { return false; }
};

// Right answers, and the reply with the most rubric points (one that ends the walk first).
class PerfectLearner : public WalkPolicy {
 public:
  Response answer(const QuizSession& quiz, const Question& q) override;
  std::size_t reply(const RolePlay& graph, const RolePlaySession& walk) override;
  double seconds(WalkKind kind) override;
};

// The reply with the most rubric points; `prefer_endings` first picks replies that end the walk.
std::size_t best_reply(const RolePlay& graph, const RolePlaySession& walk, bool prefer_endings);

// Takes the next step, moving `now` on by the policy's seconds; nullopt when nothing is left, the
// policy stopped, or (`assessment` false) only the final assessment is left.
std::optional<WalkStep> walk_step(const Course& course, CourseState& st, WalkPolicy& policy, std::int64_t& now,
                                  bool assessment = true);
// One step of one quiz only (a module's or the assessment's, by id): the next answer of its open
// attempt (a new attempt when none is open and one is allowed), or finishing it; nullopt when the
// quiz cannot be taken now or the policy stopped. For a walk that takes an attempt out of order.
// Like walk_step, it opens the attempt before asking the policy: to take exactly one attempt,
// stop calling after the FinishQuiz step.
std::optional<WalkStep> walk_quiz_step(const Course& course, CourseState& st, WalkPolicy& policy, std::int64_t& now,
                                       const std::string& quiz_id);
// Steps until nothing is left; returns the number of steps taken.
int walk_course(const Course& course, CourseState& st, WalkPolicy& policy, std::int64_t& now, bool assessment = true);

}  // namespace granice
