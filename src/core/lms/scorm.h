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

#include "core/state/course_state.h"
#include "core/content/model.h"

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
std::string identifier(std::string_view id, std::size_t limit);  // [A-Za-z0-9_.-] kept, others '_'; never empty
char choice_char12(std::size_t index);       // 0..25 -> 'a'..'z', 26..35 -> '0'..'9', else '\0'

// [SECTION] Launch modes, what the LMS already holds, package options
// cmi.mode (2004) / cmi.core.lesson_mode (1.2). Review: the learner looks, nothing is recorded.
// Browse: no credit either (see Session::credit). Unknown values count as Normal.
enum class LaunchMode { Normal, Browse, Review };
LaunchMode parse_mode(std::string_view v);
const char* to_string(LaunchMode m);  // "normal" / "browse" / "review"

// A result the LMS holds from earlier sessions, read at launch. What the course reports is never
// lower than this: a reopened course (another device, a lost state, a restart) cannot turn
// "completed" back into "incomplete", "passed" into "failed", or lower a score.
struct HeldResult {
  bool completed = false;
  SuccessStatus success = SuccessStatus::Unknown;
  std::optional<double> score;  // 0..100
  bool any() const { return completed || success != SuccessStatus::Unknown || score.has_value(); }
  bool operator==(const HeldResult&) const = default;
};
// 1.2: status = cmi.core.lesson_status (success unused); 2004: status = cmi.completion_status,
// success = cmi.success_status. score_raw: cmi[.core].score.raw.
HeldResult parse_held(Version v, std::string_view status, std::string_view success, std::string_view score_raw);

// What a package asks of the runtime (scripts/package options, carried in the launch URL):
// how much interaction detail to write, and the exit value once the learner has finished.
enum class InteractionDetail { Final, All };  // Final: one per question (its last answer), one per role-play run
enum class ExitWhenDone { Suspend, Normal };  // Suspend keeps the attempt open (the learner can come back to it)

// Everything about this LMS session that shapes a commit besides the learner's state.
struct Session {
  LaunchMode mode = LaunchMode::Normal;
  bool credit = true;                 // cmi.credit / cmi.core.credit = "no-credit" -> false
  HeldResult held;                    // the course result the LMS held at launch
  // By id. The runtime clears it when the learner's state was resumed: a continuing attempt's
  // guideline results may legitimately go down (a weaker retake); the floor is for lost states.
  std::vector<std::pair<std::string, HeldResult>> held_objectives;
  InteractionDetail detail = InteractionDetail::Final;
  ExitWhenDone exit_when_done = ExitWhenDone::Suspend;
  std::string primary_objective;      // 2004: the manifest's primary objective id; reports the course result
  // cmi.objectives.n.id / cmi.interactions.n.id for n = 0.. as the LMS holds them ("" = unknown:
  // 1.2 interactions are write-only). Filled at launch, grown as ids are written. Ids are never rewritten.
  std::vector<std::string> objective_ids;
  std::vector<std::string> interaction_ids;
  // Whether commits may record anything: not in review mode.
  bool records() const { return mode != LaunchMode::Review; }
};

// Status vocabulary for the course as a whole.
bool finished(const Course& course, const CourseState& st);  // nothing left to do
// "suspend" until finished; then "suspend" or the normal exit ("" in 1.2, "normal" in 2004) as the package asks.
std::string exit_value(Version v, const Course& course, const CourseState& st, ExitWhenDone when_done);

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

// The role-play reply a journal entry stands for ("<role-play>.<node>", response = the reply id);
// nullopt when this content has no such reply. next: the node it leads to (nullptr if unknown).
// Also read by the cmi5 mapping (one statement per reply).
struct ReplyRef {
  const RolePlay* rp = nullptr;
  const RolePlayNode* node = nullptr;
  const Choice* choice = nullptr;
  const RolePlayNode* next = nullptr;
};
std::optional<ReplyRef> reply_of(const Course& course, const Interaction& it);

// [SECTION] Commits
// What the LMS already holds of the interaction journal.
struct Cursor {
  std::size_t lms_count = 0;              // records the LMS holds: cmi.interactions._count at launch, then grown
  std::optional<Interaction> last_sent;   // the newest journal entry already sent
  bool operator==(const Cursor&) const = default;
};

// One cmi.objectives.n or cmi.interactions.n record: its id element first. If the LMS refuses
// the id, the rest of the group must not be sent (it would land on another record).
struct Group {
  std::size_t lms_index = 0;                     // n
  std::optional<std::size_t> journal_index;      // interactions: the CourseState::interactions entry it stands for
  std::vector<Element> elements;                 // id first, type before responses
};

struct Plan {
  std::vector<Element> core;                  // statuses, score, location, suspend_data, exit, time
  std::vector<Group> objectives;              // by id: at the LMS's index when it holds the id, else after its own
  std::vector<Group> interactions;            // only the journal entries not sent yet, oldest first
  std::vector<std::string> warnings;          // a limit was hit (value left out or shortened)
};

