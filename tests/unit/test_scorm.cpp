// The SCORM mapping (src/core/lms/scorm.h): formats, limits and vocabularies per the SCORM 1.2 CMI
// data model and SCORM 2004 4th edition RTE, checked by an independent validator below on every
// value a plan sets; resume from every kind of saved state; local storage decoding; reconciliation.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <regex>
#include <set>

#include "core/text/decimal.h"
#include "core/state/record.h"
#include "core/engines/rng.h"
#include "core/state/saved_progress.h"
#include "core/lms/scorm.h"
#include "core/state/snapshot.h"
#include "test_course_fixture.h"
#include "../read_file.h"

using namespace granice;
using scorm::Version;

namespace {

// [SECTION] An independent validator: what the spec allows for each element we set
const std::regex kDecimal(R"(^-?[0-9]+(\.[0-9]+)?$)");
const std::regex kTimespan12(R"(^[0-9]{2,4}:[0-5][0-9]:[0-5][0-9](\.[0-9]{1,2})?$)");
const std::regex kTime12(R"(^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,2})?$)");
const std::regex kDuration(R"(^P(?:[0-9]+Y)?(?:[0-9]+M)?(?:[0-9]+D)?(?:T(?:[0-9]+H)?(?:[0-9]+M)?(?:[0-9]+(?:\.[0-9]{1,2})?S)?)?$)");
const std::regex kTimestamp(
    R"(^(19[7-9][0-9]|20[0-2][0-9]|203[0-8])-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,2})?(Z|[+-][0-9]{2}(:[0-9]{2})?)?$)");
const std::regex kId12(R"(^[A-Za-z0-9_.\-]{1,255}$)");
const std::regex kChoice12(R"(^[0-9a-z](,[0-9a-z])*$)");
const std::regex kMatching12(R"(^[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*$)");
const std::regex kShortId(R"([^\s\[\]]+)");
const std::regex kNoSpace(R"(^\S+$)");
const std::regex kLangTag(R"(^\{lang=[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*\})");
const std::regex kNumericIndex(R"(^cmi\.(objectives|interactions)\.([0-9]+)\.(.+)$)");

bool in(const std::string& v, std::initializer_list<const char*> vocab) {
  for (const char* w : vocab)
    if (v == w) return true;
  return false;
}

bool decimal_in(const std::string& v, double lo, double hi) {
  if (!std::regex_match(v, kDecimal)) return false;
  const double d = std::stod(v);
  return d >= lo && d <= hi;
}

std::size_t utf8_chars(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool set_of_short_ids(const std::string& v, bool pairs) {
  std::set<std::string> seen;
  std::size_t start = 0;
  while (true) {
    const std::size_t p = v.find("[,]", start);
    const std::string part = v.substr(start, p == std::string::npos ? std::string::npos : p - start);
    if (pairs) {
      const std::size_t dot = part.find("[.]");
      if (dot == std::string::npos) return false;
      if (!std::regex_match(part.substr(0, dot), kShortId) || !std::regex_match(part.substr(dot + 3), kShortId)) return false;
    } else if (!std::regex_match(part, kShortId) || part.size() > 250) {
      return false;
    }
    if (!seen.insert(part).second) return false;
    if (p == std::string::npos) return true;
    start = p + 3;
  }
}

// Returns the problems found in one element (empty when valid). `types` keeps each
// interaction's type so responses are checked against it and set after it.
std::string check(Version v, const scorm::Element& e, std::map<std::string, std::string>& types) {
  const std::string& n = e.name;
  const std::string& x = e.value;
  auto bad = [&](const char* why) { return n + " = \"" + x + "\": " + why; };
  if (v == Version::Scorm12) {
    if (n == "cmi.core.lesson_status")
      return in(x, {"passed", "completed", "failed", "incomplete", "browsed", "not attempted"}) ? "" : bad("vocabulary");
    if (n == "cmi.core.score.raw" || n == "cmi.core.score.min" || n == "cmi.core.score.max")
      return decimal_in(x, 0, 100) ? "" : bad("CMIDecimal 0..100");
    if (n == "cmi.core.lesson_location") return x.size() <= 255 ? "" : bad("over 255");
    if (n == "cmi.suspend_data") return x.size() <= 4096 ? "" : bad("over 4096");
    if (n == "cmi.core.exit") return in(x, {"", "time-out", "suspend", "logout"}) ? "" : bad("vocabulary");
    if (n == "cmi.core.session_time") return std::regex_match(x, kTimespan12) ? "" : bad("CMITimespan");
  } else {
    if (n == "cmi.completion_status")
      return in(x, {"completed", "incomplete", "not attempted", "unknown"}) ? "" : bad("vocabulary");
    if (n == "cmi.success_status") return in(x, {"passed", "failed", "unknown"}) ? "" : bad("vocabulary");
    if (n == "cmi.score.scaled") return decimal_in(x, -1, 1) ? "" : bad("scaled -1..1");
    if (n == "cmi.score.raw" || n == "cmi.score.min" || n == "cmi.score.max")
      return decimal_in(x, 0, 100) ? "" : bad("real 0..100");
    if (n == "cmi.progress_measure") return decimal_in(x, 0, 1) ? "" : bad("0..1");
    if (n == "cmi.location") return utf8_chars(x) <= 1000 ? "" : bad("over 1000");
    if (n == "cmi.suspend_data") return utf8_chars(x) <= 64000 ? "" : bad("over 64000");
    if (n == "cmi.exit") return in(x, {"", "time-out", "suspend", "logout", "normal"}) ? "" : bad("vocabulary");
    if (n == "cmi.session_time")
      return std::regex_match(x, kDuration) && x != "P" && x != "PT" && x.back() != 'T' ? "" : bad("timeinterval");
  }
  std::smatch m;
  if (!std::regex_match(n, m, kNumericIndex)) return bad("not an element we expected to set");
  const std::string key = m[1].str() + m[2].str();
  const std::string f = m[3];
  if (m[1] == "objectives") {
    if (f == "id") return v == Version::Scorm12 ? (std::regex_match(x, kId12) ? "" : bad("CMIIdentifier"))
                                              : (std::regex_match(x, kNoSpace) && x.size() <= 4000 ? "" : bad("id"));
    if (f == "score.raw" || f == "score.min" || f == "score.max") return decimal_in(x, 0, 100) ? "" : bad("0..100");
    if (v == Version::Scorm12 && f == "status")
      return in(x, {"passed", "completed", "failed", "incomplete", "browsed", "not attempted"}) ? "" : bad("vocabulary");
    if (v == Version::Scorm2004 && f == "score.scaled") return decimal_in(x, -1, 1) ? "" : bad("-1..1");
    if (v == Version::Scorm2004 && f == "success_status") return in(x, {"passed", "failed", "unknown"}) ? "" : bad("vocabulary");
    if (v == Version::Scorm2004 && f == "completion_status")
      return in(x, {"completed", "incomplete", "not attempted", "unknown"}) ? "" : bad("vocabulary");
    return bad("unexpected objective element");
  }
  // interactions
  if (f == "id") {
    if (v == Version::Scorm12) return std::regex_match(x, kId12) ? "" : bad("CMIIdentifier");
    return std::regex_match(x, kNoSpace) && x.size() <= 4000 ? "" : bad("long_identifier_type");
  }
  if (f == "type") {
    types[key] = x;
    if (v == Version::Scorm12)
      return in(x, {"true-false", "choice", "fill-in", "matching", "performance", "likert", "sequencing", "numeric"})
                 ? "" : bad("vocabulary");
    return in(x, {"true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing", "likert",
                  "numeric", "other"}) ? "" : bad("vocabulary");
  }
  if (f == "objectives.0.id") return std::regex_match(x, kId12) ? "" : bad("identifier");
  if (f == "time") return v == Version::Scorm12 && std::regex_match(x, kTime12) ? "" : bad("CMITime");
  if (f == "timestamp") return v == Version::Scorm2004 && std::regex_match(x, kTimestamp) ? "" : bad("time(second,10,0)");
  if (f == "weighting") return std::regex_match(x, kDecimal) ? "" : bad("decimal");
  if (f == "latency") return (v == Version::Scorm12 ? std::regex_match(x, kTimespan12) : std::regex_match(x, kDuration))
                                 ? "" : bad("latency format");
  if (f == "result") {
    if (v == Version::Scorm12) return in(x, {"correct", "wrong", "unanticipated", "neutral"}) ? "" : bad("vocabulary");
    return in(x, {"correct", "incorrect", "unanticipated", "neutral"}) ? "" : bad("vocabulary");
  }
  if (f == "description")
    return v == Version::Scorm2004 && std::regex_search(x, kLangTag) &&
                   utf8_chars(x.substr(x.find('}') + 1)) <= 250 ? "" : bad("localized_string_type");
  if (f == "student_response" || f == "learner_response" || f.rfind("correct_responses.", 0) == 0) {
    if ((f == "student_response") != (v == Version::Scorm12) && f.rfind("correct_responses.", 0) != 0)
      return bad("wrong element name for this version");
    auto t = types.find(key);
    if (t == types.end()) return bad("set before the interaction's type");
    const std::string& type = t->second;
    if (v == Version::Scorm12) {
      if (type == "true-false") return in(x, {"0", "1", "t", "f"}) ? "" : bad("true-false response");
      if (type == "choice" || type == "sequencing") return std::regex_match(x, kChoice12) ? "" : bad("1.2 choice/sequencing");
      if (type == "matching") return std::regex_match(x, kMatching12) ? "" : bad("1.2 matching");
      if (type == "performance") return x.size() <= 255 ? "" : bad("CMIString255");
    } else {
      if (type == "true-false") return in(x, {"true", "false"}) ? "" : bad("true-false response");
      if (type == "choice" || type == "sequencing") return set_of_short_ids(x, false) ? "" : bad("2004 choice/sequencing");
      if (type == "matching") return set_of_short_ids(x, true) ? "" : bad("2004 matching");
      if (type == "other") return utf8_chars(x) <= 4000 ? "" : bad("characterstring 4000");
    }
    return bad("unexpected type");
  }
  return bad("unexpected interaction element");
}

std::vector<std::string> validate(Version v, const scorm::Plan& plan) {
  std::vector<std::string> problems;
  std::map<std::string, std::string> types;
  std::set<std::string> seen;
  auto element = [&](const scorm::Element& e) {
    if (auto p = check(v, e, types); !p.empty()) problems.push_back(p);
    if (!seen.insert(e.name).second) problems.push_back(e.name + " set twice in one plan");
  };
  for (const auto& e : plan.core) element(e);
  // Objectives and interactions: each record's id first (the runtime sends nothing else of it
  // when the LMS refuses the id).
  for (const auto& [kind, groups] : {std::pair{"objectives", &plan.objectives}, std::pair{"interactions", &plan.interactions}}) {
    for (const auto& g : *groups) {
      if (g.elements.empty() || g.elements.front().name != "cmi." + std::string(kind) + "." + std::to_string(g.lms_index) + ".id")
        problems.push_back(std::string(kind) + " " + std::to_string(g.lms_index) + ": id is not set first");
      for (const auto& e : g.elements) element(e);
    }
  }
  return problems;
}

std::string value_of(const scorm::Plan& p, const std::string& name) {
  for (const auto& e : p.core)
    if (e.name == name) return e.value;
  for (const auto* groups : {&p.objectives, &p.interactions})
    for (const auto& g : *groups)
      for (const auto& e : g.elements)
        if (e.name == name) return e.value;
  return "<unset>";
}

CourseState fresh(const Course& c, std::int64_t now = 1796112000) {  // 2026-12-01
  return new_state(c, "u-17", "Anna Kowalska", "pl", 42, now);
}

}  // namespace

// [SECTION] Formats
TEST_CASE("scorm: 1.2 CMITimespan and 2004 timeinterval", "[scorm]") {
  CHECK(scorm::timespan12(0) == "0000:00:00.00");
  CHECK(scorm::timespan12(3723.456) == "0001:02:03.46");
  CHECK(scorm::timespan12(59.999) == "0000:01:00.00");  // rounding carries, never "60"
  CHECK(scorm::timespan12(-5) == "0000:00:00.00");
  CHECK(scorm::timespan12(std::nan("")) == "0000:00:00.00");
  CHECK(scorm::timespan12(1e12) == "9999:59:59.99");
  CHECK(scorm::duration2004(0) == "PT0S");
  CHECK(scorm::duration2004(3723.45) == "PT1H2M3.45S");
  CHECK(scorm::duration2004(60) == "PT1M");
  CHECK(scorm::duration2004(3600) == "PT1H");
  CHECK(scorm::duration2004(0.5) == "PT0.5S");
  CHECK(scorm::duration2004(0.004) == "PT0S");
  CHECK(scorm::duration2004(59.996) == "PT1M");
  CHECK(scorm::duration2004(-1) == "PT0S");
  CHECK(scorm::duration2004(std::numeric_limits<double>::infinity()) == "PT0S");
  CHECK(scorm::duration2004(90061.2) == "PT25H1M1.2S");
  Rng rng(7);
  for (int i = 0; i < 2000; ++i) {
    const double s = static_cast<double>(rng.below(100000000)) / 1000.0;
    INFO(s);
    CHECK(std::regex_match(scorm::timespan12(s), kTimespan12));
    const std::string d = scorm::duration2004(s);
    CHECK(std::regex_match(d, kDuration));
    CHECK(d != "PT");
  }
}

TEST_CASE("scorm: 1.2 CMITime and 2004 timestamps", "[scorm]") {
  CHECK(scorm::time12(0) == "00:00:00");
  CHECK(scorm::time12(1796113368) == "08:22:48");
  CHECK(scorm::timestamp2004(0) == "1970-01-01T00:00:00.0Z");
  CHECK(scorm::timestamp2004(1796113368) == "2026-12-01T08:22:48.0Z");
  CHECK(scorm::timestamp2004(1796113368).substr(0, 19) + "Z" == iso8601_utc(1796113368));
  CHECK(scorm::timestamp2004(2177452799) == "2038-12-31T23:59:59.0Z");
  CHECK(scorm::timestamp2004(2177452800).empty());  // outside the data model's range
  CHECK(scorm::timestamp2004(-1).empty());
  Rng rng(3);
  for (int i = 0; i < 2000; ++i) {
    const auto t = static_cast<std::int64_t>(rng.below(2177452799u));
    CHECK(std::regex_match(scorm::timestamp2004(t), kTimestamp));
    CHECK(std::regex_match(scorm::time12(t), kTime12));
    CHECK(scorm::timestamp2004(t).substr(0, 19) + "Z" == iso8601_utc(t));
  }
}

TEST_CASE("scorm: decimals, identifiers, 1.2 choice characters", "[scorm]") {
  // The SCORM values' decimals (core/text/decimal.h; scorm.cpp sends "0" for a non-finite value).
  CHECK(format_decimal(87.5) == "87.5");
  CHECK(format_decimal(100) == "100");
  CHECK(format_decimal(0) == "0");
  CHECK(format_decimal(-0.0001) == "0");
  CHECK(format_decimal(2.0 / 3.0) == "0.67");
  CHECK(format_decimal(0.875, 4) == "0.875");
  CHECK(format_decimal(std::nan(""), 2, "0") == "0");
  CHECK(scorm::identifier("m1.q3", 255) == "m1.q3");
  CHECK(scorm::identifier("a b\tc[,]", 255) == "a_b_c___");
  CHECK(scorm::identifier("", 255) == "_");
  CHECK(scorm::identifier(std::string(300, 'x'), 255).size() == 255);
  CHECK(scorm::identifier("zażółć", 255) == "za________");  // non-ASCII bytes replaced
  CHECK(scorm::choice_char12(0) == 'a');
  CHECK(scorm::choice_char12(25) == 'z');
  CHECK(scorm::choice_char12(26) == '0');
  CHECK(scorm::choice_char12(35) == '9');
  CHECK(scorm::choice_char12(36) == '\0');
}

TEST_CASE("scorm: locations round-trip and stay within 255 / 1000", "[scorm]") {
  const Course c = test::make_course();
  const std::string mid = c.modules.at(2).id;
  for (const Bookmark& b : {Bookmark{Screen::Home, "", 0}, Bookmark{Screen::Lesson, mid, 3}, Bookmark{Screen::Quiz, mid, 0},
                            Bookmark{Screen::RolePlay, mid, 0}, Bookmark{Screen::Assessment, c.assessment.id, 7},
                            Bookmark{Screen::Results, "", 0}, Bookmark{Screen::Certificate, "", 0}}) {
    const std::string loc = scorm::format_location(b, scorm::kLocation12);
    INFO(loc);
    CHECK(loc.size() <= 255);
    auto back = scorm::parse_location(loc, c);
    REQUIRE(back);
    CHECK(*back == b);
  }
  CHECK(scorm::format_location(Bookmark{Screen::Lesson, std::string(400, 'm'), 2}, scorm::kLocation12) == "lesson");
  for (const char* bad : {"", "nowhere", "lesson:nope:1", "lesson:" , "quiz:x", "lesson:m1:-1", "lesson:m1:99999999",
                          "lesson::x", ":::", "home:a:b:c"})
    CHECK_FALSE(scorm::parse_location(bad, c));
  CHECK_FALSE(scorm::parse_location(std::string(5000, 'a'), c));
}

// [SECTION] Responses per interaction type, 1.2 and 2004
TEST_CASE("scorm: interaction responses in 1.2 and 2004 formats", "[scorm]") {
  Course c = test::make_course();
  Module& m = c.modules.at(0);
  m.quiz.questions = {test::single_choice("q.sc", 4, 2), test::multiple_response("q.mr", 5, {0, 2, 3}),
                      test::true_false("q.tf", false), test::ordering("q.or", 4), test::matching("q.ma", 3),
                      test::best_reply("q.br", 3, 1)};
  for (auto& q : m.quiz.questions) q.module_id = m.id;
  CourseState st = fresh(c);
  auto quiz = begin_quiz(c, st, m.id, st.started + 5);
  REQUIRE(quiz);
  std::map<std::string, std::pair<std::string, std::string>> seen12;  // id -> (response, pattern)
  for (std::size_t i = 0; i < quiz->size(); ++i) {
    quiz->go(i);
    REQUIRE(quiz->answer(correct_response(quiz->current())));
    REQUIRE(quiz->submit());
    record_answer(st, *quiz, i, 3.25, st.started + 10 + static_cast<std::int64_t>(i));
  }
  REQUIRE(st.interactions.size() == 6);
  scorm::Session everything;  // every element's format (the default leaves time, latency and links out)
  everything.detail = scorm::InteractionDetail::All;
  for (Version v : {Version::Scorm12, Version::Scorm2004}) {
    const scorm::Plan p = scorm::plan_commit(v, c, st, 12.5, {}, everything);
    INFO(scorm::to_string(v));
    const auto problems = validate(v, p);
    for (const auto& pr : problems) UNSCOPED_INFO(pr);
    CHECK(problems.empty());
    CHECK(p.warnings.empty());
    REQUIRE(p.interactions.size() == 6);
    for (const auto& g : p.interactions) {
      const std::string base = "cmi.interactions." + std::to_string(g.lms_index) + ".";
      const std::string id = value_of(p, base + "id");
      const std::string resp = value_of(p, base + (v == Version::Scorm12 ? "student_response" : "learner_response"));
      const std::string pat = value_of(p, base + "correct_responses.0.pattern");
      CHECK(resp == pat);  // answered correctly
      CHECK(value_of(p, base + "result") == "correct");
      CHECK(value_of(p, base + "latency") == (v == Version::Scorm12 ? "0000:00:03.25" : "PT3.25S"));
      CHECK(value_of(p, base + "objectives.0.id") == "obj1");
      if (v == Version::Scorm12) seen12[id] = {resp, value_of(p, base + "type")};
      else seen12[id + "#2004"] = {resp, value_of(p, base + "type")};
    }
  }
  CHECK(seen12.at("q.sc") == std::pair<std::string, std::string>{"c", "choice"});
  CHECK(seen12.at("q.mr") == std::pair<std::string, std::string>{"a,c,d", "choice"});
  CHECK(seen12.at("q.tf") == std::pair<std::string, std::string>{"f", "true-false"});
  CHECK(seen12.at("q.or").second == "sequencing");
  CHECK(seen12.at("q.or").first == "a,b,c,d");
  CHECK(seen12.at("q.ma") == std::pair<std::string, std::string>{"a.a,b.b,c.c", "matching"});
  CHECK(seen12.at("q.br") == std::pair<std::string, std::string>{"b", "choice"});
  CHECK(seen12.at("q.sc#2004").first == "c");
  CHECK(seen12.at("q.mr#2004").first == "a[,]c[,]d");
  CHECK(seen12.at("q.tf#2004") == std::pair<std::string, std::string>{"false", "true-false"});
  CHECK(seen12.at("q.ma#2004").first.find("[.]") != std::string::npos);
  CHECK(seen12.at("q.or#2004").second == "sequencing");

  // A wrong answer: 1.2 says "wrong", 2004 "incorrect".
  Interaction wrong = st.interactions.front();
  wrong.result = InteractionResult::Incorrect;
  wrong.learner_response = "a";
  CHECK(*scorm::response12(c, wrong, "a") == "a");
  CHECK(scorm::result12(wrong.result) == "wrong");
  CHECK(scorm::result2004(wrong.result) == "incorrect");
  // Unknown ids and odd strings have no 1.2 form (left out, never sent malformed).
  CHECK_FALSE(scorm::response12(c, wrong, "zz"));
  CHECK_FALSE(scorm::response12(c, wrong, "a[,]"));
  Interaction unknown = wrong;
  unknown.id = "no.such.question";
  CHECK_FALSE(scorm::response12(c, unknown, "a"));
  Interaction rp;
  rp.id = "rp1.n1";
  rp.type = InteractionType::Other;
  CHECK(*scorm::response12(c, rp, "2") == "2");
  CHECK(scorm::response12(c, rp, std::string(300, 'x'))->size() == 255);
  CHECK(scorm::interaction_type12(InteractionType::Other) == "performance");
  CHECK(scorm::interaction_type2004(InteractionType::Other) == "other");
}

TEST_CASE("scorm: more than 36 options cannot be written in 1.2 and are left out with a warning", "[scorm]") {
  Course c = test::make_course();
  Module& m = c.modules.at(0);
  m.quiz.questions = {test::single_choice("q.big", 40, 38)};
  m.quiz.questions.front().module_id = m.id;
  CourseState st = fresh(c);
  auto quiz = begin_quiz(c, st, m.id, st.started + 5);
  REQUIRE(quiz);
  REQUIRE(quiz->answer(correct_response(quiz->current())));
  REQUIRE(quiz->submit());
  record_answer(st, *quiz, 0, 1, st.started + 6);
  const auto p = scorm::plan_commit(Version::Scorm12, c, st, 1, {});
  CHECK(validate(Version::Scorm12, p).empty());
  CHECK(value_of(p, "cmi.interactions.0.student_response") == "<unset>");
  CHECK(p.warnings.size() == 2);
  const auto p4 = scorm::plan_commit(Version::Scorm2004, c, st, 1, {});
  CHECK(validate(Version::Scorm2004, p4).empty());
  CHECK(p4.warnings.empty());
}

// [SECTION] Whole-course plans
TEST_CASE("scorm: a fresh learner is incomplete, suspends, and has no score yet", "[scorm]") {
  const Course c = test::make_course();
  const CourseState st = fresh(c);
  const auto p12 = scorm::plan_commit(Version::Scorm12, c, st, 0, {});
  CHECK(validate(Version::Scorm12, p12).empty());
  CHECK(value_of(p12, "cmi.core.lesson_status") == "incomplete");
  CHECK(value_of(p12, "cmi.core.exit") == "suspend");
  CHECK(value_of(p12, "cmi.core.session_time") == "0000:00:00.00");
  CHECK(value_of(p12, "cmi.core.lesson_location") == "home");
  CHECK(value_of(p12, "cmi.objectives.0.id") == c.objectives.at(0).id);
  CHECK(value_of(p12, "cmi.objectives." + std::to_string(c.objectives.size() - 1) + ".status") == "not attempted");
  CHECK(p12.interactions.empty());
  const auto p4 = scorm::plan_commit(Version::Scorm2004, c, st, 0, {});
  CHECK(validate(Version::Scorm2004, p4).empty());
  CHECK(value_of(p4, "cmi.completion_status") == "incomplete");
  CHECK(value_of(p4, "cmi.success_status") == "unknown");
  CHECK(value_of(p4, "cmi.exit") == "suspend");
  CHECK(value_of(p4, "cmi.session_time") == "PT0S");
  CHECK(value_of(p4, "cmi.progress_measure") == "0");
}

TEST_CASE("scorm: a completed, passed course reports passed, score, objectives and every interaction", "[scorm]") {
  const Course c = test::make_course();
  CourseState st = fresh(c);
  Rng rng(11);
  std::int64_t now = st.started;
  test::complete_course(c, st, rng, now, 1.0);
  REQUIRE(completion_status(c, st) == CompletionStatus::Completed);
  REQUIRE(success_status(c, st) == SuccessStatus::Passed);
  scorm::Session everything;
  everything.detail = scorm::InteractionDetail::All;
  everything.exit_when_done = scorm::ExitWhenDone::Normal;
  const auto p12 = scorm::plan_commit(Version::Scorm12, c, st, 1800.5, {}, everything);
  const auto problems = validate(Version::Scorm12, p12);
  for (const auto& pr : problems) UNSCOPED_INFO(pr);
  CHECK(problems.empty());
  CHECK(value_of(p12, "cmi.core.lesson_status") == "passed");
  CHECK(value_of(p12, "cmi.core.score.raw") == format_decimal(*overall_score(c, st)));
  CHECK(value_of(p12, "cmi.core.score.min") == "0");
  CHECK(value_of(p12, "cmi.core.score.max") == "100");
  CHECK(value_of(p12, "cmi.core.exit").empty());
  CHECK(value_of(p12, "cmi.core.session_time") == "0000:30:00.50");
  CHECK(p12.interactions.size() == st.interactions.size());
  CHECK(value_of(p12, "cmi.suspend_data").size() <= 4096);
  for (std::size_t i = 0; i < c.objectives.size(); ++i)
    CHECK(value_of(p12, "cmi.objectives." + std::to_string(i) + ".status") == "passed");

  const auto p4 = scorm::plan_commit(Version::Scorm2004, c, st, 1800.5, {}, everything);
  CHECK(validate(Version::Scorm2004, p4).empty());
  CHECK(value_of(p4, "cmi.completion_status") == "completed");
  CHECK(value_of(p4, "cmi.success_status") == "passed");
  CHECK(value_of(p4, "cmi.score.scaled") == format_decimal(*overall_score(c, st) / 100.0, 4));
  CHECK(value_of(p4, "cmi.exit") == "normal");
  CHECK(value_of(p4, "cmi.session_time") == "PT30M0.5S");
  CHECK(value_of(p4, "cmi.progress_measure") == "1");
  WARN("completed course: suspend_data " << value_of(p12, "cmi.suspend_data").size() << " chars, "
       << st.interactions.size() << " interactions, " << p12.core.size() << " core elements (1.2)");

  // The package's defaults: the attempt stays open (suspend), one record per question and per run.
  const auto f12 = scorm::plan_commit(Version::Scorm12, c, st, 1800.5, {});
  const auto f4 = scorm::plan_commit(Version::Scorm2004, c, st, 1800.5, {});
  CHECK(validate(Version::Scorm12, f12).empty());
  CHECK(validate(Version::Scorm2004, f4).empty());
  CHECK(value_of(f12, "cmi.core.exit") == "suspend");
  CHECK(value_of(f4, "cmi.exit") == "suspend");
  std::set<std::string> records;  // each question asked, each role-play played (a replay updates its record)
  for (const Interaction& it : st.interactions) records.insert(it.type == InteractionType::Other ? it.id.substr(0, it.id.find('.')) : it.id);
  CHECK(f4.interactions.size() == records.size());
  for (const auto& g : f4.interactions)
    CHECK(value_of(f4, "cmi.interactions." + std::to_string(g.lms_index) + ".description") == "<unset>");
}

TEST_CASE("scorm: failing with attempts left suspends, with none left the attempt ends as failed", "[scorm]") {
  const Course c = test::make_course();
  CourseState st = fresh(c);
  Rng rng(5);
  std::int64_t now = st.started;
  test::complete_course(c, st, rng, now, 0.0);
  REQUIRE(completion_status(c, st) == CompletionStatus::Completed);
  REQUIRE(success_status(c, st) == SuccessStatus::Failed);
  const auto p = scorm::plan_commit(Version::Scorm12, c, st, 60, {});
  CHECK(validate(Version::Scorm12, p).empty());
  CHECK(value_of(p, "cmi.core.lesson_status") == "failed");
  const bool none_left = quiz_availability(c, st, c.assessment.id) == QuizAvailability::NoAttemptsLeft;
  CHECK(value_of(p, "cmi.core.exit") == "suspend");  // the package's default keeps the attempt open
  scorm::Session close_when_done;
  close_when_done.exit_when_done = scorm::ExitWhenDone::Normal;
  const auto closing = scorm::plan_commit(Version::Scorm12, c, st, 60, {}, close_when_done);
  CHECK(value_of(closing, "cmi.core.exit") == (none_left ? "" : "suspend"));
  CHECK(scorm::finished(c, st) == none_left);
  const auto p4 = scorm::plan_commit(Version::Scorm2004, c, st, 60, {});
  CHECK(value_of(p4, "cmi.success_status") == "failed");
  CHECK(value_of(scorm::plan_commit(Version::Scorm2004, c, st, 60, {}, close_when_done), "cmi.exit") ==
        (none_left ? "normal" : "suspend"));
}

TEST_CASE("scorm: every value of every plan along random learners fits the spec", "[scorm]") {
  std::size_t longest = 0;
  std::size_t plans = 0;
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    test::FixtureOptions opt;
    opt.assessment_required = seed % 3 != 0;
    opt.lock_assessment = seed % 2 == 0;
    const Course c = test::make_course(opt);
    CourseState st = new_state(c, "id-" + std::to_string(seed), "Name " + std::to_string(seed), seed % 2 ? "en" : "pl",
                               seed, 1796112000);
    Rng rng(seed * 977);
    std::int64_t now = st.started;
    scorm::Cursor cur12;
    scorm::Cursor cur4;
    std::size_t sent12 = 0;
    for (int step = 0; step < 80; ++step) {
      test::random_action(c, st, rng, now);
      for (Version v : {Version::Scorm12, Version::Scorm2004}) {
        scorm::Cursor& cur = v == Version::Scorm12 ? cur12 : cur4;
        const auto p = scorm::plan_commit(v, c, st, static_cast<double>(now - st.started), cur);
        ++plans;
        const auto problems = validate(v, p);
        INFO("seed " << seed << " step " << step << " version " << scorm::to_string(v));
        for (const auto& pr : problems) UNSCOPED_INFO(pr);
        REQUIRE(problems.empty());
        CHECK(p.warnings.empty());
        longest = std::max(longest, value_of(p, "cmi.suspend_data").size());
        for (const auto& g : p.interactions) cur = scorm::advance(cur, st, g);
        cur = scorm::all_sent(cur, st);
        if (v == Version::Scorm12) sent12 += p.interactions.size();
      }
      CHECK(scorm::first_unsent(st, cur12) == st.interactions.size());
    }
    CHECK(cur12.lms_count == sent12);
  }
  CHECK(longest <= 4096);
  WARN("random learners: " << plans << " plans validated; longest suspend_data " << longest << " chars");
}

