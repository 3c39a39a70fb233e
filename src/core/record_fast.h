// The fast path for reading progress records (`granice report` on 100,000 files): one pass
// over the text with PullReader, filling the CourseState directly instead of building a
// nlohmann tree and walking it.
//
//   std::optional<CourseState> st = read_record_fast(text);   // nullopt: gave up
//   if (!st) { RecordResult r = from_record(text); ... }      // the slow path names the errors
//
// Contract: when it returns a state, from_record(text) accepts the text and returns exactly
// that state (tests/unit/test_record_fast.cpp, the record fuzz target). It gives up on
// anything it does not fully understand or that from_record would refuse, and never says why:
// from_record() is the one place that explains a bad record.
#pragma once

#include <optional>
#include <string_view>

#include "core/course_state.h"

namespace granice {

// journal = false: the interactions are checked as strictly but not kept (st.interactions is
// left empty), for callers that only need the learner's progress.
std::optional<CourseState> read_record_fast(std::string_view text, bool journal = true);

}  // namespace granice
