#include "core/state/course_state.h"

#include <algorithm>
#include <cmath>

namespace granice {

const char* to_string(ModuleStatus s) {
  switch (s) {
    case ModuleStatus::NotStarted: return "not_started";
    case ModuleStatus::InProgress: return "in_progress";
    case ModuleStatus::Completed: return "completed";
    default: return "passed";
  }
}

const char* to_string(CompletionStatus s) {
  switch (s) {
    case CompletionStatus::NotAttempted: return "not attempted";
    case CompletionStatus::Incomplete: return "incomplete";
    default: return "completed";
  }
}

const char* to_string(SuccessStatus s) {
  switch (s) {
    case SuccessStatus::Unknown: return "unknown";
    case SuccessStatus::Passed: return "passed";
    default: return "failed";
  }
}

const char* to_string(Screen s) {
  switch (s) {
    case Screen::Home: return "home";
    case Screen::Lesson: return "lesson";
    case Screen::Quiz: return "quiz";
    case Screen::RolePlay: return "roleplay";
    case Screen::Assessment: return "assessment";
    case Screen::Results: return "results";
    default: return "certificate";
  }
}

const char* to_string(InteractionType t) {
  switch (t) {
    case InteractionType::Choice: return "choice";
    case InteractionType::TrueFalse: return "true-false";
    case InteractionType::Sequencing: return "sequencing";
    case InteractionType::Matching: return "matching";
    default: return "other";
  }
}

const char* to_string(InteractionResult r) {
  switch (r) {
    case InteractionResult::Correct: return "correct";
    case InteractionResult::Incorrect: return "incorrect";
    default: return "neutral";
  }
}

CourseState new_state(const Course& course, std::string learner_id, std::string learner_name, std::string language,
                      std::uint64_t seed, std::int64_t now) {
  CourseState st;
  st.course_id = course.id;
  st.course_version = course.version;
  st.learner_id = std::move(learner_id);
  st.learner_name = std::move(learner_name);
  st.language = language.empty() && !course.languages.empty() ? course.languages.front() : std::move(language);
  st.seed = seed;
  st.started = now;
  st.updated = now;
  for (const auto& m : course.modules) st.modules.push_back(ModuleProgress{m.id, {}, {}, {}});
  return st;
}

const ModuleProgress* find_progress(const CourseState& st, std::string_view module_id) {
  for (const auto& m : st.modules)
    if (m.module_id == module_id) return &m;
  return nullptr;
}

ModuleProgress& progress(CourseState& st, std::string_view module_id) {
  for (auto& m : st.modules)
    if (m.module_id == module_id) return m;
  st.modules.push_back(ModuleProgress{std::string(module_id), {}, {}, {}});
  return st.modules.back();
}

void touch(CourseState& st, std::int64_t now) { st.updated = std::max(st.updated, now); }

void add_time(CourseState& st, double seconds) {
  if (!std::isfinite(seconds) || seconds <= 0) return;
  st.total_time_seconds = round2(st.total_time_seconds + std::min(seconds, 1e9));
}

// [SECTION] Lessons
void view_page(CourseState& st, const Course& course, std::string_view module_id, int page, std::int64_t now) {
  const Module* m = course.module(module_id);
  if (!m || page < 0 || static_cast<std::size_t>(page) >= m->pages.size()) return;
  auto& l = progress(st, module_id).lesson;
  l.pages_seen = std::max(l.pages_seen, page + 1);
  if (static_cast<std::size_t>(l.pages_seen) >= m->pages.size()) l.completed = true;
  touch(st, now);
}

// [SECTION] Quizzes
static bool is_assessment(const Course& course, std::string_view quiz_id) { return quiz_id == course.assessment.id; }

const QuizProgress* find_quiz_progress(const CourseState& st, const Course& course, std::string_view quiz_id) {
  if (is_assessment(course, quiz_id)) return &st.assessment;
  const ModuleProgress* p = find_progress(st, quiz_id);
  return p ? &p->quiz : nullptr;
}

static QuizProgress& quiz_progress(CourseState& st, const Course& course, std::string_view quiz_id) {
  if (is_assessment(course, quiz_id)) return st.assessment;
  return progress(st, quiz_id).quiz;
}

QuizSettings quiz_settings(const Course& course, const CourseState& st, std::string_view quiz_id, int attempt) {
  QuizSettings s;
  s.quiz_id = std::string(quiz_id);
  s.seed = st.seed;
  s.attempt = attempt;
  if (is_assessment(course, quiz_id)) {
    s.pass_mark = course.assessment.pass_mark;
    s.max_attempts = course.assessment.max_attempts;
    s.shuffle_options = true;
  } else if (const Module* m = course.module(quiz_id)) {
    s.pass_mark = m->quiz.pass_mark;
    s.max_attempts = m->quiz.max_attempts;
    s.shuffle_options = m->quiz.shuffle_options;
  } else {
    s.pass_mark = course.pass_mark;
  }
  return s;
}

bool assessment_unlocked(const Course& course, const CourseState& st) {
  if (!course.lock_assessment) return true;
  for (const auto& m : course.modules) {
    if (!m.required) continue;
    const ModuleStatus s = module_status(course, st, m);
    if (s != ModuleStatus::Completed && s != ModuleStatus::Passed) return false;
  }
  return true;
}

QuizAvailability quiz_availability(const Course& course, const CourseState& st, std::string_view quiz_id) {
  const bool assessment = is_assessment(course, quiz_id);
  const Module* m = assessment ? nullptr : course.module(quiz_id);
  if (!assessment && !m) return QuizAvailability::Unknown;
  if ((assessment ? course.assessment.bank.empty() : m->quiz.questions.empty())) return QuizAvailability::NoQuestions;
  const QuizProgress* p = find_quiz_progress(st, course, quiz_id);
  if (p && p->in_progress) return QuizAvailability::InProgress;
  if (assessment && !assessment_unlocked(course, st)) return QuizAvailability::Locked;
  const int used = p ? p->attempts_used : 0;
  const int max = assessment ? course.assessment.max_attempts : m->quiz.max_attempts;
  return attempts_left(used, max) ? QuizAvailability::Available : QuizAvailability::NoAttemptsLeft;
}

static std::vector<const Question*> questions_by_id(const Course& course, const std::vector<QuestionAnswer>& answers) {
  std::vector<const Question*> out;
  for (const auto& a : answers)
    if (const Question* q = course.question(a.question_id)) out.push_back(q);
  return out;
}

std::optional<QuizSession> begin_quiz(const Course& course, CourseState& st, std::string_view quiz_id,
                                      std::int64_t now) {
  const QuizAvailability av = quiz_availability(course, st, quiz_id);
  if (av != QuizAvailability::Available && av != QuizAvailability::InProgress) return std::nullopt;
  const bool assessment = is_assessment(course, quiz_id);
  QuizProgress& p = quiz_progress(st, course, quiz_id);
  const int attempt = p.attempts_used + 1;
  std::vector<const Question*> qs;
  const auto draw = [&] {
    return assessment ? draw_assessment(course, st.seed, attempt)
                      : draw_module_quiz(*course.module(quiz_id), st.seed, attempt, p.last_answers);
  };
  if (av == QuizAvailability::InProgress && !p.answers.empty()) qs = questions_by_id(course, p.answers);  // as saved
  if (qs.empty()) qs = draw();
  QuizSession s(std::move(qs), quiz_settings(course, st, quiz_id, attempt));
  if (av == QuizAvailability::InProgress) s.restore(p.answers, p.current);
  p.in_progress = true;
  p.answers = s.answers();
  p.current = static_cast<int>(s.index());
  touch(st, now);
  return s;
}

// A session's quiz id is a module id (its progress) or else the assessment.
static QuizProgress* session_progress(CourseState& st, const QuizSession& s) {
  for (auto& m : st.modules)
    if (m.module_id == s.settings().quiz_id) return &m.quiz;
  return &st.assessment;
}

void save_quiz(CourseState& st, const QuizSession& s, std::int64_t now) {
  if (s.finished()) return;
  QuizProgress* p = session_progress(st, s);
  p->in_progress = true;
  p->answers = s.answers();
  p->current = static_cast<int>(s.index());
  touch(st, now);
}

static InteractionType interaction_type(QuestionType t) {
  switch (t) {
    case QuestionType::TrueFalse: return InteractionType::TrueFalse;
    case QuestionType::Ordering: return InteractionType::Sequencing;
    case QuestionType::Matching: return InteractionType::Matching;
    default: return InteractionType::Choice;
  }
}

static void journal(CourseState& st, Interaction it) {
  st.interactions.push_back(std::move(it));
  if (st.interactions.size() > kMaxInteractions)
    st.interactions.erase(st.interactions.begin(),
                          st.interactions.begin() + static_cast<std::ptrdiff_t>(st.interactions.size() - kMaxInteractions));
}

static double clean_latency(double v) { return std::isfinite(v) && v > 0 ? std::min(v, 1e7) : 0.0; }

void record_answer(CourseState& st, const QuizSession& s, std::size_t index, double latency_seconds, std::int64_t now) {
  save_quiz(st, s, now);
  if (index >= s.size() || !s.submitted(index)) return;
  const Question& q = s.question(index);
  const Grade g = grade(q, s.response(index));
  Interaction it;
  it.id = q.id;
  it.type = interaction_type(q.type);
  it.objective = q.objective;
  it.learner_response = scorm_response(q, s.response(index));
  it.correct_responses.push_back(scorm_response(q, correct_response(q)));
  it.result = g.correct ? InteractionResult::Correct : InteractionResult::Incorrect;
  it.score = g.score;
  it.latency_seconds = clean_latency(latency_seconds);
  it.timestamp = now;
  journal(st, std::move(it));
  touch(st, now);
}

QuizResult finish_quiz(CourseState& st, QuizSession& s, std::int64_t now) {
  QuizProgress* p = session_progress(st, s);
  const bool was_finished = s.finished();
  QuizResult r = s.finish();
  if (was_finished) return r;
  p->attempts_used += 1;
  p->last_score = r.score_percent;
  p->best_score = p->best_score ? std::max(*p->best_score, r.score_percent) : r.score_percent;
  p->last_answers = s.answers();
  p->answers.clear();
  p->in_progress = false;
  p->current = 0;
  touch(st, now);
  return r;
}

// [SECTION] Role-plays
ReplyOrder reply_order_for(const Course& course, const CourseState& st, const RolePlayProgress& p) {
  return ReplyOrder{course.shuffle_replies, st.seed, p.runs};
}

std::optional<RolePlaySession> begin_roleplay(const Course& course, CourseState& st, std::string_view module_id,
                                              std::int64_t now) {
  const Module* m = course.module(module_id);
  if (!m || !m->roleplay) return std::nullopt;
  RolePlayProgress& p = progress(st, module_id).roleplay;
  const ReplyOrder order = reply_order_for(course, st, p);
  std::optional<RolePlaySession> s;
  if (p.in_progress) s = RolePlaySession::from_replies(*m->roleplay, p.path, nullptr, order);
  if (!s || s->ended()) s = RolePlaySession(*m->roleplay, order);
  if (!s->valid()) return std::nullopt;
  p.in_progress = true;
  p.path = s->reply_path();
  touch(st, now);
  return s;
}

void record_choice(CourseState& st, std::string_view module_id, const RolePlaySession& s, double latency_seconds,
                   std::int64_t now) {
  RolePlayProgress& p = progress(st, module_id).roleplay;
  if (!s.history().empty()) {
    const RolePlayStep& last = s.history().back();
    Interaction it;
    it.id = s.roleplay().id + "." + last.node->id;
    it.type = InteractionType::Other;
    it.objective = last.choice->honours.empty() ? (last.choice->breaks.empty() ? std::string() : last.choice->breaks.front())
                                                : last.choice->honours.front();
    it.learner_response = last.choice->id;  // by id: the screen's order is the learner's own
    it.result = InteractionResult::Neutral;
    it.latency_seconds = clean_latency(latency_seconds);
    it.timestamp = now;
    journal(st, std::move(it));
  }
  if (s.ended()) {
    p.runs += 1;
    const Outcome o = *s.outcome();
    if (!p.best_outcome || outcome_rank(o) > outcome_rank(*p.best_outcome)) p.best_outcome = o;
    p.last_path = s.reply_path();
    p.last_ending = s.node().id;
    p.last_rubric = s.totals();
    p.in_progress = false;
    p.path.clear();
  } else {
    p.in_progress = true;
    p.path = s.reply_path();
  }
  touch(st, now);
}

// [SECTION] Status
static bool lesson_done(const Module& m, const ModuleProgress* p) {
  return m.pages.empty() || (p && p->lesson.completed);
}
static bool quiz_done(const Module& m, const ModuleProgress* p) {
  return m.quiz.questions.empty() || (p && p->quiz.attempts_used > 0);
}
static bool roleplay_done(const Module& m, const ModuleProgress* p) {
  return !m.roleplay || (p && p->roleplay.runs > 0);
}

ModuleStatus module_status(const Course&, const CourseState& st, const Module& m) {
  const ModuleProgress* p = find_progress(st, m.id);
  const bool completed = lesson_done(m, p) && quiz_done(m, p) && roleplay_done(m, p);
  if (completed) {
    const bool passed = m.quiz.questions.empty() ||
                        (p && p->quiz.best_score && *p->quiz.best_score >= static_cast<double>(m.quiz.pass_mark));
    return passed ? ModuleStatus::Passed : ModuleStatus::Completed;
  }
  if (!p) return ModuleStatus::NotStarted;
  const bool touched = p->lesson.pages_seen > 0 || p->lesson.completed || p->quiz.attempts_used > 0 ||
                       p->quiz.in_progress || p->roleplay.runs > 0 || p->roleplay.in_progress;
  return touched ? ModuleStatus::InProgress : ModuleStatus::NotStarted;
}

CompletionStatus completion_status(const Course& course, const CourseState& st) {
  bool all = true;
  bool any = st.assessment.attempts_used > 0 || st.assessment.in_progress;
  for (const auto& m : course.modules) {
    const ModuleStatus s = module_status(course, st, m);
    if (s != ModuleStatus::NotStarted) any = true;
    if (m.required && s != ModuleStatus::Completed && s != ModuleStatus::Passed) all = false;
  }
  if (course.assessment_required && st.assessment.attempts_used == 0) all = false;
  if (all) return CompletionStatus::Completed;
  return any ? CompletionStatus::Incomplete : CompletionStatus::NotAttempted;
}

SuccessStatus success_status(const Course& course, const CourseState& st) {
  if (course.assessment_required) {
    if (!st.assessment.best_score) return SuccessStatus::Unknown;
    return *st.assessment.best_score >= static_cast<double>(course.assessment.pass_mark) ? SuccessStatus::Passed
                                                                                         : SuccessStatus::Failed;
  }
  if (completion_status(course, st) != CompletionStatus::Completed) return SuccessStatus::Unknown;
  for (const auto& m : course.modules)
    if (m.required && module_status(course, st, m) != ModuleStatus::Passed) return SuccessStatus::Failed;
  return SuccessStatus::Passed;
}

std::optional<double> overall_score(const Course& course, const CourseState& st) {
  if (course.assessment_required) return st.assessment.best_score;
  double sum = 0.0;
  int n = 0;
  bool any = false;
  for (const auto& m : course.modules) {
    if (!m.required || m.quiz.questions.empty()) continue;
    ++n;
    const ModuleProgress* p = find_progress(st, m.id);
    if (p && p->quiz.best_score) {
      any = true;
      sum += *p->quiz.best_score;
    }
  }
  if (!any || n == 0) return std::nullopt;
  return round2(std::clamp(sum / n, 0.0, 100.0));
}

std::vector<ObjectiveScore> objective_scores(const Course& course, const CourseState& st) {
  std::vector<ObjectiveScore> out(course.objectives.size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i].id = course.objectives[i].id;
  // One pass over the answers, one question lookup each (per objective it was most of
  // `granice report`'s time); every objective still sums its answers in the same order.
  auto add = [&](const std::vector<QuestionAnswer>& answers) {
    for (const auto& a : answers) {
      const Question* q = course.question(a.question_id);
      if (!q) continue;
      for (std::size_t i = 0; i < out.size(); ++i) {
        if (q->objective != out[i].id) continue;
        const Grade g = a.submitted ? grade(*q, a.response) : Grade{0.0, 0.0, q->points, false};
        out[i].earned += g.earned;
        out[i].possible += g.possible;
      }
    }
  };
  for (const auto& mp : st.modules) add(mp.quiz.last_answers);
  add(st.assessment.last_answers);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const Objective& o = course.objectives[i];
    ObjectiveScore& os = out[i];
    if (os.possible > 0) os.score = round2(std::clamp(100.0 * os.earned / os.possible, 0.0, 100.0));
    bool has_module = false, all_done = true, any_started = false;
    for (const auto& m : course.modules) {
      if (m.objective != o.id) continue;
      has_module = true;
      const ModuleStatus s = module_status(course, st, m);
      if (s != ModuleStatus::Completed && s != ModuleStatus::Passed) all_done = false;
      if (s != ModuleStatus::NotStarted) any_started = true;
    }
    if (has_module ? all_done : os.score.has_value()) {
      os.completion = CompletionStatus::Completed;
    } else if (any_started || os.score) {
      os.completion = CompletionStatus::Incomplete;
    }
    if (os.score)
      os.success = *os.score >= static_cast<double>(course.pass_mark) ? SuccessStatus::Passed : SuccessStatus::Failed;
  }
  return out;
}

}  // namespace granice
