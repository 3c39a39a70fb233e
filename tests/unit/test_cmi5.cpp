// The cmi5 mapping (core/lms/cmi5.h): simulated learners walk the shipped content and every
// statement stream is held to the spec's rules (../shared/cmi5/cmi5_spec.md, § numbers below);
// targeted cases on the fixture course for failed/passed timing, launch modes, the context
// template, statement contents; and the launch documents and the State document.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <set>

#include "core/content/loader.h"
#include "core/engines/scoring.h"
#include "core/engines/simulate.h"
#include "core/lms/cmi5.h"
#include "core/lms/cmi5_simulate.h"
#include "core/lms/scorm.h"
#include "core/state/snapshot.h"
#include "test_course_fixture.h"

using namespace granice;
using nlohmann::json;
namespace iri = cmi5::iri;

namespace {

// [SECTION] Helpers
const Course& shipped() {
  static std::optional<LoadResult> loaded;
  if (!loaded) {
    REQUIRE(std::filesystem::exists(GRANICE_SOURCE_DIR "/quizzes/course.json"));
    loaded = load_course_folder(GRANICE_SOURCE_DIR "/quizzes");
    REQUIRE(loaded->ok());
  }
  return loaded->course;
}

std::string verb(const json& s) {
  const std::string id = s.at("verb").at("id");
  return id.substr(id.rfind('/') + 1);
}
std::vector<std::string> verbs(const std::vector<json>& ss) {
  std::vector<std::string> out;
  for (const json& s : ss) out.push_back(verb(s));
  return out;
}
std::size_t count_verb(const std::vector<json>& ss, const std::string& v) {
  return static_cast<std::size_t>(std::count_if(ss.begin(), ss.end(), [&](const json& s) { return verb(s) == v; }));
}
bool has_activity(const json& s, const char* list, const std::string& id) {
  const json& ctx = s.at("context");
  if (!ctx.contains("contextActivities") || !ctx.at("contextActivities").contains(list)) return false;
  for (const json& a : ctx.at("contextActivities").at(list))
    if (a.at("id") == id) return true;
  return false;
}
bool defined(const std::string& v) {
  return v == "initialized" || v == "completed" || v == "passed" || v == "failed" || v == "terminated";
}
std::string session_of(const json& s) { return s.at("context").at("extensions").at(iri::kSessionId); }

cmi5::Launch launch_for(const Course& c, cmi5::LaunchMode mode = cmi5::LaunchMode::Normal) {
  const CourseState st = new_state(c, "u-17", "Anna Kowalska", "pl", 42, 1796112000);
  return cmi5::simulated_launch(c, st, 7, 1, 1, mode);
}

// The rule set every learner's statements obey, whatever they did.
struct StreamFacts {
  std::size_t sessions = 0;
};
StreamFacts check_stream(const std::vector<json>& all, const cmi5::Launch& launch, double mastery) {
  static const std::regex uuid("^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  StreamFacts f;
  std::set<std::string> ids;
  std::vector<std::vector<json>> sessions;
  std::string current;
  bool passed_seen = false;
  for (const json& s : all) {
    INFO(s.dump());
    const std::string v = verb(s);
    // §9.1 ids, unique; §9.2 the launch's actor; §9.6.1 the registration; §10.2.1 the template kept.
    REQUIRE(std::regex_match(s.at("id").get<std::string>(), uuid));
    CHECK(ids.insert(s.at("id")).second);
    CHECK(s.at("actor") == launch.actor);
    CHECK(s.at("context").at("registration") == launch.registration);
    CHECK(has_activity(s, "grouping", cmi5::au_iri(shipped().id)));
    // §7.1.3 / §9.6.2.1: the cmi5 category on defined statements only; §9.6.2.2: moveon exactly
    // where the result has success or completion.
    CHECK(has_activity(s, "category", iri::kCategoryCmi5) == defined(v));
    const bool judged = v == "completed" || v == "passed" || v == "failed";
    CHECK(has_activity(s, "category", iri::kCategoryMoveOn) == judged);
    if (defined(v)) CHECK(s.at("object").at("id") == launch.activity_id);  // §9.4
    // §9.5: score only on passed/failed, success only there, completion only on completed.
    if (defined(v)) {
      const json r = s.value("result", json::object());
      CHECK(r.contains("score") == (r.contains("success") && (v == "passed" || v == "failed")));
      CHECK(r.contains("success") == (v == "passed" || v == "failed"));
      CHECK(r.contains("completion") == (v == "completed"));
      CHECK(r.contains("duration") == (v != "initialized"));  // §9.5.4.1
    }
    if (v == "passed" || v == "failed") {
      const double scaled = s.at("result").at("score").at("scaled");
      CHECK(s.at("context").at("extensions").at(iri::kMasteryScore) == mastery);  // §9.6.3.2
      if (v == "passed") CHECK(scaled >= mastery);                                 // §9.3.4
      else CHECK(scaled < mastery);                                                // §9.3.5
      CHECK(s.at("result").at("success") == (v == "passed"));
    }
    if (v == "failed") CHECK_FALSE(passed_seen);  // §9.3: no failed after passed in a registration
    if (v == "passed") passed_seen = true;
    if (v == "initialized") {
      sessions.emplace_back();
      current = session_of(s);
    }
    REQUIRE_FALSE(sessions.empty());
    CHECK(session_of(s) == current);
    sessions.back().push_back(s);
  }
  // §9.3: per registration, at most one completed and one passed (and, ours, one failed).
  CHECK(count_verb(all, "completed") <= 1);
  CHECK(count_verb(all, "passed") <= 1);
  CHECK(count_verb(all, "failed") <= 1);
  std::set<std::string> session_ids;
  for (const auto& ss : sessions) {
    // §7.1.1 / §7.1.2: initialized first, terminated last, once each; §9.3: one of passed/failed.
    REQUIRE(ss.size() >= 2);
    CHECK(verb(ss.front()) == "initialized");
    CHECK(verb(ss.back()) == "terminated");
    CHECK(count_verb(ss, "initialized") == 1);
    CHECK(count_verb(ss, "terminated") == 1);
    CHECK(count_verb(ss, "passed") + count_verb(ss, "failed") <= 1);
    CHECK(session_ids.insert(session_of(ss.front())).second);
    // §9.3: order by timestamp (the ISO text of one format sorts as the time does).
    for (std::size_t i = 1; i < ss.size(); ++i)
      CHECK(ss[i - 1].at("timestamp").get<std::string>() <= ss[i].at("timestamp").get<std::string>());
  }
  f.sessions = sessions.size();
  return f;
}

CourseState fresh(const Course& c) { return new_state(c, "u-17", "Anna Kowalska", "pl", 42, 1796112000); }

// One assessment attempt to the end, every answer right (skill 1) or wrong-ish (skill 0).
void assessment_attempt(const Course& c, CourseState& st, double skill, std::int64_t& now, std::uint64_t seed) {
  auto s = begin_quiz(c, st, c.assessment.id, now);
  REQUIRE(s);
  Rng rng(seed);
  for (std::size_t k = 0; k < s->size(); ++k) {
    s->go(k);
    const Question& q = s->current();
    s->answer(skill >= 1.0 ? correct_response(q) : test::random_response(q, rng));
    now += 20;
    if (s->can_submit()) {
      s->submit();
      record_answer(st, *s, s->index(), 20.0, now);
    }
  }
  finish_quiz(st, *s, now);
}

// Everything but the assessment, then one failed assessment attempt: completed, failed, attempts left.
CourseState failed_once(const Course& c, std::int64_t& now) {
  CourseState st = fresh(c);
  Rng rng(5);
  test::complete_course(c, st, rng, now, 0.0);
  REQUIRE(completion_status(c, st) == CompletionStatus::Completed);
  REQUIRE(success_status(c, st) == SuccessStatus::Failed);
  return st;
}

}  // namespace

// [SECTION] Simulated learners over the shipped content
TEST_CASE("cmi5: simulated learners on the shipped content send statements that keep every rule", "[cmi5]") {
  const Course& c = shipped();
  const double mastery = c.pass_mark / 100.0;
  std::size_t learners_passed = 0, learners_failed = 0, multi_session = 0, statements = 0;
  for (std::uint64_t i = 0; i < 40; ++i) {
    INFO("learner " << i);
    const std::vector<json> ss = cmi5::simulated_statements(c, 2026, i);
    const CourseState final_state = simulate_learner(c, 2026, i);
    const cmi5::Launch launch = cmi5::simulated_launch(c, final_state, 2026, i, 1);
    const StreamFacts f = check_stream(ss, launch, mastery);
    statements += ss.size();
    if (f.sessions > 1) ++multi_session;
    // What the learner ended with was reported, once.
    CHECK(count_verb(ss, "completed") == (completion_status(c, final_state) == CompletionStatus::Completed ? 1u : 0u));
    const SuccessStatus v = cmi5::verdict(c, launch.data, final_state);
    CHECK(count_verb(ss, "passed") == (v == SuccessStatus::Passed ? 1u : 0u));
    if (v == SuccessStatus::Passed) ++learners_passed;
    if (v == SuccessStatus::Failed) {
      CHECK(count_verb(ss, "failed") == 1);
      ++learners_failed;
    }
    // One answered per submitted answer and one responded per role-play reply in the journal.
    std::size_t answers = 0, replies = 0;
    for (const Interaction& it : final_state.interactions) (it.type == InteractionType::Other ? replies : answers)++;
    REQUIRE(final_state.interactions.size() < kMaxInteractions);
    CHECK(count_verb(ss, "answered") == answers);
    CHECK(count_verb(ss, "responded") == replies);
    // Deterministic: the same learner gives the same statements, ids included.
    if (i < 3) CHECK(cmi5::simulated_statements(c, 2026, i) == ss);
  }
  // The sample exercises what the rules are about.
  CHECK(learners_passed > 10);
  CHECK(learners_failed >= 1);
  CHECK(multi_session > 5);
  INFO("statements for 40 learners: " << statements);
  CHECK(statements > 40 * 20);
}

TEST_CASE("cmi5: browse and review launches send only initialized and terminated (§10.2.2)", "[cmi5]") {
  const Course& c = shipped();
  for (auto mode : {cmi5::LaunchMode::Browse, cmi5::LaunchMode::Review}) {
    INFO(cmi5::to_string(mode));
    const std::vector<json> ss = cmi5::simulated_statements(c, 2026, 4, mode);
    REQUIRE(ss.size() >= 2);
    REQUIRE(ss.size() % 2 == 0);
    for (std::size_t i = 0; i < ss.size(); i += 2) {
      CHECK(verb(ss[i]) == "initialized");
      CHECK(verb(ss[i + 1]) == "terminated");
      CHECK(session_of(ss[i]) == session_of(ss[i + 1]));
    }
    // The same learner in normal mode sends far more.
    CHECK(cmi5::simulated_statements(c, 2026, 4).size() > ss.size() * 5);
  }
}

// [SECTION] passed / failed timing
TEST_CASE("cmi5: a failed attempt waits for the session's end, a retake passed in the session is sent, failed never", "[cmi5]") {
  const Course c = test::make_course();
  std::int64_t now = 1796112000;
  const cmi5::Launch launch = launch_for(c);
  CourseState st = fresh(c);
  cmi5::Plan p = cmi5::plan_initialize(c, launch, cmi5::start_session({}), st, now * 1000);
  REQUIRE(verbs(p.statements) == std::vector<std::string>{"initialized"});
  CourseState before = st;
  Rng rng(5);
  test::complete_course(c, st, rng, now, 0.0);
  REQUIRE(success_status(c, st) == SuccessStatus::Failed);
  REQUIRE(quiz_availability(c, st, c.assessment.id) == QuizAvailability::Available);
  p = cmi5::plan_step(c, launch, p.ledger, before, st, now * 1000);
  CHECK(count_verb(p.statements, "completed") == 1);
  CHECK(count_verb(p.statements, "failed") == 0);  // attempts are left: not yet
  CHECK(verb(p.statements.back()) == "completed");
  CHECK(p.ledger.sent == cmi5::Sent{true, false, false});
  before = st;
  assessment_attempt(c, st, 1.0, now, 9);
  REQUIRE(success_status(c, st) == SuccessStatus::Passed);
  p = cmi5::plan_step(c, launch, p.ledger, before, st, now * 1000);
  CHECK(verb(p.statements.back()) == "passed");
  CHECK(count_verb(p.statements, "answered") == static_cast<std::size_t>(c.assessment.draw));
  const json& passed = p.statements.back();
  CHECK(passed.at("result").at("score").at("scaled") == *cmi5::scaled_score(c, st));
  CHECK(passed.at("result").at("duration") == scorm::duration2004(st.total_time_seconds));
  p = cmi5::plan_terminate(c, launch, p.ledger, st, now * 1000 + 500);
  CHECK(verbs(p.statements) == std::vector<std::string>{"terminated"});
  CHECK(p.ledger.sent == cmi5::Sent{true, true, false});
}

TEST_CASE("cmi5: failed at the end of the session, once per registration, passed later, none after passed", "[cmi5]") {
  const Course c = test::make_course();
  std::int64_t now = 1796112000;
  const cmi5::Launch launch = launch_for(c);
  CourseState st = fresh(c);
  cmi5::Plan p = cmi5::plan_initialize(c, launch, cmi5::start_session({}), st, now * 1000);
  CourseState before = st;
  st = failed_once(c, now);
  p = cmi5::plan_step(c, launch, p.ledger, before, st, now * 1000);
  p = cmi5::plan_terminate(c, launch, p.ledger, st, now * 1000);
  CHECK(verbs(p.statements) == std::vector<std::string>{"failed", "terminated"});
  const json& failed = p.statements.front();
  CHECK(failed.at("result").at("success") == false);
  CHECK(failed.at("context").at("extensions").at(iri::kMasteryScore) == 0.8);
  const cmi5::Sent sent = p.ledger.sent;
  CHECK(sent == cmi5::Sent{true, false, true});

  // Session 2: another failed attempt sends nothing new; the pass is sent; terminate adds nothing.
  cmi5::Launch second = launch;
  second.data.session_id = "session-2";
  p = cmi5::plan_initialize(c, second, cmi5::start_session(sent), st, now * 1000);
  CHECK(verbs(p.statements) == std::vector<std::string>{"initialized"});  // completed was sent in session 1
  before = st;
  assessment_attempt(c, st, 0.0, now, 3);
  p = cmi5::plan_step(c, second, p.ledger, before, st, now * 1000);
  CHECK(count_verb(p.statements, "failed") == 0);
  p = cmi5::plan_terminate(c, second, p.ledger, st, now * 1000);
  CHECK(verbs(p.statements) == std::vector<std::string>{"terminated"});
  cmi5::Launch third = launch;
  third.data.session_id = "session-3";
  p = cmi5::plan_initialize(c, third, cmi5::start_session(p.ledger.sent), st, now * 1000);
  before = st;
  assessment_attempt(c, st, 1.0, now, 4);
  p = cmi5::plan_step(c, third, p.ledger, before, st, now * 1000);
  CHECK(verb(p.statements.back()) == "passed");
  CHECK(p.ledger.sent == cmi5::Sent{true, true, true});
  // A later (hypothetical) failed verdict sends nothing: §9.3, no failed after passed.
  cmi5::Ledger after_pass = cmi5::start_session(p.ledger.sent);
  after_pass.initialized = true;
  CHECK(cmi5::plan_terminate(c, third, after_pass, failed_once(c, now), now * 1000).statements.size() == 1);
}

TEST_CASE("cmi5: with no assessment attempt left, failed is sent at once", "[cmi5]") {
  test::FixtureOptions opt;
  opt.assessment_attempts = 1;
  const Course c = test::make_course(opt);
  std::int64_t now = 1796112000;
  const cmi5::Launch launch = launch_for(c);
  CourseState st = fresh(c);
  cmi5::Plan p = cmi5::plan_initialize(c, launch, cmi5::start_session({}), st, now * 1000);
  const CourseState before = st;
  st = failed_once(c, now);
  REQUIRE(quiz_availability(c, st, c.assessment.id) == QuizAvailability::NoAttemptsLeft);
  p = cmi5::plan_step(c, launch, p.ledger, before, st, now * 1000);
  CHECK(verb(p.statements.back()) == "failed");
  CHECK(verb(p.statements[p.statements.size() - 2]) == "completed");
}

TEST_CASE("cmi5: the LMS's masteryScore judges passed and failed (§10.2.4)", "[cmi5]") {
  const Course c = test::make_course();
  std::int64_t now = 1796112000;
  CourseState st = fresh(c);
  Rng rng(11);
  test::complete_course(c, st, rng, now, 1.0);
  REQUIRE(success_status(c, st) == SuccessStatus::Passed);
  const double scaled = *cmi5::scaled_score(c, st);
  cmi5::LaunchData d;
  CHECK(cmi5::verdict(c, d, st) == SuccessStatus::Passed);  // none given: the course's own verdict
  d.mastery_score = scaled;
  CHECK(cmi5::verdict(c, d, st) == SuccessStatus::Passed);  // equal passes
  d.mastery_score = std::min(1.0, scaled + 0.0001);
  if (scaled < 1.0) CHECK(cmi5::verdict(c, d, st) == SuccessStatus::Failed);
  CHECK(cmi5::verdict(c, d, fresh(c)) == SuccessStatus::Unknown);  // no attempt yet
}

// [SECTION] Order, modes, template
TEST_CASE("cmi5: nothing before initialized or after terminated, review sends no answers", "[cmi5]") {
  const Course c = test::make_course();
  std::int64_t now = 1796112000;
  const cmi5::Launch launch = launch_for(c);
  const CourseState st0 = fresh(c);
  CourseState st = st0;
  Rng rng(3);
  test::complete_course(c, st, rng, now, 1.0);
  const cmi5::Ledger none = cmi5::start_session({});
  CHECK(cmi5::plan_step(c, launch, none, st0, st, now * 1000).statements.empty());
  CHECK(cmi5::plan_terminate(c, launch, none, st, now * 1000).statements.empty());
  cmi5::Plan p = cmi5::plan_initialize(c, launch, none, st0, 1000);
  CHECK(cmi5::plan_initialize(c, launch, p.ledger, st0, 2000).statements.empty());  // §9.3.2: once
  p = cmi5::plan_terminate(c, launch, p.ledger, st0, 3601 * 1000);
  CHECK(p.statements.back().at("result").at("duration") == "PT1H");  // 3,600 s after initialized
  CHECK(cmi5::plan_step(c, launch, p.ledger, st0, st, now * 1000).statements.empty());
  CHECK(cmi5::plan_terminate(c, launch, p.ledger, st, now * 1000).statements.empty());

  const cmi5::Launch review = launch_for(c, cmi5::LaunchMode::Review);
  p = cmi5::plan_initialize(c, review, none, st, 1000);  // a finished course reviewed: no completed, no passed
  CHECK(verbs(p.statements) == std::vector<std::string>{"initialized"});
  CHECK(cmi5::plan_step(c, review, p.ledger, st0, st, 2000).statements.empty());
  CHECK(verbs(cmi5::plan_terminate(c, review, p.ledger, st, 3000).statements) == std::vector<std::string>{"terminated"});

  // A course finished in browse mode is reported by the next normal session's initialize.
  const cmi5::Launch normal = launch_for(c);
  CHECK(verbs(cmi5::plan_initialize(c, normal, none, st, 1000).statements) ==
        std::vector<std::string>{"initialized", "completed", "passed"});
}

TEST_CASE("cmi5: the context template is kept and completed: registration, session id, categories (§9.6, §10.2.1)", "[cmi5]") {
  const Course c = test::make_course();
  cmi5::Launch launch = launch_for(c);
  launch.data.context_template = json::parse(R"({
    "registration": "ec531277-b57b-4c15-8d91-d292c5b2b8f7",
    "contextActivities": {"grouping": {"id": "https://lms.example.com/au/1"},
                          "category": [{"id": "https://lms.example.com/cat"}]},
    "extensions": {"https://w3id.org/xapi/cmi5/context/extensions/sessionid": "from-template",
                   "https://lms.example.com/ext": 7},
    "platform": "Example LMS"})");
  const CourseState st = fresh(c);
  const cmi5::Plan p = cmi5::plan_initialize(c, launch, cmi5::start_session({}), st, 1000);
  const json& ctx = p.statements.front().at("context");
  CHECK(ctx.at("registration") == "ec531277-b57b-4c15-8d91-d292c5b2b8f7");  // never overwritten
  CHECK(ctx.at("extensions").at(iri::kSessionId) == "from-template");
  CHECK(ctx.at("extensions").at("https://lms.example.com/ext") == 7);
  CHECK(ctx.at("platform") == "Example LMS");
  CHECK(ctx.at("contextActivities").at("grouping") == json{{"id", "https://lms.example.com/au/1"}});  // as given
  const json& category = ctx.at("contextActivities").at("category");
  REQUIRE(category.size() == 2);
  CHECK(category.at(0).at("id") == "https://lms.example.com/cat");
  CHECK(category.at(1).at("id") == iri::kCategoryCmi5);

