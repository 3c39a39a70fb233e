// The trainer view model (app/view/trainer_model.h): filters, text search, sort and exports.
#include <catch2/catch.hpp>

#include "app/view/trainer_model.h"
#include "core/record.h"
#include "test_course_fixture.h"

using namespace granice;
using namespace granice::test;
using granice::view::SortKey;
using granice::view::StatusFilter;
using granice::view::TrainerModel;

namespace {

Course small_course() {
  FixtureOptions o;
  o.modules = 2;
  o.questions = 2;
  o.bank = 4;
  o.draw = 2;
  return make_course(o);
}

std::string record(const Course& c, const std::string& id, const std::string& name, std::int64_t when, double skill,
                   bool complete) {
  Rng rng(std::hash<std::string>{}(id));
  std::int64_t now = when;
  CourseState st = new_state(c, id, name, "pl", rng.next(), now);
  if (complete) complete_course(c, st, rng, now, skill);
  st.updated = when;
  return to_record(c, st);
}

}  // namespace

TEST_CASE("trainer model: status filter, Polish-aware search, date range, sort", "[report][view]") {
  const Course c = small_course();
  TrainerModel t(c);
  t.AddFile("a.json", record(c, "a", "Zofia Łęcka", 1767225600, 1.0, true));      // 2026-01-01, passes
  t.AddFile("b.json", record(c, "b", "Adam Nowak", 1769904000, 0.0, true));       // 2026-02-01, fails
  t.AddFile("c.json", record(c, "c", "Ewa Żak", 1772323200, 0.0, false));         // 2026-03-01, not attempted
  t.AddFile("bad.json", "{ not json");
  REQUIRE(t.report().rows().size() == 3);
  CHECK(t.report().issues().size() == 1);
  CHECK(t.files_opened() == 4);

  CHECK(t.Visible() == std::vector<std::size_t>{1, 2, 0});  // by name: Adam, Ewa, Zofia

  t.status = StatusFilter::Passed;
  CHECK(t.Visible() == std::vector<std::size_t>{0});
  t.status = StatusFilter::Failed;
  CHECK(t.Visible() == std::vector<std::size_t>{1});
  t.status = StatusFilter::All;

  t.search = "ŁĘCKA";
  CHECK(t.Visible() == std::vector<std::size_t>{0});
  t.search = "żak";
  CHECK(t.Visible() == std::vector<std::size_t>{2});
  t.search = "b.json";
  CHECK(t.Visible() == std::vector<std::size_t>{1});
  t.search.clear();

  t.date_from = "2026-01-15";
  t.date_to = "2026-02-01";   // inclusive
  CHECK(t.DatesValid());
  CHECK(t.Visible() == std::vector<std::size_t>{1});
  t.date_to = "2026-02-30";
  CHECK_FALSE(t.DatesValid());
  t.date_from.clear();
  t.date_to.clear();

  t.SortBy(SortKey::Score);   // highest first
  CHECK(t.Visible().front() == 0);
  t.SortBy(SortKey::Score);   // flips
  CHECK(t.Visible().back() == 0);
  t.SortBy(SortKey::Date);
  CHECK(t.Visible() == std::vector<std::size_t>{2, 1, 0});

  t.status = StatusFilter::Failed;
  const std::string csv = t.TableCsv();   // the visible rows only
  CHECK(csv.find("Adam Nowak") != std::string::npos);
  CHECK(csv.find("Zofia") == std::string::npos);
  CHECK(t.ItemsCsv("pl").rfind("\xEF\xBB\xBF" "kind,", 0) == 0);

  t.Open(1);
  REQUIRE(t.selected);
  t.Open(99);
  CHECK(*t.selected == 1);
  t.Clear();
  CHECK(t.report().rows().empty());
  CHECK_FALSE(t.selected);
}

TEST_CASE("trainer model: case folding", "[report][view]") {
  CHECK(view::FoldCase("ĄĆĘŁŃÓŚŹŻ ABC") == "ąćęłńóśźż abc");
  CHECK(view::FoldCase("zażółć") == "zażółć");
  CHECK(view::ParseDate("2026-02-28").has_value());
  CHECK_FALSE(view::ParseDate("2026-2-28").has_value());
}
