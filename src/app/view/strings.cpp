#include "app/view/strings.h"

#include <cmath>
#include <cstdio>
#include <vector>

namespace granice::view {

namespace {

// By Str: the texts of every language loaded so far.
std::vector<InterfaceString>& Table() {
  static std::vector<InterfaceString> table(static_cast<std::size_t>(Str::Count_));
  return table;
}

}  // namespace

void UseInterfaceStrings(const Course& course) {
  std::vector<InterfaceString>& table = Table();
  for (std::size_t i = 0; i < kInterfaceIdCount; ++i) {
    const auto it = course.interface_strings.find(kInterfaceIds[i]);
    if (it == course.interface_strings.end()) continue;
    // Merged, not replaced: a language pack brings its own language's texts only.
    for (const auto& [lang, text] : it->second.text.tr) table[i].text.tr[lang] = text;
    table[i].max_length = it->second.max_length;
  }
}

const char* T(std::string_view lang, Str id) {
  const std::size_t i = static_cast<std::size_t>(id);
  const InterfaceString& s = Table()[i];
  if (s.text.empty()) return kInterfaceIds[i].data();   // the ids are literals: NUL-terminated
  return s.text.in(lang).c_str();
}

std::string_view StrName(Str id) { return kInterfaceIds[static_cast<std::size_t>(id)]; }

std::string NoticeText(std::string_view lang, const std::string& notice) {
  for (std::size_t i = 0; i < kInterfaceIdCount; ++i)
    if (kInterfaceIds[i] == notice) return T(lang, static_cast<Str>(i));
  return notice;
}

std::string Fmt(std::string_view pattern, std::initializer_list<std::string> args) {
  std::string out;
  out.reserve(pattern.size() + 16);
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '0' &&
        pattern[i + 1] <= '9') {
      const size_t k = static_cast<size_t>(pattern[i + 1] - '0');
      if (k < args.size()) {
        out += *(args.begin() + k);
        i += 2;
        continue;
      }
    }
    out += pattern[i];
  }
  return out;
}

std::string FormatDuration(double seconds, std::string_view lang) {
  (void)lang;   // the units read the same in Polish and English
  if (!(seconds > 0)) seconds = 0;
  const long total = static_cast<long>(seconds);
  char buf[32];
  if (total < 60) {
    std::snprintf(buf, sizeof buf, "%ld s", total);
  } else if (total < 3600) {
    std::snprintf(buf, sizeof buf, "%ld min", total / 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld h %02ld min", total / 3600, (total % 3600) / 60);
  }
  return buf;
}

std::string FormatPercent(double percent, std::string_view lang) {
  char buf[32];
  const double rounded = std::round(percent * 10.0) / 10.0;
  if (rounded == std::floor(rounded)) {
    std::snprintf(buf, sizeof buf, "%.0f", rounded);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f", rounded);
    const std::string_view separator = T(lang, Str::DecimalSeparator);
    std::string out;
    for (const char ch : std::string_view(buf)) {
      if (ch == '.') out += separator;
      else out += ch;
    }
    return out;
  }
  return buf;
}

}  // namespace granice::view
