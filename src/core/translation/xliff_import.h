// Writing a translator's XLIFF back into the content: checks every unit against the content as it
// is now, then edits the files byte by byte (core/text/json_edit.h), so that only the
// target-language texts change and an export imported unchanged changes no byte.
//
// Refused, with nothing written and a file:line:col: message per problem: malformed XML or XLIFF,
// unknown unit ids, stale units (the source text changed since the export), missing or empty
// targets, placeholders ({name}, {0}, {phone:ID}) lost or added, targets longer than a unit's
// maximum, and, for a language the course does not have yet, texts the XLIFF leaves out.
// A new language is added at the end of course.json's "languages" (the default stays first), as
// {"code", "name"} when its own name is given, else as its code.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/diagnostic.h"
#include "core/content/loader.h"

namespace granice {

struct XliffImportOptions {
  std::string source_lang;  // empty: the XLIFF's source-language
  std::string target_lang;  // empty: the XLIFF's target-language
  std::string language_name;  // a new language's own name ("Українська") for the switcher; empty: its code
};

struct FileWrite {
  std::string name;  // relative to the content folder (translation/reviewed.json included)
  std::string text;
};

struct XliffImportPlan {
  std::vector<FileWrite> writes;        // only files whose bytes change; empty when refused
  std::vector<Diagnostic> diagnostics;  // non-empty: refused
  std::string target_lang;
  std::size_t units = 0;                // units read
  std::size_t changed = 0;              // texts whose target-language text changes
  bool language_added = false;

  bool ok() const { return diagnostics.empty(); }
};

// `source` is the content folder (interface.json and translation/reviewed.json read through it
// when present). Nothing is written: the caller writes plan.writes.
XliffImportPlan plan_xliff_import(const ContentSource& source, std::string_view xliff_text, const std::string& xliff_display,
                                  const XliffImportOptions& options);

}  // namespace granice
