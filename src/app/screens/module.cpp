#include "app/screens/screens.h"
#include "app/view/strings.h"
#include "imgui.h"

namespace granice::app {

using view::Fmt;
using view::Str;
using view::T;

namespace {

const char* OutcomeText(const std::string& lang, Outcome o) {
  switch (o) {
    case Outcome::Good: return T(lang, Str::OutcomeGood);
    case Outcome::Partial: return T(lang, Str::OutcomePartial);
    case Outcome::Poor: return T(lang, Str::OutcomePoor);
  }
  return "";
}

}  // namespace

void DrawModule(AppState& app) {
  view::CourseSession& s = *app.session;
  const Module* m = s.module();
  if (!m) {
    s.GoHome();
    return;
  }
  const std::string& lang = s.lang();
  const ModuleProgress* p = find_progress(s.state(), m->id);
  app.ui.tree.title = m->title.in(lang);
  ui::MutedText(ModuleLabel(lang, *m) + " · " + StatusText(lang, s.StatusOf(*m)));
  ui::Heading(m->title.in(lang), 1);
  ui::Paragraph(m->summary.in(lang));

  // [SECTION] Lesson
  ui::Gap(0.3f);
  ui::Heading(T(lang, Str::Lesson), 2);
  const int pages = static_cast<int>(m->pages.size());
  const int seen = p ? p->lesson.pages_seen : 0;
  ui::MutedText(Fmt(T(lang, Str::LessonPagesSeen), {std::to_string(seen), std::to_string(pages)}));
  if (ui::Button(T(lang, Str::StartLesson), seen == 0 ? ui::ButtonKind::Primary : ui::ButtonKind::Secondary))
    s.OpenLesson(m->id, seen > 0 && seen < pages ? seen : 0);

  // [SECTION] Quiz
  if (!m->quiz.questions.empty()) {
    ui::Gap(0.3f);
    ui::Heading(T(lang, Str::Quiz), 2);
    if (p && p->quiz.best_score) {
      ui::MutedText(Fmt(T(lang, Str::QuizBest),
                        {view::FormatPercent(*p->quiz.best_score, lang), std::to_string(m->quiz.pass_mark)}));
      ui::MutedText(Fmt(T(lang, Str::QuizAttempts), {std::to_string(p->quiz.attempts_used)}));
    } else {
      ui::MutedText(T(lang, Str::QuizNotTaken));
    }
    const QuizAvailability av = s.Availability(m->id);
    if (av == QuizAvailability::NoAttemptsLeft) ui::MutedText(T(lang, Str::NoAttemptsLeft));
    const bool open = av == QuizAvailability::InProgress;
    const bool primary = seen >= pages && !(p && p->quiz.attempts_used > 0);
    if (ui::Button(T(lang, open ? Str::ContinueQuiz : Str::StartQuiz),
                   primary ? ui::ButtonKind::Primary : ui::ButtonKind::Secondary,
                   av != QuizAvailability::Available && !open))
      s.StartQuiz(m->id);
  }

  // [SECTION] Role-play
  if (m->roleplay) {
    ui::Gap(0.3f);
    ui::Heading(T(lang, Str::RolePlay), 2);
    ui::Paragraph(m->roleplay->persona_name.in(lang) + " — " + m->roleplay->workplace.in(lang));
    if (p && p->roleplay.runs > 0 && p->roleplay.best_outcome) {
      ui::MutedText(Fmt(T(lang, Str::RolePlayRuns),
                        {std::to_string(p->roleplay.runs), OutcomeText(lang, *p->roleplay.best_outcome)}));
    } else {
      ui::MutedText(T(lang, Str::RolePlayNotTaken));
    }
    const bool open = p && p->roleplay.in_progress;
    const bool primary = p && p->quiz.attempts_used > 0 && p->roleplay.runs == 0;
    if (ui::Button(T(lang, open ? Str::ContinueRolePlay : Str::StartRolePlay),
                   primary ? ui::ButtonKind::Primary : ui::ButtonKind::Secondary))
      s.StartRolePlay(m->id);
  }

  // [SECTION] Onwards
  ui::Gap(0.5f);
  ImGui::Separator();
  const auto& mods = s.course().modules;
  for (size_t i = 0; i + 1 < mods.size(); ++i) {
    if (mods[i].id == m->id) {
      if (ui::Button(T(lang, Str::NextModule) + std::string(": ") + mods[i + 1].title.in(lang),
                     ui::ButtonKind::Secondary))
        s.OpenModule(mods[i + 1].id);
      break;
    }
  }
  if (ui::Button(T(lang, Str::BackToCourse), ui::ButtonKind::Secondary)) s.GoHome();
}

}  // namespace granice::app
