// The cmi5 statement planner (cmi5.h): course state in, xAPI statements out. Section numbers (§)
// are those of ../shared/cmi5/cmi5_spec.md.
#include "core/lms/cmi5.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/engines/rng.h"
#include "core/engines/roleplay_engine.h"
#include "core/lms/scorm.h"
#include "core/state/record.h"
#include "core/state/snapshot.h"
#include "core/text/fnv.h"

namespace granice::cmi5 {

// [SECTION] Identifiers
std::string course_iri(std::string_view course_id) { return "urn:granice:course:" + std::string(course_id); }
std::string au_iri(std::string_view course_id) { return course_iri(course_id) + "/au/main"; }

std::string name_uuid(std::string_view name) {
  // Two differently seeded FNV-1a hashes, each put through the splitmix mixer so every input bit
  // reaches every output bit.
  const std::uint64_t hi = mix(fnv1a64(name), 0x636d6935u);
  const std::uint64_t lo = mix(fnv1a64(name, fnv1a64("granice statement id")), 0x78617069u);
  unsigned char b[16];
  for (int i = 0; i < 8; ++i) {
    b[i] = static_cast<unsigned char>(hi >> (56 - 8 * i));
    b[8 + i] = static_cast<unsigned char>(lo >> (56 - 8 * i));
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x80);  // version 8: custom (RFC 9562 §5.8)
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // variant 10xx
  static const char* const hex = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += hex[b[i] >> 4];
    out += hex[b[i] & 15];
  }
  return out;
}

std::string timestamp(std::int64_t epoch_ms) {
  std::int64_t seconds = epoch_ms / 1000;
  std::int64_t ms = epoch_ms % 1000;
  if (ms < 0) {
    ms += 1000;
    seconds -= 1;
  }
  std::string t = iso8601_utc(seconds);  // "YYYY-MM-DDTHH:MM:SSZ"
  char frac[8];
  std::snprintf(frac, sizeof frac, ".%03dZ", static_cast<int>(ms));
  t.pop_back();
  return t + frac;
}

const char* to_string(LaunchMode m) {
  switch (m) {
    case LaunchMode::Browse: return "Browse";
    case LaunchMode::Review: return "Review";
    case LaunchMode::Normal: break;
  }
  return "Normal";
}

const char* to_string(MoveOn m) {
  switch (m) {
    case MoveOn::Passed: return "Passed";
    case MoveOn::Completed: return "Completed";
    case MoveOn::CompletedAndPassed: return "CompletedAndPassed";
    case MoveOn::CompletedOrPassed: return "CompletedOrPassed";
    case MoveOn::NotApplicable: break;
  }
  return "NotApplicable";
}

Ledger start_session(const Sent& sent) {
  Ledger l;
  l.sent = sent;
  return l;
}

// [SECTION] Results
std::optional<double> scaled_score(const Course& course, const CourseState& st) {
  const std::optional<double> score = overall_score(course, st);
  if (!score || !std::isfinite(*score)) return std::nullopt;
  return static_cast<double>(std::llround(std::clamp(*score, 0.0, 100.0) * 100.0)) / 10000.0;
}

SuccessStatus verdict(const Course& course, const LaunchData& data, const CourseState& st) {
  const SuccessStatus course_verdict = success_status(course, st);
  if (course_verdict == SuccessStatus::Unknown || !data.mastery_score) return course_verdict;
  const std::optional<double> scaled = scaled_score(course, st);
  if (!scaled) return course_verdict;
  // §10.2.4: passed/failed "MUST be based on the masteryScore if provided"; compared in the
  // 4-decimal steps both are given in, so 0.8 against 0.8 is a pass whatever the floating point.
  return std::llround(*scaled * 10000.0) >= std::llround(*data.mastery_score * 10000.0) ? SuccessStatus::Passed
                                                                                         : SuccessStatus::Failed;
}

