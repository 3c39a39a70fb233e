// The interface strings as content (quizzes/interface.json) and the languages as data
// (course.json): every id the app uses has a text in every declared language, and the loader
// names each mistake in the file at its place.
#include <map>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../read_file.h"
#include "app/view/strings.h"
#include "core/content/interface_ids.h"
#include "core/content/loader.h"

using namespace granice;
using view::Str;

namespace {

const std::string kQuizzes = std::string(GRANICE_SOURCE_DIR) + "/quizzes";
const std::string kValid = std::string(GRANICE_SOURCE_DIR) + "/tests/content/valid";

// The valid base course (tests/content/valid) with files replaced or added in memory.
LoadResult load_with(std::map<std::string, std::string> files) {
  ContentSource disk = folder_source(kValid);
  ContentSource source;
  source.display_dir = "";
  source.read = [disk, files](const std::string& name) -> std::optional<std::string> {
    if (const auto it = files.find(name); it != files.end()) return it->second;
    return disk.read(name);
  };
  return load_course(source);
}

// The valid course.json with `edit` applied (as JSON, written back with one member a line).
std::string course_json(const std::function<void(nlohmann::ordered_json&)>& edit) {
  auto j = nlohmann::ordered_json::parse(test::read_file(kValid + "/course.json"));
  edit(j);
  return j.dump(1);
}

// The shipped interface.json with `edit` applied.
std::string interface_json(const std::function<void(nlohmann::ordered_json&)>& edit) {
  auto j = nlohmann::ordered_json::parse(test::read_file(kQuizzes + "/interface.json"));
  edit(j);
  return j.dump(1);
}

std::vector<std::string> messages(const LoadResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics) out.push_back(format_diagnostic(d));
  return out;
}

const auto kWithInterface = [](nlohmann::ordered_json& c) { c["interface"] = "interface.json"; };

}  // namespace

TEST_CASE("interface strings: every id the app uses has a text in every declared language, and no other id is there", "[strings][loader]") {
  const LoadResult r = load_course_folder(kQuizzes);
  REQUIRE(r.ok());
  const Course& c = r.course;
  CHECK(c.interface_file == "interface.json");
  CHECK(c.interface_strings.size() == static_cast<std::size_t>(Str::Count_));
  for (int i = 0; i < static_cast<int>(Str::Count_); ++i) {
    const std::string_view name = view::StrName(static_cast<Str>(i));
    INFO(name);
    const auto it = c.interface_strings.find(name);
    REQUIRE(it != c.interface_strings.end());
    for (const std::string& lang : c.languages) CHECK_FALSE(it->second.text.in(lang).empty());
    CHECK(it->second.text.tr.size() == c.languages.size());
  }
  view::UseInterfaceStrings(c);
  CHECK(std::string(view::T("en", Str::Next)) == "Next");
  CHECK(std::string(view::T("pl", Str::Next)) == "Dalej");
  CHECK(view::FormatPercent(87.5, "pl") == "87,5");   // the language's DecimalSeparator
  CHECK(view::FormatPercent(87.5, "en") == "87.5");
  CHECK(view::NoticeText("en", "NoticeNoLms") == "Could not connect to the LMS; progress is saved in this browser.");
  CHECK(view::NoticeText("en", "not an id") == "not an id");
}

TEST_CASE("languages as data: course.json names each language in itself and a default", "[strings][loader]") {
  const LoadResult r = load_course_folder(kQuizzes);
  REQUIRE(r.ok());
  CHECK(r.course.languages == std::vector<std::string>{"pl", "en"});
  REQUIRE(r.course.language_info.size() == 2);
  CHECK(r.course.language_name("pl") == "Polski");
  CHECK(r.course.language_name("en") == "English");
  CHECK(r.course.default_language == "pl");

  // Codes alone still load: each named by its code, the first the default.
  const LoadResult plain = load_course_folder(kValid);
  REQUIRE(plain.ok());
  CHECK(plain.course.language_name("en") == "en");
  CHECK(plain.course.default_language == "pl");

  const LoadResult english = load_with({{"course.json", course_json([](auto& c) { c["default_language"] = "en"; })}});
  REQUIRE(english.ok());
  CHECK(english.course.default_language == "en");

  const LoadResult wrong = load_with({{"course.json", course_json([](auto& c) { c["default_language"] = "de"; })}});
  REQUIRE(wrong.diagnostics.size() == 1);
  CHECK(messages(wrong)[0] ==
        "course.json:58:22: /default_language: default language \"de\" is not a course language; one of the course "
        "languages: pl, en");
}

