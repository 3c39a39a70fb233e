// The pieces the item-quality rules and contact references are built from (the rules themselves are
// checked line by line by the lint corpus, tests/content/cases/warn-* and ok-*).
#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <string>

#include "core/content/item_lint.h"
#include "core/content/lint_words.h"
#include "core/content/loader.h"
#include "core/text/text_fold.h"
#include "core/content/text_refs.h"

using namespace granice;

TEST_CASE("binomial tail: exact values a hand can check", "[lint]") {
  CHECK(binomial_tail(4, 4, 0.25) == Approx(1.0 / 256));                 // all four by chance
  CHECK(binomial_tail(4, 3, 0.25) == Approx(13.0 / 256));                // 4 x 3/256 + 1/256
  CHECK(binomial_tail(6, 0, 0.3) == Approx(1.0));
  CHECK(binomial_tail(6, 7, 0.3) == Approx(0.0));
  CHECK(binomial_tail(10, 1, 0.5) == Approx(1.0 - 1.0 / 1024));
  CHECK(binomial_tail(200, 100, 0.5) == Approx(0.5281).margin(0.0005));  // lgamma keeps large n exact enough
}

TEST_CASE("specific determiners: whole words, either case, Polish and English, from the shipped lists", "[lint]") {
  const LintWordsLoad shipped = read_lint_words(folder_source(GRANICE_SOURCE_DIR "/quizzes"));
  REQUIRE(shipped.diagnostics.empty());
  REQUIRE(shipped.words.in("pl"));
  REQUIRE(shipped.words.in("en"));
  const LanguageLintWords& pl = *shipped.words.in("pl");
  const LanguageLintWords& en = *shipped.words.in("en");
  CHECK(specific_determiners("Zawsze odmawiam, nigdy nie pytam.", pl) == std::vector<std::string>{"zawsze", "nigdy"});
  CHECK(specific_determiners("Żaden klient tego nie wie.", pl) == std::vector<std::string>{"żaden"});
  CHECK(specific_determiners("To na pewno minie.", pl) == std::vector<std::string>{"na pewno"});
  CHECK(specific_determiners("Wszystkiego dobrego, pewność siebie", pl).empty());  // other words, not the listed forms
  CHECK(specific_determiners("Only ask what you need — never more.", en) == std::vector<std::string>{"never", "only"});
  CHECK(specific_determiners("Ballroom tallies", en).empty());  // "all" inside words does not count
  CHECK(shipped.words.in("uk") == nullptr);                      // no list for the language
  CHECK(lowercase("ŻÓŁW Ąą ĆĘŃŚŹ") == "żółw ąą ćęńśź");
  CHECK(lowercase("ЗАВЖДИ Ніколи ЄЇҐ") == "завжди ніколи єїґ");   // a language added as data: Ukrainian
  CHECK(lowercase("ÉÀÜ ŠŽČŘ ĹŇŸ × ΑΩ") == "éàü šžčř ĺňÿ × αω");
}

TEST_CASE("digit groups: the numbers of a text, whatever the separators", "[lint]") {
  CHECK(digit_groups("800 70 2222, 18:00") == std::vector<std::string>{"00", "18", "2222", "70", "800"});
  CHECK(digit_groups("Ur. 1972 r.") == digit_groups("born in 1972"));
  CHECK(digit_groups("no numbers").empty());
}

