// The giveaway words of each language, as data (quizzes/lint/words.json, README "Item quality"):
// what the item-quality lint and the audit look for in options and replies. A language a course
// adds lists its own words there; a language without a list gets those checks skipped, and lint
// says so (ItemLint::notes) instead of staying silent.
//
//   {"$schema": "../schema/lint-words.schema.json",
//    "pl": {"absolute": ["zawsze", "na pewno"], "all_of_the_above": ["wszystkie powyższe"],
//           "stock_phrases": ["rozumiem"]}, "en": {...}}
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/diagnostic.h"
#include "core/content/loader.h"

namespace granice {

struct LanguageLintWords {
  std::vector<std::vector<std::string>> absolute;   // always/never-style words or phrases, lowercase, by word
  std::vector<std::string> all_of_the_above;        // "all of the above"-style phrases, lowercase
  std::vector<std::string> stock_phrases;           // empathic-sounding openers ("i understand"), lowercase
};

struct LintWords {
  std::map<std::string, LanguageLintWords, std::less<>> languages;
  const LanguageLintWords* in(std::string_view lang) const {
    const auto it = languages.find(lang);
    return it == languages.end() ? nullptr : &it->second;
  }
};

// Beside the course files, not among them: the web build, the packs and the LMS packages never
// carry it, and the content's version does not change with it.
inline constexpr const char* kLintWordsFile = "lint/words.json";

struct LintWordsLoad {
  LintWords words;
  std::vector<Diagnostic> diagnostics;   // the file's mistakes, positioned like load errors
};

// The lists of `source`'s lint/words.json; none (and no diagnostic) when the folder has no such file.
LintWordsLoad read_lint_words(const ContentSource& source);

// "lint/words.json lists no words for uk: ..." for each of `languages` without a list.
std::vector<std::string> lint_words_notes(const LintWords& words, const std::vector<std::string>& languages);

}  // namespace granice