  // An answer adds its guideline after the template's grouping activity (the one-object form made a list).
  CourseState answered = st;
  auto quiz = begin_quiz(c, answered, c.modules[0].id, 1796112000);
  REQUIRE(quiz);
  quiz->answer(correct_response(quiz->current()));
  quiz->submit();
  record_answer(answered, *quiz, quiz->index(), 3.0, 1796112000);
  const cmi5::Plan step = cmi5::plan_step(c, launch, p.ledger, st, answered, 1796112001000);
  REQUIRE(step.statements.size() == 1);
  const json& grouping = step.statements[0].at("context").at("contextActivities").at("grouping");
  REQUIRE(grouping.size() == 2);
  CHECK(grouping.at(0).at("id") == "https://lms.example.com/au/1");
  CHECK(grouping.at(1).at("id") == launch.activity_id + "/guideline/" + c.modules[0].quiz.questions[0].objective);
  CHECK(step.statements[0].at("context").at("registration") == "ec531277-b57b-4c15-8d91-d292c5b2b8f7");
  CHECK_FALSE(has_activity(step.statements[0], "category", iri::kCategoryCmi5));  // §7.1.3: allowed
  CHECK(has_activity(step.statements[0], "category", "https://lms.example.com/cat"));

  // An empty template still gets what §9.6 requires.
  launch.data.context_template = json::object();
  launch.data.session_id = "s-1";
  const cmi5::Plan bare_plan = cmi5::plan_initialize(c, launch, cmi5::start_session({}), st, 1000);
  const json& bare = bare_plan.statements.front().at("context");
  CHECK(bare.at("registration") == launch.registration);
  CHECK(bare.at("extensions").at(iri::kSessionId) == "s-1");
}

