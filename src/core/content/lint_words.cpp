#include "core/content/lint_words.h"

#include "core/text/json_reader.h"
#include "core/text/text_fold.h"

namespace granice {

namespace {

using load::json;
using load::Need;

std::vector<std::string> split_words(const std::string& phrase) {
  std::vector<std::string> out;
  std::string word;
  for (const char c : phrase + ' ') {
    if (c != ' ') {
      word += c;
    } else if (!word.empty()) {
      out.push_back(word);
      word.clear();
    }
  }
  return out;
}

// A list of words or phrases at `key`: each a non-blank string, kept lowercase.
std::vector<std::string> read_list(load::ObjectReader& r, std::string_view key) {
  std::vector<std::string> out;
  const json* list = r.array(key, Need::Optional, 0, "an array of words or phrases");
  if (!list) return out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const json& item = list->at(i);
    if (!item.is_string() || split_words(item.get<std::string>()).empty()) {
      r.ctx().at_value(json_pointer_child(r.child(key), i), "invalid entry " + item.dump(), "a word or phrase (a non-blank string)");
      continue;
    }
    out.push_back(lowercase(item.get<std::string>()));
  }
  return out;
}

}  // namespace

LintWordsLoad read_lint_words(const ContentSource& source) {
  LintWordsLoad out;
  std::optional<std::string> text;
  try {
    text = source.read ? source.read(kLintWordsFile) : std::nullopt;
  } catch (...) {
    text = std::nullopt;
  }
  if (!text) return out;
  const std::string file = display_name(source, kLintWordsFile);
  const JsonParseResult parsed = parse_json_source(*text);
  if (!parsed.doc) {
    const auto& e = *parsed.error;
    out.diagnostics.push_back(Diagnostic{file, e.pos.line, e.pos.col, e.pointer, "invalid JSON: " + e.message, e.expected});
    return out;
  }
  const std::vector<std::string> any_language;
  load::DocContext ctx{*parsed.doc, file, out.diagnostics, any_language};
  load::ObjectReader r(ctx, parsed.doc->value, "");
  if (!r.valid()) return out;
  r.string("$schema", Need::Optional);
  for (const auto& [lang, lists] : parsed.doc->value.items()) {
    if (lang == "$schema") continue;
    r.allow(lang);   // a language code: each language's lists
    load::ObjectReader l(ctx, lists, r.child(lang));
    if (!l.valid()) continue;
    LanguageLintWords w;
    for (const std::string& phrase : read_list(l, "absolute")) w.absolute.push_back(split_words(phrase));
    w.all_of_the_above = read_list(l, "all_of_the_above");
    w.stock_phrases = read_list(l, "stock_phrases");
    out.words.languages[lang] = std::move(w);
  }
  return out;
}

std::vector<std::string> lint_words_notes(const LintWords& words, const std::vector<std::string>& languages) {
  std::vector<std::string> out;
  for (const std::string& lang : languages)
    if (!words.in(lang))
      out.push_back(std::string(kLintWordsFile) + " lists no words for \"" + lang + "\": the always/never-word, " +
                    "all-of-the-above and stock-phrase checks were skipped for " + lang + " (add its lists there)");
  return out;
}

}  // namespace granice
