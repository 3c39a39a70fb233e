// Keyboard focus order over the interactive widgets of a frame (Tab / Shift+Tab), pure so it
// can be tested: ImGui 1.86 only tabs between text fields, the course needs every control.
#pragma once

#include <string>
#include <vector>

#include "app/view/semantics.h"

namespace granice::view {

// Ids of the widgets Tab visits, in reading order (the order they were drawn), skipping disabled ones.
std::vector<std::string> TabStops(const SemanticTree& tree);

// The id to focus after `current` (empty = nothing focused yet), wrapping around; empty when
// there is nothing to focus. Shift+Tab passes backwards = true.
std::string NextFocus(const std::vector<std::string>& stops, const std::string& current, bool backwards);

}  // namespace granice::view