// [SECTION] Statement parts
namespace {

enum class Kind {
  Defined,        // cmi5 defined: the cmi5 category (§9.6.2.1)
  DefinedMoveOn,  // ... whose result has success or completion: also the moveon category (§9.6.2.2)
  Allowed,        // cmi5 allowed: the context template without the cmi5 category (§7.1.3)
};

json lang_map(const LocalText& t) {
  json m = json::object();
  for (const auto& [lang, text] : t.tr)
    if (!text.empty()) m[lang] = text;
  return m;
}

json activity(std::string id, std::string_view type = {}, const LocalText* name = nullptr) {
  json a = {{"objectType", "Activity"}, {"id", std::move(id)}};
  if (!type.empty()) a["definition"]["type"] = type;
  if (name && !lang_map(*name).empty()) a["definition"]["name"] = lang_map(*name);
  return a;
}

// Appends `a` to context.contextActivities[list] unless an activity with its id is there: the
// template's own entries are kept as they are (§10.2.1: never overwritten).
void add_activity(json& context, const char* list, json a) {
  json& ca = context["contextActivities"];
  if (!ca.is_object()) ca = json::object();
  json& l = ca[list];
  if (l.is_object()) l = json::array({l});  // xAPI allows one activity as an object: same content, list form
  if (!l.is_array()) l = json::array();
  for (const json& e : l)
    if (e.is_object() && e.contains("id") && e.at("id") == a.at("id")) return;
  l.push_back(std::move(a));
}

// §9.6 and §10.2.1: the template, the registration and the session id on every statement.
json context(const Launch& launch, Kind kind) {
  json c = launch.data.context_template.is_object() ? launch.data.context_template : json::object();
  if (!c.contains("registration")) c["registration"] = launch.registration;
  json& ext = c["extensions"];
  if (!ext.is_object()) ext = json::object();
  if (!ext.contains(iri::kSessionId)) ext[iri::kSessionId] = launch.data.session_id;
  if (kind != Kind::Allowed) add_activity(c, "category", activity(iri::kCategoryCmi5));
  if (kind == Kind::DefinedMoveOn) add_activity(c, "category", activity(iri::kCategoryMoveOn));
  return c;
}

struct Builder {
  const Course& course;
  const Launch& launch;
  Ledger& ledger;
  std::vector<json>& out;

