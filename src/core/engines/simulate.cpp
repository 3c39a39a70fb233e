#include "core/engines/simulate.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "core/text/fnv.h"
#include "core/engines/quiz_engine.h"
#include "core/engines/rng.h"
#include "core/engines/roleplay_engine.h"
#include "core/engines/scoring.h"
#include "core/engines/walker.h"

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

// 0 (easy) .. 0.45 (hard), fixed per question.
double difficulty(const Question& q) { return static_cast<double>(fnv1a64(q.id) % 46) / 100.0; }

// A learner of some skill on the one course walker (walker.h): mostly right when skilled, a
// favourite wrong option when not, retakes a failed quiz and does better, replays a role-play
// that went badly, sometimes comes back another day, and a few drop out in the middle of a module.
class SkilledLearner final : public WalkPolicy {
 public:
  SkilledLearner(const Course& course, Rng& rng, double skill, std::int64_t& now, const CourseState& st,
                 const SimulationObserver& observer)
      : course_(course), rng_(rng), skill_(skill), now_(now), st_(st), observer_(observer) {}

  void notify(SimEvent e) const {
    if (observer_) observer_(e, st_, now_);
  }

  bool before(const WalkStep& step) override {
    if (step.quiz_or_module != place_) {
      if (!place_.empty() && rng_.chance(0.3)) {  // comes back another day
        notify(SimEvent::Leave);
        now_ += rng_.range(3600, 3 * 86400);
        notify(SimEvent::Return);
      }
      place_ = step.quiz_or_module;
      // Stops somewhere in this module: part of the lesson, maybe nothing of it.
      const Module* m = course_.module(place_);
      if (step.kind == WalkKind::Page && m && rng_.chance(0.02 + (1.0 - skill_) * 0.06))
        pages_left_ = rng_.range(0, static_cast<int>(m->pages.size()) - 1);
    }
    if (pages_left_) {
      if (*pages_left_ == 0 || step.kind != WalkKind::Page) return false;
      --*pages_left_;
    }
    return true;
  }
  Response answer(const QuizSession& quiz, const Question& q) override {
    const std::string& id = quiz.settings().quiz_id;
    const double bonus = bonus_[id] + (id == course_.assessment.id ? -0.05 : 0.0);
    const double p = std::clamp(skill_ + bonus - difficulty(q) + 0.2, 0.05, 0.99);
    return rng_.chance(p) ? correct_response(q) : wrong_response(q, rng_);
  }
  std::size_t reply(const RolePlay& graph, const RolePlaySession& walk) override {
    if (rng_.chance(std::min(0.97, skill_ + 0.1))) return best_reply(graph, walk, false);
    return static_cast<std::size_t>(rng_.below(walk.choices().size()));
  }
  double seconds(WalkKind kind) override {
    switch (kind) {
      case WalkKind::Page: return rng_.range(30, 160);
      case WalkKind::Answer: return rng_.range(6, 70);
      case WalkKind::Reply: return rng_.range(8, 50);
      default: return 0;
    }
  }
  bool retake(const std::string& quiz_id, const QuizResult& result) override {
    const bool assessment = quiz_id == course_.assessment.id;
    if (result.attempt >= 3 || !rng_.chance(assessment ? 0.5 + 0.4 * skill_ : 0.4 + 0.5 * skill_)) return false;
    bonus_[quiz_id] += assessment ? 0.1 : 0.12;   // re-reads the feedback, does better
    return true;
  }
  bool replay(const std::string& module_id, Outcome outcome) override {
    return outcome == Outcome::Poor && replayed_.insert(module_id).second && rng_.chance(0.4);
  }

 private:
  const Course& course_;
  Rng& rng_;
  double skill_;
  std::int64_t& now_;
  const CourseState& st_;
  const SimulationObserver& observer_;
  std::string place_;                    // the module or quiz of the last step
  std::optional<int> pages_left_;        // dropping out: pages still read
  std::map<std::string, double> bonus_;  // per quiz, from retakes
  std::set<std::string> replayed_;
};

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
  const std::string lang = course.languages.size() > 1 && rng.chance(0.3) ? course.languages[1] : course.default_language;
  // Mostly capable learners, a tail of weaker ones.
  const double skill = 0.3 + 0.68 * (rng.unit() + rng.unit() + rng.unit()) / 3.0;
  const std::int64_t start = 1767225600 + static_cast<std::int64_t>(rng.below(150 * 86400));  // 2026-01-01 + 150 days
  std::int64_t now = start;
  CourseState st = new_state(course, id, name, lang, rng.next(), start);
  SkilledLearner learner(course, rng, skill, now, st, observer);
  learner.notify(SimEvent::Open);
  if (rng.chance(0.03)) {  // opened the course, never started
    learner.notify(SimEvent::Close);
    return st;
  }
  while (walk_step(course, st, learner, now)) learner.notify(SimEvent::Action);
  learner.notify(SimEvent::Close);
  return st;
}

}  // namespace granice