TEST_CASE("interface strings: the loader names unknown, missing, untranslated, too long and mismatched strings", "[strings][loader]") {
  SECTION("the shipped file with the valid course loads") {
    const LoadResult r = load_with({{"course.json", course_json(kWithInterface)},
                                    {"interface.json", test::read_file(kQuizzes + "/interface.json")}});
    CHECK(messages(r) == std::vector<std::string>{});
  }
  SECTION("each mistake at its place") {
    const std::string text = interface_json([](auto& j) {
      auto& s = j["strings"];
      s["Nxt"] = s["Next"];                          // unknown: a typo
      s.erase("Cancel");                             // missing
      s["Back"].erase("en");                         // untranslated
      s["Home"]["pl"] = "Strona główna kursu z bardzo długą nazwą";   // longer than its max_length 24
      s["PageOf"]["en"] = "Page {0}";                // lost a placeholder
      s["Settings"]["max_length"] = 0;               // not a length
    });
    const LoadResult r = load_with({{"course.json", course_json(kWithInterface)}, {"interface.json", text}});
    const std::vector<std::string> m = messages(r);
    const auto has = [&](const std::string& part) {
      for (const std::string& line : m)
        if (line.find(part) != std::string::npos) return true;
      return false;
    };
    INFO(nlohmann::json(m).dump(1));
    CHECK(m.size() == 6);
    CHECK(has("interface.json:"));
    CHECK(has("/strings/Nxt: unknown interface string \"Nxt\"; did you mean \"Next\"?"));
    CHECK(has("/strings/Cancel: missing interface string \"Cancel\""));
    CHECK(has("/strings/Back/en: missing translation \"en\""));
    CHECK(has("/strings/Home/pl: the \"pl\" text has 40 characters; at most 24"));
    CHECK(has("/strings/PageOf/en: placeholders differ from the \"pl\" text (pl: {0} {1}; en: {0})"));
    CHECK(has("/strings/Settings/max_length: invalid max_length 0"));
    for (const Diagnostic& d : r.diagnostics) {
      CHECK(d.file == "interface.json");
      CHECK(d.line > 1);
    }
  }
  SECTION("a course that names a file that is not there") {
    const LoadResult r = load_with({{"course.json", course_json(kWithInterface)}});
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(messages(r)[0].find("/interface: interface file \"interface.json\" not found") != std::string::npos);
  }
}

TEST_CASE("interface strings: a third language added as data loads, and every text must have it", "[strings][loader]") {
  const auto add_uk = [](nlohmann::ordered_json& j) {
    for (auto& [id, s] : j["strings"].items()) s["uk"] = "uk " + s["en"].get<std::string>();
  };
  const auto three = [](nlohmann::ordered_json& c) {
    c["interface"] = "interface.json";
    c["languages"] = nlohmann::ordered_json::array({"pl", "en", nlohmann::ordered_json{{"code", "uk"}, {"name", "Українська"}}});
  };
  const LoadResult r = load_with({{"course.json", course_json(three)}, {"interface.json", interface_json(add_uk)}});
  // The course's own texts have no "uk" yet: each is named, the interface strings are not.
  REQUIRE_FALSE(r.ok());
  for (const Diagnostic& d : r.diagnostics) {
    CHECK(d.file != "interface.json");
    CHECK(d.message == "missing translation \"uk\"");
  }
  CHECK(r.course.language_name("uk") == "Українська");
  CHECK(r.course.interface_strings.at("Next").text.in("uk") == "uk Next");
}
