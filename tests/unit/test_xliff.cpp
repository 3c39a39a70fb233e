// The XLIFF 1.2 round trip (granice xliff export / import) on the small valid course plus a fixture
// interface.json: what the export holds, byte-identical re-import, a new language added as data,
// every refusal with its exact message, reviewed translations, and the pseudo-locale.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <algorithm>
#include <map>
#include <regex>
#include <string>

#include <catch2/catch.hpp>

#include "../read_file.h"
#include "../run_command.h"
#include "core/content/loader.h"
#include "core/text/utf8.h"
#include "core/translation/pseudo.h"
#include "core/translation/xliff.h"
#include "core/translation/xliff_import.h"

using namespace granice;

namespace {

// The valid course and the fixture interface.json, in memory: a test changes its own copy.
struct Folder {
  std::map<std::string, std::string> files;

  Folder() {
    const std::string dir = std::string(GRANICE_SOURCE_DIR) + "/tests/content/";
    for (const char* name : {"course.json", "m1-boundaries.json", "assessment.json", "resources.json"}) {
      files[name] = test::read_file(dir + "valid/" + name);
    }
    files["interface.json"] = test::read_file(dir + "xliff/interface.json");
  }
  ContentSource source() const {
    ContentSource s;
    s.display_dir = "c/";
    s.read = [this](const std::string& name) -> std::optional<std::string> {
      const auto it = files.find(name);
      if (it == files.end()) return std::nullopt;
      return it->second;
    };
    return s;
  }
  std::string export_xliff(const std::string& source, const std::string& target) const {
    const auto load = read_translatable(this->source(), source, target);
    REQUIRE(load.content);
    ReviewRecord reviewed;
    if (auto r = files.find(std::string(kReviewFile)); r != files.end()) reviewed = *parse_review_record(r->second, nullptr);
    return write_xliff(*load.content, reviewed, source, target);
  }
  XliffImportPlan import(const std::string& xliff, XliffImportOptions options = {}) {
    return plan_xliff_import(source(), xliff, "t.xlf", options);
  }
  void apply(const XliffImportPlan& plan) {
    for (const auto& w : plan.writes) files[w.name] = w.text;
  }
};

// Every <source>…</source> followed by <target>: a translation made by `f` of the source.
template <class F>
std::string translate_all(const std::string& xliff, F f) {
  static const std::regex unit("<source>([^<]*)</source>\n");
  std::string out;
  auto it = std::sregex_iterator(xliff.begin(), xliff.end(), unit);
  std::size_t at = 0;
  for (; it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    out.append(xliff, at, static_cast<std::size_t>(m.position(0)) + static_cast<std::size_t>(m.length(0)) - at);
    out += "        <target state=\"translated\">" + f(m.str(1)) + "</target>\n";
    at = static_cast<std::size_t>(m.position(0) + m.length(0));
  }
  out.append(xliff, at, std::string::npos);
  return out;
}

std::string uk(const std::string& escaped_source) { return "UK " + escaped_source; }

std::vector<std::string> messages(const XliffImportPlan& plan) {
  std::vector<std::string> out;
  for (const auto& d : plan.diagnostics) out.push_back(format_diagnostic(d));
  return out;
}

// `xliff` with the first occurrence of `from` replaced.
std::string replace(std::string xliff, const std::string& from, const std::string& to) {
  const auto at = xliff.find(from);
  REQUIRE(at != std::string::npos);
  return xliff.replace(at, from.size(), to);
}

// The line:col of the first occurrence of `needle` (1-based; columns in code points).
std::string position_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  REQUIRE(at != std::string::npos);
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return std::to_string(line) + ":" + std::to_string(utf8_code_points(std::string_view(text).substr(line_start, at - line_start)) + 1);
}

}  // namespace

