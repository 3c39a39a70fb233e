// Trainer report (core/report/report.h, core/report/csv.h): aggregation checked by hand on tiny cases, CSV
// escaping, and hostile records that must never crash or block the good ones.
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/report/csv.h"
#include "core/text/decimal.h"
#include "core/content/loader.h"
#include "core/state/record.h"
#include "core/report/report.h"
#include "core/engines/scoring.h"
#include "core/engines/simulate.h"
#include "test_course_fixture.h"

using namespace granice;
using namespace granice::test;
using nlohmann::json;

namespace {

constexpr std::int64_t kNow = 1767225600;  // 2026-01-01

// Course: mod1 (quiz: one single_choice, 4 options, option 0 correct), mod2 (synthesis; quiz:
// one multiple_response, options {0,2,3} correct); both with the fixture role-play.
Course tiny_course() {
  FixtureOptions o;
  o.modules = 2;
  o.questions = 1;
  o.bank = 2;
  o.draw = 2;
  return make_course(o);
}

void read_lesson(const Course& c, CourseState& st, const Module& m) {
  for (std::size_t p = 0; p < m.pages.size(); ++p) view_page(st, c, m.id, static_cast<int>(p), kNow);
}

// Answers every question of the quiz: correct, or `wrong` (option indices) for choice types.
void take(const Course& c, CourseState& st, const std::string& quiz_id, bool correct, std::vector<int> wrong = {2}) {
  auto s = begin_quiz(c, st, quiz_id, kNow);
  REQUIRE(s);
  for (std::size_t k = 0; k < s->size(); ++k) {
    s->go(k);
    Response r = correct_response(s->current());
    if (!correct) r.selected = wrong;
    REQUIRE(s->answer(r));
    REQUIRE(s->submit());
    record_answer(st, *s, k, 3.0, kNow);
  }
  finish_quiz(st, *s, kNow);
}

void walk(const Course& c, CourseState& st, const std::string& module_id, const std::vector<std::size_t>& choices) {
  auto s = begin_roleplay(c, st, module_id, kNow);
  REQUIRE(s);
  for (std::size_t ch : choices) {
    REQUIRE(s->choose(ch));
    record_choice(st, module_id, *s, 2.0, kNow);
  }
}

const QuestionStat& stat(const ItemAnalysis& a, const std::string& id) {
  for (const auto& q : a.questions)
    if (q.id == id) return q;
  FAIL("no question " << id);
  return a.questions.front();
}

}  // namespace

