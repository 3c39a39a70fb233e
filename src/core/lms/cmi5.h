// The cmi5 mapping, pure: which xAPI statements the course sends to the LRS for what the learner
// did, and how to read what the LMS hands over (LMS.LaunchData, cmi5LearnerPreferences) and the
// course's own State document. No browser, no clock, no network, no randomness: the runtime passes
// times in, sends what these return and keeps the ledger. Rules: ../shared/cmi5/cmi5_spec.md,
// cited by section number (§).
//
//   cmi5::Launch launch{actor, registration, activity_id, *cmi5::parse_launch_data(doc).data};
//   cmi5::Ledger ledger = cmi5::start_session(saved.sent);              // what the registration was sent
//   auto p = cmi5::plan_initialize(course, launch, ledger, st, now_ms);  // "initialized" first
//   p = cmi5::plan_step(course, launch, p.ledger, before, after, now_ms); // after each learner action
//   p = cmi5::plan_terminate(course, launch, p.ledger, st, now_ms);      // "terminated" last
//   for (const auto& s : p.statements) queue(s);  ledger = p.ledger;     // ids are fixed: resends are idempotent
//
// Every plan_* function is total: a call out of order (a step before initialized, anything after
// terminated) plans nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/content/model.h"
#include "core/state/course_state.h"

