#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <memory>

#include "../read_file.h"
#include "core/content/loader.h"
#include "core/content/merge_texts.h"
#include "core/content/text_sites.h"
#include "transport/text_pack.h"

using namespace granice;
using namespace std::string_literals;

#ifndef GRANICE_PACK_DIR
#error "GRANICE_PACK_DIR must name the folder scripts/embed_files.js pack wrote"
#endif

TEST_CASE("unpack refills language values in file order, across files", "[text_pack]") {
  const std::string pack =
      "a.json\x02{\"t\":{\"pl\":\"\",\"en\":\"\"},\"n\":1}\x03"
      "b.json\x02[{\"pl\" : \"\",\"en\":\"\"},\"pl\",{\"pl\":{\"x\":\"pl\"}}]\x03"
      "\0pl\x01" "Cze\xc5\x9b\xc4\x87 \\\"Ania\\\"\x01\0en\x01Hello \\\\ \\u0142\x01"s;
  const auto files = unpack_content(pack);
  REQUIRE(files);
  REQUIRE(files->size() == 2);
  CHECK((*files)[0].name == "a.json");
  CHECK((*files)[0].text == "{\"t\":{\"pl\":\"Cze\xc5\x9b\xc4\x87 \\\"Ania\\\"\",\"en\":\"Hello \\\\ \\u0142\"},\"n\":1}");
  CHECK((*files)[1].name == "b.json");
  // an empty text, a "pl" that is a value not a key, a "pl" key whose value is an object
  CHECK((*files)[1].text == "[{\"pl\" : \"\",\"en\":\"\"},\"pl\",{\"pl\":{\"x\":\"pl\"}}]");
  CHECK(nlohmann::json::parse((*files)[0].text).at("t").at("pl").get<std::string>() == "Cze\xc5\x9b\xc4\x87 \"Ania\"");
}

TEST_CASE("unpack refuses malformed packs", "[text_pack]") {
  const std::string ok = "a.json\x02{\"pl\":\"\"}\x03\0pl\x01x"s;
  REQUIRE(unpack_content(ok));
  CHECK_FALSE(unpack_content("a.json\x02{\"pl\":\"\"}\x03\0pl"s));                 // stream runs short
  CHECK_FALSE(unpack_content("a.json\x02{\"pl\":\"\"}\x03\0pl\x01x\x01y"s));       // texts left over
  CHECK_FALSE(unpack_content("a.json\x02{\"pl\":\"z\"}\x03\0pl\x01x"s));           // placeholder not empty
  CHECK_FALSE(unpack_content("a.json{\"pl\":\"\"}\x03\0pl\x01x"s));                // no name end
  CHECK_FALSE(unpack_content("a.json\x02{\"pl\":\"\"}\0pl\x01x"s));                // file not closed
  CHECK_FALSE(unpack_content("\x02{}\x03"s));                                     // no name
  CHECK_FALSE(unpack_content("a.json\x02{}\x03\0\x01x"s));                         // stream without language
  CHECK_FALSE(unpack_content("a.json\x02{\"pl\":\"\\\x03\0pl\x01x"s));             // unterminated string
  const auto plain = unpack_content("a.json\x02{\"id\":\"x\"}\x03"s);              // nothing moved
  REQUIRE(plain);
  CHECK((*plain)[0].text == "{\"id\":\"x\"}");
}

TEST_CASE("a pack's binary files follow its texts, stored as they are, and a malformed one is refused", "[text_pack]") {
  const std::string texts = "a.json\x02{\"pl\":\"\"}\x03\0pl\x01x"s;
  const std::string font = "\0\x01\x02\x03\x04 bytes"s;   // any bytes, the separators too
  const std::string pack = texts + "\x04" "fonts/body.ttf\x02" + std::to_string(font.size()) + "\x02" + font + "\x04" "fonts/glyphs\x02" "5\x02" "20-7E";
  const auto files = unpack_content(pack);
  REQUIRE(files);
  REQUIRE(files->size() == 1);
  CHECK((*files)[0].text == "{\"pl\":\"x\"}");
  const auto binaries = pack_binaries(pack);
  REQUIRE(binaries);
  REQUIRE(binaries->size() == 2);
  CHECK((*binaries)[0].name == "fonts/body.ttf");
  CHECK((*binaries)[0].text == font);
  CHECK((*binaries)[1].name == "fonts/glyphs");
  CHECK((*binaries)[1].text == "20-7E");
  REQUIRE(pack_binaries(texts));
  CHECK(pack_binaries(texts)->empty());                                         // a pack without fonts
  CHECK_FALSE(pack_binaries(texts + "\x04" "f\x02" "9\x02" "short"));            // runs past the end
  CHECK_FALSE(pack_binaries(texts + "\x04" "f\x02" "x\x02" "abc"));              // size not a number
  CHECK_FALSE(pack_binaries(texts + "\x04" "f\x02" "\x02" "abc"));               // no size
  CHECK_FALSE(pack_binaries(texts + "\x04" "\x02" "3\x02" "abc"));               // no name
  CHECK_FALSE(pack_binaries(texts + "\x04" "f\x02" "2\x02" "abc"));              // bytes left after it
  CHECK_FALSE(pack_binaries(texts + "\x04" "f\x02" "99999999999\x02" "abc"));    // absurd size
}

