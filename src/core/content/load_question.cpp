// README "Questions": the six question types, shared by quizzes and the assessment bank.
#include "core/content/load_parts.h"
#include "core/content/validator.h"

namespace granice::load {

namespace {

const std::vector<std::string> kQuestionTypes = {"single_choice", "multiple_response", "true_false",
                                                 "ordering",      "matching",          "best_reply"};

QuestionType type_from_name(const std::string& name) {
  if (name == "multiple_response") return QuestionType::MultipleResponse;
  if (name == "true_false") return QuestionType::TrueFalse;
  if (name == "ordering") return QuestionType::Ordering;
  if (name == "matching") return QuestionType::Matching;
  if (name == "best_reply") return QuestionType::BestReply;
  return QuestionType::SingleChoice;
}

// Returns false when some option's id or "correct" could not be read.
bool read_options(ObjectReader& r, Question& q) {
  const bool true_false = q.type == QuestionType::TrueFalse;
  const json* list = r.array("options", Need::Required, true_false ? 0 : 2,
                             true_false ? "two options, \"true\" and \"false\"" : "an array of options, at least two");
  if (!list) return false;
  bool complete = true;
  IdScope ids("option", "within the question");
  for (std::size_t i = 0; i < list->size(); ++i) {
    ObjectReader o(r.ctx(), list->at(i), json_pointer_child(r.child("options"), i));
    if (!o.valid()) {
      complete = false;
      continue;
    }
    Option opt;
    const auto id = o.id("id", Need::Required);
    if (id) {
      ids.add(r.ctx(), *id, o.child("id"));
      check_response_id(r.ctx(), *id, o.child("id"), "option");
    }
    opt.id = id.value_or("");
    if (true_false) {
      if (o.get("text", Need::Optional, "")) {
        r.ctx().at_key(o.child("text"), "a true_false option has no text", "no \"text\" (the screen says True/False)");
      }
    } else {
      opt.text = o.text("text", Need::Required);
    }
    const auto correct = o.boolean("correct", Need::Required);
    opt.correct = correct.value_or(false);
    opt.feedback = o.text("feedback", Need::Required);
    complete = complete && id && correct;
    q.options.push_back(std::move(opt));
  }
  return complete;
}

void read_overall_feedback(ObjectReader& r, Question& q) {
  const json* fb = r.object("feedback", Need::Required, "an object with \"correct\" and \"incorrect\" texts");
  if (!fb) return;
  ObjectReader f(r.ctx(), *fb, r.child("feedback"));
  q.feedback_correct = f.text("correct", Need::Required);
  q.feedback_incorrect = f.text("incorrect", Need::Required);
}

void read_items(ObjectReader& r, Question& q) {
  read_overall_feedback(r, q);
  const json* list = r.array("items", Need::Required, 0, "an array of 3 to 6 items in the correct order");
  if (!list) return;
  IdScope ids("item", "within the question");
  for (std::size_t i = 0; i < list->size(); ++i) {
    ObjectReader o(r.ctx(), list->at(i), json_pointer_child(r.child("items"), i));
    OrderItem item;
    if (auto id = o.id("id", Need::Required)) {
      ids.add(r.ctx(), *id, o.child("id"));
      check_response_id(r.ctx(), *id, o.child("id"), "item");
      item.id = *id;
    }
    item.text = o.text("text", Need::Required);
    q.items.push_back(std::move(item));
  }
}

void read_pairs(ObjectReader& r, Question& q) {
  read_overall_feedback(r, q);
  const json* list = r.array("pairs", Need::Required, 0, "an array of 3 to 6 pairs");
  if (!list) return;
  IdScope ids("pair", "within the question");
  for (std::size_t i = 0; i < list->size(); ++i) {
    ObjectReader o(r.ctx(), list->at(i), json_pointer_child(r.child("pairs"), i));
    MatchPair pair;
    if (auto id = o.id("id", Need::Required)) {
      ids.add(r.ctx(), *id, o.child("id"));
      check_response_id(r.ctx(), *id, o.child("id"), "pair");
      pair.id = *id;
    }
    pair.source = o.text("source", Need::Required);
    pair.target = o.text("target", Need::Required);
    pair.feedback = o.text("feedback", Need::Optional);
    q.pairs.push_back(std::move(pair));
  }
}

}  // namespace

Question read_question(DocContext& ctx, CourseRefs& refs, const json& j, const std::string& pointer) {
  Question q;
  ObjectReader r(ctx, j, pointer);
  if (!r.valid()) return q;
  if (auto id = r.id("id", Need::Required)) {
    check_question_id(ctx, refs, *id, r.child("id"));
    q.id = *id;
  }
  if (auto objective = r.id("objective", Need::Required)) {
    check_objective_ref(ctx, refs, *objective, r.child("objective"));
    q.objective = *objective;
  }
  q.prompt = r.text("prompt", Need::Required);
  read_lint_ok(r, LintOkSite::Item, q.lint_ok);
  if (auto points = r.number("points", Need::Optional)) {
    if (*points <= 0) ctx.at_value(r.child("points"), "points " + r.get("points", Need::Optional, "")->dump() + " is not positive",
                                   "a number of points greater than 0");
    q.points = *points;
  }
  const auto type = r.one_of("type", Need::Required, kQuestionTypes);
  if (!type) {
    r.skip_unknown_check();  // the fields depend on the type
    return q;
  }
  q.type = type_from_name(*type);
  bool answers_known = true;
  switch (q.type) {
    case QuestionType::BestReply:
      q.client_line = r.text("client_line", Need::Required);
      answers_known = read_options(r, q);
      break;
    case QuestionType::SingleChoice:
    case QuestionType::MultipleResponse:
    case QuestionType::TrueFalse:
      answers_known = read_options(r, q);
      break;
    case QuestionType::Ordering:
      read_items(r, q);
      break;
    case QuestionType::Matching:
      read_pairs(r, q);
      break;
  }
  check_question_answers(ctx, q, pointer, answers_known);
  return q;
}

std::vector<Question> read_questions(DocContext& ctx, CourseRefs& refs, const json& j, const std::string& pointer,
                                     const std::string& module_id) {
  std::vector<Question> out;
  for (std::size_t i = 0; i < j.size(); ++i) {
    Question q = read_question(ctx, refs, j.at(i), json_pointer_child(pointer, i));
    q.module_id = module_id;
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace granice::load
