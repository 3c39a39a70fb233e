// README "course.json": course settings, languages, objectives and the files that follow.
#include <algorithm>

#include "core/content/item_rules.h"
#include "core/content/load_parts.h"
#include "core/text/text_match.h"

namespace granice::load {

namespace {

// "languages": ["pl", "en"] or [{"code": "pl", "name": "Polski"}, ...]; "default_language" names one.
void read_languages(ObjectReader& r, Course& course) {
  const char* expected = "an array of languages: codes such as \"pl\", or {\"code\": \"pl\", \"name\": \"Polski\"}";
  const json* list = r.array("languages", Need::Required, 1, expected);
  if (list) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string ptr = json_pointer_child(r.child("languages"), i);
      const json& item = list->at(i);
      Language lang;
      if (item.is_object()) {
        ObjectReader o(r.ctx(), item, ptr);
        lang.code = o.id("code", Need::Required).value_or("");
        lang.name = o.string("name", Need::Required).value_or("");
        if (lang.code.empty()) continue;
      } else if (item.is_string() && is_valid_id(item.get_ref<const std::string&>())) {
        lang.code = item.get_ref<const std::string&>();
      } else {
        r.ctx().at_value(ptr, "invalid language " + item.dump(), expected);
        continue;
      }
      if (std::find(course.languages.begin(), course.languages.end(), lang.code) != course.languages.end()) {
        r.ctx().at_value(ptr, "language \"" + lang.code + "\" is listed twice", "each language once");
        continue;
      }
      if (lang.name.empty()) lang.name = lang.code;
      course.languages.push_back(lang.code);
      course.language_info.push_back(std::move(lang));
    }
  }
  course.default_language = course.languages.empty() ? "" : course.languages.front();
  if (auto def = r.string("default_language", Need::Optional)) {
    if (std::find(course.languages.begin(), course.languages.end(), *def) == course.languages.end() && list)
      r.ctx().at_value(r.child("default_language"), "default language \"" + *def + "\" is not a course language",
                       "one of the course languages: " + language_list(course.languages));
    else
      course.default_language = *def;
  }
}

void read_objectives(ObjectReader& r, CourseRefs& refs, Course& course) {
  const json* list = r.array("objectives", Need::Required, 1, "an array of objectives, at least one");
  if (!list) return;
  refs.objectives_known = true;
  IdScope ids("objective", "within the course");
  for (std::size_t i = 0; i < list->size(); ++i) {
    ObjectReader o(r.ctx(), list->at(i), json_pointer_child(r.child("objectives"), i));
    Objective objective;
    if (auto id = o.id("id", Need::Required)) {
      if (ids.add(r.ctx(), *id, o.child("id"))) refs.objective_ids.push_back(*id);
      objective.id = *id;
    }
    objective.title = o.text("title", Need::Required);
    course.objectives.push_back(std::move(objective));
  }
}

void read_settings(ObjectReader& r, CourseRefs& refs, Course& course) {
  course.pass_mark = r.integer("pass_mark", Need::Optional, 0, 100, "a percent from 0 to 100").value_or(80);
  refs.default_pass_mark = course.pass_mark;
  if (const json* attempts = r.object("attempts", Need::Optional, "an object with \"quiz\" and \"assessment\"")) {
    ObjectReader a(r.ctx(), *attempts, r.child("attempts"));
    const char* expected = "a whole number of attempts, 0 = unlimited";
    refs.default_quiz_attempts = a.integer("quiz", Need::Optional, 0, 1000, expected).value_or(0);
    course.assessment.max_attempts = a.integer("assessment", Need::Optional, 0, 1000, expected).value_or(0);
  }
  course.roleplay_feedback_immediate =
      r.one_of("roleplay_feedback", Need::Optional, {"immediate", "end"}).value_or("immediate") == "immediate";
  course.shuffle_replies = r.boolean("shuffle_replies", Need::Optional).value_or(true);
  if (const json* completion = r.object("completion", Need::Optional, "an object with lock_assessment, assessment_required")) {
    ObjectReader c(r.ctx(), *completion, r.child("completion"));
    course.lock_assessment = c.boolean("lock_assessment", Need::Optional).value_or(true);
    course.assessment_required = c.boolean("assessment_required", Need::Optional).value_or(true);
  }
}

std::vector<FileRef> read_file_refs(ObjectReader& r) {
  std::vector<FileRef> refs;
  if (const json* list = r.array("modules", Need::Required, 1, "an array of module file names")) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string ptr = json_pointer_child(r.child("modules"), i);
      const json& item = list->at(i);
      if (!item.is_string() || item.get_ref<const std::string&>().empty()) {
        r.ctx().at_value(ptr, "wrong type: " + json_kind(item), "a module file name such as \"m1-boundaries.json\"");
        continue;
      }
      const auto& name = item.get_ref<const std::string&>();
      const bool listed = std::any_of(refs.begin(), refs.end(), [&](const FileRef& f) { return f.name == name; });
      if (listed) {
        r.ctx().at_value(ptr, "module file \"" + name + "\" is listed twice", "each module file once");
        continue;
      }
      refs.push_back(FileRef{FileRef::Kind::Module, name, ptr});
    }
  }
  if (auto name = r.string("assessment", Need::Required)) {
    refs.push_back(FileRef{FileRef::Kind::Assessment, *name, r.child("assessment")});
  }
  if (auto name = r.string("resources", Need::Required)) {
    refs.push_back(FileRef{FileRef::Kind::Resources, *name, r.child("resources")});
  }
  if (auto name = r.string("interface", Need::Optional)) {
    refs.push_back(FileRef{FileRef::Kind::Interface, *name, r.child("interface")});
  }
  return refs;
}

}  // namespace

