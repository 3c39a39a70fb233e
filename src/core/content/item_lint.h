// Item-quality rules (core/content/item_rules.h, README "Item quality"): the cues that let a learner who
// knows nothing score well — the right option longest, the key in one place, always/never words in
// wrong options, the best role-play reply always first — and text problems (numbers that differ
// between languages, text left for the organisation). Run on a course that loaded cleanly.
//
//   ItemLint r = lint_items(loaded.course, source);   // warnings positioned like load errors
//   for (auto& w : r.warnings) print format_diagnostic(w);
//   for (auto& o : r.opt_outs) print o.where, o.rule, o.reason;   // "lint_ok" exceptions, never hidden
#pragma once

#include <string>
#include <vector>

#include "core/content/diagnostic.h"
#include "core/content/lint_words.h"
#include "core/content/loader.h"
#include "core/content/model.h"

namespace granice {

struct OptOutUse {
  std::string where;   // "file:line:col: /pointer"
  std::string rule;
  std::string reason;
  bool used = false;   // the rule would have warned here
};

struct ItemLint {
  std::vector<Diagnostic> warnings;  // file order (as the course lists them), then position
  std::vector<OptOutUse> opt_outs;   // every "lint_ok" in the content
  std::vector<Diagnostic> errors;    // mistakes in lint/words.json (the lists are then partly missing)
  std::vector<std::string> notes;    // checks skipped: a course language without giveaway words
};

ItemLint lint_items(const Course& course, const ContentSource& source);

// `lint_ok: file:line:col: /pointer: rule: "reason"`, plus a remark when the rule would not warn there.
std::string format_opt_out(const OptOutUse& o);

// One-sided binomial tail P(X >= k) for X ~ Bin(n, p): how surprising a cue count is by chance.
double binomial_tail(int n, int k, double p);

// The words of `list.absolute` (always/never/only...) in `text`, lowercased, in the list's order, no repeats.
std::vector<std::string> specific_determiners(std::string_view text, const LanguageLintWords& list);

// The digit groups of a text ("800 70 2222, 18:00" -> 800, 70, 2222, 18, 00), sorted.
std::vector<std::string> digit_groups(std::string_view text);

}  // namespace granice
