#include "trainer/trainer_model.h"

#include <algorithm>

#include "core/report/xapi_report.h"
#include "core/state/record.h"

namespace granice::trainer {

using view::Tr;

const char* StatusFilterName(StatusFilter f, std::string_view lang) {
  switch (f) {
    case StatusFilter::All: return Tr(lang, "Wszystkie", "All");
    case StatusFilter::Passed: return Tr(lang, "Zaliczone", "Passed");
    case StatusFilter::Failed: return Tr(lang, "Niezaliczone", "Failed");
    case StatusFilter::Completed: return Tr(lang, "Ukończone", "Completed");
    case StatusFilter::Incomplete: return Tr(lang, "W trakcie", "Incomplete");
    default: return Tr(lang, "Nierozpoczęte", "Not attempted");
  }
}

static StatusFilter FilterOf(const LearnerRow& r) {
  if (r.success == SuccessStatus::Passed) return StatusFilter::Passed;
  if (r.success == SuccessStatus::Failed) return StatusFilter::Failed;
  if (r.completion == CompletionStatus::Completed) return StatusFilter::Completed;
  if (r.completion == CompletionStatus::Incomplete) return StatusFilter::Incomplete;
  return StatusFilter::NotAttempted;
}

std::string StatusName(const LearnerRow& r, std::string_view lang) { return StatusFilterName(FilterOf(r), lang); }

std::string FoldCase(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c + 32);
    } else if ((c == 0xC3 || c == 0xC4 || c == 0xC5) && i + 1 < s.size()) {
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      // Ó (C3 93); Ą Ć Ę (C4 84/86/98); Ł Ń Ś Ź Ż (C5 81/83/9A/B9/BB): capital -> small.
      if (c == 0xC3 && d == 0x93) d = 0xB3;
      else if (c == 0xC4 && (d == 0x84 || d == 0x86 || d == 0x98)) d = static_cast<unsigned char>(d + 1);
      else if (c == 0xC5 && (d == 0x81 || d == 0x83 || d == 0x9A || d == 0xB9 || d == 0xBB)) d = static_cast<unsigned char>(d + 1);
      out += static_cast<char>(c);
      out += static_cast<char>(d);
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::optional<std::int64_t> ParseDate(std::string_view s) {
  if (s.size() != 10) return std::nullopt;
  return parse_iso8601_utc(std::string(s) + "T00:00:00Z");
}

TrainerModel::TrainerModel(const Course& course) : course_(&course), report_(course) {}

void TrainerModel::AddFile(const std::string& name, std::string_view text) {
  ++files_opened_;
  if (!looks_like_statements(text)) {
    report_.add_file(name, text, true);
    return;
  }
  // An LRS export: each file on its own (all its pages), one row per registration, with the
  // journal rebuilt for the detail view. web/trainer.js hands over at most one byte more than this.
  constexpr std::size_t kExportMaxBytes = std::size_t{256} << 20;
  if (text.size() > kExportMaxBytes) {
    RecordDigest d;
    d.file = name;
    d.error = "a statements export larger than 256 MB: read it with granice report (the command line) instead";
    report_.add(std::move(d));
    return;
  }
  StatementSet statements(*course_, true);
  statements.add_text(name, text);
  for (const ReportIssue& i : statements.issues()) {
    RecordDigest d;
    d.file = i.file;
    d.error = i.reason;
    report_.add(std::move(d));
  }
  for (RecordDigest& d : statements.digests()) report_.add(std::move(d));
}

void TrainerModel::Clear() {
  report_.clear();
  files_opened_ = 0;
  items_key_.clear();
  selected.reset();
  page = 0;
}

void TrainerModel::SortBy(SortKey key) {
  if (sort == key) descending = !descending;
  else {
    sort = key;
    descending = key == SortKey::Score || key == SortKey::Date || key == SortKey::Time;
  }
  page = 0;
}

bool TrainerModel::DatesValid() const {
  return (date_from.empty() || ParseDate(date_from)) && (date_to.empty() || ParseDate(date_to));
}

std::vector<std::size_t> TrainerModel::Visible() const {
  const auto& rows = report_.rows();
  const std::string needle = FoldCase(search);
  const auto from = ParseDate(date_from);
  const auto to = ParseDate(date_to);
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const LearnerRow& r = rows[i];
    if (status != StatusFilter::All && FilterOf(r) != status) continue;
    if (from && r.updated < *from) continue;
    if (to && r.updated >= *to + 86400) continue;
    if (!needle.empty() && FoldCase(r.learner_name).find(needle) == std::string::npos &&
        FoldCase(r.learner_id).find(needle) == std::string::npos && FoldCase(r.file).find(needle) == std::string::npos)
      continue;
    out.push_back(i);
  }
  auto key_less = [&](std::size_t a, std::size_t b) {
    const LearnerRow& x = rows[a];
    const LearnerRow& y = rows[b];
    switch (sort) {
      case SortKey::Status: return FilterOf(x) < FilterOf(y);
      case SortKey::Score: return x.score.value_or(-1.0) < y.score.value_or(-1.0);
      case SortKey::Time: return x.time_seconds < y.time_seconds;
      case SortKey::Date: return x.updated < y.updated;
      case SortKey::Version: return x.course_version < y.course_version;
      case SortKey::Name: break;
    }
    return FoldCase(x.learner_name) < FoldCase(y.learner_name);
  };
  std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
    return descending ? key_less(b, a) : key_less(a, b);
  });
  return out;
}

int TrainerModel::Pages(std::size_t visible) const {
  return std::max(1, static_cast<int>((visible + kPageSize - 1) / kPageSize));
}

void TrainerModel::Open(std::size_t row) {
  if (row < report_.rows().size()) selected = row;
}

std::string TrainerModel::TableCsv() const {
  std::vector<const LearnerRow*> rows;
  for (std::size_t i : Visible()) rows.push_back(&report_.rows()[i]);
  return table_csv(*course_, rows);
}

bool TrainerModel::Filtered() const {
  return status != StatusFilter::All || !search.empty() || ParseDate(date_from) || ParseDate(date_to);
}

const ItemAnalysis& TrainerModel::Items() const {
  if (!Filtered()) return report_.items();
  std::string key = std::to_string(static_cast<int>(status)) + '\n' + search + '\n' + date_from + '\n' + date_to + '\n' +
                    std::to_string(report_.rows().size()) + '\n' + std::to_string(files_opened_);
  if (key != items_key_) {
    items_filtered_ = report_.items_for(Visible());
    items_key_ = std::move(key);
  }
  return items_filtered_;
}

std::string TrainerModel::ItemsCsv(const std::string& lang) const { return items_csv(*course_, Items(), lang); }

}  // namespace granice::trainer
