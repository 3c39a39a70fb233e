#include <string>

#include <catch2/catch.hpp>

#include "core/text/json_source.h"

using granice::parse_json_source;

namespace {

std::string pos(const granice::SourcePos& p) { return std::to_string(p.line) + ":" + std::to_string(p.col); }

}  // namespace

TEST_CASE("json_source: records value and key positions for every pointer", "[json_source]") {
  const std::string text =
      "{\n"
      "  \"a\": 1,\n"
      "  \"list\": [true, {\"x\": null}],\n"
      "  \"we/ird~\": \"v\"\n"
      "}\n";
  const auto r = parse_json_source(text);
  REQUIRE(r.doc);
  REQUIRE_FALSE(r.error);
  const auto& d = *r.doc;
  CHECK(pos(d.value_pos("")) == "1:1");
  CHECK(pos(d.key_pos("/a")) == "2:3");
  CHECK(pos(d.value_pos("/a")) == "2:8");
  CHECK(pos(d.value_pos("/list")) == "3:11");
  CHECK(pos(d.value_pos("/list/0")) == "3:12");
  CHECK(pos(d.key_pos("/list/0")) == "3:12");  // array elements have no key
  CHECK(pos(d.value_pos("/list/1")) == "3:18");
  CHECK(pos(d.key_pos("/list/1/x")) == "3:19");
  CHECK(pos(d.value_pos("/list/1/x")) == "3:24");
  CHECK(pos(d.value_pos("/we~1ird~0")) == "4:14");  // RFC 6901 escaping of '/' and '~'
  CHECK(d.value.at("list").at(1).at("x").is_null());
}

TEST_CASE("json_source: columns count code points, not bytes", "[json_source]") {
  const auto r = parse_json_source("{\"ł\": \"żółw\", \"b\": 2}");
  REQUIRE(r.doc);
  CHECK(pos(r.doc->value_pos("/ł")) == "1:7");
  CHECK(pos(r.doc->key_pos("/b")) == "1:15");
  CHECK(pos(r.doc->value_pos("/b")) == "1:20");
}

TEST_CASE("json_source: unknown pointers fall back to the nearest ancestor", "[json_source]") {
  const auto r = parse_json_source("[\n  {\"a\": 1}\n]");
  REQUIRE(r.doc);
  CHECK(pos(r.doc->value_pos("/0/missing")) == "2:3");
  CHECK(pos(r.doc->value_pos("/7")) == "1:1");
}

TEST_CASE("json_source: decodes escaped member names into pointers", "[json_source]") {
  const auto r = parse_json_source(R"({"a\u0142\"b": 1, "\ud83d\ude00": 2})");
  REQUIRE(r.doc);
  CHECK(r.doc->spans.count("/ał\"b") == 1);
  CHECK(r.doc->spans.count("/\xF0\x9F\x98\x80") == 1);
}

TEST_CASE("json_source: byte order mark is skipped", "[json_source]") {
  const auto r = parse_json_source("\xEF\xBB\xBF{\"a\": 1}");
  REQUIRE(r.doc);
  CHECK(pos(r.doc->value_pos("/a")) == "1:7");
}

TEST_CASE("json_source: duplicate keys are recorded at the later key", "[json_source]") {
  const auto r = parse_json_source("{\"a\": 1,\n \"a\": 2}");
  REQUIRE(r.doc);
  REQUIRE(r.doc->duplicate_keys.size() == 1);
  CHECK(r.doc->duplicate_keys[0].pointer == "/a");
  CHECK(pos(r.doc->duplicate_keys[0].pos) == "2:2");
  CHECK(r.doc->value.at("a") == 2);
}

TEST_CASE("json_source: syntax errors carry line, column and pointer", "[json_source]") {
  struct Case {
    const char* text;
    const char* where;
    const char* pointer;
    const char* message;
  };
  const Case cases[] = {
      {"", "1:1", "", "unexpected end of file"},
      {"{\"a\": 1,}", "1:8", "", "trailing comma before '}'"},
      {"[1, 2,\n]", "1:6", "", "trailing comma before ']'"},
      {"{\"a\": [1 2]}", "1:10", "/a", "unexpected number"},
      {"{\"a\": tru}", "1:7", "/a", "unexpected character 't'"},
      {"{\"a\": 01}", "1:8", "/a", "number with a leading zero"},
      {"{\"a\": 1.}", "1:9", "/a", "invalid number"},
      {"{\"a\": -1e999}", "1:7", "/a", "number -1e999 is too large"},
      {"{\"a\": \"x\ny\"}", "1:9", "/a", "line break inside a string"},
      {"{\"a\": \"\\q\"}", "1:9", "/a", "invalid escape in a string"},
      {"{\"a\": \"\\ud800\"}", "1:14", "/a", "unpaired surrogate in \\u escape"},
      {"{\"a\": \"\xC3\"}", "1:8", "/a", "invalid UTF-8"},
      {"{\"ó\": 1 \"b\": 2}", "1:9", "", "unexpected string"},
      {"{a: 1}", "1:2", "", "unexpected character 'a'"},
      {"{\"a\" 1}", "1:6", "", "unexpected number"},
      {"{} {}", "1:4", "", "unexpected character '{' after the end of the document"},
      {"{\n  // note\n}", "2:3", "", "unexpected '/' (JSON has no comments)"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto r = parse_json_source(c.text);
    REQUIRE_FALSE(r.doc);
    REQUIRE(r.error);
    CHECK(pos(r.error->pos) == c.where);
    CHECK(r.error->pointer == c.pointer);
    CHECK(r.error->message == c.message);
    CHECK_FALSE(r.error->expected.empty());
  }
}

TEST_CASE("json_source: the largest doubles and the smallest are numbers, not errors", "[json_source]") {
  const auto r = parse_json_source("[1.7e308, 1e-999, " + std::string(300, '9') + "]");
  REQUIRE(r.doc);
  CHECK(r.doc->value.at(1) == 0.0);
  CHECK(parse_json_source("[" + std::string(310, '9') + "]").error->message.rfind("number 99", 0) == 0);
}

TEST_CASE("json_source: very deep nesting is an error, not a crash", "[json_source]") {
  const std::string text = std::string(5000, '[') + std::string(5000, ']');
  const auto r = parse_json_source(text);
  REQUIRE(r.error);
  CHECK(r.error->message == "nesting too deep");
}
