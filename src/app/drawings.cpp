#include "app/drawings.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace granice::draw {

namespace {
constexpr float kPi = 3.14159265f;
ImVec2 At(ImVec2 c, float dx, float dy) { return ImVec2(c.x + dx, c.y + dy); }

uint32_t Hash(std::string_view s) {   // FNV-1a: stable across runs and platforms
  uint32_t h = 2166136261u;
  for (unsigned char ch : s) h = (h ^ ch) * 16777619u;
  return h;
}

void Check(ImDrawList* dl, ImVec2 c, float s, ImU32 col, float w) {
  const ImVec2 pts[] = {At(c, -0.22f * s, 0.0f), At(c, -0.06f * s, 0.16f * s), At(c, 0.24f * s, -0.16f * s)};
  dl->AddPolyline(pts, 3, col, ImDrawFlags_None, w);
}
}  // namespace

float Stroke(float size) { return std::max(1.5f, std::round(size * 0.09f * 2.0f) / 2.0f); }

void GuidelineIcon(ImDrawList* dl, ImVec2 c, float s, std::string_view id, ImU32 col) {
  const float w = Stroke(s);
  const float r = s * 0.5f - w;
  if (id == "boundaries") {   // a shield
    dl->PathLineTo(At(c, 0, -r));
    dl->PathLineTo(At(c, r * 0.85f, -r * 0.6f));
    dl->PathBezierCubicCurveTo(At(c, r * 0.85f, r * 0.3f), At(c, r * 0.4f, r * 0.75f), At(c, 0, r));
    dl->PathBezierCubicCurveTo(At(c, -r * 0.4f, r * 0.75f), At(c, -r * 0.85f, r * 0.3f), At(c, -r * 0.85f, -r * 0.6f));
    dl->PathStroke(col, ImDrawFlags_Closed, w);
    dl->AddLine(At(c, 0, -r * 0.55f), At(c, 0, r * 0.6f), col, w);
  } else if (id == "listening") {   // an ear: sound waves towards a dot
    dl->AddCircleFilled(At(c, -r * 0.55f, 0), w * 1.1f, col);
    for (int i = 1; i <= 3; ++i) {
      dl->PathArcTo(At(c, -r * 0.55f, 0), r * 0.42f * static_cast<float>(i), -0.9f, 0.9f, 12);
      dl->PathStroke(col, ImDrawFlags_None, w);
    }
  } else if (id == "responding") {   // a speech bubble with a line of text
    const ImVec2 a = At(c, -r, -r * 0.75f), b = At(c, r, r * 0.45f);
    dl->AddRect(a, b, col, r * 0.3f, 0, w);
    const ImVec2 tail[] = {At(c, -r * 0.45f, r * 0.45f), At(c, -r * 0.6f, r), At(c, -r * 0.05f, r * 0.45f)};
    dl->AddPolyline(tail, 3, col, ImDrawFlags_None, w);
    dl->AddLine(At(c, -r * 0.5f, -r * 0.15f), At(c, r * 0.5f, -r * 0.15f), col, w);
  } else if (id == "resources") {   // a lifebuoy
    dl->AddCircle(c, r, col, 24, w);
    dl->AddCircle(c, r * 0.45f, col, 16, w);
    for (int i = 0; i < 4; ++i) {
      const float t = kPi * 0.25f + kPi * 0.5f * static_cast<float>(i);
      dl->AddLine(At(c, std::cos(t) * r * 0.45f, std::sin(t) * r * 0.45f), At(c, std::cos(t) * r, std::sin(t) * r), col, w);
    }
  } else if (id == "follow_up") {   // a calendar page with a tick
    dl->AddRect(At(c, -r, -r * 0.7f), At(c, r, r), col, r * 0.2f, 0, w);
    dl->AddLine(At(c, -r, -r * 0.25f), At(c, r, -r * 0.25f), col, w);
    dl->AddLine(At(c, -r * 0.45f, -r), At(c, -r * 0.45f, -r * 0.5f), col, w);
    dl->AddLine(At(c, r * 0.45f, -r), At(c, r * 0.45f, -r * 0.5f), col, w);
    Check(dl, At(c, 0, r * 0.35f), r * 1.3f, col, w);
  } else if (id == "support") {   // two people side by side
    for (float dx : {-r * 0.45f, r * 0.45f}) {
      dl->AddCircle(At(c, dx, -r * 0.4f), r * 0.3f, col, 16, w);
      dl->PathArcTo(At(c, dx, r * 0.75f), r * 0.5f, kPi, 2.0f * kPi, 12);
      dl->PathStroke(col, ImDrawFlags_None, w);
    }
  } else {   // the synthesis (and anything new): a star
    for (int i = 0; i < 10; ++i) {
      const float t = -kPi * 0.5f + kPi * 0.2f * static_cast<float>(i);
      const float rr = i % 2 == 0 ? r : r * 0.45f;
      dl->PathLineTo(At(c, std::cos(t) * rr, std::sin(t) * rr));
    }
    dl->PathStroke(col, ImDrawFlags_Closed, w);
  }
}

