#include <catch2/catch.hpp>
#include <functional>

#include "core/state/course_state.h"
#include "core/state/record.h"
#include "core/engines/roleplay_engine.h"
#include "core/state/snapshot.h"
#include <algorithm>
#include "test_course_fixture.h"

using namespace granice;
using namespace granice::test;

TEST_CASE("role-play: walking the good path", "[roleplay]") {
  const RolePlay rp = make_roleplay("rp", "obj1");
  RolePlaySession s(rp);
  REQUIRE(s.valid());
  CHECK(s.node().id == "n1");
  CHECK(s.choices().size() == 3);
  CHECK(s.can_continue());
  CHECK_FALSE(s.ended());
  CHECK_FALSE(s.outcome());
  CHECK_FALSE(s.choose(3));  // no such choice
  int steps = 0;
  while (s.can_continue()) {
    REQUIRE(s.choose(0));
    ++steps;
  }
  CHECK(steps == 5);
  CHECK(s.ended());
  CHECK(s.node().id == "end_good");
  REQUIRE(s.outcome());
  CHECK(*s.outcome() == Outcome::Good);
  CHECK(s.choices().empty());
  CHECK_FALSE(s.choose(0));
  CHECK(s.path() == std::vector<int>{0, 0, 0, 0, 0});
  const auto t = s.totals();
  CHECK(t.at("boundary_kept") == 4);
  CHECK(t.at("empathy_shown") == 3);

  const Debrief d = s.debrief();
  REQUIRE(d.steps.size() == 5);
  CHECK(d.steps[0].node->id == "n1");
  CHECK(d.steps[0].choice->text.in("en") == "n1 kind and clear");
  CHECK(d.steps[0].choice->feedback.in("en") == "Feedback: n1 kind and clear");
  REQUIRE(d.ending);
  CHECK(d.ending->debrief.in("en") == "Debrief end_good");
  CHECK(d.honoured == std::vector<std::string>{"obj1"});
  CHECK(d.broken.empty());
  REQUIRE(d.rubric.size() == 2);
  CHECK(d.rubric[0].id == "boundary_kept");
  CHECK(d.rubric[0].score == 4);
  CHECK(d.rubric[0].max == 4);  // computed (the fixture leaves RubricCriterion::max at 0)
  CHECK(d.rubric[0].label->in("en") == "Boundary kept");

  s.reset();
  CHECK(s.node().id == "n1");
  CHECK(s.path().empty());
  CHECK(s.history().empty());
}

TEST_CASE("role-play: loops, poor ending, restore from a path", "[roleplay]") {
  const RolePlay rp = make_roleplay("rp", "obj1");
  RolePlaySession s(rp);
  REQUIRE(s.choose(1));  // warm only -> n2
  REQUIRE(s.choose(1));  // loops back to n1
  CHECK(s.node().id == "n1");
  REQUIRE(s.choose(2));  // cold -> poor
  CHECK(*s.outcome() == Outcome::Poor);
  CHECK(s.totals().at("empathy_shown") == 0);
  CHECK(s.debrief().broken == std::vector<std::string>{"obj1"});

  std::string err;
  auto r = RolePlaySession::from_path(rp, s.path(), &err);
  REQUIRE(r);
  CHECK(r->path() == s.path());
  CHECK(r->node().id == s.node().id);
  CHECK(r->totals() == s.totals());

  CHECK_FALSE(RolePlaySession::from_path(rp, {0, 5}, &err));
  CHECK(err.find("step 2") != std::string::npos);
  CHECK_FALSE(RolePlaySession::from_path(rp, {2, 0}, &err));  // runs past the ending
  CHECK_FALSE(RolePlaySession::from_path(rp, {-1}, &err));
  CHECK(RolePlaySession::from_path(rp, {}, &err));

  RolePlay broken = rp;
  broken.start = "missing";
  RolePlaySession b(broken);
  CHECK_FALSE(b.valid());
  CHECK_FALSE(b.can_continue());
  CHECK_FALSE(RolePlaySession::from_path(broken, {}, &err));
}

