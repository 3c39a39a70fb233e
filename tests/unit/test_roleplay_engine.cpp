#include <catch2/catch.hpp>
#include <functional>

#include "core/course_state.h"
#include "core/roleplay_engine.h"
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