namespace granice::cmi5 {

using nlohmann::json;

// [SECTION] Identifiers
// The course and AU IRIs of the package (scripts/lms_manifest.js writes the same into cmi5.xml).
std::string course_iri(std::string_view course_id);  // urn:granice:course:<id>
std::string au_iri(std::string_view course_id);      // urn:granice:course:<id>/au/main
// A UUID (§9.1) that is a function of `name`: RFC 9562 version 8 (custom) from two FNV-1a 64
// hashes. Not a security hash; unique enough for statement ids within a registration.
std::string name_uuid(std::string_view name);
// "2026-12-01T08:22:48.123Z" (§9.7: UTC) from milliseconds since the epoch.
std::string timestamp(std::int64_t epoch_ms);

// [SECTION] Launch
enum class LaunchMode { Normal, Browse, Review };  // §10.2.2
enum class MoveOn { NotApplicable, Passed, Completed, CompletedAndPassed, CompletedOrPassed };  // §13.1.4
const char* to_string(LaunchMode m);  // "Normal", "Browse", "Review"
const char* to_string(MoveOn m);      // "CompletedAndPassed", ...

// The launch URL's actor parameter (§8.1.3), URL-decoded by the caller: §9.2 wants an Agent
// with an account {homePage, name}. The actor is returned as given (it goes into every statement).
struct ActorResult {
  std::optional<json> actor;
  std::string error;
  std::string learner_id;    // the account's name (the LMS's id of the learner)
  std::string learner_name;  // the actor's name when it has one, else the account's name
};
ActorResult parse_actor(std::string_view text);

// The State document LMS.LaunchData (§10), written by the LMS before the launch.
struct LaunchData {
  json context_template = json::object();  // §10.2.1: the template of every statement's context
  std::string session_id;                  // its sessionid extension (§9.6.3.1)
  LaunchMode mode = LaunchMode::Normal;    // §10.2.2
  MoveOn move_on = MoveOn::NotApplicable;  // §10.2.5
  std::optional<double> mastery_score;     // §10.2.4: 0..1
  std::string return_url;                  // §10.2.6: "" = none
  std::string launch_parameters;           // §10.2.3
};
struct LaunchDataResult {
  std::optional<LaunchData> data;
  std::string error;  // what was expected where, when data is empty
};
LaunchDataResult parse_launch_data(std::string_view document);

// The agent profile document cmi5LearnerPreferences (§11).
struct LearnerPreferences {
  std::string language;        // the first preferred language the course has (§11.1), or ""
  std::optional<bool> audio;   // §11.2: "on" / "off"
};
struct PreferencesResult {
  std::optional<LearnerPreferences> preferences;
  std::string error;
};
// An empty document (the LMS has none yet) gives default preferences, not an error.
PreferencesResult parse_learner_preferences(std::string_view document, const Course& course);

// Everything about this launch that shapes the statements besides the learner's state.
struct Launch {
  json actor;               // §8.1.3 / §9.2: from the launch URL, an Agent with an account
  std::string registration; // §8.1.4 / §9.6.1
  std::string activity_id;  // §8.1.5 / §9.4: the object of every cmi5 defined statement
  LaunchData data;
};

// [SECTION] What was sent
// What this registration has been sent (§9.3: at most one completed and one passed per
// registration, no failed after passed; stored in the State document) and this session's part
// (§9.3: initialized first, terminated last, at most one of passed/failed per session).
struct Sent {
  bool completed = false;
  bool passed = false;
  bool failed = false;
  bool operator==(const Sent&) const = default;
};
struct Ledger {
  Sent sent;
  bool initialized = false;
  bool judged = false;            // passed or failed sent in this session
  bool terminated = false;
  std::int64_t initialized_ms = 0;
  std::int64_t last_ms = 0;       // the newest statement timestamp: later ones never go before it (§9.3 order)
  bool operator==(const Ledger&) const = default;
};
Ledger start_session(const Sent& sent);

// [SECTION] Statements
struct Plan {
  std::vector<json> statements;  // in the order to send
  Ledger ledger;                 // the ledger once they are sent (the runtime queues them first)
};

// "initialized" (§7.1.1, §9.3.2), then whatever the state already earned and the registration was
// not sent yet (a resumed state, a course completed in an earlier browse session).
Plan plan_initialize(const Course& course, const Launch& launch, const Ledger& ledger, const CourseState& st,
                     std::int64_t now_ms);
// After a learner action: one "answered" per question answer and one "responded" per role-play
// reply that `after` journals beyond `before` (cmi5 allowed, §7.1.3), then "completed" / "passed"
// when earned (§9.3.3, §9.3.4). "failed" only once the assessment has no attempts left; otherwise
// it waits for plan_terminate, so a retake passed in the same session can still be reported
// (§9.3: one of passed/failed per session).
Plan plan_step(const Course& course, const Launch& launch, const Ledger& ledger, const CourseState& before,
               const CourseState& after, std::int64_t now_ms);
// "failed" if it is due and not sent, then "terminated" with the session's duration (§7.1.2, §9.3.8, §9.5.4.1).
Plan plan_terminate(const Course& course, const Launch& launch, const Ledger& ledger, const CourseState& st,
                    std::int64_t now_ms);

// The verdict the statements report: the course's success status, judged by the LMS's
// masteryScore when it gives one (§10.2.4) and the course has a score.
SuccessStatus verdict(const Course& course, const LaunchData& data, const CourseState& st);
// The course score as result.score.scaled (0..1, 4 decimals); nullopt before there is one.
std::optional<double> scaled_score(const Course& course, const CourseState& st);

// Verb and extension ids (cmi5 §9.3, §9.6; ADL's xAPI vocabulary for answered/responded).
namespace iri {
inline constexpr const char* kLaunched = "http://adlnet.gov/expapi/verbs/launched";  // the LMS's, never the AU's (§9.3.1)
inline constexpr const char* kInitialized = "http://adlnet.gov/expapi/verbs/initialized";
inline constexpr const char* kCompleted = "http://adlnet.gov/expapi/verbs/completed";
inline constexpr const char* kPassed = "http://adlnet.gov/expapi/verbs/passed";
inline constexpr const char* kFailed = "http://adlnet.gov/expapi/verbs/failed";
inline constexpr const char* kTerminated = "http://adlnet.gov/expapi/verbs/terminated";
inline constexpr const char* kAnswered = "http://adlnet.gov/expapi/verbs/answered";
inline constexpr const char* kResponded = "http://adlnet.gov/expapi/verbs/responded";
inline constexpr const char* kCategoryCmi5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
inline constexpr const char* kCategoryMoveOn = "https://w3id.org/xapi/cmi5/context/categories/moveon";
inline constexpr const char* kSessionId = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
inline constexpr const char* kMasteryScore = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
inline constexpr const char* kInteraction = "http://adlnet.gov/expapi/activities/cmi.interaction";
inline constexpr const char* kObjective = "http://adlnet.gov/expapi/activities/objective";
inline constexpr const char* kSimulation = "http://adlnet.gov/expapi/activities/simulation";
// Ours, on role-play replies: the rubric points the reply gave, the node it led to, and the
// run's outcome when it led to an ending.
inline constexpr const char* kRubricEffect = "urn:granice:xapi:extension:rubric-effect";
inline constexpr const char* kNextNode = "urn:granice:xapi:extension:next-node";
inline constexpr const char* kOutcome = "urn:granice:xapi:extension:outcome";
// Ours, in the context of terminated, completed, passed and failed: the learner's progress as the
// compact snapshot (snapshot.h, what the State document holds), so that a trainer reading the
// statements alone (core/report/xapi_report.h) gets the same table as from progress records:
// lesson pages and quiz attempts are in no other statement.
inline constexpr const char* kSnapshot = "urn:granice:xapi:extension:snapshot";
}  // namespace iri

// [SECTION] State document
// The course's own activity state document (per registration): the compact snapshot
// (encode_snapshot) and what the registration was sent. {"snapshot": "G1...", "sent": {...}}
inline constexpr const char* kStateId = "granice.progress";
std::string write_state_document(const Course& course, const CourseState& st, const Sent& sent);
struct StateDocument {
  std::optional<CourseState> state;  // nullopt: none, or the snapshot could not be read (see error)
  Sent sent;
  std::string error;                 // what was expected, or why the snapshot was refused
  std::vector<std::string> dropped;  // what of the snapshot no longer applied to this content
};
StateDocument read_state_document(const Course& course, std::string_view document);

}  // namespace granice::cmi5
