// The SCORM session rules real LMSes need (issue 16): objectives by id, results never lowered,
// review / browse / no-credit launches, one record per question and per role-play run, and the
// data-model budget of a whole course with a retake.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <numeric>
#include <optional>
#include <vector>

#include "core/text/decimal.h"
#include "core/content/loader.h"
#include "core/engines/quiz_engine.h"
#include "core/engines/roleplay_engine.h"
#include "core/lms/scorm.h"
#include "core/engines/simulate.h"
#include "test_course_fixture.h"

using namespace granice;
using scorm::Version;

namespace {

CourseState fresh(const Course& c) { return new_state(c, "u-17", "Anna Kowalska", "pl", 42, 1796112000); }

// Everything a plan sets, name -> value, in the order an LMS would hold it.
std::map<std::string, std::string> values(const scorm::Plan& p) {
  std::map<std::string, std::string> out;
  for (const auto& e : p.core) out[e.name] = e.value;
  for (const auto* groups : {&p.objectives, &p.interactions})
    for (const auto& g : *groups)
      for (const auto& e : g.elements) out[e.name] = e.value;
  return out;
}

std::string value(const scorm::Plan& p, const std::string& name) {
  const auto v = values(p);
  const auto it = v.find(name);
  return it == v.end() ? "<unset>" : it->second;
}

CourseState passed_course(const Course& c) {
  CourseState st = fresh(c);
  Rng rng(11);
  std::int64_t now = st.started;
  test::complete_course(c, st, rng, now, 1.0);
  return st;
}

}  // namespace

TEST_CASE("scorm session: objectives go by id, the LMS's own keep their index and are never renamed", "[scorm]") {
  const Course c = test::make_course();
  const CourseState st = passed_course(c);
  scorm::Session s;
  s.primary_objective = "granice_passed";
  s.objective_ids = {"granice_passed"};  // what Moodle pre-fills from the manifest
  const auto p = scorm::plan_commit(Version::Scorm2004, c, st, 10, {}, s);
  REQUIRE(p.objectives.size() == c.objectives.size() + 1);
  CHECK(p.objectives.back().lms_index == 0);
  CHECK(value(p, "cmi.objectives.0.id") == "granice_passed");
  CHECK(value(p, "cmi.objectives.0.success_status") == "passed");  // the course's own result
  CHECK(value(p, "cmi.objectives.0.score.raw") == format_decimal(*overall_score(c, st)));
  for (std::size_t i = 0; i < c.objectives.size(); ++i)
    CHECK(value(p, "cmi.objectives." + std::to_string(i + 1) + ".id") == c.objectives[i].id);

  // An LMS that does not pre-fill it: the guidelines first, the course result after them.
  scorm::Session bare;
  bare.primary_objective = "granice_passed";
  const auto b = scorm::plan_commit(Version::Scorm2004, c, st, 10, {}, bare);
  CHECK(value(b, "cmi.objectives.0.id") == c.objectives[0].id);
  CHECK(value(b, "cmi.objectives." + std::to_string(c.objectives.size()) + ".id") == "granice_passed");

  // An LMS that already holds our guidelines in another order: each is written where it is.
  scorm::Session later = s;
  later.objective_ids = {"granice_passed", c.objectives[1].id, c.objectives[0].id};
  const auto q = scorm::plan_commit(Version::Scorm2004, c, st, 10, {}, later);
  CHECK(value(q, "cmi.objectives.1.id") == c.objectives[1].id);
  CHECK(value(q, "cmi.objectives.2.id") == c.objectives[0].id);
  CHECK(value(q, "cmi.objectives.3.id") == c.objectives[2].id);

  // 1.2 manifests declare no objectives: the course reports none of its own there; an objective
  // the LMS holds is left as it is, ours go after it.
  const auto p12 = scorm::plan_commit(Version::Scorm12, c, st, 10, {}, s);
  CHECK(value(p12, "cmi.objectives.0.id") == "<unset>");
  CHECK(value(p12, "cmi.objectives.0.status") == "<unset>");
  CHECK(value(p12, "cmi.objectives.1.id") == c.objectives[0].id);

  // The runtime learns each id it writes, so later plans put it in the same place.
  std::vector<std::string> ids;
  scorm::note_id(ids, 2, "b");
  CHECK(ids == std::vector<std::string>{"", "", "b"});
  scorm::note_id(ids, 0, "a");
  CHECK(ids == std::vector<std::string>{"a", "", "b"});
}