// [SECTION] Only new interactions, only changed values
TEST_CASE("scorm: a commit sends only the interactions and values not sent yet", "[scorm]") {
  const Course c = test::make_course();
  CourseState st = fresh(c);
  const Module& m = c.modules.at(0);
  auto quiz = begin_quiz(c, st, m.id, st.started + 1);
  REQUIRE(quiz);
  auto answer = [&](std::size_t i, std::int64_t t) {
    quiz->go(i);
    REQUIRE(quiz->answer(correct_response(quiz->current())));
    REQUIRE(quiz->submit());
    record_answer(st, *quiz, i, 2, t);
  };
  answer(0, st.started + 10);
  answer(1, st.started + 20);
  scorm::Cursor cur{3, std::nullopt};  // the LMS already held 3 interactions from an earlier session
  auto p1 = scorm::plan_commit(Version::Scorm2004, c, st, 20, cur);
  REQUIRE(p1.interactions.size() == 2);
  CHECK(p1.interactions[0].lms_index == 3);
  CHECK(p1.interactions[0].elements.front() == scorm::Element{"cmi.interactions.3.id", st.interactions[0].id});
  for (const auto& g : p1.interactions) cur = scorm::advance(cur, st, g);
  CHECK(cur.lms_count == 5);
  std::map<std::string, std::string> sent;
  for (const auto& e : p1.core) sent[e.name] = e.value;

  answer(2, st.started + 30);
  auto p2 = scorm::plan_commit(Version::Scorm2004, c, st, 30, cur);
  REQUIRE(p2.interactions.size() == 1);
  CHECK(p2.interactions[0].lms_index == 5);
  CHECK(p2.interactions[0].journal_index == 2);
  const auto diff = scorm::changed(p2.core, sent);
  std::set<std::string> names;
  for (const auto& e : diff) names.insert(e.name);
  CHECK(names.count("cmi.session_time"));
  CHECK(names.count("cmi.suspend_data"));
  CHECK_FALSE(names.count("cmi.objectives.0.id"));
  CHECK_FALSE(names.count("cmi.success_status"));
  CHECK(scorm::changed(p2.core, {}).size() == p2.core.size());

  // The journal was replaced (start over): only entries newer than the last one sent go out.
  CourseState again = fresh(c, st.started);
  CHECK(scorm::first_unsent(again, cur) == 0);
  Interaction newer = st.interactions.back();
  newer.timestamp += 100;
  again.interactions = {st.interactions.front(), newer};
  CHECK(scorm::first_unsent(again, cur) == 1);
}

