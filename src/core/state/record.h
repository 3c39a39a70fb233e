// The readable progress record: "Download my record" and what trainers import. JSON whose
// names mirror SCORM (completion_status, success_status, score.raw/min/max/scaled, objectives,
// interactions) plus everything the CourseState holds, so that
//   from_record(to_record(course, st)).state == st      (exactly, interactions included).
//
//   std::string json = to_record(course, state, now);   // pretty-printed, UTF-8
//   RecordResult r = from_record(json);                  // never throws, bounded work
//   if (!r.ok()) for (auto& e : r.errors) show e;        // "/modules/2/quiz/attempts: expected ..."
//
// Both are driven by one description of the record's fields: the tables in record.cpp
// ("[SECTION] The record's fields"); adding a field is one line there.
//
// Derived fields (statuses, scores, objectives, readable responses, "roleplays", "snapshot") are
// written for people and LMS imports and ignored when reading; the state fields are authoritative.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/state/course_state.h"
#include "core/content/model.h"

namespace granice {

inline constexpr int kRecordFormatVersion = 1;
inline constexpr std::size_t kRecordMaxBytes = 8u << 20;  // larger inputs are refused unread

std::string to_record(const Course& course, const CourseState& st);

struct RecordResult {
  std::optional<CourseState> state;
  std::vector<std::string> errors;  // "json/pointer: what is wrong" (at most 50)
  std::string snapshot;             // the record's "snapshot" field, if any
  bool ok() const { return state.has_value(); }
};

// One pass over the text with a strict pull reader (record_fields.h), driven by the same field
// tables as to_record. keep_journal = false: the interactions are checked as strictly but not
// kept (state->interactions stays empty), for callers that only need the learner's progress.
RecordResult from_record(std::string_view json_text, bool keep_journal = true);

// ISO 8601 UTC with seconds ("2026-12-01T08:22:48Z") <-> seconds since the epoch.
std::string iso8601_utc(std::int64_t seconds);
std::optional<std::int64_t> parse_iso8601_utc(std::string_view s);

}  // namespace granice