TEST_CASE("cmi5: statement ids are a function of their inputs, timestamps never go back", "[cmi5]") {
  const Course c = test::make_course();
  const cmi5::Launch launch = launch_for(c);
  const CourseState st = fresh(c);
  const cmi5::Plan a = cmi5::plan_initialize(c, launch, cmi5::start_session({}), st, 1000);
  const cmi5::Plan b = cmi5::plan_initialize(c, launch, cmi5::start_session({}), st, 5000);
  CHECK(a.statements.front().at("id") == b.statements.front().at("id"));  // a resend after a crash: the same id
  cmi5::Launch other = launch;
  other.registration = "another";
  CHECK(cmi5::plan_initialize(c, other, cmi5::start_session({}), st, 1000).statements.front().at("id") !=
        a.statements.front().at("id"));
  CHECK(cmi5::name_uuid("x") == "6423f5f8-ce34-8776-ad3a-481bfaa4d7b8");  // fixed: resends across versions match

  // An answer journaled in the second the session started (timestamps in whole seconds) is not
  // stamped before initialized.
  CourseState after = st;
  auto quiz = begin_quiz(c, after, c.modules[0].id, 1796112000);
  REQUIRE(quiz);
  quiz->answer(correct_response(quiz->current()));
  quiz->submit();
  record_answer(after, *quiz, quiz->index(), 3.0, 1796112000);
  const cmi5::Plan init = cmi5::plan_initialize(c, launch, cmi5::start_session({}), st, 1796112000LL * 1000 + 700);
  const cmi5::Plan step = cmi5::plan_step(c, launch, init.ledger, st, after, 1796112000LL * 1000 + 900);
  REQUIRE(step.statements.size() == 1);
  CHECK(step.statements[0].at("timestamp") == "2026-12-01T08:00:00.700Z");
  CHECK(cmi5::timestamp(0) == "1970-01-01T00:00:00.000Z");
  CHECK(cmi5::timestamp(1796112000123) == "2026-12-01T08:00:00.123Z");
}

