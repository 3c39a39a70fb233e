// Resolving the content PATH argument shared by subcommands.
#pragma once

#include <optional>
#include <string>

#include "core/content/loader.h"

namespace granice::cli {

constexpr const char* kDefaultContentDir = "quizzes/";

struct ContentLocation {
  std::string folder;       // as the user wrote it, for messages
  std::string course_file;  // usually course.json
};

// PATH may be a folder or a course file inside one. nullopt (with a message on stderr) if it does not exist.
std::optional<ContentLocation> locate_content(const std::string& path);

LoadResult load_location(const ContentLocation& where);

// For commands that need clean content (stats, report, simulate): loads PATH, or prints what is
// wrong on stderr and returns the exit code to use (kExitUsage / kExitContentErrors).
struct CheckedContent {
  std::optional<LoadResult> loaded;   // set when the content is clean
  int exit_code = 0;
};
CheckedContent load_clean_content(const std::string& path);

}  // namespace granice::cli
