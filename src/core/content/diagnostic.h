// One content mistake, printed for authors as
//   file:line:col: /json/pointer: what is wrong; what was expected
// or one item-quality warning (`rule` set, README "Item quality"), printed as
//   file:line:col: warning: /json/pointer: what is wrong; what was expected [rule id]
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
  std::string rule = {}; // item-quality rule id: a warning, not an error (empty: an error)
};

// The root pointer "" prints as "/" so the field is never blank.
std::string format_diagnostic(const Diagnostic& d);

// Stable sort by position: document order within a file, ties in the order they were found.
void sort_by_position(std::vector<Diagnostic>& diagnostics);

}  // namespace granice
