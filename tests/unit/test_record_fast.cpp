// The fast record reader (core/record_fast.h) against from_record (core/record.h): on every
// text it either gives up or returns exactly from_record's state, and it never accepts a text
// from_record refuses. Simulated records of the real course (several seeds), records of the
// fixture course, and hand-made edge cases of syntax, types, limits and layout.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <functional>

#include "../fuzz/entries.h"
#include "core/loader.h"
#include "core/record.h"
#include "core/record_fast.h"
#include "core/rng.h"
#include "core/simulate.h"
#include "test_course_fixture.h"

using namespace granice;
using namespace granice::test;
using nlohmann::json;

namespace {

// Whether the fast reader reads 17-digit decimals itself (floating-point std::from_chars).
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
constexpr bool kExactDecimals = true;
#else
constexpr bool kExactDecimals = false;
#endif

const Course& real_course() {
  static const LoadResult loaded = load_course_folder(GRANICE_SOURCE_DIR "/quizzes");
  REQUIRE(loaded.ok());
  return loaded.course;
}

// A simulated learner whose record has every part filled: assessment answers, a journal,
// a finished role-play run with a rubric.
CourseState full_learner(const Course& c, std::uint64_t from = 0) {
  for (std::uint64_t i = from;; ++i) {
    CourseState st = simulate_learner(c, 42, i);
    const bool rubric = !st.modules.empty() && !st.modules[0].roleplay.last_rubric.empty() &&
                        !st.modules[0].roleplay.last_path.empty();
    if (!st.assessment.last_answers.empty() && !st.interactions.empty() && rubric) return st;
  }
}

CourseState without_journal(CourseState st) {
  st.interactions.clear();
  return st;
}

enum class Fast { MustAccept, MustGiveUp, Either };

// The contract, checked on one text: fast accepted => slow accepted with the same state
// (also with journal = false); plus what this case expects of the fast reader.
void agree(const std::string& text, Fast expect = Fast::Either) {
  const std::optional<CourseState> fast = read_record_fast(text);
  const std::optional<CourseState> lean = read_record_fast(text, false);
  const RecordResult slow = from_record(text);
  CHECK(fast.has_value() == lean.has_value());
  if (fast) {
    REQUIRE(slow.ok());
    CHECK(*fast == *slow.state);
    CHECK(std::signbit(fast->total_time_seconds) == std::signbit(slow.state->total_time_seconds));
  }
  if (lean && slow.ok()) CHECK(*lean == without_journal(*slow.state));
  if (expect == Fast::MustAccept) CHECK(fast.has_value());
  if (expect == Fast::MustGiveUp) CHECK_FALSE(fast.has_value());
}

// A record with text fields that need escaping and non-ASCII letters.
CourseState tricky_state(const Course& c) {
  CourseState st = full_learner(c, 2);
  st.learner_name = "Zofia \"Zosia\" Łęcka-Żółć \\ / \t\n ąęśćźżół 😀 \x7f";
  st.learner_id = std::string("id\x01\x1f", 4) + "end";
  st.language = "pl";
  return st;
}

std::string dump(const json& j, int indent = 2, bool ascii = false) {
  return j.dump(indent, ' ', ascii, json::error_handler_t::strict) + "\n";
}

// The same value with every object's members in reverse order (ordered_json keeps the order).
nlohmann::ordered_json reversed(const json& j) {
  if (j.is_object()) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
    for (auto k = keys.rbegin(); k != keys.rend(); ++k) out[*k] = reversed(j.at(*k));
    return out;
  }
  if (j.is_array()) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& e : j) out.push_back(reversed(e));
    return out;
  }
  return nlohmann::ordered_json::parse(j.dump());
}

std::string replace_first(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

// The text with the value of the first member `key` (a one-line value) replaced by `raw`.
std::string set_first(const std::string& text, const std::string& key, const std::string& raw) {
  const std::string k = "\"" + key + "\": ";
  const auto at = text.find(k);
  REQUIRE(at != std::string::npos);
  const auto from = at + k.size();
  const auto end = text.find(",\n", from);
  REQUIRE(end != std::string::npos);
  return text.substr(0, from) + raw + text.substr(end);
}


}  // namespace

TEST_CASE("fast record reader: simulated records of the real course read exactly as from_record", "[record_fast]") {
  const Course& c = real_course();
  int accepted = 0;
  for (std::uint64_t seed : {1ull, 42ull, 2024ull, 987654321ull}) {
    for (std::uint64_t i = 0; i < 12; ++i) {
      INFO("seed " << seed << " learner " << i);
      const std::string text = to_record(c, simulate_learner(c, seed, i));
      agree(text, Fast::MustAccept);
      accepted += read_record_fast(text).has_value();
    }
  }
  CHECK(accepted == 48);
}

