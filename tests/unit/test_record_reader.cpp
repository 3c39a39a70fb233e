// The record reader (from_record, core/state/record.h): one strict pass over the text, driven by the
// same field tables as to_record. Simulated records of the real course (several seeds) and of
// the fixture course read back exactly, with and without the journal; hand-made edge cases of
// syntax, numbers, types, limits and layout are read or refused with the JSON pointer of the
// problem; its JSON is nlohmann's (what it calls invalid, nlohmann refuses, and the reverse).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <functional>

#include "../fuzz/entries.h"
#include "core/content/loader.h"
#include "core/state/record.h"
#include "core/engines/rng.h"
#include "core/engines/simulate.h"
#include "test_course_fixture.h"

using namespace granice;
using namespace granice::test;
using nlohmann::json;

namespace {

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

std::string all_errors(const RecordResult& r) {
  std::string all;
  for (const auto& e : r.errors) all += e + "\n";
  return all;
}

// Reads the text with and without the journal: the same verdict and errors, the same progress.
RecordResult read(const std::string& text) {
  RecordResult r = from_record(text);
  const RecordResult lean = from_record(text, false);
  CHECK(lean.errors == r.errors);
  REQUIRE(lean.ok() == r.ok());
  if (r.ok()) CHECK(*lean.state == without_journal(*r.state));
  // Its JSON is nlohmann's (nesting and size limits aside).
  const bool invalid = !r.errors.empty() && r.errors[0].find(": not valid JSON") != std::string::npos;
  const bool limits = !r.errors.empty() && (r.errors[0].find("nested too deeply") != std::string::npos ||
                                            r.errors[0].find("too large") != std::string::npos);
  // nlohmann stops at a NUL byte after the value; the reader refuses anything after it.
  const bool nul_after = invalid && text.find('\0') != std::string::npos;
  if (!limits && !nul_after) CHECK(invalid == !json::accept(text));
  return r;
}

// The text is read, to `expected` when given.
CourseState accepted(const std::string& text, const std::optional<CourseState>& expected = std::nullopt) {
  const RecordResult r = read(text);
  INFO(all_errors(r));
  REQUIRE(r.ok());
  if (expected) {
    CHECK(*r.state == *expected);
    CHECK(std::signbit(r.state->total_time_seconds) == std::signbit(expected->total_time_seconds));
  }
  return *r.state;
}

// The text is refused, and the first error contains `error` (when given).
void refused(const std::string& text, const std::string& error = {}) {
  const RecordResult r = read(text);
  REQUIRE_FALSE(r.ok());
  REQUIRE_FALSE(r.errors.empty());
  INFO(all_errors(r));
  if (!error.empty()) CHECK(r.errors[0].find(error) != std::string::npos);
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

TEST_CASE("record reader: simulated records of the real course read back exactly", "[record_reader]") {
  const Course& c = real_course();
  for (std::uint64_t seed : {1ull, 42ull, 2024ull, 987654321ull}) {
    for (std::uint64_t i = 0; i < 12; ++i) {
      INFO("seed " << seed << " learner " << i);
      const CourseState st = simulate_learner(c, seed, i);
      const std::string text = to_record(c, st);
      accepted(text, st);
      CHECK(to_record(c, accepted(text)) == text);
    }
  }
}

TEST_CASE("record reader: records of the fixture course (random learners)", "[record_reader]") {
  const Course c = make_course();
  for (std::uint64_t seed = 1; seed <= 24; ++seed) {
    INFO("seed " << seed);
    Rng rng(seed);
    std::int64_t now = 1764577368;
    CourseState st = new_state(c, "emp-" + std::to_string(seed), "Łucja Ćwik", seed % 2 ? "pl" : "en", rng.next(), now);
    for (int i = 0, n = rng.range(0, 150); i < n; ++i) random_action(c, st, rng, now);
    if (seed % 3 == 0) complete_course(c, st, rng, now, 0.7);
    accepted(to_record(c, st), st);  // scores like 0.16666666666666666 read to the same double
  }
}

TEST_CASE("record reader: escaped strings, surrogate pairs, Polish letters", "[record_reader]") {
  const Course& c = real_course();
  const CourseState st = tricky_state(c);
  const std::string text = to_record(c, st);
  accepted(text, st);

  // Every non-ASCII character as \uXXXX (surrogate pairs for the emoji).
  const std::string ascii = dump(json::parse(text), 2, true);
  REQUIRE(ascii.find("\\ud83d\\ude00") != std::string::npos);
  accepted(ascii, st);

  // Escapes where no one would write them: in keys, in enum names, in dates.
  accepted(replace_first(text, "\"learner\"", "\"le\\u0061rner\""), st);
  accepted(replace_first(text, "\"format\": \"granice-record\"", "\"format\": \"granice\\u002drecord\""), st);
  refused(replace_first(text, "\"screen\": \"", "\"screen\": \"\\u0072"), "/bookmark/screen: unknown value \"r");
  accepted(replace_first(text, "\"started\": \"20", "\"started\": \"\\u00320"), st);
  CHECK(accepted(replace_first(text, "\"language\": \"pl\"", "\"language\": \"p\\/l\\b\\f\\r\\u0000\"")).language ==
        std::string("p/l\b\f\r\0", 7));
  CHECK(accepted(replace_first(text, "\"language\": \"pl\"", "\"language\": \"\\u0141\\u00f3d\\u017A\"")).language == "Łódź");
  CHECK(accepted(replace_first(text, "\"language\": \"pl\"", "\"language\": \"\xF0\x9F\x98\x80\\uD83D\\uDE00\"")).language ==
        "😀😀");

  // Broken escapes and broken UTF-8: nlohmann refuses all of them, and so does the reader.
  for (const char* bad : {"\\ud83d", "\\ud83dx", "\\ude00", "\\ud83d\\u0041", "\\u12", "\\u12G4", "\\x41", "\\",
                          "\xC0\x80", "\xC1\xBF", "\xED\xA0\x80", "\xE0\x80\xAF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80",
                          "\x80", "\xC3", "\xE2\x82", "\xF0\x9F\x98", "\x01", "\x1f", "\t"}) {
    INFO("bad: " << bad);
    refused(replace_first(text, "\"language\": \"pl\"", std::string("\"language\": \"p") + bad + "l\""),
            "/language: not valid JSON (line ");
  }
}

TEST_CASE("record reader: strings and white space at every position of an eight-byte word", "[record_reader]") {
  const Course& c = real_course();
  CourseState st = full_learner(c, 2);
  st.interactions.resize(1);
  const std::string text = to_record(c, st);
  // Each special byte sequence after 0..17 plain bytes and before a few more: read as nlohmann
  // reads it, or refused where nlohmann refuses it.
  for (const std::string& special : std::vector<std::string>{"\\\"", "\\\\", "\\n", "\\u0141", "\xC5\x81", "\xF0\x9F\x98\x80", "\x7f", "~",
                                    "\x01", "\x1f", "\"", "\xC5", "\xFF", std::string(1, '\0')}) {
    for (std::size_t before = 0; before < 18; ++before) {
      for (std::size_t after : {0, 1, 7, 9}) {
        const std::string value = std::string(before, 'a') + special + std::string(after, 'b');
        const std::string t = set_first(text, "language", "\"" + value + "\"");
        INFO("before " << before << " after " << after << " special " << json(special).dump(-1, ' ', true, json::error_handler_t::replace));
        const RecordResult r = read(t);
        if (json::accept(t)) CHECK(r.state->language == json::parse(t)["language"].get<std::string>());
        else CHECK(r.errors.at(0).find(": not valid JSON (line ") != std::string::npos);  // a bare quote ends the string early
      }
    }
  }
  // White space of every kind and length between members and around values.
  Rng rng(3);
  for (int round = 0; round < 200; ++round) {
    std::string t;
    bool in_string = false, escaped = false;
    for (char ch : text) {
      if (in_string) {
        in_string = escaped || ch != '"';
        escaped = !escaped && ch == '\\';
      } else {
        in_string = ch == '"';
      }
      if (in_string || (ch != '\n' && ch != ' ')) {
        t += ch;
        continue;
      }
      const char* ws = " \n\r\t";
      for (int n = rng.range(0, round % 20); n > 0; --n) t += ws[rng.range(0, 3)];
    }
    INFO("round " << round);
    accepted(t, st);
  }
}

TEST_CASE("record reader: numbers in every JSON form", "[record_reader]") {
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
  // The same value written in other ways.
  for (const char* same : {"1.2345e3", "1.2345E+3", "12345e-1", "1234.50000", "0.0012345e6", "1234.5e0", "123450E-2",
                           "1234.50000000000000000000", "1234.4999999999999999999999999"}) {
    INFO(same);
    accepted(with_time(same), st);
  }
  // Each to the double nlohmann reads. "-0" is the integer 0 to nlohmann (+0.0), "-0.0" a negative zero.
  for (const char* v : {"0", "-0", "0.0", "-0.0", "-0e5", "1e12", "1000000000000", "5e-324", "1e-400", "-1e-400",
                        "0.30000000000000004", "3.141592653589793", "1e-7", "123456789012.25", "7",
                        "0.16666666666666666666666", "99999999999.999999999999", "2.2250738585072011e-308",
                        "4.9406564584124654e-324", "0.1e-2", "100000000000.00000000000000000000001"}) {
    INFO(v);
    const double expected = json::parse(v).get<double>();
    const double got = accepted(with_time(v)).total_time_seconds;
    CHECK(got == expected);
    CHECK(std::signbit(got) == std::signbit(expected));
  }
  // Doubles as nlohmann writes them (the shortest text that reads back, often 17 digits).
  Rng rng(7);
  for (int i = 0; i < 150; ++i) {
    const double t = static_cast<double>(rng.next() >> 11) * 0x1p-53 * std::pow(10.0, rng.range(-8, 11));
    const double b = static_cast<double>(rng.next() >> 11) * 0x1p-53 * 100.0;
    INFO(json(t).dump() << " " << json(b).dump());
    const CourseState r = accepted(set_first(with_time(json(t).dump()), "best_score", json(b).dump()));
    CHECK(r.total_time_seconds == t);
    CHECK(r.assessment.best_score == b);
  }
  // Out of range.
  for (const char* v : {"-1", "1.0000001e12", "1e13", "-1e-300", "18446744073709551616", "1e400"}) {
    INFO(v);
    refused(with_time(v), v == std::string("1e400") ? "/total_time_seconds: not valid JSON" : "/total_time_seconds: expected a number from 0 to 1000000000000");
  }
  // Not numbers, or not JSON numbers.
  for (const char* v : {"\"12\"", "null", "true"}) refused(with_time(v), "/total_time_seconds: expected a number");
  for (const char* v : {"01", "1.", ".5", "+1", "1e", "1e+", "0x10", "NaN", "Infinity", "--1", "1.5.3", "1 2", "-"}) {
    INFO(v);
    refused(with_time(v), "not valid JSON (line ");
  }
  // A number nobody reads is still a JSON number: nlohmann refuses one that overflows a double.
  auto skipped = [&](const std::string& v) { return replace_first(text, "{", "{\"skipped\": [" + v + "],"); };
  for (const char* v : {"1e400", "-1e400", "1e309", "10e308", "1.8e308", "179769313486231590000e288"}) {
    INFO("skipped " << v);
    refused(skipped(v), "/skipped: not valid JSON (line 1, column 14)");
  }
  for (const char* v : {"1e307", "-9.99e307", "1.7e308", "1.7976931348623157e308", "17976931348623157e292", "5e-324",
                        "1e-400", "0e99999999999", "1e-99999999999", "0.30000000000000004", "123456789012345678",
                        "123456789012345678901234567890", "-0"}) {
    INFO("skipped " << v);
    accepted(skipped(v), st);
  }
  // Integer members: no fraction, no exponent, within range.
  REQUIRE(text.find("\"format_version\": 1,") != std::string::npos);
  for (const char* v : {"1.0", "1e0", "10e-1", "\"1\"", "2", "-1", "null"}) {
    INFO("format_version " << v);
    const std::string t = replace_first(text, "\"format_version\": 1,", std::string("\"format_version\": ") + v + ",");
    refused(t, "/format_version: unsupported record version (this build reads version 1)");
    CHECK(from_record(t).errors.size() == 1);
  }
  const json j = json::parse(text);
  json k = j;
  k["bookmark"]["index"] = 3.0;
  refused(dump(k), "/bookmark/index: expected an integer from 0 to 1073741824");
  k["bookmark"]["index"] = -1;
  refused(dump(k), "/bookmark/index: expected an integer from 0 to 1073741824");
  k["bookmark"]["index"] = 1u << 30;
  CHECK(accepted(dump(k)).bookmark.index == 1 << 30);
  k["bookmark"]["index"] = (1u << 30) + 1;
  refused(dump(k), "/bookmark/index: expected an integer");
  CHECK(accepted(replace_first(text, "\"index\": ", "\"index\": -0 ,\"x\":")).bookmark.index == 0);
  refused(replace_first(text, "\"index\": ", "\"index\": 18446744073709551616, \"y\":"), "/bookmark/index: expected an integer");
  refused(replace_first(text, "\"index\": ", "\"index\": 9223372036854775808, \"y\":"), "/bookmark/index: expected an integer");
}

TEST_CASE("record reader: layout, member order and unknown members do not matter", "[record_reader]") {
  const Course& c = real_course();
  const CourseState st = full_learner(c, 7);
  const std::string text = to_record(c, st);
  const json j = json::parse(text);
  accepted(dump(j, -1), st);  // compact
  accepted(dump(j, 0), st);   // newlines only
  accepted(dump(j, 7), st);
  accepted(j.dump(1, '\t') + "\n", st);
  std::string crlf;
  for (char ch : text) crlf += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
  accepted(crlf, st);
  accepted(" \t\r\n" + text + " \t\r\n\r\n", st);
  accepted("\xEF\xBB\xBF" + text, st);  // a UTF-8 BOM, as nlohmann skips it
  accepted(reversed(j).dump(2) + "\n", st);
  accepted(reversed(j).dump(), st);

  json extra = j;
  extra["extra"] = {{"deep", {1, 2.5, "x", nullptr, true, false, {{"a", json::array()}}, json::object()}}};
  extra["modules"][0]["note"] = "hello";
  extra["assessment"]["last_answers"][0]["comment"] = {{"x", 1}};
  extra["interactions"][0]["extra"] = json::array({1, 2});
  extra["course"]["vendor"] = "Ł";
  accepted(dump(extra), st);
  accepted(replace_first(text, "{", "{\"x\": 1, \"x\": 2,"), st);  // unknown members may repeat
  json derived = j;  // the fields written for people are ignored when reading, whatever they hold
  derived["completion_status"] = 5;
  derived["score"] = "high";
  derived["objectives"] = nullptr;
  derived["roleplays"] = {{"x", 1}};
  derived["modules"][0]["status"] = {1, 2};
  derived["modules"][0]["lesson"]["pages"] = "many";
  derived["modules"][0]["roleplay"]["last"]["outcome"] = 3;
  derived["assessment"]["draw"] = json::object();
  derived["snapshot"] = 12;
  accepted(dump(derived), st);
  CHECK(from_record(dump(derived)).snapshot.empty());
  json snap = j;
  snap["snapshot"] = std::string(5000, 'a');  // too long for suspend_data: ignored
  CHECK(from_record(dump(snap)).snapshot.empty());
  accepted(dump(snap), st);
  CHECK(from_record(text).snapshot == j["snapshot"].get<std::string>());
  json opt = j;  // optional members: absent, present and empty
  for (auto& a : opt["assessment"]["last_answers"]) {
    a.erase("selected");
    a["order"] = json::array();
  }
  const CourseState o = accepted(dump(opt));
  for (const auto& a : o.assessment.last_answers) CHECK(a.response.selected.empty());
  json nosnap = j;
  nosnap.erase("snapshot");
  accepted(dump(nosnap), st);
}

TEST_CASE("record reader: role-play steps by reply id, or by index as the first release wrote them", "[record_reader]") {
  const Course& c = real_course();
  const CourseState st = full_learner(c, 3);
  json j = json::parse(to_record(c, st));
  json& path = j["modules"][0]["roleplay"]["last"]["path"];
  REQUIRE(path.size() >= 1);
  path[0] = {{"node", "n1"}, {"choice", 1}};
  CHECK(accepted(dump(j)).modules[0].roleplay.last_path[0] == "#1");
  path[0] = {{"choice", 256}};
  refused(dump(j), "/modules/0/roleplay/last/path/0/choice: expected an integer from 0 to 255");
  path[0] = {{"node", "n1"}};
  refused(dump(j), "/modules/0/roleplay/last/path/0/reply: missing");
  // Not both (nlohmann writes "choice" first, so "reply" is the second).
  path[0] = {{"reply", "a"}, {"choice", 0}};
  refused(dump(j), "/modules/0/roleplay/last/path/0/reply: given together with \"choice\"");
  const std::string reply_first = "{\"reply\": \"a\", \"choice\": 0}";
  path[0] = "STEP";
  refused(replace_first(dump(j), "\"STEP\"", reply_first), "/modules/0/roleplay/last/path/0/choice: given together with \"reply\"");
}

TEST_CASE("record reader: a member given twice is refused", "[record_reader]") {
  const Course& c = real_course();
  const std::string text = to_record(c, full_learner(c, 3));
  REQUIRE(text.front() == '{');
  for (const auto& [dup, name] : std::vector<std::pair<std::string, std::string>>{
           {"\"language\": \"en\",", "language"},
           {"\"format\": \"granice-record\",", "format"},
           {"\"modules\": [],", "modules"},
           {"\"total_time_seconds\": 3,", "total_time_seconds"},
           {"\"assessment\": {},", "assessment"}}) {
    INFO(dup);
    const RecordResult r = read("{" + dup + text.substr(1));
    CHECK_FALSE(r.ok());
    CHECK(all_errors(r).find("/" + name + ": given twice") != std::string::npos);
  }
  refused(replace_first(text, "\"submitted\": true", "\"submitted\": false, \"submitted\": true"),
          "/0/submitted: given twice");
  refused(replace_first(text, "\"reply\": ", "\"reply\": \"x\", \"reply\": "), "/reply: given twice");
  // A rubric criterion given twice.
  const std::size_t r = text.find("\"rubric\": {\n");
  REQUIRE(r != std::string::npos);
  const std::size_t q = text.find('"', r + 11);
  const std::string crit = text.substr(q, text.find('"', q + 1) - q + 1);
  refused(text.substr(0, r + 11) + crit + ": {\"score\": 1}," + text.substr(r + 11),
          "/modules/0/roleplay/last/rubric/" + crit.substr(1, crit.size() - 2) + ": given twice");
}

TEST_CASE("record reader: damaged records are refused, each problem at its JSON pointer", "[record_reader]") {
  const Course& c = real_course();
  CourseState st = full_learner(c, 4);
  st.interactions.resize(2);  // a shorter text: the cases below parse it a few hundred times
  const std::string text = to_record(c, st);
  const json j = json::parse(text);

  // Truncated anywhere (and a few bytes appended).
  for (std::size_t cut = 0; cut < text.size(); cut += text.size() / 61 + 1) {
    INFO("cut at " << cut);
    refused(text.substr(0, cut), ": not valid JSON (line ");
  }
  refused(text.substr(0, text.size() - 2), "/: not valid JSON (line ");
  for (const char* tail : {"x", "{}", ",", "]", "\""}) refused(text + tail, "/: not valid JSON (line ");
  refused(text + std::string(1, '\0'), "/: not valid JSON");  // nlohmann reads up to a NUL byte and accepted this
  CHECK(json::accept(text + std::string(1, '\0') + "anything"));
  refused("", "/: not valid JSON (line 1, column 1)");
  refused("[]", "/: expected a JSON object (a Granice record)");
  refused("null", "/: expected a JSON object");
  refused("{\"a\": [1, 2,, 3]}", "/a: not valid JSON (line 1, column 13)");  // the second comma
  refused("{\"modules\": [{\"id\": \"x\",\n  \"quiz\": {\"attempts\": 1 \"current\": 0}}]}",
          "/modules/0/quiz: not valid JSON (line 2, column 26)");
  refused("{\"format\": \"granice-record\", \"format_version\": 1, \"learner\": {\"id\": \"Łódź\" x}}",
          "/learner: not valid JSON (line 1, column 76)");  // columns count characters

  // Wrong types, values out of range, missing members: the first error names it.
  const std::vector<std::pair<std::string, std::function<void(json&)>>> breakers = {
      {"/learner/id: expected a string", [](json& r) { r["learner"]["id"] = 5; }},
      {"/learner: expected an object", [](json& r) { r["learner"] = "x"; }},
      {"/learner/name: missing", [](json& r) { r["learner"].erase("name"); }},
      {"/course: missing", [](json& r) { r.erase("course"); }},
      {"/course/version: expected a string", [](json& r) { r["course"]["version"] = nullptr; }},
      {"/seed: expected a decimal string of an unsigned 64-bit number", [](json& r) { r["seed"] = "12a"; }},
      {"/seed: expected a decimal", [](json& r) { r["seed"] = ""; }},
      {"/seed: expected a decimal", [](json& r) { r["seed"] = "18446744073709551616"; }},
      {"/seed: expected a decimal", [](json& r) { r["seed"] = 12; }},
      {"/seed: missing", [](json& r) { r.erase("seed"); }},
      {"/format: not a Granice progress record", [](json& r) { r["format"] = "granice-recorD"; }},
      {"/format: not a Granice progress record", [](json& r) { r.erase("format"); }},
      {"/format: not a Granice progress record", [](json& r) { r["format"] = 1; }},
      {"/format_version: unsupported record version", [](json& r) { r["format_version"] = 2; }},
      {"/format_version: unsupported record version", [](json& r) { r.erase("format_version"); }},
      {"/started: expected an ISO 8601 UTC time", [](json& r) { r["started"] = "2026-02-30T00:00:00Z"; }},
      {"/updated: expected an ISO 8601 UTC time", [](json& r) { r["updated"] = 1700000000; }},
      {"/bookmark/screen: unknown value \"nowhere\" (expected one of \"home\", \"lesson\", \"quiz\", \"roleplay\", "
       "\"assessment\", \"results\", \"certificate\")",
       [](json& r) { r["bookmark"]["screen"] = "nowhere"; }},
      {"/bookmark/screen: expected one of \"home\"", [](json& r) { r["bookmark"]["screen"] = nullptr; }},
      {"/modules: expected an array", [](json& r) { r["modules"] = json::object(); }},
      {"/modules/0: expected an object", [](json& r) { r["modules"][0] = 1; }},
      {"/modules/0/quiz: missing", [](json& r) { r["modules"][0].erase("quiz"); }},
      {"/modules/0/lesson/completed: expected true or false", [](json& r) { r["modules"][0]["lesson"]["completed"] = "yes"; }},
      {"/modules/0/lesson/pages_seen: expected an integer from 0 to 1073741824",
       [](json& r) { r["modules"][0]["lesson"]["pages_seen"] = 2.5; }},
      {"/modules/0/quiz/best_score: expected a number from 0 to 100", [](json& r) { r["modules"][0]["quiz"]["best_score"] = 100.5; }},
      {"/modules/0/quiz/best_score: expected null or a number from 0 to 100",
       [](json& r) { r["modules"][0]["quiz"]["best_score"] = "50"; }},
      {"/modules/0/quiz/last_score: missing", [](json& r) { r["modules"][0]["quiz"].erase("last_score"); }},
      {"/modules/0/quiz/answers: expected an array", [](json& r) { r["modules"][0]["quiz"]["answers"] = nullptr; }},
      {"/modules/0/roleplay/best_outcome: unknown value \"great\" (expected one of \"good\", \"partial\", \"poor\")",
       [](json& r) { r["modules"][0]["roleplay"]["best_outcome"] = "great"; }},
      {"/modules/0/roleplay/best_outcome: expected null or one of \"good\", \"partial\", \"poor\"",
       [](json& r) { r["modules"][0]["roleplay"]["best_outcome"] = 1; }},
      {"/modules/0/roleplay/last: missing", [](json& r) { r["modules"][0]["roleplay"].erase("last"); }},
      {"/modules/0/roleplay/last: expected an object or null", [](json& r) { r["modules"][0]["roleplay"]["last"] = json::array(); }},
      {"/modules/0/roleplay/path/0/reply: missing", [](json& r) { r["modules"][0]["roleplay"]["path"] = {{{"node", "n1"}}}; }},
      {"/modules/0/roleplay/path/0/choice: expected an integer from 0 to 255",
       [](json& r) { r["modules"][0]["roleplay"]["path"] = {{{"choice", 256}}}; }},
      {"/modules/0/roleplay/path/0: expected an object", [](json& r) { r["modules"][0]["roleplay"]["path"] = {3}; }},
      {"/modules/0/roleplay/last/rubric/a: expected an object",
       [](json& r) { r["modules"][0]["roleplay"]["last"] = {{"path", json::array()}, {"ending", "e"}, {"rubric", {{"a", 1}}}}; }},
      {"/modules/0/roleplay/last/rubric/a~1b~0c/score: expected an integer from -1000000 to 1000000",
       [](json& r) {
         r["modules"][0]["roleplay"]["last"] = {{"path", json::array()}, {"ending", "e"}, {"rubric", {{"a/b~c", {{"score", 1000001}}}}}};
       }},
      {"/modules/0/roleplay/last/rubric: missing",
       [](json& r) { r["modules"][0]["roleplay"]["last"] = {{"path", json::array()}, {"ending", "e"}}; }},
      {"/assessment/last_answers/0/selected/0: expected an integer from 0 to 255",
       [](json& r) { r["assessment"]["last_answers"][0]["selected"] = {256}; }},
      {"/assessment/last_answers/0/selected/0: expected an integer", [](json& r) { r["assessment"]["last_answers"][0]["selected"] = {-1}; }},
      {"/assessment/last_answers/0/match/0: expected an integer from -1 to 255", [](json& r) { r["assessment"]["last_answers"][0]["match"] = {-2}; }},
      {"/assessment/last_answers/0/order: expected an array", [](json& r) { r["assessment"]["last_answers"][0]["order"] = "0,1"; }},
      {"/assessment/last_answers/0/selected: expected an array", [](json& r) { r["assessment"]["last_answers"][0]["selected"] = nullptr; }},
      {"/assessment/last_answers/0/submitted: missing", [](json& r) { r["assessment"]["last_answers"][0].erase("submitted"); }},
      {"/assessment/last_answers/0: expected an object", [](json& r) { r["assessment"]["last_answers"][0] = "a"; }},
      {"/interactions/0/type: unknown value \"essay\"", [](json& r) { r["interactions"][0]["type"] = "essay"; }},
      {"/interactions/0/result: unknown value \"maybe\"", [](json& r) { r["interactions"][0]["result"] = "maybe"; }},
      {"/interactions/0/score: expected a number from 0 to 1", [](json& r) { r["interactions"][0]["score"] = 1.5; }},
      {"/interactions/0/latency_seconds: expected a number from 0 to 1000000000",
       [](json& r) { r["interactions"][0]["latency_seconds"] = -1; }},
      {"/interactions/0/correct_responses/0: expected a string", [](json& r) { r["interactions"][0]["correct_responses"] = {1}; }},
      {"/interactions/0/correct_responses: too many entries (at most 16)",
       [](json& r) { r["interactions"][0]["correct_responses"] = json::array({"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q"}); }},
      {"/interactions/0/timestamp: missing", [](json& r) { r["interactions"][0].erase("timestamp"); }},
      {"/interactions: expected an array", [](json& r) { r["interactions"] = json::object(); }},
      {"/interactions/0: expected an object", [](json& r) { r["interactions"][0] = nullptr; }},
  };
  for (const auto& [error, breaker] : breakers) {
    INFO(error);
    json b = j;
    breaker(b);
    refused(dump(b), error);
  }
  // Every problem is listed (up to 50), in the order of the text; missing members at the end
  // of their object.
  json b = j;
  b["learner"]["id"] = 5;
  b["modules"][1]["quiz"].erase("current");
  b["modules"][1]["quiz"]["attempts"] = -1;
  b["seed"] = 7;
  const RecordResult r = read(dump(b));
  CHECK(r.errors == std::vector<std::string>{"/learner/id: expected a string", "/modules/1/quiz/attempts: expected an integer from 0 to 1073741824",
                                             "/modules/1/quiz/current: missing", "/seed: expected a decimal string of an unsigned 64-bit number"});
}

TEST_CASE("record reader: nesting, size and count limits", "[record_reader]") {
  const Course& c = real_course();
  const std::string text = to_record(c, full_learner(c, 5));
  auto nested = [&](int levels) {  // an unknown member at depth 2 holding `levels` more arrays
    return replace_first(text, "{", "{\"deep\": " + std::string(static_cast<std::size_t>(levels), '[') +
                                        std::string(static_cast<std::size_t>(levels), ']') + ",");
  };
  accepted(nested(31));  // depth 32
  refused(nested(32), "/deep: nested too deeply to be a Granice record (more than 32 levels)");
  refused(nested(2000), "/deep: nested too deeply");
  refused(std::string(100000, '['), "/: nested too deeply");

  CourseState st = full_learner(c, 5);
  st.learner_name = std::string(4096, 'x');
  accepted(to_record(c, st), st);
  st.learner_name = std::string(4094, 'x') + "ł";  // 4096 bytes
  accepted(to_record(c, st), st);
  st.learner_name = std::string(4097, 'x');
  refused(to_record(c, st), "/learner/name: string too long (at most 4096 bytes)");
  // The limit counts bytes once unescaped: 2048 x "\u0142" is 4096 bytes of "ł".
  std::string escaped;
  for (int i = 0; i < 2048; ++i) escaped += "\\u0142";
  accepted(set_first(text, "language", "\"" + escaped + "\""));
  refused(set_first(text, "language", "\"" + escaped + "a\""), "/language: string too long");
  // Larger than any record: refused unread.
  refused(replace_first(text, "{", "{\"pad\": \"" + std::string(kRecordMaxBytes, ' ') + "\","), "/: the file is too large");

  // Too many entries: reported once, at the array; at most 50 errors in all.
  json j = json::parse(text);
  j["assessment"]["answers"] = json::array();
  for (int i = 0; i < 2000; ++i) j["assessment"]["answers"].push_back(json::object());
  const RecordResult r = read(dump(j));
  CHECK_FALSE(r.ok());
  CHECK(r.errors.size() == 50);
  CHECK(r.errors[0] == "/assessment/answers/0/question: missing");
  j["assessment"]["answers"] = json::array();
  for (int i = 0; i < 600; ++i) j["assessment"]["answers"].push_back(j["assessment"]["last_answers"][0]);
  CHECK(read(dump(j)).errors == std::vector<std::string>{"/assessment/answers: too many entries (at most 512)"});
}

TEST_CASE("record reader: random damage is read or refused, never misread", "[record_reader]") {
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
  int read_back = 0;
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
    const RecordResult r = read(t);  // the same verdict as nlohmann on what is JSON
    if (!r.ok()) continue;
    ++read_back;
    CHECK(*from_record(to_record(c, *r.state)).state == *r.state);
  }
  CHECK(read_back > 0);  // some damage falls in ignored fields or whitespace
}

TEST_CASE("record reader: the fuzz seeds are read", "[record_reader][fuzz]") {
  for (const auto& seed : fuzz::seeds("record")) accepted(seed.bytes);
}
