#include "app/screens/screens.h"
#include "app/view/strings.h"
#include "imgui.h"

namespace granice::app {

using view::Str;
using view::T;

void DrawHome(AppState& app) {
  const std::string& lang = app.settings.lang;
  app.ui.tree.title = T(lang, Str::AppName);
  ui::Heading(T(lang, Str::AppName), 1);
  ui::Paragraph(T(lang, Str::Tagline));
  ui::MutedText(T(lang, Str::DiacriticsSample));
  ImGui::Spacing();
  if (ui::Button(T(lang, Str::StartCourse))) app.clicks++;
  ImGui::SameLine();
  if (ui::Button(view::OtherLanguageName(lang), ui::ButtonKind::Secondary)) {
    app.settings.lang = std::string(view::OtherLanguage(lang));
  }
}

}  // namespace granice::app