TEST_CASE("scorm session: what the LMS holds is never reported lower", "[scorm]") {
  const Course c = test::make_course();
  const CourseState fresh_st = fresh(c);  // reopened on another device: nothing of the state
  scorm::Session s;
  s.held = scorm::parse_held(Version::Scorm2004, "completed", "passed", "92.5");
  REQUIRE(s.held.completed);
  const auto p = scorm::plan_commit(Version::Scorm2004, c, fresh_st, 5, {}, s);
  CHECK(value(p, "cmi.completion_status") == "completed");
  CHECK(value(p, "cmi.success_status") == "passed");
  CHECK(value(p, "cmi.score.raw") == "92.5");
  CHECK(value(p, "cmi.progress_measure") == "1");

  // A failed result may still become passed; a passed one never becomes failed.
  s.held = scorm::parse_held(Version::Scorm2004, "completed", "failed", "40");
  CourseState failed = fresh(c);
  Rng rng(5);
  std::int64_t now = failed.started;
  test::complete_course(c, failed, rng, now, 0.0);
  REQUIRE(success_status(c, failed) == SuccessStatus::Failed);
  CHECK(value(scorm::plan_commit(Version::Scorm2004, c, failed, 5, {}, s), "cmi.success_status") == "failed");
  CHECK(value(scorm::plan_commit(Version::Scorm2004, c, passed_course(c), 5, {}, s), "cmi.success_status") == "passed");

  // 1.2: one status, ranked.
  scorm::Session s12;
  s12.held = scorm::parse_held(Version::Scorm12, "passed", "", "88");
  CHECK(s12.held.success == SuccessStatus::Passed);
  const auto p12 = scorm::plan_commit(Version::Scorm12, c, fresh_st, 5, {}, s12);
  CHECK(value(p12, "cmi.core.lesson_status") == "passed");
  CHECK(value(p12, "cmi.core.score.raw") == "88");
  CHECK(value(scorm::plan_commit(Version::Scorm12, c, failed, 5, {}, s12), "cmi.core.lesson_status") == "passed");

  // 1.2 sends no score before the course is completed: Moodle's mastery override would turn an
  // "incomplete" with a score into passed or failed at LMSFinish.
  test::FixtureOptions no_assessment;
  no_assessment.assessment_required = false;
  const Course practice = test::make_course(no_assessment);
  CourseState half = fresh(practice);
  {
    auto quiz = begin_quiz(practice, half, practice.modules[0].id, half.started + 1);
    REQUIRE(quiz);
    for (std::size_t i = 0; i < quiz->size(); ++i) {
      quiz->go(i);
      quiz->answer(correct_response(quiz->current()));
      quiz->submit();
      record_answer(half, *quiz, i, 2, half.started + 2 + static_cast<std::int64_t>(i));
    }
    finish_quiz(half, *quiz, half.started + 30);
  }
  REQUIRE(overall_score(practice, half));
  const auto early = scorm::plan_commit(Version::Scorm12, practice, half, 5, {});
  CHECK(value(early, "cmi.core.lesson_status") == "incomplete");
  CHECK(value(early, "cmi.core.score.raw") == "<unset>");

  // Objectives too.
  scorm::Session so;
  so.held_objectives = {{c.objectives[0].id, scorm::parse_held(Version::Scorm2004, "completed", "passed", "100")}};
  const auto po = scorm::plan_commit(Version::Scorm2004, c, fresh_st, 5, {}, so);
  CHECK(value(po, "cmi.objectives.0.id") == c.objectives[0].id);
  CHECK(value(po, "cmi.objectives.0.success_status") == "passed");
  CHECK(value(po, "cmi.objectives.0.completion_status") == "completed");
  CHECK(value(po, "cmi.objectives.1.success_status") == "unknown");

  // Garbage from the LMS is no result at all.
  for (const char* bad : {"", "abc", "-3", "101", "1e400", "nan", "92.5x"})
    CHECK_FALSE(scorm::parse_held(Version::Scorm2004, "", "", bad).score);
  CHECK_FALSE(scorm::parse_held(Version::Scorm2004, "unknown", "nonsense", "").any());
}