TEST_CASE("scorm: the launch cursor counts only interactions newer than the LMS's copy as unsent", "[scorm]") {
  const Course c = test::make_course();
  CourseState st = fresh(c);
  for (int i = 0; i < 4; ++i) {
    Interaction it;
    it.id = "x" + std::to_string(i);
    it.timestamp = 100 + i * 10;
    st.interactions.push_back(it);
  }
  CHECK(scorm::first_unsent(st, scorm::launch_cursor(st, std::nullopt, 0)) == 0);
  CHECK(scorm::first_unsent(st, scorm::launch_cursor(st, 115, 2)) == 2);
  CHECK(scorm::launch_cursor(st, 115, 2).lms_count == 2);
  CHECK(scorm::first_unsent(st, scorm::launch_cursor(st, 500, 4)) == 4);
  CHECK(scorm::first_unsent(st, scorm::launch_cursor(st, 50, 0)) == 0);
}

// [SECTION] Launch values
TEST_CASE("scorm: language tags name the course language as the page's twin does (language_tags.json)", "[scorm]") {
  // The page picks the first language pack with graniceCourseLanguage (web/granice.js); the same
  // cases check it in tests/web/course_language.unit.js.
  const nlohmann::json table = nlohmann::json::parse(test::read_file(GRANICE_SOURCE_DIR "/tests/unit/language_tags.json"));
  const nlohmann::json& cases = table.at("cases");
  REQUIRE(cases.size() >= 20);
  for (const nlohmann::json& t : cases) {
    Course c;
    c.languages = t.at("languages").get<std::vector<std::string>>();
    INFO("tags \"" << t.at("tags").get<std::string>() << "\" in a course of " << t.at("languages").dump());
    CHECK(scorm::parse_language(t.at("tags").get<std::string>(), c) == t.at("course_language").get<std::string>());
  }
}

