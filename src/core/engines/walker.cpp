#include "core/engines/walker.h"

#include <cmath>

#include "core/engines/scoring.h"

namespace granice {

namespace {

void spend(CourseState& st, WalkPolicy& policy, WalkKind kind, std::int64_t& now, double& seconds) {
  seconds = policy.seconds(kind);
  if (!std::isfinite(seconds) || seconds < 0) seconds = 0;
  now += static_cast<std::int64_t>(std::llround(seconds));
  add_time(st, seconds);
}

// [SECTION] Quizzes: the first unsubmitted question from the open attempt's position; an answer
// the policy cannot submit (incomplete) is left, as a learner who skips it; none left: finish.
// `stopped`: the policy ended the walk (rather than: nothing to do here).
std::optional<WalkStep> quiz_step(const Course& course, CourseState& st, WalkPolicy& policy, std::int64_t& now,
                                  const std::string& quiz_id, Screen screen, bool& stopped) {
  std::optional<QuizSession> q = begin_quiz(course, st, quiz_id, now);
  if (!q || q->empty()) return std::nullopt;
  std::size_t i = q->index();
  while (i < q->size() && q->submitted(i)) ++i;
  WalkStep step{i < q->size() ? WalkKind::Answer : WalkKind::FinishQuiz, quiz_id,
                i < q->size() ? "answer " + q->question(i).id : "finish quiz " + quiz_id,
                i < q->size() ? &q->question(i) : nullptr};
  if (!policy.before(step)) {
    stopped = true;
    return std::nullopt;
  }
  double seconds = 0;
  spend(st, policy, step.kind, now, seconds);
  if (step.kind == WalkKind::Answer) {
    q->go(i);
    q->answer(policy.answer(*q, q->current()));
    if (q->can_submit()) {
      q->submit();
      record_answer(st, *q, i, seconds, now);
      st.bookmark = {screen, screen == Screen::Assessment ? std::string() : quiz_id, static_cast<int>(i)};
      return step;
    }
    if (i + 1 < q->size()) {   // skipped: on to the next question
      q->go(i + 1);
      save_quiz(st, *q, now);
      return step;
    }
  }
  const QuizResult result = finish_quiz(st, *q, now);
  st.bookmark = screen == Screen::Assessment ? Bookmark{Screen::Results, std::string(), 0} : Bookmark{screen, quiz_id, 0};
  // A policy that always retakes still ends on a quiz without an attempt limit.
  constexpr int kMostAttempts = 20;
  if (!result.passed && result.attempt < kMostAttempts &&
      quiz_availability(course, st, quiz_id) == QuizAvailability::Available && policy.retake(quiz_id, result))
    begin_quiz(course, st, quiz_id, now);   // the open attempt is the walk's next step
  return step;
}

// [SECTION] Role-plays: one reply per step
std::optional<WalkStep> roleplay_step(const Course& course, CourseState& st, WalkPolicy& policy, std::int64_t& now,
                                      const Module& m, bool& stopped) {
  std::optional<RolePlaySession> rp = begin_roleplay(course, st, m.id, now);
  if (!rp || !rp->can_continue()) return std::nullopt;
  WalkStep step{WalkKind::Reply, m.id, "reply " + m.id};
  if (!policy.before(step)) {
    stopped = true;
    return std::nullopt;
  }
  double seconds = 0;
  spend(st, policy, step.kind, now, seconds);
  if (!rp->choose(policy.reply(*m.roleplay, *rp))) return std::nullopt;
  record_choice(st, m.id, *rp, seconds, now);
  st.bookmark = {Screen::RolePlay, m.id, 0};
  // Replays are counted by the state (runs): a policy that always replays still ends.
  constexpr int kMostRuns = 20;
  const ModuleProgress* p = find_progress(st, m.id);
  if (rp->ended() && rp->outcome() && p && p->roleplay.runs < kMostRuns && policy.replay(m.id, *rp->outcome()))
    begin_roleplay(course, st, m.id, now);
  return step;
}

}  // namespace

std::size_t best_reply(const RolePlay& graph, const RolePlaySession& walk, bool prefer_endings) {
  const auto& choices = walk.choices();
  std::size_t best = 0;
  int best_score = 0;
  for (std::size_t k = 0; k < choices.size(); ++k) {
    int s = 0;
    for (const auto& [id, pts] : choices[k].scores) s += pts;
    if (prefer_endings) {
      const int next = graph.node_index(choices[k].next);
      if (next >= 0 && graph.nodes[static_cast<std::size_t>(next)].is_ending) s += 1000;
    }
    if (k == 0 || s > best_score) best_score = s, best = k;
  }
  return best;
}

Response PerfectLearner::answer(const QuizSession&, const Question& q) { return correct_response(q); }
std::size_t PerfectLearner::reply(const RolePlay& graph, const RolePlaySession& walk) { return best_reply(graph, walk, true); }
double PerfectLearner::seconds(WalkKind kind) { return kind == WalkKind::Page ? 7.5 : kind == WalkKind::Reply ? 6 : 4.5; }

std::optional<WalkStep> walk_step(const Course& course, CourseState& st, WalkPolicy& policy, std::int64_t& now,
                                  bool assessment) {
  bool stopped = false;
  for (const Module& m : course.modules) {
    const ModuleProgress* p = find_progress(st, m.id);
    if (!m.pages.empty() && (!p || !p->lesson.completed)) {
      const int page = p ? p->lesson.pages_seen : 0;
      WalkStep step{WalkKind::Page, m.id, "page " + m.id + ":" + std::to_string(page)};
      if (!policy.before(step)) return std::nullopt;
      double seconds = 0;
      spend(st, policy, step.kind, now, seconds);
      view_page(st, course, m.id, page, now);
      st.bookmark = {Screen::Lesson, m.id, page};
      return step;
    }
    if (!m.quiz.questions.empty() && (!p || p->quiz.attempts_used == 0 || p->quiz.in_progress)) {
      if (auto step = quiz_step(course, st, policy, now, m.id, Screen::Quiz, stopped)) return step;
      if (stopped) return std::nullopt;
    }
    p = find_progress(st, m.id);
    if (m.roleplay && (!p || p->roleplay.runs == 0 || p->roleplay.in_progress)) {
      if (auto step = roleplay_step(course, st, policy, now, m, stopped)) return step;
      if (stopped) return std::nullopt;
    }
  }
  if (!assessment || course.assessment.bank.empty()) return std::nullopt;
  if (st.assessment.attempts_used > 0 && !st.assessment.in_progress) return std::nullopt;
  return quiz_step(course, st, policy, now, course.assessment.id, Screen::Assessment, stopped);
}

std::optional<WalkStep> walk_quiz_step(const Course& course, CourseState& st, WalkPolicy& policy, std::int64_t& now,
                                       const std::string& quiz_id) {
  bool stopped = false;
  const Screen screen = quiz_id == course.assessment.id ? Screen::Assessment : Screen::Quiz;
  return quiz_step(course, st, policy, now, quiz_id, screen, stopped);
}

int walk_course(const Course& course, CourseState& st, WalkPolicy& policy, std::int64_t& now, bool assessment) {
  int steps = 0;
  while (walk_step(course, st, policy, now, assessment)) ++steps;
  return steps;
}

}  // namespace granice