TEST_CASE("fast record reader: records of the fixture course (random learners)", "[record_fast]") {
  const Course c = make_course();
  for (std::uint64_t seed = 1; seed <= 24; ++seed) {
    INFO("seed " << seed);
    Rng rng(seed);
    std::int64_t now = 1764577368;
    CourseState st = new_state(c, "emp-" + std::to_string(seed), "Łucja Ćwik", seed % 2 ? "pl" : "en", rng.next(), now);
    for (int i = 0, n = rng.range(0, 150); i < n; ++i) random_action(c, st, rng, now);
    if (seed % 3 == 0) complete_course(c, st, rng, now, 0.7);
    agree(to_record(c, st), kExactDecimals ? Fast::MustAccept : Fast::Either);  // scores like 0.16666666666666666
  }
}

TEST_CASE("fast record reader: escaped strings, surrogate pairs, Polish letters", "[record_fast]") {
  const Course& c = real_course();
  const CourseState st = tricky_state(c);
  const std::string text = to_record(c, st);
  agree(text, Fast::MustAccept);
  REQUIRE(read_record_fast(text));
  CHECK(read_record_fast(text)->learner_name == st.learner_name);
  CHECK(read_record_fast(text)->learner_id == st.learner_id);

  // Every non-ASCII character as \uXXXX (surrogate pairs for the emoji).
  const std::string ascii = dump(json::parse(text), 2, true);
  REQUIRE(ascii.find("\\ud83d\\ude00") != std::string::npos);
  agree(ascii, Fast::MustAccept);
  CHECK(read_record_fast(ascii)->learner_name == st.learner_name);

  // Escapes where no one would write them: in keys, in enum names, in dates.
  agree(replace_first(text, "\"learner\"", "\"le\\u0061rner\""), Fast::MustAccept);
  agree(replace_first(text, "\"format\": \"granice-record\"", "\"format\": \"granice\\u002drecord\""), Fast::MustAccept);
  agree(replace_first(text, "\"screen\": \"", "\"screen\": \"\\u0072"), Fast::MustGiveUp);  // "rresults" and the like
  agree(replace_first(text, "\"started\": \"20", "\"started\": \"\\u00320"), Fast::MustAccept);
  agree(replace_first(text, "\"language\": \"pl\"", "\"language\": \"p\\/l\\b\\f\\r\\u0000\""), Fast::MustAccept);
  agree(replace_first(text, "\"language\": \"pl\"", "\"language\": \"\\u0141\\u00f3d\\u017A\""), Fast::MustAccept);
  agree(replace_first(text, "\"language\": \"pl\"", "\"language\": \"\xF0\x9F\x98\x80\\uD83D\\uDE00\""), Fast::MustAccept);

  // Broken escapes and broken UTF-8: nlohmann refuses all of them.
  for (const char* bad : {"\\ud83d", "\\ud83dx", "\\ude00", "\\ud83d\\u0041", "\\u12", "\\u12G4", "\\x41", "\\",
                          "\xC0\x80", "\xC1\xBF", "\xED\xA0\x80", "\xE0\x80\xAF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80",
                          "\x80", "\xC3", "\xE2\x82", "\xF0\x9F\x98", "\x01", "\x1f", "\t"}) {
    INFO("bad: " << bad);
    const std::string t = replace_first(text, "\"language\": \"pl\"", std::string("\"language\": \"p") + bad + "l\"");
    agree(t, Fast::MustGiveUp);
    CHECK_FALSE(from_record(t).ok());
  }
}

