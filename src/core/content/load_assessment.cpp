// README "assessment.json" and "resources.json".
#include "core/content/load_parts.h"

namespace granice::load {

Assessment read_assessment_file(DocContext& ctx, CourseRefs& refs, const json& root) {
  Assessment a;
  a.pass_mark = refs.default_pass_mark;
  ObjectReader r(ctx, root, "");
  if (!r.valid()) return a;
  r.string("$schema", Need::Optional);
  a.id = r.id("id", Need::Required).value_or("assessment");
  a.title = r.text("title", Need::Required);
  a.intro = r.text("intro", Need::Required);
  a.pass_mark = r.integer("pass_mark", Need::Optional, 0, 100, "a percent from 0 to 100").value_or(refs.default_pass_mark);
  const auto draw = r.integer("draw", Need::Required, -1000000, 1000000, "a whole number of questions to draw");
  read_lint_ok(r, LintOkSite::Bank, a.lint_ok);
  if (const json* questions = r.array("questions", Need::Required, 1, "an array of questions, at least one")) {
    // Question::module_id names the assessment by its role, whatever the file's id.
    a.bank = read_questions(ctx, refs, *questions, r.child("questions"), "assessment");
  }
  if (draw) {
    const int bank = static_cast<int>(a.bank.size());
    if (*draw < 1) {
      ctx.at_value(r.child("draw"), "draw " + std::to_string(*draw) + " is less than 1",
                   "from 1 to the " + std::to_string(bank) + " questions in the bank");
    } else if (*draw > bank) {
      ctx.at_value(r.child("draw"), "draw " + std::to_string(*draw) + " is more than the " + std::to_string(bank) +
                                        " questions in the bank",
                   "at most " + std::to_string(bank));
    }
    a.draw = *draw;
  }
  return a;
}

void read_resources_file(DocContext& ctx, const json& root, Course& course) {
  ObjectReader r(ctx, root, "");
  if (!r.valid()) return;
  r.string("$schema", Need::Optional);
  course.resources_note = r.text("note", Need::Optional);
  course.resources_author_note = r.string("author_note", Need::Optional).value_or("");
  const json* list = r.array("resources", Need::Required, 1, "an array of contacts, at least one");
  if (!list) return;
  IdScope ids("resource", "within resources.json");
  for (std::size_t i = 0; i < list->size(); ++i) {
    ObjectReader e(ctx, list->at(i), json_pointer_child(r.child("resources"), i));
    if (!e.valid()) continue;
    Resource res;
    if (auto id = e.id("id", Need::Required)) {
      ids.add(ctx, *id, e.child("id"));
      res.id = *id;
    }
    res.category = e.string("category", Need::Required).value_or("");
    res.name = e.text("name", Need::Required);
    res.description = e.text("description", Need::Required);
    res.phone = e.string("phone", Need::Optional).value_or("");
    res.url = e.string("url", Need::Optional).value_or("");
    res.hours = e.text("hours", Need::Optional);
    res.author_note = e.string("author_note", Need::Optional).value_or("");
    course.resources.push_back(std::move(res));
  }
}

}  // namespace granice::load
