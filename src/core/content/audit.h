// `granice audit`: how would a learner who knows nothing score? Plays cue-only strategies through
// the real engines — the same draw, option shuffle, reply order and scoring the app uses — over
// many seeded learners, and reports each strategy's mean score and pass probability per quiz, and
// where each role-play ends. README "Item quality" explains the strategies.
//
//   AuditResult r = audit_course(course, AuditOptions{.draws = 4000, .lang = "pl"});
//   for (auto& s : r.strategies) for (auto& q : s.quizzes) ... q.mean_score, q.pass_probability ...
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/model.h"
#include "core/report/report.h"

namespace granice {

enum class CueStrategy { Random, Longest, LongerThanMean, NeverLongest, FirstShown, TrueWhenUnsure, TickAll, Empathic };
inline constexpr CueStrategy kCueStrategies[] = {CueStrategy::Random,         CueStrategy::Longest,
                                                 CueStrategy::LongerThanMean, CueStrategy::NeverLongest,
                                                 CueStrategy::FirstShown,     CueStrategy::TrueWhenUnsure,
                                                 CueStrategy::TickAll,        CueStrategy::Empathic};
const char* strategy_id(CueStrategy s);    // "random", "longest", ...
const char* strategy_name(CueStrategy s);  // "random guessing", "always the longest option", ...

// Whether `text` holds one of `phrases` (lowercase stock openers, lint/words.json), ignoring case.
bool has_stock_phrase(std::string_view text, const std::vector<std::string>& phrases);

struct AuditOptions {
  int draws = 4000;            // seeded learners per strategy
  std::string lang;            // language whose wording the strategies read; empty = the course default
  std::uint64_t seed = 2026;   // base seed: the same options give the same figures
  // The "empathic" strategy's stock openers in `lang` (lint/words.json's stock_phrases, lowercase);
  // none: that strategy finds no opener and guesses as random guessing does.
  std::vector<std::string> stock_phrases;
};

struct QuizAudit {
  std::string quiz_id;         // module id or the assessment id
  int pass_mark = 80;
  int questions = 0;           // questions per attempt
  double mean_score = 0.0;     // percent
  double pass_probability = 0.0;  // 0..1
  double score_stderr = 0.0;   // standard error of mean_score, points
  double pass_stderr = 0.0;    // standard error of pass_probability (0..1)
};

struct RolePlayAudit {
  std::string module_id;
  std::vector<EndingStat> endings;  // most frequent first (report.h: the same count the trainer sees)
  int runs = 0;
};

struct StrategyAudit {
  CueStrategy strategy = CueStrategy::Random;
  std::vector<QuizAudit> quizzes;      // the module quizzes in course order, then the assessment
  std::vector<RolePlayAudit> roleplays;
};

struct AuditResult {
  std::string lang;
  int draws = 0;
  std::vector<StrategyAudit> strategies;  // kCueStrategies order; the first is random guessing
};

AuditResult audit_course(const Course& course, const AuditOptions& options);

// The targets of issue "A score that measures learning": no cue strategy passes the final
// assessment in more than 1 % of draws, and none beats random guessing by more than 10 points on
// any quiz. One line per miss; empty when met.
std::vector<std::string> audit_misses(const Course& course, const AuditResult& r, double max_pass = 0.01,
                                      double max_gain_points = 10.0);

}  // namespace granice