TEST_CASE("xliff export: one file per content file, units with id, resname, notes, targets and escaping", "[xliff]") {
  const Folder folder;
  const std::string x = folder.export_xliff("pl", "en");
  for (const char* f : {"course.json", "m1-boundaries.json", "assessment.json", "resources.json", "interface.json"}) {
    CHECK(x.find(std::string("<file original=\"") + f + "\" source-language=\"pl\" target-language=\"en\" datatype=\"plaintext\">") !=
          std::string::npos);
  }
  CHECK(x.find("<trans-unit id=\"course.json#/title\" resname=\"/title\" xml:space=\"preserve\">\n"
               "        <source>Mały kurs</source>\n"
               "        <target state=\"translated\">Tiny course</target>\n"
               "        <note from=\"granice\">course title</note>\n") != std::string::npos);
  // A client line tells the persona and the mood; an option says whether it is the right one.
  CHECK(x.find("<source>Mąż odszedł.</source>\n        <target state=\"translated\">He left.</target>\n"
               "        <note from=\"granice\">client line</note>\n"
               "        <note from=\"granice\">Persona: Pani Jadwiga</note>\n"
               "        <note from=\"granice\">Mood: smutna</note>\n") != std::string::npos);
  CHECK(std::regex_search(x, std::regex("<note from=\"granice\">right option</note>\n        <note from=\"granice\">Question [a-z0-9-]+</note>")));
  CHECK(x.find("<note from=\"granice\">wrong option</note>") != std::string::npos);
  // A maximum length, as XLIFF's maxwidth and as a note; the interface strings in file order.
  CHECK(x.find("<trans-unit id=\"interface.json#/strings/Next\" resname=\"/strings/Next\" maxwidth=\"12\" size-unit=\"char\" "
               "xml:space=\"preserve\">") != std::string::npos);
  CHECK(x.find("<note from=\"granice\">At most 12 characters</note>") != std::string::npos);
  CHECK(x.find("/strings/Next") < x.find("/strings/FinishedBeforeScore"));
  CHECK(x.find("<source>Cytat: &quot;A &amp; B&quot; &lt;C&gt;</source>") != std::string::npos);
  // Without a target language text there is no <target>.
  const std::string to_uk = folder.export_xliff("pl", "uk");
  CHECK(to_uk.find("<target") == std::string::npos);
  CHECK(to_uk.find("target-language=\"uk\"") != std::string::npos);
}

TEST_CASE("xliff import of an unchanged export changes no byte", "[xliff]") {
  Folder folder;
  const auto before = folder.files;
  const auto plan = folder.import(folder.export_xliff("pl", "en"));
  CHECK(messages(plan).empty());
  CHECK(plan.writes.empty());
  CHECK(plan.units > 40);
  CHECK(plan.changed == 0);
  folder.apply(plan);
  CHECK(folder.files == before);
}

TEST_CASE("xliff import adds a new language as data: every text, course.json languages, nothing else", "[xliff]") {
  Folder folder;
  const auto before = folder.files;
  const std::string x = translate_all(folder.export_xliff("pl", "uk"), uk);
  const auto plan = folder.import(x);
  REQUIRE(messages(plan).empty());
  CHECK(plan.language_added);
  folder.apply(plan);
  // Only the target members are new: one line of course.json shows exactly what was inserted.
  CHECK(folder.files.at("course.json").find("\"languages\": [\"pl\", \"en\", \"uk\"],") != std::string::npos);
  CHECK(folder.files.at("course.json").find("\"title\": { \"pl\": \"Mały kurs\", \"en\": \"Tiny course\", \"uk\": \"UK Mały kurs\" },") !=
        std::string::npos);
  CHECK(folder.files.at("interface.json").find("\"Next\": { \"pl\": \"Dalej\", \"en\": \"Next\", \"max_length\": 12, \"uk\": \"UK Dalej\" },") !=
        std::string::npos);
  CHECK(folder.files.at("interface.json").find("      \"en\": \"Quote: \\\"A & B\\\" <C>\",\n      \"uk\": \"UK Cytat: \\\"A & B\\\" <C>\"\n") !=
        std::string::npos);
  // The third language loads and validates as the other two do.
  const LoadResult loaded = load_course(folder.source());
  REQUIRE(loaded.ok());
  CHECK(loaded.course.languages == std::vector<std::string>{"pl", "en", "uk"});
  CHECK(loaded.course.modules.at(0).roleplay->nodes.at(0).client.in("uk") == "UK Mąż odszedł.");
  CHECK(loaded.course.certificate_body.in("uk") == "UK {name} ukończył(a) kurs {course} z wynikiem {score}%.");
  // Removing every uk member and the language again gives back the files as they were.
  for (auto& [name, text] : folder.files) {
    text = std::regex_replace(text, std::regex(", \"uk\"(: \"[^\"\\\\]*(\\\\.[^\"\\\\]*)*\")?|,\n *\"uk\": \"[^\"\\\\]*(\\\\.[^\"\\\\]*)*\""), "");
  }
  CHECK(folder.files == before);
  // Exported again, the translations come back as targets; imported again, nothing changes.
  folder.apply(plan);
  {
    // With its own name the new language is {code, name}, which the switcher shows.
    Folder named;
    const auto with_name = named.import(x, XliffImportOptions{"", "", "Українська"});
    REQUIRE(messages(with_name).empty());
    named.apply(with_name);
    CHECK(named.files.at("course.json").find("\"languages\": [\"pl\", \"en\", { \"code\": \"uk\", \"name\": \"Українська\" }],") !=
          std::string::npos);
    const LoadResult loaded_named = load_course(named.source());
    REQUIRE(loaded_named.ok());
    REQUIRE(loaded_named.course.language_info.size() == 3);
    CHECK(loaded_named.course.language_info[2].code == "uk");
    CHECK(loaded_named.course.language_info[2].name == "Українська");
    // A name matters only when the language is new: a second import leaves course.json as it is.
    const auto again_named = named.import(x, XliffImportOptions{"", "", "Ukrainian"});
    CHECK(messages(again_named).empty());
    CHECK(again_named.writes.empty());
  }
  const std::string again = folder.export_xliff("pl", "uk");
  CHECK(again.find("<target state=\"translated\">UK Mały kurs</target>") != std::string::npos);
  const auto second = folder.import(again);
  CHECK(messages(second).empty());
  CHECK(second.writes.empty());
}