TEST_CASE("fast record reader: numbers in every JSON form", "[record_fast]") {
  const Course& c = real_course();
  CourseState st = full_learner(c, 1);
  st.interactions.resize(2);  // a shorter text: the cases below parse it a few hundred times
  st.total_time_seconds = 1234.5;
  st.modules.at(0).quiz.best_score = 70.67;
  const std::string text = to_record(c, st);
  REQUIRE(text.find("\"total_time_seconds\": 1234.5,") != std::string::npos);
  auto with_time = [&](const std::string& v) {
    return replace_first(text, "\"total_time_seconds\": 1234.5,", "\"total_time_seconds\": " + v + ",");
  };
  for (const char* same : {"1.2345e3", "1.2345E+3", "12345e-1", "1234.50000", "0.0012345e6", "1234.5e0", "123450E-2"}) {
    INFO(same);
    agree(with_time(same), Fast::MustAccept);
    CHECK(read_record_fast(with_time(same))->total_time_seconds == 1234.5);
  }
  // Integers and zeros: "-0" is the integer 0 to nlohmann (+0.0), "-0.0" a negative zero.
  for (const char* v : {"0", "-0", "0.0", "-0.0", "-0e5", "1e12", "1000000000000", "5e-324", "0.30000000000000004",
                        "3.141592653589793", "1e-7", "123456789012.25", "7"}) {
    INFO(v);
    agree(with_time(v), Fast::Either);
  }
  for (const char* v : {"0.16666666666666666666666", "1234.50000000000000000000", "1234.4999999999999999999999",
                        "99999999999.999999999999"}) {
    INFO(v);
    agree(with_time(v), kExactDecimals ? Fast::MustAccept : Fast::Either);
  }
  // Doubles as nlohmann writes them (the shortest text that reads back, often 17 digits).
  Rng rng(7);
  for (int i = 0; i < 150; ++i) {
    const double t = static_cast<double>(rng.next() >> 11) * 0x1p-53 * std::pow(10.0, rng.range(-8, 11));
    const double b = static_cast<double>(rng.next() >> 11) * 0x1p-53 * 100.0;
    const std::string v = set_first(with_time(json(t).dump()), "best_score", json(b).dump());
    INFO(json(t).dump() << " " << json(b).dump());
    agree(v, kExactDecimals ? Fast::MustAccept : Fast::Either);
    if (kExactDecimals) {
      CHECK(read_record_fast(v)->total_time_seconds == t);
      CHECK(read_record_fast(v)->assessment.best_score == b);
    }
  }
  agree(with_time("0.1"), Fast::MustAccept);
  agree(with_time("-0"), Fast::MustAccept);
  agree(with_time("-0.0"), Fast::MustAccept);
  CHECK_FALSE(std::signbit(read_record_fast(with_time("-0"))->total_time_seconds));
  CHECK(std::signbit(read_record_fast(with_time("-0.0"))->total_time_seconds));
  // Out of range, not numbers, not JSON numbers: refused by both.
  for (const char* v : {"-1", "1.0000001e12", "1e400", "-1e400", "01", "1.", ".5", "+1", "1e", "1e+", "0x10", "NaN",
                        "Infinity", "\"12\"", "null", "true", "--1", "1.5.3", "1 2"}) {
    INFO(v);
    agree(with_time(v), Fast::MustGiveUp);
    CHECK_FALSE(from_record(with_time(v)).ok());
  }
  // A number nobody reads is still a JSON number: nlohmann refuses one that overflows a double.
  auto skipped = [&](const std::string& v) { return replace_first(text, "{", "{\"skipped\": [" + v + "],"); };
  for (const char* v : {"1e400", "-1e400", "1e309", "10e308"}) {
    INFO("skipped " << v);
    CHECK_FALSE(from_record(skipped(v)).ok());
    agree(skipped(v), Fast::MustGiveUp);
  }
  for (const char* v : {"1e307", "-9.99e307", "5e-324", "1e-400", "0.30000000000000004", "123456789012345678", "-0"}) {
    INFO("skipped " << v);
    agree(skipped(v), Fast::MustAccept);
  }
  agree(skipped("1.7e308"), Fast::Either);
  // Integer members: no fraction, no exponent, within range.
  REQUIRE(text.find("\"format_version\": 1,") != std::string::npos);
  for (const char* v : {"1.0", "1e0", "10e-1", "\"1\"", "2", "-1"}) {
    INFO("format_version " << v);
    agree(replace_first(text, "\"format_version\": 1,", std::string("\"format_version\": ") + v + ","), Fast::MustGiveUp);
  }
  const json j = json::parse(text);
  json k = j;
  k["bookmark"]["index"] = 3.0;
  agree(dump(k), Fast::MustGiveUp);
  CHECK_FALSE(from_record(dump(k)).ok());
  k["bookmark"]["index"] = -1;
  agree(dump(k), Fast::MustGiveUp);
  k["bookmark"]["index"] = 1u << 30;
  agree(dump(k), Fast::MustAccept);
  k["bookmark"]["index"] = (1u << 30) + 1;
  agree(dump(k), Fast::MustGiveUp);
  agree(replace_first(text, "\"index\": ", "\"index\": -0 ,\"x\":"), Fast::MustAccept);
  agree(replace_first(text, "\"index\": ", "\"index\": 18446744073709551616, \"y\":"), Fast::Either);
}

