// Final assessment result (score, pass/fail, per-guideline breakdown, what to revisit) and the certificate.
#include <ctime>

#include "app/screens/screens.h"
#include "app/view/strings.h"
#include "core/state/record.h"
#include "imgui.h"

namespace granice::app {

using view::Fmt;
using view::Str;
using view::T;

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
  ui::Heading(Fmt(T(lang, Str::YourScore), {view::FormatPercent(score, lang)}), 2);
  ui::Paragraph(Fmt(T(lang, Str::PassMark), {std::to_string(course.assessment.pass_mark)}));
  ui::Callout(T(lang, passed ? Str::Passed : Str::NotPassed), passed ? ui::Tone::Good : ui::Tone::Bad);

  // [SECTION] Per guideline
  ui::Heading(T(lang, Str::PerGuideline), 2);
  std::vector<std::string> revisit;
  for (const ObjectiveScore& o : objective_scores(course, st)) {
    const std::string title = ObjectiveTitle(course, o.id, lang);
    if (!o.score) continue;
    ui::Progress(static_cast<float>(*o.score / 100.0), title + ": " + view::FormatPercent(*o.score, lang) + "%");
    if (*o.score < course.pass_mark) revisit.push_back(o.id);
  }
  ui::Heading(T(lang, Str::Revisit), 3);
  if (revisit.empty()) ui::Paragraph(T(lang, Str::NothingToRevisit));
  for (const std::string& id : revisit) {
    for (const Module& m : course.modules) {
      if (m.objective != id) continue;
      ImGui::PushID(m.id.c_str());
      if (ui::Card(ModuleLabel(lang, m) + ": " + m.title.in(lang), view::Role::Button, false)) s.OpenModule(m.id);
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
  CertificateData c;
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
  ui::Heading(c.title, 1);
  ui::Heading(c.learner, 2);
  ui::Paragraph(c.body);
  ui::MutedText(c.course + " · " + c.date + " · " + Fmt(T(lang, Str::CertificateFor), {c.score}));
  ui::Gap(0.5f);
  if (ui::Button(T(lang, Str::DownloadCertificate), ui::ButtonKind::Primary) && app.hooks.download_certificate)
    app.hooks.download_certificate(c);
  ui::SameLine();
  if (ui::Button(T(lang, Str::BackToCourse), ui::ButtonKind::Secondary)) s.GoHome();
}

}  // namespace granice::app