TEST_CASE("xliff import refuses with file:line:col messages and writes nothing", "[xliff]") {
  Folder folder;
  const std::string x = translate_all(folder.export_xliff("pl", "uk"), uk);
  auto refused = [&](const std::string& bad) {
    const auto plan = folder.import(bad);
    CHECK(plan.writes.empty());
    return messages(plan);
  };
  SECTION("unknown id") {
    const std::string bad = replace(x, "id=\"course.json#/title\"", "id=\"course.json#/titel\"");
    CHECK(refused(bad) == std::vector<std::string>{
                              "t.xlf:" + position_of(bad, "<trans-unit id=\"course.json#/titel\"") +
                              ": course.json#/titel: unknown unit id: the content has no such text; the ids of a current export (was "
                              "the content restructured? export again)",
                              "c/course.json:6:12: /title: no translation into \"uk\" in t.xlf; every text translated before a new "
                              "language is added (export again to get the full list)"});
  }
  SECTION("stale unit") {
    folder.files["course.json"] = replace(folder.files["course.json"], "\"Mały kurs\"", "\"Duży kurs\"");
    CHECK(refused(x) == std::vector<std::string>{"t.xlf:" + position_of(x, "<trans-unit id=\"course.json#/title\"") +
                                                 ": course.json#/title: stale unit: the source text changed since the export; a "
                                                 "current export (the text now: \"Duży kurs\")"});
  }
  SECTION("missing and empty targets") {
    std::string bad = replace(x, "        <target state=\"translated\">UK Mały kurs</target>\n", "");
    bad = replace(bad, "<target state=\"translated\">UK Ustal granice</target>", "<target state=\"translated\"> </target>");
    CHECK(refused(bad) ==
          std::vector<std::string>{
              "t.xlf:" + position_of(bad, "<trans-unit id=\"course.json#/title\"") + ": course.json#/title: no <target>; the translation of every unit",
              "t.xlf:" + position_of(bad, "<target state=\"translated\"> </target>") +
                  ": course.json#/objectives/0/title: empty <target>; the translation of every unit"});
  }
  SECTION("placeholders lost or added") {
    std::string bad = replace(x, "UK {name} ukończył(a) kurs {course}", "UK {imię} ukończył(a) kurs {course} {course}");
    const std::string at = position_of(bad, "UK {imię}") ;
    const int col = std::stoi(at.substr(at.find(':') + 1)) - static_cast<int>(std::string("<target state=\"translated\">").size());
    const std::string target = at.substr(0, at.find(':')) + ":" + std::to_string(col);
    CHECK(refused(bad) == std::vector<std::string>{
                              "t.xlf:" + target + ": course.json#/certificate/body: placeholder {name} lost in the target; every placeholder of the source, unchanged",
                              "t.xlf:" + target + ": course.json#/certificate/body: placeholder {imię} added in the target; only the placeholders of the source",
                              "t.xlf:" + target + ": course.json#/certificate/body: placeholder {course} added in the target; only the placeholders of the source"});
  }
  SECTION("a target longer than the layout holds") {
    const std::string bad = replace(x, "UK Dalej", "UK Dalej dalej");
    CHECK(refused(bad) == std::vector<std::string>{"t.xlf:" + position_of(bad, "<target state=\"translated\">UK Dalej dalej") +
                                                   ": interface.json#/strings/Next: target has 14 characters; at most 12 (the layout holds no more)"});
  }
  SECTION("malformed XML") {
    const std::string bad = replace(x, "</source>", "</sourc>");
    CHECK(refused(bad) == std::vector<std::string>{"t.xlf:" + position_of(bad, "</sourc>") + ": /: </sourc> closes <source>; well-formed XML"});
    CHECK(refused(x.substr(0, x.size() / 2)).size() == 1);
    CHECK(refused(replace(x, "<xliff", "<!DOCTYPE x [<!ENTITY a \"b\">]><xliff")) ==
          std::vector<std::string>{"t.xlf:2:1: /: DOCTYPE is not allowed (an XLIFF file needs none); well-formed XML"});
    CHECK(refused(replace(x, "UK Mały", "UK &nbsp;Mały")).at(0).find("unknown entity") != std::string::npos);
  }
  SECTION("not XLIFF 1.2, or a unit twice") {
    CHECK(refused(replace(x, "version=\"1.2\"", "version=\"2.0\"")) ==
          std::vector<std::string>{"t.xlf:2:8: /: XLIFF version 2.0; version=\"1.2\" (XLIFF 1.2; 1.1 is read too)"});
    const auto unit_start = x.find("      <trans-unit id=\"course.json#/title\"");
    const auto unit_end = x.find("</trans-unit>\n", unit_start) + 14;
    const std::string twice = x.substr(0, unit_end) + x.substr(unit_start, unit_end - unit_start) + x.substr(unit_end);
    const auto second_line = std::count(twice.begin(), twice.begin() + static_cast<long>(unit_end), '\n') + 1;
    CHECK(refused(twice).at(0) == "t.xlf:" + std::to_string(second_line) +
                                      ":7: course.json#/title: the unit appears twice (first at line 5); each unit once");
  }
}

