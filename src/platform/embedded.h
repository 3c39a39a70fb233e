// Files compiled into the wasm at build time (scripts/embed_files.js): the course content
// (minified JSON, shipped as one language pack: transport/text_pack.h) and the font subsets. No
// app.data, no Emscripten file system.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "core/content/loader.h"

namespace granice::platform {

struct EmbeddedFile {
  const char* name;           // "quizzes.pack", "fonts/body.ttf"
  const unsigned char* data;  // NUL-terminated for convenience; `size` excludes it
  unsigned size;
};
extern const EmbeddedFile kEmbeddedFiles[];
extern const unsigned kEmbeddedCount;
extern const char* const kContentLoadOrder;     // display names, '\n'-separated
extern const char* const kContentHashOriginal;  // FNV-1a 64 of the unminified files in that order
extern const char* const kContentHashesShipped; // "quizzes/<name>=<FNV-1a 64 of the minified text>" lines

// The bytes of an embedded file, or nullopt.
std::optional<std::string_view> Embedded(std::string_view name);
// load_course() over the unpacked embedded content (messages name files "quizzes/<name>"), with
// course.content_hash of the original (unminified) files, so records name the content exactly
// as `granice stats quizzes/` does. A pack that does not unpack to the texts that were packed
// (checked against kContentHashesShipped) is a load error naming quizzes.pack.
LoadResult LoadEmbeddedCourse();

}  // namespace granice::platform
