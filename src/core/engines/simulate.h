// Synthetic learners for trainers' demos, tests and benchmarks: each one walks the course
// through the real engines (view_page, begin_quiz/record_answer/finish_quiz,
// begin_roleplay/record_choice) with a skill level, so the records look like real ones:
// some drop out, weaker learners fail and retry, hard questions are missed more often and
// their favourite wrong option stands out in the item analysis.
//
//   CourseState st = simulate_learner(course, seed, 17);   // learner number 17 of this seed
//   write to_record(course, st);
//   simulate_learner(course, seed, 17, [&](SimEvent e, const CourseState& st, std::int64_t now) { ... });
#pragma once

#include <cstdint>
#include <functional>

#include "core/state/course_state.h"
#include "core/content/model.h"

namespace granice {

// Deterministic: the same (course, seed, index) gives the same state.
CourseState simulate_learner(const Course& course, std::uint64_t seed, std::uint64_t index);

// The walk seen from outside, for statement streams (cmi5) and tests. Open: the course is opened
// (a fresh state); Action: after each learner action (a lesson page, a submitted answer, a finished
// attempt, a role-play reply); Leave / Return: the learner closes the course and opens it again
// later; Close: the walk ends (finished or dropped out). `now` is the learner's clock (seconds).
// The observer draws no random numbers: the learner is the same with or without it.
enum class SimEvent { Open, Action, Leave, Return, Close };
using SimulationObserver = std::function<void(SimEvent, const CourseState& st, std::int64_t now)>;
CourseState simulate_learner(const Course& course, std::uint64_t seed, std::uint64_t index,
                             const SimulationObserver& observer);

}  // namespace granice