// [SECTION] Statement contents
TEST_CASE("cmi5: answered carries the question as a cmi.interaction in every language, with the guideline", "[cmi5]") {
  const Course& c = shipped();
  const std::vector<json> ss = cmi5::simulated_statements(c, 2026, 1);
  std::set<std::string> types;
  for (const json& s : ss) {
    if (verb(s) != "answered") continue;
    INFO(s.dump(2));
    const json& def = s.at("object").at("definition");
    const std::string qid = s.at("object").at("id").get<std::string>().substr(cmi5::au_iri(c.id).size() + 10);
    const Question* q = c.question(qid);
    REQUIRE(q);
    CHECK(s.at("object").at("id") == cmi5::au_iri(c.id) + "/question/" + q->id);
    CHECK(def.at("type") == iri::kInteraction);
    const std::string type = def.at("interactionType");
    types.insert(type);
    CHECK(type == scorm_interaction_type(q->type));
    REQUIRE(def.at("correctResponsesPattern").size() == 1);
    for (const std::string& lang : c.languages) {
      CHECK(def.at("name").at(lang) == q->prompt.in(lang));
      const auto texts = [&](const char* list, std::size_t i) { return def.at(list).at(i).at("description").at(lang); };
      if (type == "choice")
        for (std::size_t i = 0; i < q->options.size(); ++i) CHECK(texts("choices", i) == q->options[i].text.in(lang));
      if (type == "sequencing")
        for (std::size_t i = 0; i < q->items.size(); ++i) CHECK(texts("choices", i) == q->items[i].text.in(lang));
      if (type == "matching")
        for (std::size_t i = 0; i < q->pairs.size(); ++i) {
          CHECK(texts("source", i) == q->pairs[i].source.in(lang));
          CHECK(texts("target", i) == q->pairs[i].target.in(lang));
        }
    }
    const json& r = s.at("result");
    CHECK(r.at("success") == (r.at("response") == def.at("correctResponsesPattern").at(0)));
    CHECK(r.at("score").at("scaled").get<double>() >= 0.0);
    CHECK(r.at("duration").get<std::string>().rfind("PT", 0) == 0);
    const std::string guideline = cmi5::au_iri(c.id) + "/guideline/" + q->objective;
    CHECK(has_activity(s, "grouping", guideline));
    CHECK(has_activity(s, "parent", cmi5::au_iri(c.id)));
    for (const json& g : s.at("context").at("contextActivities").at("grouping"))
      if (g.at("id") == guideline)
        for (const std::string& lang : c.languages) CHECK(g.at("definition").at("name").at(lang) == c.objective(q->objective)->title.in(lang));
  }
  CHECK(types == std::set<std::string>{"choice", "true-false", "sequencing", "matching"});
}

