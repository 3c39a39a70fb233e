// granice audit (core/content/audit.h) on a hand-made course whose figures follow by hand, and on the
// shipped course (complete output only: its figures are the content's business).
#include <catch2/catch.hpp>

#include "core/content/audit.h"
#include "core/content/lint_words.h"
#include "core/content/loader.h"
#include "test_course_fixture.h"

using namespace granice;
using namespace granice::test;

namespace {

LocalText same(const std::string& text) {
  LocalText t;
  t.tr["pl"] = text;
  t.tr["en"] = text;
  return t;
}

Option opt(const std::string& id, const std::string& text, bool correct) {
  Option o;
  o.id = id;
  o.text = same(text);
  o.correct = correct;
  o.feedback = same("why");
  return o;
}

// Module quiz, pass mark 50: q1's right option is the longest and the only one above the mean
// length, and the only one with a stock opener; q2's right option is the shortest, and two of its
// wrong options open with „Rozumiem”. Assessment, pass mark 50: two true/false items, keys true and
// false. Role-play: one decision, reply "a" longest (good ending), "b" with a stock opener
// (partial), "c" (poor). A second module has one multiple-response item, 4 of 5 options right.
Course hand_made() {
  Course c;
  c.id = "audit";
  c.languages = {"pl", "en"};
  Module m;
  m.id = "m";
  m.file = "m.json";
  m.quiz.pass_mark = 50;
  Question q1;
  q1.id = "q1";
  q1.type = QuestionType::SingleChoice;
  q1.options = {opt("a", "Rozumiem, sprawdzę to dziś", true), opt("b", "Odmawiam", false), opt("c", "Przerywam", false),
                opt("d", "Zgadzam", false)};
  Question q2;
  q2.id = "q2";
  q2.type = QuestionType::SingleChoice;
  q2.options = {opt("a", "Rozumiem, ale nie", false), opt("b", "Tak.", true), opt("c", "Rozumiem, to wszystko", false),
                opt("d", "Zapiszę to w karcie", false)};
  m.quiz.questions = {q1, q2};
  RolePlay rp;
  rp.id = "rp";
  rp.start = "n1";
  RolePlayNode n1;
  n1.id = "n1";
  auto reply = [](const std::string& id, const std::string& text, const std::string& next) {
    Choice ch;
    ch.id = id;
    ch.text = same(text);
    ch.next = next;
    return ch;
  };
  n1.choices = {reply("a", "Najdłuższa odpowiedź ze wszystkich", "good"), reply("b", "Rozumiem pana", "partial"),
                reply("c", "Krótko", "poor")};
  auto ending = [](const std::string& id, Outcome o) {
    RolePlayNode n;
    n.id = id;
    n.is_ending = true;
    n.outcome = o;
    return n;
  };
  rp.nodes = {n1, ending("good", Outcome::Good), ending("partial", Outcome::Partial), ending("poor", Outcome::Poor)};
  m.roleplay = rp;
  c.modules.push_back(m);
  // A second module: one multiple-response item, 4 of its 5 options right, pass mark 50.
  Module m2;
  m2.id = "m2";
  m2.file = "m2.json";
  m2.quiz.pass_mark = 50;
  m2.quiz.questions = {multiple_response("mr", 5, {0, 1, 2, 3}, "o")};
  c.modules.push_back(m2);
  c.assessment.id = "assessment";
  c.assessment.draw = 2;
  c.assessment.pass_mark = 50;
  c.assessment.bank = {true_false("t1", true, "o"), true_false("t2", false, "o")};
  return c;
}

const StrategyAudit& by(const AuditResult& r, CueStrategy s) {
  for (const auto& x : r.strategies)
    if (x.strategy == s) return x;
  FAIL("strategy missing");
  return r.strategies.front();
}

int ending_count(const RolePlayAudit& a, const std::string& id) {
  for (const auto& e : a.endings)
    if (e.node_id == id) return static_cast<int>(e.reached);
  return 0;
}

// The shipped stock openers of `lang` (quizzes/lint/words.json), as granice audit passes them.
std::vector<std::string> stock(const std::string& lang) {
  const LintWordsLoad words = read_lint_words(folder_source(GRANICE_SOURCE_DIR "/quizzes"));
  REQUIRE(words.diagnostics.empty());
  REQUIRE(words.words.in(lang));
  return words.words.in(lang)->stock_phrases;
}

}  // namespace

