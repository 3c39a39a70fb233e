// The statements route of the trainer's report: xAPI statements of this course (an LRS export
// file, or the pages `granice report --lrs` fetched) -> the same digests digest_record() makes of
// progress records, so the table, CSV, guideline scores and item analysis come out of Report
// unchanged. Pure: no HTTP, no files (src/cli fetches and reads).
//
//   StatementSet set(course);                                   // keep_journal: the browser's detail view
//   set.add_text("export.json", text);                          // an array, a {statements, more} page, or several
//   std::string more; set.add_text(lrs_url, page_text, &more);  // the page's `more` link ("" at the end)
//   for (RecordDigest& d : set.digests()) report.add(std::move(d));
//   for (const ReportIssue& i : set.issues()) ...               // bad statements: source, index, id, pointer
//
// What belongs to this course: statements whose object is the course's AU (cmi5::au_iri) or one of
// its activities below it (".../question/...", ".../roleplay/..."); every other statement is
// counted and ignored, as are the LMS's own statements about the AU (`launched` before every
// session, cmi5 §9.3.1; abandoned, waived): they carry no progress. Voiding statements (verb voided, a StatementRef object) remove their target,
// whatever the order they come in.
//
// One learner row per registration (context.registration): a cmi5 registration is one enrolment,
// as one progress record is one learner's course state. Its state is the newest (by timestamp)
// progress snapshot its statements carry (cmi5::iri::kSnapshot, on terminated, completed, passed
// and failed): exactly what that session's record held. Several sessions of a registration
// therefore combine as the course combined them (ties: the greater statement id, so the choice
// does not depend on the order statements arrive in); several registrations of one learner (the LMS
// enrolled them again) stay separate rows, each with a warning naming the count, as several
// record files of one learner do. A registration none of whose statements carries a snapshot yet
// (a session still open) becomes an issue naming it, not a row with guessed numbers.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/model.h"
#include "core/report/report.h"

namespace granice {

struct StatementCounts {
  long statements = 0;    // read, of any course
  long other_course = 0;  // ignored: not this course's activities
  long by_lms = 0;        // ignored: the LMS's own statements about the AU (launched, abandoned, waived)
  long voided = 0;        // voiding statements (each removes its target)
  long refused = 0;       // malformed (each one an issue)
};

class StatementSet {
 public:
  explicit StatementSet(const Course& course, bool keep_journal = false);
  ~StatementSet();
  StatementSet(StatementSet&&) noexcept;
  StatementSet& operator=(StatementSet&&) noexcept;

  // Reads one text: an array of statements, a {"statements": [...], "more": "..."} page, or several
  // such values one after another; `more` (when given) gets the last page's more link ("" when
  // none). Never throws: a malformed statement becomes an issue ("<source>: statement 17 (id ...):
  // /statements/17/verb/id: expected a string") and the others are kept. Returns false when the
  // text is not statements at all (not JSON: one issue with its line and column, the statements
  // before the error kept; another shape of JSON).
  bool add_text(std::string_view source, std::string_view text, std::string* more = nullptr);
  // Folds in what another set read (the CLI reads files on several threads, one set each).
  void merge(StatementSet&& other);

  // One digest per registration with a snapshot, ordered by learner id, start, registration (the
  // same order whichever order the LRS returned the statements in). With keep_journal, each state's
  // journal is rebuilt from the answered / responded statements (what the detail view lists).
  std::vector<RecordDigest> digests() const;

  const std::vector<ReportIssue>& issues() const { return issues_; }
  StatementCounts counts() const;

 private:
  struct Data;
  std::unique_ptr<Data> data_;
  std::vector<ReportIssue> issues_;
};

// Whether a text looks like xAPI statements (an array, or an object whose first member is
// "statements" or "more") rather than a progress record: how `granice report` and the trainer page
// tell the two apart.
bool looks_like_statements(std::string_view text);

// An xAPI timestamp ("2026-12-01T08:22:48.123Z", "+01:00" offsets, any number of decimals) in
// milliseconds since the epoch; nullopt when it is not one.
std::optional<std::int64_t> parse_xapi_timestamp(std::string_view s);

}  // namespace granice
