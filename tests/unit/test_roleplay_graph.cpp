#include <catch2/catch.hpp>

#include "core/engines/roleplay_graph.h"
#include "core/text/text_match.h"
#include "core/content/content_hash.h"

using namespace granice;

namespace {

// Node spec: id, ending?, then (next, points) per choice.
RolePlay make_play(const std::vector<std::tuple<std::string, bool, std::vector<std::pair<std::string, int>>>>& spec) {
  RolePlay rp;
  rp.start = std::get<0>(spec.front());
  rp.rubric.push_back(RubricCriterion{"r", {}, 0});
  for (const auto& [id, ending, choices] : spec) {
    RolePlayNode n;
    n.id = id;
    n.is_ending = ending;
    for (const auto& [next, points] : choices) {
      Choice c;
      c.next = next;
      c.scores.emplace("r", points);
      n.choices.push_back(c);
    }
    rp.nodes.push_back(n);
  }
  return rp;
}

}  // namespace

TEST_CASE("roleplay graph: acyclic best totals and longest decision path", "[roleplay_graph]") {
  auto rp = make_play({{"a", false, {{"b", 1}, {"end", 5}}},
                       {"b", false, {{"c", 2}, {"end", 0}}},
                       {"c", false, {{"end", 3}, {"end", -1}}},
                       {"end", true, {}}});
  compute_rubric_max(rp);
  CHECK(rp.rubric[0].max == 6);  // a->b->c->end: 1+2+3
  CHECK(longest_decision_path(rp) == 3);
}

TEST_CASE("roleplay graph: loops are bounded to simple paths", "[roleplay_graph]") {
  // b <-> c loop with a positive score on each turn; only simple paths count.
  auto rp = make_play({{"a", false, {{"b", 0}, {"end", 0}}},
                       {"b", false, {{"c", 10}, {"end", 1}}},
                       {"c", false, {{"b", 10}, {"end", 1}}},
                       {"end", true, {}}});
  compute_rubric_max(rp);
  CHECK(rp.rubric[0].max == 11);  // a->b->c->end
  CHECK(longest_decision_path(rp) == 3);
  const RolePlayGraph g(rp);
  CHECK(g.start == 0);
  CHECK(g.reachable() == std::vector<bool>{true, true, true, true});
}

TEST_CASE("roleplay graph: traps, unreachable nodes and a missing start", "[roleplay_graph]") {
  auto rp = make_play({{"a", false, {{"b", 0}, {"end", 0}}},
                       {"b", false, {{"b", 0}, {"zzz", 0}}},
                       {"end", true, {}},
                       {"lost", false, {{"end", 0}, {"end", 0}}}});
  const RolePlayGraph g(rp);
  CHECK(g.next[1] == std::vector<int>{1, -1});
  CHECK(g.reachable() == std::vector<bool>{true, true, true, false});
  CHECK(g.reaches_ending() == std::vector<bool>{true, false, true, true});
  rp.start = "nowhere";
  CHECK_FALSE(best_path_total(rp, [](const Choice&) { return 1; }));
  CHECK(longest_decision_path(rp) == 0);
}

TEST_CASE("roleplay graph: a dense loop stays within the search budget", "[roleplay_graph]") {
  // 14 nodes all linked to each other: factorially many simple paths, must still return quickly.
  std::vector<std::tuple<std::string, bool, std::vector<std::pair<std::string, int>>>> spec;
  for (int i = 0; i < 14; ++i) {
    std::vector<std::pair<std::string, int>> choices;
    for (int j = 0; j < 14; ++j) {
      if (j != i) choices.emplace_back("n" + std::to_string(j), 1);
    }
    choices.emplace_back("end", 0);
    spec.emplace_back("n" + std::to_string(i), false, choices);
  }
  spec.emplace_back("end", true, std::vector<std::pair<std::string, int>>{});
  auto rp = make_play(spec);
  compute_rubric_max(rp);
  CHECK(rp.rubric[0].max >= 1);
  CHECK(rp.rubric[0].max <= 13);
}

TEST_CASE("text_match: ids, typos and hashes", "[text_match]") {
  CHECK(is_valid_id("b-q1.x_2"));
  CHECK_FALSE(is_valid_id(""));
  CHECK_FALSE(is_valid_id("a b"));
  CHECK_FALSE(is_valid_id("zażółć"));
  CHECK_FALSE(is_valid_id(std::string(65, 'a')));
  CHECK(is_valid_id(std::string(64, 'a')));
  CHECK(edit_distance("corect", "correct") == 1);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(closest_match("feedbak", {"text", "feedback"}) == "feedback");
  CHECK(closest_match("zzz", {"text", "feedback"}).empty());
  Fnv1a64 empty;
  CHECK(empty.hex() == "cbf29ce484222325");  // published FNV-1a 64 test vectors
  Fnv1a64 a;
  a.add("a");
  CHECK(a.hex() == "af63dc4c8601ec8c");
}