TEST_CASE("contact references: replaced in every language, problems named", "[loader][resources]") {
  std::vector<Resource> rs(2);
  rs[0].id = "crisis";
  rs[0].phone = "116 123";
  rs[0].name.tr = {{"pl", "Telefon zaufania"}, {"en", "Crisis line"}};
  rs[1].id = "eap";
  rs[1].name.tr = {{"pl", "Program"}, {"en", "Programme"}};
  std::vector<std::string> problems;
  CHECK(resolve_refs_in("Dzwoń: {phone:crisis} ({resource:crisis}).", "pl", rs, &problems) == "Dzwoń: 116 123 (Telefon zaufania).");
  CHECK(resolve_refs_in("{resource:crisis}: {phone:crisis}", "en", rs, &problems) == "Crisis line: 116 123");
  CHECK(problems.empty());
  CHECK(resolve_refs_in("{phone:eap} {phone:nope} {phone:crisis", "en", rs, &problems) == "{phone:eap} {phone:nope} {phone:crisis");
  REQUIRE(problems.size() == 3);
  CHECK(problems[0] == "contact \"eap\" has no phone number for {phone:eap}");
  CHECK(problems[1] == "unknown contact \"nope\" in {phone:nope}");
  CHECK(problems[2] == "a contact reference without its closing '}': {phone:crisis");
  CHECK(resolve_refs_in("{braces} and {phone} stay", "en", rs) == "{braces} and {phone} stay");
}

TEST_CASE("contact references: the loaded course shows the contact, not the reference", "[loader][resources]") {
  const LoadResult r = load_course_folder(GRANICE_SOURCE_DIR "/tests/content/cases/ok-contact-reference");
  REQUIRE(r.ok());
  const RolePlay& rp = *r.course.modules.at(0).roleplay;
  CHECK(rp.nodes.at(0).client.in("pl") == "Mąż odszedł. Wsparcie: +48 000 000 000");
  CHECK(rp.nodes.at(0).client.in("en") == "He left. Support: +48 000 000 000");
}

namespace {
ContentSource words_source(const std::string& text) {
  ContentSource s;
  s.display_dir = "c/";
  s.read = [text](const std::string& name) -> std::optional<std::string> {
    if (name == kLintWordsFile) return text;
    return std::nullopt;
  };
  return s;
}
}  // namespace

TEST_CASE("lint words are data: a language adds its own lists, one without is told and not silent, mistakes are placed", "[lint]") {
  const LintWordsLoad uk = read_lint_words(words_source(
      "{\"uk\": {\"absolute\": [\"завжди\", \"ніколи\"], \"all_of_the_above\": [\"усі відповіді\"]}}"));
  REQUIRE(uk.diagnostics.empty());
  REQUIRE(uk.words.in("uk"));
  CHECK(specific_determiners("Завжди кажіть правду.", *uk.words.in("uk")) == std::vector<std::string>{"завжди"});
  CHECK(lint_words_notes(uk.words, {"pl", "uk"}) ==
        std::vector<std::string>{"lint/words.json lists no words for \"pl\": the always/never-word, all-of-the-above and "
                                 "stock-phrase checks were skipped for pl (add its lists there)"});
  CHECK(read_lint_words(words_source("")).diagnostics.size() == 1);   // not JSON
  const LintWordsLoad bad = read_lint_words(words_source("{\n  \"uk\": {\"absolute\": [\"ok\", 3, \" \"], \"always\": []}\n}"));
  std::vector<std::string> messages;
  for (const auto& d : bad.diagnostics) messages.push_back(format_diagnostic(d));
  CHECK(messages == std::vector<std::string>{
                        "c/lint/words.json:2:29: /uk/absolute/1: invalid entry 3; a word or phrase (a non-blank string)",
                        "c/lint/words.json:2:32: /uk/absolute/2: invalid entry \" \"; a word or phrase (a non-blank string)",
                        "c/lint/words.json:2:38: /uk/always: unknown field \"always\"; one of \"absolute\", \"all_of_the_above\", \"stock_phrases\""});
  CHECK(bad.words.in("uk")->absolute == std::vector<std::vector<std::string>>{{"ok"}});   // the good entries kept
  // No file at all: no lists, no error (lint then notes every language).
  ContentSource none;
  none.read = [](const std::string&) -> std::optional<std::string> { return std::nullopt; };
  CHECK(read_lint_words(none).words.languages.empty());
  CHECK(read_lint_words(none).diagnostics.empty());
}