TEST_CASE("role-play: every walk ends with totals inside rubric_bounds", "[roleplay]") {
  const RolePlay rp = make_roleplay("rp", "obj1");
  const auto bounds = rubric_bounds(rp);
  REQUIRE(bounds.size() == 2);
  // The loop n1 -> n2 -> n1 adds a boundary point each time round: the walk bound is large,
  // the displayed max (best simple path) is 4.
  CHECK(bounds[0].max > 4);
  CHECK(bounds[0].min == -1);
  CHECK(RolePlaySession(rp).rubric()[0].max == 4);
  CHECK(RolePlaySession(rp).rubric()[1].max == 4);  // n1 -> n3 -> n4 -> n5 warm close
  int endings = 0;
  std::function<void(RolePlaySession, int)> dfs = [&](RolePlaySession s, int depth) {
    if (s.ended()) {
      ++endings;
      for (const auto& r : s.rubric()) {
        const auto& b = bounds[r.id == "boundary_kept" ? 0 : 1];
        CHECK(r.score <= b.max);
        CHECK(r.score >= b.min);
      }
      return;
    }
    if (depth > 12) return;  // bounded for the loop
    for (std::size_t i = 0; i < s.choices().size(); ++i) {
      RolePlaySession next = s;  // copy = snapshot of the walk
      REQUIRE(next.choose(i));
      dfs(next, depth + 1);
    }
  };
  dfs(RolePlaySession(rp), 0);
  CHECK(endings > 10);
}

TEST_CASE("role-play progress in the course state: resume, runs, best outcome", "[roleplay][state]") {
  Course c = make_course();
  CourseState st = new_state(c, "l", "L", "en", 1, 100);
  auto s = begin_roleplay(c, st, "mod1", 100);
  REQUIRE(s);
  s->choose(0);
  record_choice(st, "mod1", *s, 4.0, 101);
  s->choose(0);
  record_choice(st, "mod1", *s, 2.0, 102);
  CHECK(progress(st, "mod1").roleplay.in_progress);
  CHECK(progress(st, "mod1").roleplay.path == ReplyPath{"a", "a"});  // replies by id, never by position

  auto resumed = begin_roleplay(c, st, "mod1", 103);
  REQUIRE(resumed);
  CHECK(resumed->path() == std::vector<int>{0, 0});
  CHECK(resumed->node().id == "n3");
  resumed->choose(1);  // -> partial
  record_choice(st, "mod1", *resumed, 1.0, 104);
  const auto& p = progress(st, "mod1").roleplay;
  CHECK_FALSE(p.in_progress);
  CHECK(p.runs == 1);
  CHECK(*p.best_outcome == Outcome::Partial);
  CHECK(p.last_ending == "end_partial");
  CHECK(p.last_path == ReplyPath{"a", "a", "b"});
  CHECK(p.last_rubric.at("boundary_kept") == 2);
  REQUIRE(st.interactions.size() == 3);
  CHECK(st.interactions[2].id == "mod1-rp.n3");
  CHECK(st.interactions[2].type == InteractionType::Other);
  CHECK(st.interactions[2].result == InteractionResult::Neutral);

  // Replay: a new walk starts; a poorer outcome does not lower the best one.
  auto again = begin_roleplay(c, st, "mod1", 105);
  REQUIRE(again);
  CHECK(again->path().empty());
  again->choose(2);
  record_choice(st, "mod1", *again, 1.0, 106);
  CHECK(progress(st, "mod1").roleplay.runs == 2);
  CHECK(*progress(st, "mod1").roleplay.best_outcome == Outcome::Partial);
  CHECK(progress(st, "mod1").roleplay.last_ending == "end_poor");

  CHECK_FALSE(begin_roleplay(c, st, "nope", 107));
}

// [SECTION] Replies in a fair order
TEST_CASE("role-play replies: a seeded order that only the seed, node, run and step decide", "[roleplay][shuffle]") {
  const RolePlay rp = make_roleplay("rp", "obj1");
  const RolePlayNode& n1 = rp.nodes[0];
  REQUIRE(n1.choices.size() == 3);
  // Off: authored order.
  CHECK(RolePlaySession(rp).presented() == std::vector<int>{0, 1, 2});
  CHECK(reply_order(rp, n1, 0, ReplyOrder{false, 99, 0}) == std::vector<int>{0, 1, 2});
  // On: a permutation, the same for the same inputs.
  const ReplyOrder on{true, 12345, 0};
  const auto a = reply_order(rp, n1, 0, on);
  CHECK(a == reply_order(rp, n1, 0, on));
  CHECK(std::is_permutation(a.begin(), a.end(), std::vector<int>{0, 1, 2}.begin()));
  CHECK(RolePlaySession(rp, on).presented() == a);
  // Over many seeds every reply is shown first about equally often (3 replies: 1/3 each).
  std::vector<int> first(3, 0);
  for (std::uint64_t seed = 0; seed < 3000; ++seed) ++first[static_cast<std::size_t>(reply_order(rp, n1, 0, {true, seed, 0})[0])];
  for (int f : first) CHECK((f > 850 && f < 1150));
  // A replay (next run) or a later visit (another step) may show another order: over seeds, some differ.
  int differs_run = 0, differs_step = 0;
  for (std::uint64_t seed = 0; seed < 50; ++seed) {
    differs_run += reply_order(rp, n1, 0, {true, seed, 0}) != reply_order(rp, n1, 0, {true, seed, 1});
    differs_step += reply_order(rp, n1, 0, {true, seed, 0}) != reply_order(rp, n1, 2, {true, seed, 0});
  }
  CHECK(differs_run > 20);
  CHECK(differs_step > 20);
}

