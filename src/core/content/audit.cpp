#include "core/content/audit.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/state/course_state.h"
#include "core/text/fnv.h"
#include "core/engines/quiz_engine.h"
#include "core/engines/rng.h"
#include "core/engines/roleplay_engine.h"
#include "core/engines/scoring.h"
#include "core/text/text_fold.h"
#include "core/text/utf8.h"

namespace granice {

const char* strategy_id(CueStrategy s) {
  switch (s) {
    case CueStrategy::Random: return "random";
    case CueStrategy::Longest: return "longest";
    case CueStrategy::LongerThanMean: return "longer-than-mean";
    case CueStrategy::NeverLongest: return "never-longest";
    case CueStrategy::FirstShown: return "first-shown";
    case CueStrategy::TrueWhenUnsure: return "true-when-unsure";
    case CueStrategy::TickAll: return "tick-all";
    case CueStrategy::Empathic: return "empathic";
  }
  return "?";
}

const char* strategy_name(CueStrategy s) {
  switch (s) {
    case CueStrategy::Random: return "random guessing";
    case CueStrategy::Longest: return "always the longest option";
    case CueStrategy::LongerThanMean: return "options longer than the mean";
    case CueStrategy::NeverLongest: return "never the longest option";
    case CueStrategy::FirstShown: return "always the first shown";
    case CueStrategy::TrueWhenUnsure: return "\"true\" when unsure";
    case CueStrategy::TickAll: return "tick every box";
    case CueStrategy::Empathic: return "most empathic-sounding";
  }
  return "?";
}

bool has_stock_phrase(std::string_view text, const std::vector<std::string>& phrases) {
  const std::string low = lowercase(text);
  return std::any_of(phrases.begin(), phrases.end(), [&](const std::string& p) { return low.find(p) != std::string::npos; });
}

namespace {

// [SECTION] Picking an answer by a cue
template <class T>
int pick_random(Rng& rng, const std::vector<T>& v) {
  return v.empty() ? -1 : static_cast<int>(v[static_cast<std::size_t>(rng.below(v.size()))]);
}

std::vector<int> permutation(Rng& rng, int n) { return shuffled_indices(n, rng.next()); }

// Indices (from `shown`) whose text length is the maximum / above the mean.
std::vector<int> longest_of(const std::vector<int>& shown, const std::vector<std::size_t>& len) {
  std::size_t best = 0;
  for (int i : shown) best = std::max(best, len[static_cast<std::size_t>(i)]);
  std::vector<int> out;
  for (int i : shown)
    if (len[static_cast<std::size_t>(i)] == best) out.push_back(i);
  return out;
}

std::vector<int> all_but_longest(const std::vector<int>& shown, const std::vector<std::size_t>& len) {
  const std::vector<int> top = longest_of(shown, len);
  std::vector<int> out;
  for (int i : shown)
    if (std::find(top.begin(), top.end(), i) == top.end()) out.push_back(i);
  return out;
}

std::vector<int> above_mean(const std::vector<int>& shown, const std::vector<std::size_t>& len) {
  double sum = 0.0;
  for (int i : shown) sum += static_cast<double>(len[static_cast<std::size_t>(i)]);
  const double mean = shown.empty() ? 0.0 : sum / static_cast<double>(shown.size());
  std::vector<int> out;
  for (int i : shown)
    if (static_cast<double>(len[static_cast<std::size_t>(i)]) > mean) out.push_back(i);
  return out;
}

Response random_response(const Question& q, const std::vector<int>& shown, Rng& rng) {
  Response r;
  const int n = static_cast<int>(shown.size());
  switch (q.type) {
    case QuestionType::Ordering: r.order = permutation(rng, static_cast<int>(q.items.size())); break;
    case QuestionType::Matching: r.match = permutation(rng, static_cast<int>(q.pairs.size())); break;
    case QuestionType::MultipleResponse:
      for (int i = 0; i < n; ++i)
        if (rng.chance(0.5)) r.selected.push_back(i);
      if (r.selected.empty()) r.selected.push_back(static_cast<int>(rng.below(static_cast<std::uint64_t>(n))));
      break;
    default: r.selected.push_back(static_cast<int>(rng.below(static_cast<std::uint64_t>(n)))); break;
  }
  std::sort(r.selected.begin(), r.selected.end());
  return r;
}

// The strategy's answer to `q` shown in order `shown` (model indices); random where its cue says nothing.
Response answer(CueStrategy s, const Question& q, const std::vector<int>& shown, const std::string& lang,
                const std::vector<std::string>& phrases, Rng& rng) {
  const bool choice = is_choice_type(q.type) && q.type != QuestionType::TrueFalse;
  std::vector<std::size_t> len;
  for (const auto& o : q.options) len.push_back(utf8_code_points(o.text.in(lang)));
  auto pick = [&](const std::vector<int>& from) {
    Response r;
    if (q.type == QuestionType::MultipleResponse) {
      r.selected = from;
    } else {
      const int one = pick_random(rng, from);
      if (one >= 0) r.selected = {one};
    }
    std::sort(r.selected.begin(), r.selected.end());
    return r.selected.empty() ? random_response(q, shown, rng) : r;
  };
  switch (s) {
    case CueStrategy::Random: break;
    case CueStrategy::Longest:
      if (choice) return pick(q.type == QuestionType::MultipleResponse ? above_mean(shown, len) : longest_of(shown, len));
      break;
    case CueStrategy::LongerThanMean:
      if (choice) return pick(above_mean(shown, len));
      break;
    case CueStrategy::NeverLongest:  // a learner who expects writers to have over-corrected
      if (q.type != QuestionType::MultipleResponse && choice) return pick(all_but_longest(shown, len));
      break;
    case CueStrategy::TickAll:
      if (q.type == QuestionType::MultipleResponse) return pick(shown);
      break;
    case CueStrategy::FirstShown: {
      Response r;
      if (is_choice_type(q.type)) r.selected = {shown.front()};
      else if (q.type == QuestionType::Ordering) r.order = shown;  // left as shown
      else {
        r.match.assign(q.pairs.size(), -1);  // source i takes the target shown i-th
        for (std::size_t i = 0; i < q.pairs.size() && i < shown.size(); ++i) r.match[i] = shown[i];
      }
      return r;
    }
    case CueStrategy::TrueWhenUnsure:
      if (q.type == QuestionType::TrueFalse) {
        for (std::size_t i = 0; i < q.options.size(); ++i)
          if (q.options[i].id == "true") return Response{{static_cast<int>(i)}, {}, {}};
      }
      break;
    case CueStrategy::Empathic:
      if (choice) {
        std::vector<int> warm;
        for (int i : shown)
          if (has_stock_phrase(q.options[static_cast<std::size_t>(i)].text.in(lang), phrases)) warm.push_back(i);
        return pick(warm);
      }
      break;
  }
  return random_response(q, shown, rng);
}

int reply_pick(CueStrategy s, const RolePlayNode& n, const std::vector<int>& shown, const std::string& lang,
               const std::vector<std::string>& phrases, Rng& rng) {
  std::vector<std::size_t> len;
  for (const auto& c : n.choices) len.push_back(utf8_code_points(c.text.in(lang)));
  std::vector<int> from;
  switch (s) {
    case CueStrategy::Longest: from = longest_of(shown, len); break;
    case CueStrategy::LongerThanMean: from = above_mean(shown, len); break;
    case CueStrategy::NeverLongest: from = all_but_longest(shown, len); break;
    case CueStrategy::FirstShown: return shown.front();
    case CueStrategy::Empathic:
      for (int i : shown)
        if (has_stock_phrase(n.choices[static_cast<std::size_t>(i)].text.in(lang), phrases)) from.push_back(i);
      break;
    default: break;
  }
  if (from.empty()) from = shown;
  return pick_random(rng, from);
}

// [SECTION] Running the strategies
QuizAudit audit_quiz(const Course& course, CueStrategy s, const std::string& quiz_id, const Module* m,
                     const AuditOptions& o, const std::string& lang) {
  QuizAudit a;
  a.quiz_id = quiz_id;
  a.pass_mark = m ? m->quiz.pass_mark : course.assessment.pass_mark;
  double sum = 0.0, sum_sq = 0.0;
  int passed = 0;
  for (int d = 0; d < o.draws; ++d) {
    const std::uint64_t learner = mix(o.seed, static_cast<std::uint64_t>(d));
    CourseState st;  // a learner's first attempt: only the seed matters
    st.seed = learner;
    QuizSession session(m ? draw_module_quiz(*m, learner, 1) : draw_assessment(course, learner, 1),
                        quiz_settings(course, st, quiz_id, 1));
    a.questions = static_cast<int>(session.size());
    Rng rng(mix(learner, fnv1a64(strategy_id(s)), fnv1a64(quiz_id)));
    for (std::size_t i = 0; i < session.size(); ++i) {
      session.go(i);
      session.answer(answer(s, session.current(), session.presented(), lang, o.stock_phrases, rng));
      session.submit();
    }
    const QuizResult r = session.finish();
    sum += r.score_percent;
    sum_sq += r.score_percent * r.score_percent;
    passed += r.passed;
  }
  const double n = std::max(1, o.draws);
  a.mean_score = sum / n;
  a.pass_probability = passed / n;
  const double var = std::max(0.0, sum_sq / n - a.mean_score * a.mean_score);
  a.score_stderr = std::sqrt(var / n);
  a.pass_stderr = std::sqrt(a.pass_probability * (1.0 - a.pass_probability) / n);
  return a;
}

RolePlayAudit audit_roleplay(const Course& course, CueStrategy s, const Module& m, const AuditOptions& o,
                             const std::string& lang) {
  const RolePlay& rp = *m.roleplay;
  RolePlayAudit a;
  a.module_id = m.id;
  std::map<std::string, int> count;
  for (int d = 0; d < o.draws; ++d) {
    CourseState st;  // a learner's first walk: only the seed matters
    st.seed = mix(o.seed, static_cast<std::uint64_t>(d));
    const std::uint64_t learner = st.seed;
    RolePlaySession walk(rp, reply_order_for(course, st, RolePlayProgress{}));
    Rng rng(mix(learner, fnv1a64(strategy_id(s)), fnv1a64(rp.id)));
    while (walk.can_continue()) walk.choose(static_cast<std::size_t>(reply_pick(s, walk.node(), walk.presented(), lang, o.stock_phrases, rng)));
    if (walk.ended()) ++count[walk.node().id];
    ++a.runs;
  }
  for (const auto& [id, c] : count) {
    const int at = rp.node_index(id);
    a.endings.push_back(EndingStat{id, rp.nodes[static_cast<std::size_t>(at)].outcome, c});
  }
  std::stable_sort(a.endings.begin(), a.endings.end(), [](const EndingStat& x, const EndingStat& y) { return x.reached > y.reached; });
  return a;
}

}  // namespace

AuditResult audit_course(const Course& course, const AuditOptions& options) {
  AuditResult r;
  r.lang = options.lang.empty() && !course.languages.empty() ? course.languages.front() : options.lang;
  r.draws = options.draws;
  for (const CueStrategy s : kCueStrategies) {
    StrategyAudit sa;
    sa.strategy = s;
    for (const auto& m : course.modules)
      if (!m.quiz.questions.empty()) sa.quizzes.push_back(audit_quiz(course, s, m.id, &m, options, r.lang));
    if (!course.assessment.bank.empty()) sa.quizzes.push_back(audit_quiz(course, s, course.assessment.id, nullptr, options, r.lang));
    for (const auto& m : course.modules)
      if (m.roleplay) sa.roleplays.push_back(audit_roleplay(course, s, m, options, r.lang));
    r.strategies.push_back(std::move(sa));
  }
  return r;
}

std::vector<std::string> audit_misses(const Course& course, const AuditResult& r, double max_pass, double max_gain_points) {
  std::vector<std::string> out;
  if (r.strategies.empty()) return out;
  const StrategyAudit& random = r.strategies.front();
  auto fmt = [](double v) {
    const long tenths = std::lround(v * 10.0);
    return std::to_string(tenths / 10) + "." + std::to_string(std::labs(tenths % 10));
  };
  for (std::size_t k = 0; k < r.strategies.size(); ++k) {
    const StrategyAudit& s = r.strategies[k];
    for (std::size_t i = 0; i < s.quizzes.size() && i < random.quizzes.size(); ++i) {
      const QuizAudit& q = s.quizzes[i];
      const double gain = q.mean_score - random.quizzes[i].mean_score;
      if (k > 0 && gain > max_gain_points)
        out.push_back(std::string(strategy_name(s.strategy)) + " beats random guessing on " + q.quiz_id + " by " + fmt(gain) +
                      " points (" + fmt(q.mean_score) + " % vs " + fmt(random.quizzes[i].mean_score) + " %)");
      if (q.quiz_id == course.assessment.id && q.pass_probability > max_pass)
        out.push_back(std::string(strategy_name(s.strategy)) + " passes the final assessment in " + fmt(q.pass_probability * 100) +
                      " % of draws");
    }
  }
  return out;
}

}  // namespace granice
