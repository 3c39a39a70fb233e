#include "core/report/csv.h"

namespace granice::csv {

std::string cell(std::string_view text) {
  std::string s;
  s.reserve(text.size() + 3);
  const bool formula = !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                                         text[0] == '\t' || text[0] == '\r');
  if (formula) s += '\'';
  s.append(text);
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q;
  q.reserve(s.size() + 8);
  q += '"';
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  q += '"';
  return q;
}

std::string row(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    out += cell(cells[i]);
  }
  out += "\r\n";
  return out;
}

}  // namespace granice::csv
