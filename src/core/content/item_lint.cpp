#include "core/content/item_lint.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "core/content/item_rules.h"
#include "core/text/json_source.h"
#include "core/text/text_fold.h"
#include "core/text/text_match.h"
#include "core/content/text_sites.h"
#include "core/text/utf8.h"

namespace granice {

// [SECTION] Helpers: binomial tail, words, digits
double binomial_tail(int n, int k, double p) {
  if (k <= 0) return 1.0;
  if (k > n) return 0.0;
  double sum = 0.0;
  for (int i = k; i <= n; ++i) {
    const double log_c = std::lgamma(n + 1.0) - std::lgamma(i + 1.0) - std::lgamma(n - i + 1.0);
    sum += std::exp(log_c + i * std::log(p) + (n - i) * std::log1p(-p));
  }
  return std::min(1.0, sum);
}

namespace {

// Words: runs of ASCII letters, digits, apostrophes and any non-ASCII bytes (Polish letters).
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool part = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    // Typographic quotes and dashes are non-ASCII too: end a word at their lead bytes' sequences below.
    if (part) {
      cur += ch;
    } else if (!cur.empty()) {
      out.push_back(lowercase(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(lowercase(cur));
  // Strip punctuation that is non-ASCII (… „ ” “ ’ — –) from word edges.
  static const std::string_view kMarks[] = {"…", "„", "”", "“", "’", "—", "–", "«", "»"};
  for (auto& w : out) {
    for (bool again = true; again;) {
      again = false;
      for (const auto m : kMarks) {
        if (w.size() >= m.size() && w.compare(0, m.size(), m) == 0) w.erase(0, m.size()), again = true;
        if (w.size() >= m.size() && w.compare(w.size() - m.size(), m.size(), m) == 0) w.resize(w.size() - m.size()), again = true;
      }
    }
  }
  out.erase(std::remove(out.begin(), out.end(), std::string()), out.end());
  return out;
}

bool is_all_of_the_above(std::string_view text, const LanguageLintWords& words) {
  const std::string t = lowercase(text);
  return std::any_of(words.all_of_the_above.begin(), words.all_of_the_above.end(),
                     [&](const std::string& p) { return t.find(p) != std::string::npos; });
}

bool has_placeholder(std::string_view text) {
  if (text.find("[DO UZUPEŁNIENIA") != std::string_view::npos || text.find("[TO BE COMPLETED") != std::string_view::npos)
    return true;
  for (std::size_t at = text.find("TODO"); at != std::string_view::npos; at = text.find("TODO", at + 1)) {
    const bool start = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
    const bool end = at + 4 >= text.size() || !std::isalnum(static_cast<unsigned char>(text[at + 4]));
    if (start && end) return true;
  }
  return false;
}


std::string percent(double v) { return std::to_string(static_cast<int>(std::lround(v * 100))) + " %"; }

bool single_key(const Question& q) { return q.type == QuestionType::SingleChoice || q.type == QuestionType::BestReply; }

int key_index(const Question& q) {
  for (std::size_t i = 0; i < q.options.size(); ++i)
    if (q.options[i].correct) return static_cast<int>(i);
  return -1;
}

int reply_score(const Choice& c) {
  int s = 0;
  for (const auto& [k, v] : c.scores) s += v;
  return s;
}

// "/quiz/questions/3/options/1/text" -> "/quiz/questions/3" (the item a text belongs to).
std::string owner_pointer(const std::string& pointer, std::string_view list) {
  const auto at = pointer.find(list);
  if (at == std::string::npos) return {};
  const auto end = pointer.find('/', at + list.size());
  return pointer.substr(0, end);
}

}  // namespace

std::vector<std::string> specific_determiners(std::string_view text, const LanguageLintWords& list) {
  const auto w = words(text);
  std::vector<std::string> out;
  for (const auto& phrase : list.absolute) {
    for (std::size_t i = 0; i + phrase.size() <= w.size(); ++i) {
      if (std::equal(phrase.begin(), phrase.end(), w.begin() + static_cast<std::ptrdiff_t>(i))) {
        const std::string p = join(phrase, " ");
        if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
        break;
      }
    }
  }
  return out;
}

std::vector<std::string> digit_groups(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (const char c : text) {
    if (c >= '0' && c <= '9') {
      cur += c;
    } else if (!cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(cur);
  std::sort(out.begin(), out.end());
  return out;
}

namespace {

// [SECTION] The linter
class Linter {
 public:
  Linter(const Course& course, const ContentSource& source) : c_(course), src_(source) {}

  ItemLint run() {
    LintWordsLoad words = read_lint_words(src_);
    words_ = std::move(words.words);
    out_.errors = std::move(words.diagnostics);
    out_.notes = lint_words_notes(words_, c_.languages);
    collect_opt_outs();
    for (const auto& m : c_.modules) {
      bank(m.file, "/quiz", "/quiz/questions", m.quiz.questions, m.quiz.lint_ok);
      if (m.roleplay) roleplay(m.file, *m.roleplay);
    }
    bank(c_.assessment.file, "", "/questions", c_.assessment.bank, c_.assessment.lint_ok);
    texts();
    // Warnings in file order (the course's own order), then by position within a file.
    std::vector<std::string> order{c_.course_file};
    for (const auto& m : c_.modules) order.push_back(m.file);
    order.push_back(c_.assessment.file);
    order.push_back(c_.resources_file);
    auto rank = [&](const std::string& display) {
      for (std::size_t i = 0; i < order.size(); ++i)
        if (display == display_name(src_, order[i])) return i;
      return order.size();
    };
    std::stable_sort(out_.warnings.begin(), out_.warnings.end(), [&](const Diagnostic& a, const Diagnostic& b) {
      const auto ra = rank(a.file), rb = rank(b.file);
      if (ra != rb) return ra < rb;
      return a.line != b.line ? a.line < b.line : a.col < b.col;
    });
    return std::move(out_);
  }

 private:
  const Course& c_;
  const ContentSource& src_;
  ItemLint out_;
  LintWords words_;
  std::map<std::string, std::optional<JsonSource>, std::less<>> docs_;
  std::map<std::string, std::size_t> opt_out_at_;  // file + '\n' + pointer + '\n' + rule -> index in out_.opt_outs

  SourcePos pos(std::string_view file, const std::string& pointer) {
    auto it = docs_.find(file);
    if (it == docs_.end()) {
      std::optional<JsonSource> doc;
      std::optional<std::string> text;
      try {
        text = src_.read ? src_.read(std::string(file)) : std::nullopt;
      } catch (...) {
        text = std::nullopt;
      }
      if (text) {
        auto parsed = parse_json_source(*text);
        if (parsed.doc) doc = std::move(*parsed.doc);
      }
      it = docs_.emplace(std::string(file), std::move(doc)).first;
    }
    return it->second ? it->second->value_pos(pointer) : SourcePos{};
  }

  void collect_opt_outs() {
    auto add = [&](std::string_view file, const std::string& pointer, const LintOptOuts& list) {
      for (const auto& [rule, reason] : list) {
        const SourcePos p = pos(file, json_pointer_child(pointer, "lint_ok"));
        opt_out_at_[std::string(file) + '\n' + pointer + '\n' + rule] = out_.opt_outs.size();
        out_.opt_outs.push_back(OptOutUse{display_name(src_, std::string(file)) + ":" + std::to_string(p.line) + ":" +
                                              std::to_string(p.col) + ": " + (pointer.empty() ? "/" : pointer),
                                          rule, reason, false});
      }
    };
    auto questions = [&](std::string_view file, const std::string& base, const std::vector<Question>& list) {
      for (std::size_t i = 0; i < list.size(); ++i) add(file, json_pointer_child(base, i), list[i].lint_ok);
    };
    for (const auto& m : c_.modules) {
      add(m.file, "/quiz", m.quiz.lint_ok);
      questions(m.file, "/quiz/questions", m.quiz.questions);
      if (m.roleplay) {
        add(m.file, "/roleplay", m.roleplay->lint_ok);
        for (std::size_t i = 0; i < m.roleplay->nodes.size(); ++i)
          add(m.file, json_pointer_child("/roleplay/nodes", i), m.roleplay->nodes[i].lint_ok);
      }
    }
    add(c_.assessment.file, "", c_.assessment.lint_ok);
    questions(c_.assessment.file, "/questions", c_.assessment.bank);
  }

  // Reports unless the content opted out of `rule` at `scope` (the item, node, quiz or bank).
  void warn(std::string_view rule, std::string_view file, const std::string& pointer, const std::string& scope,
            std::string message, std::string expected) {
    const auto it = opt_out_at_.find(std::string(file) + '\n' + scope + '\n' + std::string(rule));
    if (it != opt_out_at_.end()) {
      out_.opt_outs[it->second].used = true;
      return;
    }
    const SourcePos p = pos(file, pointer);
    out_.warnings.push_back(Diagnostic{display_name(src_, std::string(file)), p.line, p.col, pointer, std::move(message),
                                       std::move(expected), std::string(rule)});
  }

  // [SECTION] Items and banks
  void bank(std::string_view file, const std::string& bank_ptr, const std::string& list_ptr, const std::vector<Question>& qs,
            const LintOptOuts&) {
    int choice_items = 0;
    double chance = 0.0;  // sum of 1/options
    std::map<std::string, int> longest;  // language -> items whose right option is the longest (ties count)
    std::map<int, int> key_at;
    int key_items = 0;
    std::vector<std::pair<std::string, int>> mr;  // item pointer, right answers
    int tf_true = 0, tf_false = 0;
    for (std::size_t i = 0; i < qs.size(); ++i) {
      const Question& q = qs[i];
      const std::string qp = json_pointer_child(list_ptr, i);
      const int k = key_index(q);
      if (single_key(q) && k >= 0 && q.options.size() >= 2) {
        ++choice_items;
        chance += 1.0 / static_cast<double>(q.options.size());
        ++key_items;
        ++key_at[k];
        longest_right(file, qp, q, k, longest);
      }
      if (q.type == QuestionType::MultipleResponse)
        mr.emplace_back(qp, static_cast<int>(std::count_if(q.options.begin(), q.options.end(), [](const Option& o) { return o.correct; })));
      if (q.type == QuestionType::TrueFalse && k >= 0) (q.options[static_cast<std::size_t>(k)].id == "true" ? tf_true : tf_false) += 1;
      if (single_key(q) || q.type == QuestionType::MultipleResponse) option_words(file, qp, q);
    }
    const std::string where = bank_ptr.empty() ? "the bank" : "the quiz";
    const std::string bank_at = bank_ptr.empty() ? list_ptr : bank_ptr;
    if (choice_items >= kMinItemsForShare) {
      const double p = chance / choice_items;
      for (const auto& [lang, x] : longest) {
        if (binomial_tail(choice_items, x, p) < kChanceAlpha) {
          warn("cue/longest-right-share", file, bank_at, bank_ptr,
               "the right option is the longest in " + std::to_string(x) + " of " + std::to_string(choice_items) +
                   " single-answer items (" + lang + "); chance is about " + percent(p),
               "the right option the longest in at most " + std::to_string(max_by_chance(choice_items, p)) + " of them");
        } else if (1.0 - binomial_tail(choice_items, x + 1, p) < kChanceAlpha) {
          // Over-correction is a cue too: "never the longest" then pays.
          warn("cue/longest-right-share", file, bank_at, bank_ptr,
               "the right option is the longest in only " + std::to_string(x) + " of " + std::to_string(choice_items) +
                   " single-answer items (" + lang + "); chance is about " + percent(p),
               "the right option the longest in at least " + std::to_string(min_by_chance(choice_items, p)) + " of them");
        }
      }
    }
    if (key_items >= kMinItemsForShare) {
      const double p = chance / key_items;
      for (const auto& [at, count] : key_at) {
        // Bonferroni over the positions: any one of them may be the overused one.
        if (binomial_tail(key_items, count, p) < kChanceAlpha / static_cast<double>(std::max<std::size_t>(key_at.size(), 2))) {
          warn("cue/key-position", file, bank_at, bank_ptr,
               "the right option is option " + std::to_string(at + 1) + " in " + std::to_string(count) + " of " +
                   std::to_string(key_items) + " single-answer items of " + where,
               "the right option in varied positions");
        }
      }
    }
    if (mr.size() >= 2 && std::all_of(mr.begin(), mr.end(), [&](const auto& e) { return e.second == mr.front().second; })) {
      warn("cue/mr-same-count", file, bank_at, bank_ptr,
           "every multiple-response item of " + where + " (" + std::to_string(mr.size()) + ") has " +
               std::to_string(mr.front().second) + " right answers",
           "a varied number of right answers (from 1 to all but one)");
    }
    const int tf = tf_true + tf_false;
    if (tf >= 2 && std::abs(tf_true - tf_false) > std::max(1, tf / 4)) {
      warn("cue/true-false-balance", file, bank_at, bank_ptr,
           "true/false keys of " + where + ": " + std::to_string(tf_true) + " true, " + std::to_string(tf_false) + " false",
           "as many true as false keys (a difference of at most " + std::to_string(std::max(1, tf / 4)) + ")");
    }
  }

  static int min_by_chance(int n, double p) {
    int x = 0;
    while (x < n && 1.0 - binomial_tail(n, x + 1, p) < kChanceAlpha) ++x;
    return x;
  }

  static int max_by_chance(int n, double p) {
    int x = 0;
    while (x <= n && binomial_tail(n, x + 1, p) >= kChanceAlpha) ++x;
    return x;
  }

  void longest_right(std::string_view file, const std::string& qp, const Question& q, int k, std::map<std::string, int>& longest) {
    std::vector<std::string> tripped;
    int worst_percent = 0;
    for (const auto& lang : c_.languages) {
      std::size_t right = 0, wrong = 0;
      for (std::size_t i = 0; i < q.options.size(); ++i) {
        const std::size_t len = utf8_code_points(q.options[i].text.in(lang));
        if (static_cast<int>(i) == k) right = len;
        else wrong = std::max(wrong, len);
      }
      if (right >= wrong) ++longest[lang];
      if (static_cast<double>(right) > (1.0 + kLongestMargin) * static_cast<double>(wrong)) {
        const int over = static_cast<int>(std::lround(100.0 * (static_cast<double>(right) - static_cast<double>(wrong)) /
                                                      std::max<double>(1.0, static_cast<double>(wrong))));
        worst_percent = std::max(worst_percent, over);
        tripped.push_back(lang + " " + std::to_string(right) + " vs " + std::to_string(wrong));
      } else if (!longest.count(lang)) {
        longest[lang] += 0;
      }
    }
    if (tripped.empty()) return;
    warn("cue/longest-right", file, json_pointer_child(json_pointer_child(qp, "options"), static_cast<std::size_t>(k)), qp,
         "the right option is " + std::to_string(worst_percent) + " % longer than the longest wrong one (" +
             join(tripped, ", ") + " characters)",
         "options of similar length: the right one at most " + percent(kLongestMargin) + " longer");
  }

  void option_words(std::string_view file, const std::string& qp, const Question& q) {
    for (const auto& lang : c_.languages) {
      const LanguageLintWords* list = words_.in(lang);
      if (!list) continue;   // told once (ItemLint::notes)
      std::set<std::string> in_right, in_wrong;
      for (const auto& o : q.options) {
        for (auto& w : specific_determiners(o.text.in(lang), *list)) (o.correct ? in_right : in_wrong).insert(w);
      }
      std::vector<std::string> only_wrong;
      for (const auto& w : in_wrong)
        if (!in_right.count(w)) only_wrong.push_back("\"" + w + "\"");
      if (!only_wrong.empty()) {
        warn("cue/determiner", file, json_pointer_child(qp, "options"), qp,
             join(only_wrong, ", ") + " only in wrong options (" + lang + ")",
             "no always/never-style words that mark the wrong options (or the same words in a right one)");
      }
    }
    for (std::size_t i = 0; i < q.options.size(); ++i) {
      for (const auto& lang : c_.languages) {
        const LanguageLintWords* list = words_.in(lang);
        if (!list || !is_all_of_the_above(q.options[i].text.in(lang), *list)) continue;
        warn("cue/all-of-the-above", file, json_pointer_child(json_pointer_child(qp, "options"), i), qp,
             "an \"all/none of the above\" option (" + lang + ")", "options that each stand on their own");
        break;
      }
    }
  }

  // [SECTION] Role-plays
  void roleplay(std::string_view file, const RolePlay& rp) {
    std::map<int, int> best_at;
    int decisions = 0;
    double chance = 0.0;
    for (std::size_t i = 0; i < rp.nodes.size(); ++i) {
      const RolePlayNode& n = rp.nodes[i];
      if (n.choices.size() < 2) continue;
      const std::string np = json_pointer_child("/roleplay/nodes", i);
      ++decisions;
      chance += 1.0 / static_cast<double>(n.choices.size());
      int best = 0;
      for (std::size_t k = 1; k < n.choices.size(); ++k)
        if (reply_score(n.choices[k]) > reply_score(n.choices[static_cast<std::size_t>(best)])) best = static_cast<int>(k);
      ++best_at[best];
      for (const auto& lang : c_.languages) {
        bool dup = false;
        for (std::size_t a = 0; a < n.choices.size() && !dup; ++a)
          for (std::size_t b = a + 1; b < n.choices.size() && !dup; ++b)
            if (n.choices[a].text.in(lang) == n.choices[b].text.in(lang)) {
              warn("cue/duplicate-reply", file, json_pointer_child(json_pointer_child(np, "choices"), b), np,
                   "replies " + std::to_string(a + 1) + " and " + std::to_string(b + 1) + " have the same text (" + lang + ")",
                   "replies that differ");
              dup = true;
            }
      }
      const Choice& first = n.choices.front();
      if (std::all_of(n.choices.begin(), n.choices.end(),
                      [&](const Choice& c) { return c.next == first.next && c.scores == first.scores; })) {
        warn("cue/no-real-choice", file, json_pointer_child(np, "choices"), np,
             "every reply leads to \"" + first.next + "\" with the same scores",
             "replies that lead to different places or score differently");
      }
    }
    if (decisions < kMinItemsForShare) return;
    const double p = chance / decisions;
    for (const auto& [at, count] : best_at) {
      if (binomial_tail(decisions, count, p) < kChanceAlpha / static_cast<double>(std::max<std::size_t>(best_at.size(), 2))) {
        warn("cue/best-reply-position", file, "/roleplay/nodes", "/roleplay",
             "the best-scored reply is reply " + std::to_string(at + 1) + " at " + std::to_string(count) + " of " +
                 std::to_string(decisions) + " nodes of role-play \"" + rp.id + "\"",
             "the best reply in varied authored positions");
      }
    }
  }

  // A placeholder a {resource:ID} brought in is the contact's, reported once at resources.json.
  bool from_contact(const std::string& text, const std::string& lang) const {
    for (const auto& r : c_.resources) {
      for (const std::string* brought : {&r.name.in(lang), &r.phone})
        if (!brought->empty() && has_placeholder(*brought) && text.find(*brought) != std::string::npos) return true;
    }
    return false;
  }

  // [SECTION] Texts: numbers between languages, placeholders
  void texts() {
    for_each_text(c_, [&](const TextSite& at, const LocalText& t) {
      const std::string scope = at.question ? owner_pointer(at.pointer, "/questions/")
                                : at.node   ? owner_pointer(at.pointer, "/nodes/")
                                            : std::string("\n");  // no opt-out for lesson text
      std::optional<std::vector<std::string>> first;
      std::string first_lang;
      for (const auto& [lang, s] : t.tr) {
        auto groups = digit_groups(s);
        if (!first) {
          first = groups;
          first_lang = lang;
        } else if (groups != *first) {
          warn("lang/numbers-differ", at.file, at.pointer, scope,
               "the numbers differ between languages (" + first_lang + ": " + (first->empty() ? "none" : join(*first, " ")) +
                   "; " + lang + ": " + (groups.empty() ? "none" : join(groups, " ")) + ")",
               "the same numbers (phone numbers, ages, amounts, years) in every language");
          break;
        }
      }
      for (const auto& [lang, s] : t.tr) {
        if (!has_placeholder(s) || (!at.file.empty() && at.file != c_.resources_file && from_contact(s, lang))) continue;
        warn("content/placeholder", at.file, at.pointer + "/" + lang, "\n",
             "text left for the organisation to complete (" + std::string(at.kind) + ")",
             "the organisation's own text before release (scripts/package refuses it without --draft)");
        break;
      }
    });
    for (std::size_t i = 0; i < c_.resources.size(); ++i) {
      const Resource& r = c_.resources[i];
      const std::string rp = json_pointer_child("/resources", i);
      for (const auto& [field, value] : {std::pair<const char*, const std::string*>{"phone", &r.phone}, {"url", &r.url}}) {
        if (has_placeholder(*value))
          warn("content/placeholder", c_.resources_file, json_pointer_child(rp, field), "\n",
               std::string("contact ") + field + " left for the organisation to complete",
               "the organisation's own contact before release (scripts/package refuses it without --draft)");
      }
    }
  }
};

}  // namespace

ItemLint lint_items(const Course& course, const ContentSource& source) { return Linter(course, source).run(); }

std::string format_opt_out(const OptOutUse& o) {
  return "lint_ok: " + o.where + ": " + o.rule + ": \"" + o.reason + "\"" +
         (o.used ? "" : " (not needed: the rule does not warn here)");
}

}  // namespace granice