TEST_CASE("scorm session: review records nothing, browse and no-credit report no success", "[scorm]") {
  const Course c = test::make_course();
  const CourseState st = passed_course(c);
  CHECK(scorm::parse_mode("review") == scorm::LaunchMode::Review);
  CHECK(scorm::parse_mode(" browse ") == scorm::LaunchMode::Browse);
  CHECK(scorm::parse_mode("normal") == scorm::LaunchMode::Normal);
  CHECK(scorm::parse_mode("REVIEW!") == scorm::LaunchMode::Normal);
  scorm::Session review;
  review.mode = scorm::LaunchMode::Review;
  for (Version v : {Version::Scorm12, Version::Scorm2004}) {
    const auto p = scorm::plan_commit(v, c, st, 10, {}, review);
    CHECK(p.core.empty());
    CHECK(p.objectives.empty());
    CHECK(p.interactions.empty());
  }
  scorm::Session no_credit;
  no_credit.credit = false;
  const auto p4 = scorm::plan_commit(Version::Scorm2004, c, st, 10, {}, no_credit);
  CHECK(value(p4, "cmi.completion_status") == "completed");
  CHECK(value(p4, "cmi.success_status") == "<unset>");
  CHECK(value(p4, "cmi.score.scaled") == "<unset>");
  CHECK(value(p4, "cmi.objectives.0.success_status") == "<unset>");
  const auto p12 = scorm::plan_commit(Version::Scorm12, c, st, 10, {}, no_credit);
  CHECK(value(p12, "cmi.core.lesson_status") == "completed");
  CHECK(value(p12, "cmi.core.score.raw") == "<unset>");
  scorm::Session browse;
  browse.mode = scorm::LaunchMode::Browse;
  CHECK(value(scorm::plan_commit(Version::Scorm12, c, fresh(c), 10, {}, browse), "cmi.core.lesson_status") == "browsed");
  CHECK(value(scorm::plan_commit(Version::Scorm2004, c, st, 10, {}, browse), "cmi.success_status") == "<unset>");
}

TEST_CASE("scorm session: a role-play run is one record: its steps, its ending", "[scorm]") {
  test::FixtureOptions opt;
  const Course c = test::make_course(opt);
  CourseState st = fresh(c);
  const Module& m = c.modules.at(0);
  REQUIRE(m.roleplay);
  std::int64_t now = st.started;
  auto walk = [&](std::initializer_list<const char*> replies) {
    auto s = begin_roleplay(c, st, m.id, now);
    REQUIRE(s);
    for (const char* id : replies) {
      REQUIRE(s->choose(static_cast<std::size_t>(reply_index(s->node(), id))));
      record_choice(st, m.id, *s, 2.0, ++now);
    }
  };
  walk({"b", "b"});  // n1 -> n2 -> back to n1: the run is still open
  auto open = scorm::lms_interactions(c, st, 0, scorm::InteractionDetail::Final);
  CHECK(open.empty());
  CHECK(scorm::lms_interactions(c, st, 0, scorm::InteractionDetail::All).size() == 2);
  walk({"a", "a", "b"});  // n1 -> n2 -> n3 -> end_partial
  auto done = scorm::lms_interactions(c, st, 0, scorm::InteractionDetail::Final);
  REQUIRE(done.size() == 1);
  CHECK(done[0].first == 4);
  const Interaction& run = done[0].second;
  CHECK(run.id == m.roleplay->id);
  CHECK(run.learner_response == "n1.b,n2.b,n1.a,n2.a,n3.b");
  CHECK(run.result == InteractionResult::Neutral);
  CHECK(run.objective == m.objective);
  CHECK(run.latency_seconds == Approx(10.0));
  // Final detail: what the LMS's interaction report shows, nothing it would pay for on each commit.
  const auto fp = scorm::plan_commit(Version::Scorm2004, c, st, 10, {});
  CHECK(value(fp, "cmi.interactions.0.latency") == "<unset>");
  CHECK(value(fp, "cmi.interactions.0.timestamp") == "<unset>");
  scorm::Session all;
  all.detail = scorm::InteractionDetail::All;
  const auto ap = scorm::plan_commit(Version::Scorm2004, c, st, 10, {}, all);
  CHECK(ap.interactions.size() == 5);
  CHECK(value(ap, "cmi.interactions.4.latency") == "PT2S");
  CHECK(value(ap, "cmi.interactions.4.objectives.0.id") == m.objective);

  // A replay ending badly updates the same record (Final) at the same index.
  walk({"c"});
  auto both = scorm::lms_interactions(c, st, 0, scorm::InteractionDetail::Final);
  REQUIRE(both.size() == 2);
  CHECK(both[1].second.learner_response == "n1.c");
  CHECK(both[1].second.result == InteractionResult::Incorrect);
  const auto p = scorm::plan_commit(Version::Scorm2004, c, st, 10, {});
  REQUIRE(p.interactions.size() == 1);
  CHECK(value(p, "cmi.interactions.0.learner_response") == "n1.c");
  CHECK(value(p, "cmi.interactions.0.result") == "incorrect");
  CHECK(value(p, "cmi.interactions.0.type") == "other");
  CHECK(value(scorm::plan_commit(Version::Scorm12, c, st, 10, {}), "cmi.interactions.0.type") == "performance");
}