TEST_CASE("audit: figures a hand count predicts", "[audit]") {
  const Course c = hand_made();
  const AuditResult r = audit_course(c, AuditOptions{4000, "pl", 7, stock("pl")});
  REQUIRE(r.strategies.size() == std::size(kCueStrategies));
  CHECK(r.lang == "pl");

  // Cue strategies whose choice the cue decides: exact.
  // Longest: q1 right (the longest), q2 wrong (a wrong one is longest) -> 50 %, always at the pass mark.
  const auto& longest = by(r, CueStrategy::Longest).quizzes[0];
  CHECK(longest.mean_score == Approx(50.0));
  CHECK(longest.pass_probability == Approx(1.0));
  // Longer than the mean: q1 only the right one is above the mean (26 vs 8, 9, 7 characters);
  // q2 the three wrong ones are -> 50 %.
  CHECK(by(r, CueStrategy::LongerThanMean).quizzes[0].mean_score == Approx(50.0));
  // Empathic: q1's only „Rozumiem” is right, q2's two are wrong -> 50 %.
  CHECK(by(r, CueStrategy::Empathic).quizzes[0].mean_score == Approx(50.0));
  // Never the longest: q1 never (its key is the longest), q2 one of the three others (a 1/3 chance)
  // -> 50 x 1/3 = 16.7 %.
  const auto& never = by(r, CueStrategy::NeverLongest).quizzes[0];
  CHECK(never.mean_score == Approx(50.0 / 3).margin(4 * never.score_stderr + 0.01));
  // "True" when unsure on the assessment: t1 right, t2 wrong -> 50 %, always passes at 50.
  const auto& truthy = by(r, CueStrategy::TrueWhenUnsure).quizzes[2];
  CHECK(truthy.quiz_id == "assessment");
  CHECK(truthy.mean_score == Approx(50.0));
  CHECK(truthy.pass_probability == Approx(1.0));

  // Random guessing (and the first shown option, over shuffled options): each 4-option item right
  // with p = 1/4, so mean 25 % and P(at least one right) = 1 - (3/4)^2 = 7/16; each true/false item
  // with p = 1/2: mean 50 %, P(at least one) = 3/4. Within 4 standard errors (4000 draws).
  for (const CueStrategy s : {CueStrategy::Random, CueStrategy::FirstShown, CueStrategy::TickAll}) {  // no multiple response here
    INFO(strategy_id(s));
    const auto& quiz = by(r, s).quizzes[0];
    CHECK(quiz.mean_score == Approx(25.0).margin(4 * quiz.score_stderr + 0.01));
    CHECK(quiz.pass_probability == Approx(7.0 / 16.0).margin(4 * quiz.pass_stderr + 0.001));
    CHECK(quiz.score_stderr < 0.6);
  }
  const auto& random_tf = by(r, CueStrategy::Random).quizzes[2];
  CHECK(random_tf.mean_score == Approx(50.0).margin(4 * random_tf.score_stderr));
  CHECK(random_tf.pass_probability == Approx(0.75).margin(4 * random_tf.pass_stderr));

  // Tick every box on 4 right of 5: (4 right - 1 wrong) / 4 = 75 %, every time.
  CHECK(by(r, CueStrategy::TickAll).quizzes[1].mean_score == Approx(75.0));
  CHECK(by(r, CueStrategy::TickAll).quizzes[1].pass_probability == Approx(1.0));

  // Role-play: the longest reply always ends well, the empathic one always partly; random and
  // first-shown (replies shuffled) reach each ending about a third of the time.
  CHECK(ending_count(by(r, CueStrategy::Longest).roleplays[0], "good") == 4000);
  CHECK(ending_count(by(r, CueStrategy::Empathic).roleplays[0], "partial") == 4000);
  CHECK(ending_count(by(r, CueStrategy::NeverLongest).roleplays[0], "good") == 0);
  for (const CueStrategy s : {CueStrategy::Random, CueStrategy::FirstShown}) {
    const auto& rp = by(r, s).roleplays[0];
    CHECK(rp.runs == 4000);
    for (const char* e : {"good", "partial", "poor"}) CHECK(std::abs(ending_count(rp, e) - 1333) < 120);  // 4 SE
  }

  // The targets: longest, longer-than-mean and empathic beat random by 25 points on the quiz, and
  // every strategy passes the "final assessment" (pass mark 50) far more often than 1 %.
  const auto misses = audit_misses(c, r);
  CHECK(std::count_if(misses.begin(), misses.end(), [](const std::string& m) { return m.find("beats random guessing on m by 2") != std::string::npos; }) == 3);
  CHECK(std::count_if(misses.begin(), misses.end(), [](const std::string& m) { return m.find("passes the final assessment") != std::string::npos; }) == 8);

  // Deterministic: the same options give the same figures.
  const AuditResult again = audit_course(c, AuditOptions{4000, "pl", 7, stock("pl")});
  CHECK(again.strategies[0].quizzes[0].mean_score == r.strategies[0].quizzes[0].mean_score);
}

TEST_CASE("audit: shuffle off, the first shown option is the authored first", "[audit]") {
  Course c = hand_made();
  c.modules[0].quiz.shuffle_options = false;  // q1's key is authored first, q2's second
  c.shuffle_replies = false;                  // reply "a" (good) first
  const AuditResult r = audit_course(c, AuditOptions{200, "en", 1, stock("en")});
  CHECK(by(r, CueStrategy::FirstShown).quizzes[0].mean_score == Approx(50.0));
  CHECK(ending_count(by(r, CueStrategy::FirstShown).roleplays[0], "good") == 200);
}

TEST_CASE("audit: the shipped course, every strategy, quiz and role-play reported", "[audit][content]") {
  const LoadResult loaded = load_course_folder(GRANICE_SOURCE_DIR "/quizzes");
  REQUIRE(loaded.ok());
  const Course& c = loaded.course;
  const AuditResult r = audit_course(c, AuditOptions{40, "", 3, stock(c.languages.front())});
  CHECK(r.lang == c.languages.front());
  REQUIRE(r.strategies.size() == std::size(kCueStrategies));
  std::size_t roleplays = 0;
  for (const auto& m : c.modules) roleplays += m.roleplay.has_value();
  for (const auto& s : r.strategies) {
    INFO(strategy_id(s.strategy));
    REQUIRE(s.quizzes.size() == c.modules.size() + 1);
    CHECK(s.quizzes.back().quiz_id == c.assessment.id);
    CHECK(s.quizzes.back().questions == c.assessment.draw);
    for (const auto& q : s.quizzes) {
      CHECK((q.mean_score >= 0.0 && q.mean_score <= 100.0));
      CHECK((q.pass_probability >= 0.0 && q.pass_probability <= 1.0));
      CHECK(q.questions > 0);
    }
    REQUIRE(s.roleplays.size() == roleplays);
    for (const auto& rp : s.roleplays) {
      int ended = 0;
      for (const auto& e : rp.endings) ended += static_cast<int>(e.reached);
      CHECK(ended == rp.runs);  // every walk reaches an ending
      CHECK(rp.runs == 40);
    }
  }
}
