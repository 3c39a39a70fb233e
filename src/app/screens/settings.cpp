#include "app/screens/screens.h"
#include "app/view/strings.h"
#include "imgui.h"

namespace granice::app {

using view::Str;
using view::T;

void DrawSettings(AppState& app) {
  view::CourseSession& s = *app.session;
  const std::string& lang = s.lang();
  Settings& set = app.settings;
  bool changed = false;
  app.ui.tree.title = T(lang, Str::Settings);
  ui::Heading(T(lang, Str::Settings), 1);

  ui::Heading(T(lang, Str::Language), 2);
  ui::BeginGroup(T(lang, Str::Language));
  for (const Language& l : s.course().language_info) {
    if (ui::Radio(l.name, lang == l.code) && lang != l.code) {
      SwitchLanguage(app, l.code);
    }
  }
  ui::EndGroup();

  ui::Heading(T(lang, Str::TextSize), 2);
  ui::BeginGroup(T(lang, Str::TextSize));
  for (int pct : {100, 125, 150, 175, 200}) {
    const float scale = static_cast<float>(pct) / 100.0f;
    const bool on = set.text_scale > scale - 0.01f && set.text_scale < scale + 0.01f;
    if (ui::Radio(std::to_string(pct) + "%", on) && !on) {
      set.text_scale = scale;
      app.theme_dirty = true;
      changed = true;
    }
    if (pct != 200) ui::SameLine();
  }
  ui::EndGroup();

  ui::Heading(T(lang, Str::Theme), 2);
  ui::BeginGroup(T(lang, Str::Theme));
  const std::pair<view::ThemeId, Str> themes[] = {{view::ThemeId::Light, Str::ThemeLight},
                                                  {view::ThemeId::Dark, Str::ThemeDark},
                                                  {view::ThemeId::HighContrast, Str::ThemeHighContrast}};
  for (const auto& [id, label] : themes) {
    if (ui::Radio(T(lang, label), set.theme == id) && set.theme != id) {
      set.theme = id;
      app.theme_dirty = true;
      changed = true;
    }
  }
  ui::EndGroup();

  ui::Paragraph(T(lang, Str::DiacriticsSample));
  ui::Gap(0.3f);
  if (ui::Checkbox(T(lang, Str::ReducedMotion), set.reduced_motion)) changed = true;

  ui::Gap(0.5f);
  if (ui::Button(T(lang, Str::Done), ui::ButtonKind::Primary)) s.CloseSettings();
  if (changed && app.hooks.save_settings) app.hooks.save_settings(set);
}

}  // namespace granice::app
