// Internal to the loader: readers for each part of the content format (README sections), and the
// course-wide facts they check references against. Each reader reports into its DocContext.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/text/json_reader.h"
#include "core/content/model.h"

namespace granice::load {

// What later files are checked against: filled from course.json, then from each file in order.
struct CourseRefs {
  bool objectives_known = false;                  // false when course.json's objectives are unusable
  std::vector<std::string> objective_ids;
  std::map<std::string, std::string, std::less<>> question_sites;  // question id -> "file:line"
  std::map<std::string, std::string, std::less<>> module_sites;    // module id -> "file:line"
  std::map<int, std::string> module_numbers;                       // number -> "file:line"
  int default_pass_mark = 80;
  int default_quiz_attempts = 0;
  // The languages every text must have, once course.json declared them: all of them, or those of
  // a language pack (ContentSource::languages_present). Every file's DocContext reads this one.
  std::vector<std::string> text_languages;
  std::vector<std::string> languages_present;
};

// "file:line" of a value, for "already used in ..." messages.
std::string site(DocContext& ctx, const std::string& pointer);

// Reports an id that names no course objective (with a did-you-mean).
void check_objective_ref(DocContext& ctx, const CourseRefs& refs, const std::string& id, const std::string& pointer);

// Checks a question id against all questions read so far, course-wide.
void check_question_id(DocContext& ctx, CourseRefs& refs, const std::string& id, const std::string& pointer);

// Ids that travel as an LMS response (options, ordering items, matching pairs, replies): SCORM 2004
// LMSes such as Moodle refuse '-' there (short identifiers are [\w.]), so it is reported at `pointer`.
void check_response_id(DocContext& ctx, const std::string& id, const std::string& pointer, std::string_view what);

// "lint_ok": {"rule id": "the author's reason"} — known rule ids that look at this kind of part
// (`where`: an item, a node, a role-play or a quiz / bank), non-empty reasons.
enum class LintOkSite { Item, Node, RolePlay, Bank };
void read_lint_ok(ObjectReader& r, LintOkSite where, LintOptOuts& out);

std::vector<LessonPage> read_lesson(DocContext& ctx, const json& j, const std::string& pointer);
Question read_question(DocContext& ctx, CourseRefs& refs, const json& j, const std::string& pointer);
std::vector<Question> read_questions(DocContext& ctx, CourseRefs& refs, const json& j, const std::string& pointer,
                                     const std::string& module_id);
RolePlay read_roleplay(DocContext& ctx, const CourseRefs& refs, const json& j, const std::string& pointer);

// A file named in course.json, to be loaded next.
struct FileRef {
  enum class Kind { Module, Assessment, Resources, Interface };
  Kind kind = Kind::Module;
  std::string name;     // as written in course.json
  std::string pointer;  // where course.json names it, for "not found"
};

// Whole files (the root object of each).
std::vector<FileRef> read_course_file(DocContext& ctx, CourseRefs& refs, const json& root, Course& course);
Module read_module_file(DocContext& ctx, CourseRefs& refs, const json& root);
Assessment read_assessment_file(DocContext& ctx, CourseRefs& refs, const json& root);
void read_resources_file(DocContext& ctx, const json& root, Course& course);
void read_interface_file(DocContext& ctx, const json& root, Course& course);

}  // namespace granice::load
