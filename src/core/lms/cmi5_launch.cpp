// What the LMS hands over at a cmi5 launch (LMS.LaunchData, cmi5LearnerPreferences) and the
// course's own State document, read into course terms (cmi5.h). Every error names the document,
// the field and what was expected there.
#include <cmath>

#include "core/lms/cmi5.h"
#include "core/lms/scorm.h"
#include "core/state/snapshot.h"
#include "core/text/text_match.h"

namespace granice::cmi5 {

namespace {

// A document that is not what the spec describes: the message says what was expected where.
struct Unexpected {
  std::string message;
};

// Bounds for documents from the LMS/LRS: a real one is a few KB; a nesting this deep is no
// document of the spec, and would make a deep recursive destruction.
constexpr std::size_t kMaxDocumentBytes = 1 << 20;
constexpr int kMaxDepth = 64;

json parse_object(std::string_view document, const char* name, const char* section) {
  if (document.size() > kMaxDocumentBytes)
    throw Unexpected{std::string(name) + ": " + std::to_string(document.size()) + " bytes (expected at most " +
                     std::to_string(kMaxDocumentBytes) + ")"};
  const json::parser_callback_t guard = [name](int depth, json::parse_event_t, json&) {
    if (depth > kMaxDepth)
      throw Unexpected{std::string(name) + ": nested deeper than " + std::to_string(kMaxDepth) + " levels (expected a flat JSON object)"};
    return true;
  };
  json j = json::parse(document.begin(), document.end(), guard, /*allow_exceptions=*/false);
  if (j.is_discarded()) throw Unexpected{std::string(name) + ": not JSON (expected a JSON object, " + section + ")"};
  if (!j.is_object()) throw Unexpected{std::string(name) + ": expected a JSON object (" + section + "), got " + j.type_name()};
  return j;
}

// The member `key` of `obj` when present (nullptr when absent), after checking its JSON type.
const json* member(const json& obj, const char* doc, const char* key, json::value_t type, const char* expected) {
  if (!obj.contains(key)) return nullptr;
  const json& v = obj.at(key);
  const bool ok = v.type() == type || (type == json::value_t::number_float && v.is_number());
  if (!ok) throw Unexpected{std::string(doc) + ": \"" + key + "\" should be " + expected + ", got " + v.type_name()};
  return &v;
}

const json& required(const json& obj, const char* doc, const char* key, json::value_t type, const char* expected) {
  const json* v = member(obj, doc, key, type, expected);
  if (!v) throw Unexpected{std::string(doc) + ": \"" + key + "\" missing (expected " + expected + ")"};
  return *v;
}

}  // namespace

// [SECTION] The launch URL's actor (§8.1.3, §9.2)
ActorResult parse_actor(std::string_view text) {
  static constexpr const char* kDoc = "the launch URL's actor";
  ActorResult r;
  try {
    json j = parse_object(text, kDoc, "§8.1.3");
    if (const json* type = member(j, kDoc, "objectType", json::value_t::string, "\"Agent\" (§9.2)");
        type && type->get<std::string>() != "Agent")
      throw Unexpected{std::string(kDoc) + ": objectType \"" + type->get<std::string>() + "\" (expected \"Agent\", §9.2)"};
    const json& account = required(j, kDoc, "account", json::value_t::object, "an account {homePage, name} (§9.2)");
    for (const char* key : {"homePage", "name"}) {
      const json& v = required(account, "the launch URL's actor.account", key, json::value_t::string, "a non-empty string");
      if (v.get<std::string>().empty())
        throw Unexpected{std::string(kDoc) + ": account." + key + " is empty (expected a non-empty string, §9.2)"};
    }
    r.learner_id = account.at("name").get<std::string>();
    // The name is optional in an Agent (xAPI 4.1.2.1); without one the course shows the account's name.
    const json* name = member(j, kDoc, "name", json::value_t::string, "a string (xAPI 4.1.2.1)");
    r.learner_name = name && !name->get<std::string>().empty() ? name->get<std::string>() : r.learner_id;
    r.actor = std::move(j);
  } catch (const Unexpected& e) {
    r.error = e.message;
  }
  return r;
}

// [SECTION] LMS.LaunchData (§10)
LaunchDataResult parse_launch_data(std::string_view document) {
  static constexpr const char* kDoc = "LMS.LaunchData";
  LaunchDataResult r;
  try {
    const json j = parse_object(document, kDoc, "§10");
    LaunchData d;
    d.context_template =
        required(j, kDoc, "contextTemplate", json::value_t::object, "the context template object (§10.2.1)");
    const json* ext = member(d.context_template, "LMS.LaunchData contextTemplate", "extensions", json::value_t::object,
                             "an object of extensions");
    const json* sid = ext ? member(*ext, "LMS.LaunchData contextTemplate.extensions", iri::kSessionId,
                                   json::value_t::string, "the session id, a string (§9.6.3.1)")
                          : nullptr;
    if (!sid || sid->get<std::string>().empty())
      throw Unexpected{std::string(kDoc) + ": contextTemplate.extensions has no session id (expected \"" +
                       iri::kSessionId + "\": a non-empty string, §10.2.1)"};
    d.session_id = sid->get<std::string>();

    const std::string mode =
        required(j, kDoc, "launchMode", json::value_t::string, "\"Normal\", \"Browse\" or \"Review\" (§10.2.2)");
    if (mode == "Normal") d.mode = LaunchMode::Normal;
    else if (mode == "Browse") d.mode = LaunchMode::Browse;
    else if (mode == "Review") d.mode = LaunchMode::Review;
    else throw Unexpected{std::string(kDoc) + ": launchMode \"" + mode + "\" (expected \"Normal\", \"Browse\" or \"Review\", §10.2.2)"};

    const std::string move_on = required(j, kDoc, "moveOn", json::value_t::string, "a moveOn value (§10.2.5)");
    bool known = false;
    for (MoveOn m : {MoveOn::NotApplicable, MoveOn::Passed, MoveOn::Completed, MoveOn::CompletedAndPassed,
                     MoveOn::CompletedOrPassed})
      if (move_on == to_string(m)) {
        d.move_on = m;
        known = true;
      }
    if (!known)
      throw Unexpected{std::string(kDoc) + ": moveOn \"" + move_on +
                       "\" (expected Passed, Completed, CompletedAndPassed, CompletedOrPassed or NotApplicable, §13.1.4)"};

    if (const json* m = member(j, kDoc, "masteryScore", json::value_t::number_float, "a decimal 0..1 (§10.2.4)")) {
      const double v = m->get<double>();
      if (!std::isfinite(v) || v < 0.0 || v > 1.0)
        throw Unexpected{std::string(kDoc) + ": masteryScore " + m->dump() + " (expected a decimal 0..1, §10.2.4)"};
      d.mastery_score = v;
    }
    if (const json* u = member(j, kDoc, "returnURL", json::value_t::string, "a URL string (§10.2.6)"))
      d.return_url = u->get<std::string>();
    if (const json* p = member(j, kDoc, "launchParameters", json::value_t::string, "a string (§10.2.3)"))
      d.launch_parameters = p->get<std::string>();
    r.data = std::move(d);
  } catch (const Unexpected& e) {
    r.error = e.message;
  }
  return r;
}

// [SECTION] cmi5LearnerPreferences (§11)
PreferencesResult parse_learner_preferences(std::string_view document, const Course& course) {
  static constexpr const char* kDoc = "cmi5LearnerPreferences";
  PreferencesResult r;
  if (trim(document).empty()) {  // the LMS has none for this learner: the course's defaults
    r.preferences = LearnerPreferences{};
    return r;
  }
  try {
    const json j = parse_object(document, kDoc, "§11");
    LearnerPreferences p;
    if (const json* l = member(j, kDoc, "languagePreference", json::value_t::string,
                               "a comma-separated list of language tags (§11.1)")) {
      // §11.1: in the learner's order of preference; the first one the course has wins.
      p.language = scorm::parse_language(l->get<std::string>(), course);
    }
    if (const json* a = member(j, kDoc, "audioPreference", json::value_t::string, "\"on\" or \"off\" (§11.2)")) {
      const std::string v = a->get<std::string>();
      if (v != "on" && v != "off")
        throw Unexpected{std::string(kDoc) + ": audioPreference \"" + v + "\" (expected \"on\" or \"off\", §11.2)"};
      p.audio = v == "on";
    }
    r.preferences = p;
  } catch (const Unexpected& e) {
    r.error = e.message;
  }
  return r;
}

// [SECTION] The course's State document
std::string write_state_document(const Course& course, const CourseState& st, const Sent& sent) {
  const json doc = {{"snapshot", encode_snapshot(course, st)},
                    {"sent", {{"completed", sent.completed}, {"passed", sent.passed}, {"failed", sent.failed}}}};
  return doc.dump();
}

StateDocument read_state_document(const Course& course, std::string_view document) {
  static constexpr const char* kDoc = "the course's state document";
  StateDocument r;
  if (trim(document).empty()) return r;  // a first launch in this registration
  try {
    const json j = parse_object(document, kDoc, "{\"snapshot\": ..., \"sent\": ...}");
    if (const json* s = member(j, "the course's state document", "sent", json::value_t::object,
                               "an object {\"completed\", \"passed\", \"failed\"}")) {
      const char* doc = "the course's state document \"sent\"";
      auto flag = [&](const char* key) {
        const json* v = member(*s, doc, key, json::value_t::boolean, "true or false");
        return v && v->get<bool>();
      };
      r.sent = Sent{flag("completed"), flag("passed"), flag("failed")};
    }
    if (const json* snap = member(j, kDoc, "snapshot", json::value_t::string, "a progress snapshot string (\"G1.…\")")) {
      SnapshotResult s = decode_snapshot(course, snap->get<std::string>());
      if (s.ok()) {
        r.state = std::move(s.state);
        r.dropped = std::move(s.dropped);
      } else {
        r.error = std::string(kDoc) + ": the snapshot could not be read (" + to_string(s.error) + "): " + s.message;
      }
    }
  } catch (const Unexpected& e) {
    r.error = e.message;
  }
  return r;
}

}  // namespace granice::cmi5
