// Graph questions about a role-play's conversation: who is reachable, who can still reach an
// ending, and the best totals along a path. Shared by the validator, the loader and stats.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "core/content/model.h"

namespace granice {

struct RolePlayGraph {
  explicit RolePlayGraph(const RolePlay& rp);

  const RolePlay& rp;
  int start = -1;                          // -1 when the start id names no node
  std::vector<std::vector<int>> next;      // per node, per choice: target index or -1 (unknown id)

  std::vector<bool> reachable() const;     // from start
  std::vector<bool> reaches_ending() const;
};

// The largest total of weight(choice) over simple paths from start to an ending; nullopt when no
// ending is reachable. Acyclic graphs are solved exactly; with loops, simple paths are explored up
// to a fixed budget (content graphs are far smaller), so the answer stays bounded and fast.
std::optional<int> best_path_total(const RolePlay& rp, const std::function<int(const Choice&)>& weight);

// Fills RubricCriterion::max: the best total of that criterion along any path (0 if none).
void compute_rubric_max(RolePlay& rp);

// Most decisions (choices taken) on a simple path from start to an ending; 0 if none.
int longest_decision_path(const RolePlay& rp);

}  // namespace granice