// [SECTION] CSV
TEST_CASE("csv: formula injection is neutralised in every cell", "[report][csv]") {
  CHECK(csv::cell("=1+1") == "'=1+1");
  CHECK(csv::cell("+48 600 100 200") == "'+48 600 100 200");
  CHECK(csv::cell("-2") == "'-2");
  CHECK(csv::cell("@SUM(A1:A9)") == "'@SUM(A1:A9)");
  CHECK(csv::cell("\tcmd") == "'\tcmd");
  CHECK(csv::cell("\rcmd") == "\"'\rcmd\"");   // CR also forces quoting
  CHECK(csv::cell("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  CHECK(csv::cell("a=b") == "a=b");            // only a leading sign counts
  CHECK(csv::cell("") == "");
}

TEST_CASE("csv: quotes, commas, newlines and Polish letters", "[report][csv]") {
  CHECK(csv::cell("Zofia \"Zosia\" Łęcka") == "\"Zofia \"\"Zosia\"\" Łęcka\"");
  CHECK(csv::cell("Nowak, Anna") == "\"Nowak, Anna\"");
  CHECK(csv::cell("line 1\nline 2") == "\"line 1\nline 2\"");
  CHECK(csv::cell("Zażółć gęślą jaźń ĄĆĘŁŃÓŚŹŻ") == "Zażółć gęślą jaźń ĄĆĘŁŃÓŚŹŻ");
  CHECK(csv::row({"a", "b,c", "=x"}) == "a,\"b,c\",'=x\r\n");
  // Numbers as cells (core/text/decimal.h, shared with the SCORM values).
  CHECK(format_decimal(87.5) == "87.5");
  CHECK(format_decimal(80.0) == "80");
  CHECK(format_decimal(2.0 / 3.0) == "0.67");
  CHECK(format_decimal(-0.001) == "0");
  CHECK(format_decimal(12.25, 1) == "12.2");
  CHECK(format_decimal(std::nan("")) == "");  // an empty cell
  CHECK(format_decimal(HUGE_VAL) == "");
  CHECK(format_decimal(1.23456789, 9) == "1.2345679");  // at most 7 decimals
  CHECK(format_decimal(2.4, -1) == "2");                 // no decimals
  CHECK(std::string(csv::kBom) == "\xEF\xBB\xBF");
}

// [SECTION] Aggregation, by hand
TEST_CASE("report: hand-checked item analysis of three learners", "[report]") {
  const Course c = tiny_course();
  REQUIRE(c.modules.size() == 2);
  REQUIRE(c.modules[0].quiz.questions.front().type == QuestionType::SingleChoice);
  REQUIRE(c.modules[1].quiz.questions.front().type == QuestionType::MultipleResponse);

  // A: everything, all correct, best role-play path (boundary 1+1+1+0+1 = 4, empathy 1+0+1+1+0 = 3).
  CourseState a = new_state(c, "a", "Anna Nowak", "pl", 1, kNow);
  for (const Module& m : c.modules) {
    read_lesson(c, a, m);
    take(c, a, m.id, true);
    walk(c, a, m.id, {0, 0, 0, 0, 0});
  }
  take(c, a, c.assessment.id, true);
  // B: mod1 quiz wrong (option 2), mod2 quiz right, mod1 role-play straight to the poor ending (-1, 0).
  CourseState b = new_state(c, "b", "Bartosz Łęcki", "pl", 2, kNow + 86400);
  take(c, b, "mod1", false, {2});
  take(c, b, "mod2", true);
  walk(c, b, "mod1", {2});
  // C: opened the course only.
  CourseState cc = new_state(c, "c", "Cecylia", "en", 3, kNow);

  Report rep(c);
  CHECK(rep.add_file("a.json", to_record(c, a)));
  CHECK(rep.add_file("b.json", to_record(c, b)));
  CHECK(rep.add_file("c.json", to_record(c, cc)));
  REQUIRE(rep.issues().empty());
  REQUIRE(rep.rows().size() == 3);
  CHECK(status_label(rep.rows()[0]) == "passed");
  CHECK(status_label(rep.rows()[1]) == "incomplete");
  CHECK(status_label(rep.rows()[2]) == "not attempted");
  CHECK(rep.rows()[0].score == Approx(100.0));
  CHECK_FALSE(rep.rows()[1].score.has_value());

  const ItemAnalysis& it = rep.items();
  const QuestionStat& q1 = stat(it, "mod1-q1");
  CHECK(q1.answered == 2);
  CHECK(q1.correct == 1);
  CHECK(q1.share_correct() == Approx(0.5));
  REQUIRE(q1.options.size() == 4);
  CHECK(q1.options[0].correct);
  CHECK(q1.options[0].chosen == 1);   // A
  CHECK(q1.options[1].chosen == 0);
  CHECK(q1.options[2].chosen == 1);   // B's wrong choice
  CHECK(q1.options[3].chosen == 0);
  const QuestionStat& q2 = stat(it, "mod2-q1");
  CHECK(q2.answered == 2);
  CHECK(q2.correct == 2);
  CHECK(q2.options[0].chosen == 2);
  CHECK(q2.options[1].chosen == 0);

  REQUIRE(it.modules.size() == 2);
  CHECK(it.modules[0].scored == 2);
  CHECK(it.modules[0].mean_best() == Approx(50.0));  // (100 + 0) / 2
  CHECK(it.modules[1].mean_best() == Approx(100.0));
  CHECK(it.modules[0].passed == 1);

  REQUIRE(it.roleplays.size() == 2);
  const RolePlayStat& rp = it.roleplays[0];
  CHECK(rp.runs == 2);
  REQUIRE(rp.endings.size() == 3);
  CHECK(rp.endings[0].node_id == "end_good");
  CHECK(rp.endings[0].reached == 1);
  CHECK(rp.endings[1].reached == 0);  // end_partial
  CHECK(rp.endings[2].reached == 1);  // end_poor
  REQUIRE(rp.rubric.size() == 2);
  CHECK(rp.rubric_sum[0] == Approx(3.0));   // boundary_kept 4 + (-1)
  CHECK(rp.rubric_sum[1] == Approx(3.0));   // empathy_shown 3 + 0
  CHECK(it.roleplays[1].runs == 1);

  // Guidelines: obj1 A 100 (mod1 + as-q1), B 0 (mod1 wrong); obj2 A 100, B 100.
  REQUIRE(it.objectives.size() == 2);
  CHECK(it.objectives[0].learners == 2);
  CHECK(it.objectives[0].mean() == Approx(50.0));
  CHECK(it.objectives[0].histogram[0] == 1);
  CHECK(it.objectives[0].histogram[9] == 1);
  CHECK(it.objectives[1].mean() == Approx(100.0));
  CHECK(it.score_histogram[9] == 1);

  const ReportSummary s = rep.summary();
  CHECK(s.records == 3);
  CHECK(s.refused == 0);
  CHECK(s.passed == 1);
  CHECK(s.by_status.at("incomplete") == 1);
  CHECK(s.mean_score == Approx(100.0));

  // The same file again counts once.
  CHECK_FALSE(rep.add_file("a-copy.json", to_record(c, a)));
  CHECK(rep.rows().size() == 3);
  CHECK(rep.summary().duplicates == 1);
  CHECK(stat(rep.items(), "mod1-q1").answered == 2);

  // Learner detail: answers with verdicts, the role-play path with rubric totals.
  const LearnerDetail db = learner_detail(c, *rep.state(1), "pl");
  REQUIRE(db.modules[0].quiz.answers.size() == 1);
  CHECK_FALSE(db.modules[0].quiz.answers[0].correct);
  CHECK(db.modules[0].quiz.answers[0].known);
  CHECK(db.modules[1].quiz.answers[0].correct);
  CHECK(db.modules[0].outcome == Outcome::Poor);
  REQUIRE(db.modules[0].path.size() == 1);
  CHECK(db.modules[0].path[0].reply.rfind("n1 cold", 0) == 0);
  REQUIRE(db.modules[0].rubric.size() == 2);
  CHECK(db.modules[0].rubric[0].score == -1);
  CHECK(db.journal.size() == b.interactions.size());
  const LearnerDetail da = learner_detail(c, *rep.state(0), "en");
  CHECK(da.modules[0].path.size() == 5);
  CHECK(da.modules[0].rubric[0].score == 4);
  CHECK(da.assessment.answers.size() == 2);

  // CSV exports.
  const std::string table = table_csv(c, rep.rows());
  CHECK(table.rfind("\xEF\xBB\xBF" "file,learner_id,learner_name", 0) == 0);
  CHECK(table.find("Bartosz Łęcki") != std::string::npos);
  CHECK(table.find("\r\n") != std::string::npos);
  const std::string items = items_csv(c, rep.items(), "en");
  CHECK(items.find("question,mod1,mod1-q1,obj1,") != std::string::npos);
  CHECK(items.find(",2,1,50,50\r\n") != std::string::npos);   // n 2, correct 1, 50 %, mean score 50 %
  CHECK(items.find("ending,mod1,mod1-rp:end_good") != std::string::npos);
}

TEST_CASE("report: CSV cells from records are neutralised", "[report][csv]") {
  const Course c = tiny_course();
  CourseState st = new_state(c, "=cmd|' /C calc'!A0", "@SUM(1+1)", "pl", 9, kNow);
  Report rep(c);
  REQUIRE(rep.add_file("+evil.json", to_record(c, st)));
  const std::string t = table_csv(c, rep.rows());
  CHECK(t.find("'+evil.json,'=cmd|' /C calc'!A0,'@SUM(1+1)") != std::string::npos);
  CHECK(t.find(",=") == std::string::npos);
  CHECK(t.find(",@") == std::string::npos);
  CHECK(t.find(",+") == std::string::npos);
}

// [SECTION] Hostile input
TEST_CASE("report: malformed and hostile records are listed, never fatal", "[report][hostile]") {
  const Course c = tiny_course();
  CourseState good = new_state(c, "g", "Good", "pl", 4, kNow);
  take(c, good, "mod1", true);
  const std::string text = to_record(c, good);
  json j = json::parse(text);

  std::vector<std::pair<std::string, std::string>> bad = {
      {"empty.json", ""},
      {"garbage.json", "\xff\xfe\x00 not json"},
      {"array.json", "[1,2,3]"},
      {"other-format.json", R"({"format":"scorm","format_version":1})"},
      {"deep.json", std::string(100000, '[') + std::string(100000, ']')},
      {"deep-object.json", [] {
         std::string s;
         for (int i = 0; i < 5000; ++i) s += "{\"a\":";
         s += "1";
         s += std::string(5000, '}');
         return s;
       }()},
      {"huge.json", std::string(kRecordMaxBytes + 10, ' ')},
      {"truncated.json", text.substr(0, text.size() / 2)},
  };
  {
    json k = j;
    k["learner"]["name"] = std::string(100000, 'x');
    bad.emplace_back("huge-name.json", k.dump());
  }
  {
    json k = j;
    k["modules"] = "lots";
    bad.emplace_back("wrong-type.json", k.dump());
  }
  {
    json k = j;
    k["format_version"] = "1";
    bad.emplace_back("version-string.json", k.dump());
  }
  {
    json k = j;
    k["course"]["id"] = "another-course";
    bad.emplace_back("foreign.json", k.dump());
  }
  {
    json k = j;
    k["total_time_seconds"] = -5;
    bad.emplace_back("negative-time.json", k.dump());
  }

  Report rep(c);
  for (const auto& [name, body] : bad) CHECK_FALSE(rep.add_file(name, body));
  // Accepted despite oddities: another content version; answers that no longer fit; unknown module.
  json older = j;
  older["course"]["version"] = "0.9.0";
  older["modules"][0]["quiz"]["last_answers"][0]["selected"] = json::array({200});
  older["modules"][0]["quiz"]["last_answers"].push_back({{"question", "gone-q"}, {"submitted", true}, {"selected", {0}}});
  older["modules"].push_back(older["modules"][0]);
  older["modules"][2]["id"] = "retired-module";
  older["learner"]["id"] = "older";
  CHECK(rep.add_file("older.json", older.dump()));
  CHECK(rep.add_file("good.json", text));

  REQUIRE(rep.rows().size() == 2);
  CHECK(rep.issues().size() == bad.size());
  for (const ReportIssue& i : rep.issues()) {
    CHECK_FALSE(i.reason.empty());
    CHECK(i.reason.size() < 600);
  }
  auto reason = [&](const std::string& file) {
    for (const ReportIssue& i : rep.issues())
      if (i.file == file) return i.reason;
    return std::string();
  };
  CHECK(reason("foreign.json").find("another course") != std::string::npos);
  CHECK(reason("huge.json").find("too large") != std::string::npos);
  CHECK(reason("deep.json").find("nested") != std::string::npos);
  CHECK(reason("wrong-type.json").find("/modules") != std::string::npos);
  CHECK(reason("huge-name.json").find("/learner/name") != std::string::npos);
  const LearnerRow& o = rep.rows()[0];
  CHECK(o.course_version == "0.9.0");
  REQUIRE(o.warnings.size() == 2);
  CHECK(o.warnings[0].find("0.9.0") != std::string::npos);
  CHECK(o.warnings[1].find("retired-module") != std::string::npos);
  // Only the good record's answer counts for mod1-q1; the older one's no longer fits.
  CHECK(stat(rep.items(), "mod1-q1").answered == 1);
  const LearnerDetail d = learner_detail(c, *rep.state(0), "pl");
  REQUIRE(d.modules[0].quiz.answers.size() == 2);
  CHECK_FALSE(d.modules[0].quiz.answers[0].known);
  CHECK_FALSE(d.modules[0].quiz.answers[1].known);
}

// [SECTION] Simulated learners through the real engines and the shipped content
TEST_CASE("simulate: realistic, deterministic records of the shipped course", "[report][simulate]") {
  const LoadResult loaded = load_course_folder(std::string(GRANICE_SOURCE_DIR) + "/quizzes");
  REQUIRE(loaded.ok());
  const Course& c = loaded.course;
  const CourseState one = simulate_learner(c, 7, 3);
  CHECK(one == simulate_learner(c, 7, 3));
  CHECK_FALSE(one == simulate_learner(c, 7, 4));
  Report rep(c);
  // 20 learners: enough that a mix of outcomes does not hang on one content edit.
  for (std::uint64_t i = 0; i < 20; ++i) CHECK(rep.add_file("l" + std::to_string(i), to_record(c, simulate_learner(c, 7, i))));
  CHECK(rep.issues().empty());
  const ReportSummary s = rep.summary();
  CHECK(s.records == 20);
  CHECK(s.by_status.size() >= 2);   // a mix: passed, failed, incomplete, ...
  long answered = 0, wrong = 0;
  for (const auto& q : rep.items().questions) {
    answered += q.answered;
    wrong += q.answered - q.correct;
  }
  CHECK(answered > 6 * 20);
  CHECK(wrong > 0);
  for (const auto& r : rep.rows()) {
    CHECK(r.learner_id.rfind("emp-", 0) == 0);
    CHECK(r.course_version == c.version);
    CHECK(r.warnings.empty());
  }
}
