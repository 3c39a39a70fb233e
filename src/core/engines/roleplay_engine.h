// Step-style walk through a role-play conversation graph.
//
//   RolePlaySession s(roleplay, ReplyOrder{true, seed, run});  // at roleplay.start
//   while (s.can_continue()) {
//     show s.node().client, s.node().mood; for (int i : s.presented()) show s.choices()[i].text;
//     s.choose(i);                             // a model index (authored order); false if invalid
//     show s.history().back().choice->feedback (when feedback is immediate)
//   }
//   Debrief d = s.debrief();                   // steps, ending, rubric totals, honoured/broken guidelines
//   s.reset();                                 // replay from the start
//   auto r = RolePlaySession::from_path(roleplay, saved_path, order);  // resume: re-walks and validates
//
// Choices are always named by their index in the content (or their id); presented() is only the
// order they are shown in. It depends on (seed, role-play, node, run, step) alone, so a resume
// shows the same order, and a replay or a second visit to a node in a loop may show another.
// Sessions keep pointers into the (immutable) RolePlay; it must outlive them.
#pragma once

#include <cstdint>
#include <map>
#include <string_view>
#include <optional>
#include <string>
#include <vector>

#include "core/content/model.h"

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

// How the replies of each node are ordered on screen. Default: authored order.
struct ReplyOrder {
  bool shuffle = false;
  std::uint64_t seed = 0;  // the learner's seed
  int run = 0;             // finished walks before this one (a replay gets another order)
};

// Display order (model indices) of the replies of `node` at step `step` of a walk.
std::vector<int> reply_order(const RolePlay& rp, const RolePlayNode& node, int step, const ReplyOrder& order);

// Index of the reply with id `id` at `node` ("#N": authored index N); -1 when there is none.
int reply_index(const RolePlayNode& node, std::string_view id);

// A walk written as reply ids, one per step (what the learner's state and records keep). "#N" names
// the reply at authored index N (records written before replies had ids).
using ReplyPath = std::vector<std::string>;

// The walk's choice indices; nullopt (and `error`) when a step names no reply of the node reached.
std::optional<std::vector<int>> reply_path_indices(const RolePlay& rp, const ReplyPath& path, std::string* error = nullptr);

class RolePlaySession {
 public:
  explicit RolePlaySession(const RolePlay& rp, ReplyOrder order = {});

  // Re-walks `path` (choice indices) from the start. nullopt when a choice does not exist
  // (content changed) or the path runs past an ending; `error` then says where.
  static std::optional<RolePlaySession> from_path(const RolePlay& rp, const std::vector<int>& path,
                                                  std::string* error = nullptr, ReplyOrder order = {});

  // from_path() for a walk written as reply ids.
  static std::optional<RolePlaySession> from_replies(const RolePlay& rp, const ReplyPath& path,
                                                     std::string* error = nullptr, ReplyOrder order = {});

  const RolePlay& roleplay() const { return *rp_; }
  bool valid() const { return node_ >= 0; }  // false when the start node is missing
  const RolePlayNode& node() const;          // current node (an ending once ended)
  int node_index() const { return node_; }
  const std::vector<Choice>& choices() const;  // empty once ended; authored order
  const std::vector<int>& presented() const { return presented_; }  // display order of choices()
  const ReplyOrder& order() const { return order_; }
  bool ended() const;
  bool can_continue() const { return valid() && !ended() && steps() < kMaxRolePlaySteps; }

  bool choose(std::size_t i);
  void reset();

  const std::vector<int>& path() const { return path_; }
  ReplyPath reply_path() const;  // the walk as reply ids
  int steps() const { return static_cast<int>(path_.size()); }
  const std::vector<RolePlayStep>& history() const { return history_; }

  std::optional<Outcome> outcome() const;   // once ended
  const RolePlayNode* ending() const;       // once ended
  std::map<std::string, int> totals() const;  // rubric id -> points so far (every criterion present)
  std::vector<RubricTotal> rubric() const;
  Debrief debrief() const;

 private:
  void present();  // presented_ for the current node and step

  const RolePlay* rp_;
  ReplyOrder order_;
  std::vector<int> presented_;
  std::vector<RubricBound> bounds_;
  std::vector<int> display_max_;
  int node_ = -1;
  std::vector<int> path_;
  std::vector<RolePlayStep> history_;
};

}  // namespace granice
