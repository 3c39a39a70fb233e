// Loads a content folder (README: course.json -> module files, assessment.json, resources.json)
// into a granice::Course, collecting every content mistake as a Diagnostic. Never throws.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/content/diagnostic.h"
#include "core/content/model.h"

namespace granice {

class ParsedTexts;  // core/text/json_source.h

// Where content files come from: a folder on disk natively, embedded or fetched files on the web.
struct ContentSource {
  std::string display_dir;  // prefix for messages: "quizzes/" -> "quizzes/m1-boundaries.json"
  std::function<std::optional<std::string>(const std::string& name)> read;  // nullopt: cannot read
  // Optional: files parsed ahead; a file whose text is the kept one is not parsed again.
  std::shared_ptr<const ParsedTexts> parsed = nullptr;
  // A language pack's files carry the texts of these course languages only (empty: every declared
  // language), and each text is checked for those.
  std::vector<std::string> languages_present = {};
  // The files are a language pack this build made (the web app checked its hash; the packer,
  // scripts/embed_files.js, refuses duplicate keys): each file is parsed for its value alone,
  // without recording positions. Every check still runs; when any finds a problem the course is
  // loaded again the full way, so every message still names its line and column.
  bool checked_pack = false;
};

// Reads files below `folder` on disk; messages name them as folder + name ("." shows bare names).
ContentSource folder_source(const std::string& folder);

struct LoadResult {
  Course course;                          // complete only when diagnostics is empty
  std::vector<Diagnostic> diagnostics;    // file order (load order), then document order
  std::vector<std::string> files;         // display names of the files read, in load order

  bool ok() const { return diagnostics.empty(); }
  std::size_t files_with_errors() const;
};

// Display name of a content file: source.display_dir joined with `name`.
std::string display_name(const ContentSource& source, const std::string& name);

LoadResult load_course(const ContentSource& source, const std::string& course_file = "course.json");
LoadResult load_course_folder(const std::string& folder);

}  // namespace granice
