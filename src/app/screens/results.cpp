// Final assessment result (score, pass/fail, per-guideline breakdown, what to revisit) and the certificate.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <ctime>
#include <vector>

#include "app/screens/screens.h"
#include "app/theme.h"
#include "app/view/strings.h"
#include "core/state/record.h"
#include "imgui.h"

namespace granice::app {

using view::Fmt;
using view::Str;
using view::T;

namespace {

// The score as a ring filled to it, a tick at the pass mark, the score in the middle.
void DrawScoreFigure(ImVec2 centre, float size, double score, int pass_mark, bool passed, const std::string& lang) {
  const theme::Palette& c = theme::Colors();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float radius = size * 0.42f, thick = size * 0.09f;
  draw::Ring(dl, centre, radius, thick, static_cast<float>(score / 100.0) * ui::Reveal("score-ring"),
             ImGui::GetColorU32(passed ? c.good : c.bad),
             ImGui::GetColorU32(c.track));
  const float t = -3.14159265f * 0.5f + 2.0f * 3.14159265f * static_cast<float>(pass_mark) / 100.0f;
  const ImVec2 dir(std::cos(t), std::sin(t));
  dl->AddLine(ImVec2(centre.x + dir.x * (radius - thick), centre.y + dir.y * (radius - thick)),
              ImVec2(centre.x + dir.x * (radius + thick), centre.y + dir.y * (radius + thick)), ImGui::GetColorU32(c.text),
              size * 0.025f);
  const std::string text = view::FormatPercent(score, lang) + "%";
  ImFont* font = theme::HeadingFont(2);
  const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.c_str());
  dl->AddText(font, font->FontSize, ImVec2(centre.x - ts.x * 0.5f, centre.y - ts.y * 0.5f), ImGui::GetColorU32(c.heading),
              text.c_str());
}

}  // namespace

void DrawResults(AppState& app) {
  view::CourseSession& s = *app.session;
  const Course& course = s.course();
  const CourseState& st = s.state();
  const std::string& lang = s.lang();
  const QuizProgress* p = find_quiz_progress(st, course, course.assessment.id);
  app.ui.tree.title = T(lang, Str::ResultsTitle);
  ui::Heading(T(lang, Str::ResultsTitle), 1);
  if (!p || !p->last_score) {
    ui::Paragraph(T(lang, Str::QuizNotTaken));
    if (ui::Button(T(lang, Str::BackToCourse), ui::ButtonKind::Primary)) s.GoHome();   // not "Home": the top bar has that one
    return;
  }
  const double score = *p->last_score;
  const bool passed = score >= course.assessment.pass_mark;

  // [SECTION] The score against the pass mark: one figure (a ring with the pass mark's tick;
  // decorative, the heading and the line under it say the same).
  ui::BeginPanel();
  const float size = ImGui::GetFontSize() * 7.0f;
  const bool beside = ImGui::GetContentRegionAvail().x >= size * 3.5f;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  DrawScoreFigure(ImVec2(at.x + size * 0.5f, at.y + size * 0.5f), size, score, course.assessment.pass_mark, passed, lang);
  if (beside) {
    ImGui::Indent(size + theme::kSpaceXl * theme::Scale());
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, at.y + theme::kSpaceS * theme::Scale()));
  } else {
    ImGui::Dummy(ImVec2(size, size));
  }
  ui::Heading(Fmt(T(lang, Str::YourScore), {view::FormatPercent(score, lang)}), 2);
  ui::Paragraph(Fmt(T(lang, Str::PassMark), {std::to_string(course.assessment.pass_mark)}));
  ui::Callout(T(lang, passed ? Str::Passed : Str::NotPassed), passed ? ui::Tone::Good : ui::Tone::Bad);
  if (beside) {
    ImGui::Unindent(size + theme::kSpaceXl * theme::Scale());
    if (ImGui::GetCursorScreenPos().y < at.y + size) ImGui::Dummy(ImVec2(size, at.y + size - ImGui::GetCursorScreenPos().y));
  }
  ui::EndPanel();

  // [SECTION] Per guideline: one chart, weakest first, with the pass line
  ui::Gap(0.3f);
  ui::Heading(T(lang, Str::PerGuideline), 2);
  std::vector<ObjectiveScore> scores;
  for (const ObjectiveScore& o : objective_scores(course, st))
    if (o.score) scores.push_back(o);
  std::stable_sort(scores.begin(), scores.end(),
                   [](const ObjectiveScore& a, const ObjectiveScore& b) { return *a.score < *b.score; });
  std::vector<ui::BarRow> rows;
  std::vector<std::string> revisit;
  for (const ObjectiveScore& o : scores) {
    const bool below = *o.score < course.pass_mark;
    rows.push_back({ObjectiveTitle(course, o.id, lang), view::FormatPercent(*o.score, lang) + "%", o.id,
                    static_cast<float>(*o.score / 100.0), below});
    if (below) revisit.push_back(o.id);
  }
  ui::BeginPanel();
  ui::BarChart(rows, static_cast<float>(course.pass_mark) / 100.0f, Fmt(T(lang, Str::PassMark), {std::to_string(course.pass_mark)}));
  ui::EndPanel();

  // [SECTION] What to revisit: links to those modules
  ui::Gap(0.3f);
  ui::Heading(T(lang, Str::Revisit), 3);
  if (revisit.empty()) ui::Paragraph(T(lang, Str::NothingToRevisit));
  for (const std::string& id : revisit) {
    for (const Module& m : course.modules) {
      if (m.objective != id) continue;
      ImGui::PushID(m.id.c_str());
      if (ui::Link(ModuleLabel(lang, m) + ": " + m.title.in(lang))) s.OpenModule(m.id);
      ImGui::PopID();
    }
  }

  ui::Gap(0.5f);
  if (success_status(course, st) == SuccessStatus::Passed) {
    if (ui::Button(T(lang, Str::ViewCertificate), ui::ButtonKind::Primary)) s.OpenCertificate();
    ui::SameLine();
  }
  const QuizAvailability av = s.Availability(course.assessment.id);
  if (!passed && av == QuizAvailability::Available) {
    const int left = remaining_attempts(p->attempts_used, course.assessment.max_attempts);
    if (left >= 0) ui::MutedText(Fmt(T(lang, Str::AttemptsLeft), {std::to_string(left)}));
    if (ui::Button(T(lang, Str::TryAgain), ui::ButtonKind::Primary)) s.StartQuiz(course.assessment.id);
    ui::SameLine();
  }
  if (ui::Button(T(lang, Str::BackToCourse), ui::ButtonKind::Secondary)) s.GoHome();
}