TEST_CASE("fast record reader: layout, member order and unknown members do not matter", "[record_fast]") {
  const Course& c = real_course();
  const std::string text = to_record(c, full_learner(c, 7));
  const json j = json::parse(text);
  agree(dump(j, -1), Fast::MustAccept);   // compact
  agree(dump(j, 0), Fast::MustAccept);    // newlines only
  agree(dump(j, 7), Fast::MustAccept);
  agree(j.dump(1, '\t') + "\n", Fast::MustAccept);
  std::string crlf;
  for (char ch : text) crlf += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
  agree(crlf, Fast::MustAccept);
  agree(" \t\r\n" + text + " \t\r\n\r\n", Fast::MustAccept);
  agree(reversed(j).dump(2) + "\n", Fast::MustAccept);
  agree(reversed(j).dump() , Fast::MustAccept);

  json extra = j;
  extra["extra"] = {{"deep", {1, 2.5, "x", nullptr, true, false, {{"a", json::array()}}, json::object()}}};
  extra["modules"][0]["note"] = "hello";
  extra["modules"][0]["quiz"]["answers"] = json::array();
  extra["assessment"]["last_answers"][0]["comment"] = {{"x", 1}};
  extra["interactions"][0]["extra"] = json::array({1, 2});
  extra["course"]["vendor"] = "Ł";
  agree(dump(extra), Fast::MustAccept);
  json derived = j;  // the fields written for people are ignored when reading, whatever they hold
  derived["completion_status"] = 5;
  derived["score"] = "high";
  derived["objectives"] = nullptr;
  derived["roleplays"] = {{"x", 1}};
  derived["snapshot"] = 12;
  agree(dump(derived), Fast::MustAccept);
  json snap = j;
  snap["snapshot"] = std::string(5000, 'a');  // too long: ignored by from_record too
  agree(dump(snap), Fast::MustAccept);
  json opt = j;  // optional members: absent, present and empty
  for (auto& a : opt["assessment"]["last_answers"]) {
    a.erase("selected");
    a["order"] = json::array();
  }
  agree(dump(opt), Fast::MustAccept);
}

TEST_CASE("fast record reader: gives up on duplicate members (nlohmann keeps the last)", "[record_fast]") {
  const Course& c = real_course();
  const std::string text = to_record(c, full_learner(c, 3));
  REQUIRE(text.front() == '{');
  for (const char* dup : {"\"language\": \"en\",", "\"format\": \"granice-record\",", "\"modules\": [],",
                          "\"total_time_seconds\": 3,", "\"assessment\": {},"}) {
    INFO(dup);
    agree("{" + std::string(dup) + text.substr(1), Fast::MustGiveUp);
  }
  agree(replace_first(text, "\"id\": \"granice\"", "\"id\": \"x\", \"id\": \"granice\""), Fast::MustGiveUp);
  agree(replace_first(text, "\"submitted\": true", "\"submitted\": false, \"submitted\": true"), Fast::MustGiveUp);
  agree(replace_first(text, "\"reply\": ", "\"reply\": \"x\", \"reply\": "), Fast::MustGiveUp);
  agree(replace_first(text, "\"reply\": ", "\"choice\": 0, \"reply\": "), Fast::MustGiveUp);  // old and new name at once
  // Unknown members may repeat: from_record ignores them either way.
  agree(replace_first(text, "{", "{\"x\": 1, \"x\": 2,"), Fast::MustAccept);
  // A rubric criterion given twice.
  const std::size_t r = text.find("\"rubric\": {\n");
  REQUIRE(r != std::string::npos);
  const std::size_t q = text.find('"', r + 11);
  const std::string crit = text.substr(q, text.find('"', q + 1) - q + 1);
  const std::string twice = text.substr(0, r + 11) + crit + ": {\"score\": 1}," + text.substr(r + 11);
  CHECK(from_record(twice).ok());
  agree(twice, Fast::MustGiveUp);
}

