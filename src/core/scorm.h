// The SCORM mapping, pure: what to SetValue for SCORM 1.2 or 2004 given the course and the
// learner's state, and how to read what the LMS gives at launch. No browser, no clock, no I/O:
// the runtime (src/platform/persistence_scorm.cpp) calls these and talks to the LMS.
//
//   scorm::Cursor cur = scorm::launch_cursor(state, lms_state_updated, lms_interaction_count);
//   scorm::Plan plan = scorm::plan_commit(Version::Scorm2004, course, state, session_seconds, cur);
//   for (auto& e : scorm::changed(plan.core, sent)) api.SetValue(e.name, e.value);
//   for (auto& g : plan.interactions) { ...set g.elements...; cur = scorm::advance(cur, state, g); }
//
// Every function is total: bad input gives an empty / default result, never a throw.
// Formats and limits follow SCORM 1.2 (CMI data model, RTE 3.4) and SCORM 2004 4th edition (RTE 4.2).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/course_state.h"
#include "core/model.h"

namespace granice::scorm {

enum class Version { Scorm12, Scorm2004 };
const char* to_string(Version v);  // "1.2", "2004"

// [SECTION] Limits (SPM = smallest permitted maximum; what every conforming LMS stores)
inline constexpr std::size_t kSuspendData12 = 4096;
inline constexpr std::size_t kSuspendData2004 = 64000;
inline constexpr std::size_t kLocation12 = 255;
inline constexpr std::size_t kLocation2004 = 1000;
inline constexpr std::size_t kIdentifier12 = 255;        // CMIIdentifier
inline constexpr std::size_t kLongIdentifier2004 = 4000;  // long_identifier_type
inline constexpr std::size_t kShortIdentifier2004 = 250;  // short_identifier_type (response ids)
inline constexpr std::size_t kString255 = 255;            // 1.2 CMIString255 (performance response)
inline constexpr std::size_t kCharString2004 = 4000;      // 2004 other / performance responses
inline constexpr std::size_t kDescription2004 = 250;      // localized_string_type SPM (characters)
inline constexpr std::size_t kChoiceChars12 = 36;         // 1.2 choice responses: one char of [a-z0-9]

struct Element {
  std::string name;   // "cmi.core.lesson_status"
  std::string value;
  bool operator==(const Element&) const = default;
};

// [SECTION] Value formats
std::string timespan12(double seconds);      // CMITimespan "HHHH:MM:SS.SS", clamped to 0..9999:59:59.99
std::string duration2004(double seconds);    // timeinterval (second,10,2) "PT1H2M3.45S", "PT0S"
std::string time12(std::int64_t epoch);      // CMITime "HH:MM:SS" (UTC time of day)
std::string timestamp2004(std::int64_t epoch);  // time (second,10,0) "2026-12-01T08:22:48.0Z"; "" outside 1970..2038
std::string decimal(double v, int max_decimals = 2);  // "87.5", "100", "0"; "0" for non-finite
std::string identifier(std::string_view id, std::size_t limit);  // [A-Za-z0-9_.-] kept, others '_'; never empty
char choice_char12(std::size_t index);       // 0..25 -> 'a'..'z', 26..35 -> '0'..'9', else '\0'

// Status vocabulary for the course as a whole.
std::string lesson_status12(const Course& course, const CourseState& st);  // incomplete / completed / passed / failed
bool finished(const Course& course, const CourseState& st);  // nothing left to do: exit normally
std::string exit_value(Version v, const Course& course, const CourseState& st);  // "suspend" / "" (1.2) / "normal" (2004)

// Bookmark <-> location ("home", "lesson:boundaries:2", "quiz:assessment:4").
std::string format_location(const Bookmark& b, std::size_t limit);
std::optional<Bookmark> parse_location(std::string_view text, const Course& course);

// An interaction's responses in SCORM 1.2 format (from the 2004 strings the journal keeps).
// nullopt when the question is unknown to this content or cannot be expressed in 1.2.
std::optional<std::string> response12(const Course& course, const Interaction& it, std::string_view response2004);
std::string interaction_type12(InteractionType t);   // true-false / choice / sequencing / matching / performance
std::string interaction_type2004(InteractionType t);  // ... / other
std::string result12(InteractionResult r);           // correct / wrong / neutral
std::string result2004(InteractionResult r);         // correct / incorrect / neutral

// [SECTION] Commits
// What the LMS already holds of the interaction journal.
struct Cursor {
  std::size_t lms_count = 0;              // index n for the next cmi.interactions.n
  std::optional<Interaction> last_sent;   // the newest journal entry already sent
  bool operator==(const Cursor&) const = default;
};

struct InteractionGroup {
  std::size_t journal_index = 0;  // in CourseState::interactions
  std::size_t lms_index = 0;      // n
  std::vector<Element> elements;  // id first, type before responses
};

struct Plan {
  std::vector<Element> core;                  // statuses, score, location, suspend_data, exit, time, objectives
  std::vector<InteractionGroup> interactions; // only the ones not sent yet, oldest first
  std::vector<std::string> warnings;          // a limit was hit (value left out or shortened)
};

// session_seconds: this session's learning time so far (SCORM session_time).
Plan plan_commit(Version v, const Course& course, const CourseState& st, double session_seconds, const Cursor& cursor);

// The elements whose value differs from what was last set successfully (name -> value).
std::vector<Element> changed(const std::vector<Element>& elements, const std::map<std::string, std::string>& sent);

// Journal index of the first interaction not sent yet (st.interactions.size() when none).
std::size_t first_unsent(const CourseState& st, const Cursor& cursor);
// After group g was sent: the LMS holds one more.
Cursor advance(const Cursor& cursor, const CourseState& st, const InteractionGroup& g);
// At launch: lms_count from cmi.interactions._count; interactions newer than the LMS's own
// saved state (lms_updated; nullopt = the LMS had none) count as not sent yet.
Cursor launch_cursor(const CourseState& st, std::optional<std::int64_t> lms_updated, std::size_t lms_count);

// [SECTION] Launch
enum class Entry { Empty, AbInitio, Resume, Other };
Entry parse_entry(std::string_view v);  // "", "ab-initio", "resume"; anything else Other

// "Last, First" -> "First Last": SCORM 1.2 cmi.core.student_name says so, and LMSes send 2004's
// cmi.learner_name the same way. Trims, drops control characters, bounded to 200 bytes. Names
// without a comma ("First Last") are kept as they are.
std::string display_name(std::string_view v);
// Plain text from the LMS (2004 learner_name): trimmed, control characters dropped, bounded.
std::string clean_text(std::string_view v, std::size_t limit = 200);
// "en-GB", "pl", "{lang=pl}..." -> a course language ("en"), or "" when none fits.
std::string parse_language(std::string_view v, const Course& course);
// Non-negative integer ("12"); nullopt for anything else.
std::optional<std::size_t> parse_count(std::string_view v);

// What the LMS handed over at launch (raw GetValue results; empty when unreadable).
struct LmsValues {
  std::string entry;
  std::string suspend_data;
  std::string location;
  std::string learner_id;
  std::string learner_name;
  std::string language;
  std::string interaction_count;
};

struct LmsResume {
  std::optional<CourseState> state;     // decoded suspend_data, location applied
  Entry entry = Entry::Empty;
  std::string learner_id;
  std::string learner_name;             // display form
  std::string language;                 // a course language or ""
  std::size_t interaction_count = 0;
  std::vector<std::string> notices;     // for the learner (damaged data, content changed)
  std::vector<std::string> log;         // for the console
};
LmsResume parse_resume(const Course& course, const LmsValues& in);

// [SECTION] Saved progress in the browser (local storage) and reconciliation
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

}  // namespace granice::scorm
