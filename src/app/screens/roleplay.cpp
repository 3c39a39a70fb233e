// The role-play: a conversation with a client persona. Client lines and the learner's replies
// as bubbles, replies to choose as cards, feedback after each choice (or all at the end, per
// course setting), and at the ending the debrief with rubric totals.
#include <algorithm>
#include <vector>

#include "app/screens/screens.h"
#include "app/theme.h"
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
  std::vector<ui::BarRow> rows;
  for (const RubricTotal& r : d.rubric) {
    const std::string label = r.label ? r.label->in(lang) : r.id;
    const float frac = r.max > 0 ? static_cast<float>(r.score < 0 ? 0 : r.score) / static_cast<float>(r.max) : 0.0f;
    rows.push_back({label, Fmt(T(lang, Str::ScoreOutOf), {std::to_string(r.score), std::to_string(r.max)}), "",
                    frac > 1.0f ? 1.0f : frac, false});
  }
  ui::BarChart(rows, -1.0f, "");
  // The guidelines the learner's replies followed and went against, as chips.
  std::vector<std::string> honoured, broken;
  for (const RolePlayStep& step : d.steps) {
    for (const std::string& id : step.choice->honours)
      if (std::find(honoured.begin(), honoured.end(), id) == honoured.end()) honoured.push_back(id);
    for (const std::string& id : step.choice->breaks)
      if (std::find(broken.begin(), broken.end(), id) == broken.end()) broken.push_back(id);
  }
  auto chips = [&](const std::vector<std::string>& ids, Str label, ui::Tone tone, draw::StateIcon icon) {
    if (ids.empty()) return;
    std::string caption = Fmt(T(lang, label), {""});
    while (!caption.empty() && caption.back() == ' ') caption.pop_back();
    ui::MutedText(caption);
    for (size_t i = 0; i < ids.size(); ++i) {
      if (i > 0) ui::SameLine();
      ui::Chip(ObjectiveTitle(course, ids[i], lang), tone, icon);
    }
  };
  ui::Gap(0.3f);
  chips(honoured, Str::Honours, ui::Tone::Good, draw::StateIcon::Honoured);
  chips(broken, Str::Breaks, ui::Tone::Bad, draw::StateIcon::Broken);
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

  // [SECTION] Persona header: the client drawn (decorative), name, workplace
  const std::string persona = play.persona_name.in(lang);
  const float avatar = ImGui::GetFontSize() * 4.0f;
  const float beside = avatar + theme::kSpaceL * theme::Scale();
  const ImVec2 head = ImGui::GetCursorScreenPos();
  draw::Avatar(ImGui::GetWindowDrawList(), ImVec2(head.x + avatar * 0.5f, head.y + avatar * 0.5f), avatar,
               play.persona_name.in("en"), ImGui::GetColorU32(theme::Colors().border));
  ImGui::Indent(beside);
  ui::MutedText(ModuleLabel(lang, *m) + ": " + m->title.in(lang));
  ui::Heading(T(lang, Str::RolePlay) + std::string(": ") + persona, 1);
  ui::MutedText(Fmt(T(lang, Str::Workplace), {play.workplace.in(lang)}));
  ImGui::Unindent(beside);
  if (ImGui::GetCursorScreenPos().y < head.y + avatar) ImGui::Dummy(ImVec2(avatar, head.y + avatar - ImGui::GetCursorScreenPos().y));
  if (!play.persona_description.empty()) ui::Paragraph(play.persona_description.in(lang));
  if (!play.intro.empty()) ui::Callout(play.intro.in(lang), ui::Tone::Note, T(lang, Str::IntroLabel));

  // [SECTION] Conversation so far: the client on the left beside a small avatar, the learner on
  // the right; each bubble leaves room on the other side.
  const float indent = ImGui::GetContentRegionAvail().x * 0.12f;
  const float face = ImGui::GetFontSize() * 2.2f;
  auto client_says = [&](const RolePlayNode& n, const std::string& mood) {
    std::string who = persona;
    if (!mood.empty()) who += " · " + mood;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    draw::Avatar(ImGui::GetWindowDrawList(), ImVec2(at.x + face * 0.5f, at.y + face * 0.5f), face,
                 play.persona_name.in("en"), ImGui::GetColorU32(theme::Colors().border));
    ImGui::Indent(face + theme::kSpaceS * theme::Scale());
    ui::PushRightMargin(indent);
    ui::Callout(n.client.in(lang), ui::Tone::Client, who);
    ui::PopRightMargin();
    ImGui::Unindent(face + theme::kSpaceS * theme::Scale());
  };
  ui::BeginGroup("conversation");
  for (const RolePlayStep& step : rp->history()) {
    client_says(*step.node, step.node->mood.empty() ? std::string() : step.node->mood.in(lang));
    ui::Callout(step.choice->text.in(lang), ui::Tone::Learner, T(lang, Str::You), indent);
    if (immediate) DrawChoiceFeedback(course, *step.choice, lang, indent);
  }
  const RolePlayNode& node = rp->node();
  if (!node.client.empty()) client_says(node, node.mood.empty() ? std::string() : Fmt(T(lang, Str::Mood), {node.mood.in(lang)}));
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
