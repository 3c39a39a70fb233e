// README "A module file": one guideline (or the synthesis) with lesson, quiz and role-play.
#include "core/content/load_parts.h"

namespace granice::load {

namespace {

void read_quiz(DocContext& ctx, CourseRefs& refs, const json& j, const std::string& pointer, Module& m) {
  ObjectReader r(ctx, j, pointer);
  m.quiz.pass_mark = r.integer("pass_mark", Need::Optional, 0, 100, "a percent from 0 to 100").value_or(refs.default_pass_mark);
  m.quiz.max_attempts =
      r.integer("max_attempts", Need::Optional, 0, 1000, "a whole number of attempts, 0 = unlimited").value_or(refs.default_quiz_attempts);
  m.quiz.shuffle_options = r.boolean("shuffle_options", Need::Optional).value_or(true);
  m.quiz.draw = r.integer("draw", Need::Optional, 1, 1000, "a whole number of questions drawn per attempt, at least 1")
                    .value_or(0);
  read_lint_ok(r, LintOkSite::Bank, m.quiz.lint_ok);
  if (const json* questions = r.array("questions", Need::Required, 1, "an array of questions, at least one")) {
    m.quiz.questions = read_questions(ctx, refs, *questions, r.child("questions"), m.id);
    if (m.quiz.draw > static_cast<int>(m.quiz.questions.size())) {
      ctx.at_value(r.child("draw"), "draw " + std::to_string(m.quiz.draw) + " is more than the " +
                                        std::to_string(m.quiz.questions.size()) + " questions of the quiz",
                   "at most the number of questions");
    }
  }
}

void check_unique_module(DocContext& ctx, CourseRefs& refs, Module& m, ObjectReader& r) {
  if (!m.id.empty()) {
    auto [it, inserted] = refs.module_sites.emplace(m.id, site(ctx, r.child("id")));
    if (!inserted) {
      ctx.at_value(r.child("id"), "duplicate module id \"" + m.id + "\", already used in " + it->second,
                   "a module id unique in the course");
    }
  }
  if (m.number > 0) {
    auto [it, inserted] = refs.module_numbers.emplace(m.number, site(ctx, r.child("number")));
    if (!inserted) {
      ctx.at_value(r.child("number"), "duplicate module number " + std::to_string(m.number) + ", already used in " + it->second,
                   "a module number unique in the course");
    }
  }
}

}  // namespace

Module read_module_file(DocContext& ctx, CourseRefs& refs, const json& root) {
  Module m;
  ObjectReader r(ctx, root, "");
  if (!r.valid()) return m;
  r.string("$schema", Need::Optional);
  m.id = r.id("id", Need::Required).value_or("");
  const auto kind = r.one_of("kind", Need::Required, {"guideline", "synthesis"});
  m.kind = kind && *kind == "synthesis" ? ModuleKind::Synthesis : ModuleKind::Guideline;
  m.number = r.integer("number", Need::Required, 1, 99, "a module number from 1 to 99").value_or(0);
  check_unique_module(ctx, refs, m, r);
  if (auto objective = r.id("objective", Need::Required)) {
    check_objective_ref(ctx, refs, *objective, r.child("objective"));
    m.objective = *objective;
  }
  m.required = r.boolean("required", Need::Optional).value_or(true);
  m.title = r.text("title", Need::Required);
  m.summary = r.text("summary", Need::Required);
  if (const json* lesson = r.object("lesson", Need::Required, "an object with \"pages\"")) {
    m.pages = read_lesson(ctx, *lesson, r.child("lesson"));
  }
  if (const json* quiz = r.object("quiz", Need::Required, "an object with \"questions\"")) {
    read_quiz(ctx, refs, *quiz, r.child("quiz"), m);
  }
  if (const json* roleplay = r.object("roleplay", Need::Optional, "a role-play object")) {
    m.roleplay = read_roleplay(ctx, refs, *roleplay, r.child("roleplay"));
  }
  return m;
}

}  // namespace granice::load
