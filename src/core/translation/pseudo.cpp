#include "core/translation/pseudo.h"

#include <cmath>
#include <vector>

#include "core/text/utf8.h"

namespace granice {

namespace {

// Accented forms of ASCII letters (Latin-1 and Latin Extended-A only: the course font's ranges).
const char* accented(char c) {
  static const char* lower[26] = {"á", "b", "ç", "ď", "é", "f", "ĝ", "ĥ", "í", "ĵ", "ķ", "ł", "m",
                                  "ñ", "ó", "þ", "q", "ŕ", "š", "ť", "ú", "v", "ŵ", "x", "ý", "ž"};
  static const char* upper[26] = {"Á", "B", "Ç", "Ď", "É", "F", "Ĝ", "Ĥ", "Í", "Ĵ", "Ķ", "Ł", "M",
                                  "Ñ", "Ó", "Þ", "Q", "Ŕ", "Š", "Ť", "Ú", "V", "Ŵ", "X", "Ý", "Ž"};
  if (c >= 'a' && c <= 'z') return lower[c - 'a'];
  if (c >= 'A' && c <= 'Z') return upper[c - 'A'];
  return nullptr;
}

// Words that lengthen a text; they wrap like real words would.
constexpr std::string_view kPadding = " ŀōŗēm īpšūm đōŀōŗ šīţ āmēţ ćōńšēćţēţūŗ āđīpīšćīńĝ ēŀīţ šēđ đō ēīūšmōđ ţēmpōŗ";

}  // namespace

std::string pseudo_translate(std::string_view text) {
  std::string out = "[";
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '{') {  // a placeholder stays exactly as it is
      const std::size_t close = text.find('}', i);
      if (close != std::string_view::npos) {
        out.append(text.substr(i, close - i + 1));
        i = close + 1;
        continue;
      }
    }
    if (const char* a = accented(text[i])) out += a;
    else out += text[i];
    ++i;
  }
  // About 35 % more characters, brackets included (at least one padding character for short texts).
  const std::size_t length = utf8_code_points(text);
  const std::size_t wanted = (length * 135 + 50) / 100;
  static const std::vector<std::string_view> pad = [] {
    std::vector<std::string_view> chars;
    std::uint32_t cp = 0;
    for (std::size_t i = 0, n = 0; i < kPadding.size(); i += n) chars.push_back(kPadding.substr(i, n = utf8_decode_one(kPadding.substr(i), cp)));
    return chars;
  }();
  for (std::size_t have = length + 2, k = 0; have < wanted || k == 0; ++have, ++k) out.append(pad[k % pad.size()]);
  out += "]";
  return out;
}

void pseudo_translate_units(TranslatableContent& content) {
  for (auto& u : content.units) u.target = pseudo_translate(u.source);
}

}  // namespace granice
