// Step-style walk through a role-play conversation graph.
//
//   RolePlaySession s(roleplay);               // at roleplay.start
//   while (s.can_continue()) {
//     show s.node().client, s.node().mood; for (auto& c : s.choices()) show c.text;
//     s.choose(i);                             // false if i is invalid
//     show s.history().back().choice->feedback (when feedback is immediate)
//   }
//   Debrief d = s.debrief();                   // steps, ending, rubric totals, honoured/broken guidelines
//   s.reset();                                 // replay from the start
//   auto r = RolePlaySession::from_path(roleplay, saved_path);  // resume: re-walks and validates
//
// Sessions keep pointers into the (immutable) RolePlay; it must outlive them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"

namespace granice {

// Longest walk accepted (protects against loops that never reach an ending).
inline constexpr int kMaxRolePlaySteps = 200;

struct RubricBound {
  std::string id;
  int min = 0;  // lowest total reachable on a complete walk
  int max = 0;  // highest total reachable on a complete walk
};

// Lowest/highest totals per rubric criterion over every walk from start to an ending within
// kMaxRolePlaySteps choices (loops included, so a loop that adds points raises `max`).
// Walks that cannot end are ignored. Every finished session's totals lie within these bounds.
std::vector<RubricBound> rubric_bounds(const RolePlay& rp);

const char* outcome_name(Outcome o);  // "good" / "partial" / "poor"
int outcome_rank(Outcome o);          // good 2, partial 1, poor 0 (for "best outcome")

struct RolePlayStep {
  const RolePlayNode* node = nullptr;  // where the choice was made (client line, mood)
  int choice_index = 0;
  const Choice* choice = nullptr;      // text, feedback, honours, breaks, scores
};

struct RubricTotal {
  std::string id;
  const LocalText* label = nullptr;
  int score = 0;
  int max = 0;        // best total along a simple path: RubricCriterion::max, or computed when 0
  int min = 0;        // lowest total reachable on a complete walk (rubric_bounds)
  int bound_max = 0;  // highest total on any walk; exceeds `max` only when a loop adds points
};

struct Debrief {
  std::vector<RolePlayStep> steps;
  const RolePlayNode* ending = nullptr;  // null while not ended
  std::vector<RubricTotal> rubric;
  std::vector<std::string> honoured;     // objective ids honoured at least once (first-seen order)
  std::vector<std::string> broken;       // objective ids broken at least once
};

class RolePlaySession {
 public:
  explicit RolePlaySession(const RolePlay& rp);

  // Re-walks `path` (choice indices) from the start. nullopt when a choice does not exist
  // (content changed) or the path runs past an ending; `error` then says where.
  static std::optional<RolePlaySession> from_path(const RolePlay& rp, const std::vector<int>& path,
                                                  std::string* error = nullptr);

  const RolePlay& roleplay() const { return *rp_; }
  bool valid() const { return node_ >= 0; }  // false when the start node is missing
  const RolePlayNode& node() const;          // current node (an ending once ended)
  int node_index() const { return node_; }
  const std::vector<Choice>& choices() const;  // empty once ended
  bool ended() const;
  bool can_continue() const { return valid() && !ended() && steps() < kMaxRolePlaySteps; }

  bool choose(std::size_t i);
  void reset();

  const std::vector<int>& path() const { return path_; }
  int steps() const { return static_cast<int>(path_.size()); }
  const std::vector<RolePlayStep>& history() const { return history_; }

  std::optional<Outcome> outcome() const;   // once ended
  const RolePlayNode* ending() const;       // once ended
  std::map<std::string, int> totals() const;  // rubric id -> points so far (every criterion present)
  std::vector<RubricTotal> rubric() const;
  Debrief debrief() const;

 private:
  const RolePlay* rp_;
  std::vector<RubricBound> bounds_;
  std::vector<int> display_max_;
  int node_ = -1;
  std::vector<int> path_;
  std::vector<RolePlayStep> history_;
};

}  // namespace granice