namespace {

// The author's JSON with the texts of every language but `keep` left out: what a pack carries.
nlohmann::json only_language(nlohmann::json j, const std::vector<std::string>& languages, const std::string& keep) {
  if (j.is_object()) {
    for (const std::string& l : languages)
      if (l != keep && j.contains(l) && j[l].is_string()) j.erase(l);
    for (auto& [k, v] : j.items()) v = only_language(v, languages, keep);
  } else if (j.is_array()) {
    for (auto& v : j) v = only_language(v, languages, keep);
  }
  return j;
}

}  // namespace

TEST_CASE("each language's pack unpacks to exactly its minified files, with that language's texts only", "[text_pack]") {
  const std::filesystem::path dir = GRANICE_PACK_DIR;
  const std::filesystem::path quizzes = std::filesystem::path(GRANICE_SOURCE_DIR) / "quizzes";
  std::vector<std::string> languages;
  const auto course = nlohmann::json::parse(granice::test::read_file(quizzes / "course.json"));
  for (const auto& l : course.at("languages"))
    languages.push_back(l.is_string() ? l.get<std::string>() : l.at("code").get<std::string>());
  REQUIRE(languages.size() >= 2);
  std::size_t originals = 0;
  for (const auto& e : std::filesystem::directory_iterator(quizzes))
    if (e.path().extension() == ".json") ++originals;
  for (const std::string& lang : languages) {
    INFO(lang);
    const std::string pack = granice::test::read_file(dir / ("content-" + lang + ".pack"));
    const auto files = unpack_content(pack);
    REQUIRE(files);
    REQUIRE(files->size() == originals);
    std::size_t text_bytes = 0;
    for (const PackedFile& f : *files) {
      INFO(f.name);
      REQUIRE(f.name.rfind("quizzes/", 0) == 0);
      const std::string base = f.name.substr(8);
      CHECK(f.text == granice::test::read_file(dir / (base + "." + lang + ".min")));
      // minifying and leaving the other languages out changed nothing else
      const auto original = nlohmann::json::parse(granice::test::read_file(quizzes / base));
      CHECK(nlohmann::json::parse(f.text) == only_language(original, languages, lang));
      text_bytes += f.text.size();
    }
    // the language's texts really moved out of the structures: the file part is a small share
    const std::string texts = pack.substr(0, pack.find('\x04'));   // the fonts follow (test_pack_fonts.cpp)
    const std::size_t structures = texts.find('\0');
    REQUIRE(structures != std::string::npos);
    CHECK(structures < text_bytes / 2);
    // one stream only: this language's
    CHECK(texts.find('\0', structures + 1) == std::string::npos);
    CHECK(texts.compare(structures + 1, lang.size() + 1, lang + "\x01") == 0);
    // then its fonts and their glyph list, nothing else
    const auto binaries = pack_binaries(pack);
    REQUIRE(binaries);
    std::vector<std::string> names;
    for (const PackedFile& b : *binaries) names.push_back(b.name);
    CHECK(names == std::vector<std::string>{"fonts/body.ttf", "fonts/bold.ttf", "fonts/glyphs"});
  }
}

namespace {

// The course as the web app loads it from one language's pack: that language's texts only.
// `edit` changes the unpacked files first; `checked` as the web app reads a pack whose hash matched.
LoadResult load_pack(const std::string& lang, bool checked = true,
                     const std::function<void(std::map<std::string, std::string>&)>& edit = {}) {
  const auto files = unpack_content(granice::test::read_file(std::filesystem::path(GRANICE_PACK_DIR) / ("content-" + lang + ".pack")));
  REQUIRE(files);
  auto by_name = std::make_shared<std::map<std::string, std::string>>();
  for (const PackedFile& f : *files) (*by_name)[f.name.substr(8)] = f.text;
  if (edit) edit(*by_name);
  ContentSource source;
  source.display_dir = "quizzes/";
  source.languages_present = {lang};
  source.checked_pack = checked;
  source.read = [by_name](const std::string& name) -> std::optional<std::string> {
    const auto it = by_name->find(name);
    if (it == by_name->end()) return std::nullopt;
    return it->second;
  };
  return load_course(source);
}

}  // namespace