TEST_CASE("cmi5: responded carries the reply, its node, the rubric effect and the run's outcome", "[cmi5]") {
  const Course& c = shipped();
  const std::vector<json> ss = cmi5::simulated_statements(c, 2026, 1);
  std::size_t replies = 0, endings = 0;
  for (const json& s : ss) {
    if (verb(s) != "responded") continue;
    INFO(s.dump(2));
    ++replies;
    const std::string id = s.at("object").at("id");
    const std::string path = id.substr(cmi5::au_iri(c.id).size() + 10);  // "<role-play>/<node>"
    const std::string rp_id = path.substr(0, path.find('/'));
    const RolePlay* rp = nullptr;
    for (const Module& m : c.modules)
      if (m.roleplay && m.roleplay->id == rp_id) rp = &*m.roleplay;
    REQUIRE(rp);
    const int ni = rp->node_index(path.substr(path.find('/') + 1));
    REQUIRE(ni >= 0);
    const RolePlayNode& node = rp->nodes[static_cast<std::size_t>(ni)];
    const json& def = s.at("object").at("definition");
    CHECK(def.at("interactionType") == "choice");
    REQUIRE(def.at("choices").size() == node.choices.size());
    const Choice* chosen = nullptr;
    for (std::size_t i = 0; i < node.choices.size(); ++i) {
      for (const std::string& lang : c.languages) {
        CHECK(def.at("choices").at(i).at("description").at(lang) == node.choices[i].text.in(lang));
        CHECK(def.at("name").at(lang) == node.client.in(lang));
      }
      if (node.choices[i].id == s.at("result").at("response")) chosen = &node.choices[i];
    }
    REQUIRE(chosen);
    const json& ext = s.at("result").at("extensions");
    CHECK(ext.at(iri::kRubricEffect) == json(chosen->scores));
    CHECK(ext.at(iri::kNextNode) == chosen->next);
    const RolePlayNode& next = rp->nodes[static_cast<std::size_t>(rp->node_index(chosen->next))];
    CHECK(ext.contains(iri::kOutcome) == next.is_ending);
    if (next.is_ending) {
      ++endings;
      CHECK(ext.at(iri::kOutcome) == outcome_name(next.outcome));
    }
    CHECK(has_activity(s, "parent", cmi5::au_iri(c.id) + "/roleplay/" + rp->id));
    for (const std::string& g : chosen->honours) CHECK(has_activity(s, "grouping", cmi5::au_iri(c.id) + "/guideline/" + g));
  }
  CHECK(replies > 10);
  CHECK(endings >= 1);
}

