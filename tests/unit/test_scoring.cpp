#include <catch2/catch.hpp>

#include "core/engines/scoring.h"
#include "test_course_fixture.h"

using namespace granice;
using namespace granice::test;

static Response sel(std::vector<int> v) {
  Response r;
  r.selected = std::move(v);
  return r;
}
static Response ord(std::vector<int> v) {
  Response r;
  r.order = std::move(v);
  return r;
}
static Response mat(std::vector<int> v) {
  Response r;
  r.match = std::move(v);
  return r;
}

TEST_CASE("single_choice, best_reply, true_false: 1 for the correct option, else 0", "[scoring]") {
  Question sc = single_choice("q", 4, 2);
  sc.points = 2;
  CHECK(grade(sc, sel({2})).score == 1.0);
  CHECK(grade(sc, sel({2})).earned == 2.0);
  CHECK(grade(sc, sel({2})).possible == 2.0);
  CHECK(grade(sc, sel({2})).correct);
  CHECK(grade(sc, sel({0})).score == 0.0);
  CHECK_FALSE(grade(sc, sel({0})).correct);
  CHECK(grade(sc, sel({})).score == 0.0);
  CHECK(grade(sc, sel({0, 2})).score == 0.0);  // two ticks on a single-answer question never score

  Question br = best_reply("b", 3, 0);
  CHECK(grade(br, sel({0})).correct);
  CHECK(grade(br, sel({1})).score == 0.0);

  Question tf = true_false("t", false);
  CHECK(grade(tf, sel({1})).correct);  // "false" is option 1
  CHECK(grade(tf, sel({0})).score == 0.0);
}

TEST_CASE("multiple_response: (right - wrong) / number correct, at least 0", "[scoring]") {
  Question q = multiple_response("m", 5, {0, 2, 3});  // 3 correct, 2 wrong
  CHECK(grade(q, sel({0, 2, 3})).score == Approx(1.0));
  CHECK(grade(q, sel({0, 2, 3})).correct);
  CHECK(grade(q, sel({0, 2})).score == Approx(2.0 / 3.0));
  CHECK_FALSE(grade(q, sel({0, 2})).correct);
  CHECK(grade(q, sel({0})).score == Approx(1.0 / 3.0));
  CHECK(grade(q, sel({0, 2, 3, 1})).score == Approx(2.0 / 3.0));
  CHECK(grade(q, sel({0, 1})).score == Approx(0.0));
  CHECK(grade(q, sel({1, 4})).score == 0.0);  // clamped at 0, never negative
  CHECK(grade(q, sel({0, 1, 2, 3, 4})).score == Approx(1.0 / 3.0));
  CHECK(grade(q, sel({})).score == 0.0);
  q.points = 3;
  CHECK(grade(q, sel({0, 2})).earned == Approx(2.0));
}

TEST_CASE("ordering: share of items in their correct position", "[scoring]") {
  Question q = ordering("o", 4);
  CHECK(grade(q, ord({0, 1, 2, 3})).score == 1.0);
  CHECK(grade(q, ord({0, 1, 2, 3})).correct);
  CHECK(grade(q, ord({1, 0, 2, 3})).score == Approx(0.5));
  CHECK(grade(q, ord({3, 1, 2, 0})).score == Approx(0.5));
  CHECK(grade(q, ord({1, 2, 3, 0})).score == 0.0);
  CHECK(grade(q, ord({0, 2, 1, 3})).score == Approx(0.5));
  CHECK(grade(q, ord({})).score == 0.0);          // not arranged
  CHECK(grade(q, ord({0, 0, 1, 2})).score == 0.0);  // not a permutation: invalid, no credit
}

TEST_CASE("matching: share of sources paired with their own target", "[scoring]") {
  Question q = matching("x", 3);
  CHECK(grade(q, mat({0, 1, 2})).correct);
  CHECK(grade(q, mat({0, 2, 1})).score == Approx(1.0 / 3.0));
  CHECK(grade(q, mat({1, 2, 0})).score == 0.0);
  CHECK(grade(q, mat({0, -1, -1})).score == Approx(1.0 / 3.0));
  CHECK(grade(q, mat({0, 1, -1})).score == Approx(2.0 / 3.0));
  CHECK_FALSE(grade(q, mat({0, 1, -1})).correct);
  CHECK(grade(q, mat({0, 0, 0})).score == Approx(1.0 / 3.0));  // duplicates normalised away
}

TEST_CASE("correct_response always earns full marks, grades stay in 0..1", "[scoring]") {
  Rng rng(7);
  std::vector<Question> qs = {single_choice("a", 4, 3), multiple_response("b", 6, {1, 4}), true_false("c", true),
                              ordering("d", 6), matching("e", 5), best_reply("f", 3, 1)};
  for (const auto& q : qs) {
    CHECK(grade(q, correct_response(q)).correct);
    CHECK(fits(q, correct_response(q)));
    for (int i = 0; i < 200; ++i) {
      Response r = random_response(q, rng);
      CHECK(fits(q, r));
      const Grade g = grade(q, r);
      CHECK(g.score >= 0.0);
      CHECK(g.score <= 1.0);
      CHECK(g.correct == (g.score == 1.0));
    }
    // Garbage never crashes and never scores outside 0..1.
    Response junk;
    junk.selected = {-5, 99, 1, 1};
    junk.order = {7, -1};
    junk.match = {42};
    const Grade g = grade(q, junk);
    CHECK(g.score >= 0.0);
    CHECK(g.score <= 1.0);
  }
}

TEST_CASE("feedback per option / pair", "[scoring]") {
  Question q = single_choice("q", 3, 1);
  Feedback f = feedback_for(q, sel({2}));
  CHECK_FALSE(f.correct);
  REQUIRE(f.items.size() == 3);
  CHECK(f.items[2].chosen);
  CHECK_FALSE(f.items[2].correct);
  CHECK(f.items[1].correct);
  CHECK_FALSE(f.items[1].chosen);
  REQUIRE(f.items[2].text != nullptr);
  CHECK(f.items[2].text->in("en") == "q feedback c");
  CHECK(f.overall == nullptr);

  Question m = matching("m", 3);
  Feedback fm = feedback_for(m, mat({0, 2, 1}));
  CHECK_FALSE(fm.correct);
  REQUIRE(fm.overall != nullptr);
  CHECK(fm.overall->in("en") == "m some wrong");
  CHECK(fm.items[0].correct);
  CHECK_FALSE(fm.items[1].correct);
  CHECK(fm.items[1].text->in("en") == "m pair feedback p2");

  Question o = ordering("o", 3);
  Feedback fo = feedback_for(o, ord({0, 1, 2}));
  CHECK(fo.correct);
  CHECK(fo.overall->in("en") == "o right order");
}

TEST_CASE("SCORM response strings", "[scoring]") {
  CHECK(scorm_response(multiple_response("m", 4, {0, 2}), sel({0, 2})) == "a[,]c");
  CHECK(scorm_response(true_false("t", true), sel({0})) == "true");
  CHECK(scorm_response(ordering("o", 3), ord({2, 0, 1})) == "s3[,]s1[,]s2");
  CHECK(scorm_response(matching("x", 2), mat({1, 0})) == "p1[.]p2[,]p2[.]p1");
  CHECK(std::string(scorm_interaction_type(QuestionType::Ordering)) == "sequencing");
  CHECK(std::string(scorm_interaction_type(QuestionType::TrueFalse)) == "true-false");
  CHECK(std::string(scorm_interaction_type(QuestionType::BestReply)) == "choice");
}
