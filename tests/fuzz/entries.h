// The fuzz entry points, shared by the libFuzzer targets (tests/fuzz/fuzz_*.cpp, scripts/fuzz)
// and the regression replay in the unit tests (tests/unit/test_fuzz_regressions.cpp), so every
// input that once failed is fed to exactly the same code on every scripts/test run.
//
// Each entry must never crash, leak, hit undefined behaviour or break its invariant (then it
// calls std::abort with a message on stderr).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace granice::fuzz {

// The real course from <source>/quizzes, loaded once.
const Course& real_course();

// Content loader + validator: byte 0 picks one content file (modulo their count), the rest
// replaces that file's text in an in-memory copy of the real course.
void loader(std::string_view data);
// Suspend-state decoder: decode_snapshot; a decoded state re-encodes and decodes to the same.
void snapshot(std::string_view data);
// Progress-record reader: from_record; every refusal names a JSON pointer; the JSON it calls
// invalid is exactly what nlohmann refuses (nesting aside); without the journal it decides the
// same and reads the same progress; a parsed state writes a record that reads back the same.
void record(std::string_view data);
// SCORM value parsers: byte 0 picks the parser (location, language, count, names, entry,
// ISO 8601, saved progress, LMS resume with the rest split at NUL bytes into the LMS values).
void scorm_values(std::string_view data);

// LZMA decoder (core/lzma_decode.h, the page's lzma.wasm): any header and stream, sizes up to
// 1 MB; the decoder never reads or writes outside its buffers, whatever it reports.
void lzma(std::string_view data);

struct Target {
  const char* name;
  void (*run)(std::string_view);
};
const std::vector<Target>& targets();

// Seed inputs made from the real files: content files, snapshots and records of simulated learners.
std::vector<std::string> seeds(std::string_view target);

// The saved inputs in tests/fuzz/regressions/<target>/ (inputs that once failed), by file name,
// without dot files; none when the folder does not exist.
struct SavedInput {
  std::string name;
  std::string bytes;
};
std::vector<SavedInput> regression_inputs(std::string_view target);

}  // namespace granice::fuzz
