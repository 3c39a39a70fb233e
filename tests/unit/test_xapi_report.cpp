// The statements route of the trainer report (core/report/xapi_report.h): simulated learners'
// cmi5 statements give the same rows, CSV and item analysis as their progress records, whatever
// order the statements come in; voiding, other courses, registrations, and bad input.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/engines/rng.h"
#include "core/engines/simulate.h"
#include "core/lms/cmi5.h"
#include "core/lms/cmi5_simulate.h"
#include "core/report/report.h"
#include "core/report/xapi_report.h"
#include "core/state/record.h"
#include "core/state/snapshot.h"
#include "test_course_fixture.h"
#include "trainer/trainer_model.h"

using namespace granice;
using nlohmann::json;

namespace {

constexpr std::uint64_t kSeed = 2026;

Course course_for_report() {
  test::FixtureOptions o;
  o.modules = 3;
  o.questions = 4;
  o.bank = 6;
  o.draw = 4;
  return test::make_course(o);
}

// Every CSV line without its first column (the file: a record's name, or source#registration).
std::vector<std::string> without_file_column(const std::string& csv) {
  std::vector<std::string> lines;
  std::size_t at = csv.find('\n') + 1;  // the header names the same columns on both routes
  while (at < csv.size()) {
    const std::size_t end = csv.find('\n', at);
    std::string line = csv.substr(at, end - at);
    // Simulated files and registrations hold no commas or quotes: the first comma ends the column.
    lines.push_back(line.substr(line.find(',') + 1));
    at = end == std::string::npos ? csv.size() : end + 1;
  }
  return lines;
}

json all_statements(const Course& c, int learners) {
  json all = json::array();
  for (int i = 0; i < learners; ++i)
    for (json& s : cmi5::simulated_statements(c, kSeed, static_cast<std::uint64_t>(i))) all.push_back(std::move(s));
  return all;
}

Report records_report(const Course& c, int learners) {
  std::vector<RecordDigest> ds;
  for (int i = 0; i < learners; ++i)
    ds.push_back(digest_record(c, "learner-" + std::to_string(i) + ".json",
                               to_record(c, simulate_learner(c, kSeed, static_cast<std::uint64_t>(i)))));
  std::stable_sort(ds.begin(), ds.end(), [](const RecordDigest& a, const RecordDigest& b) {
    return a.row->learner_id < b.row->learner_id;  // the statements route's order
  });
  Report rep(c);
  for (auto& d : ds) rep.add(std::move(d));
  return rep;
}

Report statements_report(const Course& c, StatementSet& set) {
  Report rep(c);
  for (auto& d : set.digests()) rep.add(std::move(d));
  return rep;
}

const json* find_verb(const json& all, std::string_view verb_end, std::size_t nth_from_end = 0) {
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    const std::string v = it->at("verb").at("id");
    if (v.size() >= verb_end.size() && v.compare(v.size() - verb_end.size(), verb_end.size(), verb_end) == 0 &&
        nth_from_end-- == 0)
      return &*it;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("xapi report: statements and records of the same simulated learners give the same table and item analysis",
          "[xapi_report]") {
  const Course c = course_for_report();
  constexpr int kLearners = 40;
  const Report records = records_report(c, kLearners);
  REQUIRE(records.rows().size() == kLearners);

  json all = all_statements(c, kLearners);
  // An LRS returns them newest first, pages split anywhere: the order must not matter.
  std::vector<json> shuffled(all.begin(), all.end());
  Rng(7).shuffle(shuffled);
  all = shuffled;
  StatementSet set(c);
  REQUIRE(set.add_text("export.json", all.dump()));
  CHECK(set.issues().empty());
  CHECK(set.counts().statements == static_cast<long>(all.size()));
  CHECK(set.counts().other_course == 0);
  const Report stmts = statements_report(c, set);
  REQUIRE(stmts.rows().size() == kLearners);
  CHECK(stmts.issues().empty());

  CHECK(without_file_column(table_csv(c, stmts.rows())) == without_file_column(table_csv(c, records.rows())));
  CHECK(items_csv(c, stmts.items(), "pl") == items_csv(c, records.items(), "pl"));
  CHECK(stmts.rows().front().file.rfind("export.json#", 0) == 0);
  // The guideline scores are not all empty (the comparison above compares something).
  long scored = 0;
  for (const auto& o : stmts.items().objectives) scored += o.learners;
  CHECK(scored > 0);
}

// The `launched` statement an LMS records before each session (cmi5 §9.3.1), made from that
// session's `initialized`: the same actor, AU, registration and context template, a moment earlier.
static json launched_before(const json& initialized) {
  json s = initialized;
  s["id"] = cmi5::name_uuid("launched " + initialized.at("id").get<std::string>());
  s["verb"] = {{"id", cmi5::iri::kLaunched}, {"display", {{"en-US", "launched"}}}};
  json& ext = s["context"]["extensions"];
  ext["https://w3id.org/xapi/cmi5/context/extensions/launchmode"] = "Normal";
  ext["https://w3id.org/xapi/cmi5/context/extensions/launchurl"] = "https://lms.example.com/au/index.html";
  ext["https://w3id.org/xapi/cmi5/context/extensions/moveon"] = "CompletedAndPassed";
  std::string ts = initialized.at("timestamp");
  ts.replace(ts.size() - 5, 4, "000");  // "...:SS.mmmZ" -> the second's start: before it, or the same time
  s["timestamp"] = ts;
  return s;
}

TEST_CASE("xapi report: the LMS's launched statements change no row and make none", "[xapi_report]") {
  const Course c = course_for_report();
  constexpr int kLearners = 12;
  const json all = all_statements(c, kLearners);
  json with_lms = json::array();
  long sessions = 0;
  for (const json& s : all) {
    if (s.at("verb").at("id") == cmi5::iri::kInitialized) {
      with_lms.push_back(launched_before(s));
      ++sessions;
    }
    with_lms.push_back(s);
  }
  // A learner the LMS launched whose course never reached the LRS: only the LMS's statement.
  json alone = launched_before(cmi5::simulated_statements(c, kSeed, kLearners).front());
  alone["context"]["registration"] = "11111111-2222-4333-8444-555555555555";
  with_lms.push_back(alone);
  REQUIRE(sessions >= kLearners);

  StatementSet plain(c);
  REQUIRE(plain.add_text("export.json", all.dump()));
  StatementSet set(c);
  REQUIRE(set.add_text("export.json", with_lms.dump()));
  CHECK(set.issues().empty());
  CHECK(set.counts().statements == static_cast<long>(with_lms.size()));
  CHECK(set.counts().by_lms == sessions + 1);
  CHECK(set.counts().other_course == 0);
  const Report a = statements_report(c, plain);
  const Report b = statements_report(c, set);
  REQUIRE(b.rows().size() == kLearners);
  CHECK(b.issues().empty());
  CHECK(table_csv(c, b.rows()) == table_csv(c, a.rows()));
  CHECK(items_csv(c, b.items(), "pl") == items_csv(c, a.items(), "pl"));
}

TEST_CASE("xapi report: the journal for the detail view comes from answered and responded statements", "[xapi_report]") {
  const Course c = course_for_report();
  const json all = all_statements(c, 1);
  StatementSet set(c, true);
  REQUIRE(set.add_text("one.json", all.dump()));
  auto ds = set.digests();
  REQUIRE(ds.size() == 1);
  REQUIRE(ds[0].state);
  const CourseState rec = simulate_learner(c, kSeed, 0);
  REQUIRE(ds[0].state->interactions.size() == rec.interactions.size());
  for (std::size_t i = 0; i < rec.interactions.size(); ++i) {
    CHECK(ds[0].state->interactions[i].id == rec.interactions[i].id);
    CHECK(ds[0].state->interactions[i].learner_response == rec.interactions[i].learner_response);
    CHECK(ds[0].state->interactions[i].timestamp == rec.interactions[i].timestamp);
  }
}

TEST_CASE("xapi report: a voided statement does not count, in whichever order the voiding comes", "[xapi_report]") {
  const Course c = course_for_report();
  // A learner who came back at least once: two sessions, two terminated statements.
  json all;
  for (std::uint64_t i = 0; i < 40 && !find_verb(all, "/terminated", 1); ++i) all = cmi5::simulated_statements(c, kSeed, i);
  const json* prev_end = find_verb(all, "/terminated", 1);
  REQUIRE(prev_end);
  const std::string prev_ts = prev_end->at("timestamp");
  auto void_of = [n = 0](const json& target) mutable {
    return json{{"id", cmi5::name_uuid("void " + std::to_string(n++))},
                {"actor", {{"mbox", "mailto:admin@example.com"}}},
                {"verb", {{"id", "http://adlnet.gov/expapi/verbs/voided"}}},
                {"object", {{"objectType", "StatementRef"}, {"id", target.at("id")}}},
                {"timestamp", "2030-01-01T00:00:00Z"}};
  };
  // Void every progress statement after the first session's end: the row is that session's state.
  json voids = json::array();
  for (const json& s : all)
    if (s.at("context").at("extensions").contains(cmi5::iri::kSnapshot) && s.at("timestamp").get<std::string>() > prev_ts)
      voids.push_back(void_of(s));
  REQUIRE_FALSE(voids.empty());
  const SnapshotResult at_prev =
      decode_snapshot(c, prev_end->at("context").at("extensions").at(cmi5::iri::kSnapshot).get<std::string>());
  REQUIRE(at_prev.ok());

  StatementSet full(c);
  REQUIRE(full.add_text("a.json", all.dump()));
  const auto before = full.digests();
  for (const bool voids_first : {true, false}) {
    StatementSet set(c);
    if (voids_first) REQUIRE(set.add_text("v.json", voids.dump()));
    REQUIRE(set.add_text("a.json", all.dump()));
    if (!voids_first) REQUIRE(set.add_text("v.json", voids.dump()));
    CHECK(set.counts().voided == static_cast<long>(voids.size()));
    const auto after = set.digests();
    REQUIRE(after.size() == 1);
    REQUIRE(after[0].row);
    CHECK(after[0].row->time_seconds == at_prev.state->total_time_seconds);
    CHECK(after[0].row->updated == at_prev.state->updated);
    CHECK(after[0].row->time_seconds != before[0].row->time_seconds);
  }

  // Every progress statement voided: an issue naming the registration, not a guessed row.
  for (const json& s : all)
    if (s.at("context").at("extensions").contains(cmi5::iri::kSnapshot) && s.at("timestamp").get<std::string>() <= prev_ts)
      voids.push_back(void_of(s));
  StatementSet none(c);
  REQUIRE(none.add_text("a.json", all.dump()));
  REQUIRE(none.add_text("v.json", voids.dump()));
  const auto gone = none.digests();
  REQUIRE(gone.size() == 1);
  CHECK_FALSE(gone[0].row);
  CHECK(gone[0].error.find("registration " + all[0].at("context").at("registration").get<std::string>()) != std::string::npos);
  CHECK(gone[0].error.find("not voided") != std::string::npos);
}

TEST_CASE("xapi report: other courses' statements are ignored, several registrations of a learner are rows with a warning",
          "[xapi_report]") {
  const Course c = course_for_report();
  json all = all_statements(c, 2);
  const std::size_t ours = all.size();
  // Another course's statements (its AU IRI differs).
  Course other = c;
  other.id = "another-course";
  for (json& s : cmi5::simulated_statements(other, kSeed, 0)) all.push_back(std::move(s));
  // Learner 0 enrolled again: the same actor, a new registration.
  json again = cmi5::simulated_statements(c, kSeed, 0);
  for (json& s : again) {
    s["id"] = cmi5::name_uuid("again " + s.at("id").get<std::string>());
    s["context"]["registration"] = "11111111-2222-4333-8444-555555555555";
    all.push_back(std::move(s));
  }
  StatementSet set(c);
  REQUIRE(set.add_text("mixed.json", all.dump()));
  CHECK(set.issues().empty());
  CHECK(set.counts().other_course == static_cast<long>(all.size() - ours - again.size()));
  const auto ds = set.digests();
  REQUIRE(ds.size() == 3);
  int warned = 0;
  for (const auto& d : ds) {
    REQUIRE(d.row);
    for (const auto& w : d.row->warnings) warned += w.find("one of 2 registrations") != std::string::npos;
  }
  CHECK(warned == 2);
}

TEST_CASE("xapi report: a malformed statement is named with its index, id and pointer, the others are kept",
          "[xapi_report]") {
  const Course c = course_for_report();
  json all = all_statements(c, 2);
  const std::string bad_id = all[3].at("id");
  all[3]["verb"] = 5;
  all[4]["context"].erase("registration");
  StatementSet set(c);
  REQUIRE(set.add_text("broken.json", json{{"statements", all}, {"more", ""}}.dump()));
  REQUIRE(set.issues().size() == 2);
  CHECK(set.issues()[0].file == "broken.json");
  CHECK(set.issues()[0].reason == "statement 3 (id " + bad_id + "): /statements/3/verb: expected an object");
  CHECK(set.issues()[1].reason.find("statement 4 ") == 0);
  CHECK(set.issues()[1].reason.find("/statements/4/context/registration: expected the cmi5 registration") !=
        std::string::npos);
  CHECK(set.counts().refused == 2);
  const auto ds = set.digests();
  CHECK(ds.size() == 2);  // both learners still there
}

TEST_CASE("xapi report: pages, several values in one file, and text that is not statements", "[xapi_report]") {
  const Course c = course_for_report();
  const json all = all_statements(c, 1);
  const std::size_t half = all.size() / 2;
  const json p1 = {{"statements", json(std::vector<json>(all.begin(), all.begin() + static_cast<long>(half)))},
                   {"more", "/xapi/statements?more=2"}};
  const json p2 = {{"statements", json(std::vector<json>(all.begin() + static_cast<long>(half), all.end()))}, {"more", ""}};
  StatementSet set(c);
  std::string more;
  REQUIRE(set.add_text("p1", p1.dump(), &more));
  CHECK(more == "/xapi/statements?more=2");
  StatementSet both(c);
  REQUIRE(both.add_text("p1p2", p1.dump(2) + "\n" + p2.dump(2) + "\n", &more));
  CHECK(more.empty());
  CHECK(both.digests().size() == 1);
  CHECK(both.digests()[0].row);

  CHECK(looks_like_statements(all.dump()));
  CHECK(looks_like_statements(p1.dump(2)));
  CHECK_FALSE(looks_like_statements(R"({"format": "granice-progress-record", "statements": []})"));

  StatementSet cut(c);
  const std::string text = all.dump(1);
  CHECK_FALSE(cut.add_text("cut.json", text.substr(0, text.size() / 2)));
  REQUIRE(cut.issues().size() == 1);
  CHECK(cut.issues()[0].reason.rfind("not valid JSON: ", 0) == 0);
  CHECK(cut.issues()[0].reason.find(" statements before it were read") != std::string::npos);
  CHECK(cut.counts().statements > 0);

  StatementSet odd(c);
  CHECK_FALSE(odd.add_text("odd.json", "17"));
  CHECK_FALSE(odd.add_text("odd2.json", R"({"statements": 3})"));
  CHECK(odd.issues().size() == 2);
  CHECK(odd.issues()[1].reason == "/statements: expected an array of statements");
}

TEST_CASE("xapi report: xAPI timestamps", "[xapi_report]") {
  CHECK(parse_xapi_timestamp("2026-12-01T08:22:48.123Z") == 1796113368123);
  CHECK(parse_xapi_timestamp("2026-12-01T08:22:48Z") == 1796113368000);
  CHECK(parse_xapi_timestamp("2026-12-01T09:22:48.1+01:00") == 1796113368100);
  CHECK(parse_xapi_timestamp("2026-12-01T08:22:48.123456789Z") == 1796113368123);
  CHECK_FALSE(parse_xapi_timestamp("2026-12-01"));
  CHECK_FALSE(parse_xapi_timestamp("2026-12-01T08:22:48"));
  CHECK_FALSE(parse_xapi_timestamp("2026-12-01T08:22:48.Z"));
}

TEST_CASE("xapi report: the trainer model opens a statements export beside records", "[xapi_report][trainer]") {
  const Course c = course_for_report();
  trainer::TrainerModel t(c);
  t.AddFile("learner-0.json", to_record(c, simulate_learner(c, kSeed, 0)));
  json page = {{"statements", all_statements(c, 3)}, {"more", ""}};
  t.AddFile("export.json", page.dump());
  t.AddFile("broken-export.json", R"([{"id": "x", "verb": 3}])");
  CHECK(t.files_opened() == 3);
  REQUIRE(t.report().rows().size() == 4);  // learner 0 twice (record and statements), learners 1 and 2
  CHECK(t.report().rows()[0].file == "learner-0.json");
  CHECK(t.report().rows()[1].file.rfind("export.json#", 0) == 0);
  REQUIRE(t.report().state(1));  // kept for the detail view, its journal rebuilt
  CHECK(t.report().state(1)->interactions.size() == simulate_learner(c, kSeed, 0).interactions.size());
  REQUIRE(t.report().issues().size() == 1);
  CHECK(t.report().issues()[0].file == "broken-export.json");
  CHECK(t.report().issues()[0].reason == "statement 0 (id x): /0/verb: expected an object");
}
