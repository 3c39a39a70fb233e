// The certificate's one drawing: where each frame line and text line goes on a 1600 x 1130 page.
// The screen draws it (scaled, app/screens/results.cpp) and the PNG download draws the same list
// (web/granice.js), so what the learner sees is what they print. Pure: text widths come from
// the caller (the app measures with its own fonts, the same DejaVu Sans the PNG uses).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace granice::view {

struct CertificateText {
  std::string title, learner, course, date, score, body;
};

struct CertificateItem {
  enum class Kind { Frame, Text } kind = Kind::Text;
  float x = 0, y = 0, width = 0, height = 0;   // Frame: a rectangle outline; Text: centre x, baseline-free top y
  float line = 0;                              // Frame: stroke width
  float size = 0;                              // Text: font size (px on the page)
  bool bold = false;
  uint32_t rgb = 0;
  std::string text;
  enum class Part { Frame, Title, Learner, Body, Footer } part = Part::Frame;   // what the text is (body: one of its lines)
};

struct CertificateLayout {
  static constexpr float kWidth = 1600.0f, kHeight = 1130.0f;
  std::vector<CertificateItem> items;
  std::string ToJson() const;   // {"width","height","items":[{kind,x,y,w,h,line,size,bold,color,text}]}
};

// Width in page px of `text` at `size` px (bold or regular).
using MeasureText = std::function<float(const std::string& text, float size, bool bold)>;
CertificateLayout LayoutCertificate(const CertificateText& c, const std::string& score_line, const MeasureText& measure);

}  // namespace granice::view