std::vector<FileRef> read_course_file(DocContext& ctx, CourseRefs& refs, const json& root, Course& course) {
  ObjectReader r(ctx, root, "");
  if (!r.valid()) return {};
  r.string("$schema", Need::Optional);
  course.id = r.id("id", Need::Required).value_or("");
  course.version = r.string("version", Need::Required).value_or("");
  read_languages(r, course);  // before any text: texts are checked against these
  refs.text_languages.clear();
  for (const std::string& lang : course.languages) {
    const auto& present = refs.languages_present;
    if (present.empty() || std::find(present.begin(), present.end(), lang) != present.end()) refs.text_languages.push_back(lang);
  }
  if (refs.text_languages.empty() && !course.languages.empty())
    ctx.at_value("/languages", "none of the languages this pack carries (" + language_list(refs.languages_present) + ") is a course language",
                 "a pack of one of the course languages: " + language_list(course.languages));
  course.title = r.text("title", Need::Required);
  course.description = r.text("description", Need::Required);
  read_settings(r, refs, course);
  read_objectives(r, refs, course);
  std::vector<FileRef> files = read_file_refs(r);
  if (const json* cert = r.object("certificate", Need::Required, "an object with \"title\" and \"body\"")) {
    ObjectReader c(ctx, *cert, r.child("certificate"));
    course.certificate_title = c.text("title", Need::Required);
    course.certificate_body = c.text("body", Need::Required);
  }
  return files;
}

// [SECTION] Cross-file checks shared by the part readers
void check_response_id(DocContext& ctx, const std::string& id, const std::string& pointer, std::string_view what) {
  if (id.find('-') == std::string::npos) return;
  ctx.at_value(pointer, std::string(what) + " id \"" + id + "\" has a '-'",
               "letters, digits, '_' or '.' (an LMS refuses '-' in a response)");
}

void read_lint_ok(ObjectReader& r, LintOkSite where, LintOptOuts& out) {
  const json* j = r.object("lint_ok", Need::Optional, "an object of rule id -> the reason for the exception");
  if (!j) return;
  std::vector<std::string> rule_ids;
  for (const auto& rule : kItemRules) rule_ids.emplace_back(rule.id);
  // Which rule scopes an exception written here can silence.
  const auto fits = [where](RuleScope s) {
    switch (where) {
      case LintOkSite::Item: return s == RuleScope::Item || s == RuleScope::Text;
      case LintOkSite::Node: return s == RuleScope::Node || s == RuleScope::Text;
      case LintOkSite::RolePlay: return s == RuleScope::RolePlay;
      case LintOkSite::Bank: return s == RuleScope::Bank;
    }
    return false;
  };
  static const char* const kWhere[] = {"a question", "a role-play node", "the role-play", "the quiz or the assessment"};
  for (const auto& [rule, reason] : j->items()) {
    const std::string ptr = json_pointer_child(r.child("lint_ok"), rule);
    const ItemRule* known = find_item_rule(rule);
    if (!known) {
      const std::string guess = closest_match(rule, rule_ids);
      r.ctx().at_key(ptr, "unknown rule \"" + rule + "\"",
                     guess.empty() ? "one of the rules " + quoted_list(rule_ids) : "did you mean \"" + guess + "\"?");
      continue;
    }
    if (known->scope == RuleScope::Never) {
      r.ctx().at_key(ptr, "rule \"" + rule + "\" takes no exception", "the text completed by the organisation");
      continue;
    }
    if (!fits(known->scope)) {
      static const char* const kScope[] = {"the question", "the quiz or the assessment", "the role-play",
                                           "the role-play node", "the question or node the text belongs to", ""};
      r.ctx().at_key(ptr, "rule \"" + rule + "\" does not look at " + kWhere[static_cast<int>(where)],
                     std::string("the exception on ") + kScope[static_cast<int>(known->scope)]);
      continue;
    }
    if (!reason.is_string() || reason.get_ref<const std::string&>().find_first_not_of(" \t\n") == std::string::npos) {
      r.ctx().at_value(ptr, "no reason given for the exception", "a sentence saying why the rule does not apply here");
      continue;
    }
    out.emplace(rule, reason.get<std::string>());
  }
}

std::string site(DocContext& ctx, const std::string& pointer) {
  return ctx.file + ":" + std::to_string(ctx.src.value_pos(pointer).line);
}

void check_objective_ref(DocContext& ctx, const CourseRefs& refs, const std::string& id, const std::string& pointer) {
  if (!refs.objectives_known) return;  // course.json's objectives are broken and already reported
  if (std::find(refs.objective_ids.begin(), refs.objective_ids.end(), id) != refs.objective_ids.end()) return;
  const std::string guess = closest_match(id, refs.objective_ids);
  ctx.at_value(pointer, "unknown objective \"" + id + "\"",
               guess.empty() ? "one of the course objectives " + quoted_list(refs.objective_ids)
                             : "did you mean \"" + guess + "\"?");
}

void check_question_id(DocContext& ctx, CourseRefs& refs, const std::string& id, const std::string& pointer) {
  auto [it, inserted] = refs.question_sites.emplace(id, site(ctx, pointer));
  if (!inserted) {
    ctx.at_value(pointer, "duplicate question id \"" + id + "\", already used in " + it->second,
                 "a question id unique in the whole course");
  }
}

}  // namespace granice::load
