#include "core/engines/roleplay_graph.h"

#include <algorithm>
#include <map>

namespace granice {

namespace {

// Edge visits allowed when enumerating simple paths in a graph with loops.
constexpr long kPathBudget = 200000;

bool is_terminal(const RolePlayNode& n) { return n.is_ending; }

class SimplePathSearch {
 public:
  SimplePathSearch(const RolePlayGraph& g, const std::vector<bool>& useful, const std::function<int(const Choice&)>& w)
      : g_(g), useful_(useful), weight_(w), on_path_(g.rp.nodes.size(), false) {}

  std::optional<int> run() {
    walk(g_.start, 0);
    return best_;
  }

 private:
  const RolePlayGraph& g_;
  const std::vector<bool>& useful_;
  const std::function<int(const Choice&)>& weight_;
  std::vector<bool> on_path_;
  std::optional<int> best_;
  long budget_ = kPathBudget;

  void walk(int node, int total) {
    if (budget_-- <= 0) return;
    const auto& n = g_.rp.nodes[node];
    if (is_terminal(n)) {
      if (!best_ || total > *best_) best_ = total;
      return;
    }
    on_path_[node] = true;
    for (std::size_t c = 0; c < n.choices.size(); ++c) {
      const int to = g_.next[node][c];
      if (to >= 0 && useful_[to] && !on_path_[to]) walk(to, total + weight_(n.choices[c]));
    }
    on_path_[node] = false;
  }
};

}  // namespace

RolePlayGraph::RolePlayGraph(const RolePlay& play) : rp(play) {
  std::map<std::string, int, std::less<>> index;
  for (std::size_t i = 0; i < rp.nodes.size(); ++i) index.emplace(rp.nodes[i].id, static_cast<int>(i));
  auto find = [&](const std::string& id) {
    auto it = index.find(id);
    return it == index.end() ? -1 : it->second;
  };
  start = find(rp.start);
  next.resize(rp.nodes.size());
  for (std::size_t i = 0; i < rp.nodes.size(); ++i) {
    for (const auto& c : rp.nodes[i].choices) next[i].push_back(find(c.next));
  }
}

std::vector<bool> RolePlayGraph::reachable() const {
  std::vector<bool> seen(rp.nodes.size(), false);
  if (start < 0) return seen;
  std::vector<int> todo{start};
  seen[start] = true;
  while (!todo.empty()) {
    const int n = todo.back();
    todo.pop_back();
    if (rp.nodes[n].is_ending) continue;  // an ending finishes the conversation
    for (const int to : next[n]) {
      if (to >= 0 && !seen[to]) {
        seen[to] = true;
        todo.push_back(to);
      }
    }
  }
  return seen;
}

std::vector<bool> RolePlayGraph::reaches_ending() const {
  const std::size_t count = rp.nodes.size();
  std::vector<std::vector<int>> back(count);
  for (std::size_t n = 0; n < count; ++n) {
    if (rp.nodes[n].is_ending) continue;
    for (const int to : next[n]) {
      if (to >= 0) back[to].push_back(static_cast<int>(n));
    }
  }
  std::vector<bool> good(count, false);
  std::vector<int> todo;
  for (std::size_t n = 0; n < count; ++n) {
    if (rp.nodes[n].is_ending) {
      good[n] = true;
      todo.push_back(static_cast<int>(n));
    }
  }
  while (!todo.empty()) {
    const int n = todo.back();
    todo.pop_back();
    for (const int from : back[n]) {
      if (!good[from]) {
        good[from] = true;
        todo.push_back(from);
      }
    }
  }
  return good;
}

std::optional<int> best_path_total(const RolePlay& rp, const std::function<int(const Choice&)>& weight) {
  const RolePlayGraph g(rp);
  if (g.start < 0) return std::nullopt;
  const auto reach = g.reachable();
  const auto ends = g.reaches_ending();
  std::vector<bool> useful(rp.nodes.size());
  for (std::size_t i = 0; i < useful.size(); ++i) useful[i] = reach[i] && ends[i];
  if (!useful[g.start]) return std::nullopt;

  // Depth-first order over useful nodes; a back edge means a loop and exact DP no longer applies.
  enum Mark { kNew, kOpen, kDone };
  std::vector<Mark> mark(rp.nodes.size(), kNew);
  std::vector<std::optional<int>> best(rp.nodes.size());
  bool has_loop = false;
  std::function<void(int)> visit = [&](int n) {
    mark[n] = kOpen;
    const auto& node = rp.nodes[n];
    if (is_terminal(node)) {
      best[n] = 0;
    } else {
      for (std::size_t c = 0; c < node.choices.size(); ++c) {
        const int to = g.next[n][c];
        if (to < 0 || !useful[to]) continue;
        if (mark[to] == kOpen) {
          has_loop = true;
          continue;
        }
        if (mark[to] == kNew) visit(to);
        if (best[to]) {
          const int total = weight(node.choices[c]) + *best[to];
          if (!best[n] || total > *best[n]) best[n] = total;
        }
      }
    }
    mark[n] = kDone;
  };
  visit(g.start);
  if (!has_loop) return best[g.start];
  return SimplePathSearch(g, useful, weight).run();
}

void compute_rubric_max(RolePlay& rp) {
  for (auto& criterion : rp.rubric) {
    const std::string& id = criterion.id;
    const auto total = best_path_total(rp, [&](const Choice& c) {
      auto it = c.scores.find(id);
      return it == c.scores.end() ? 0 : it->second;
    });
    criterion.max = total.value_or(0);
  }
}

int longest_decision_path(const RolePlay& rp) {
  return best_path_total(rp, [](const Choice&) { return 1; }).value_or(0);
}

}  // namespace granice
