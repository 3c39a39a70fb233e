#include "core/text/decimal.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace granice {

std::string format_decimal(double value, int max_decimals, std::string_view if_not_finite) {
  if (!std::isfinite(value)) return std::string(if_not_finite);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", std::clamp(max_decimals, 0, 7), value);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

}  // namespace granice
