// CourseState: the ONLY mutable learner data. Plain values (copyable, comparable); every
// function that needs content takes the immutable Course. The core never reads the clock:
// callers pass `now` (seconds since the Unix epoch) and elapsed times.
//
//   CourseState st = new_state(course, "id", "Name", "pl", seed, now);
//   view_page(st, course, "boundaries", 2, now);                  // lesson progress
//   auto quiz = begin_quiz(course, st, "boundaries", now);        // resumes or starts an attempt
//   quiz->select(o); quiz->submit(); record_answer(st, *quiz, quiz->index(), latency, now);
//   QuizResult r = finish_quiz(st, *quiz, now);                   // attempts, best/last score
//   auto rp = begin_roleplay(course, st, "boundaries", now);      // resumes an in-progress walk
//   rp->choose(i); record_choice(st, "boundaries", *rp, latency, now);          // path, interaction, run on ending
//   module_status(course, st, module); completion_status(course, st); success_status(course, st);
//   st.bookmark = {Screen::Quiz, "boundaries", 3};                // where to resume
//   add_time(st, elapsed_seconds);
//
// Status rules (docs/engine.md):
//   module completed = lesson read to the last page + >= 1 finished quiz attempt + >= 1 role-play run
//                      ended (parts the module does not have count as done);
//   module passed    = completed and best quiz score >= the quiz pass mark;
//   course completed = every required module completed and, if assessment_required, >= 1 finished
//                      assessment attempt;
//   course success   = assessment_required: passed/failed by the best assessment score vs its pass
//                      mark, unknown before the first attempt; otherwise unknown until completed,
//                      then passed when every required module is passed, else failed.
//   overall score    = best assessment score if assessment_required, else the mean of the best quiz
//                      scores of required modules with a quiz (unattempted count 0).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/model.h"
#include "core/engines/quiz_engine.h"
#include "core/engines/roleplay_engine.h"

