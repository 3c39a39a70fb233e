#include "test_course_fixture.h"

#include "core/engines/walker.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "../read_file.h"

#include "core/engines/quiz_engine.h"
#include "core/engines/roleplay_engine.h"

namespace granice::test {

LocalText lt(const std::string& text) {
  LocalText t;
  t.tr["pl"] = text + " (pl)";
  t.tr["en"] = text;
  return t;
}

// The shipped interface strings (quizzes/interface.json), as the loader would give them: fixture
// courses are drawn by the real screens, which look their labels up there.
static const std::map<std::string, InterfaceString, std::less<>>& shipped_interface() {
  static const auto strings = [] {
    std::map<std::string, InterfaceString, std::less<>> out;
    const std::string text = read_file(std::string(GRANICE_SOURCE_DIR) + "/quizzes/interface.json");
    const nlohmann::json file = nlohmann::json::parse(text);
    for (const auto& [id, value] : file.at("strings").items()) {
      InterfaceString s;
      for (const auto& [key, v] : value.items()) {
        if (key == "max_length") s.max_length = v.get<int>();
        else s.text.tr[key] = v.get<std::string>();
      }
      out[id] = s;
    }
    return out;
  }();
  return strings;
}

static Question base(const std::string& id, QuestionType type, const std::string& objective) {
  Question q;
  q.id = id;
  q.type = type;
  q.objective = objective;
  q.prompt = lt("Prompt of " + id);
  return q;
}

static std::vector<Option> options(const std::string& id, int n, std::initializer_list<int> correct) {
  std::vector<Option> out;
  for (int i = 0; i < n; ++i) {
    Option o;
    o.id = std::string(1, static_cast<char>('a' + i));
    o.text = lt(id + " option " + o.id);
    o.correct = std::find(correct.begin(), correct.end(), i) != correct.end();
    o.feedback = lt(id + " feedback " + o.id);
    out.push_back(o);
  }
  return out;
}

Question single_choice(const std::string& id, int n, int correct, const std::string& objective) {
  Question q = base(id, QuestionType::SingleChoice, objective);
  q.options = options(id, n, {correct});
  return q;
}

Question best_reply(const std::string& id, int n, int correct, const std::string& objective) {
  Question q = base(id, QuestionType::BestReply, objective);
  q.client_line = lt("Client says something personal in " + id);
  q.options = options(id, n, {correct});
  return q;
}

Question multiple_response(const std::string& id, int n, std::initializer_list<int> correct,
                           const std::string& objective) {
  Question q = base(id, QuestionType::MultipleResponse, objective);
  q.options = options(id, n, correct);
  return q;
}

Question true_false(const std::string& id, bool answer, const std::string& objective) {
  Question q = base(id, QuestionType::TrueFalse, objective);
  Option t, f;
  t.id = "true";
  t.correct = answer;
  t.feedback = lt(id + " true feedback");
  f.id = "false";
  f.correct = !answer;
  f.feedback = lt(id + " false feedback");
  q.options = {t, f};
  return q;
}

Question ordering(const std::string& id, int n, const std::string& objective) {
  Question q = base(id, QuestionType::Ordering, objective);
  for (int i = 0; i < n; ++i) q.items.push_back(OrderItem{"s" + std::to_string(i + 1), lt(id + " step " + std::to_string(i + 1))});
  q.feedback_correct = lt(id + " right order");
  q.feedback_incorrect = lt(id + " wrong order");
  return q;
}

Question matching(const std::string& id, int n, const std::string& objective) {
  Question q = base(id, QuestionType::Matching, objective);
  for (int i = 0; i < n; ++i) {
    MatchPair p;
    p.id = "p" + std::to_string(i + 1);
    p.source = lt(id + " source " + p.id);
    p.target = lt(id + " target " + p.id);
    p.feedback = lt(id + " pair feedback " + p.id);
    q.pairs.push_back(p);
  }
  q.feedback_correct = lt(id + " all matched");
  q.feedback_incorrect = lt(id + " some wrong");
  return q;
}

static Question nth_question(const std::string& id, int k, const std::string& objective) {
  switch (k % 7) {
    case 0: return single_choice(id, 4, k % 4, objective);
    case 1: return multiple_response(id, 5, {0, 2, 3}, objective);
    case 2: return true_false(id, k % 2 == 0, objective);
    case 3: return ordering(id, 3 + k % 4, objective);
    case 4: return matching(id, 3 + k % 4, objective);
    case 5: return best_reply(id, 3, 2, objective);
    default: {
      Question q = single_choice(id, 3, 1, objective);
      q.points = 2.0;
      return q;
    }
  }
}

static Choice choice(const std::string& text, const std::string& next, int b, int e, const std::string& objective,
                     bool good) {
  Choice c;
  c.text = lt(text);
  c.next = next;
  if (b != 0) c.scores["boundary_kept"] = b;
  if (e != 0) c.scores["empathy_shown"] = e;
  c.feedback = lt("Feedback: " + text);
  if (good) c.honours.push_back(objective);
  else c.breaks.push_back(objective);
  return c;
}

RolePlay make_roleplay(const std::string& id, const std::string& objective) {
  RolePlay rp;
  rp.id = id;
  rp.persona_name = lt("Mrs Client of " + id);
  rp.workplace = lt("bank branch");
  rp.persona_description = lt("Talks a lot about her family.");
  rp.intro = lt("Intro of " + id);
  rp.rubric = {RubricCriterion{"boundary_kept", lt("Boundary kept"), 0},
               RubricCriterion{"empathy_shown", lt("Empathy shown"), 0}};
  rp.start = "n1";
  auto node = [](const std::string& nid, std::vector<Choice> cs) {
    RolePlayNode n;
    n.id = nid;
    n.client = lt("Client line at " + nid);
    n.mood = lt("upset");
    n.choices = std::move(cs);
    for (std::size_t i = 0; i < n.choices.size(); ++i) n.choices[i].id = std::string(1, static_cast<char>('a' + i));
    return n;
  };
  auto ending = [](const std::string& nid, Outcome o) {
    RolePlayNode n;
    n.id = nid;
    n.is_ending = true;
    n.outcome = o;
    n.ending_title = lt("Ending " + nid);
    n.debrief = lt("Debrief " + nid);
    n.client = lt("Goodbye from " + nid);
    return n;
  };
  rp.nodes.push_back(node("n1", {choice("n1 kind and clear", "n2", 1, 1, objective, true),
                                 choice("n1 warm only", "n2", 0, 1, objective, false),
                                 choice("n1 cold", "end_poor", -1, 0, objective, false)}));
  rp.nodes.push_back(node("n2", {choice("n2 redirect", "n3", 1, 0, objective, true),
                                 choice("n2 asks more (loops)", "n1", 0, -1, objective, false)}));
  rp.nodes.push_back(node("n3", {choice("n3 offer help", "n4", 1, 1, objective, true),
                                 choice("n3 shrug", "end_partial", 0, 0, objective, false)}));
  rp.nodes.push_back(node("n4", {choice("n4 summarise", "n5", 0, 1, objective, true),
                                 choice("n4 promise too much", "end_poor", -1, 0, objective, false)}));
  rp.nodes.push_back(node("n5", {choice("n5 close well", "end_good", 1, 0, objective, true),
                                 choice("n5 close warmly", "end_partial", 0, 1, objective, false)}));
  rp.nodes.push_back(ending("end_good", Outcome::Good));
  rp.nodes.push_back(ending("end_partial", Outcome::Partial));
  rp.nodes.push_back(ending("end_poor", Outcome::Poor));
  return rp;
}

Course make_course(const FixtureOptions& opt) {
  Course c;
  c.id = "granice-test";
  c.version = "1.0.0";
  c.languages = {"pl", "en"};
  c.language_info = {{"pl", "Polski"}, {"en", "English"}};
  c.default_language = "pl";
  c.interface_strings = shipped_interface();
  c.title = lt("Test course");
  c.pass_mark = 80;
  c.lock_assessment = opt.lock_assessment;
  c.assessment_required = opt.assessment_required;
  c.content_hash = "fixture-hash-1";
  for (int m = 0; m < opt.modules; ++m) {
    const std::string obj = "obj" + std::to_string(m + 1);
    c.objectives.push_back(Objective{obj, lt("Objective " + obj)});
    Module mod;
    mod.id = "mod" + std::to_string(m + 1);
    mod.kind = m + 1 == opt.modules ? ModuleKind::Synthesis : ModuleKind::Guideline;
    mod.number = m + 1;
    mod.objective = obj;
    mod.title = lt("Module " + mod.id);
    for (int p = 0; p < 3; ++p) {
      LessonPage page;
      page.id = "page" + std::to_string(p + 1);
      page.title = lt(mod.id + " page " + page.id);
      mod.pages.push_back(page);
    }
    mod.quiz.pass_mark = 80;
    mod.quiz.max_attempts = opt.quiz_attempts;
    for (int k = 0; k < opt.questions; ++k) {
      Question q = nth_question(mod.id + "-q" + std::to_string(k + 1), k + m, obj);
      q.module_id = mod.id;
      mod.quiz.questions.push_back(q);
    }
    mod.roleplay = make_roleplay(mod.id + "-rp", obj);
    c.modules.push_back(mod);
  }
  c.assessment.draw = opt.draw;
  c.assessment.pass_mark = 80;
  c.assessment.max_attempts = opt.assessment_attempts;
  for (int k = 0; k < opt.bank; ++k) {
    const std::string obj = c.objectives.empty() ? "obj1" : c.objectives[static_cast<std::size_t>(k) % c.objectives.size()].id;
    Question q = nth_question("as-q" + std::to_string(k + 1), k, obj);
    q.module_id = "assessment";
    c.assessment.bank.push_back(q);
  }
  return c;
}

Response random_response(const Question& q, Rng& rng) {
  Response r = blank_response(q);
  if (is_choice_type(q.type)) {
    const int n = static_cast<int>(q.options.size());
    if (is_single_answer(q.type)) {
      if (rng.chance(0.9)) r.selected.push_back(rng.range(0, n - 1));
    } else {
      for (int i = 0; i < n; ++i)
        if (rng.chance(0.5)) r.selected.push_back(i);
    }
  } else if (q.type == QuestionType::Ordering) {
    if (rng.chance(0.8)) r.order = shuffled_indices(static_cast<int>(q.items.size()), rng.next());
  } else {
    std::vector<int> t = shuffled_indices(static_cast<int>(q.pairs.size()), rng.next());
    for (std::size_t i = 0; i < r.match.size(); ++i) r.match[i] = rng.chance(0.9) ? t[i] : -1;
  }
  return r;
}

static const std::string& random_module(const Course& course, Rng& rng) {
  return course.modules[static_cast<std::size_t>(rng.below(course.modules.size()))].id;
}

static void answer_some(const Course& course, CourseState& st, Rng& rng, std::int64_t& now, const std::string& quiz_id,
                        double skill, bool to_the_end) {
  auto s = begin_quiz(course, st, quiz_id, now);
  if (!s) return;
  const int steps = to_the_end ? static_cast<int>(s->size()) : rng.range(1, 3);
  for (int k = 0; k < steps; ++k) {
    if (!to_the_end) s->go(static_cast<std::size_t>(rng.below(s->size())));
    else s->go(static_cast<std::size_t>(k));
    if (s->submitted()) continue;
    const Question& q = s->current();
    Response r = rng.chance(skill) ? correct_response(q) : random_response(q, rng);
    s->answer(r);
    now += rng.range(1, 90);
    if (s->can_submit() && (to_the_end || rng.chance(0.7))) {
      s->submit();
      record_answer(st, *s, s->index(), static_cast<double>(rng.range(1, 9000)) / 100.0, now);
    } else {
      save_quiz(st, *s, now);
    }
  }
  if (to_the_end || rng.chance(0.25)) finish_quiz(st, *s, now);
}

static void walk_some(const Course& course, CourseState& st, Rng& rng, std::int64_t& now, const std::string& module_id,
                      double skill, bool to_the_end) {
  auto s = begin_roleplay(course, st, module_id, now);
  if (!s) return;
  int steps = to_the_end ? kMaxRolePlaySteps : rng.range(1, 3);
  while (steps-- > 0 && s->can_continue()) {
    const std::size_t n = s->choices().size();
    std::size_t c = rng.chance(skill) ? 0 : static_cast<std::size_t>(rng.below(n));
    s->choose(c);
    now += rng.range(1, 40);
    record_choice(st, module_id, *s, static_cast<double>(rng.range(1, 3000)) / 100.0, now);
  }
}

void random_action(const Course& course, CourseState& st, Rng& rng, std::int64_t& now) {
  now += rng.range(0, 120);
  switch (rng.range(0, 7)) {
    case 0: {
      const std::string& m = random_module(course, rng);
      view_page(st, course, m, rng.range(0, 3), now);
      break;
    }
    case 1:
    case 2: answer_some(course, st, rng, now, random_module(course, rng), 0.6, false); break;
    case 3:
    case 4: walk_some(course, st, rng, now, random_module(course, rng), 0.6, false); break;
    case 5: answer_some(course, st, rng, now, course.assessment.id, 0.6, false); break;
    case 6: {
      const std::string& m = random_module(course, rng);
      st.bookmark = Bookmark{static_cast<Screen>(rng.range(0, 6)), rng.chance(0.8) ? m : std::string(), rng.range(0, 6)};
      break;
    }
    default: add_time(st, static_cast<double>(rng.range(1, 60000)) / 100.0); break;
  }
}

// A test learner on the one course walker (core/engines/walker.h): right with probability
// `skill`, otherwise a random (often incomplete) answer or reply.
class FixtureLearner final : public WalkPolicy {
 public:
  FixtureLearner(Rng& rng, double skill) : rng_(rng), skill_(skill) {}
  Response answer(const QuizSession&, const Question& q) override {
    return rng_.chance(skill_) ? correct_response(q) : random_response(q, rng_);
  }
  std::size_t reply(const RolePlay& graph, const RolePlaySession& walk) override {
    return rng_.chance(skill_) ? best_reply(graph, walk, true) : static_cast<std::size_t>(rng_.below(walk.choices().size()));
  }
  double seconds(WalkKind kind) override {
    return kind == WalkKind::Page ? 30 : kind == WalkKind::Answer ? rng_.range(1, 90) : kind == WalkKind::Reply ? rng_.range(1, 40) : 0;
  }

 private:
  Rng& rng_;
  double skill_;
};

void complete_course(const Course& course, CourseState& st, Rng& rng, std::int64_t& now, double skill) {
  FixtureLearner learner(rng, skill);
  walk_course(course, st, learner, now);
  st.bookmark = Bookmark{Screen::Results, std::string(), 0};
}

}  // namespace granice::test
