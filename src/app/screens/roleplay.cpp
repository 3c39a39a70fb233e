// The role-play: a conversation with a client persona. Client lines and the learner's replies
// as bubbles, replies to choose as cards, feedback after each choice (or all at the end, per
// course setting), and at the ending the debrief with rubric totals.
#include "app/screens/screens.h"
#include "app/view/strings.h"
#include "core/engines/roleplay_engine.h"
#include "imgui.h"

namespace granice::app {

using view::Fmt;
using view::Str;
using view::T;

namespace {

std::string ObjectiveList(const Course& course, const std::vector<std::string>& ids, const std::string& lang) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ", ") + ObjectiveTitle(course, id, lang);
  return out;
}

const char* OutcomeWord(const std::string& lang, Outcome o) {
  switch (o) {
    case Outcome::Good: return T(lang, Str::OutcomeGood);
    case Outcome::Partial: return T(lang, Str::OutcomePartial);
    case Outcome::Poor: return T(lang, Str::OutcomePoor);
  }
  return "";
}

void DrawChoiceFeedback(const Course& course, const Choice& c, const std::string& lang, float indent) {
  std::string text = c.feedback.in(lang);
  if (!c.honours.empty()) text += "\n" + Fmt(T(lang, Str::Honours), {ObjectiveList(course, c.honours, lang)});
  if (!c.breaks.empty()) text += "\n" + Fmt(T(lang, Str::Breaks), {ObjectiveList(course, c.breaks, lang)});
  ui::Callout(text, c.breaks.empty() ? ui::Tone::Good : ui::Tone::Bad, T(lang, Str::Feedback), indent);
}

void DrawDebrief(const Course& course, const RolePlaySession& rp, const std::string& lang) {
  const Debrief d = rp.debrief();
  ui::Gap(0.3f);
  ui::Heading(T(lang, Str::Debrief), 2);
  if (d.ending) {
    ui::Callout(d.ending->debrief.in(lang), d.ending->outcome == Outcome::Good ? ui::Tone::Good : ui::Tone::Note,
                d.ending->ending_title.in(lang) + " (" + OutcomeWord(lang, d.ending->outcome) + ")");
  }
  ui::Heading(T(lang, Str::Rubric), 3);
  for (const RubricTotal& r : d.rubric) {
    const std::string label = r.label ? r.label->in(lang) : r.id;
    const float frac = r.max > 0 ? static_cast<float>(r.score < 0 ? 0 : r.score) / static_cast<float>(r.max) : 0.0f;
    ui::Progress(frac > 1.0f ? 1.0f : frac,
                 Fmt(T(lang, Str::ScoreOutOf), {label, std::to_string(r.score), std::to_string(r.max)}));
  }
  ui::Heading(T(lang, Str::StepsTaken), 3);
  int n = 1;
  for (const RolePlayStep& step : d.steps) {
    ui::Paragraph(std::to_string(n++) + ". " + step.choice->text.in(lang));
    DrawChoiceFeedback(course, *step.choice, lang, ImGui::GetFontSize());
  }
}

}  // namespace

void DrawRolePlay(AppState& app) {
  view::CourseSession& s = *app.session;
  RolePlaySession* rp = s.roleplay();
  const Module* m = s.module();
  if (!rp || !m || !m->roleplay) {
    s.Back();
    return;
  }
  const std::string& lang = s.lang();
  const Course& course = s.course();
  const RolePlay& play = rp->roleplay();
  const bool immediate = course.roleplay_feedback_immediate;
  app.ui.tree.title = T(lang, Str::RolePlay) + std::string(" — ") + m->title.in(lang);

  // [SECTION] Persona header
  ui::MutedText(ModuleLabel(lang, *m) + ": " + m->title.in(lang));
  ui::Heading(T(lang, Str::RolePlay) + std::string(": ") + play.persona_name.in(lang), 1);
  ui::MutedText(Fmt(T(lang, Str::Workplace), {play.workplace.in(lang)}));
  if (!play.persona_description.empty()) ui::Paragraph(play.persona_description.in(lang));
  if (!play.intro.empty()) ui::Callout(play.intro.in(lang), ui::Tone::Note, T(lang, Str::IntroLabel));

  // [SECTION] Conversation so far
  const float indent = ImGui::GetContentRegionAvail().x * 0.12f;
  ui::BeginGroup("conversation");
  for (const RolePlayStep& step : rp->history()) {
    std::string who = play.persona_name.in(lang);
    if (!step.node->mood.empty()) who += " · " + step.node->mood.in(lang);
    ui::Callout(step.node->client.in(lang), ui::Tone::Client, who);
    ui::Callout(step.choice->text.in(lang), ui::Tone::Learner, T(lang, Str::You), indent);
    if (immediate) DrawChoiceFeedback(course, *step.choice, lang, indent);
  }
  const RolePlayNode& node = rp->node();
  if (!node.client.empty()) {
    std::string who = play.persona_name.in(lang);
    if (!node.mood.empty()) who += " · " + Fmt(T(lang, Str::Mood), {node.mood.in(lang)});
    ui::Callout(node.client.in(lang), ui::Tone::Client, who);
  }
  ui::EndGroup();

  // [SECTION] Choices, or the ending
  if (!rp->ended()) {
    ui::Heading(T(lang, Str::WhatDoYouSay), 2);
    ui::BeginGroup("replies");
    // In the seeded order the session presents (focus order and the accessible DOM follow it);
    // the ImGui id is the reply's own index, so a reply keeps its id whatever its place.
    const auto& choices = rp->choices();
    for (const int i : rp->presented()) {
      const auto c = static_cast<size_t>(i);
      ImGui::PushID(i);
      const bool pressed = ui::Card(choices[c].text.in(lang), view::Role::Button, false);
      ImGui::PopID();
      if (pressed) {
        s.Choose(c);
        break;   // the list changed under us
      }
    }
    ui::EndGroup();
  } else {
    ui::Heading(T(lang, Str::Ending) + std::string(": ") + node.ending_title.in(lang), 2);
    DrawDebrief(course, *rp, lang);
    ui::Gap(0.3f);
    if (ui::Button(T(lang, Str::RolePlayAgain), ui::ButtonKind::Secondary)) s.RestartRolePlay();
    ui::SameLine();
    if (ui::Button(T(lang, Str::BackToCourse), ui::ButtonKind::Primary)) s.OpenModule(m->id);
  }
}

}  // namespace granice::app
