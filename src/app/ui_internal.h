// What the ui:: wrappers share between their files (ui.cpp, ui_cards.cpp): adding a node to the
// semantic tree, taking the DOM layer's activation, focus. Not for screens.
#pragma once

#include <string>

#include "app/ui.h"
#include "imgui.h"

namespace granice::ui::detail {

// Adds the widget just drawn (ImGui's last item rect) to the tree.
view::SemanticNode& Push(view::Role role, const std::string& name);
// An activation asked for by the DOM layer counts as a press of the widget with that id.
bool TakeActivation(ImGuiID id);
// Id, disabled and keyboard focus (the Tab order's request, the ring) of an interactive node.
void Interactive(view::SemanticNode& n, ImGuiID id, bool disabled);

}  // namespace granice::ui::detail
