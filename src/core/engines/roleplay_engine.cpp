#include "core/engines/roleplay_engine.h"

#include <algorithm>
#include <climits>

#include "core/text/fnv.h"
#include "core/engines/rng.h"
#include "core/engines/roleplay_graph.h"

namespace granice {

static int find_node(const RolePlay& rp, const std::string& id) {
  for (std::size_t i = 0; i < rp.nodes.size(); ++i)
    if (rp.nodes[i].id == id) return static_cast<int>(i);
  return -1;
}

static int score_of(const Choice& c, const std::string& criterion) {
  auto it = c.scores.find(criterion);
  return it == c.scores.end() ? 0 : it->second;
}

std::vector<RubricBound> rubric_bounds(const RolePlay& rp) {
  std::vector<RubricBound> out;
  const std::size_t n = rp.nodes.size();
  // Resolve edges once.
  std::vector<std::vector<int>> next(n);
  for (std::size_t v = 0; v < n; ++v)
    for (const auto& c : rp.nodes[v].choices) next[v].push_back(find_node(rp, c.next));
  const int start = find_node(rp, rp.start);
  for (const auto& crit : rp.rubric) {
    RubricBound b{crit.id, 0, 0};
    if (start >= 0) {
      // hi[k][v] / lo[k][v]: best / worst total from v to an ending in at most k choices.
      constexpr long long kNone = LLONG_MIN / 4;
      std::vector<long long> hi(n, kNone), lo(n, -kNone);
      for (std::size_t v = 0; v < n; ++v)
        if (rp.nodes[v].is_ending) hi[v] = lo[v] = 0;
      for (int k = 0; k < kMaxRolePlaySteps; ++k) {
        std::vector<long long> nhi = hi, nlo = lo;
        bool changed = false;
        for (std::size_t v = 0; v < n; ++v) {
          if (rp.nodes[v].is_ending) continue;
          for (std::size_t e = 0; e < next[v].size(); ++e) {
            const int w = next[v][e];
            if (w < 0 || hi[static_cast<std::size_t>(w)] == kNone) continue;
            const long long s = score_of(rp.nodes[v].choices[e], crit.id);
            nhi[v] = std::max(nhi[v], s + hi[static_cast<std::size_t>(w)]);
            nlo[v] = std::min(nlo[v], s + lo[static_cast<std::size_t>(w)]);
          }
          if (nhi[v] != hi[v] || nlo[v] != lo[v]) changed = true;
        }
        hi.swap(nhi);
        lo.swap(nlo);
        if (!changed) break;
      }
      const auto s = static_cast<std::size_t>(start);
      if (hi[s] != kNone) {
        b.max = static_cast<int>(std::clamp<long long>(hi[s], INT_MIN, INT_MAX));
        b.min = static_cast<int>(std::clamp<long long>(lo[s], INT_MIN, INT_MAX));
      }
    }
    out.push_back(b);
  }
  return out;
}

const char* outcome_name(Outcome o) {
  switch (o) {
    case Outcome::Good: return "good";
    case Outcome::Partial: return "partial";
    default: return "poor";
  }
}

int outcome_rank(Outcome o) {
  switch (o) {
    case Outcome::Good: return 2;
    case Outcome::Partial: return 1;
    default: return 0;
  }
}

std::vector<int> reply_order(const RolePlay& rp, const RolePlayNode& node, int step, const ReplyOrder& order) {
  const int n = static_cast<int>(node.choices.size());
  if (!order.shuffle) {
    std::vector<int> same(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) same[static_cast<std::size_t>(i)] = i;
    return same;
  }
  const std::uint64_t where = fnv1a64(node.id, fnv1a64("#", fnv1a64(rp.id)));
  return shuffled_indices(n, mix(order.seed, where, mix(static_cast<std::uint64_t>(order.run), static_cast<std::uint64_t>(step))));
}

int reply_index(const RolePlayNode& node, std::string_view id) {
  if (id.size() > 1 && id.size() < 8 && id[0] == '#' && id.find_first_not_of("0123456789", 1) == std::string_view::npos) {
    const int c = std::stoi(std::string(id.substr(1)));
    return c < static_cast<int>(node.choices.size()) ? c : -1;
  }
  for (std::size_t i = 0; i < node.choices.size(); ++i)
    if (node.choices[i].id == id) return static_cast<int>(i);
  return -1;
}

void RolePlaySession::present() {
  presented_.clear();
  if (valid() && !ended()) presented_ = reply_order(*rp_, node(), steps(), order_);
}

RolePlaySession::RolePlaySession(const RolePlay& rp, ReplyOrder order)
    : rp_(&rp), order_(order), bounds_(rubric_bounds(rp)) {
  // Displayed maximum: the loader's RubricCriterion::max (best simple path) when present.
  for (std::size_t i = 0; i < rp.rubric.size(); ++i) {
    const std::string& id = rp.rubric[i].id;
    int best = rp.rubric[i].max;
    if (best <= 0) {
      best = best_path_total(rp, [&id](const Choice& c) {
               auto it = c.scores.find(id);
               return it == c.scores.end() ? 0 : it->second;
             }).value_or(0);
    }
    display_max_.push_back(best);
  }
  reset();
}

void RolePlaySession::reset() {
  node_ = find_node(*rp_, rp_->start);
  path_.clear();
  history_.clear();
  present();
}

std::optional<RolePlaySession> RolePlaySession::from_path(const RolePlay& rp, const std::vector<int>& path,
                                                          std::string* error, ReplyOrder order) {
  RolePlaySession s(rp, order);
  if (!s.valid()) {
    if (error) *error = "role-play " + rp.id + ": start node '" + rp.start + "' is missing";
    return std::nullopt;
  }
  for (std::size_t i = 0; i < path.size(); ++i) {
    const int c = path[i];
    if (!s.can_continue() || c < 0 || !s.choose(static_cast<std::size_t>(c))) {
      if (error)
        *error = "role-play " + rp.id + ": step " + std::to_string(i + 1) + " (choice " + std::to_string(c) +
                 " at node '" + s.node().id + "') no longer applies";
      return std::nullopt;
    }
  }
  return s;
}

std::optional<std::vector<int>> reply_path_indices(const RolePlay& rp, const ReplyPath& path, std::string* error) {
  std::vector<int> out;
  int at = find_node(rp, rp.start);
  for (std::size_t i = 0; i < path.size(); ++i) {
    const RolePlayNode* n = at >= 0 ? &rp.nodes[static_cast<std::size_t>(at)] : nullptr;
    const int c = (n && !n->is_ending) ? reply_index(*n, path[i]) : -1;
    if (c < 0) {
      if (error)
        *error = "role-play " + rp.id + ": step " + std::to_string(i + 1) + " (reply \"" + path[i] + "\" at node '" +
                 (n ? n->id : std::string("?")) + "') no longer applies";
      return std::nullopt;
    }
    out.push_back(c);
    at = find_node(rp, n->choices[static_cast<std::size_t>(c)].next);
  }
  return out;
}

std::optional<RolePlaySession> RolePlaySession::from_replies(const RolePlay& rp, const ReplyPath& path, std::string* error,
                                                             ReplyOrder order) {
  const auto indices = reply_path_indices(rp, path, error);
  if (!indices) return std::nullopt;
  return from_path(rp, *indices, error, order);
}

ReplyPath RolePlaySession::reply_path() const {
  ReplyPath out;
  for (const auto& st : history_) out.push_back(st.choice->id);
  return out;
}

const RolePlayNode& RolePlaySession::node() const {
  static const RolePlayNode kEmpty{};
  return node_ >= 0 ? rp_->nodes[static_cast<std::size_t>(node_)] : kEmpty;
}

const std::vector<Choice>& RolePlaySession::choices() const {
  static const std::vector<Choice> kNone;
  return (valid() && !ended()) ? node().choices : kNone;
}

bool RolePlaySession::ended() const { return valid() && node().is_ending; }

bool RolePlaySession::choose(std::size_t i) {
  if (!can_continue() || i >= node().choices.size()) return false;
  const Choice& c = node().choices[i];
  const int next = find_node(*rp_, c.next);
  if (next < 0) return false;
  history_.push_back(RolePlayStep{&node(), static_cast<int>(i), &c});
  path_.push_back(static_cast<int>(i));
  node_ = next;
  present();
  return true;
}

std::optional<Outcome> RolePlaySession::outcome() const {
  if (!ended()) return std::nullopt;
  return node().outcome;
}

const RolePlayNode* RolePlaySession::ending() const { return ended() ? &node() : nullptr; }

std::map<std::string, int> RolePlaySession::totals() const {
  std::map<std::string, int> t;
  for (const auto& c : rp_->rubric) t[c.id] = 0;
  for (const auto& st : history_)
    for (const auto& [k, v] : st.choice->scores) t[k] += v;
  return t;
}

std::vector<RubricTotal> RolePlaySession::rubric() const {
  const auto t = totals();
  std::vector<RubricTotal> out;
  for (std::size_t i = 0; i < rp_->rubric.size(); ++i) {
    const auto& c = rp_->rubric[i];
    RubricTotal r;
    r.id = c.id;
    r.label = &c.label;
    r.score = t.at(c.id);
    r.max = display_max_[i];
    r.min = bounds_[i].min;
    r.bound_max = bounds_[i].max;
    out.push_back(r);
  }
  return out;
}

Debrief RolePlaySession::debrief() const {
  Debrief d;
  d.steps = history_;
  d.ending = ending();
  d.rubric = rubric();
  auto add = [](std::vector<std::string>& v, const std::string& s) {
    if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
  };
  for (const auto& st : history_) {
    for (const auto& h : st.choice->honours) add(d.honoured, h);
    for (const auto& b : st.choice->breaks) add(d.broken, b);
  }
  return d;
}

}  // namespace granice