TEST_CASE("scorm: learner names, languages, entry and counts from the LMS", "[scorm]") {
  const Course c = test::make_course();
  CHECK(scorm::display_name("Kowalska, Anna") == "Anna Kowalska");
  CHECK(scorm::display_name("  Nowak ,  Jan Maria ") == "Jan Maria Nowak");
  CHECK(scorm::display_name("Anna Kowalska") == "Anna Kowalska");
  CHECK(scorm::display_name("Kowalska,") == "Kowalska");
  CHECK(scorm::display_name(",Anna") == "Anna");
  CHECK(scorm::display_name("") == "");
  CHECK(scorm::display_name("Łukasiewicz, Zażółć") == "Zażółć Łukasiewicz");
  CHECK(scorm::display_name(std::string("Bad\x01\nName", 9)) == "Bad Name");
  CHECK(scorm::display_name(std::string(1000, 'x')).size() == 200);
  const std::string cut = scorm::clean_text(std::string(199, 'a') + "ż", 200);  // no half characters
  CHECK(cut == std::string(199, 'a'));
  CHECK(scorm::parse_entry("") == scorm::Entry::Empty);
  CHECK(scorm::parse_entry("ab-initio") == scorm::Entry::AbInitio);
  CHECK(scorm::parse_entry("resume") == scorm::Entry::Resume);
  CHECK(scorm::parse_entry("RESUME") == scorm::Entry::Other);
  CHECK(scorm::parse_count("12") == std::size_t{12});
  CHECK(scorm::parse_count(" 0 ") == std::size_t{0});
  CHECK_FALSE(scorm::parse_count("-1"));
  CHECK_FALSE(scorm::parse_count("1e3"));
  CHECK_FALSE(scorm::parse_count("99999999999999"));
  CHECK_FALSE(scorm::parse_count(""));
}

