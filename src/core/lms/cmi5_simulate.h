// The statements a simulated learner sends through cmi5 (core/engines/simulate.h walks,
// core/lms/cmi5.h plans): one registration, one session per visit (initialized ... terminated),
// launched in `mode` by an LMS that hands over the package's values (moveOn from the course rules,
// masteryScore = the pass mark). Deterministic: the same (course, seed, index, mode) gives the
// same statements, ids included. For the tests, and `granice simulate --xapi` later.
//
//   for (const json& s : cmi5::simulated_statements(course, 2026, 17)) ...
#pragma once

#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/content/model.h"
#include "core/lms/cmi5.h"

namespace granice::cmi5 {

// The launch an LMS would give this learner (actor, registration, activity id = the AU IRI,
// LMS.LaunchData with the publisher id in the template's grouping) before session `session`.
Launch simulated_launch(const Course& course, const CourseState& st, std::uint64_t seed, std::uint64_t index,
                        int session, LaunchMode mode = LaunchMode::Normal);

std::vector<nlohmann::json> simulated_statements(const Course& course, std::uint64_t seed, std::uint64_t index,
                                                 LaunchMode mode = LaunchMode::Normal);

}  // namespace granice::cmi5
