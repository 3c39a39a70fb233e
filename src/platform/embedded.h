// What the build recorded about the course's language packs, compiled into the wasm
// (scripts/embed_files.js). The course's texts and fonts are not here: each language travels in a
// pack of its own, with the font glyphs its texts need (content-<lang>.pack.lzma beside the page,
// fetched and decoded by web/granice.js; transport/text_pack.h). No app.data, no Emscripten file system.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "core/content/loader.h"

namespace granice::platform {

extern const char* const kContentLoadOrder;     // display names, '\n'-separated
extern const char* const kContentHashOriginal;  // FNV-1a 64 of the unminified files in that order
extern const char* const kPackHashes;           // "<lang>=<FNV-1a 64 of content-<lang>.pack>" lines

// "content-pl.pack.lzma" for "pl": the file the page fetches (the pack, LZMA-compressed; the page decodes it).
std::string PackFileName(std::string_view lang);
// load_course() over one language pack (messages name files "quizzes/<name>"), its texts checked
// for that language, with course.content_hash of the original (unminified) files, so records
// name the content exactly as `granice stats quizzes/` does. A pack that is not the one the build
// made (cut, altered, of another build: its hash differs) or does not unpack is a load error
// naming the pack file.
LoadResult LoadPackCourse(std::string_view lang, std::string_view pack);
// The test build only (tests/web/test_driver.cpp): packs the build did not make, which a browser
// test serves (the qps pseudo-locale's, made from `granice xliff pseudo`'s copy of the content),
// trusted by their hash ("<lang>=<hex>" lines), in place of the recorded ones. Nothing in the
// production app calls it.
void TrustPackHashesForTests(std::string_view lines);

}  // namespace granice::platform