// session_seconds: this session's learning time so far (SCORM session_time). In review mode the
// plan is empty: nothing is recorded.
Plan plan_commit(Version v, const Course& course, const CourseState& st, double session_seconds, const Cursor& cursor,
                 const Session& session = {});

// The elements whose value differs from what was last set successfully (name -> value).
std::vector<Element> changed(const std::vector<Element>& elements, const std::map<std::string, std::string>& sent);

// Journal index of the first interaction not sent yet (st.interactions.size() when none).
std::size_t first_unsent(const CourseState& st, const Cursor& cursor);
// After group g was sent: the LMS holds one more.
Cursor advance(const Cursor& cursor, const CourseState& st, const Group& g);
// After every group of a plan was sent: the whole journal counts as sent (Final detail sends
// nothing for a role-play reply that does not end a run; the run is summarised when it ends).
Cursor all_sent(const Cursor& cursor, const CourseState& st);
// At launch: lms_count from cmi.interactions._count; interactions newer than the LMS's own
// saved state (lms_updated; nullopt = the LMS had none) count as not sent yet.
Cursor launch_cursor(const CourseState& st, std::optional<std::int64_t> lms_updated, std::size_t lms_count);
// After the id of record n was written: the table knows it (grows with "" for unknown gaps).
void note_id(std::vector<std::string>& ids, std::size_t n, std::string_view id);

// The interactions an LMS is sent for a journal: every entry (All), or (Final) the question
// answers and, for role-plays, one summary per finished run in place of its replies: id = the
// role-play id, type other/performance, response = "node.reply" steps joined by ",", result from
// the ending (good: correct, partial: neutral, poor: incorrect/wrong). Each keeps the journal index
// of the entry that completed it.
std::vector<std::pair<std::size_t, Interaction>> lms_interactions(const Course& course, const CourseState& st,
                                                                   std::size_t from, InteractionDetail detail);

// [SECTION] Data-model budget
// What an LMS that re-posts every value on each commit (Moodle's SCORM 2004 runtime) sends: the
// number of fields and the form-encoded size (name=value&...), for the budget in docs/lms.md.
struct PostSize {
  std::size_t fields = 0;
  std::size_t bytes = 0;
};
PostSize form_post_size(const std::map<std::string, std::string>& values);

// [SECTION] Launch
enum class Entry { Empty, AbInitio, Resume, Other };
Entry parse_entry(std::string_view v);  // "", "ab-initio", "resume"; anything else Other

// "Last, First" -> "First Last": SCORM 1.2 cmi.core.student_name says so, and LMSes send 2004's
// cmi.learner_name the same way. Trims, drops control characters, bounded to 200 bytes. Names
// without a comma ("First Last") are kept as they are.
std::string display_name(std::string_view v);
// Plain text from the LMS (2004 learner_name): trimmed, control characters dropped, bounded to
// `limit` bytes without splitting a UTF-8 sequence (utf8_prefix_bytes).
std::string clean_text(std::string_view v, std::size_t limit = 200);
// "en-GB", "EN", "pl_PL", "{lang=pl}...", or a comma-separated list of such tags in order of
// preference (cmi5 §11.1) -> the first course language named ("en"), or "" when none fits. The
// page's twin, graniceCourseLanguage (web/granice.js), picks the first language pack by the same
// rule; tests/unit/language_tags.json holds the cases both are tested on.
std::string parse_language(std::string_view v, const Course& course);
// Non-negative integer ("12"); nullopt for anything else.
std::optional<std::size_t> parse_count(std::string_view v);

// What the LMS handed over at launch (raw GetValue results; empty when unreadable).
struct LmsValues {
  Version version = Version::Scorm2004;
  std::string entry;
  std::string suspend_data;
  std::string location;
  std::string learner_id;
  std::string learner_name;
  std::string language;
  std::string interaction_count;
  std::string mode;                      // cmi.mode / cmi.core.lesson_mode
  std::string credit;                    // cmi.credit / cmi.core.credit
  std::string status;                    // 2004 cmi.completion_status / 1.2 cmi.core.lesson_status
  std::string success;                   // 2004 cmi.success_status
  std::string score_raw;
  struct Objective {
    std::string id, status, success, score_raw;  // as for the course
  };
  std::vector<Objective> objectives;     // cmi.objectives.n, n = 0.._count-1
  std::vector<std::string> interaction_ids;  // 2004: cmi.interactions.n.id (1.2: write-only, empty)
};

struct LmsResume {
  std::optional<CourseState> state;     // decoded suspend_data, location applied
  Entry entry = Entry::Empty;
  std::string learner_id;
  std::string learner_name;             // display form
  std::string language;                 // a course language or ""
  std::size_t interaction_count = 0;
  Session session;                      // mode, credit, held results, the LMS's objective and interaction ids
  std::vector<std::string> notices;     // for the learner (damaged data, content changed): interface string ids
  std::vector<std::string> log;         // for the console
};
// `options` is the session as the package asks it (detail, exit, primary objective); the rest of
// the returned session comes from the LMS's values.
LmsResume parse_resume(const Course& course, const LmsValues& in, const Session& options = {});

}  // namespace granice::scorm