TEST_CASE("fast record reader: gives up on what from_record refuses", "[record_fast]") {
  const Course& c = real_course();
  CourseState st = full_learner(c, 4);
  st.interactions.resize(2);  // a shorter text: the cases below parse it a few hundred times
  const std::string text = to_record(c, st);
  const json j = json::parse(text);

  // Truncated anywhere (and a few bytes appended).
  for (std::size_t cut = 0; cut < text.size(); cut += text.size() / 61 + 1) {
    INFO("cut at " << cut);
    agree(text.substr(0, cut), Fast::MustGiveUp);
  }
  agree(text.substr(0, text.size() - 2), Fast::MustGiveUp);
  for (const char* tail : {"x", "{}", ",", "]", "\""}) agree(text + tail, Fast::MustGiveUp);
  agree(text + std::string(1, '\0'), Fast::MustGiveUp);
  agree("", Fast::MustGiveUp);
  agree("[]", Fast::MustGiveUp);
  agree("null", Fast::MustGiveUp);
  agree("\xEF\xBB\xBF" + text, Fast::Either);  // a BOM: nlohmann skips it, the fast reader leaves it to nlohmann

  // Wrong types, values out of range, missing members.
  std::vector<std::function<void(json&)>> breakers = {
      [](json& r) { r["learner"]["id"] = 5; },
      [](json& r) { r["learner"] = "x"; },
      [](json& r) { r["learner"].erase("name"); },
      [](json& r) { r.erase("course"); },
      [](json& r) { r["course"]["version"] = nullptr; },
      [](json& r) { r["seed"] = "12a"; },
      [](json& r) { r["seed"] = ""; },
      [](json& r) { r["seed"] = "18446744073709551616"; },
      [](json& r) { r["seed"] = 12; },
      [](json& r) { r.erase("seed"); },
      [](json& r) { r["format"] = "granice-recorD"; },
      [](json& r) { r.erase("format"); },
      [](json& r) { r["format_version"] = 2; },
      [](json& r) { r["started"] = "2026-02-30T00:00:00Z"; },
      [](json& r) { r["updated"] = 1700000000; },
      [](json& r) { r["bookmark"]["screen"] = "nowhere"; },
      [](json& r) { r["bookmark"]["screen"] = nullptr; },
      [](json& r) { r["modules"] = json::object(); },
      [](json& r) { r["modules"][0] = 1; },
      [](json& r) { r["modules"][0].erase("quiz"); },
      [](json& r) { r["modules"][0]["lesson"]["completed"] = "yes"; },
      [](json& r) { r["modules"][0]["lesson"]["pages_seen"] = 2.5; },
      [](json& r) { r["modules"][0]["quiz"]["best_score"] = 100.5; },
      [](json& r) { r["modules"][0]["quiz"]["best_score"] = "50"; },
      [](json& r) { r["modules"][0]["quiz"].erase("last_score"); },
      [](json& r) { r["modules"][0]["quiz"]["answers"] = nullptr; },
      [](json& r) { r["modules"][0]["roleplay"]["best_outcome"] = "great"; },
      [](json& r) { r["modules"][0]["roleplay"]["best_outcome"] = 1; },
      [](json& r) { r["modules"][0]["roleplay"].erase("last"); },
      [](json& r) { r["modules"][0]["roleplay"]["last"] = json::array(); },
      [](json& r) { r["modules"][0]["roleplay"]["path"] = {{{"node", "n1"}}}; },
      [](json& r) { r["modules"][0]["roleplay"]["path"] = {{{"choice", 256}}}; },
      [](json& r) { r["modules"][0]["roleplay"]["path"] = {3}; },
      [](json& r) { r["modules"][0]["roleplay"]["last"] = {{"path", json::array()}, {"ending", "e"}, {"rubric", {{"a", 1}}}}; },
      [](json& r) { r["modules"][0]["roleplay"]["last"] = {{"path", json::array()}, {"ending", "e"}, {"rubric", {{"a", {{"score", 1000001}}}}}}; },
      [](json& r) { r["modules"][0]["roleplay"]["last"] = {{"path", json::array()}, {"ending", "e"}}; },
      [](json& r) { r["assessment"]["last_answers"][0]["selected"] = {256}; },
      [](json& r) { r["assessment"]["last_answers"][0]["selected"] = {-1}; },
      [](json& r) { r["assessment"]["last_answers"][0]["match"] = {-2}; },
      [](json& r) { r["assessment"]["last_answers"][0]["order"] = "0,1"; },
      [](json& r) { r["assessment"]["last_answers"][0]["selected"] = nullptr; },
      [](json& r) { r["assessment"]["last_answers"][0].erase("submitted"); },
      [](json& r) { r["assessment"]["last_answers"][0] = "a"; },
      [](json& r) { r["interactions"][0]["type"] = "essay"; },
      [](json& r) { r["interactions"][0]["result"] = "maybe"; },
      [](json& r) { r["interactions"][0]["score"] = 1.5; },
      [](json& r) { r["interactions"][0]["latency_seconds"] = -1; },
      [](json& r) { r["interactions"][0]["correct_responses"] = {1}; },
      [](json& r) { r["interactions"][0]["correct_responses"] = json::array({"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q"}); },
      [](json& r) { r["interactions"][0].erase("timestamp"); },
      [](json& r) { r["interactions"] = json::object(); },
      [](json& r) { r["interactions"][0] = nullptr; },
  };
  for (std::size_t i = 0; i < breakers.size(); ++i) {
    INFO("breaker " << i);
    json b = j;
    breakers[i](b);
    const std::string t = dump(b);
    CHECK_FALSE(from_record(t).ok());
    agree(t, Fast::MustGiveUp);
  }
}