  // One statement at `ms`, never before the last one sent in this session (§9.3: order by timestamp).
  json& add(const char* verb_id, const char* verb_name, json object, json ctx, std::int64_t ms, std::string_view id_key) {
    ms = std::max(ms, ledger.last_ms);
    ledger.last_ms = ms;
    json s = {{"id", name_uuid(launch.registration + "|" + std::string(id_key))},
              {"actor", launch.actor},
              {"verb", {{"id", verb_id}, {"display", {{"en-US", verb_name}}}}},
              {"object", std::move(object)},
              {"context", std::move(ctx)},
              {"timestamp", timestamp(ms)}};
    out.push_back(std::move(s));
    return out.back();
  }
  json au() const { return activity(launch.activity_id); }  // §9.4: the object of cmi5 defined statements
  std::string session_key(std::string_view verb) const { return launch.data.session_id + "|" + std::string(verb); }
};

std::string duration(double seconds) { return scorm::duration2004(seconds); }  // ISO 8601 "PT1H2M3.45S"

double rounded4(double v) { return std::isfinite(v) ? static_cast<double>(std::llround(v * 10000.0)) / 10000.0 : 0.0; }

// The learner's progress on a statement that closes a step of the course (kSnapshot).
void add_snapshot(const Builder& b, json& statement, const CourseState& st) {
  statement["context"]["extensions"][iri::kSnapshot] = encode_snapshot(b.course, st);
}

// [SECTION] completed, passed, failed
// session_end: plan_terminate, where a failure not sent yet is final for this session.
void plan_results(Builder& b, const CourseState& st, std::int64_t now_ms, bool session_end) {
  if (b.launch.data.mode != LaunchMode::Normal) return;  // §10.2.2: browse and review record no satisfaction
  const Course& course = b.course;
  Ledger& led = b.ledger;
  const std::string time_spent = duration(st.total_time_seconds);  // §9.5.4.1: the learner's time to get there
  // §9.3.3: completed when the course rules say so, once per registration; §9.5.3: completion,
  // no score, no success.
  if (completion_status(course, st) == CompletionStatus::Completed && !led.sent.completed) {
    json& s = b.add(iri::kCompleted, "completed", b.au(), context(b.launch, Kind::DefinedMoveOn), now_ms,
                    "completed");
    s["result"] = {{"completion", true}, {"duration", time_spent}};
    add_snapshot(b, s, st);
    led.sent.completed = true;
  }
  const SuccessStatus v = verdict(course, b.launch.data, st);
  const std::optional<double> scaled = scaled_score(course, st);
  auto judged = [&](const char* verb_id, const char* verb_name, bool success) {
    json ctx = context(b.launch, Kind::DefinedMoveOn);
    if (b.launch.data.mastery_score) ctx["extensions"][iri::kMasteryScore] = *b.launch.data.mastery_score;  // §9.6.3.2
    json& s = b.add(verb_id, verb_name, b.au(), std::move(ctx), now_ms, verb_name);
    s["result"] = {{"success", success}, {"duration", time_spent}};  // §9.5.2, §9.5.4.1
    if (scaled) s["result"]["score"] = {{"scaled", *scaled}};          // §9.5.1: scaled only (raw must be an integer)
    add_snapshot(b, s, st);
    led.judged = true;
  };
  // §9.3: one passed per registration; one of passed/failed per session.
  if (v == SuccessStatus::Passed && !led.sent.passed && !led.judged) {
    judged(iri::kPassed, "passed", true);
    led.sent.passed = true;
    return;
  }
  // §9.3: never failed after passed. Once per registration (a later pass still comes). Sent at
  // once only when no attempt is left; otherwise at the session's end, so that a retake passed in
  // the same session can still be reported (one of passed/failed per session).
  const bool final_failure = course.assessment_required &&
                             quiz_availability(course, st, course.assessment.id) == QuizAvailability::NoAttemptsLeft;
  if (v == SuccessStatus::Failed && !led.sent.failed && !led.sent.passed && !led.judged &&
      (session_end || final_failure)) {
    judged(iri::kFailed, "failed", false);
    led.sent.failed = true;
  }
}

// [SECTION] answered, responded (cmi5 allowed, §7.1.3)
json guideline(const Builder& b, const std::string& objective_id) {
  const Objective* o = b.course.objective(objective_id);
  return activity(b.launch.activity_id + "/guideline/" + objective_id, iri::kObjective, o ? &o->title : nullptr);
}

template <class List, class TextOf>
json components(const List& list, TextOf text_of) {
  json out = json::array();
  for (const auto& e : list) out.push_back({{"id", e.id}, {"description", lang_map(text_of(e))}});
  return out;
}

void plan_answer(Builder& b, const Interaction& it) {
  const Question* q = b.course.question(it.id);
  json object = activity(b.launch.activity_id + "/question/" + it.id, iri::kInteraction, q ? &q->prompt : nullptr);
  json& def = object["definition"];
  def["interactionType"] = to_string(it.type);  // choice, true-false, sequencing, matching: xAPI's names
  def["correctResponsesPattern"] = it.correct_responses;  // SCORM 2004 response strings: xAPI's format
  if (q) {
    if (!q->client_line.empty()) def["description"] = lang_map(q->client_line);
    switch (q->type) {
      case QuestionType::TrueFalse: break;  // xAPI true-false has no components
      case QuestionType::Ordering: def["choices"] = components(q->items, [](const OrderItem& i) { return i.text; }); break;
      case QuestionType::Matching:
        def["source"] = components(q->pairs, [](const MatchPair& p) { return p.source; });
        def["target"] = components(q->pairs, [](const MatchPair& p) { return p.target; });
        break;
      default: def["choices"] = components(q->options, [](const Option& o) { return o.text; }); break;
    }
  }
  json ctx = context(b.launch, Kind::Allowed);
  add_activity(ctx, "parent", b.au());
  if (!it.objective.empty()) add_activity(ctx, "grouping", guideline(b, it.objective));
  json& s = b.add(iri::kAnswered, "answered", std::move(object), std::move(ctx), it.timestamp * 1000,
                  "answered|" + it.id + "|" + std::to_string(it.timestamp) + "|" + it.learner_response);
  s["result"] = {{"response", it.learner_response},
                 {"success", it.result == InteractionResult::Correct},
                 {"score", {{"scaled", rounded4(std::clamp(it.score, 0.0, 1.0))}}},
                 {"duration", duration(it.latency_seconds)}};
}

void plan_reply(Builder& b, const Interaction& it) {
  const std::optional<scorm::ReplyRef> ref = scorm::reply_of(b.course, it);
  std::string node_path = it.id;
  std::replace(node_path.begin(), node_path.end(), '.', '/');
  json object = activity(b.launch.activity_id + "/roleplay/" + node_path, iri::kInteraction,
                         ref ? &ref->node->client : nullptr);
  object["definition"]["interactionType"] = "choice";
  json ctx = context(b.launch, Kind::Allowed);
  json result = {{"response", it.learner_response}, {"duration", duration(it.latency_seconds)}};
  std::vector<std::string> guidelines;
  if (!it.objective.empty()) guidelines.push_back(it.objective);
  if (ref) {
    object["definition"]["choices"] = components(ref->node->choices, [](const Choice& c) { return c.text; });
    add_activity(ctx, "parent",
                 activity(b.launch.activity_id + "/roleplay/" + ref->rp->id, iri::kSimulation, &ref->rp->persona_name));
    result["extensions"][iri::kRubricEffect] = json(ref->choice->scores);
    result["extensions"][iri::kNextNode] = ref->choice->next;
    if (ref->next && ref->next->is_ending) result["extensions"][iri::kOutcome] = outcome_name(ref->next->outcome);
    for (const auto* list : {&ref->choice->honours, &ref->choice->breaks})
      for (const std::string& g : *list)
        if (std::find(guidelines.begin(), guidelines.end(), g) == guidelines.end()) guidelines.push_back(g);
  }
  add_activity(ctx, "parent", b.au());
  for (const std::string& g : guidelines) add_activity(ctx, "grouping", guideline(b, g));
  json& s = b.add(iri::kResponded, "responded", std::move(object), std::move(ctx), it.timestamp * 1000,
                  "responded|" + it.id + "|" + std::to_string(it.timestamp) + "|" + it.learner_response);
  s["result"] = std::move(result);
}

}  // namespace

