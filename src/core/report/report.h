// Trainer review of many progress records: validation, the learners table, the item analysis
// and their CSV exports. Pure logic shared by `granice report` and the browser's trainer view.
//
//   Report rep(course);                                   // the content the records were made with
//   rep.add(digest_record(course, "anna.json", text));    // never throws; bad files become issues
//   for (const LearnerRow& r : rep.rows()) ...            // accepted records, in the order added
//   for (const ReportIssue& i : rep.issues()) ...         // "file: reason" for every refused file
//   const ItemAnalysis& a = rep.items();                  // per question / guideline / role-play
//   std::string t = table_csv(course, rep.rows()), i = items_csv(course, a, "pl");
//
// digest_record() is the expensive, independent part (parse + validate + per-record numbers), so
// the CLI runs it on several threads and folds the digests in file order with Report::add().
//
// What counts (docs in quizzes/README.md terms):
//   - status, score, time, dates: computed from the record's state with course_state.h, exactly
//     as the learner's own screen does (the record's derived fields are not trusted);
//   - per question: the submitted answers of the LAST finished attempt of every module quiz and
//     of the assessment (what the learner's result is based on), graded with the current content;
//     an answer that no longer fits the question (content changed) is skipped, never guessed;
//   - per guideline: objective_scores() per learner, averaged over learners with a score;
//   - per role-play: the ending of the learner's last completed run, and its rubric totals.
// A record of another course (course.id differs) is refused; one made with another content
// version is accepted with a warning (its version is shown in the table).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/state/course_state.h"
#include "core/content/model.h"

namespace granice {

struct ReportIssue {
  std::string file;
  std::string reason;  // "not valid JSON", "/modules/2/quiz: expected an object", ...
};

struct ModuleSummary {
  std::string module_id;
  ModuleStatus status = ModuleStatus::NotStarted;
  std::optional<double> best_score;  // quiz, percent
  int attempts = 0;
  int roleplay_runs = 0;
  std::optional<Outcome> best_outcome;
};

struct LearnerRow {
  std::string file;
  std::string learner_id;
  std::string learner_name;
  std::string language;
  std::string course_version;
  CompletionStatus completion = CompletionStatus::NotAttempted;
  SuccessStatus success = SuccessStatus::Unknown;
  std::optional<double> score;  // overall, percent
  double time_seconds = 0.0;
  std::int64_t started = 0;
  std::int64_t updated = 0;
  std::vector<ModuleSummary> modules;  // course module order
  std::vector<std::string> warnings;   // accepted, but worth knowing (other content version, ...)
};

// "passed" / "failed" / "completed" / "incomplete" / "not attempted": the one status a trainer
// filters on (success when known, else completion).
std::string status_label(const LearnerRow& r);

// [SECTION] Per-record digest (independent of other records: safe to compute on any thread)
struct RecordDigest {
  std::string file;
  std::uint64_t content_hash = 0;  // of the file text: the same file opened twice counts once
  std::optional<LearnerRow> row;   // set when accepted
  std::string error;               // set when refused
  std::optional<CourseState> state;  // kept when asked (the browser's detail view)

  struct Answer {
    int question = 0;            // index into ItemAnalysis::questions
    double score = 0.0;          // 0..1
    bool correct = false;
    std::uint64_t chosen = 0;    // choice types: bit i = option i ticked
  };
  struct RolePlayRun {
    int roleplay = 0;            // index into ItemAnalysis::roleplays
    int ending = -1;             // index into RolePlayStat::endings; -1: not an ending of this content
    std::vector<int> rubric;     // per RolePlayStat::rubric criterion (0 when absent)
  };
  std::vector<Answer> answers;
  std::vector<std::pair<int, double>> objectives;  // objective index, score percent
  std::vector<RolePlayRun> runs;
};

RecordDigest digest_record(const Course& course, std::string file, std::string_view text, bool keep_state = false);
// The part after parsing, shared with the statements route (xapi_report.h): the row, answers,
// objective scores and role-play runs of one learner's state of this course. `d` brings the file
// name and content hash; its row and warnings are filled in.
RecordDigest digest_state(const Course& course, RecordDigest d, CourseState st, bool keep_state);

// [SECTION] Item analysis
struct OptionStat {
  std::string id;
  bool correct = false;
  long chosen = 0;
};

struct QuestionStat {
  std::string id;
  std::string quiz_id;            // module id or the assessment id
  std::string objective;
  QuestionType type = QuestionType::SingleChoice;
  long answered = 0;
  long correct = 0;
  double score_sum = 0.0;         // of 0..1 scores (partial credit)
  std::vector<OptionStat> options;  // choice types only, model order
  double share_correct() const { return answered ? static_cast<double>(correct) / static_cast<double>(answered) : 0.0; }
};

struct ObjectiveStat {
  std::string id;
  long learners = 0;
  double score_sum = 0.0;
  std::array<long, 10> histogram{};  // learners per score decile (0-9, 10-19, ..., 90-100)
  double mean() const { return learners ? score_sum / static_cast<double>(learners) : 0.0; }
};

struct EndingStat {
  std::string node_id;
  Outcome outcome = Outcome::Poor;
  long reached = 0;
};

struct RolePlayStat {
  std::string module_id;
  std::string roleplay_id;
  long runs = 0;                      // learners whose last run reached an ending
  long unknown_endings = 0;           // endings not in this content version
  std::vector<EndingStat> endings;    // content order
  std::vector<std::string> rubric;    // criterion ids
  std::vector<double> rubric_sum;     // totals summed over runs
};

struct ModuleStat {
  std::string module_id;
  long scored = 0;          // learners with a best quiz score
  double best_sum = 0.0;
  long completed = 0;       // completed or passed
  long passed = 0;
  double mean_best() const { return scored ? best_sum / static_cast<double>(scored) : 0.0; }
};

struct ItemAnalysis {
  std::vector<QuestionStat> questions;   // module quizzes in course order, then the assessment bank
  std::vector<ObjectiveStat> objectives; // course order
  std::vector<RolePlayStat> roleplays;   // modules with a role-play, course order
  std::vector<ModuleStat> modules;       // course order
  std::array<long, 10> score_histogram{};  // overall score per decile, learners with a score
};

ItemAnalysis empty_analysis(const Course& course);

// [SECTION] The report
struct ReportSummary {
  long records = 0;     // accepted
  long refused = 0;
  long duplicates = 0;
  std::map<std::string, long> by_status;  // status_label -> learners
  long passed = 0;
  long failed = 0;
  std::optional<double> mean_score;
  double mean_time_seconds = 0.0;
};

class Report {
 public:
  explicit Report(const Course& course);