TEST_CASE("a course loaded from one language's pack, then given the other's, is the course in both languages", "[text_pack][loader]") {
  LoadResult pl = load_pack("pl");
  const LoadResult en = load_pack("en");
  INFO((pl.diagnostics.empty() ? std::string() : format_diagnostic(pl.diagnostics[0])));
  REQUIRE(pl.ok());
  REQUIRE(en.ok());
  CHECK(pl.course.title.tr.size() == 1);   // the pack's language only, and no "missing translation"
  CHECK(pl.course.interface_strings.at("Next").text.tr.size() == 1);
  CHECK(pl.course.language_name("en") == "English");   // every declared language is known by name

  const LoadResult full = load_course_folder(GRANICE_SOURCE_DIR "/quizzes");
  REQUIRE(full.ok());
  CHECK(merge_texts(pl.course, en.course) == "");
  std::vector<const LocalText*> merged, both;
  for_each_text(pl.course, [&](const TextSite&, const LocalText& t) { merged.push_back(&t); });
  for_each_text(full.course, [&](const TextSite&, const LocalText& t) { both.push_back(&t); });
  REQUIRE(merged.size() == both.size());
  for (std::size_t i = 0; i < merged.size(); ++i) CHECK(merged[i]->tr == both[i]->tr);
  for (const auto& [id, s] : full.course.interface_strings) CHECK(pl.course.interface_strings.at(id).text.tr == s.text.tr);

  Course other = en.course;
  other.id = "another";
  CHECK(merge_texts(pl.course, other) == "another course (another " + other.version + ")");
  other = en.course;
  other.modules.pop_back();
  const std::string before = pl.course.title.in("en");
  CHECK(merge_texts(pl.course, other).rfind("no text at ", 0) == 0);
  CHECK(pl.course.title.in("en") == before);   // nothing half-merged
}

TEST_CASE("a checked pack is read without positions, yet a problem in it is placed as in a full load", "[text_pack][loader]") {
  const LoadResult quick = load_pack("pl", true);
  const LoadResult full = load_pack("pl", false);
  REQUIRE(quick.ok());
  REQUIRE(full.ok());
  CHECK(quick.files == full.files);
  std::vector<const LocalText*> a, b;
  for_each_text(quick.course, [&](const TextSite&, const LocalText& t) { a.push_back(&t); });
  for_each_text(full.course, [&](const TextSite&, const LocalText& t) { b.push_back(&t); });
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i]->tr == b[i]->tr);
  REQUIRE(quick.course.modules.size() == full.course.modules.size());
  for (std::size_t i = 0; i < full.course.modules.size(); ++i) {
    CHECK(quick.course.modules[i].id == full.course.modules[i].id);
    CHECK(quick.course.modules[i].quiz.questions.size() == full.course.modules[i].quiz.questions.size());
  }
  CHECK(quick.course.assessment.bank.size() == full.course.assessment.bank.size());
  // Content the build did not lint: every check still runs, and the messages keep line and column.
  const auto break_it = [](std::map<std::string, std::string>& files) {
    std::string& m1 = files.at("m1-boundaries.json");
    const std::size_t at = m1.find("\"id\":\"");
    REQUIRE(at != std::string::npos);
    m1.replace(at, 5, "\n\n\"id\":7");   // the module's id a number, two lines down
  };
  const LoadResult quick_bad = load_pack("pl", true, break_it);
  const LoadResult full_bad = load_pack("pl", false, break_it);
  REQUIRE_FALSE(full_bad.ok());
  REQUIRE(quick_bad.diagnostics.size() == full_bad.diagnostics.size());
  for (std::size_t i = 0; i < full_bad.diagnostics.size(); ++i)
    CHECK(format_diagnostic(quick_bad.diagnostics[i]) == format_diagnostic(full_bad.diagnostics[i]));
  CHECK(format_diagnostic(quick_bad.diagnostics[0]).rfind("quizzes/m1-boundaries.json:3:", 0) == 0);
  // A syntax error is placed too.
  const LoadResult cut = load_pack("pl", true, [](std::map<std::string, std::string>& files) { files.at("m2-listening.json").pop_back(); });
  REQUIRE_FALSE(cut.ok());
  CHECK(format_diagnostic(cut.diagnostics[0]).find("quizzes/m2-listening.json:1:") == 0);
}
