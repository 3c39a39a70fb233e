// The trainer view model (trainer/trainer_model.h): filters, text search, sort and exports.
#include <catch2/catch.hpp>
#include <tuple>

#include "trainer/trainer_model.h"
#include "core/state/record.h"
#include "test_course_fixture.h"

using namespace granice;
using namespace granice::test;
using granice::trainer::SortKey;
using granice::trainer::StatusFilter;
using granice::trainer::TrainerModel;

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
  CHECK(trainer::FoldCase("ĄĆĘŁŃÓŚŹŻ ABC") == "ąćęłńóśźż abc");
  CHECK(trainer::FoldCase("zażółć") == "zażółć");
  CHECK(trainer::ParseDate("2026-02-28").has_value());
  CHECK_FALSE(trainer::ParseDate("2026-2-28").has_value());
}

TEST_CASE("trainer model: the item analysis follows the table's filters", "[report][view]") {
  const Course c = small_course();
  const std::vector<std::tuple<std::string, std::string, std::int64_t, double, bool>> people = {
      {"a", "Zofia Łęcka", 1767225600, 1.0, true},  {"b", "Adam Nowak", 1769904000, 0.0, true},
      {"c", "Ewa Żak", 1772323200, 0.0, false},     {"d", "Piotr Wiśniewski", 1769990400, 0.6, true},
      {"e", "Anna Kowalska", 1772409600, 0.3, true}, {"f", "Jan Zieliński", 1767312000, 0.9, true},
  };
  TrainerModel all(c);
  std::vector<std::string> texts;
  for (const auto& [id, name, when, skill, complete] : people) {
    texts.push_back(record(c, id, name, when, skill, complete));
    all.AddFile(id + ".json", texts.back());
  }
  REQUIRE(all.report().rows().size() == people.size());
  // No filter: the whole report's analysis, as before.
  CHECK_FALSE(all.Filtered());
  CHECK(&all.Items() == &all.report().items());

  // Each filter: the analysis equals that of a model opened with only the rows the table shows.
  auto same_as_only_visible = [&](TrainerModel& t) {
    const auto visible = t.Visible();
    TrainerModel only(c);
    for (std::size_t i : visible) only.AddFile(std::get<0>(people[i]) + ".json", texts[i]);
    REQUIRE(only.report().rows().size() == visible.size());
    CHECK(t.ItemsCsv("en") == only.ItemsCsv("en"));
    CHECK(t.Items().score_histogram == only.report().items().score_histogram);
    for (std::size_t m = 0; m < t.Items().modules.size(); ++m) {
      CHECK(t.Items().modules[m].scored == only.report().items().modules[m].scored);
      CHECK(t.Items().modules[m].passed == only.report().items().modules[m].passed);
    }
    return visible.size();
  };
  all.status = StatusFilter::Failed;
  REQUIRE(all.Filtered());
  const std::size_t failed = same_as_only_visible(all);
  CHECK(failed >= 1);
  CHECK(failed < people.size());
  CHECK(all.ItemsCsv("en") != TrainerModel(c).ItemsCsv("en"));  // not an empty analysis
  all.status = StatusFilter::All;
  all.date_from = "2026-02-01";
  all.date_to = "2026-02-28";
  CHECK(same_as_only_visible(all) == 2);  // Adam and Piotr
  all.date_from.clear();
  all.date_to.clear();
  all.search = "ska";                      // Kowalska only (case-folded)
  CHECK(same_as_only_visible(all) == 1);
  // Back to no filter: everyone again.
  all.search.clear();
  CHECK_FALSE(all.Filtered());
  CHECK(all.ItemsCsv("en") == items_csv(c, all.report().items(), "en"));
  // A date that is not a date yet (being typed) filters nothing, in the table and here alike.
  all.date_from = "2026-0";
  CHECK_FALSE(all.Filtered());
}
