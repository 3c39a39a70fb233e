// Checks generated from the shipped content in quizzes/: every role-play branch, every quiz
// answer, and a full course run through the state, snapshot and record.
// Skips (with a warning) only when quizzes/course.json does not exist.
#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>
#include <regex>

#include <nlohmann/json.hpp>

#include "core/content/loader.h"
#include "core/state/record.h"
#include "core/state/snapshot.h"
#include "../read_file.h"
#include "test_course_fixture.h"

using namespace granice;
using namespace granice::test;

namespace {

const Course* shipped() {
  static std::optional<LoadResult> loaded;
  if (!loaded) {
    if (!std::filesystem::exists(GRANICE_SOURCE_DIR "/quizzes/course.json")) return nullptr;
    loaded = load_course_folder(GRANICE_SOURCE_DIR "/quizzes");
  }
  return &loaded->course;
}

bool have_content() {
  if (shipped()) return true;
  WARN("quizzes/course.json is missing: shipped-content tests skipped");
  return false;
}

}  // namespace

TEST_CASE("shipped content loads without diagnostics", "[content]") {
  if (!have_content()) return;
  LoadResult r = load_course_folder(GRANICE_SOURCE_DIR "/quizzes");
  for (const auto& d : r.diagnostics) INFO(format_diagnostic(d));
  REQUIRE(r.ok());
  CHECK_FALSE(r.course.modules.empty());
}

TEST_CASE("shipped content: every role-play branch reaches an ending within the rubric bounds", "[content][roleplay]") {
  if (!have_content()) return;
  const Course& c = *shipped();
  for (const auto& m : c.modules) {
    if (!m.roleplay) continue;
    const RolePlay& rp = *m.roleplay;
    const auto bounds = rubric_bounds(rp);
    INFO("role-play " << rp.id);
    RolePlaySession root(rp);
    REQUIRE(root.valid());
    int endings = 0, cut_loops = 0;
    long budget = 200000;
    // DFS over simple paths (a node already on the path is a loop: cut there, the loop's way out
    // is explored from its first visit).
    std::function<void(const RolePlaySession&, std::vector<bool>&)> dfs = [&](const RolePlaySession& s,
                                                                             std::vector<bool>& on_path) {
      REQUIRE(--budget > 0);
      if (s.ended()) {
        ++endings;
        const Debrief d = s.debrief();
        REQUIRE(d.ending != nullptr);
        CHECK(d.steps.size() == s.path().size());
        for (std::size_t k = 0; k < d.rubric.size(); ++k) {
          INFO("criterion " << d.rubric[k].id << " path size " << s.path().size());
          CHECK(d.rubric[k].score >= bounds[k].min);
          CHECK(d.rubric[k].score <= bounds[k].max);
          CHECK(d.rubric[k].score <= d.rubric[k].max);  // simple path: never above the best simple path
        }
        for (const auto& st : d.steps) CHECK_FALSE(st.choice->feedback.empty());
        // Restoring from the path gives the same walk.
        auto again = RolePlaySession::from_path(rp, s.path());
        REQUIRE(again);
        CHECK(again->node_index() == s.node_index());
        CHECK(again->totals() == s.totals());
        return;
      }
      REQUIRE(s.can_continue());
      REQUIRE(s.choices().size() >= 2);
      for (std::size_t i = 0; i < s.choices().size(); ++i) {
        RolePlaySession next = s;
        REQUIRE(next.choose(i));
        const auto ni = static_cast<std::size_t>(next.node_index());
        if (on_path[ni]) {
          ++cut_loops;
          continue;
        }
        on_path[ni] = true;
        dfs(next, on_path);
        on_path[ni] = false;
      }
    };
    std::vector<bool> on_path(rp.nodes.size(), false);
    on_path[static_cast<std::size_t>(root.node_index())] = true;
    dfs(root, on_path);
    CHECK(endings > 0);
    WARN(rp.id << ": " << endings << " paths to an ending, " << cut_loops << " loop edges");
  }
}