TEST_CASE("xliff: approved translations are recorded and exported as final until their text changes", "[xliff]") {
  Folder folder;
  std::string x = translate_all(folder.export_xliff("pl", "uk"), uk);
  x = replace(x, "<trans-unit id=\"course.json#/title\" resname=\"/title\" xml:space=\"preserve\">\n        <source>Mały kurs</source>\n"
                 "        <target state=\"translated\">",
              "<trans-unit id=\"course.json#/title\" resname=\"/title\" xml:space=\"preserve\">\n        <source>Mały kurs</source>\n"
              "        <target state=\"final\">");
  const auto plan = folder.import(x);
  REQUIRE(plan.ok());
  folder.apply(plan);
  REQUIRE(folder.files.count(std::string(kReviewFile)));
  CHECK(folder.files.at(std::string(kReviewFile)) ==
        "{\n  \"uk\": {\n    \"course.json#/title\": \"" + review_stamp("Mały kurs", "UK Mały kurs") + "\"\n  }\n}\n");
  const std::string approved = "<trans-unit id=\"course.json#/title\" resname=\"/title\" approved=\"yes\" xml:space=\"preserve\">\n"
                               "        <source>Mały kurs</source>\n        <target state=\"final\">UK Mały kurs</target>";
  CHECK(folder.export_xliff("pl", "uk").find(approved) != std::string::npos);
  // The same file again: no byte changes, the record included.
  CHECK(folder.import(folder.export_xliff("pl", "uk")).writes.empty());
  // Someone edits the translation in the JSON: the approval no longer applies.
  folder.files["course.json"] = replace(folder.files["course.json"], "\"UK Mały kurs\"", "\"UK Mały kurs!\"");
  CHECK(folder.export_xliff("pl", "uk").find("approved=\"yes\"") == std::string::npos);
}

