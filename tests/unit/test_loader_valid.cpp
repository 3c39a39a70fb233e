// The valid base course (tests/content/valid) must load into exactly these model values.
#include <algorithm>
#include <filesystem>

#include <catch2/catch.hpp>

#include "../read_file.h"
#include "core/content/content_hash.h"
#include "core/text/json_source.h"
#include "core/content/loader.h"

namespace {

const std::string kValid = std::string(GRANICE_SOURCE_DIR) + "/tests/content/valid";

const granice::Course& valid_course() {
  static const granice::LoadResult result = granice::load_course_folder(kValid);  // loaded once for all sections
  REQUIRE(result.ok());
  return result.course;
}

}  // namespace

using namespace granice;

TEST_CASE("loader: course.json settings", "[loader]") {
  const Course& c = valid_course();
  CHECK(c.id == "tiny");
  CHECK(c.version == "1.0.0");
  CHECK(c.languages == std::vector<std::string>{"pl", "en"});
  CHECK(c.title.in("pl") == "Mały kurs");
  CHECK(c.title.in("en") == "Tiny course");
  CHECK(c.pass_mark == 80);
  CHECK(c.roleplay_feedback_immediate);
  CHECK(c.lock_assessment);
  CHECK(c.assessment_required);
  REQUIRE(c.objectives.size() == 2);
  CHECK(c.objectives[1].id == "listening");
  CHECK(c.objective("boundaries")->title.in("en") == "Set boundaries");
  CHECK(c.objective("nope") == nullptr);
  CHECK(c.certificate_body.in("en") == "{name} completed {course} with {score}%.");
}

TEST_CASE("loader: module lesson", "[loader]") {
  const Course& c = valid_course();
  REQUIRE(c.modules.size() == 1);
  const Module& m = c.modules[0];
  CHECK(c.module("boundaries") == &m);
  CHECK(c.module("x") == nullptr);
  CHECK(m.kind == ModuleKind::Guideline);
  CHECK(m.number == 1);
  CHECK(m.objective == "boundaries");
  CHECK(m.file == "m1-boundaries.json");
  CHECK(m.required);
  REQUIRE(m.pages.size() == 2);
  CHECK(m.pages[0].id == "why");
  REQUIRE(m.pages[0].blocks.size() == 3);
  CHECK(m.pages[0].blocks[0].kind == BlockKind::Heading);
  CHECK(m.pages[0].blocks[2].kind == BlockKind::Bullets);
  CHECK(m.pages[0].blocks[2].items.size() == 2);
  const auto& b = m.pages[1].blocks;
  REQUIRE(b.size() == 4);
  CHECK(b[0].kind == BlockKind::Phrase);
  CHECK(b[0].caption.in("en") == "When it drifts");
  CHECK(b[1].kind == BlockKind::DoDont);
  CHECK(b[1].dos.size() == 1);
  CHECK(b[1].donts.at(0).in("pl") == "Oceniaj");
  CHECK(b[2].kind == BlockKind::Note);
  CHECK(b[3].kind == BlockKind::Resources);
}

TEST_CASE("loader: quiz questions of every type", "[loader]") {
  const Course& c = valid_course();
  const Quiz& quiz = c.modules.at(0).quiz;
  CHECK(quiz.pass_mark == 80);
  CHECK(quiz.max_attempts == 0);
  CHECK(quiz.shuffle_options);
  REQUIRE(quiz.questions.size() == 6);
  const auto& q = quiz.questions;
  CHECK(q[0].type == QuestionType::SingleChoice);
  CHECK(q[0].module_id == "boundaries");
  CHECK(q[0].points == 1.0);
  CHECK(q[0].options.at(0).correct);
  CHECK_FALSE(q[0].options.at(1).correct);
  CHECK(q[1].type == QuestionType::MultipleResponse);
  CHECK(q[1].points == 2.0);
  CHECK(q[1].options.size() == 3);
  CHECK(q[2].type == QuestionType::TrueFalse);
  CHECK(q[2].objective == "listening");
  CHECK(q[2].options.at(0).id == "true");
  CHECK(q[2].options.at(0).text.empty());
  CHECK(q[2].options.at(1).correct);
  CHECK(q[3].type == QuestionType::Ordering);
  CHECK(q[3].items.size() == 3);
  CHECK(q[3].items.at(2).id == "s3");
  CHECK(q[3].feedback_incorrect.in("pl") == "Źle");
  CHECK(q[4].type == QuestionType::Matching);
  REQUIRE(q[4].pairs.size() == 3);
  CHECK(q[4].pairs[0].feedback.empty());
  CHECK(q[4].pairs[1].feedback.in("en") == "Yes");
  CHECK(q[4].pairs[2].target.in("en") == "Discretion");
  CHECK(q[5].type == QuestionType::BestReply);
  CHECK(q[5].client_line.in("en") == "My husband left me.");
  CHECK(c.question("b-q4") == &q[3]);
  CHECK(c.question("a-q2") == &c.assessment.bank.at(1));
  CHECK(c.question("zzz") == nullptr);
}

