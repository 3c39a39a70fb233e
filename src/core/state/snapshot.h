// Compact, printable encoding of a CourseState for SCORM 1.2 cmi.suspend_data (<= 4096 chars),
// localStorage and the "snapshot" field of the progress record.
//
//   std::string s = encode_snapshot(course, state);          // "G1." + base64url, [A-Za-z0-9._-]
//   SnapshotResult r = decode_snapshot(course, s);
//   if (!r.ok()) show r.message;                              // r.error says which check failed
//   else { state = *r.state; for (auto& d : r.dropped) log d; }
//
// Layout: "G<format version>." then base64url of bytes
//   [format version][course id hash:2][content tag:4][payload...][CRC32 of all before:4].
// The payload refers to modules, questions and role-plays by 16-bit fingerprints of their ids
// and structure (option ids + correct flags, item / pair ids, node graph), so a snapshot made
// with an older content version restores what still applies; everything else is dropped and
// listed in `dropped` (human-readable). The learner's answers are stored as model indices,
// which is safe because a question whose structure changed no longer matches its fingerprint.
//
// Not stored: the interaction journal (the LMS already received it as cmi.interactions; the
// progress record keeps it) and course_id/course_version (taken from `course`). Learner id,
// name and language are stored truncated to kSnapshotMaxText bytes each.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/state/course_state.h"
#include "core/content/model.h"

namespace granice {

inline constexpr int kSnapshotFormatVersion = 1;
inline constexpr std::size_t kSuspendDataLimit = 4096;  // SCORM 1.2 cmi.suspend_data
inline constexpr std::size_t kSnapshotMaxText = 200;

enum class SnapshotError {
  None,
  Empty,               // nothing to decode
  TooLong,             // longer than kSuspendDataLimit
  BadPrefix,           // does not start with "G<digit>." (not a Granice snapshot)
  UnsupportedVersion,  // a newer/unknown format version
  BadCharacter,        // a character outside the base64url alphabet
  Truncated,           // ends too early
  ChecksumMismatch,    // corrupted or edited
  WrongCourse,         // made for another course
  Malformed,           // checksum fine but the content makes no sense
};

const char* to_string(SnapshotError e);

struct SnapshotResult {
  std::optional<CourseState> state;
  SnapshotError error = SnapshotError::None;
  std::string message;                // what went wrong (empty on success)
  bool content_changed = false;       // made with another content version
  std::vector<std::string> dropped;   // what no longer applied and was left out
  bool ok() const { return state.has_value(); }
};

// Tag of the content version: changes whenever course.version or course.content_hash changes.
std::uint32_t content_tag(const Course& course);

std::string encode_snapshot(const Course& course, const CourseState& st);
SnapshotResult decode_snapshot(const Course& course, std::string_view text);

// Base64url without padding, and CRC32 (IEEE), exposed for tests and the record.
std::string base64url_encode(const std::vector<std::uint8_t>& bytes);
std::optional<std::vector<std::uint8_t>> base64url_decode(std::string_view text);
std::uint32_t crc32(const std::uint8_t* data, std::size_t n);

}  // namespace granice
