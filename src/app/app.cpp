#include "app/app_state.h"
#include "app/screens/screens.h"
#include "app/theme.h"
#include "imgui.h"

namespace granice::app {

void DrawApp(AppState& app) {
  if (app.theme_dirty) {
    theme::Apply(app.settings.theme, 1.0f);
    app.theme_dirty = false;
  }
  ui::BeginFrame(app.ui, app.settings.lang);

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("##granice", nullptr, flags);
  // Content column: readable line length on wide screens, full width on phones.
  const float max_width = 760.0f * app.settings.text_scale;
  const float avail = ImGui::GetContentRegionAvail().x;
  if (avail > max_width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - max_width) * 0.5f);
  ImGui::BeginGroup();
  ImGui::PushItemWidth(avail > max_width ? max_width : avail);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + (avail > max_width ? max_width : avail));
  switch (app.screen) {
    case Screen::Home: DrawHome(app); break;
    case Screen::Settings: DrawHome(app); break;
  }
  ImGui::PopTextWrapPos();
  ImGui::PopItemWidth();
  ImGui::EndGroup();
  ImGui::End();
}

}  // namespace granice::app