namespace {

std::string ReplaceAll(std::string text, const std::string& key, const std::string& value) {
  for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
    text.replace(at, key.size(), value);
  return text;
}

}  // namespace

void DrawCertificate(AppState& app) {
  view::CourseSession& s = *app.session;
  const Course& course = s.course();
  const CourseState& st = s.state();
  const std::string& lang = s.lang();
  view::CertificateText c;
  c.title = course.certificate_title.in(lang);
  c.learner = st.learner_name;
  c.course = course.title.in(lang);
  c.date = iso8601_utc(st.updated).substr(0, 10);
  c.score = view::FormatPercent(overall_score(course, st).value_or(0.0), lang);
  std::string body = course.certificate_body.in(lang);
  body = ReplaceAll(body, "{name}", c.learner);
  body = ReplaceAll(body, "{course}", c.course);
  body = ReplaceAll(body, "{date}", c.date);
  body = ReplaceAll(body, "{score}", c.score);
  c.body = body;
  app.ui.tree.title = c.title;

  // [SECTION] The certificate as it prints: the same layout the PNG download draws
  const view::MeasureText measure = [](const std::string& text, float size, bool bold) {
    ImFont* font = bold ? theme::HeadingFont(1) : ImGui::GetFont();
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str()).x;
  };
  const view::CertificateLayout layout = view::LayoutCertificate(c, Fmt(T(lang, Str::CertificateFor), {c.score}), measure);
  const float width = ImGui::GetContentRegionAvail().x;
  const float k = width / view::CertificateLayout::kWidth;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  auto rgb = [](uint32_t v) { return IM_COL32((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, 255); };
  ImVec4 shadow = theme::Colors().shadow;
  shadow.w = 0.25f;   // the paper lifted off the page a little
  dl->AddRectFilled(ImVec2(at.x + 2 * k, at.y + 6 * k),
                    ImVec2(at.x + width + 2 * k, at.y + view::CertificateLayout::kHeight * k + 6 * k), ImGui::GetColorU32(shadow));
  using Part = view::CertificateItem::Part;
  // The body and the footer may take several lines each: one text apiece in the tree.
  struct Block {
    std::string text;
    ImVec2 min{FLT_MAX, FLT_MAX}, max{-FLT_MAX, -FLT_MAX};
  } body_block{c.body}, footer;
  for (const view::CertificateItem& i : layout.items) {
    const ImVec2 min(at.x + i.x * k, at.y + i.y * k);
    if (i.kind == view::CertificateItem::Kind::Frame) {
      const ImVec2 max(min.x + i.width * k, min.y + i.height * k);
      if (i.line == 0) dl->AddRectFilled(min, max, rgb(i.rgb));
      else dl->AddRect(min, max, rgb(i.rgb), 0.0f, 0, std::max(1.0f, i.line * k));
      continue;
    }
    ImFont* font = i.bold ? theme::HeadingFont(1) : ImGui::GetFont();
    const float size = i.size * k;
    const float w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, i.text.c_str()).x;
    const ImVec2 p(min.x - w * 0.5f, min.y);
    dl->AddText(font, size, p, rgb(i.rgb), i.text.c_str());
    // In the tree: the title is the screen's h1, the learner's name its h2, the body one text.
    const ImVec2 q(p.x + w, p.y + size * 1.2f);
    if (i.part == Part::Title) ui::Describe(view::Role::Heading, i.text, p, q, 1);
    if (i.part == Part::Learner) ui::Describe(view::Role::Heading, i.text, p, q, 2);
    if (i.part == Part::Body || i.part == Part::Footer) {
      Block& b = i.part == Part::Body ? body_block : footer;
      if (i.part == Part::Footer) footer.text += (footer.text.empty() ? "" : " ") + i.text;
      b.min = ImVec2(std::min(b.min.x, p.x), std::min(b.min.y, p.y));
      b.max = ImVec2(std::max(b.max.x, q.x), std::max(b.max.y, q.y));
    }
  }
  for (const Block* b : {&body_block, &footer})
    if (b->max.x > b->min.x) ui::Describe(view::Role::Text, b->text, b->min, b->max);
  ImGui::Dummy(ImVec2(width, view::CertificateLayout::kHeight * k + 6 * k));
  ui::Gap(0.5f);
  if (ui::Button(T(lang, Str::DownloadCertificate), ui::ButtonKind::Primary) && app.hooks.download_certificate)
    app.hooks.download_certificate(layout);
  ui::SameLine();
  if (ui::Button(T(lang, Str::BackToCourse), ui::ButtonKind::Secondary)) s.GoHome();
}

}  // namespace granice::app
