#include "app/view/certificate.h"

#include <cstdio>

#include "nlohmann/json.hpp"

namespace granice::view {

namespace {
// The printed certificate is always light: ink on white paper, in the light theme's colours.
constexpr uint32_t kPaper = 0xFFFFFF, kAccent = 0x0B5E63, kHeading = 0x12343B, kText = 0x1E2329, kMuted = 0x4A525C;

// Words on lines no wider than `max`: the body's lines, centred on the page.
std::vector<std::string> Wrap(const std::string& text, float size, float max, const MeasureText& measure) {
  std::vector<std::string> lines;
  std::string line, word;
  auto flush_word = [&] {
    if (word.empty()) return;
    const std::string test = line.empty() ? word : line + " " + word;
    if (!line.empty() && measure(test, size, false) > max) {
      lines.push_back(line);
      line = word;
    } else {
      line = test;
    }
    word.clear();
  };
  for (char ch : text) {
    if (ch == ' ' || ch == '\n' || ch == '\t') flush_word();
    else word += ch;
  }
  flush_word();
  if (!line.empty()) lines.push_back(line);
  return lines;
}
}  // namespace

CertificateLayout LayoutCertificate(const CertificateText& c, const std::string& score_line, const MeasureText& measure) {
  using K = CertificateItem::Kind;
  constexpr float W = CertificateLayout::kWidth, H = CertificateLayout::kHeight;
  CertificateLayout l;
  l.items.push_back({K::Frame, 0, 0, W, H, 0, 0, false, kPaper, "", {}});   // the paper (filled)
  l.items.push_back({K::Frame, 40, 40, W - 80, H - 80, 14, 0, false, kAccent, "", {}});
  l.items.push_back({K::Frame, 70, 70, W - 140, H - 140, 2, 0, false, kAccent, "", {}});
  using Part = CertificateItem::Part;
  auto text = [&](float y, float size, bool bold, uint32_t rgb, const std::string& t, Part part) {
    l.items.push_back({K::Text, W / 2, y, 0, 0, 0, size, bold, rgb, t, part});
  };
  // One-line texts get smaller rather than run off the paper (a long title, name or language).
  const float line = W - 320;
  auto fit = [&](const std::string& t, float size, bool bold) {
    const float w = measure(t, size, bold);
    return w > line ? size * line / w : size;
  };
  text(190, fit(c.title, 72, true), true, kHeading, c.title, Part::Title);
  text(360, fit(c.learner, 60, true), true, kHeading, c.learner, Part::Learner);
  float y = 490;
  for (const std::string& body_line : Wrap(c.body, 34, line, measure)) {
    text(y, 34, false, kText, body_line, Part::Body);
    y += 52;
  }
  // The footer wraps too, its last line where a one-line footer stands.
  const std::vector<std::string> footer = Wrap(c.course + " · " + c.date + " · " + score_line, 30, line, measure);
  y = H - 200 - 44.0f * static_cast<float>(footer.size() - 1);
  for (const std::string& footer_line : footer) {
    text(y, 30, false, kMuted, footer_line, Part::Footer);
    y += 44;
  }
  return l;
}

std::string CertificateLayout::ToJson() const {
  nlohmann::json out = nlohmann::json::array();
  char color[8];
  for (const CertificateItem& i : items) {
    std::snprintf(color, sizeof color, "#%06X", static_cast<unsigned>(i.rgb & 0xFFFFFF));
    out.push_back({{"kind", i.kind == CertificateItem::Kind::Frame ? "frame" : "text"},
                     {"x", i.x}, {"y", i.y}, {"w", i.width}, {"h", i.height}, {"line", i.line},
                     {"size", i.size}, {"bold", i.bold}, {"color", color}, {"text", i.text}});
  }
  return nlohmann::json{{"width", kWidth}, {"height", kHeight}, {"items", out}}.dump();
}

}  // namespace granice::view
