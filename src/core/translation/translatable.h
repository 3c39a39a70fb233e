// Every translatable text of a content folder, read for translation: the course's texts (the
// loader's walk, core/content/text_sites.h) and the interface strings (interface.json, when the
// folder has one), each with its file, JSON pointer, what it is, the translator's context, and the
// raw text in the source and target languages as written in the file (contact references such as
// {phone:ID} unresolved). The files' texts and positions are kept for byte-level edits.
//
//   TranslatableLoad t = read_translatable(folder_source("quizzes"), "pl", "uk");
//   for (const TranslationUnit& u : t.content->units) ... u.id(), u.source, u.target ...
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/diagnostic.h"
#include "core/content/loader.h"
#include "core/text/json_source.h"

namespace granice {

// The interface strings' file beside course.json: {"strings": {"<StrId>": {"pl": "…", "en": "…",
// "max_length": N}}} (max_length optional).
inline constexpr std::string_view kInterfaceFile = "interface.json";

struct TranslationUnit {
  std::string file;                  // as course.json names it, or interface.json
  std::string pointer;               // JSON pointer of the text object {"pl": …, "en": …}
  std::string kind;                  // what the text is: "client line", "interface string", …
  std::vector<std::string> notes;    // more context for the translator (persona, mood, question)
  int max_length = 0;                // in characters (code points); 0: no limit
  std::string source;                // the text in the source language, as written
  std::optional<std::string> target; // the text in the target language, when it has one

  // Stable across exports while the content keeps its shape: file + "#" + pointer.
  std::string id() const { return file + "#" + pointer; }
};

struct ContentFile {
  std::string name;     // as course.json names it
  std::string display;  // for messages: the folder joined with the name
  std::string text;     // as read
  JsonSource json;      // values and their byte spans
};

struct TranslatableContent {
  std::vector<std::string> languages;  // course.json's "languages", default first
  std::string course_file;             // usually course.json
  std::deque<ContentFile> files;       // load order; interface.json last when present (a deque: pointers stay valid)
  std::vector<TranslationUnit> units;  // file by file, in document order

  const ContentFile* file(std::string_view name) const;
};

struct TranslatableLoad {
  std::optional<TranslatableContent> content;  // set when the content loads cleanly
  std::vector<Diagnostic> diagnostics;
};

// Loads the course (it must load without errors) and lists every text in `source_lang`, with its
// `target_lang` text when one is written. `source_lang` must be a course language.
TranslatableLoad read_translatable(const ContentSource& source, std::string_view source_lang, std::string_view target_lang);

// Placeholders in a text: {name}, {0}, {phone:ID}, … in order of appearance.
std::vector<std::string> placeholders_in(std::string_view text);

}  // namespace granice
