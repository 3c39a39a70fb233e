// The item-quality rules of `granice lint` (README "Item quality"): their ids, what each one looks at,
// and the margins they use. One list, read by the loader (to check "lint_ok" opt-outs), the linter and
// the docs test.
#pragma once

#include <string_view>

namespace granice {

// Where a "lint_ok" exception for the rule may stand. Text rules: on the item or node the text belongs
// to; Never: no exception (text left for the organisation must be completed, not excused).
enum class RuleScope { Item, Bank, RolePlay, Node, Text, Never };

struct ItemRule {
  std::string_view id;
  RuleScope scope;       // where a "lint_ok" opt-out for it is written
  std::string_view why;  // one line; the long reason is in quizzes/README.md
};

inline constexpr ItemRule kItemRules[] = {
    {"cue/longest-right", RuleScope::Item, "the right option is the longest by a clear margin"},
    {"cue/longest-right-share", RuleScope::Bank, "the right option is the longest far more (or far less) often than chance"},
    {"cue/key-position", RuleScope::Bank, "the right option sits in one authored position far more often than chance"},
    {"cue/mr-same-count", RuleScope::Bank, "every multiple-response item has the same number of right answers"},
    {"cue/true-false-balance", RuleScope::Bank, "true/false keys are lopsided"},
    {"cue/determiner", RuleScope::Item, "always/never-style words only in wrong options"},
    {"cue/all-of-the-above", RuleScope::Item, "an \"all/none of the above\" option"},
    {"cue/best-reply-position", RuleScope::RolePlay, "the best reply sits in one authored position at most nodes"},
    {"cue/duplicate-reply", RuleScope::Node, "two replies of a node have the same text"},
    {"cue/no-real-choice", RuleScope::Node, "every reply leads to the same node with the same scores"},
    {"lang/numbers-differ", RuleScope::Text, "the languages of one text carry different numbers"},
    {"content/placeholder", RuleScope::Never, "text left for the organisation to complete"},
};

// Margins (quizzes/README.md "Item quality" explains the choice).
inline constexpr double kLongestMargin = 0.15;     // right option > 115 % of the longest wrong one
inline constexpr double kChanceAlpha = 0.05;       // one-sided binomial tail for "far more often than chance"
inline constexpr int kMinItemsForShare = 4;        // bank rules need at least this many items

inline const ItemRule* find_item_rule(std::string_view id) {
  for (const auto& r : kItemRules)
    if (r.id == id) return &r;
  return nullptr;
}

}  // namespace granice
