#include "screen_learner.h"

#include <algorithm>

#include "app/view/strings.h"
#include "core/engines/scoring.h"

namespace granice::test {

using view::Role;
using view::Str;
using view::T;

std::string NextModule(const std::string& lang, const Module& m) {
  return std::string(T(lang, Str::NextModule)) + ": " + m.title.in(lang);
}

bool ScreenLearner::Fail(std::string why) {
  error_ = std::move(why);
  return false;
}

bool ScreenLearner::Press(const std::string& button) {
  if (!ui_.Press(Role::Button, button)) return Fail(ui_.Error());
  if (on_screen) on_screen(ui_.Tree());
  return true;
}

bool ScreenLearner::Has(const std::string& button) const { return ui_.Find(Role::Button, button) != nullptr; }

const Question* ScreenLearner::OnScreen() const {
  const view::SemanticNode* heading = nullptr;
  for (const view::SemanticNode& n : ui_.Tree().nodes)
    if (n.role == Role::Heading && n.level == 1) heading = &n;
  if (!heading) return nullptr;
  auto shows = [&](Role role, const std::string& name) { return ui_.Find(role, name) != nullptr; };
  std::vector<const Question*> all;
  for (const Module& m : course_.modules)
    for (const Question& q : m.quiz.questions) all.push_back(&q);
  for (const Question& q : course_.assessment.bank) all.push_back(&q);
  for (const Question* q : all) {
    if (q->prompt.in(lang_) != heading->name) continue;
    const bool fits = std::all_of(q->options.begin(), q->options.end(), [&](const Option& o) {
      return q->type == QuestionType::TrueFalse || shows(Role::Radio, o.text.in(lang_)) || shows(Role::Checkbox, o.text.in(lang_));
    });
    if (fits) return q;
  }
  return nullptr;
}

const Question* ScreenLearner::AnswerQuestion(bool correct) {
  const Question* q = OnScreen();
  if (!q) {
    Fail("no question of the content on screen: " + runner::Describe(ui_.Tree()));
    return nullptr;
  }
  const Response right = correct_response(*q);
  auto option_name = [&](int i) {
    const Option& o = q->options[static_cast<std::size_t>(i)];
    if (q->type != QuestionType::TrueFalse) return o.text.in(lang_);
    return std::string(T(lang_, o.id == "true" ? Str::True : Str::False));
  };
  bool ok = true;
  switch (q->type) {
    case QuestionType::SingleChoice:
    case QuestionType::BestReply:
    case QuestionType::TrueFalse: {
      int pick = right.selected.front();
      if (!correct) pick = static_cast<int>(std::find_if(q->options.begin(), q->options.end(), [](const Option& o) { return !o.correct; }) - q->options.begin());
      ok = ui_.Press(Role::Radio, option_name(pick));
      break;
    }
    case QuestionType::MultipleResponse:
      for (std::size_t i = 0; i < q->options.size() && ok; ++i)
        if (q->options[i].correct == correct) ok = ui_.Press(Role::Checkbox, option_name(static_cast<int>(i)));
      break;
    case QuestionType::Ordering: {
      // Bubble each item up to its place with "Move up: <item>" (content order is the right one;
      // wrong: the first two swapped).
      std::vector<std::size_t> want(q->items.size());
      for (std::size_t i = 0; i < want.size(); ++i) want[i] = i;
      if (!correct && want.size() > 1) std::swap(want[0], want[1]);
      for (std::size_t target = 0; target < want.size() && ok; ++target) {
        const std::string& text = q->items[want[target]].text.in(lang_);
        for (int guard = 0; guard < 12 && ok; ++guard) {
          std::size_t pos = 0;
          std::size_t line = 0;
          for (const view::SemanticNode& n : ui_.Tree().nodes) {
            if (n.role != Role::Text || n.name.empty() || n.name[0] < '1' || n.name[0] > '9' || n.name.find(". ") == std::string::npos)
              continue;
            if (n.name.size() >= text.size() && n.name.compare(n.name.size() - text.size(), text.size(), text) == 0) pos = line;
            ++line;
          }
          if (pos <= target) break;
          ok = ui_.Press(Role::Button, view::Fmt(T(lang_, Str::MoveUp), {text}));
        }
      }
      break;
    }
    case QuestionType::Matching:
      for (std::size_t i = 0; i < q->pairs.size() && ok; ++i) {
        const std::size_t target = correct ? i : q->pairs.size() - 1 - i;
        const view::SemanticNode* box = ui_.Find(Role::Combobox, q->pairs[i].source.in(lang_));
        if (!box) {
          ok = Fail("no drop-down for \"" + q->pairs[i].source.in(lang_) + "\"");
          break;
        }
        const auto it = std::find(box->options.begin(), box->options.end(), q->pairs[target].target.in(lang_));
        ok = it != box->options.end() && ui_.Choose(box->name, static_cast<int>(it - box->options.begin()));
      }
      break;
  }
  if (!ok || !Press(T(lang_, Str::Submit))) {
    if (error_.empty()) Fail(ui_.Error());
    return nullptr;
  }
  return q;
}

bool ScreenLearner::TakeQuiz(const std::function<bool(const Question&)>& correct) {
  for (int i = 0; i < 60; ++i) {
    const Question* q = OnScreen();
    if (!q) return Fail("no question on screen: " + runner::Describe(ui_.Tree()));
    if (!AnswerQuestion(correct(*q))) return false;
    if (Has(T(lang_, Str::NextQuestion))) {
      if (!Press(T(lang_, Str::NextQuestion))) return false;
    } else {
      return Press(T(lang_, Str::FinishQuiz));
    }
  }
  return Fail("the quiz did not end");
}

bool ScreenLearner::PlayRolePlay(int* replies) {
  for (int step = 0; step < 40; ++step) {
    std::vector<std::string> shown;
    for (const view::SemanticNode& n : ui_.Tree().nodes)
      if (n.group == "replies" && n.role == Role::Button) shown.push_back(n.name);
    if (shown.empty()) return true;   // an ending
    // The node whose replies are the ones shown (in a seeded order); its best-scored reply.
    const Choice* best = nullptr;
    int best_score = -1000;
    for (const Module& m : course_.modules) {
      if (!m.roleplay) continue;
      for (const RolePlayNode& node : m.roleplay->nodes) {
        if (node.choices.size() != shown.size()) continue;
        const bool same = std::all_of(node.choices.begin(), node.choices.end(), [&](const Choice& c) {
          return std::find(shown.begin(), shown.end(), c.text.in(lang_)) != shown.end();
        });
        if (!same) continue;
        for (const Choice& c : node.choices) {
          int s = 0;
          for (const auto& [id, pts] : c.scores) s += pts;
          if (s > best_score) best_score = s, best = &c;
        }
      }
    }
    if (!best) return Fail("role-play replies on screen not found in the content");
    if (!Press(best->text.in(lang_))) return false;
    if (replies) ++*replies;
  }
  return Fail("the role-play did not end");
}

bool ScreenLearner::CompleteModule(const Module& m) {
  if (!Press(T(lang_, Str::StartLesson))) return false;
  for (int guard = 0; guard < 40 && !Has(T(lang_, Str::ToQuiz)); ++guard)
    if (!Press(T(lang_, Str::Next))) return false;
  if (!Press(T(lang_, Str::ToQuiz))) return false;
  if (!TakeQuiz([](const Question&) { return true; })) return false;
  if (m.roleplay) {
    if (!Press(T(lang_, Str::ToRolePlay)) || !PlayRolePlay()) return false;
  }
  return Press(T(lang_, Str::BackToCourse));
}

}  // namespace granice::test
