// README "Role-play": persona, rubric and the conversation nodes.
#include <algorithm>
#include <cstdint>

#include "core/content/load_parts.h"
#include "core/engines/roleplay_graph.h"
#include "core/text/text_match.h"
#include "core/content/validator.h"

namespace granice::load {

namespace {

const std::vector<std::string> kOutcomes = {"good", "partial", "poor"};

void read_objective_list(ObjectReader& r, const CourseRefs& refs, std::string_view key, std::vector<std::string>& out) {
  const json* list = r.array(key, Need::Optional, 0, "an array of objective ids");
  if (!list) return;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string ptr = json_pointer_child(r.child(key), i);
    const json& item = list->at(i);
    if (!item.is_string()) {
      r.ctx().at_value(ptr, "wrong type: " + json_kind(item), "an objective id");
      continue;
    }
    const auto& id = item.get_ref<const std::string&>();
    check_objective_ref(r.ctx(), refs, id, ptr);
    out.push_back(id);
  }
}

void read_scores(ObjectReader& r, const std::vector<std::string>& rubric_ids, Choice& c) {
  const json* scores = r.object("scores", Need::Optional, "an object of rubric id -> points");
  if (!scores) return;
  for (const auto& [key, value] : scores->items()) {
    const std::string ptr = json_pointer_child(r.child("scores"), key);
    if (std::find(rubric_ids.begin(), rubric_ids.end(), key) == rubric_ids.end()) {
      const std::string guess = closest_match(key, rubric_ids);
      r.ctx().at_key(ptr, "unknown rubric id \"" + key + "\"",
                     guess.empty() ? "one of the rubric ids " + quoted_list(rubric_ids) : "did you mean \"" + guess + "\"?");
      continue;
    }
    // Unsigned first: a huge number must not wrap around into the allowed range.
    const bool in_range = value.is_number_integer() &&
                          !(value.is_number_unsigned() && value.get<std::uint64_t>() > 100) &&
                          value.get<std::int64_t>() >= -100 && value.get<std::int64_t>() <= 100;
    if (!in_range) {
      r.ctx().at_value(ptr, "wrong value: " + value.dump(), "a whole number of points from -100 to 100");
      continue;
    }
    c.scores.emplace(key, value.get<int>());
  }
}

Choice read_choice(DocContext& ctx, const CourseRefs& refs, const std::vector<std::string>& rubric_ids, IdScope& ids,
                   const json& j, const std::string& pointer) {
  Choice c;
  ObjectReader r(ctx, j, pointer);
  if (auto id = r.id("id", Need::Required)) {
    ids.add(ctx, *id, r.child("id"));
    c.id = *id;
    check_response_id(ctx, *id, r.child("id"), "reply");
  }
  c.text = r.text("text", Need::Required);
  c.next = r.id("next", Need::Required).value_or("");
  read_scores(r, rubric_ids, c);
  read_objective_list(r, refs, "honours", c.honours);
  read_objective_list(r, refs, "breaks", c.breaks);
  c.feedback = r.text("feedback", Need::Required);
  return c;
}

RolePlayNode read_node(DocContext& ctx, const CourseRefs& refs, const std::vector<std::string>& rubric_ids,
                       IdScope& ids, const json& j, const std::string& pointer) {
  RolePlayNode n;
  ObjectReader r(ctx, j, pointer);
  if (!r.valid()) return n;
  if (auto id = r.id("id", Need::Required)) {
    ids.add(ctx, *id, r.child("id"));
    n.id = *id;
  }
  const json* ending = r.object("ending", Need::Optional, "an object with outcome, title and debrief");
  const json* choices = r.array("choices", Need::Optional, 0, "an array of choices");
  n.is_ending = ending != nullptr;
  n.client = r.text("client", n.is_ending ? Need::Optional : Need::Required);
  n.mood = r.text("mood", Need::Optional);
  read_lint_ok(r, LintOkSite::Node, n.lint_ok);
  if (ending && choices) {
    ctx.at_value(pointer, "node \"" + n.id + "\" has both choices and an ending", "either \"choices\" or \"ending\"");
  }
  if (ending) {
    ObjectReader e(ctx, *ending, r.child("ending"));
    const auto outcome = e.one_of("outcome", Need::Required, kOutcomes).value_or("poor");
    n.outcome = outcome == "good" ? Outcome::Good : outcome == "partial" ? Outcome::Partial : Outcome::Poor;
    n.ending_title = e.text("title", Need::Required);
    n.debrief = e.text("debrief", Need::Required);
  }
  if (choices) {
    IdScope reply_ids("reply", "within the node");
    for (std::size_t i = 0; i < choices->size(); ++i) {
      n.choices.push_back(
          read_choice(ctx, refs, rubric_ids, reply_ids, choices->at(i), json_pointer_child(r.child("choices"), i)));
    }
  }
  return n;
}

}  // namespace

RolePlay read_roleplay(DocContext& ctx, const CourseRefs& refs, const json& j, const std::string& pointer) {
  RolePlay rp;
  ObjectReader r(ctx, j, pointer);
  if (!r.valid()) return rp;
  rp.id = r.id("id", Need::Required).value_or("");
  if (const json* persona = r.object("persona", Need::Required, "an object with name, workplace and description")) {
    ObjectReader p(ctx, *persona, r.child("persona"));
    rp.persona_name = p.text("name", Need::Required);
    rp.workplace = p.text("workplace", Need::Required);
    rp.persona_description = p.text("description", Need::Required);
  }
  rp.intro = r.text("intro", Need::Required);
  read_lint_ok(r, LintOkSite::RolePlay, rp.lint_ok);

  std::vector<std::string> rubric_ids;
  if (const json* rubric = r.array("rubric", Need::Required, 1, "an array of rubric criteria, at least one")) {
    IdScope ids("rubric", "within the role-play");
    for (std::size_t i = 0; i < rubric->size(); ++i) {
      ObjectReader c(ctx, rubric->at(i), json_pointer_child(r.child("rubric"), i));
      RubricCriterion criterion;
      if (auto id = c.id("id", Need::Required)) {
        ids.add(ctx, *id, c.child("id"));
        criterion.id = *id;
        rubric_ids.push_back(*id);
      }
      criterion.label = c.text("label", Need::Required);
      rp.rubric.push_back(std::move(criterion));
    }
  }

  rp.start = r.id("start", Need::Required).value_or("");
  if (const json* nodes = r.array("nodes", Need::Required, 1, "an array of conversation nodes")) {
    IdScope ids("node", "within the role-play");
    for (std::size_t i = 0; i < nodes->size(); ++i) {
      rp.nodes.push_back(read_node(ctx, refs, rubric_ids, ids, nodes->at(i), json_pointer_child(r.child("nodes"), i)));
    }
    check_roleplay_graph(ctx, rp, pointer);
  }
  compute_rubric_max(rp);
  return rp;
}

}  // namespace granice::load