// [SECTION] Resume from every kind of saved state
namespace {

CourseState strip_journal(CourseState st) {
  st.interactions.clear();
  return st;
}

// Commits `st` to a pretend LMS (what it would keep), then launches from it.
scorm::LmsResume round_trip(Version v, const Course& c, const CourseState& st) {
  const auto p = scorm::plan_commit(v, c, st, 10, {});
  scorm::LmsValues in;
  in.entry = "resume";
  in.suspend_data = value_of(p, "cmi.suspend_data");
  in.location = value_of(p, v == Version::Scorm12 ? "cmi.core.lesson_location" : "cmi.location");
  in.learner_id = st.learner_id;
  in.learner_name = "Kowalska, Anna";  // LMSes send "Last, First" in both versions
  in.language = "en-US";
  in.interaction_count = std::to_string(p.interactions.size());
  return scorm::parse_resume(c, in);
}

}  // namespace

TEST_CASE("scorm: resume restores exactly every kind of saved state, 1.2 and 2004", "[scorm]") {
  const Course c = test::make_course();
  std::vector<std::pair<std::string, CourseState>> states;
  CourseState st = fresh(c);
  states.emplace_back("fresh", st);
  const Module& m0 = c.modules.at(0);
  const Module& m1 = c.modules.at(1);
  view_page(st, c, m0.id, 1, st.started + 5);
  st.bookmark = {Screen::Lesson, m0.id, 1};
  states.emplace_back("mid-lesson", st);
  {
    auto q = begin_quiz(c, st, m0.id, st.started + 20);
    REQUIRE(q);
    q->answer(correct_response(q->current()));
    q->submit();
    record_answer(st, *q, 0, 4, st.started + 25);
    q->next();
    q->answer(blank_response(q->current()));
    save_quiz(st, *q, st.started + 26);
    st.bookmark = {Screen::Quiz, m0.id, 1};
    states.emplace_back("mid-quiz", st);
    while (!q->at_last()) q->next();
    finish_quiz(st, *q, st.started + 40);
  }
  if (m1.roleplay) {
    auto rp = begin_roleplay(c, st, m1.id, st.started + 50);
    REQUIRE(rp);
    rp->choose(0);
    record_choice(st, m1.id, *rp, 3, st.started + 55);
    st.bookmark = {Screen::RolePlay, m1.id, 0};
    states.emplace_back("mid-roleplay", st);
  }
  add_time(st, 321.25);
  states.emplace_back("time and partial progress", st);
  {
    CourseState done = st;
    Rng rng(21);
    std::int64_t now = done.started + 100;
    test::complete_course(c, done, rng, now, 1.0);
    done.bookmark = {Screen::Certificate, "", 0};
    states.emplace_back("completed and passed", done);
    CourseState failed = fresh(c);
    now = failed.started;
    test::complete_course(c, failed, rng, now, 0.0);
    failed.bookmark = {Screen::Results, "", 0};
    states.emplace_back("completed and failed", failed);
    CourseState mid_assessment = fresh(c);
    Rng r2(99);
    now = mid_assessment.started;
    for (int i = 0; i < 400 && !mid_assessment.assessment.in_progress; ++i) test::random_action(c, mid_assessment, r2, now);
    mid_assessment.bookmark = {Screen::Assessment, c.assessment.id, mid_assessment.assessment.current};
    states.emplace_back("random (mid-assessment if reached)", mid_assessment);
  }
  for (const auto& [label, saved] : states) {
    for (Version v : {Version::Scorm12, Version::Scorm2004}) {
      INFO(label << " / SCORM " << scorm::to_string(v));
      const scorm::LmsResume r = round_trip(v, c, saved);
      REQUIRE(r.state);
      CHECK(*r.state == strip_journal(saved));
      CHECK(r.entry == scorm::Entry::Resume);
      CHECK(r.learner_name == "Anna Kowalska");
      CHECK(r.language == "en");
      CHECK(r.notices.empty());
      // The browser's copy (the record, journal included) reconciles with it: same save, local wins.
      const LocalLoad local = decode_saved(c, to_record(c, saved));
      REQUIRE(local.state);
      CHECK(*local.state == saved);
      const auto rec = reconcile(r.state, local.state, saved.learner_id);
      CHECK(rec.source == Source::Local);
      CHECK(*rec.state == saved);
    }
  }
}