TEST_CASE("shipped content: every question graded right for the correct and each wrong answer", "[content][quiz]") {
  if (!have_content()) return;
  const Course& c = *shipped();
  std::vector<const Question*> all;
  for (const auto& m : c.modules)
    for (const auto& q : m.quiz.questions) all.push_back(&q);
  for (const auto& q : c.assessment.bank) all.push_back(&q);
  REQUIRE_FALSE(all.empty());
  for (const Question* qp : all) {
    const Question& q = *qp;
    INFO("question " << q.id);
    const Grade good = grade(q, correct_response(q));
    CHECK(good.correct);
    CHECK(good.score == 1.0);
    CHECK(good.earned == q.points);
    if (is_choice_type(q.type)) {
      int n_correct = 0;
      for (const auto& o : q.options) n_correct += o.correct;
      if (is_single_answer(q.type)) CHECK(n_correct == 1);
      for (std::size_t i = 0; i < q.options.size(); ++i) {
        Response r;
        r.selected = {static_cast<int>(i)};
        const Grade g = grade(q, r);
        const Feedback f = feedback_for(q, r);
        CHECK(f.items[i].chosen);
        CHECK(f.items[i].text != nullptr);  // every option explains itself
        if (q.options[i].correct) {
          CHECK(g.score == Approx(1.0 / n_correct));
          CHECK(g.correct == (n_correct == 1));
        } else {
          CHECK(g.score == 0.0);
          CHECK_FALSE(g.correct);
          // correct set plus this wrong option: partial credit for multiple_response
          if (q.type == QuestionType::MultipleResponse) {
            Response plus = correct_response(q);
            plus.selected.push_back(static_cast<int>(i));
            std::sort(plus.selected.begin(), plus.selected.end());
            CHECK(grade(q, plus).score == Approx(static_cast<double>(n_correct - 1) / n_correct));
          }
        }
      }
    } else if (q.type == QuestionType::Ordering) {
      for (std::uint64_t seed = 0; seed < 20; ++seed) {
        Response r;
        r.order = presentation_order(q, true, seed, 1);
        CHECK(grade(q, r).score < 1.0);  // presented order is never already right
      }
      // Swapping two neighbours: n-2 of n in place.
      for (std::size_t i = 0; i + 1 < q.items.size(); ++i) {
        Response r = correct_response(q);
        std::swap(r.order[i], r.order[i + 1]);
        const double n = static_cast<double>(q.items.size());
        CHECK(grade(q, r).score == Approx((n - 2) / n));
      }
    } else {
      const int n = static_cast<int>(q.pairs.size());
      Response rot = blank_response(q);
      for (int k = 0; k < n; ++k) rot.match[static_cast<std::size_t>(k)] = (k + 1) % n;
      CHECK(grade(q, rot).score == 0.0);
      for (int k = 0; k + 1 < n; ++k) {
        Response r = correct_response(q);
        std::swap(r.match[static_cast<std::size_t>(k)], r.match[static_cast<std::size_t>(k + 1)]);
        CHECK(grade(q, r).score == Approx(static_cast<double>(n - 2) / n));
        CHECK(feedback_for(q, r).overall != nullptr);
      }
    }
  }
}

TEST_CASE("shipped content: full course run, snapshot size, record round-trip", "[content][snapshot]") {
  if (!have_content()) return;
  const Course& c = *shipped();
  std::size_t worst = 0;
  std::string sizes;
  for (double skill : {1.0, 0.7, 0.3}) {
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
      Rng rng(seed);
      std::int64_t now = 1764577368;
      CourseState st = new_state(c, "employee-000123", "Aleksandra Wiśniewska", c.languages.front(), rng.next(), now);
      complete_course(c, st, rng, now, skill);
      CHECK(completion_status(c, st) == CompletionStatus::Completed);
      const std::string s = encode_snapshot(c, st);
      worst = std::max(worst, s.size());
      sizes += std::to_string(s.size()) + " ";
      INFO("skill " << skill << " seed " << seed << " snapshot " << s.size() << " chars: " << s);
      CHECK(s.size() < 1000);
      auto d = decode_snapshot(c, s);
      REQUIRE(d.ok());
      CHECK(d.dropped.empty());
      CourseState expect = st;
      expect.interactions.clear();
      CHECK(*d.state == expect);
      RecordResult r = from_record(to_record(c, st));
      REQUIRE(r.ok());
      CHECK(*r.state == st);
      if (skill == 1.0) CHECK(success_status(c, st) == SuccessStatus::Passed);
    }
  }
  WARN("shipped content: snapshot after the whole course (skill 1.0, 0.7, 0.3 x 6 learners): " << sizes
       << "chars; longest " << worst);
}

// Helpline numbers come from resources.json by reference ({phone:ID}); a number typed into a lesson,
// question or role-play line would survive a change of resources.json unnoticed.
TEST_CASE("shipped content: no contact's phone number is typed into course text", "[content][resources]") {
  if (!have_content()) return;
  const Course* c = shipped();
  auto digits = [](const std::string& s) {
    std::string d;
    for (char ch : s)
      if (ch >= '0' && ch <= '9') d += ch;
    return d;
  };
  std::vector<std::string> phones;
  for (const auto& r : c->resources)
    if (!r.phone.empty()) phones.push_back(digits(r.phone));
  REQUIRE(phones.size() >= 8);
  std::vector<std::string> files{c->course_file, c->assessment.file};
  for (const auto& m : c->modules) files.push_back(m.file);
  int strings = 0;
  for (const auto& f : files) {
    const auto doc = nlohmann::json::parse(granice::test::read_file(std::string(GRANICE_SOURCE_DIR) + "/quizzes/" + f));
    std::function<void(const nlohmann::json&, const std::string&)> walk = [&](const nlohmann::json& j, const std::string& at) {
      if (j.is_object()) {
        for (const auto& [k, v] : j.items()) walk(v, at + "/" + k);
      } else if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i) walk(j[i], at + "/" + std::to_string(i));
      } else if (j.is_string()) {
        ++strings;
        // Digits of the text with its {phone:…}/{resource:…} references taken out.
        const std::string s = std::regex_replace(j.get<std::string>(), std::regex(R"(\{(phone|resource):[^}]*\})"), " ");
        std::string run;
        for (std::size_t i = 0; i <= s.size(); ++i) {  // digit runs, spaces inside a number kept together
          const bool digit = i < s.size() && s[i] >= '0' && s[i] <= '9';
          const bool space_in_number = i < s.size() && s[i] == ' ' && !run.empty() && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9';
          if (digit || space_in_number) {
            run += s[i];
            continue;
          }
          if (!run.empty()) {
            INFO(f << " " << at << ": " << j.get<std::string>());
            CHECK(std::find(phones.begin(), phones.end(), digits(run)) == phones.end());
            run.clear();
          }
        }
      }
    };
    walk(doc, "");
  }
  CHECK(strings > 2000);
}