TEST_CASE("xliff import reads what translate-toolkit's po2xliff writes: ids as locations, XLIFF 1.1", "[xliff]") {
  Folder folder;
  const std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.1\" version=\"1.1\">\n"
      "  <file original=\"uk.po\" source-language=\"en-US\" datatype=\"plaintext\">\n    <body>\n"
      "      <trans-unit xml:space=\"preserve\" id=\"2\" approved=\"no\" restype=\"x-gettext-domain-header\"><source>H</source>"
      "<target>H</target></trans-unit>\n"
      "      <trans-unit xml:space=\"preserve\" id=\"3\" approved=\"no\"><source>Mały kurs</source>\r\n"
      "        <target state=\"needs-translation\">Малий курс</target>\n"
      "        <context-group name=\"po-reference\" purpose=\"location\"><context context-type=\"sourcefile\">course.json#/title</context></context-group>\n"
      "      </trans-unit>\n    </body>\n  </file>\n</xliff>\n";
  const auto wrong = folder.import(x);
  CHECK(messages(wrong) == std::vector<std::string>{"t.xlf:1:1: /: the XLIFF file names no target language; source-language and "
                                                    "target-language on <file>, or --source / --target"});
  const auto plan = folder.import(x, XliffImportOptions{"pl", "en", ""});
  REQUIRE(messages(plan).empty());
  REQUIRE(plan.writes.size() == 1);
  CHECK(plan.writes[0].text.find("\"title\": { \"pl\": \"Mały kurs\", \"en\": \"Малий курс\" },") != std::string::npos);
}

TEST_CASE("pseudo-locale: about 35 % longer, accented, bracketed, placeholders intact, within the font's ranges", "[xliff]") {
  const std::string text = "Dalej, {name}! Twój wynik to {0}% ({phone:emergency-112}).";
  const std::string p = pseudo_translate(text);
  CHECK(p.front() == '[');
  CHECK(p.back() == ']');
  CHECK(placeholders_in(p) == placeholders_in(text));
  CHECK(p.find("Ďáłéĵ, {name}! Ťŵóĵ ŵýñíķ ťó {0}% ({phone:emergency-112}).") == 1);
  const double ratio = static_cast<double>(utf8_code_points(p)) / static_cast<double>(utf8_code_points(text));
  CHECK(ratio == Approx(1.35).margin(0.02));
  CHECK(utf8_code_points(pseudo_translate("OK")) == 5);  // short texts still grow
  for (std::size_t i = 0, n = 0; i < p.size(); i += n) {
    std::uint32_t cp = 0;
    n = utf8_decode_one(std::string_view(p).substr(i), cp);
    REQUIRE(n > 0);
    CHECK(cp <= 0x17F);
  }
  // The whole course in the pseudo-locale imports as a language of its own.
  Folder folder;
  auto load = read_translatable(folder.source(), "pl", "qps");
  REQUIRE(load.content);
  pseudo_translate_units(*load.content);
  const auto plan = folder.import(write_xliff(*load.content, {}, "pl", "qps"));
  REQUIRE(messages(plan).empty());
  folder.apply(plan);
  const LoadResult loaded = load_course(folder.source());
  REQUIRE(loaded.ok());
  CHECK(loaded.course.title.in("qps") == "[Máłý ķúŕš ]");
}

TEST_CASE("xliff import: damaged files are refused with a reason, never a crash or a write", "[xliff]") {
  Folder folder;
  const std::string x = translate_all(folder.export_xliff("pl", "uk"), uk);
  // Cut at many places, and bytes replaced by XML's special characters (a small deterministic fuzz).
  std::size_t refused = 0, cases = 0;
  for (std::size_t cut = 0; cut < x.size(); cut += 1499) {
    const auto plan = folder.import(x.substr(0, cut));
    ++cases;
    refused += !plan.ok() && plan.writes.empty() && !plan.diagnostics.empty() && !plan.diagnostics[0].message.empty();
  }
  CHECK(refused == cases);
  std::uint32_t state = 12345;
  for (int i = 0; i < 30; ++i) {
    state = state * 1103515245u + 12345u;
    std::string bad = x;
    bad[(state >> 8) % bad.size()] = "<>&\"'/\x01\xC3"[(state >> 4) % 8];
    const auto plan = folder.import(bad);
    CHECK((plan.ok() || (plan.writes.empty() && !plan.diagnostics.empty())));
  }
}

