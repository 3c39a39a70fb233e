// Test courses built in code (independent of quizzes/ and the loader), and a random learner
// that drives the engines and the CourseState the way a UI would.
#pragma once

#include <cstdint>
#include <string>

#include "core/state/course_state.h"
#include "core/content/model.h"
#include "core/engines/rng.h"

namespace granice::test {

LocalText lt(const std::string& text);  // same text in "pl" and "en"

struct FixtureOptions {
  int modules = 7;             // the last one is the synthesis module
  int questions = 7;           // per module quiz; types cycle through all six
  int bank = 21;               // assessment bank size, spread over the objectives
  int draw = 15;
  int quiz_attempts = 0;       // 0 = unlimited
  int assessment_attempts = 3;
  bool assessment_required = true;
  bool lock_assessment = true;
};

Course make_course(const FixtureOptions& opt = {});

// Question builders (ids and texts derived from `id`).
Question single_choice(const std::string& id, int options, int correct, const std::string& objective = "obj1");
Question multiple_response(const std::string& id, int options, std::initializer_list<int> correct,
                           const std::string& objective = "obj1");
Question true_false(const std::string& id, bool answer, const std::string& objective = "obj1");
Question ordering(const std::string& id, int items, const std::string& objective = "obj1");
Question matching(const std::string& id, int pairs, const std::string& objective = "obj1");
Question best_reply(const std::string& id, int options, int correct, const std::string& objective = "obj1");

// A role-play with a loop (n2 -> n1), three outcomes and ~5 decisions on the good path.
RolePlay make_roleplay(const std::string& id, const std::string& objective);

// A random (possibly wrong, possibly incomplete) response that fits `q`.
Response random_response(const Question& q, Rng& rng);

// One random learner action (view a page, answer / submit / finish a quiz, a role-play choice,
// the assessment, a bookmark, time). `now` advances.
void random_action(const Course& course, CourseState& st, Rng& rng, std::int64_t& now);

// Drives the learner through the whole course (every lesson page, every quiz, every role-play to
// an ending, the assessment). `skill` 0..1 is the chance of answering / choosing well.
void complete_course(const Course& course, CourseState& st, Rng& rng, std::int64_t& now, double skill);

}  // namespace granice::test