// [SECTION] Launch documents
TEST_CASE("cmi5: LMS.LaunchData is read, and a wrong one is refused saying what was expected (§10)", "[cmi5]") {
  const std::string good = R"({
    "contextTemplate": {"contextActivities": {"grouping": [{"id": "urn:granice:course:granice/au/main"}]},
                        "extensions": {"https://w3id.org/xapi/cmi5/context/extensions/sessionid": "s-42"}},
    "launchMode": "Browse", "moveOn": "CompletedAndPassed", "masteryScore": 0.8,
    "returnURL": "https://lms.example.com/course/7", "launchParameters": "x=1"})";
  const cmi5::LaunchDataResult r = cmi5::parse_launch_data(good);
  REQUIRE(r.data);
  CHECK(r.error.empty());
  CHECK(r.data->session_id == "s-42");
  CHECK(r.data->mode == cmi5::LaunchMode::Browse);
  CHECK(r.data->move_on == cmi5::MoveOn::CompletedAndPassed);
  CHECK(r.data->mastery_score == 0.8);
  CHECK(r.data->return_url == "https://lms.example.com/course/7");
  CHECK(r.data->launch_parameters == "x=1");
  CHECK(r.data->context_template.at("contextActivities").at("grouping").size() == 1);

  auto error_of = [](const std::string& doc) {
    const cmi5::LaunchDataResult bad = cmi5::parse_launch_data(doc);
    CHECK_FALSE(bad.data);
    return bad.error;
  };
  auto edited = [&](const std::string& from, const std::string& to) {
    std::string d = good;
    const auto at = d.find(from);
    REQUIRE(at != std::string::npos);
    return d.replace(at, from.size(), to);
  };
  CHECK_THAT(error_of("{nope"), Catch::Contains("LMS.LaunchData: not JSON (expected a JSON object"));
  CHECK_THAT(error_of("[]"), Catch::Contains("expected a JSON object (§10), got array"));
  CHECK_THAT(error_of(R"({"launchMode": "Normal", "moveOn": "Passed"})"),
             Catch::Contains("\"contextTemplate\" missing (expected the context template object (§10.2.1))"));
  CHECK_THAT(error_of(edited("\"s-42\"", "42")), Catch::Contains("should be the session id, a string (§9.6.3.1), got number"));
  CHECK_THAT(error_of(edited("sessionid\": \"s-42\"", "other\": 1")), Catch::Contains("has no session id"));
  CHECK_THAT(error_of(edited("\"Browse\"", "\"browse\"")),
             Catch::Contains("launchMode \"browse\" (expected \"Normal\", \"Browse\" or \"Review\""));
  CHECK_THAT(error_of(edited("\"CompletedAndPassed\"", "\"Done\"")), Catch::Contains("moveOn \"Done\" (expected Passed,"));
  CHECK_THAT(error_of(edited("0.8", "80")), Catch::Contains("masteryScore 80 (expected a decimal 0..1"));
  CHECK_THAT(error_of(edited("0.8", "\"0.8\"")), Catch::Contains("\"masteryScore\" should be a decimal 0..1 (§10.2.4), got string"));
  CHECK_THAT(error_of(edited("\"launchMode\": \"Browse\",", "")), Catch::Contains("\"launchMode\" missing"));
  CHECK_THAT(error_of(std::string(100000, '[') + std::string(100000, ']')), Catch::Contains("nested deeper than 64 levels"));
  CHECK_THAT(error_of("{\"x\": \"" + std::string(2 << 20, 'a') + "\"}"), Catch::Contains("bytes (expected at most 1048576)"));
}

