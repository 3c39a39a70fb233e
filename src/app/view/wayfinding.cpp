#include "app/view/wayfinding.h"

#include <algorithm>

namespace granice::view {

CourseStep CurrentStep(const Course& course, const CourseState& state) {
  const Bookmark& b = state.bookmark;
  if (!b.module_id.empty() && course.module(b.module_id)) return {CourseStep::Kind::Module, b.module_id};
  if (b.screen == Screen::Assessment) return {CourseStep::Kind::Assessment, {}};
  for (const Module& m : course.modules) {
    const ModuleStatus s = module_status(course, state, m);
    if (s != ModuleStatus::Completed && s != ModuleStatus::Passed) return {CourseStep::Kind::Module, m.id};
  }
  if (success_status(course, state) != SuccessStatus::Passed) {
    const QuizAvailability av = quiz_availability(course, state, course.assessment.id);
    if (av == QuizAvailability::Available || av == QuizAvailability::InProgress) return {CourseStep::Kind::Assessment, {}};
  }
  return {};
}

std::vector<PagerItem> LessonPager(int count, int current, int pages_seen) {
  std::vector<PagerItem> items;
  if (count <= 0) return items;
  current = std::clamp(current, 0, count - 1);
  // The page shown counts as seen (opening it records it), so the one after it can be opened too.
  const int reachable = std::max(pages_seen, current + 1);   // pages 0 .. reachable may be opened
  items.reserve(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) items.push_back({i, i == current, i <= reachable});
  return items;
}

}  // namespace granice::view