TEST_CASE("scorm: bad LMS data never crashes and never resumes garbage", "[scorm]") {
  const Course c = test::make_course();
  const CourseState st = fresh(c);
  const std::string good = encode_snapshot(c, st);
  {  // parse_resume reads both versions' launch values alike
    scorm::LmsValues in;
    in.entry = "resume";
    in.suspend_data = good;
    in.suspend_data[good.size() / 2] = in.suspend_data[good.size() / 2] == 'A' ? 'B' : 'A';
    auto r = scorm::parse_resume(c, in);
    CHECK_FALSE(r.state);
    CHECK(r.notices.size() == 1);
    in.suspend_data = "not a snapshot at all";
    CHECK_FALSE(scorm::parse_resume(c, in).state);
    in.suspend_data = std::string(70000, 'G');
    CHECK_FALSE(scorm::parse_resume(c, in).state);
    in.suspend_data = "";
    r = scorm::parse_resume(c, in);
    CHECK_FALSE(r.state);
    CHECK(r.notices.empty());
    CHECK(r.log.size() == 1);  // "resume" without data is logged
    in.suspend_data = good;
    in.location = "garbage:::";
    in.entry = "sideways";
    in.interaction_count = "lots";
    r = scorm::parse_resume(c, in);
    REQUIRE(r.state);
    CHECK(r.state->bookmark == st.bookmark);
    CHECK(r.entry == scorm::Entry::Other);
    CHECK(r.interaction_count == 0);
    CHECK(r.log.size() == 2);
  }
  // Random bytes everywhere.
  Rng rng(1234);
  for (int i = 0; i < 300; ++i) {
    scorm::LmsValues in;
    auto junk = [&rng](std::size_t n) {
      std::string s;
      for (std::size_t k = 0; k < n; ++k) s += static_cast<char>(rng.below(256));
      return s;
    };
    in.entry = junk(rng.below(12));
    in.suspend_data = i % 2 ? junk(rng.below(5000)) : "G1." + junk(rng.below(200));
    in.location = junk(rng.below(300));
    in.learner_name = junk(rng.below(300));
    in.language = junk(rng.below(20));
    in.interaction_count = junk(rng.below(5));
    const auto r = scorm::parse_resume(c, in);
    CHECK(r.learner_name.size() <= 200);
    CHECK_FALSE(r.state);
  }
}