namespace {

// The command's stderr (what granice xliff reports) and its exit status.
granice::test::CommandResult run_shell(const std::string& cmd) { return granice::test::run_command(cmd + " 2>&1 >/dev/null"); }

}  // namespace

TEST_CASE("cli: granice xliff export, import and pseudo on disk", "[xliff][cli]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("granice-xliff-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy(fs::path(GRANICE_SOURCE_DIR) / "tests/content/valid", dir / "c");
  fs::copy(fs::path(GRANICE_SOURCE_DIR) / "tests/content/xliff/interface.json", dir / "c");
  const std::string cli = std::string("'") + GRANICE_CLI_PATH + "' xliff ";
  const std::string c = "'" + (dir / "c").string() + "'";
  const std::string original = test::read_file(dir / "c/course.json");

  CHECK(run_shell(cli + "export --source pl " + c).status == 2);  // --target is required
  CHECK(run_shell(cli + "frobnicate").status == 2);
  CHECK(run_shell(cli + "export --target uk --bogus x " + c).status == 2);
  CHECK(run_shell(cli + "import " + c).status == 2);  // no such XLIFF file (the folder is not one)
  const auto exported = run_shell(cli + "export --target uk --out '" + (dir / "uk.xlf").string() + "' " + c);
  CHECK(exported.status == 0);
  CHECK(exported.out.find(": 97 units (pl -> uk), 0 already translated\n") != std::string::npos);
  const std::string xliff = test::read_file(dir / "uk.xlf");
  CHECK(xliff.find("source-language=\"pl\" target-language=\"uk\"") != std::string::npos);  // --source defaults to the first language

  // Refused: exit 1, the problems on stderr, nothing written.
  const auto refused = run_shell(cli + "import '" + (dir / "uk.xlf").string() + "' " + c);
  CHECK(refused.status == 1);
  CHECK(refused.out.find((dir / "uk.xlf").string() + ":5:7: course.json#/title: no <target>; the translation of every unit\n") !=
        std::string::npos);
  CHECK(refused.out.find("problems; nothing was written\n") != std::string::npos);
  CHECK(test::read_file(dir / "c/course.json") == original);

  {
    std::ofstream(dir / "uk-done.xlf", std::ios::binary) << translate_all(xliff, uk);
  }
  const auto dry = run_shell(cli + "import --dry-run '" + (dir / "uk-done.xlf").string() + "' " + c);
  CHECK(dry.status == 0);
  CHECK(dry.out.find("(dry run: nothing written); uk added to the course's languages") != std::string::npos);
  CHECK(test::read_file(dir / "c/course.json") == original);
  const auto imported = run_shell(cli + "import '" + (dir / "uk-done.xlf").string() + "' " + c);
  CHECK(imported.status == 0);
  CHECK(imported.out.find(": 97 units, 97 uk texts changed in 5 files; uk added to the course's languages\n") != std::string::npos);
  CHECK(imported.out.find("note: the language switcher shows \"uk\" until course.json gives its own name: import with --name NAME") !=
        std::string::npos);
  CHECK(run_shell("'" + std::string(GRANICE_CLI_PATH) + "' lint " + c).status == 0);

  // The pseudo-locale as a copy of the content; the original is untouched, the copy lints clean.
  const std::string out = "'" + (dir / "qps").string() + "'";
  CHECK(run_shell(cli + "pseudo " + c).status == 2);  // needs --out or --xliff
  CHECK(run_shell(cli + "pseudo --out " + c + " " + c).status == 2);  // never into the content itself
  CHECK(run_shell(cli + "pseudo --out " + out + " " + c).status == 0);
  CHECK(test::read_file(dir / "qps/course.json").find("\"languages\": [\"pl\", \"en\", \"uk\", { \"code\": \"qps\", \"name\": \"[") !=
        std::string::npos);   // its own name bracketed like its texts
  CHECK(run_shell("'" + std::string(GRANICE_CLI_PATH) + "' lint " + out).status == 0);
  CHECK(run_shell(cli + "pseudo --out " + out + " " + c).status == 0);  // an earlier copy is replaced
  fs::remove_all(dir);
}
