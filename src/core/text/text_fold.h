// Lower case for matching words in course text: ASCII and the Polish capitals (the letters the
// item-quality word lists and the audit's stock phrases use). Not a general Unicode case fold.
#pragma once

#include <string>
#include <string_view>

namespace granice {

inline std::string lowercase(std::string_view s) {
  static constexpr std::pair<std::string_view, std::string_view> kPolish[] = {
      {"Ą", "ą"}, {"Ć", "ć"}, {"Ę", "ę"}, {"Ł", "ł"}, {"Ń", "ń"}, {"Ó", "ó"}, {"Ś", "ś"}, {"Ź", "ź"}, {"Ż", "ż"}};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    bool done = false;
    for (const auto& [up, low] : kPolish) {
      if (s.compare(i, up.size(), up) == 0) {
        out += low;
        i += up.size();
        done = true;
        break;
      }
    }
    if (done) continue;
    const char c = s[i++];
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

}  // namespace granice
