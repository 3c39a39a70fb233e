#include "app/view/focus_order.h"

#include <algorithm>

namespace granice::view {

std::vector<std::string> TabStops(const SemanticTree& tree) {
  std::vector<std::string> ids;
  for (const SemanticNode& n : tree.nodes) {
    if (IsControl(n.role) && !n.disabled && !n.id.empty() &&
        std::find(ids.begin(), ids.end(), n.id) == ids.end())
      ids.push_back(n.id);
  }
  return ids;
}

std::string NextFocus(const std::vector<std::string>& stops, const std::string& current, bool backwards) {
  if (stops.empty()) return {};
  const auto it = std::find(stops.begin(), stops.end(), current);
  if (it == stops.end()) return backwards ? stops.back() : stops.front();
  const auto i = static_cast<size_t>(it - stops.begin());
  const size_t n = stops.size();
  return stops[backwards ? (i + n - 1) % n : (i + 1) % n];
}

}  // namespace granice::view