// [SECTION] Local storage and reconciliation
TEST_CASE("scorm: saved progress in the browser: records, snapshots, damage", "[scorm]") {
  const Course c = test::make_course();
  CourseState st = fresh(c);
  Rng rng(8);
  std::int64_t now = st.started;
  for (int i = 0; i < 60; ++i) test::random_action(c, st, rng, now);

  auto rec = decode_saved(c, to_record(c, st));
  REQUIRE(rec.state);
  CHECK_FALSE(rec.damaged);
  CHECK(*rec.state == st);

  auto snap = decode_saved(c, encode_snapshot(c, st));
  REQUIRE(snap.state);
  CHECK(*snap.state == strip_journal(st));

  CHECK_FALSE(decode_saved(c, "").state);
  CHECK_FALSE(decode_saved(c, "   ").damaged);
  for (const std::string bad : {"{", "{\"format\":\"granice-record\"}", "G1.%%%", "hello", "[1,2]", "null"}) {
    INFO(bad);
    const auto r = decode_saved(c, bad);
    CHECK_FALSE(r.state);
    CHECK(r.damaged);
    CHECK_FALSE(r.message.empty());
  }
  // A record cut short (quota, crash) is damaged; nothing half-read is restored.
  const std::string record = to_record(c, st);
  const auto cut = decode_saved(c, record.substr(0, record.size() / 2));
  CHECK(cut.damaged);
  CHECK_FALSE(cut.state);
  // Another course's record under our key is not ours.
  Course other = c;
  other.id = "other-course";
  const auto foreign = decode_saved(c, to_record(other, new_state(other, "a", "b", "pl", 1, 1796112000)));
  CHECK(foreign.damaged);
  CHECK_FALSE(foreign.state);
  // Content updated since: restored through the snapshot, journal kept.
  Course updated = c;
  updated.version = "9.9.9";
  const auto moved = decode_saved(updated, record);
  REQUIRE(moved.state);
  CHECK(moved.state->interactions == st.interactions);
  CHECK(moved.state->course_version == "9.9.9");
}