namespace granice {

enum class ModuleStatus { NotStarted, InProgress, Completed, Passed };
enum class CompletionStatus { NotAttempted, Incomplete, Completed };
enum class SuccessStatus { Unknown, Passed, Failed };
enum class Screen { Home, Lesson, Quiz, RolePlay, Assessment, Results, Certificate };
enum class InteractionType { Choice, TrueFalse, Sequencing, Matching, Other };
enum class InteractionResult { Correct, Incorrect, Neutral };

const char* to_string(ModuleStatus s);       // not_started, in_progress, completed, passed
const char* to_string(CompletionStatus s);   // not attempted, incomplete, completed (SCORM)
const char* to_string(SuccessStatus s);      // unknown, passed, failed
const char* to_string(Screen s);             // home, lesson, quiz, roleplay, assessment, results, certificate
const char* to_string(InteractionType t);    // choice, true-false, sequencing, matching, other
const char* to_string(InteractionResult r);  // correct, incorrect, neutral

struct LessonProgress {
  int pages_seen = 0;      // highest page index seen + 1
  bool completed = false;  // reached the last page
  bool operator==(const LessonProgress&) const = default;
};

struct QuizProgress {
  int attempts_used = 0;                     // finished attempts
  std::optional<double> best_score;          // percent 0..100, 2 decimals
  std::optional<double> last_score;
  bool in_progress = false;                  // an attempt is open
  int current = 0;                           // question index in the open attempt
  std::vector<QuestionAnswer> answers;       // the open attempt, every question in session order
  std::vector<QuestionAnswer> last_answers;  // the last finished attempt (per-objective scores)
  bool operator==(const QuizProgress&) const = default;
};

struct RolePlayProgress {
  bool in_progress = false;
  ReplyPath path;                          // the open walk (reply ids)
  int runs = 0;                            // walks that reached an ending
  std::optional<Outcome> best_outcome;
  ReplyPath last_path;                     // last completed walk
  std::string last_ending;                 // its ending node id
  std::map<std::string, int> last_rubric;  // its rubric totals
  bool operator==(const RolePlayProgress&) const = default;
};

struct ModuleProgress {
  std::string module_id;
  LessonProgress lesson;
  QuizProgress quiz;
  RolePlayProgress roleplay;
  bool operator==(const ModuleProgress&) const = default;
};

struct Bookmark {
  Screen screen = Screen::Home;
  std::string module_id;  // lesson / quiz / role-play screens
  int index = 0;          // lesson page or question index
  bool operator==(const Bookmark&) const = default;
};

struct Interaction {
  std::string id;                              // question id, or "<role-play id>.<node id>"
  InteractionType type = InteractionType::Choice;
  std::string objective;
  std::string learner_response;                // SCORM 2004 response string (scorm_response)
  std::vector<std::string> correct_responses;  // SCORM 2004 pattern(s); empty for role-play choices
  InteractionResult result = InteractionResult::Neutral;
  double score = 0.0;                          // 0..1
  double latency_seconds = 0.0;
  std::int64_t timestamp = 0;                  // seconds since the epoch
  bool operator==(const Interaction&) const = default;
};

// Oldest interactions are dropped beyond this many (unlimited retries must stay bounded).
inline constexpr std::size_t kMaxInteractions = 1000;

struct CourseState {
  std::string course_id;
  std::string course_version;
  std::string learner_id;
  std::string learner_name;
  std::string language;
  std::uint64_t seed = 0;
  std::int64_t started = 0;         // seconds since the epoch
  std::int64_t updated = 0;
  double total_time_seconds = 0.0;  // 2 decimals
  std::vector<ModuleProgress> modules;  // course order
  QuizProgress assessment;
  Bookmark bookmark;
  std::vector<Interaction> interactions;  // journal; not part of the snapshot (see snapshot.h)
  bool operator==(const CourseState&) const = default;
};

CourseState new_state(const Course& course, std::string learner_id, std::string learner_name,
                      std::string language, std::uint64_t seed, std::int64_t now);

const ModuleProgress* find_progress(const CourseState& st, std::string_view module_id);
ModuleProgress& progress(CourseState& st, std::string_view module_id);  // created if absent

void touch(CourseState& st, std::int64_t now);  // updated = max(updated, now)
void add_time(CourseState& st, double seconds);  // ignores negative / non-finite values

// [SECTION] Lessons
void view_page(CourseState& st, const Course& course, std::string_view module_id, int page, std::int64_t now);

// [SECTION] Quizzes. quiz_id is a module id or course.assessment.id.
enum class QuizAvailability { Available, InProgress, NoAttemptsLeft, Locked, NoQuestions, Unknown };
QuizAvailability quiz_availability(const Course& course, const CourseState& st, std::string_view quiz_id);
QuizSettings quiz_settings(const Course& course, const CourseState& st, std::string_view quiz_id, int attempt);
const QuizProgress* find_quiz_progress(const CourseState& st, const Course& course, std::string_view quiz_id);
bool assessment_unlocked(const Course& course, const CourseState& st);

// Resumes the open attempt, or starts a new one when attempts are left (and the assessment is
// unlocked); nullopt otherwise (see quiz_availability()).
std::optional<QuizSession> begin_quiz(const Course& course, CourseState& st, std::string_view quiz_id,
                                      std::int64_t now);
// Stores the session's answers and position in the state (call after every edit worth keeping).
void save_quiz(CourseState& st, const QuizSession& s, std::int64_t now);
// After QuizSession::submit(): stores, and journals an interaction for question `index`.
void record_answer(CourseState& st, const QuizSession& s, std::size_t index, double latency_seconds,
                   std::int64_t now);
// Finishes the session and the attempt: attempts_used, last/best score, last_answers.
QuizResult finish_quiz(CourseState& st, QuizSession& s, std::int64_t now);

// [SECTION] Role-plays
// The order replies are shown in for the learner's next walk of a role-play (course setting, seed, run).
ReplyOrder reply_order_for(const Course& course, const CourseState& st, const RolePlayProgress& p);
// Resumes the open walk (if it still applies to the content), else starts a new one.
std::optional<RolePlaySession> begin_roleplay(const Course& course, CourseState& st, std::string_view module_id,
                                              std::int64_t now);
// After RolePlaySession::choose(): stores the path, journals an interaction, and when the walk
// ended records the run (runs, best outcome, last path/ending/rubric).
void record_choice(CourseState& st, std::string_view module_id, const RolePlaySession& s, double latency_seconds,
                   std::int64_t now);

// [SECTION] Status
ModuleStatus module_status(const Course& course, const CourseState& st, const Module& m);
CompletionStatus completion_status(const Course& course, const CourseState& st);
SuccessStatus success_status(const Course& course, const CourseState& st);
std::optional<double> overall_score(const Course& course, const CourseState& st);  // 0..100

struct ObjectiveScore {
  std::string id;
  std::optional<double> score;  // percent 0..100 over the last finished attempts' answers
  double earned = 0.0;
  double possible = 0.0;
  CompletionStatus completion = CompletionStatus::NotAttempted;
  SuccessStatus success = SuccessStatus::Unknown;
};
// One entry per course objective: module quiz + assessment questions testing it. Completion
// follows the module(s) whose objective it is (completed when they are); success compares the
// score with the course pass mark.
std::vector<ObjectiveScore> objective_scores(const Course& course, const CourseState& st);

}  // namespace granice
