// The trainer's front end (src/trainer) on the headless runner: the real trainer screens, walked
// by role and name as the trainer page's DOM layer does.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/state/record.h"
#include "runner/headless.h"
#include "test_course_fixture.h"
#include "trainer/trainer_app.h"

using namespace granice;
using namespace granice::test;
using view::Role;

namespace {

std::string Record(const Course& c, const std::string& id, const std::string& name, double skill) {
  Rng rng(std::hash<std::string>{}(id));
  std::int64_t now = 1767225600;
  CourseState st = new_state(c, id, name, "en", rng.next(), now);
  complete_course(c, st, rng, now, skill);
  return to_record(c, st);
}

struct Downloads {
  std::vector<std::string> names;
};

}  // namespace

TEST_CASE("trainer screens, natively: open records, a learner, Esc back to the list, CSV, back to the course", "[screens][trainer]") {
  FixtureOptions o;
  o.modules = 2;
  o.questions = 2;
  const Course c = make_course(o);
  trainer::TrainerState t;
  t.settings.lang = "en";
  trainer::SetCourse(t, c, {});
  Downloads downloads;
  int picker = 0;
  int course_page = 0;
  t.hooks.download = [&](const std::string& name, const std::string&, const std::string&) { downloads.names.push_back(name); };
  t.hooks.open_files = [&] { ++picker; };
  t.hooks.open_course = [&] { ++course_page; };
  trainer::TrainerFrontEnd front(t);
  runner::Headless ui(front);

  CHECK(ui.Tree().title == "Trainer review");
  REQUIRE(ui.Press(Role::Button, "Open record files"));
  CHECK(picker == 1);
  t.model->AddFile("zofia.json", Record(c, "z", "Zofia Łęcka", 1.0));
  t.model->AddFile("adam.json", Record(c, "a", "Adam Nowak", 0.0));
  t.model->AddFile("broken.json", "{ not json");
  ui.Settle();
  CHECK(ui.Find(Role::Text, "Files opened: 3 · valid: 2 · refused: 1"));
  REQUIRE(ui.Find(Role::Link, "Adam Nowak"));

  REQUIRE(ui.Press(Role::Link, "Zofia Łęcka"));
  const view::SemanticNode* h = ui.Find(Role::Heading, "Zofia Łęcka");
  REQUIRE(h);
  CHECK(h->level == 2);
  ui.Escape();   // Esc closes the open learner, as "Back to the list" does
  CHECK_FALSE(ui.Find(Role::Heading, "Zofia Łęcka"));
  CHECK(ui.Find(Role::Link, "Zofia Łęcka"));

  REQUIRE(ui.Press(Role::Button, "Export table (CSV)"));
  REQUIRE(ui.Press(Role::Button, "Item analysis"));
  REQUIRE(ui.Press(Role::Button, "Export item analysis (CSV)"));
  CHECK(downloads.names == std::vector<std::string>{"granice-learners.csv", "granice-items.csv"});
  REQUIRE(ui.Press(Role::Button, "Files with problems (1)"));
  bool told = false;
  for (const view::SemanticNode& n : ui.Tree().nodes) told = told || n.name.rfind("broken.json: /: not valid JSON", 0) == 0;
  CHECK(told);

  REQUIRE(ui.Press(Role::Button, "Back to the course"));
  CHECK(course_page == 1);
}

TEST_CASE("trainer screens, natively: without a course page (single file) no Back button, and a course that failed to load is told", "[screens][trainer]") {
  FixtureOptions o;
  const Course c = make_course(o);
  trainer::TrainerState t;
  t.settings.lang = "pl";
  trainer::SetCourse(t, c, {});
  trainer::TrainerFrontEnd front(t);
  {
    runner::Headless ui(front);
    CHECK(ui.Find(Role::Heading, "Przegląd trenera"));
    CHECK_FALSE(ui.Find(Role::Button, "Wróć do kursu"));
  }
  trainer::SetCourse(t, std::nullopt, {"quizzes/course.json:1:1: /languages: expected an array"});
  runner::Headless ui(front);
  CHECK(ui.Find(Role::Text, "quizzes/course.json:1:1: /languages: expected an array"));
  CHECK_FALSE(ui.Find(Role::Button, "Otwórz pliki rekordów"));
}
