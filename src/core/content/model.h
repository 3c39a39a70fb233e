// The course as loaded from quizzes/: immutable after loading, all languages at once.
// Everything the screens show is looked up here by id and language.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace granice {

// Text in every course language: {"pl": "...", "en": "..."} in the content files.
struct LocalText {
  std::map<std::string, std::string, std::less<>> tr;

  // The text in `lang`; falls back to the first language present (never a blank screen,
  // although the validator rejects a missing translation before we get here).
  const std::string& in(std::string_view lang) const;
  bool empty() const { return tr.empty(); }
};

// [SECTION] Lessons
enum class BlockKind { Heading, Paragraph, Bullets, Phrase, DoDont, Note, Resources };

struct Block {
  BlockKind kind = BlockKind::Paragraph;
  LocalText text;                 // heading / paragraph / phrase / note text
  LocalText caption;              // phrase: when to say it (optional)
  std::vector<LocalText> items;   // bullets
  std::vector<LocalText> dos;     // do_dont
  std::vector<LocalText> donts;   // do_dont
};

struct LessonPage {
  std::string id;
  LocalText title;
  std::vector<Block> blocks;
};

// Item-quality rule id -> the author's written reason for opting out of it ("lint_ok" in the content).
using LintOptOuts = std::map<std::string, std::string, std::less<>>;

// [SECTION] Questions
enum class QuestionType { SingleChoice, MultipleResponse, TrueFalse, Ordering, Matching, BestReply };

struct Option {        // single_choice, multiple_response, true_false, best_reply
  std::string id;
  LocalText text;      // empty for true_false (the UI says "True"/"False")
  bool correct = false;
  LocalText feedback;
};

struct OrderItem {     // ordering: listed in the correct order
  std::string id;
  LocalText text;
};

struct MatchPair {     // matching: source i belongs with target i
  std::string id;
  LocalText source;
  LocalText target;
  LocalText feedback;  // why they belong together
};

struct Question {
  std::string id;                // stable, globally unique, [A-Za-z0-9_.-]
  QuestionType type = QuestionType::SingleChoice;
  std::string objective;         // Objective::id it tests
  std::string module_id;         // the module (or "assessment") whose file holds it
  LocalText prompt;
  LocalText client_line;         // best_reply: what the client says
  std::vector<Option> options;
  std::vector<OrderItem> items;
  std::vector<MatchPair> pairs;
  LocalText feedback_correct;    // ordering / matching overall feedback
  LocalText feedback_incorrect;
  double points = 1.0;
  LintOptOuts lint_ok;           // item-quality rules this item opts out of, with the author's reason
};

struct Quiz {
  int pass_mark = 80;            // percent, 0..100 (defaults to the course pass mark)
  int max_attempts = 0;          // 0 = unlimited
  bool shuffle_options = true;
  int draw = 0;                  // questions drawn per attempt; 0 = all of them
  std::vector<Question> questions;
  LintOptOuts lint_ok;           // quiz-wide rules opted out of
};

// [SECTION] Role-plays
struct RubricCriterion {
  std::string id;                // e.g. boundary_kept, empathy_shown
  LocalText label;
  int max = 0;                   // computed: best total reachable along any path
};

struct Choice {
  std::string id;                // stable within its node; records and LMS interactions name a reply by it
  LocalText text;                // what the learner says
  std::string next;              // node id
  std::map<std::string, int, std::less<>> scores;  // rubric id -> points (may be negative)
  LocalText feedback;
  std::vector<std::string> honours;  // objective ids this choice follows
  std::vector<std::string> breaks;   // objective ids this choice goes against
};

enum class Outcome { Good, Partial, Poor };

struct RolePlayNode {
  std::string id;
  LocalText client;              // the client's line (may be empty on an ending)
  LocalText mood;                // optional, shown to the learner
  std::vector<Choice> choices;   // empty on an ending
  bool is_ending = false;
  Outcome outcome = Outcome::Poor;
  LocalText ending_title;
  LocalText debrief;
  LintOptOuts lint_ok;
};

struct RolePlay {
  std::string id;
  LocalText persona_name;
  LocalText workplace;
  LocalText persona_description;
  LocalText intro;
  std::vector<RubricCriterion> rubric;
  std::string start;
  std::vector<RolePlayNode> nodes;
  LintOptOuts lint_ok;           // role-play-wide rules opted out of

  int node_index(std::string_view id) const;  // -1 if absent
};

// [SECTION] Course
enum class ModuleKind { Guideline, Synthesis, Assessment };

struct Module {
  std::string id;
  ModuleKind kind = ModuleKind::Guideline;
  int number = 0;                // 1..6 for guidelines, 7 for the synthesis
  std::string objective;
  std::string file;              // path relative to quizzes/, for messages
  LocalText title;
  LocalText summary;
  std::vector<LessonPage> pages;
  Quiz quiz;
  std::optional<RolePlay> roleplay;
  bool required = true;
};

struct Assessment {
  std::string id = "assessment";
  std::string file;
  LocalText title;
  LocalText intro;
  int draw = 15;
  int pass_mark = 80;
  int max_attempts = 0;
  std::vector<Question> bank;
  LintOptOuts lint_ok;           // bank-wide rules opted out of
};

struct Objective {
  std::string id;
  LocalText title;
};

struct Resource {
  std::string id;
  LocalText name;
  LocalText description;
  std::string phone;
  std::string url;
  LocalText hours;
  std::string category;          // e.g. violence, addiction, crisis, internal
  std::string author_note;       // for the L&D team (what to check or replace); never shown to learners
};

// A course language as course.json declares it: its code, and its name and quotes in itself.
struct Language {
  std::string code;   // "pl"
  std::string name;   // "Polski": what the language switch shows (the code when not given)
};

// One interface string (interface.json): its text in every language, and the most characters a
// language may use where the layout needs a limit (0: none).
struct InterfaceString {
  LocalText text;
  int max_length = 0;
};

struct Course {
  std::string id;
  std::string version;
  std::vector<std::string> languages;   // codes, as declared; default_language is one of them
  std::vector<Language> language_info;  // the same languages with their own names
  std::string default_language;         // "default_language", else the first
  LocalText title;
  LocalText description;
  int pass_mark = 80;                   // percent, course-wide default
  bool roleplay_feedback_immediate = true;
  bool shuffle_replies = true;          // role-play replies in a seeded order (off: authored order, for review)
  bool lock_assessment = true;          // assessment locked until required modules are done
  bool assessment_required = true;
  std::vector<Objective> objectives;
  std::vector<Module> modules;          // ordered: guidelines then synthesis
  Assessment assessment;
  LocalText resources_note;             // banner shown to learners above the contacts (optional)
  std::string resources_author_note;    // for the L&D team only: printed by `granice lint`, never shown
  std::vector<Resource> resources;
  LocalText certificate_title;
  LocalText certificate_body;           // may contain {name} {course} {date} {score}
  std::string content_hash;             // hash of the content files, for records
  std::string course_file = "course.json";  // file names as course.json gives them, for messages
  std::string resources_file;
  std::string interface_file;           // "interface" in course.json ("" when not given)
  // The app's interface strings by id (core/content/interface_ids.h lists the ids).
  std::map<std::string, InterfaceString, std::less<>> interface_strings;

  // The declared language's own name ("Polski"), or the code when it has none.
  const std::string& language_name(std::string_view code) const;
  const Module* module(std::string_view id) const;
  const Question* question(std::string_view id) const;  // in quizzes or the bank
  const Objective* objective(std::string_view id) const;
};

}  // namespace granice
