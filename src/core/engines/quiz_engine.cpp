#include "core/engines/quiz_engine.h"

#include <algorithm>
#include <cmath>

#include "core/text/fnv.h"
#include "core/engines/rng.h"

namespace granice {

double round2(double v) {
  if (!std::isfinite(v)) return 0.0;
  return std::round(v * 100.0) / 100.0;
}

static bool is_identity(const std::vector<int>& v) {
  for (std::size_t i = 0; i < v.size(); ++i)
    if (v[i] != static_cast<int>(i)) return false;
  return true;
}

std::vector<int> presentation_order(const Question& q, bool shuffle_options, std::uint64_t seed, int attempt) {
  const std::uint64_t s = mix(seed, fnv1a64(q.id), static_cast<std::uint64_t>(attempt));
  int n = 0;
  bool shuffle = true;
  if (is_choice_type(q.type)) {
    n = static_cast<int>(q.options.size());
    shuffle = shuffle_options && q.type != QuestionType::TrueFalse;
  } else if (q.type == QuestionType::Ordering) {
    n = static_cast<int>(q.items.size());
  } else {
    n = static_cast<int>(q.pairs.size());
  }
  std::vector<int> order;
  for (int i = 0; i < n; ++i) order.push_back(i);
  if (!shuffle) return order;
  Rng rng(s);
  rng.shuffle(order);
  if (q.type == QuestionType::Ordering && n >= 2) {
    for (int tries = 0; tries < 16 && is_identity(order); ++tries) rng.shuffle(order);
    if (is_identity(order)) std::rotate(order.begin(), order.begin() + 1, order.end());
  }
  return order;
}

std::vector<const Question*> module_questions(const Module& m) {
  std::vector<const Question*> out;
  for (const auto& q : m.quiz.questions) out.push_back(&q);
  return out;
}

std::vector<const Question*> draw_module_quiz(const Module& m, std::uint64_t seed, int attempt,
                                              const std::vector<QuestionAnswer>& previous) {
  std::vector<const Question*> all = module_questions(m);
  const auto want = static_cast<std::size_t>(m.quiz.draw);
  if (want == 0 || want >= all.size()) return all;
  Rng rng(mix(seed, fnv1a64(m.id, fnv1a64("#draw")), static_cast<std::uint64_t>(attempt)));
  rng.shuffle(all);
  const auto asked = [&](const Question* q) {
    return std::any_of(previous.begin(), previous.end(), [&](const QuestionAnswer& a) { return a.question_id == q->id; });
  };
  std::stable_partition(all.begin(), all.end(), [&](const Question* q) { return !asked(q); });
  all.resize(want);
  rng.shuffle(all);  // the new ones do not all come first
  return all;
}

std::vector<const Question*> draw_assessment(const Course& course, std::uint64_t seed, int attempt) {
  const auto& bank = course.assessment.bank;
  // Objectives in course order, then any others in order of first appearance in the bank.
  std::vector<std::string> objectives;
  for (const auto& o : course.objectives) objectives.push_back(o.id);
  for (const auto& q : bank)
    if (std::find(objectives.begin(), objectives.end(), q.objective) == objectives.end())
      objectives.push_back(q.objective);

  const std::uint64_t a = static_cast<std::uint64_t>(attempt);
  std::vector<std::vector<const Question*>> groups;
  for (const auto& obj : objectives) {
    std::vector<const Question*> g;
    for (const auto& q : bank)
      if (q.objective == obj) g.push_back(&q);
    if (g.empty()) continue;
    Rng rng(mix(seed, fnv1a64(obj), a));
    rng.shuffle(g);
    groups.push_back(std::move(g));
  }
  // Which objectives get the extra questions when draw is not a multiple: seeded too.
  Rng group_rng(mix(seed, fnv1a64("#groups"), a));
  group_rng.shuffle(groups);

  std::size_t want = bank.size();
  if (course.assessment.draw > 0 && static_cast<std::size_t>(course.assessment.draw) < want)
    want = static_cast<std::size_t>(course.assessment.draw);

  std::vector<const Question*> out;
  for (std::size_t round = 0; out.size() < want; ++round) {
    bool any = false;
    for (const auto& g : groups) {
      if (round < g.size()) {
        any = true;
        out.push_back(g[round]);
        if (out.size() == want) break;
      }
    }
    if (!any) break;
  }
  Rng order_rng(mix(seed, fnv1a64("#order"), a));
  order_rng.shuffle(out);
  return out;
}

bool attempts_left(int used, int max_attempts) { return max_attempts <= 0 || used < max_attempts; }

int remaining_attempts(int used, int max_attempts) {
  if (max_attempts <= 0) return -1;
  return std::max(0, max_attempts - used);
}

QuizSession::QuizSession(std::vector<const Question*> questions, QuizSettings settings)
    : questions_(std::move(questions)), settings_(std::move(settings)) {
  questions_.erase(std::remove(questions_.begin(), questions_.end(), nullptr), questions_.end());
  for (const Question* q : questions_) {
    presented_.push_back(presentation_order(*q, settings_.shuffle_options, settings_.seed, settings_.attempt));
    answers_.push_back(QuestionAnswer{q->id, blank_response(*q), false});
  }
}

int QuizSession::restore(const std::vector<QuestionAnswer>& answers, int current) {
  int restored = 0;
  for (const auto& a : answers) {
    for (std::size_t i = 0; i < questions_.size(); ++i) {
      if (questions_[i]->id != a.question_id) continue;
      if (!fits(*questions_[i], a.response)) break;
      answers_[i].response = a.response;
      answers_[i].submitted = a.submitted && is_complete(*questions_[i], a.response);
      ++restored;
      break;
    }
  }
  if (current >= 0 && static_cast<std::size_t>(current) < questions_.size())
    current_ = static_cast<std::size_t>(current);
  return restored;
}

bool QuizSession::go(std::size_t i) {
  if (i >= questions_.size()) return false;
  current_ = i;
  return true;
}

bool QuizSession::next() { return go(current_ + 1); }

bool QuizSession::previous() { return current_ > 0 && go(current_ - 1); }

std::vector<int> QuizSession::arrangement(std::size_t i) const {
  const auto& r = answers_.at(i).response;
  return r.order.empty() ? presented_.at(i) : r.order;
}

bool QuizSession::is_selected(int option) const {
  if (questions_.empty()) return false;
  const auto& s = response().selected;
  return std::find(s.begin(), s.end(), option) != s.end();
}

bool QuizSession::editable() const {
  return !finished_ && !questions_.empty() && !answers_[current_].submitted;
}

bool QuizSession::select(int option) {
  if (!editable()) return false;
  const Question& q = current();
  if (!is_choice_type(q.type) || option < 0 || static_cast<std::size_t>(option) >= q.options.size()) return false;
  auto& sel = answers_[current_].response.selected;
  if (is_single_answer(q.type)) {
    sel.assign(1, option);
  } else if (std::find(sel.begin(), sel.end(), option) == sel.end()) {
    sel.push_back(option);
    std::sort(sel.begin(), sel.end());
  }
  return true;
}

bool QuizSession::toggle(int option) {
  if (!editable()) return false;
  const Question& q = current();
  if (q.type != QuestionType::MultipleResponse) return select(option);
  if (option < 0 || static_cast<std::size_t>(option) >= q.options.size()) return false;
  auto& sel = answers_[current_].response.selected;
  auto it = std::find(sel.begin(), sel.end(), option);
  if (it != sel.end()) {
    sel.erase(it);
  } else {
    sel.push_back(option);
    std::sort(sel.begin(), sel.end());
  }
  return true;
}

bool QuizSession::move_item(std::size_t from_pos, std::size_t to_pos) {
  if (!editable() || current().type != QuestionType::Ordering) return false;
  std::vector<int> order = arrangement();
  if (from_pos >= order.size() || to_pos >= order.size()) return false;
  int v = order[from_pos];
  order.erase(order.begin() + static_cast<std::ptrdiff_t>(from_pos));
  order.insert(order.begin() + static_cast<std::ptrdiff_t>(to_pos), v);
  answers_[current_].response.order = std::move(order);
  return true;
}

bool QuizSession::set_order(const std::vector<int>& order) {
  if (!editable() || current().type != QuestionType::Ordering) return false;
  Response r;
  r.order = order;
  if (order.empty() || !fits(current(), r)) return false;
  answers_[current_].response.order = order;
  return true;
}

bool QuizSession::match(int source, int target) {
  if (!editable() || current().type != QuestionType::Matching) return false;
  auto& m = answers_[current_].response.match;
  const int n = static_cast<int>(m.size());
  if (source < 0 || source >= n || target < 0 || target >= n) return false;
  for (auto& v : m)
    if (v == target) v = -1;
  m[static_cast<std::size_t>(source)] = target;
  return true;
}

bool QuizSession::unmatch(int source) {
  if (!editable() || current().type != QuestionType::Matching) return false;
  auto& m = answers_[current_].response.match;
  if (source < 0 || static_cast<std::size_t>(source) >= m.size()) return false;
  m[static_cast<std::size_t>(source)] = -1;
  return true;
}

bool QuizSession::answer(const Response& r) {
  if (!editable() || !fits(current(), r)) return false;
  answers_[current_].response = r;
  return true;
}

bool QuizSession::can_submit() const {
  if (!editable()) return false;
  const Question& q = current();
  if (q.type == QuestionType::Ordering) return true;  // the presented arrangement is an answer
  return is_complete(q, response());
}

std::optional<QuestionResult> QuizSession::submit() {
  if (!can_submit()) return std::nullopt;
  auto& a = answers_[current_];
  if (current().type == QuestionType::Ordering && a.response.order.empty()) a.response.order = presented();
  a.submitted = true;
  return result(current_);
}

std::optional<QuestionResult> QuizSession::result(std::size_t i) const {
  if (i >= answers_.size() || !answers_[i].submitted) return std::nullopt;
  return QuestionResult{grade(*questions_[i], answers_[i].response), feedback_for(*questions_[i], answers_[i].response)};
}

std::size_t QuizSession::submitted_count() const {
  return static_cast<std::size_t>(
      std::count_if(answers_.begin(), answers_.end(), [](const QuestionAnswer& a) { return a.submitted; }));
}

QuizResult QuizSession::score() const {
  QuizResult r;
  r.attempt = settings_.attempt;
  for (std::size_t i = 0; i < questions_.size(); ++i) {
    Grade g;
    if (answers_[i].submitted) {
      g = grade(*questions_[i], answers_[i].response);
    } else {
      g.possible = questions_[i]->points;
    }
    r.earned += g.earned;
    r.possible += g.possible;
    r.grades.push_back(g);
  }
  r.score_percent = r.possible > 0 ? round2(std::clamp(100.0 * r.earned / r.possible, 0.0, 100.0)) : 100.0;
  r.passed = r.score_percent >= static_cast<double>(settings_.pass_mark);
  return r;
}

QuizResult QuizSession::finish() {
  finished_ = true;
  return score();
}

}  // namespace granice
