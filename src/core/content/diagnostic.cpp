#include "core/content/diagnostic.h"

#include <algorithm>

namespace granice {

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.file;
  out += ':' + std::to_string(d.line) + ':' + std::to_string(d.col) + ": ";
  if (!d.rule.empty()) out += "warning: ";
  out += d.pointer.empty() ? "/" : d.pointer;
  out += ": " + d.message;
  if (!d.expected.empty()) out += "; " + d.expected;
  if (!d.rule.empty()) out += " [" + d.rule + "]";
  return out;
}

void sort_by_position(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.line != b.line ? a.line < b.line : a.col < b.col;
  });
}

}  // namespace granice