void StateGlyph(ImDrawList* dl, ImVec2 c, float s, StateIcon state, ImU32 col) {
  const float w = Stroke(s);
  const float r = s * 0.5f - w * 0.5f;
  switch (state) {
    case StateIcon::NotStarted: dl->AddCircle(c, r, col, 20, w); break;
    case StateIcon::InProgress:
      dl->AddCircle(c, r, col, 20, w);
      dl->PathArcTo(c, r, -kPi * 0.5f, kPi * 0.5f, 12);
      dl->PathLineTo(c);
      dl->PathFillConvex(col);
      break;
    case StateIcon::Completed:
    case StateIcon::Honoured:
      dl->AddCircle(c, r, col, 20, w);
      Check(dl, c, s * 0.9f, col, w);
      break;
    case StateIcon::Passed: {   // a rosette: a filled circle with a tick cut out, two ribbons
      const ImVec2 ribbon[] = {At(c, -r * 0.5f, r * 0.4f), At(c, -r * 0.7f, r * 1.15f), At(c, -r * 0.2f, r * 0.85f)};
      dl->AddPolyline(ribbon, 3, col, ImDrawFlags_None, w);
      const ImVec2 ribbon2[] = {At(c, r * 0.5f, r * 0.4f), At(c, r * 0.7f, r * 1.15f), At(c, r * 0.2f, r * 0.85f)};
      dl->AddPolyline(ribbon2, 3, col, ImDrawFlags_None, w);
      dl->AddCircle(At(c, 0, -r * 0.15f), r * 0.72f, col, 20, w);
      Check(dl, At(c, 0, -r * 0.12f), s * 0.6f, col, w);
      break;
    }
    case StateIcon::Locked:
      dl->AddRect(At(c, -r * 0.75f, -r * 0.1f), At(c, r * 0.75f, r), col, r * 0.2f, 0, w);
      dl->PathArcTo(At(c, 0, -r * 0.1f), r * 0.48f, kPi, 2.0f * kPi, 12);
      dl->PathStroke(col, ImDrawFlags_None, w);
      dl->AddCircleFilled(At(c, 0, r * 0.45f), w * 0.9f, col);
      break;
    case StateIcon::Broken:
      dl->AddCircle(c, r, col, 20, w);
      dl->AddLine(At(c, -r * 0.4f, -r * 0.4f), At(c, r * 0.4f, r * 0.4f), col, w);
      dl->AddLine(At(c, r * 0.4f, -r * 0.4f), At(c, -r * 0.4f, r * 0.4f), col, w);
      break;
  }
}