  // Folds one digest in. Returns true when it became a row. With its state kept (the browser),
  // the digest's answers, objective scores and role-play runs are kept too, for items_for().
  bool add(RecordDigest digest);
  // digest_record + add, keeping the state for learner_detail().
  bool add_file(std::string file, std::string_view text, bool keep_state = true);
  void clear();

  const Course& course() const { return *course_; }
  const std::vector<LearnerRow>& rows() const { return rows_; }
  const CourseState* state(std::size_t row) const;  // when kept
  const std::vector<ReportIssue>& issues() const { return issues_; }
  const ItemAnalysis& items() const { return items_; }
  // The item analysis of some rows only (the trainer view's filtered table). Rows added without
  // their state (the CLI) have nothing kept and count as no answers here.
  ItemAnalysis items_for(const std::vector<std::size_t>& rows) const;
  ReportSummary summary() const;

 private:
  const Course* course_;
  std::vector<LearnerRow> rows_;
  std::vector<std::optional<CourseState>> states_;
  struct Contribution {  // what one row added to the item analysis (kept with its state)
    std::vector<RecordDigest::Answer> answers;
    std::vector<std::pair<int, double>> objectives;
    std::vector<RecordDigest::RolePlayRun> runs;
  };
  std::vector<std::optional<Contribution>> contributions_;
  static void fold(ItemAnalysis& items, const Contribution& c, const LearnerRow& row);
  std::vector<ReportIssue> issues_;
  ItemAnalysis items_;
  std::set<std::uint64_t> seen_;
  long duplicates_ = 0;
  double time_sum_ = 0.0;
  double score_sum_ = 0.0;
  long scored_ = 0;
};

// [SECTION] Learner detail (the browser's per-learner view)
struct AnswerDetail {
  std::string question_id;
  std::string prompt;      // in `lang`
  std::string response;    // the learner's answer as text ("Option text", "A → B; C → D")
  bool known = false;      // the question exists in this content and the answer fits it
  bool correct = false;
  double score = 0.0;      // 0..1
};

struct RubricDetail {
  std::string id;
  std::string label;
  int score = 0;
  int max = 0;
};

struct StepDetail {
  std::string client;      // what the client said
  std::string reply;       // what the learner chose
};

struct QuizDetail {
  std::string id;
  std::string title;
  int attempts = 0;
  std::optional<double> best_score;
  std::optional<double> last_score;
  int pass_mark = 0;
  std::vector<AnswerDetail> answers;   // last finished attempt
};

struct ModuleDetail {
  std::string module_id;
  std::string title;
  ModuleStatus status = ModuleStatus::NotStarted;
  int pages_seen = 0;
  int pages = 0;
  QuizDetail quiz;
  bool has_roleplay = false;
  int runs = 0;
  std::string ending_title;            // last run
  std::optional<Outcome> outcome;
  std::vector<StepDetail> path;
  std::vector<RubricDetail> rubric;
};

struct JournalEntry {
  std::string id;
  std::string response;
  std::string result;      // correct / incorrect / neutral
  std::int64_t timestamp = 0;
};

struct LearnerDetail {
  std::vector<ModuleDetail> modules;
  QuizDetail assessment;
  std::vector<ObjectiveScore> objectives;
  std::vector<JournalEntry> journal;   // every answer and choice given, oldest first
};

LearnerDetail learner_detail(const Course& course, const CourseState& st, const std::string& lang);

// [SECTION] CSV exports (UTF-8 with BOM, formula-safe; see csv.h)
std::string table_csv(const Course& course, const std::vector<const LearnerRow*>& rows);
std::string table_csv(const Course& course, const std::vector<LearnerRow>& rows);
std::string items_csv(const Course& course, const ItemAnalysis& items, const std::string& lang);
std::string date_only(std::int64_t seconds);  // "2026-01-31"

}  // namespace granice
