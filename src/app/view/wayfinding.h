// Where the learner is, for aria-current and its visible counterpart: the step of the course
// they are on (the course map marks it) and a lesson's pager (which pages exist, which one is
// shown, which can be opened). Pure, so the rules are tested natively.
#pragma once

#include <string>
#include <vector>

#include "core/state/course_state.h"
#include "core/content/model.h"

namespace granice::view {

struct CourseStep {
  enum class Kind { None, Module, Assessment };
  Kind kind = Kind::None;
  std::string module_id;   // Kind::Module
  bool operator==(const CourseStep&) const = default;
};

// The step of the course the learner is on:
// 1. the module of the bookmark ("Continue where you left off" opens it), else
// 2. the final assessment when the bookmark is in it, else
// 3. the first module not completed yet, else
// 4. the final assessment while it can still be taken and is not passed, else none.
CourseStep CurrentStep(const Course& course, const CourseState& state);

// One page button of a lesson's pager.
struct PagerItem {
  int index = 0;           // 0-based page
  bool current = false;    // the page shown (aria-current="page")
  bool enabled = false;    // pages seen and the next one; later pages stay locked so a jump
                           // cannot mark unread pages as seen
  bool operator==(const PagerItem&) const = default;
};

// `count` pages, page `current` shown, `pages_seen` pages seen so far (CourseState's lesson).
std::vector<PagerItem> LessonPager(int count, int current, int pages_seen);

}  // namespace granice::view
