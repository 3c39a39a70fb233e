// Step-style quiz over a list of questions: a module quiz or the drawn final assessment.
//
//   QuizSession s(module_questions(module), QuizSettings{...seed, attempt...});
//   // (or begin_quiz() in course_state.h, which resumes an in-progress attempt)
//   const Question& q = s.current();
//   for (int opt : s.presented()) ...            // options / items / targets in display order
//   s.select(opt) / s.toggle(opt) / s.move_item(from, to) / s.match(source, target)
//   if (s.can_submit()) { QuestionResult r = *s.submit(); show r.feedback; }
//   s.next(); s.previous(); s.go(i);
//   QuizResult res = s.finish();                 // score %, passed, per-question grades
//
// Every index the session takes or returns refers to the model's lists (Question::options,
// items, pairs), never to display positions; presented() maps display position -> model index.
// The presentation order depends only on (seed, question id, attempt), so it is identical after
// a resume, whatever the order in which screens were visited.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/content/model.h"
#include "core/engines/scoring.h"

namespace granice {

struct QuizSettings {
  std::string quiz_id;          // module id or the assessment id
  int pass_mark = 80;           // percent
  int max_attempts = 0;         // 0 = unlimited (informative here; begin_quiz() enforces it)
  bool shuffle_options = true;  // choice options; ordering items and matching targets are always shuffled
  std::uint64_t seed = 0;       // the learner's seed
  int attempt = 1;              // 1-based attempt number
};

struct QuestionAnswer {
  std::string question_id;
  Response response;
  bool submitted = false;
  bool operator==(const QuestionAnswer&) const = default;
};

struct QuestionResult {
  Grade grade;
  Feedback feedback;
};

struct QuizResult {
  double score_percent = 0.0;  // 0..100, rounded to 2 decimals
  double earned = 0.0;
  double possible = 0.0;
  bool passed = false;
  int attempt = 1;
  std::vector<Grade> grades;   // per question, session order (unsubmitted = 0)
};

// Rounds a percent / fraction to 2 decimals (what the state keeps and the snapshot stores).
double round2(double v);

// Display order of a question's options (choice types), items (ordering) or targets (matching).
// Ordering items are never presented already in the correct order when there are >= 2 items.
// true_false options keep their model order.
std::vector<int> presentation_order(const Question& q, bool shuffle_options, std::uint64_t seed, int attempt);

std::vector<const Question*> module_questions(const Module& m);

// The questions of one attempt at a module quiz: all of them in authored order, or, when the quiz
// sets `draw`, that many drawn and ordered from (seed, module, attempt). The questions of the
// previous attempt (`previous`, its answers) are drawn last, so a retry first gets the questions the
// last attempt's feedback did not show.
std::vector<const Question*> draw_module_quiz(const Module& m, std::uint64_t seed, int attempt,
                                              const std::vector<QuestionAnswer>& previous = {});

// `draw` questions from the bank, spread over the objectives as evenly as the bank allows
// (round-robin over per-objective seeded shuffles), then shuffled. Same (seed, attempt) -> same list.
// draw <= 0 or draw >= bank size takes the whole bank (shuffled).
std::vector<const Question*> draw_assessment(const Course& course, std::uint64_t seed, int attempt);

// Attempts: max 0 = unlimited.
bool attempts_left(int used, int max_attempts);
int remaining_attempts(int used, int max_attempts);  // -1 = unlimited

class QuizSession {
 public:
  QuizSession(std::vector<const Question*> questions, QuizSettings settings);

  // Restores answers (matched by question id; answers that do not fit are ignored) and position.
  // Returns the number of answers restored.
  int restore(const std::vector<QuestionAnswer>& answers, int current);

  const QuizSettings& settings() const { return settings_; }
  std::size_t size() const { return questions_.size(); }
  bool empty() const { return questions_.empty(); }
  std::size_t index() const { return current_; }
  const Question& question(std::size_t i) const { return *questions_.at(i); }
  const Question& current() const { return question(current_); }
  const std::vector<const Question*>& questions() const { return questions_; }

  // Navigation; false when not possible.
  bool go(std::size_t i);
  bool next();
  bool previous();
  bool at_first() const { return current_ == 0; }
  bool at_last() const { return questions_.empty() || current_ + 1 == questions_.size(); }

  // Display order (model indices) for question i / the current question.
  const std::vector<int>& presented(std::size_t i) const { return presented_.at(i); }
  const std::vector<int>& presented() const { return presented(current_); }

  // The learner's current answer. For ordering, arrangement() is what to display (the response
  // once the learner moved something, else the presented order).
  const Response& response(std::size_t i) const { return answers_.at(i).response; }
  const Response& response() const { return response(current_); }
  std::vector<int> arrangement(std::size_t i) const;
  std::vector<int> arrangement() const { return arrangement(current_); }
  bool is_selected(int option) const;  // current question, choice types

  // Editing the current question; false when submitted, finished or out of range.
  bool select(int option);                 // single answer types: replaces; multiple_response: adds
  bool toggle(int option);                 // multiple_response: ticks/unticks; single: selects
  bool move_item(std::size_t from_pos, std::size_t to_pos);  // ordering, display positions
  bool set_order(const std::vector<int>& order);             // ordering, item indices
  bool match(int source, int target);      // matching; a target used elsewhere is moved here
  bool unmatch(int source);
  bool answer(const Response& r);          // replaces the whole response (must fit the question)

  bool can_submit() const;                 // current question complete and not yet submitted
  std::optional<QuestionResult> submit();  // grades the current question and locks it
  bool submitted(std::size_t i) const { return answers_.at(i).submitted; }
  bool submitted() const { return submitted(current_); }
  std::optional<QuestionResult> result(std::size_t i) const;  // once submitted
  std::size_t submitted_count() const;
  bool all_submitted() const { return submitted_count() == questions_.size(); }

  // Ends the attempt (unsubmitted questions score 0). Further edits are refused.
  QuizResult finish();
  bool finished() const { return finished_; }
  QuizResult score() const;  // the result so far (what finish() would return)

  const std::vector<QuestionAnswer>& answers() const { return answers_; }

 private:
  bool editable() const;

  std::vector<const Question*> questions_;
  QuizSettings settings_;
  std::vector<std::vector<int>> presented_;
  std::vector<QuestionAnswer> answers_;
  std::size_t current_ = 0;
  bool finished_ = false;
};

}  // namespace granice
