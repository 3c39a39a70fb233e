#include "core/state/saved_progress.h"

#include <algorithm>

#include "core/state/record.h"
#include "core/state/snapshot.h"
#include "core/lms/scorm.h"
#include "core/text/text_match.h"

namespace granice {

using scorm::clean_text;

LocalLoad decode_saved(const Course& course, std::string_view text) {
  LocalLoad out;
  const std::string t = trim(text.substr(0, std::min(text.size(), kRecordMaxBytes + 1)));
  if (t.empty()) return out;
  if (t.front() == '{') {
    RecordResult r = from_record(t);
    if (r.ok() && r.state->course_id != course.id) {
      out.damaged = true;
      out.message = "the saved record is for course \"" + clean_text(r.state->course_id, 80) + "\"";
      return out;
    }
    std::optional<SnapshotResult> s;
    if (!r.snapshot.empty()) s = decode_snapshot(course, r.snapshot);
    if (r.ok()) {
      if (s && s->ok() && s->content_changed) {
        // Other content: keep what still applies (the snapshot's decision) plus the journal.
        out.state = std::move(s->state);
        out.state->interactions = r.state->interactions;
        out.dropped = s->dropped;
      } else {
        out.state = std::move(r.state);
        out.state->course_version = course.version;
      }
      return out;
    }
    out.damaged = true;
    out.message = r.errors.empty() ? "the saved record could not be read" : "the saved record is damaged: " + r.errors.front();
    if (s && s->ok()) {
      out.state = std::move(s->state);
      out.dropped = s->dropped;
      out.message += " (restored from its snapshot)";
    }
    return out;
  }
  SnapshotResult s = decode_snapshot(course, t);
  if (!s.ok()) {
    out.damaged = true;
    out.message = std::string("the saved snapshot could not be read (") + granice::to_string(s.error) + "): " + s.message;
    return out;
  }
  out.state = std::move(s.state);
  out.dropped = std::move(s.dropped);
  return out;
}

Reconciled reconcile(const std::optional<CourseState>& lms, const std::optional<CourseState>& local,
                     std::string_view lms_learner_id) {
  Reconciled r;
  // "local-…" ids are what standalone mode gives an anonymous learner: not another person.
  const bool local_foreign = local && !lms_learner_id.empty() && !local->learner_id.empty() &&
                             local->learner_id.rfind("local-", 0) != 0 && local->learner_id != lms_learner_id;
  if (lms && (!local || local_foreign)) {
    r.state = lms;
    r.source = Source::Lms;
    r.why = local_foreign ? "the browser's copy belongs to another learner; using the LMS's" : "only the LMS had progress";
  } else if (local && !local_foreign && !lms) {
    r.state = local;
    r.source = Source::Local;
    r.why = "only the browser had progress";
  } else if (local && lms) {
    if (lms->updated > local->updated) {
      r.state = lms;
      r.source = Source::Lms;
      r.why = "the LMS's copy is newer";
    } else {
      r.state = local;
      r.source = Source::Local;
      r.why = local->updated == lms->updated ? "both copies are from the same save; the browser's keeps the journal"
                                             : "the browser's copy is newer (the LMS missed a save)";
    }
  } else if (local_foreign) {
    r.why = "the browser's copy belongs to another learner";
  }
  return r;
}

}  // namespace granice
