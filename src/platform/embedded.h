// Files compiled into the wasm at build time (scripts/embed_files.js): the course content
// (minified JSON) and the font subsets. No app.data, no Emscripten file system.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "core/loader.h"

namespace granice::platform {

struct EmbeddedFile {
  const char* name;           // "quizzes/course.json", "fonts/body.ttf"
  const unsigned char* data;  // NUL-terminated for convenience; `size` excludes it
  unsigned size;
};
extern const EmbeddedFile kEmbeddedFiles[];
extern const unsigned kEmbeddedCount;
extern const char* const kContentLoadOrder;     // display names, '\n'-separated
extern const char* const kContentHashOriginal;  // FNV-1a 64 of the unminified files in that order

// The bytes of an embedded file, or nullopt.
std::optional<std::string_view> Embedded(std::string_view name);
// The course content, read from the embedded copies; messages name files "quizzes/<name>".
ContentSource EmbeddedContent();
// load_course(EmbeddedContent()), with course.content_hash of the original (unminified) files,
// so records name the content exactly as `granice stats quizzes/` does.
LoadResult LoadEmbeddedCourse();

}  // namespace granice::platform
