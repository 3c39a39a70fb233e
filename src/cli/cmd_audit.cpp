// granice audit [--json] [--draws N] [--lang L] [--check] [PATH]: how a learner who knows nothing
// would score, strategy by strategy (core/content/audit.h). --check exits 1 when a target is missed.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/content_path.h"
#include "core/content/audit.h"
#include "core/content/lint_words.h"
#include "core/engines/roleplay_engine.h"
#include "core/text/utf8.h"

namespace granice::cli {

namespace {

constexpr const char* kUsage = "usage: granice audit [--json] [--draws N] [--lang L] [--check] [PATH]\n";

std::string fixed(double v, int decimals = 1) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string pad(std::string s, std::size_t width) {
  const std::size_t chars = utf8_code_points(s);
  if (chars < width) s.append(width - chars, ' ');
  return s;
}

nlohmann::ordered_json to_json(const AuditResult& r, const std::vector<std::string>& misses, double seconds) {
  nlohmann::ordered_json j;
  j["lang"] = r.lang;
  j["draws"] = r.draws;
  j["method"] = "seeded draws through the course's own engines; figures are means over the draws";
  j["seconds"] = seconds;
  for (const auto& s : r.strategies) {
    nlohmann::ordered_json sj;
    sj["id"] = strategy_id(s.strategy);
    sj["name"] = strategy_name(s.strategy);
    for (const auto& q : s.quizzes)
      sj["quizzes"].push_back({{"id", q.quiz_id}, {"questions", q.questions}, {"pass_mark", q.pass_mark},
                               {"mean_score", q.mean_score}, {"score_stderr", q.score_stderr},
                               {"pass_probability", q.pass_probability}, {"pass_stderr", q.pass_stderr}});
    for (const auto& rp : s.roleplays) {
      nlohmann::ordered_json rj = {{"module", rp.module_id}, {"runs", rp.runs}, {"endings", nlohmann::ordered_json::array()}};
      for (const auto& e : rp.endings)
        rj["endings"].push_back({{"node", e.node_id}, {"outcome", outcome_name(e.outcome)}, {"count", e.reached}});
      sj["roleplays"].push_back(rj);
    }
    j["strategies"].push_back(sj);
  }
  j["misses"] = misses;
  return j;
}

void print_text(const AuditResult& r, const std::vector<std::string>& misses, double seconds) {
  std::cout << "How a learner who knows nothing would score (" << r.lang << " wording, " << r.draws
            << " seeded learners per strategy, the course's own draw, shuffle and scoring)\n";
  if (r.strategies.empty()) return;
  const auto& ids = r.strategies.front().quizzes;
  std::cout << "\nmean score % (probability of reaching the pass mark %)\n" << pad("strategy", 30);
  for (const auto& q : ids) std::cout << pad(q.quiz_id, 16);
  std::cout << '\n';
  double worst_score_se = 0.0, worst_pass_se = 0.0;
  for (const auto& s : r.strategies) {
    std::cout << pad(strategy_name(s.strategy), 30);
    for (const auto& q : s.quizzes) {
      std::cout << pad(fixed(q.mean_score) + " (" + fixed(q.pass_probability * 100) + ")", 16);
      worst_score_se = std::max(worst_score_se, q.score_stderr);
      worst_pass_se = std::max(worst_pass_se, q.pass_stderr * 100);
    }
    std::cout << '\n';
  }
  std::cout << "standard error at most " << fixed(worst_score_se, 2) << " points (score), " << fixed(worst_pass_se, 2)
            << " points (pass probability)\n";
  std::cout << "\nrole-play endings (share of walks)\n";
  for (const auto& s : r.strategies) {
    std::cout << strategy_name(s.strategy) << '\n';
    for (const auto& rp : s.roleplays) {
      std::cout << "  " << pad(rp.module_id, 14);
      for (const auto& e : rp.endings)
        std::cout << e.node_id << " (" << outcome_name(e.outcome) << ") " << fixed(100.0 * static_cast<double>(e.reached) / std::max(1, rp.runs), 0) << " %  ";
      std::cout << '\n';
    }
  }
  std::cout << '\n';
  if (misses.empty()) std::cout << "targets met: no strategy passes the final assessment in more than 1 % of draws, none beats random guessing by more than 10 points\n";
  for (const auto& m : misses) std::cout << "target missed: " << m << '\n';
  std::cerr << "audit took " << fixed(seconds, 2) << " s\n";
}

}  // namespace

int cmd_audit(const Args& args) {
  std::string path = kDefaultContentDir;
  AuditOptions options;
  bool as_json = false, check = false;
  int positional = 0;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--json") as_json = true;
    else if (a == "--check") check = true;
    else if ((a == "--draws" || a == "--lang") && i + 1 < args.size()) {
      const std::string& v = args[++i];
      if (a == "--lang") {
        options.lang = v;
        continue;
      }
      try {
        std::size_t used = 0;
        options.draws = std::stoi(v, &used);
        if (used != v.size() || options.draws < 1 || options.draws > 1000000) throw std::invalid_argument(v);
      } catch (const std::exception&) {
        std::cerr << "granice audit: --draws takes a whole number from 1 to 1000000\n" << kUsage;
        return kExitUsage;
      }
    } else if ((!a.empty() && a[0] == '-') || ++positional > 1) {
      std::cerr << "granice audit: unexpected argument " << a << '\n' << kUsage;
      return kExitUsage;
    } else {
      path = a;
    }
  }
  const CheckedContent content = load_clean_content(path);
  if (!content.loaded) return content.exit_code;
  const Course& course = content.loaded->course;
  if (!options.lang.empty() && std::find(course.languages.begin(), course.languages.end(), options.lang) == course.languages.end()) {
    std::cerr << "granice audit: the course has no language \"" << options.lang << "\"\n" << kUsage;
    return kExitUsage;
  }
  // The "empathic" strategy's stock openers: the content folder's lint/words.json.
  const std::string lang = options.lang.empty() ? course.languages.front() : options.lang;
  const auto where = locate_content(path);
  const LintWordsLoad words = where ? read_lint_words(folder_source(where->folder)) : LintWordsLoad{};
  for (const auto& d : words.diagnostics) std::cerr << format_diagnostic(d) << '\n';
  if (!words.diagnostics.empty()) return kExitContentErrors;
  if (const LanguageLintWords* w = words.words.in(lang)) options.stock_phrases = w->stock_phrases;
  for (const auto& note : lint_words_notes(words.words, {lang})) std::cerr << "note: " << note << '\n';
  const auto start = std::chrono::steady_clock::now();
  const AuditResult r = audit_course(course, options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto misses = audit_misses(course, r);
  if (as_json) std::cout << to_json(r, misses, seconds).dump(2) << '\n';
  else print_text(r, misses, seconds);
  return check && !misses.empty() ? kExitContentErrors : kExitOk;
}

}  // namespace granice::cli