TEST_CASE("scorm session: a question is answered at the index the LMS holds its id, 1.2 appends", "[scorm]") {
  const Course c = test::make_course();
  const CourseState st = passed_course(c);
  const std::string first_question = [&] {
    for (const Interaction& it : st.interactions)
      if (it.type != InteractionType::Other) return it.id;
    return std::string();
  }();
  scorm::Session s;
  s.interaction_ids = {"x1", first_question, "x3"};  // from an earlier session
  const auto p = scorm::plan_commit(Version::Scorm2004, c, st, 10, scorm::Cursor{3, std::nullopt}, s);
  CHECK(value(p, "cmi.interactions.1.id") == first_question);
  CHECK(value(p, "cmi.interactions.0.id") == "<unset>");
  CHECK(value(p, "cmi.interactions.3.id") != "<unset>");
  CHECK(value(p, "cmi.interactions.3.id") != first_question);
  // 1.2 cannot read ids (write-only): what an earlier session wrote is unknown, new records go after it.
  scorm::Session s12;
  const auto p12 = scorm::plan_commit(Version::Scorm12, c, st, 10, scorm::Cursor{3, std::nullopt}, s12);
  CHECK(value(p12, "cmi.interactions.3.id") == first_question);
  CHECK(value(p12, "cmi.interactions.0.id") == "<unset>");
}

TEST_CASE("scorm session: parse_resume reads mode, credit, held results and the LMS's ids", "[scorm]") {
  const Course c = test::make_course();
  scorm::LmsValues in;
  in.version = Version::Scorm2004;
  in.entry = "ab-initio";
  in.mode = "review";
  in.credit = "no-credit";
  in.status = "completed";
  in.success = "passed";
  in.score_raw = "90";
  in.objectives = {{"granice_passed", "completed", "passed", "90"}, {"obj1", "incomplete", "unknown", ""}};
  in.interaction_ids = {"q1", "q2"};
  scorm::Session options;
  options.exit_when_done = scorm::ExitWhenDone::Normal;
  options.primary_objective = "granice_passed";
  const scorm::LmsResume r = scorm::parse_resume(c, in, options);
  CHECK(r.session.mode == scorm::LaunchMode::Review);
  CHECK_FALSE(r.session.credit);
  CHECK(r.session.held.completed);
  CHECK(r.session.held.success == SuccessStatus::Passed);
  CHECK(r.session.held.score == Approx(90));
  CHECK(r.session.objective_ids == std::vector<std::string>{"granice_passed", "obj1"});
  REQUIRE(r.session.held_objectives.size() == 1);  // obj1 holds nothing worth keeping
  CHECK(r.session.interaction_ids == std::vector<std::string>{"q1", "q2"});
  CHECK(r.session.exit_when_done == scorm::ExitWhenDone::Normal);  // the package's options are kept
  CHECK(r.session.primary_objective == "granice_passed");
  CHECK_FALSE(r.state);
}