TEST_CASE("loader: role-play", "[loader]") {
  const auto& rp = valid_course().modules.at(0).roleplay;
  REQUIRE(rp);
  CHECK(rp->id == "boundaries-rp");
  CHECK(rp->persona_name.in("pl") == "Pani Jadwiga");
  CHECK(rp->start == "n1");
  REQUIRE(rp->nodes.size() == 4);
  CHECK(rp->node_index("n2") == 1);
  CHECK(rp->node_index("end_poor") == 3);
  CHECK(rp->node_index("nope") == -1);
  const auto& n1 = rp->nodes[0];
  CHECK(n1.mood.in("en") == "sad");
  REQUIRE(n1.choices.size() == 2);
  CHECK(n1.choices[0].next == "n2");
  CHECK(n1.choices[0].scores.at("empathy_shown") == 1);
  CHECK(n1.choices[0].honours == std::vector<std::string>{"boundaries"});
  CHECK(n1.choices[1].breaks == std::vector<std::string>{"listening"});
  CHECK(n1.choices[1].scores.count("empathy_shown") == 0);
  const auto& good = rp->nodes[2];
  CHECK(good.is_ending);
  CHECK(good.outcome == Outcome::Good);
  CHECK(good.client.in("en") == "Thank you.");
  CHECK(rp->nodes[3].outcome == Outcome::Poor);
  CHECK(rp->nodes[3].client.empty());
  // n1 -> n2 -> end_good gives boundary 1+1; n1 -> n2 -> end_poor gives empathy 1+1.
  REQUIRE(rp->rubric.size() == 2);
  CHECK(rp->rubric[0].id == "boundary_kept");
  CHECK(rp->rubric[0].max == 2);
  CHECK(rp->rubric[1].max == 2);
}

TEST_CASE("loader: assessment and resources", "[loader]") {
  const Course& c = valid_course();
  CHECK(c.assessment.id == "assessment");
  CHECK(c.assessment.file == "assessment.json");
  CHECK(c.assessment.draw == 2);
  CHECK(c.assessment.pass_mark == 75);
  CHECK(c.assessment.max_attempts == 3);
  REQUIRE(c.assessment.bank.size() == 2);
  CHECK(c.assessment.bank[0].module_id == "assessment");
  CHECK(c.resources_note.in("en") == "Example contacts.");
  REQUIRE(c.resources.size() == 2);
  CHECK(c.resources[0].phone == "+48 000 000 000");
  CHECK(c.resources[0].url == "https://example.org");
  CHECK(c.resources[0].hours.in("pl") == "pn–pt");
  CHECK(c.resources[1].category == "crisis");
  CHECK(c.resources[1].phone.empty());
}

TEST_CASE("loader: content hash is FNV-1a 64 over the files in load order", "[loader]") {
  Fnv1a64 h;
  for (const char* f : {"course.json", "m1-boundaries.json", "assessment.json", "resources.json"}) {
    h.add(granice::test::read_file(kValid + "/" + f));
  }
  CHECK(valid_course().content_hash == h.hex());
  CHECK(valid_course().content_hash.size() == 16);
}

TEST_CASE("loader: file names in messages follow the folder as given", "[loader]") {
  CHECK(display_name(folder_source("quizzes/"), "course.json") == "quizzes/course.json");
  CHECK(display_name(folder_source("quizzes"), "course.json") == "quizzes/course.json");
  CHECK(display_name(folder_source("."), "course.json") == "course.json");
  const auto missing = load_course_folder("/nonexistent/folder");
  REQUIRE(missing.diagnostics.size() == 1);
  CHECK(format_diagnostic(missing.diagnostics[0]) ==
        "/nonexistent/folder/course.json:1:1: /: cannot read the file; a course.json in the content folder");
}

TEST_CASE("loader: a throwing reader is a missing file, not a crash", "[loader]") {
  ContentSource source{"x", [](const std::string&) -> std::optional<std::string> { throw std::runtime_error("io"); }};
  const auto result = load_course(source);
  CHECK(result.diagnostics.size() == 1);
}

TEST_CASE("loader: files parsed ahead are used only for the same text", "[loader]") {
  const ContentSource disk = folder_source(kValid);
  auto kept = std::make_shared<ParsedTexts>();
  for (const char* name : {"course.json", "m1-boundaries.json", "assessment.json", "resources.json"}) {
    kept->keep(name, *disk.read(name));
  }
  CHECK(kept->find("course.json", *disk.read("course.json")) != nullptr);
  CHECK(kept->find("course.json", *disk.read("course.json") + " ") == nullptr);
  CHECK(kept->find("other.json", "{}") == nullptr);
  // The same course from the kept parses as from the files.
  ContentSource cached = disk;
  cached.parsed = kept;
  const LoadResult a = load_course(disk), b = load_course(cached);
  REQUIRE(b.ok());
  CHECK(b.course.content_hash == a.course.content_hash);
  CHECK(b.course.modules.at(0).quiz.questions.size() == a.course.modules.at(0).quiz.questions.size());
  // A file served with another text than the kept one is parsed from that text.
  ContentSource edited = cached;
  edited.read = [disk](const std::string& name) -> std::optional<std::string> {
    if (name == "m1-boundaries.json") return std::string("{ \"id\": 1 }");
    return disk.read(name);
  };
  const LoadResult c = load_course(edited);
  REQUIRE_FALSE(c.ok());
  CHECK(std::any_of(c.diagnostics.begin(), c.diagnostics.end(), [](const Diagnostic& d) {
    return d.pointer == "/id" && d.line == 1 && d.col == 9 && d.message == "wrong type: a whole number";
  }));
}

TEST_CASE("loader: LocalText falls back to a present language", "[model]") {
  LocalText t;
  CHECK(t.in("pl").empty());
  t.tr.emplace("pl", "tak");
  CHECK(t.in("en") == "tak");
  CHECK(t.in("pl") == "tak");
}
