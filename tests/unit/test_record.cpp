#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/state/record.h"
#include "core/state/snapshot.h"
#include "test_course_fixture.h"

using namespace granice;
using namespace granice::test;
using nlohmann::json;

static CourseState sample_state(const Course& c, std::uint64_t seed, bool complete) {
  Rng rng(seed);
  std::int64_t now = 1764577368;
  CourseState st = new_state(c, "emp-" + std::to_string(seed), "Zofia \"Zosia\" Łęcka", "pl", rng.next(), now);
  for (int i = 0, n = rng.range(0, 120); i < n; ++i) random_action(c, st, rng, now);
  if (complete) complete_course(c, st, rng, now, 0.8);
  return st;
}

TEST_CASE("ISO 8601 UTC times", "[record]") {
  CHECK(iso8601_utc(0) == "1970-01-01T00:00:00Z");
  CHECK(iso8601_utc(1764577368) == "2025-12-01T08:22:48Z");
  CHECK(iso8601_utc(951782400) == "2000-02-29T00:00:00Z");
  CHECK(iso8601_utc(-1) == "1969-12-31T23:59:59Z");
  for (std::int64_t t : {0LL, 1LL, -86401LL, 951782400LL, 4102444800LL, 253402300799LL, -62167219200LL})
    CHECK(parse_iso8601_utc(iso8601_utc(t)) == t);
  CHECK_FALSE(parse_iso8601_utc("2025-02-29T00:00:00Z"));
  CHECK_FALSE(parse_iso8601_utc("2025-13-01T00:00:00Z"));
  CHECK_FALSE(parse_iso8601_utc("2025-12-01 08:22:48"));
  CHECK_FALSE(parse_iso8601_utc(""));
}

TEST_CASE("record: SCORM-shaped JSON", "[record]") {
  Course c = make_course();
  CourseState st = sample_state(c, 3, true);
  const std::string text = to_record(c, st);
  const json j = json::parse(text);
  CHECK(j["format"] == "granice-record");
  CHECK(j["format_version"] == 1);
  CHECK(j["course"]["id"] == c.id);
  CHECK(j["course"]["version"] == c.version);
  CHECK(j["course"]["content_hash"] == c.content_hash);
  CHECK(j["learner"]["name"] == st.learner_name);
  CHECK(j["completion_status"] == "completed");
  CHECK((j["success_status"] == "passed" || j["success_status"] == "failed"));
  CHECK(j["score"]["min"] == 0);
  CHECK(j["score"]["max"] == 100);
  CHECK(j["score"]["raw"].get<double>() >= 0);
  CHECK(j["score"]["scaled"].get<double>() == Approx(j["score"]["raw"].get<double>() / 100.0));
  CHECK(j["started"].get<std::string>().size() == 20);
  CHECK(j["objectives"].size() == c.objectives.size());
  CHECK(j["objectives"][0].contains("success_status"));
  REQUIRE(j["modules"].size() == 7);
  const json& m = j["modules"][0];
  CHECK((m["status"] == "completed" || m["status"] == "passed"));
  CHECK(m["lesson"]["pages"] == 3);
  CHECK(m["quiz"]["attempts"].get<int>() >= 1);
  CHECK(m["roleplay"]["runs"].get<int>() >= 1);
  REQUIRE(m["roleplay"]["last"].is_object());
  CHECK(m["roleplay"]["last"]["path"][0]["node"] == "n1");
  CHECK(m["roleplay"]["last"]["rubric"]["boundary_kept"].contains("max"));
  CHECK(m["roleplay"]["last"]["outcome"].is_string());
  CHECK(j["roleplays"].size() == 7);
  REQUIRE(!j["interactions"].empty());
  for (const auto& it : j["interactions"]) {
    const std::string type = it["type"];
    CHECK((type == "choice" || type == "true-false" || type == "sequencing" || type == "matching" || type == "other"));
    const std::string result = it["result"];
    CHECK((result == "correct" || result == "incorrect" || result == "neutral"));
    CHECK(it["correct_responses"].is_array());
    CHECK(it["timestamp"].get<std::string>().back() == 'Z');
  }
  CHECK(decode_snapshot(c, j["snapshot"].get<std::string>()).ok());
}