TEST_CASE("cmi5: the launch URL's actor is an Agent with an account, else refused (§8.1.3, §9.2)", "[cmi5]") {
  const std::string good = R"({"objectType": "Agent", "name": "Anna", "account": {"homePage": "https://lms.example.com", "name": "u-17"}})";
  const cmi5::ActorResult r = cmi5::parse_actor(good);
  REQUIRE(r.actor);
  CHECK(*r.actor == json::parse(good));
  CHECK(r.learner_id == "u-17");
  CHECK(r.learner_name == "Anna");
  const cmi5::ActorResult nameless = cmi5::parse_actor(R"({"account": {"homePage": "https://lms.example.com", "name": "u-17"}})");
  CHECK(nameless.actor);
  CHECK(nameless.learner_name == "u-17");  // no name: the account's name is what the LMS knows the learner by
  CHECK_THAT(cmi5::parse_actor(R"({"name": 5, "account": {"homePage": "h", "name": "u-9"}})").error,
             Catch::Contains("\"name\" should be a string (xAPI 4.1.2.1), got number"));
  CHECK_THAT(cmi5::parse_actor(R"({"mbox": "mailto:anna@example.com"})").error,
             Catch::Contains("\"account\" missing (expected an account {homePage, name} (§9.2))"));
  CHECK_THAT(cmi5::parse_actor(R"({"objectType": "Group", "account": {"homePage": "h", "name": "n"}})").error,
             Catch::Contains("objectType \"Group\" (expected \"Agent\""));
  CHECK_THAT(cmi5::parse_actor(R"({"account": {"homePage": "https://lms.example.com", "name": ""}})").error,
             Catch::Contains("account.name is empty"));
  CHECK_THAT(cmi5::parse_actor(R"({"account": {"homePage": 7, "name": "u"}})").error,
             Catch::Contains("\"homePage\" should be a non-empty string, got number"));
  CHECK_THAT(cmi5::parse_actor("%7B%22account%22").error, Catch::Contains("not JSON"));
}

TEST_CASE("simulate: the observer sees every action and changes nothing", "[cmi5][simulate]") {
  const Course& c = shipped();
  for (std::uint64_t i = 0; i < 6; ++i) {
    std::vector<SimEvent> events;
    CourseState last;
    std::int64_t last_now = 0;
    bool time_goes_forward = true;
    const CourseState watched = simulate_learner(c, 99, i, [&](SimEvent e, const CourseState& st, std::int64_t now) {
      events.push_back(e);
      time_goes_forward = time_goes_forward && now >= last_now;
      last_now = now;
      last = st;
    });
    CHECK(watched == simulate_learner(c, 99, i));  // no extra random draws: the same learner
    REQUIRE(events.size() >= 2);
    CHECK(events.front() == SimEvent::Open);
    CHECK(events.back() == SimEvent::Close);
    CHECK(last == watched);
    CHECK(time_goes_forward);
    CHECK(std::count(events.begin(), events.end(), SimEvent::Leave) ==
          std::count(events.begin(), events.end(), SimEvent::Return));
    const std::size_t journal = watched.interactions.size();
    CHECK(static_cast<std::size_t>(std::count(events.begin(), events.end(), SimEvent::Action)) >= journal);
  }
}

TEST_CASE("cmi5: cmi5LearnerPreferences picks the first preferred course language (§11)", "[cmi5]") {
  const Course c = test::make_course();  // pl, en
  auto lang = [&](const std::string& doc) {
    const cmi5::PreferencesResult r = cmi5::parse_learner_preferences(doc, c);
    REQUIRE(r.preferences);
    return r.preferences->language;
  };
  CHECK(lang(R"({"languagePreference": "de-DE,en-US,pl"})") == "en");
  CHECK(lang(R"({"languagePreference": "pl-PL"})") == "pl");
  CHECK(lang(R"({"languagePreference": "fr"})").empty());
  CHECK(lang(R"({"audioPreference": "off"})").empty());
  CHECK(lang("").empty());  // no document yet: defaults
  const cmi5::PreferencesResult audio = cmi5::parse_learner_preferences(R"({"audioPreference": "off"})", c);
  CHECK(audio.preferences->audio == false);
  CHECK_THAT(cmi5::parse_learner_preferences(R"({"audioPreference": "loud"})", c).error,
             Catch::Contains("audioPreference \"loud\" (expected \"on\" or \"off\""));
  CHECK_THAT(cmi5::parse_learner_preferences(R"({"languagePreference": ["en"]})", c).error,
             Catch::Contains("\"languagePreference\" should be a comma-separated list of language tags (§11.1), got array"));
  CHECK_THAT(cmi5::parse_learner_preferences("en", c).error, Catch::Contains("cmi5LearnerPreferences: not JSON"));
}

// [SECTION] State document
TEST_CASE("cmi5: the State document holds the snapshot and what was sent, damage is told, not thrown", "[cmi5]") {
  const Course c = test::make_course();
  std::int64_t now = 1796112000;
  CourseState st = fresh(c);
  Rng rng(8);
  for (int i = 0; i < 80; ++i) test::random_action(c, st, rng, now);
  const std::string doc = cmi5::write_state_document(c, st, cmi5::Sent{true, false, true});
  const cmi5::StateDocument back = cmi5::read_state_document(c, doc);
  CHECK(back.error.empty());
  REQUIRE(back.state);
  CHECK(*back.state == *decode_snapshot(c, encode_snapshot(c, st)).state);  // the snapshot's content: no journal
  CHECK(back.state->modules == st.modules);
  CHECK(back.sent == cmi5::Sent{true, false, true});
  CHECK(json::parse(doc).at("snapshot") == encode_snapshot(c, st));

  const cmi5::StateDocument none = cmi5::read_state_document(c, "");
  CHECK_FALSE(none.state);
  CHECK(none.error.empty());
  CHECK(none.sent == cmi5::Sent{});
  CHECK_THAT(cmi5::read_state_document(c, "{").error, Catch::Contains("not JSON"));
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "{\"a\":";
  CHECK_THAT(cmi5::read_state_document(c, deep + "1" + std::string(5000, '}')).error, Catch::Contains("nested deeper"));
  CHECK_THAT(cmi5::read_state_document(c, R"({"sent": {"passed": "yes"}})").error,
             Catch::Contains("\"passed\" should be true or false, got string"));
  // A damaged snapshot: told, and what was sent still counts (no second completed).
  const cmi5::StateDocument damaged =
      cmi5::read_state_document(c, R"({"snapshot": "G1.AAAA", "sent": {"completed": true}})");
  CHECK_FALSE(damaged.state);
  CHECK_THAT(damaged.error, Catch::Contains("the snapshot could not be read"));
  CHECK(damaged.sent.completed);
}
