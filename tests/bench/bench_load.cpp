// Prints how long loading + validating the shipped course takes (median of many runs), and the
// snapshot length after a complete course. A benchmark prints numbers; it asserts nothing.
//   build/release/bench_load [quizzes/] [runs]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/state/course_state.h"
#include "core/content/loader.h"
#include "core/engines/scoring.h"
#include "core/state/snapshot.h"

using namespace granice;

int main(int argc, char** argv) {
  const std::string folder = argc > 1 ? argv[1] : "quizzes";
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 50;
  std::vector<double> ms;
  LoadResult last;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    last = load_course_folder(folder);
    const auto t1 = std::chrono::steady_clock::now();
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  if (!last.ok()) {
    std::fprintf(stderr, "%s: %zu content errors; run granice lint\n", folder.c_str(), last.diagnostics.size());
    return 1;
  }
  std::sort(ms.begin(), ms.end());
  std::printf("load+validate %s: median %.2f ms, min %.2f ms, max %.2f ms over %d runs (%zu files)\n",
              folder.c_str(), ms[ms.size() / 2], ms.front(), ms.back(), runs, last.files.size());

  // A complete course answered right: the suspend string's length.
  const Course& c = last.course;
  std::int64_t now = 1'780'000'000;
  CourseState st = new_state(c, "bench", "Zażółć Gęślą-Jaźń", "pl", 7, now);
  auto take = [&](const std::string& id) {
    auto s = begin_quiz(c, st, id, now);
    if (!s) return;
    for (std::size_t i = 0; i < s->size(); ++i) {
      s->go(i);
      s->answer(correct_response(s->current()));
      s->submit();
      record_answer(st, *s, i, 5.0, ++now);
    }
    finish_quiz(st, *s, ++now);
  };
  for (const Module& m : c.modules) {
    for (int p = 0; p < static_cast<int>(m.pages.size()); ++p) view_page(st, c, m.id, p, ++now);
    take(m.id);
    if (auto rp = begin_roleplay(c, st, m.id, now)) {
      while (!rp->ended() && rp->can_continue()) {
        rp->choose(0);
        record_choice(st, m.id, *rp, 3.0, ++now);
      }
    }
  }
  take(c.assessment.id);
  std::printf("suspend string after a complete course: %zu characters (SCORM 1.2 limit 4096)\n",
              encode_snapshot(c, st).size());
  return 0;
}
