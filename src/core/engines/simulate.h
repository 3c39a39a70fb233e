// Synthetic learners for trainers' demos, tests and benchmarks: each one walks the course
// through the real engines (view_page, begin_quiz/record_answer/finish_quiz,
// begin_roleplay/record_choice) with a skill level, so the records look like real ones:
// some drop out, weaker learners fail and retry, hard questions are missed more often and
// their favourite wrong option stands out in the item analysis.
//
//   CourseState st = simulate_learner(course, seed, 17);   // learner number 17 of this seed
//   write to_record(course, st);
#pragma once

#include <cstdint>

#include "core/state/course_state.h"
#include "core/content/model.h"

namespace granice {

// Deterministic: the same (course, seed, index) gives the same state.
CourseState simulate_learner(const Course& course, std::uint64_t seed, std::uint64_t index);

}  // namespace granice