TEST_CASE("role-play replies: the shown order survives a resume, snapshot and record, choices stay by id", "[roleplay][shuffle][state]") {
  Course c = make_course();
  REQUIRE(c.shuffle_replies);
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    CourseState st = new_state(c, "l", "L", "en", seed, 100);
    auto s = begin_roleplay(c, st, "mod1", 100);
    REQUIRE(s);
    // Take the reply shown last at each step: the walk depends on the order only through the learner.
    s->choose(static_cast<std::size_t>(s->presented().back()));
    record_choice(st, "mod1", *s, 1.0, 101);
    if (s->ended()) continue;
    const std::vector<int> shown = s->presented();
    const std::string node = s->node().id;
    INFO("seed " << seed << " at " << node);
    CHECK(st.interactions.back().learner_response == s->history().back().choice->id);
    // Resume from the state, from its snapshot and from its record: same node, same order.
    auto resumed = begin_roleplay(c, st, "mod1", 102);
    REQUIRE(resumed);
    CHECK(resumed->node().id == node);
    CHECK(resumed->presented() == shown);
    const auto snap = decode_snapshot(c, encode_snapshot(c, st));
    REQUIRE(snap.state);
    CourseState from_snap = *snap.state;
    auto s2 = begin_roleplay(c, from_snap, "mod1", 102);
    REQUIRE(s2);
    CHECK(s2->presented() == shown);
    const auto rec = from_record(to_record(c, st));
    REQUIRE(rec.state);
    CHECK(rec.state->modules == st.modules);
  }
}

TEST_CASE("role-play replies: walks written by reply id, and old records' indices", "[roleplay][state]") {
  const RolePlay rp = make_roleplay("rp", "obj1");
  CHECK(reply_path_indices(rp, {"a", "a", "b"}) == std::vector<int>{0, 0, 1});
  CHECK(reply_path_indices(rp, {"#0", "#0", "#1"}) == std::vector<int>{0, 0, 1});  // a record from before ids
  std::string err;
  CHECK_FALSE(reply_path_indices(rp, {"a", "zz"}, &err));
  CHECK(err == "role-play rp: step 2 (reply \"zz\" at node 'n2') no longer applies");
  CHECK_FALSE(reply_path_indices(rp, {"#7"}, &err));
  auto s = RolePlaySession::from_replies(rp, {"a", "a", "b"});
  REQUIRE(s);
  CHECK(s->ended());
  CHECK(s->reply_path() == ReplyPath{"a", "a", "b"});
}

TEST_CASE("role-play replies: a record written before reply ids still reads and resumes", "[roleplay][record]") {
  Course c = make_course();
  CourseState st = new_state(c, "l", "L", "en", 5, 100);
  auto s = begin_roleplay(c, st, "mod1", 100);
  REQUIRE(s);
  REQUIRE(s->choose(1));  // "b": n1 warm only -> n2
  record_choice(st, "mod1", *s, 1.0, 101);
  std::string rec = to_record(c, st);
  const std::string now_written = "\"reply\": \"b\"";
  const auto at = rec.find(now_written);
  REQUIRE(at != std::string::npos);
  rec.replace(at, now_written.size(), "\"choice\": 1");  // how the first release wrote it
  const auto old = from_record(rec);
  REQUIRE(old.state);
  const ModuleProgress* p = find_progress(*old.state, "mod1");
  REQUIRE(p);
  CHECK(p->roleplay.path == ReplyPath{"#1"});
  CourseState resumed_state = *old.state;
  auto resumed = begin_roleplay(c, resumed_state, "mod1", 102);
  REQUIRE(resumed);
  CHECK(resumed->node().id == "n2");
  CHECK(resumed->reply_path() == ReplyPath{"b"});
}