TEST_CASE("scorm: reconcile picks the newer copy and never another learner's", "[scorm]") {
  const Course c = test::make_course();
  CourseState a = fresh(c);
  CourseState b = a;
  b.updated = a.updated + 60;
  b.total_time_seconds = 99;
  auto r = reconcile(a, b, "u-17");
  CHECK(r.source == Source::Local);
  CHECK(*r.state == b);
  r = reconcile(b, a, "u-17");
  CHECK(r.source == Source::Lms);
  CHECK(*r.state == b);
  r = reconcile(std::nullopt, a, "u-17");
  CHECK(r.source == Source::Local);
  r = reconcile(a, std::nullopt, "u-17");
  CHECK(r.source == Source::Lms);
  r = reconcile(std::nullopt, std::nullopt, "");
  CHECK(r.source == Source::None);
  CHECK_FALSE(r.state);
  CourseState stranger = b;
  stranger.learner_id = "someone-else";
  r = reconcile(a, stranger, "u-17");
  CHECK(r.source == Source::Lms);
  r = reconcile(std::nullopt, stranger, "u-17");
  CHECK(r.source == Source::None);
  CourseState anonymous = b;
  anonymous.learner_id = "local-0000abcd";  // standalone mode's id (LMS unreachable last time)
  r = reconcile(a, anonymous, "u-17");
  CHECK(r.source == Source::Local);
  r = reconcile(std::nullopt, stranger, "");  // standalone: any local copy is this browser's
  CHECK(r.source == Source::Local);
}
