#include <algorithm>
#include <cfloat>
#include <vector>

#include "app/screens/screens.h"
#include "app/theme.h"
#include "app/view/strings.h"
#include "app/view/wayfinding.h"
#include "core/state/record.h"
#include "imgui.h"
#include "imgui_internal.h"

namespace granice::app {

using view::Fmt;
using view::Str;
using view::T;

namespace {

ui::Tone StatusTone(ModuleStatus st) {
  return st == ModuleStatus::Passed || st == ModuleStatus::Completed ? ui::Tone::Good : ui::Tone::Neutral;
}

void DrawStartOverConfirm(AppState& app) {
  view::CourseSession& s = *app.session;
  const std::string& lang = s.lang();
  ui::Callout(T(lang, Str::StartOverConfirm), ui::Tone::Bad);
  if (ui::Button(T(lang, Str::StartOverYes), ui::ButtonKind::Primary)) {
    app.confirm_start_over = false;
    if (app.persistence) app.persistence->Clear(s.course());
    s.StartOver();
  }
  ui::SameLine();
  if (ui::Button(T(lang, Str::Cancel), ui::ButtonKind::Secondary)) app.confirm_start_over = false;
}

// The LMS says the course was finished, but its state is not here: nothing is recorded until the
// learner chooses (persistence holds every write until then).
void DrawFinishedBefore(AppState& app) {
  const std::string& lang = app.session->lang();
  const LaunchData::FinishedBefore& f = *app.finished_before;
  std::string result;
  if (f.score) result += Fmt(T(lang, Str::FinishedBeforeScore), {view::FormatPercent(*f.score, lang)});
  if (f.passed) result += T(lang, Str::FinishedBeforePassed);
  else if (f.failed) result += T(lang, Str::FinishedBeforeFailed);
  std::string text = Fmt(T(lang, Str::FinishedBefore), {result});
  if (!app.lms_review) text += std::string(" ") + T(lang, Str::FinishedBeforeChoice);
  ui::Callout(text, ui::Tone::Good, T(lang, Str::FinishedBeforeTitle));
  if (app.lms_review) return;  // the LMS launched a review: there is nothing to choose
  if (ui::Button(T(lang, Str::ReviewCourse), ui::ButtonKind::Primary)) {
    if (app.persistence) app.persistence->Choose(LaunchChoice::Review);
    app.lms_review = true;
    app.finished_before.reset();
  }
  ui::SameLine();
  if (ui::Button(T(lang, Str::TakeCourseAgain), ui::ButtonKind::Secondary)) {
    if (app.persistence) app.persistence->Choose(LaunchChoice::StartAgain);
    app.finished_before.reset();
  }
  ui::Gap(0.3f);
}

}  // namespace

namespace {

draw::StateIcon StateIconOf(ModuleStatus st) {
  switch (st) {
    case ModuleStatus::NotStarted: return draw::StateIcon::NotStarted;
    case ModuleStatus::InProgress: return draw::StateIcon::InProgress;
    case ModuleStatus::Completed: return draw::StateIcon::Completed;
    case ModuleStatus::Passed: return draw::StateIcon::Passed;
  }
  return draw::StateIcon::NotStarted;
}

// One module's card: its number, title, summary, state (with pages read or the best score).
ui::CourseCardView ModuleCard(const view::CourseSession& s, const Module& m, bool next) {
  const std::string& lang = s.lang();
  const ModuleStatus ms = s.StatusOf(m);
  const ModuleProgress* p = find_progress(s.state(), m.id);
  ui::CourseCardView v;
  v.eyebrow = ModuleLabel(lang, m);
  v.title = m.title.in(lang);
  v.name = v.eyebrow + ": " + v.title;
  v.summary = m.summary.in(lang);
  v.status = StatusText(lang, ms);
  v.icon = m.objective;
  v.state = StateIconOf(ms);
  v.tone = StatusTone(ms);
  const int pages = static_cast<int>(m.pages.size());
  if (p && p->quiz.best_score) {
    v.detail = Fmt(T(lang, Str::QuizBest), {view::FormatPercent(*p->quiz.best_score, lang), std::to_string(m.quiz.pass_mark)});
  } else if (ms == ModuleStatus::InProgress && pages > 0) {
    const int seen = p ? p->lesson.pages_seen : 0;
    v.detail = Fmt(T(lang, Str::LessonPagesSeen), {std::to_string(seen), std::to_string(pages)});
    v.progress = static_cast<float>(seen) / static_cast<float>(pages);
  }
  if (next) v.next_label = T(lang, Str::NextStep);
  return v;
}

// The course's progress as a ring with "3/7" inside, beside the hero's text (decorative: the
// progress bar under it says the same in words).
bool DrawProgressRing(int done, int total) {
  const theme::Palette& c = theme::Colors();
  const float size = ImGui::GetFontSize() * 5.0f;
  const float avail = ImGui::GetContentRegionAvail().x;
  if (avail < size * 4.0f) return false;   // a phone: the bar alone
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const ImVec2 centre(at.x + avail - size * 0.5f, at.y + size * 0.5f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float done_part = total ? static_cast<float>(done) / static_cast<float>(total) : 0.0f;
  draw::Ring(dl, centre, size * 0.42f, size * 0.1f, done_part * ui::Reveal("course-ring"),
             ImGui::GetColorU32(c.accent), ImGui::GetColorU32(c.track));
  const std::string text = std::to_string(done) + "/" + std::to_string(total);
  ImFont* font = theme::HeadingFont(2);
  const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.c_str());
  dl->AddText(font, font->FontSize, ImVec2(centre.x - ts.x * 0.5f, centre.y - ts.y * 0.5f), ImGui::GetColorU32(c.heading),
              text.c_str());
  ui::PushRightMargin(size + theme::kSpaceL * theme::Scale());   // the text beside it wraps short of the ring
  return true;
}

}  // namespace

void DrawHome(AppState& app) {
  view::CourseSession& s = *app.session;
  const Course& course = s.course();
  const CourseState& st = s.state();
  const std::string& lang = s.lang();
  app.ui.tree.title = course.title.in(lang);
  const int done = s.ModulesCompleted();
  const int total = s.ModulesTotal();

  // [SECTION] Hero: the course, the learner, progress and the next step
  ui::BeginPanel();
  const float ring_top = ImGui::GetCursorScreenPos().y;
  const bool ring = DrawProgressRing(done, total);
  ui::Heading(course.title.in(lang), 1);
  ui::Paragraph(course.description.in(lang));
  if (!st.learner_name.empty()) ui::MutedText(Fmt(T(lang, Str::LearnerLabel), {st.learner_name}));
  if (ring) {
    ui::PopRightMargin();
    const float below = ring_top + ImGui::GetFontSize() * 5.0f;
    if (ImGui::GetCursorScreenPos().y < below) ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, below));
  }
  for (const std::string& notice : app.notices) ui::Callout(view::NoticeText(lang, notice), ui::Tone::Bad);
  if (app.persistence) {
    const std::string err = app.persistence->LastError();
    if (!err.empty()) ui::Callout(err, ui::Tone::Bad);
  }
  if (app.finished_before) DrawFinishedBefore(app);
  if (app.lms_review) ui::Callout(T(lang, Str::ReviewModeNotice), ui::Tone::Neutral);

  ui::Gap(0.3f);
  ui::Heading(T(lang, Str::YourProgress), 2);
  const std::string done_text = Fmt(T(lang, Str::ModulesDone), {std::to_string(done), std::to_string(total)});
  ui::Progress(total ? static_cast<float>(done) / static_cast<float>(total) : 0.0f, done_text);
  ui::MutedText(Fmt(T(lang, Str::TimeSpent), {view::FormatDuration(st.total_time_seconds, lang)}));
  const SuccessStatus success = success_status(course, st);
  if (success == SuccessStatus::Passed) ui::Callout(T(lang, Str::CoursePassed), ui::Tone::Good);
  else if (success == SuccessStatus::Failed) ui::Callout(T(lang, Str::CourseFailed), ui::Tone::Bad);
  // The primary action: back to the exact place left (a lesson page, a question, a role-play),
  // else on to the step the course map marks (the first module not completed), so a learner who
  // went Home between modules is never sent back to module 1.
  const view::CourseStep next = view::CurrentStep(course, st);
  const Module* next_module = next.kind == view::CourseStep::Kind::Module ? course.module(next.module_id) : nullptr;
  const bool fresh = std::none_of(course.modules.begin(), course.modules.end(),
                                  [&](const Module& m) { return s.StatusOf(m) != ModuleStatus::NotStarted; });
  if (s.HasResumePoint()) {
    if (ui::Button(T(lang, Str::ContinueCourse), ui::ButtonKind::Primary)) s.Resume();
  } else if (next_module && fresh) {
    if (ui::Button(T(lang, Str::StartCourse), ui::ButtonKind::Primary)) s.OpenModule(next_module->id);
  } else if (next_module) {
    const std::string label = Fmt(T(lang, Str::ContinueWithModule), {next_module->title.in(lang)});
    if (ui::Button(label, ui::ButtonKind::Primary)) s.OpenModule(next_module->id);
  }
  if (success == SuccessStatus::Passed) {
    ui::SameLine();
    if (ui::Button(T(lang, Str::ViewCertificate), ui::ButtonKind::Secondary)) s.OpenCertificate();
  }
  ui::EndPanel();

  // [SECTION] Course map: a card per module, two columns on a wide screen. The module the learner
  // is on is highlighted ("next step"), and aria-current="step" for assistive technology.
  const view::CourseStep& step = next;
  ui::Gap(0.5f);
  ui::Heading(T(lang, Str::Modules), 2);
  ui::BeginGroup("modules");
  const float gap = theme::kSpaceL * theme::Scale();
  const float avail = ImGui::GetContentRegionAvail().x;
  const int columns = avail >= 2 * 330.0f * theme::Scale() + gap ? 2 : 1;
  const float card_w = columns == 2 ? (avail - gap) * 0.5f : avail;
  const float left = ImGui::GetCursorScreenPos().x;
  for (size_t i = 0; i < course.modules.size(); i += static_cast<size_t>(columns)) {
    std::vector<ui::CourseCardView> row;
    float height = 0.0f;
    for (size_t k = i; k < course.modules.size() && k < i + static_cast<size_t>(columns); ++k) {
      const Module& m = course.modules[k];
      row.push_back(ModuleCard(s, m, step.kind == view::CourseStep::Kind::Module && step.module_id == m.id));
      height = std::max(height, ui::CourseCardHeight(row.back(), card_w));
    }
    const float top = ImGui::GetCursorScreenPos().y;
    for (size_t k = 0; k < row.size(); ++k) {
      const Module& m = course.modules[i + k];
      ImGui::SetCursorScreenPos(ImVec2(left + static_cast<float>(k) * (card_w + gap), top));
      const size_t button = app.ui.tree.nodes.size();
      if (ui::CourseCard(row[k], card_w, height)) s.OpenModule(m.id);
      if (!row[k].next_label.empty()) app.ui.tree.nodes[button].current = view::Current::Step;
    }
    ImGui::SetCursorScreenPos(ImVec2(left, top + height + gap));
  }
  ui::EndGroup();

  // [SECTION] Final assessment: a card of its own, locked (with why) until every module is done.
  ui::Gap(0.3f);
  ui::Heading(T(lang, Str::FinalAssessment), 2);
  const QuizAvailability av = s.Availability(course.assessment.id);
  const bool can_start = av == QuizAvailability::Available || av == QuizAvailability::InProgress;
  ui::BeginPanel(can_start && step.kind == view::CourseStep::Kind::Assessment);
  if (av == QuizAvailability::Locked || av == QuizAvailability::NoAttemptsLeft) {
    const float glyph = ImGui::GetFontSize() * 1.3f;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    draw::StateGlyph(ImGui::GetWindowDrawList(), ImVec2(at.x + glyph * 0.5f, at.y + ImGui::GetFontSize() * 0.6f), glyph,
                     draw::StateIcon::Locked, ImGui::GetColorU32(theme::Colors().muted));
    ImGui::Indent(glyph + theme::kSpaceM * theme::Scale());
    ui::MutedText(T(lang, av == QuizAvailability::Locked ? Str::AssessmentLocked : Str::NoAttemptsLeft));
    ImGui::Unindent(glyph + theme::kSpaceM * theme::Scale());
  }
  if (const QuizProgress* p = find_quiz_progress(st, course, course.assessment.id); p && p->best_score) {
    ui::MutedText(Fmt(T(lang, Str::QuizBest),
                      {view::FormatPercent(*p->best_score, lang), std::to_string(course.assessment.pass_mark)}));
  }
  const bool open_assessment = ui::Button(T(lang, Str::AssessmentOpen), ui::ButtonKind::Primary, !can_start);
  if (can_start && step.kind == view::CourseStep::Kind::Assessment) ui::MarkCurrent(view::Current::Step);
  if (open_assessment) s.StartQuiz(course.assessment.id);
  ui::EndPanel();

  // [SECTION] Record and reset
  ui::Gap(0.5f);
  ImGui::Separator();
  if (ui::Button(T(lang, Str::DownloadRecord), ui::ButtonKind::Secondary) && app.hooks.download) {
    app.hooks.download("granice-record-" + (st.learner_id.empty() ? std::string("learner") : st.learner_id) + ".json",
                       "application/json", to_record(course, st));
  }
  ui::SameLine();
  if (ui::Button(T(lang, Str::StartOver), ui::ButtonKind::Secondary)) app.confirm_start_over = true;
  if (app.confirm_start_over) DrawStartOverConfirm(app);
  if (app.persistence) ui::MutedText(app.persistence->ModeLabel(lang));
  // Every Polish letter, small and capital: a quick check that the font renders them all.
  ui::MutedText(T(lang, Str::DiacriticsSample));
  // Trainers: review many learners' records (src/trainer, the trainer page: a front end of its own).
  if (app.hooks.open_trainer && ui::Button(T(lang, Str::TrainerView), ui::ButtonKind::Quiet)) {
    app.hooks.open_trainer();
    app.scroll_to_top = true;
  }
}

}  // namespace granice::app
