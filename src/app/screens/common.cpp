// Pieces several screens share: the top bar, status words, module labels, the load error screen.
#include "app/screens/screens.h"
#include "app/theme.h"
#include "app/view/strings.h"
#include "imgui.h"

namespace granice::app {

using view::Page;
using view::Str;
using view::T;

const char* StatusText(const std::string& lang, ModuleStatus s) {
  switch (s) {
    case ModuleStatus::NotStarted: return T(lang, Str::StatusNotStarted);
    case ModuleStatus::InProgress: return T(lang, Str::StatusInProgress);
    case ModuleStatus::Completed: return T(lang, Str::StatusCompleted);
    case ModuleStatus::Passed: return T(lang, Str::StatusPassed);
  }
  return "";
}

std::string ModuleLabel(const std::string& lang, const Module& m) {
  if (m.kind == ModuleKind::Synthesis) return T(lang, Str::SynthesisLabel);
  return view::Fmt(T(lang, Str::ModuleNumber), {std::to_string(m.number)});
}

std::string ObjectiveTitle(const Course& course, const std::string& id, const std::string& lang) {
  const Objective* o = course.objective(id);
  return o ? o->title.in(lang) : id;
}

void SwitchLanguage(AppState& app, const std::string& code) {
  view::CourseSession& s = *app.session;
  if (code == s.lang()) return;
  if (!app.course->title.tr.count(code) && app.hooks.load_language) {
    app.hooks.load_language(code);   // its pack first: the platform switches when it is there
    return;
  }
  s.SetLanguage(code);
  app.settings.lang = code;
  if (app.hooks.save_settings) app.hooks.save_settings(app.settings);
}

void DrawTopBar(AppState& app) {
  view::CourseSession& s = *app.session;
  const std::string& lang = s.lang();
  const Page page = s.page();
  if (page != Page::Home && page != Page::NamePrompt) {
    if (ui::Button(T(lang, Str::Back), ui::ButtonKind::Quiet)) s.Back();
    if (page != Page::Module) ui::SameLine();
    if (page != Page::Module && ui::Button(T(lang, Str::Home), ui::ButtonKind::Quiet)) s.GoHome();
    ImGui::SameLine();
  }
  // Right-aligned: a switch to each other course language, by its own name, and settings.
  std::vector<const Language*> others;
  for (const Language& l : s.course().language_info)
    if (l.code != lang) others.push_back(&l);
  const char* settings = T(lang, Str::Settings);
  const ImGuiStyle& st = ImGui::GetStyle();
  float w = ImGui::CalcTextSize(settings).x + 2 * st.FramePadding.x;
  for (const Language* l : others) w += ImGui::CalcTextSize(l->name.c_str()).x + 2 * st.FramePadding.x + st.ItemSpacing.x;
  const float right = ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetCursorPosX() + w < right) ImGui::SetCursorPosX(right - w);
  else if (page != Page::Home && page != Page::NamePrompt) ImGui::NewLine();   // narrow: a second row
  bool first = true;
  for (const Language* l : others) {
    if (!first) ui::SameLine();
    first = false;
    if (ui::Button(l->name, ui::ButtonKind::Secondary)) SwitchLanguage(app, l->code);
  }
  ui::SameLine();
  if (page != Page::Settings && ui::Button(settings, ui::ButtonKind::Secondary)) s.OpenSettings();
  ImGui::Separator();
  ui::Gap(0.3f);
}

void DrawLoadError(Shell& shell, const std::vector<std::string>& errors) {
  const std::string& lang = shell.settings.lang;
  shell.ui.tree.title = T(lang, Str::ContentError);
  ui::Heading(T(lang, Str::ContentError), 1);
  ui::Paragraph(T(lang, Str::ContentErrorHelp));
  const size_t shown = errors.size() < 20 ? errors.size() : 20;
  for (size_t i = 0; i < shown; ++i) ui::Callout(errors[i], ui::Tone::Bad);
}

}  // namespace granice::app
