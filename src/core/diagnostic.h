// One content mistake, printed for authors as
//   file:line:col: /json/pointer: what is wrong; what was expected
#pragma once

#include <string>
#include <vector>

namespace granice {

struct Diagnostic {
  std::string file;      // as given to the loader, e.g. quizzes/m1-boundaries.json
  int line = 1;          // 1-based
  int col = 1;           // 1-based, in code points
  std::string pointer;   // JSON pointer of the value concerned ("" = the whole document)
  std::string message;   // what is wrong
  std::string expected;  // what was expected instead
};

// The root pointer "" prints as "/" so the field is never blank.
std::string format_diagnostic(const Diagnostic& d);

// Stable sort by position: document order within a file, ties in the order they were found.
void sort_by_position(std::vector<Diagnostic>& diagnostics);

}  // namespace granice
