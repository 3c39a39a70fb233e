// Saved progress: what the browser keeps (a progress record, or a bare snapshot from older
// builds) decoded against the content, and the choice between the LMS's copy and the browser's.
// Used by both runtimes (standalone and LMS); pure, no storage access.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/state/course_state.h"
#include "core/content/model.h"

namespace granice {

struct LocalLoad {
  std::optional<CourseState> state;
  bool damaged = false;                 // there was something, and it could not be read
  std::string message;                  // why (for the notice / log)
  std::vector<std::string> dropped;     // content changed: what no longer applied
};
// Accepts a progress record (record.h) or a bare snapshot (snapshot.h). A record made with
// other content is restored through its snapshot (what still applies) plus its journal.
LocalLoad decode_saved(const Course& course, std::string_view text);

enum class Source { None, Lms, Local };
struct Reconciled {
  std::optional<CourseState> state;
  Source source = Source::None;
  std::string why;
};
// The newer of the two by `updated` wins; on a tie the local copy (the same save, plus the
// interaction journal the snapshot leaves out). A local state of another learner (both ids known,
// different, and the local one not an anonymous "local-…" id) is ignored.
Reconciled reconcile(const std::optional<CourseState>& lms, const std::optional<CourseState>& local,
                     std::string_view lms_learner_id);

}  // namespace granice