void Avatar(ImDrawList* dl, ImVec2 c, float s, std::string_view seed, ImU32 ring) {
  static const ImU32 kSkin[] = {IM_COL32(241, 204, 177, 255), IM_COL32(224, 172, 135, 255), IM_COL32(198, 134, 96, 255),
                                IM_COL32(141, 85, 54, 255), IM_COL32(250, 221, 197, 255)};
  static const ImU32 kHair[] = {IM_COL32(44, 34, 30, 255), IM_COL32(112, 72, 44, 255), IM_COL32(186, 186, 190, 255),
                                IM_COL32(196, 140, 76, 255), IM_COL32(92, 46, 38, 255)};
  static const ImU32 kCloth[] = {IM_COL32(58, 96, 150, 255), IM_COL32(150, 70, 86, 255), IM_COL32(70, 120, 96, 255),
                                 IM_COL32(120, 96, 160, 255), IM_COL32(176, 112, 52, 255), IM_COL32(80, 86, 96, 255)};
  const uint32_t h = Hash(seed);
  const ImU32 skin = kSkin[h % 5], hair = kHair[(h >> 4) % 5], cloth = kCloth[(h >> 8) % 6];
  const int style = static_cast<int>((h >> 12) % 4);   // short, long, bun, bald with a beard
  const float r = s * 0.5f;
  dl->AddCircleFilled(c, r, IM_COL32(226, 232, 238, 255), 32);
  // Shoulders, clipped by the round frame.
  dl->PushClipRect(At(c, -r, -r), At(c, r, r), true);
  dl->AddCircleFilled(At(c, 0, r * 1.05f), r * 0.62f, cloth, 28);
  if (style == 1) dl->AddRectFilled(At(c, -r * 0.42f, -r * 0.3f), At(c, r * 0.42f, r * 0.55f), hair, r * 0.2f);
  dl->AddRectFilled(At(c, -r * 0.1f, r * 0.15f), At(c, r * 0.1f, r * 0.5f), skin);   // neck
  dl->PopClipRect();
  const ImVec2 head = At(c, 0, -r * 0.15f);
  const float hr = r * 0.36f;
  if (style == 2) dl->AddCircleFilled(At(head, 0, -hr * 1.05f), hr * 0.45f, hair, 16);
  dl->AddCircleFilled(head, hr, skin, 24);
  if (style != 3) {   // hair on top
    dl->PathArcTo(head, hr * 1.04f, kPi * 1.05f, kPi * 1.95f, 14);
    dl->PathFillConvex(hair);
  } else {
    dl->PathArcTo(At(head, 0, hr * 0.1f), hr * 0.95f, kPi * 0.15f, kPi * 0.85f, 12);
    dl->PathFillConvex(hair);
  }
  const ImU32 eye = IM_COL32(40, 40, 48, 255);
  dl->AddCircleFilled(At(head, -hr * 0.38f, hr * 0.05f), std::max(1.0f, hr * 0.09f), eye, 8);
  dl->AddCircleFilled(At(head, hr * 0.38f, hr * 0.05f), std::max(1.0f, hr * 0.09f), eye, 8);
  dl->PathArcTo(At(head, 0, hr * 0.25f), hr * 0.32f, kPi * 0.2f, kPi * 0.8f, 8);
  dl->PathStroke(eye, ImDrawFlags_None, std::max(1.0f, hr * 0.08f));
  dl->AddCircle(c, r, ring, 32, Stroke(s) * 0.5f);
}

void Ring(ImDrawList* dl, ImVec2 c, float radius, float thickness, float fraction, ImU32 fill, ImU32 track) {
  dl->AddCircle(c, radius, track, 48, thickness);
  const float f = std::clamp(fraction, 0.0f, 1.0f);
  if (f <= 0.0f) return;
  const int segments = std::max(4, static_cast<int>(48 * f));
  dl->PathArcTo(c, radius, -kPi * 0.5f, -kPi * 0.5f + 2.0f * kPi * f, segments);
  dl->PathStroke(fill, ImDrawFlags_None, thickness);
}

}  // namespace granice::draw
