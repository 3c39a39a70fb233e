// The fuzz entry points, shared by the libFuzzer targets (tests/fuzz/fuzz_*.cpp, scripts/fuzz)
// and the regression replay in the unit tests (tests/unit/test_fuzz_regressions.cpp), so every
// input that once failed is fed to exactly the same code on every scripts/test run.
//
// Each entry must never crash, leak, hit undefined behaviour or break its contract (then it
// calls std::abort with a message on stderr), and says what it made of the input (Outcome).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/content/model.h"

namespace granice::fuzz {

// The real course from <source>/quizzes, loaded once.
const Course& real_course();

// What an entry made of one input: accepted (and what was read), or refused and why, as the author,
// the learner or the log would see it. A refusal always has a reason (the entries check it);
// test_fuzz_regressions compares to_string() of each saved input's outcome with the one recorded
// in tests/fuzz/regressions/<target>.expected.
struct Outcome {
  bool accepted = false;
  std::string detail;
};
// "accepted: detail" or "refused: detail" on one line (control characters as '?', at most 300 bytes).
std::string to_string(const Outcome& o);

// Content loader + validator, one file at a time against a fixed valid rest: the lint corpus's
// base course (tests/content/valid: course.json, m1-boundaries.json, assessment.json,
// resources.json), read and parsed once. Byte 0 picks the file (modulo 4, by name), the rest of the
// input replaces its text. Refused: every diagnostic is positioned inside the file it names and
// none is an internal error. Accepted: the engines run on the course (simulated learner, snapshot
// and record round trips).
Outcome loader(std::string_view data);
// Suspend-state decoder: decode_snapshot; refused with an error kind and message; a decoded
// state re-encodes and decodes to the same.
Outcome snapshot(std::string_view data);
// Progress-record reader: from_record; refused with errors that each name a JSON pointer; the
// JSON it calls invalid is exactly what nlohmann refuses (nesting aside); without the journal it
// decides the same and reads the same progress; a parsed state writes a record that reads back the same.
Outcome record(std::string_view data);
// SCORM value parsers: byte 0 picks the parser (location, language, count, names, entry,
// ISO 8601, saved progress, LMS resume with the rest split at NUL bytes into the LMS values).
// Saved progress that is there but cannot be used is "damaged" with a message; LMS suspend data
// that cannot be read gives the learner a notice and the log a reason.
Outcome scorm_values(std::string_view data);

// LZMA decoder (transport/lzma_decode.h, the page's lzma.wasm): any header and stream, sizes up to
// 1 MB; the decoder never reads or writes outside its buffers, whatever it reports.
Outcome lzma(std::string_view data);

// XLIFF import (core/translation/xliff_import.h) into the base course plus the fixture
// tests/content/xliff/interface.json, in memory, as granice xliff import does. Refused: nothing to
// write, and every diagnostic has a message and a position (inside the XLIFF text when it names
// it). Accepted: the edited course loads (the import checks that itself before it returns).
Outcome xliff(std::string_view data);

struct Target {
  const char* name;
  Outcome (*run)(std::string_view);
};
const std::vector<Target>& targets();

struct SavedInput {
  std::string name;
  std::string bytes;
};

// Seed inputs, named: snapshots and records of simulated learners of the real course ("learner-N"),
// SCORM values, compressed content; for the loader, the base course's files ("base-FILE") and each
// file a lint corpus case changes ("corpus-CASE-FILE"). Every seed is accepted except the corpus
// cases the loader rejects (those whose CASE does not start with "ok-" or "warn-").
std::vector<SavedInput> seeds(std::string_view target);

// The saved inputs in tests/fuzz/regressions/<target>/ (damaged and edge-case inputs, and any that
// once failed), by file name, without dot files; none when the folder does not exist.
std::vector<SavedInput> regression_inputs(std::string_view target);

}  // namespace granice::fuzz
