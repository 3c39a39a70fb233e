#include "app/screens/screens.h"
#include "app/view/strings.h"
#include "imgui.h"

namespace granice::app {

using view::Str;
using view::T;

void DrawNamePrompt(AppState& app) {
  view::CourseSession& s = *app.session;
  const std::string& lang = s.lang();
  app.ui.tree.title = T(lang, Str::NameTitle);
  ui::Heading(s.course().title.in(lang), 1);
  ui::Paragraph(s.course().description.in(lang));
  ui::Gap();
  ui::Heading(T(lang, Str::NameTitle), 2);
  ui::Paragraph(T(lang, Str::NameHelp));
  if (app.focus_heading) ImGui::SetKeyboardFocusHere();
  const bool entered = ui::TextInput(T(lang, Str::NameLabel), app.name_input, 80, "name");
  (void)entered;
  const bool enter_pressed = ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
  std::string trimmed = app.name_input;
  while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t')) trimmed.pop_back();
  while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\t')) trimmed.erase(0, 1);
  ui::Gap(0.3f);
  if ((ui::Button(T(lang, Str::NameContinue), ui::ButtonKind::Primary, trimmed.empty()) || enter_pressed) &&
      !trimmed.empty()) {
    s.SetLearnerName(trimmed);
  }
}

}  // namespace granice::app