TEST_CASE("property: record -> parse -> identical state (interactions included)", "[record][property]") {
  Course c = make_course();
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    CourseState st = sample_state(c, seed, seed % 3 == 0);
    const std::string text = to_record(c, st);
    RecordResult r = from_record(text);
    INFO("seed " << seed);
    for (const auto& e : r.errors) INFO(e);
    REQUIRE(r.ok());
    CHECK(*r.state == st);
    CHECK(r.snapshot == encode_snapshot(c, st));
    CHECK(to_record(c, *r.state) == text);
  }
}

TEST_CASE("record: clear errors for foreign or damaged files, never a crash", "[record][fuzz]") {
  Course c = make_course();
  CourseState st = sample_state(c, 11, true);
  const std::string text = to_record(c, st);

  auto first_error = [](const std::string& s) {
    RecordResult r = from_record(s);
    CHECK_FALSE(r.ok());
    REQUIRE_FALSE(r.errors.empty());
    return r.errors.front();
  };
  CHECK(first_error("").rfind("/: not valid JSON (line 1, column 1)", 0) == 0);
  CHECK(first_error("[1,2]").find("expected a JSON object") != std::string::npos);
  CHECK(first_error("{\"format\":\"scorm\"}").find("not a Granice progress record") != std::string::npos);
  CHECK(first_error("{\"format\":\"granice-record\",\"format_version\":7}").find("unsupported") != std::string::npos);
  CHECK(first_error(std::string(100000, '[')).find("nested too deeply") != std::string::npos);
  CHECK(first_error(std::string(kRecordMaxBytes + 1, ' ')).find("too large") != std::string::npos);

  json j = json::parse(text);
  {
    json k = j;
    k["modules"][1]["quiz"]["attempts"] = "three";
    k["learner"]["name"] = 5;
    k["seed"] = "-1";
    k["total_time_seconds"] = 1e300;
    k["interactions"][0]["type"] = "essay";
    k["started"] = "yesterday";
    RecordResult r = from_record(k.dump());
    CHECK_FALSE(r.ok());
    std::string all;
    for (const auto& e : r.errors) all += e + "\n";
    INFO(all);
    CHECK(all.find("/modules/1/quiz/attempts: expected an integer") != std::string::npos);
    CHECK(all.find("/learner/name: expected a string") != std::string::npos);
    CHECK(all.find("/seed:") != std::string::npos);
    CHECK(all.find("/total_time_seconds:") != std::string::npos);
    CHECK(all.find("/interactions/0/type: unknown value \"essay\"") != std::string::npos);
    CHECK(all.find("/started:") != std::string::npos);
  }
  {
    json k = j;
    k["modules"][0]["quiz"]["attempts"] = 1e18;
    k["modules"][0]["roleplay"]["runs"] = -4;
    k["assessment"]["answers"] = json::array();
    for (int i = 0; i < 2000; ++i) k["assessment"]["answers"].push_back(json::object());
    RecordResult r = from_record(k.dump());
    CHECK_FALSE(r.ok());
    CHECK(r.errors.size() <= 50);
  }
  {
    json k = j;
    k.erase("modules");
    RecordResult r = from_record(k.dump());
    CHECK_FALSE(r.ok());
    CHECK(r.errors.front() == "/modules: missing");
  }
  // Random mutations of a valid record: every outcome is either a state or a list of errors.
  Rng rng(5);
  for (int k = 0; k < 400; ++k) {
    std::string s = text;
    for (int m = rng.range(1, 5); m > 0; --m) {
      const std::size_t at = static_cast<std::size_t>(rng.below(s.size()));
      switch (rng.range(0, 2)) {
        case 0: s[at] = static_cast<char>(rng.range(0, 255)); break;
        case 1: s.erase(at, static_cast<std::size_t>(rng.range(1, 30))); break;
        default: s.insert(at, rng.chance(0.5) ? "[" : "{\"x\":"); break;
      }
    }
    RecordResult r = from_record(s);
    CHECK((r.ok() || !r.errors.empty()));
  }
}
