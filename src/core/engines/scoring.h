// Grading one answer per the scoring table in quizzes/README.md.
//
//   Response r;                        // indices into the model's own lists (never presentation order)
//   r.selected = {2};                  // single_choice / best_reply / true_false / multiple_response
//   r.order = {1, 0, 2};               // ordering: item indices in the learner's order
//   r.match = {0, 2, 1};               // matching: for source i, the index of the chosen target (-1 none)
//   Grade g = grade(question, r);      // g.score 0..1, g.earned = score * points, g.correct = full score
//   Feedback f = feedback_for(question, r);  // what to show next to each option / pair
#pragma once

#include <string>
#include <vector>

#include "core/content/model.h"
#include "core/engines/rng.h"

namespace granice {

struct Response {
  std::vector<int> selected;  // option indices ticked, ascending, no duplicates
  std::vector<int> order;     // ordering: item indices as arranged by the learner
  std::vector<int> match;     // matching: match[source] = target pair index, -1 = not matched yet

  bool empty() const { return selected.empty() && order.empty() && match.empty(); }
  bool operator==(const Response&) const = default;
};

struct Grade {
  double score = 0.0;     // 0..1
  double earned = 0.0;    // score * points
  double possible = 0.0;  // points
  bool correct = false;   // full score (SCORM result "correct")
};

// True for single_choice, best_reply, true_false and multiple_response.
bool is_choice_type(QuestionType t);
// True when one option at most may be selected (single_choice, best_reply, true_false).
bool is_single_answer(QuestionType t);

// An empty response for `q` (matching: all -1; ordering: empty = not arranged yet).
Response blank_response(const Question& q);
// The response that earns full marks.
Response correct_response(const Question& q);
// The wrong answer a learner who misses `q` tends to give (a favourite distractor, one option
// flipped, two neighbours swapped): the simulated learners' and the test driver's.
Response wrong_response(const Question& q, Rng& rng);
// Removes out-of-range / duplicate entries so the response fits `q` (used after restoring).
Response normalized(const Question& q, const Response& r);
// True when `r` is well-formed for `q` (indices in range, no duplicates, right sizes).
bool fits(const Question& q, const Response& r);
// True when the learner has given something gradable (a selection, an arrangement, every source matched).
bool is_complete(const Question& q, const Response& r);

Grade grade(const Question& q, const Response& r);

// Feedback shown after submitting. For choice types: one entry per option (in model order)
// with whether the learner chose it and whether it is correct; `text` is the option's feedback.
// For matching: one entry per source with whether its pair was right; `text` is the pair feedback.
// For ordering: one entry per item with whether it sits in its correct position; `text` is null.
// `overall` is the question's correct/incorrect feedback (ordering, matching), else null.
struct FeedbackItem {
  int index = 0;            // option / item / source index in the model
  bool chosen = false;      // choice types: ticked by the learner
  bool correct = false;     // choice types: the option is correct; ordering/matching: placed right
  const LocalText* text = nullptr;
};

struct Feedback {
  bool correct = false;              // full score
  const LocalText* overall = nullptr;
  std::vector<FeedbackItem> items;
};

Feedback feedback_for(const Question& q, const Response& r);

// SCORM 2004 vocabulary and response strings (learner_response / correct_responses):
//   choice "a[,]c", true-false "true", sequencing "s2[,]s1[,]s3", matching "p1[.]p1[,]p2[.]p3".
const char* scorm_interaction_type(QuestionType t);
std::string scorm_response(const Question& q, const Response& r);

}  // namespace granice
