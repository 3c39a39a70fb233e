#include "core/csv.h"

#include <cmath>
#include <cstdio>

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

std::string number(double value, int decimals) {
  if (!std::isfinite(value)) return {};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals < 0 ? 0 : decimals, value);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

}  // namespace granice::csv
