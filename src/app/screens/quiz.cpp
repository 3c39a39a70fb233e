// The quiz player: one question at a time, a natural control per question type, feedback after
// each answer (module quizzes) or "answer saved" (final assessment), then the score.
#include "app/screens/screens.h"
#include "app/view/strings.h"
#include "imgui.h"

namespace granice::app {

using view::Fmt;
using view::Str;
using view::T;

namespace {

// [SECTION] Controls per question type

void DrawChoices(view::CourseSession& s, QuizSession& quiz, const Question& q, bool locked, const std::string& lang) {
  const bool multiple = q.type == QuestionType::MultipleResponse;
  if (multiple) ui::MutedText(T(lang, Str::SelectAllThatApply));
  ui::BeginGroup(q.id);
  for (int index : quiz.presented()) {
    const Option& o = q.options.at(static_cast<size_t>(index));
    std::string text = o.text.in(lang);
    if (q.type == QuestionType::TrueFalse) text = T(lang, o.id == "true" ? Str::True : Str::False);
    const bool selected = quiz.is_selected(index);
    ui::Tone tone = ui::Tone::Neutral;
    if (locked && o.correct) tone = ui::Tone::Good;
    else if (locked && selected) tone = ui::Tone::Bad;
    ImGui::PushID(index);
    if (ui::Card(text, multiple ? view::Role::Checkbox : view::Role::Radio, selected, locked, tone)) {
      if (multiple) quiz.toggle(index); else quiz.select(index);
      s.QuizEdited();
    }
    ImGui::PopID();
    if (locked && !s.in_assessment() && (selected || o.correct) && !o.feedback.empty())
      ui::Callout(o.feedback.in(lang), o.correct ? ui::Tone::Good : ui::Tone::Bad, {}, ImGui::GetFontSize());
  }
  ui::EndGroup();
}

void DrawOrdering(view::CourseSession& s, QuizSession& quiz, const Question& q, bool locked, const std::string& lang) {
  ui::MutedText(T(lang, Str::PutInOrder));
  const std::vector<int> order = quiz.arrangement();
  ui::BeginGroup(q.id);
  for (size_t pos = 0; pos < order.size(); ++pos) {
    const OrderItem& item = q.items.at(static_cast<size_t>(order[pos]));
    const std::string text = item.text.in(lang);
    ImGui::PushID(static_cast<int>(pos));
    ui::Tone tone = ui::Tone::Neutral;
    if (locked) tone = order[pos] == static_cast<int>(pos) ? ui::Tone::Good : ui::Tone::Bad;
    ui::Callout(Fmt(T(lang, Str::Position), {std::to_string(pos + 1)}) + " " + text, tone);
    if (!locked) {
      if (ui::Button(T(lang, Str::MoveUpShort),
                     ui::ButtonKind::Secondary, pos == 0, 0.0f, Fmt(T(lang, Str::MoveUp), {text}))) {
        quiz.move_item(pos, pos - 1);
        s.QuizEdited();
      }
      ui::SameLine();
      if (ui::Button(T(lang, Str::MoveDownShort),
                     ui::ButtonKind::Secondary, pos + 1 == order.size(), 0.0f, Fmt(T(lang, Str::MoveDown), {text}))) {
        quiz.move_item(pos, pos + 1);
        s.QuizEdited();
      }
    }
    ImGui::PopID();
  }
  ui::EndGroup();
}

void DrawMatching(view::CourseSession& s, QuizSession& quiz, const Question& q, bool locked, const std::string& lang) {
  ui::MutedText(T(lang, Str::MatchEach));
  const std::vector<int>& targets = quiz.presented();   // display order of target pair indices
  std::vector<std::string> names;
  for (int t : targets) names.push_back(q.pairs.at(static_cast<size_t>(t)).target.in(lang));
  const Response& r = quiz.response();
  for (size_t i = 0; i < q.pairs.size(); ++i) {
    const MatchPair& p = q.pairs[i];
    const int matched = i < r.match.size() ? r.match[i] : -1;
    int shown = -1;
    for (size_t k = 0; k < targets.size(); ++k)
      if (targets[k] == matched) shown = static_cast<int>(k);
    ImGui::PushID(static_cast<int>(i));
    ui::Tone tone = ui::Tone::Neutral;
    if (locked) tone = matched == static_cast<int>(i) ? ui::Tone::Good : ui::Tone::Bad;
    // Drawn only: the drop-down below is named with the same text, so a screen reader says it once.
    ui::Callout(p.source.in(lang), tone, {}, 0.0f, false);
    const std::string current = shown >= 0 ? names[static_cast<size_t>(shown)] : T(lang, Str::ChooseMatch);
    const int picked = ui::Choice(p.source.in(lang), current, names, shown, locked);
    if (picked >= 0) s.Match(static_cast<int>(i), targets[static_cast<size_t>(picked)]);
    if (locked && !s.in_assessment() && !p.feedback.empty())
      ui::Callout(p.target.in(lang) + " — " + p.feedback.in(lang), ui::Tone::Note, {}, ImGui::GetFontSize());
    ImGui::PopID();
  }
}

}  // namespace

void DrawQuiz(AppState& app) {
  view::CourseSession& s = *app.session;
  QuizSession* quiz = s.quiz();
  if (!quiz || quiz->empty()) {
    s.Back();
    return;
  }
  const std::string& lang = s.lang();
  const Course& course = s.course();
  const Question& q = quiz->current();
  const bool assessment = s.in_assessment();
  const std::string title = assessment ? course.assessment.title.in(lang) : s.module()->title.in(lang);
  const std::string of = Fmt(T(lang, Str::QuestionOf), {std::to_string(quiz->index() + 1), std::to_string(quiz->size())});
  app.ui.tree.title = of + " — " + title;

  ui::MutedText((assessment ? std::string(T(lang, Str::FinalAssessment)) : T(lang, Str::Quiz) + std::string(": ") + title));
  ui::Progress(static_cast<float>(quiz->index() + 1) / static_cast<float>(quiz->size()), of);
  ui::Heading(q.prompt.in(lang), 1);
  if (q.type == QuestionType::BestReply && !q.client_line.empty())
    ui::Callout(q.client_line.in(lang), ui::Tone::Client, T(lang, Str::ClientSays));

  const bool locked = quiz->submitted();
  switch (q.type) {
    case QuestionType::SingleChoice:
    case QuestionType::BestReply:
    case QuestionType::TrueFalse:
    case QuestionType::MultipleResponse: DrawChoices(s, *quiz, q, locked, lang); break;
    case QuestionType::Ordering: DrawOrdering(s, *quiz, q, locked, lang); break;
    case QuestionType::Matching: DrawMatching(s, *quiz, q, locked, lang); break;
  }

  // [SECTION] Feedback and navigation
  ui::Gap(0.3f);
  if (locked) {
    if (const std::optional<QuestionResult> r = quiz->result(quiz->index())) {
      if (assessment) {
        ui::Callout(T(lang, Str::AnswerSaved), ui::Tone::Note);
      } else {
        const Str verdict = r->grade.correct ? Str::Correct : r->grade.score > 0 ? Str::PartlyCorrect : Str::Incorrect;
        const std::string overall = r->feedback.overall ? r->feedback.overall->in(lang) : std::string();
        if (overall.empty()) ui::Callout(T(lang, verdict), r->grade.correct ? ui::Tone::Good : ui::Tone::Bad);
        else ui::Callout(overall, r->grade.correct ? ui::Tone::Good : ui::Tone::Bad, T(lang, verdict));
      }
    }
  }
  if (!quiz->at_first()) {
    if (ui::Button(T(lang, Str::PreviousQuestion), ui::ButtonKind::Secondary)) s.QuizPrevious();
    ui::SameLine();
  }
  if (!locked) {
    if (ui::Button(T(lang, Str::Submit), ui::ButtonKind::Primary, !quiz->can_submit())) s.SubmitAnswer();
  } else if (!quiz->at_last()) {
    if (ui::Button(T(lang, Str::NextQuestion), ui::ButtonKind::Primary)) s.QuizNext();
  } else {
    if (ui::Button(T(lang, Str::FinishQuiz), ui::ButtonKind::Primary, !quiz->all_submitted())) {
      s.FinishQuiz();
      if (const auto& res = s.last_quiz_result())
        app.ui.tree.announcement = Fmt(T(lang, Str::YourScore), {view::FormatPercent(res->score_percent, lang)});
    }
  }
}

void DrawQuizResults(AppState& app) {
  view::CourseSession& s = *app.session;
  const Module* m = s.module();
  const auto& res = s.last_quiz_result();
  if (!m || !res) {
    s.Back();
    return;
  }
  const std::string& lang = s.lang();
  app.ui.tree.title = T(lang, Str::QuizResultsTitle) + std::string(" — ") + m->title.in(lang);
  ui::MutedText(ModuleLabel(lang, *m) + ": " + m->title.in(lang));
  ui::Heading(T(lang, Str::QuizResultsTitle), 1);
  ui::Heading(Fmt(T(lang, Str::YourScore), {view::FormatPercent(res->score_percent, lang)}), 2);
  ui::Paragraph(Fmt(T(lang, Str::PassMark), {std::to_string(m->quiz.pass_mark)}));
  ui::Callout(T(lang, res->passed ? Str::Passed : Str::NotPassed), res->passed ? ui::Tone::Good : ui::Tone::Bad);
  const QuizAvailability av = s.Availability(m->id);
  const int left = remaining_attempts(find_progress(s.state(), m->id)->quiz.attempts_used, m->quiz.max_attempts);
  if (left >= 0) ui::MutedText(Fmt(T(lang, Str::AttemptsLeft), {std::to_string(left)}));
  if (m->roleplay && ui::Button(T(lang, Str::ToRolePlay), ui::ButtonKind::Primary)) s.StartRolePlay(m->id);
  ui::SameLine();
  if (av == QuizAvailability::Available && ui::Button(T(lang, Str::TryAgain), ui::ButtonKind::Secondary))
    s.StartQuiz(m->id);
  if (ui::Button(T(lang, Str::BackToCourse), ui::ButtonKind::Secondary)) s.GoHome();
}

}  // namespace granice::app
