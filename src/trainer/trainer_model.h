// The trainer view's state as pure logic: the opened records (core/report/report.h), the table's
// filters and sort order, which learner is open, and the CSV exports. The ImGui screen
// (trainer/trainer_screen.cpp) only draws this and forwards clicks.
//
//   TrainerModel t(course);
//   t.AddFile("anna.json", text);           // picker / drag and drop; bad files become issues
//   t.status = StatusFilter::Failed; t.search = "nowak"; t.SortBy(SortKey::Score);
//   for (std::size_t i : t.Visible()) draw t.report().rows()[i];
//   download("granice-learners.csv", t.TableCsv());
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/view/strings.h"
#include "core/report/report.h"

namespace granice::trainer {

enum class TrainerTab { Learners, Items, Files };
enum class SortKey { Name, Status, Score, Time, Date, Version };
enum class StatusFilter { All, Passed, Failed, Completed, Incomplete, NotAttempted };


const char* StatusFilterName(StatusFilter f, std::string_view lang);
std::string StatusName(const LearnerRow& r, std::string_view lang);
// Case-insensitive for ASCII and Polish letters (Ł -> ł ...), for the text search.
std::string FoldCase(std::string_view s);
// "2026-01-31" -> seconds at 00:00:00Z; nullopt when not such a date.
std::optional<std::int64_t> ParseDate(std::string_view s);

class TrainerModel {
 public:
  explicit TrainerModel(const Course& course);

  void AddFile(const std::string& name, std::string_view text);
  void Clear();
  const Report& report() const { return report_; }
  std::size_t files_opened() const { return files_opened_; }

  // [SECTION] Table
  StatusFilter status = StatusFilter::All;
  std::string search;     // name, id or file contains it
  std::string date_from;  // YYYY-MM-DD on the record's last update, inclusive; empty = open
  std::string date_to;
  SortKey sort = SortKey::Name;
  bool descending = false;
  int page = 0;
  static constexpr int kPageSize = 20;

  void SortBy(SortKey key);          // same key again flips the direction
  bool DatesValid() const;           // both empty or YYYY-MM-DD
  std::vector<std::size_t> Visible() const;  // row indices after filters, in sort order
  bool Filtered() const;             // a status, search or date filter is set
  // The item analysis of the learners the filters let through (of everyone when none is set), so
  // a trainer who narrows the table to a group or a period sees where that group struggles.
  const ItemAnalysis& Items() const;
  int Pages(std::size_t visible) const;

  // [SECTION] Navigation
  TrainerTab tab = TrainerTab::Learners;
  std::optional<std::size_t> selected;   // row shown in detail
  void Open(std::size_t row);
  void CloseDetail() { selected.reset(); }
  bool show_journal = false;             // detail: every answer and choice given
  int items_quiz = 0;                    // item analysis: which quiz (module index; last = assessment)

  // [SECTION] Exports (UTF-8 with BOM, formula-safe)
  std::string TableCsv() const;                       // the visible rows, in table order
  std::string ItemsCsv(const std::string& lang) const;  // of Items()

 private:
  const Course* course_;
  Report report_;
  std::size_t files_opened_ = 0;
  // Items() for one set of filters, recomputed when they or the opened records change.
  mutable std::string items_key_;
  mutable ItemAnalysis items_filtered_;
};

}  // namespace granice::trainer
