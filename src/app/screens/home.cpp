#include <algorithm>

#include "app/screens/screens.h"
#include "app/theme.h"
#include "app/view/strings.h"
#include "app/view/wayfinding.h"
#include "core/state/record.h"
#include "imgui.h"

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

void DrawHome(AppState& app) {
  view::CourseSession& s = *app.session;
  const Course& course = s.course();
  const CourseState& st = s.state();
  const std::string& lang = s.lang();
  app.ui.tree.title = course.title.in(lang);

  ui::Heading(course.title.in(lang), 1);
  ui::Paragraph(course.description.in(lang));
  if (!st.learner_name.empty()) ui::MutedText(Fmt(T(lang, Str::LearnerLabel), {st.learner_name}));
  for (const std::string& notice : app.notices) ui::Callout(view::NoticeText(lang, notice), ui::Tone::Bad);
  if (app.persistence) {
    const std::string err = app.persistence->LastError();
    if (!err.empty()) ui::Callout(err, ui::Tone::Bad);
  }
  if (app.finished_before) DrawFinishedBefore(app);
  if (app.lms_review) ui::Callout(T(lang, Str::ReviewModeNotice), ui::Tone::Neutral);

  // [SECTION] Progress
  ui::Gap(0.3f);
  ui::Heading(T(lang, Str::YourProgress), 2);
  const int done = s.ModulesCompleted();
  const int total = s.ModulesTotal();
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

  // [SECTION] Course map: the module the learner is on is marked (a highlighted card, and
  // aria-current="step" for assistive technology).
  const view::CourseStep& step = next;
  ui::Gap(0.5f);
  ui::Heading(T(lang, Str::Modules), 2);
  ui::BeginGroup("modules");
  for (const Module& m : course.modules) {
    const ModuleStatus ms = s.StatusOf(m);
    const std::string label = ModuleLabel(lang, m) + ": " + m.title.in(lang);
    const bool here = step.kind == view::CourseStep::Kind::Module && step.module_id == m.id;
    ImGui::PushID(m.id.c_str());
    const bool open = ui::Card(label, view::Role::Button, here);
    if (here) ui::MarkCurrent(view::Current::Step);
    if (open) s.OpenModule(m.id);
    ImGui::PopID();
    ui::Badge(StatusText(lang, ms), StatusTone(ms));
  }
  ui::EndGroup();

  // [SECTION] Final assessment
  ui::Gap(0.5f);
  ui::Heading(T(lang, Str::FinalAssessment), 2);
  const QuizAvailability av = s.Availability(course.assessment.id);
  if (av == QuizAvailability::Locked) {
    ui::MutedText(T(lang, Str::AssessmentLocked));
  } else if (av == QuizAvailability::NoAttemptsLeft) {
    ui::MutedText(T(lang, Str::NoAttemptsLeft));
  }
  if (const QuizProgress* p = find_quiz_progress(st, course, course.assessment.id); p && p->best_score) {
    ui::MutedText(Fmt(T(lang, Str::QuizBest),
                      {view::FormatPercent(*p->best_score, lang), std::to_string(course.assessment.pass_mark)}));
  }
  const bool can_start = av == QuizAvailability::Available || av == QuizAvailability::InProgress;
  const bool open_assessment = ui::Button(T(lang, Str::AssessmentOpen), ui::ButtonKind::Primary, !can_start);
  if (can_start && step.kind == view::CourseStep::Kind::Assessment) ui::MarkCurrent(view::Current::Step);
  if (open_assessment) s.StartQuiz(course.assessment.id);

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
