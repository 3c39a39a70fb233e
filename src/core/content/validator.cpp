#include "core/content/validator.h"

#include <algorithm>

#include "core/engines/roleplay_graph.h"

namespace granice::load {

namespace {

std::string plural(std::size_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

void check_correct_count(DocContext& ctx, const Question& q, const std::string& options_ptr) {
  const auto correct = static_cast<std::size_t>(
      std::count_if(q.options.begin(), q.options.end(), [](const Option& o) { return o.correct; }));
  if (q.type == QuestionType::MultipleResponse) {
    if (correct == 0) ctx.at_value(options_ptr, "no correct option", "at least one option with \"correct\": true");
    else if (correct == q.options.size())
      ctx.at_value(options_ptr, "every option is correct", "at least one option with \"correct\": false");
    return;
  }
  if (correct == 0) ctx.at_value(options_ptr, "no correct option", "exactly one option with \"correct\": true");
  else if (correct > 1)
    ctx.at_value(options_ptr, plural(correct, "correct option"), "exactly one option with \"correct\": true");
}

void check_entry_count(DocContext& ctx, std::size_t count, const std::string& ptr, const std::string& word) {
  if (count < 3) ctx.at_value(ptr, "only " + plural(count, word), "3 to 6 " + word + "s");
  else if (count > 6) ctx.at_value(ptr, plural(count, word), "3 to 6 " + word + "s");
}

}  // namespace

// [SECTION] Questions
void check_question_answers(DocContext& ctx, const Question& q, const std::string& pointer, bool answers_known) {
  const std::string options_ptr = json_pointer_child(pointer, "options");
  switch (q.type) {
    case QuestionType::Ordering:
      check_entry_count(ctx, q.items.size(), json_pointer_child(pointer, "items"), "item");
      return;
    case QuestionType::Matching:
      check_entry_count(ctx, q.pairs.size(), json_pointer_child(pointer, "pairs"), "pair");
      return;
    case QuestionType::TrueFalse: {
      if (!answers_known) return;
      const bool has_true = std::any_of(q.options.begin(), q.options.end(), [](const Option& o) { return o.id == "true"; });
      const bool has_false = std::any_of(q.options.begin(), q.options.end(), [](const Option& o) { return o.id == "false"; });
      if (q.options.size() != 2 || !has_true || !has_false) {
        std::vector<std::string> ids;
        for (const auto& o : q.options) ids.push_back('"' + o.id + '"');
        std::string listed;
        for (const auto& id : ids) listed += (listed.empty() ? "" : ", ") + id;
        ctx.at_value(options_ptr, "true_false options are [" + listed + "]",
                     "exactly two options, with ids \"true\" and \"false\"");
        return;
      }
      check_correct_count(ctx, q, options_ptr);
      return;
    }
    case QuestionType::SingleChoice:
    case QuestionType::BestReply:
    case QuestionType::MultipleResponse:
      if (answers_known && q.options.size() >= 2) check_correct_count(ctx, q, options_ptr);
      return;
  }
}

// [SECTION] Role-play graph
void check_roleplay_graph(DocContext& ctx, const RolePlay& rp, const std::string& pointer) {
  const RolePlayGraph g(rp);
  const std::string nodes_ptr = json_pointer_child(pointer, "nodes");
  if (!rp.start.empty() && g.start < 0) {
    ctx.at_value(json_pointer_child(pointer, "start"), "start node \"" + rp.start + "\" does not exist",
                 "the id of a node of this role-play");
  }
  for (std::size_t i = 0; i < rp.nodes.size(); ++i) {
    const auto& n = rp.nodes[i];
    const std::string node_ptr = json_pointer_child(nodes_ptr, i);
    const std::string choices_ptr = json_pointer_child(node_ptr, "choices");
    for (std::size_t c = 0; c < n.choices.size(); ++c) {
      const auto& next = n.choices[c].next;
      if (!next.empty() && g.next[i][c] < 0) {
        ctx.at_value(json_pointer_child(json_pointer_child(choices_ptr, c), "next"),
                     "next node \"" + next + "\" does not exist", "the id of a node of this role-play");
      }
    }
    if (n.is_ending || n.id.empty()) continue;  // a node without an id is already reported
    if (n.choices.empty()) {
      ctx.at_value(node_ptr, "dead end: node \"" + n.id + "\" has no choices and no ending",
                   "at least 2 \"choices\" or an \"ending\"");
    } else if (n.choices.size() == 1) {
      ctx.at_value(choices_ptr, "only 1 choice, so the learner has nothing to decide", "at least 2 choices");
    }
  }
  if (g.start < 0) return;  // reachability means nothing without a start
  const auto reach = g.reachable();
  const auto ends = g.reaches_ending();
  for (std::size_t i = 0; i < rp.nodes.size(); ++i) {
    const auto& n = rp.nodes[i];
    if (n.id.empty()) continue;  // its missing id is already reported
    const std::string node_ptr = json_pointer_child(nodes_ptr, i);
    if (!reach[i]) {
      ctx.at_value(node_ptr, "node \"" + n.id + "\" is unreachable from start \"" + rp.start + "\"",
                   "a choice with \"next\": \"" + n.id + "\"");
    } else if (!ends[i] && !(n.choices.empty() && !n.is_ending)) {
      ctx.at_value(node_ptr, "no ending is reachable from node \"" + n.id + "\" (a loop with no way out)",
                   "a choice leading towards an ending");
    }
  }
}

}  // namespace granice::load