// [SECTION] The budget: what a re-posting LMS sends on each commit after the whole course
TEST_CASE("scorm session: a whole course with retakes fits the data-model budget in both versions", "[scorm][budget]") {
  if (!std::filesystem::exists(GRANICE_SOURCE_DIR "/quizzes/course.json")) return;
  const LoadResult loaded = load_course_folder(GRANICE_SOURCE_DIR "/quizzes");
  REQUIRE(loaded.ok());
  const Course& c = loaded.course;
  scorm::Session s;
  s.primary_objective = c.id + "_passed";
  s.objective_ids = {s.primary_objective};
  scorm::PostSize max12, max4, all4;
  int retakers = 0;
  std::vector<CourseState> learners;
  for (std::uint64_t i = 0; i < 300; ++i) learners.push_back(simulate_learner(c, 2026, i));
  // SCORM 1.2's commit-by-commit replay costs a plan per answer (~100 per learner, most of this
  // test's time under ASan): it runs on a sample, the 30 longest journals (the most answers and
  // retakes to report; over all 300 the most fields per commit was the same, 34).
  std::vector<std::size_t> longest(learners.size());
  std::iota(longest.begin(), longest.end(), std::size_t{0});
  std::stable_sort(longest.begin(), longest.end(), [&](std::size_t a, std::size_t b) {
    return learners[a].interactions.size() > learners[b].interactions.size();
  });
  longest.resize(30);
  for (std::size_t i = 0; i < learners.size(); ++i) {
    const CourseState& st = learners[i];
    if (st.assessment.attempts_used >= 2) ++retakers;
    // 2004: ids are readable, so one plan over the whole journal is what the LMS ends up holding.
    const auto p4 = scorm::plan_commit(Version::Scorm2004, c, st, 3600, {}, s);
    const scorm::PostSize z4 = scorm::form_post_size(values(p4));
    if (z4.fields > max4.fields) max4 = z4;
    scorm::Session everything = s;
    everything.detail = scorm::InteractionDetail::All;
    const scorm::PostSize za = scorm::form_post_size(values(scorm::plan_commit(Version::Scorm2004, c, st, 3600, {}, everything)));
    if (za.fields > all4.fields) all4 = za;
    // 1.2 (Moodle posts what changed): a commit after each answer or finished run.
    if (std::find(longest.begin(), longest.end(), i) == longest.end()) continue;
    std::map<std::string, std::string> sent;
    scorm::Cursor cur;
    std::map<std::string, std::string> biggest;
    for (const auto& [journal_index, it] : scorm::lms_interactions(c, st, 0, scorm::InteractionDetail::Final)) {
      CourseState upto = st;
      upto.interactions.resize(journal_index + 1);
      const auto p = scorm::plan_commit(Version::Scorm12, c, upto, 3600, cur, {});
      std::map<std::string, std::string> posted;
      for (const auto& e : scorm::changed(p.core, sent)) posted[e.name] = e.value;
      for (const auto* groups : {&p.objectives, &p.interactions})
        for (const auto& g : *groups)
          for (const auto& e : scorm::changed(g.elements, sent)) posted[e.name] = e.value;
      for (const auto& [name, v] : posted) sent[name] = v;
      for (const auto& g : p.interactions) cur = scorm::advance(cur, upto, g);
      cur = scorm::all_sent(cur, upto);
      if (posted.size() > biggest.size()) biggest = posted;
    }
    const scorm::PostSize z12 = scorm::form_post_size(biggest);
    if (z12.fields > max12.fields) max12 = z12;
  }
  WARN("budget over 300 simulated learners (" << retakers << " retook the assessment): most fields per commit "
       << "SCORM 2004 " << max4.fields << " (" << max4.bytes << " bytes form-encoded, all values re-posted), SCORM 1.2 "
       << max12.fields << " (" << max12.bytes << " bytes, the 30 longest journals); 2004 with every detail " << all4.fields << " ("
       << all4.bytes << " bytes)");
  CHECK(retakers > 0);
  // docs/lms.md: at most 650 fields and 40 KiB per commit, against Moodle's 1,000 fields
  // (PHP max_input_vars) and the 64 KiB sendBeacon limit.
  CHECK(max4.fields <= 650);
  CHECK(max4.bytes <= 40 * 1024);
  CHECK(max12.fields <= 650);
  CHECK(max12.bytes <= 40 * 1024);
}
