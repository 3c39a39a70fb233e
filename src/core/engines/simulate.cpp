#include "core/engines/simulate.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <string>

#include "core/text/fnv.h"
#include "core/engines/quiz_engine.h"
#include "core/engines/rng.h"
#include "core/engines/roleplay_engine.h"
#include "core/engines/scoring.h"

namespace granice {

namespace {

const char* const kWomen[] = {"Anna", "Zofia", "Łucja", "Małgorzata", "Ewa", "Katarzyna", "Agnieszka", "Joanna",
                              "Maria", "Żaneta", "Bożena", "Marta", "Aleksandra", "Jadwiga"};
const char* const kMen[] = {"Piotr", "Krzysztof", "Tomasz", "Paweł", "Michał", "Jędrzej", "Łukasz", "Grzegorz",
                            "Jan", "Wojciech", "Kamil", "Zbigniew", "Mikołaj", "Józef"};
// Masculine forms; -ski / -cki / -dzki become -ska / -cka / -dzka for women.
const char* const kSurnames[] = {"Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński",
                                 "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Kwiatkowski",
                                 "Krawczyk", "Piotrowski", "Grabowski", "Pawłowski", "Michalski", "Łęcki",
                                 "Żółkiewski", "Ślusarczyk", "Gęśla", "Nowicki"};

std::string learner_name(Rng& rng) {
  const bool woman = rng.chance(0.55);
  std::string last = kSurnames[rng.below(std::size(kSurnames))];
  if (woman && last.size() > 1 && last.compare(last.size() - 1, 1, "i") == 0) last.back() = 'a';
  return std::string(woman ? kWomen[rng.below(std::size(kWomen))] : kMen[rng.below(std::size(kMen))]) + " " + last;
}

struct Learner {
  Rng rng;
  double skill;
  std::int64_t now;
  CourseState st;
  const SimulationObserver* observer = nullptr;
};

void notify(const Learner& l, SimEvent e) {
  if (l.observer && *l.observer) (*l.observer)(e, l.st, l.now);
}

// 0 (easy) .. 0.45 (hard), fixed per question.
double difficulty(const Question& q) { return static_cast<double>(fnv1a64(q.id) % 46) / 100.0; }

// The wrong answer a learner who misses `q` tends to give.
Response wrong_response(const Question& q, Rng& rng) {
  Response r = correct_response(q);
  if (is_choice_type(q.type)) {
    std::vector<int> wrong;
    for (std::size_t i = 0; i < q.options.size(); ++i)
      if (!q.options[i].correct) wrong.push_back(static_cast<int>(i));
    if (is_single_answer(q.type)) {
      if (wrong.empty()) return r;
      // One distractor is the favourite (60 %), the rest share what is left.
      const std::size_t fav = static_cast<std::size_t>(fnv1a64(q.id + "/fav") % wrong.size());
      const std::size_t pick = rng.chance(0.6) ? fav : static_cast<std::size_t>(rng.below(wrong.size()));
      r.selected = {wrong[pick]};
    } else {
      // multiple_response: one option flipped (a missed correct one or an extra wrong one).
      const int n = static_cast<int>(q.options.size());
      const int flip = rng.range(0, n - 1);
      auto it = std::find(r.selected.begin(), r.selected.end(), flip);
      if (it != r.selected.end()) r.selected.erase(it);
      else r.selected.push_back(flip);
      std::sort(r.selected.begin(), r.selected.end());
      if (r.selected.empty() && !wrong.empty()) r.selected.push_back(wrong.front());
    }
  } else if (q.type == QuestionType::Ordering) {
    if (r.order.size() >= 2) {
      const std::size_t i = static_cast<std::size_t>(rng.below(r.order.size() - 1));
      std::swap(r.order[i], r.order[i + 1]);
    }
  } else if (r.match.size() >= 2) {
    const std::size_t i = static_cast<std::size_t>(rng.below(r.match.size() - 1));
    std::swap(r.match[i], r.match[i + 1]);
  }
  return r;
}

void spend(Learner& l, int lo, int hi) {
  const int s = l.rng.range(lo, hi);
  l.now += s;
  add_time(l.st, static_cast<double>(s));
}

// Takes one attempt; returns whether it passed (nullopt: no attempt possible).
std::optional<bool> take_quiz(const Course& course, Learner& l, const std::string& quiz_id, double bonus) {
  auto s = begin_quiz(course, l.st, quiz_id, l.now);
  if (!s || s->empty()) return std::nullopt;
  for (std::size_t k = 0; k < s->size(); ++k) {
    s->go(k);
    if (s->submitted()) continue;
    const Question& q = s->current();
    const double p = std::clamp(l.skill + bonus - difficulty(q) + 0.2, 0.05, 0.99);
    s->answer(l.rng.chance(p) ? correct_response(q) : wrong_response(q, l.rng));
    const int secs = l.rng.range(6, 70);
    l.now += secs;
    add_time(l.st, static_cast<double>(secs));
    if (s->can_submit()) {
      s->submit();
      record_answer(l.st, *s, s->index(), static_cast<double>(secs), l.now);
      notify(l, SimEvent::Action);
    }
  }
  const QuizResult r = finish_quiz(l.st, *s, l.now);
  notify(l, SimEvent::Action);
  return r.passed;
}

void play_roleplay(const Course& course, Learner& l, const std::string& module_id) {
  auto s = begin_roleplay(course, l.st, module_id, l.now);
  if (!s) return;
  while (s->can_continue()) {
    const auto& choices = s->choices();
    std::size_t pick = 0;
    if (l.rng.chance(std::min(0.97, l.skill + 0.1))) {
      int best = -1000000;
      for (std::size_t i = 0; i < choices.size(); ++i) {
        int sum = 0;
        for (const auto& [id, pts] : choices[i].scores) sum += pts;
        if (sum > best) {
          best = sum;
          pick = i;
        }
      }
    } else {
      pick = static_cast<std::size_t>(l.rng.below(choices.size()));
    }
    const int secs = l.rng.range(8, 50);
    l.now += secs;
    add_time(l.st, static_cast<double>(secs));
    if (!s->choose(pick)) break;
    record_choice(l.st, module_id, *s, static_cast<double>(secs), l.now);
    notify(l, SimEvent::Action);
  }
}

}  // namespace

CourseState simulate_learner(const Course& course, std::uint64_t seed, std::uint64_t index) {
  return simulate_learner(course, seed, index, SimulationObserver());
}

CourseState simulate_learner(const Course& course, std::uint64_t seed, std::uint64_t index,
                             const SimulationObserver& observer) {
  Rng rng(mix(seed, index, 0x5117u));
  char id[32];
  std::snprintf(id, sizeof id, "emp-%06llu", static_cast<unsigned long long>(index + 1));
  const std::string name = learner_name(rng);
  const std::string lang = course.languages.size() > 1 && rng.chance(0.3) ? course.languages[1]
                           : course.languages.empty()                    ? std::string("pl")
                                                                         : course.languages.front();
  // Mostly capable learners, a tail of weaker ones.
  const double skill = 0.3 + 0.68 * (rng.unit() + rng.unit() + rng.unit()) / 3.0;
  const std::int64_t start = 1767225600 + static_cast<std::int64_t>(rng.below(150 * 86400));  // 2026-01-01 + 150 days
  Learner l{rng, skill, start, new_state(course, id, name, lang, rng.next(), start), &observer};
  notify(l, SimEvent::Open);
  if (l.rng.chance(0.03)) {  // opened the course, never started
    notify(l, SimEvent::Close);
    return l.st;
  }

  const double dropout = 0.02 + (1.0 - skill) * 0.06;
  for (const Module& m : course.modules) {
    if (l.rng.chance(dropout)) {
      // Stops somewhere in this module: part of the lesson, maybe part of the quiz.
      const int pages = l.rng.range(0, static_cast<int>(m.pages.size()) - 1);
      for (int p = 0; p < pages; ++p) {
        view_page(l.st, course, m.id, p, l.now);
        spend(l, 40, 150);
        notify(l, SimEvent::Action);
      }
      notify(l, SimEvent::Close);
      return l.st;
    }
    for (std::size_t p = 0; p < m.pages.size(); ++p) {
      view_page(l.st, course, m.id, static_cast<int>(p), l.now);
      spend(l, 30, 160);
      notify(l, SimEvent::Action);
    }
    double bonus = 0.0;
    for (int attempt = 0; attempt < 3; ++attempt) {
      const auto passed = take_quiz(course, l, m.id, bonus);
      if (!passed || *passed || !l.rng.chance(0.4 + 0.5 * skill)) break;
      bonus += 0.12;  // re-reads the feedback, does better
    }
    if (m.roleplay) {
      play_roleplay(course, l, m.id);
      const ModuleProgress* mp = find_progress(l.st, m.id);
      if (mp && mp->roleplay.best_outcome && *mp->roleplay.best_outcome == Outcome::Poor && l.rng.chance(0.4))
        play_roleplay(course, l, m.id);
    }
    if (l.rng.chance(0.3)) {  // comes back another day
      notify(l, SimEvent::Leave);
      l.now += l.rng.range(3600, 3 * 86400);
      notify(l, SimEvent::Return);
    }
  }
  double bonus = 0.0;
  for (int attempt = 0; attempt < 3; ++attempt) {
    const auto passed = take_quiz(course, l, course.assessment.id, bonus - 0.05);
    if (!passed || *passed || !l.rng.chance(0.5 + 0.4 * skill)) break;
    bonus += 0.1;
  }
  l.st.bookmark = Bookmark{Screen::Results, std::string(), 0};
  notify(l, SimEvent::Close);
  return l.st;
}

}  // namespace granice