TEST_CASE("fast record reader: nesting and size limits are the same as from_record's", "[record_fast]") {
  const Course& c = real_course();
  const std::string text = to_record(c, full_learner(c, 5));
  auto nested = [&](int levels) {  // an unknown member at depth 2 holding `levels` more arrays
    return replace_first(text, "{", "{\"deep\": " + std::string(static_cast<std::size_t>(levels), '[') +
                                        std::string(static_cast<std::size_t>(levels), ']') + ",");
  };
  agree(nested(31), Fast::MustAccept);  // depth 32
  agree(nested(32), Fast::MustGiveUp);  // depth 33: "nested too deeply"
  CHECK_FALSE(from_record(nested(32)).ok());
  agree(nested(2000), Fast::MustGiveUp);

  CourseState st = full_learner(c, 5);
  st.learner_name = std::string(4096, 'x');
  agree(to_record(c, st), Fast::MustAccept);
  st.learner_name = std::string(4094, 'x') + "ł";  // 4096 bytes
  agree(to_record(c, st), Fast::MustAccept);
  st.learner_name = std::string(4097, 'x');
  agree(to_record(c, st), Fast::MustGiveUp);
  // The limit counts bytes once unescaped: 2048 x "\u0142" is 4096 bytes of "ł".
  std::string escaped;
  for (int i = 0; i < 2048; ++i) escaped += "\\u0142";
  agree(set_first(text, "language", "\"" + escaped + "\""), Fast::MustAccept);
  agree(set_first(text, "language", "\"" + escaped + "a\""), Fast::MustGiveUp);
  // Larger than any record: refused unread.
  agree(replace_first(text, "{", "{\"pad\": \"" + std::string(kRecordMaxBytes, ' ') + "\","), Fast::MustGiveUp);
}

TEST_CASE("fast record reader: random damage never makes it accept what from_record refuses", "[record_fast]") {
  FixtureOptions o;
  o.modules = 2;
  o.questions = 3;
  o.bank = 4;
  o.draw = 3;
  const Course c = make_course(o);
  Rng gen(11);
  std::int64_t now = 1764577368;
  CourseState st = new_state(c, "e1", "Ewa Żak", "pl", 9, now);
  complete_course(c, st, gen, now, 0.6);
  const std::string text = to_record(c, st);
  const char alphabet[] = "{}[]\":,.-+eE0123456789 \\/ntfu\x80\xC3\xB3\x01";
  Rng rng(2026);
  int accepted_fast = 0;
  for (int round = 0; round < 600; ++round) {
    std::string t = text;
    for (int k = 0, n = rng.range(1, 3); k < n; ++k) {
      const auto at = static_cast<std::size_t>(rng.range(0, static_cast<int>(t.size()) - 1));
      const char ch = alphabet[rng.range(0, static_cast<int>(sizeof alphabet) - 2)];
      switch (rng.range(0, 2)) {
        case 0: t[at] = ch; break;
        case 1: t.insert(at, 1, ch); break;
        default: t.erase(at, 1); break;
      }
    }
    INFO("round " << round);
    agree(t);
    accepted_fast += read_record_fast(t).has_value();
  }
  CHECK(accepted_fast > 0);  // some damage falls in ignored fields or whitespace
}

TEST_CASE("fast record reader: the fuzz seed and regression inputs", "[record_fast][fuzz]") {
  for (const auto& seed : fuzz::seeds("record")) agree(seed.bytes, Fast::MustAccept);
  const auto saved = fuzz::regression_inputs("record");
  for (const auto& input : saved) {
    INFO(input.name);
    agree(input.bytes);
  }
  SUCCEED("replayed " << saved.size() << " saved record input(s)");
}