// [SECTION] Plans
Plan plan_initialize(const Course& course, const Launch& launch, const Ledger& ledger, const CourseState& st,
                     std::int64_t now_ms) {
  Plan p{{}, ledger};
  if (ledger.initialized) return p;  // §9.3.2: once per session
  Builder b{course, launch, p.ledger, p.statements};
  b.add(iri::kInitialized, "initialized", b.au(), context(launch, Kind::Defined), now_ms, b.session_key("initialized"));
  p.ledger.initialized = true;
  p.ledger.initialized_ms = p.ledger.last_ms;
  plan_results(b, st, now_ms, false);
  return p;
}

Plan plan_step(const Course& course, const Launch& launch, const Ledger& ledger, const CourseState& before,
               const CourseState& after, std::int64_t now_ms) {
  Plan p{{}, ledger};
  // §7.1.3: allowed statements only between initialized and terminated; §9.3.8: nothing after terminated.
  if (!ledger.initialized || ledger.terminated || launch.data.mode != LaunchMode::Normal) return p;
  Builder b{course, launch, p.ledger, p.statements};
  scorm::Cursor seen;
  if (!before.interactions.empty()) seen.last_sent = before.interactions.back();
  for (std::size_t i = scorm::first_unsent(after, seen); i < after.interactions.size(); ++i) {
    const Interaction& it = after.interactions[i];
    if (it.type == InteractionType::Other) plan_reply(b, it);
    else plan_answer(b, it);
  }
  plan_results(b, after, now_ms, false);
  return p;
}

Plan plan_terminate(const Course& course, const Launch& launch, const Ledger& ledger, const CourseState& st,
                    std::int64_t now_ms) {
  Plan p{{}, ledger};
  if (!ledger.initialized || ledger.terminated) return p;
  Builder b{course, launch, p.ledger, p.statements};
  plan_results(b, st, now_ms, true);
  json& s = b.add(iri::kTerminated, "terminated", b.au(), context(launch, Kind::Defined), now_ms,
                  b.session_key("terminated"));
  // §9.5.4.1: the time between initialized and terminated.
  const double seconds = static_cast<double>(std::max<std::int64_t>(0, p.ledger.last_ms - ledger.initialized_ms)) / 1000.0;
  s["result"] = {{"duration", duration(seconds)}};
  add_snapshot(b, s, st);
  p.ledger.terminated = true;
  return p;
}

}  // namespace granice::cmi5
