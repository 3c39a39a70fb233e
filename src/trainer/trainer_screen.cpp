// The trainer view: open many progress records (file picker or drag and drop; the platform
// hands them over as text), see who passed, open one learner, study the item analysis and
// export both as CSV. Records are data only: shown as plain text, never run or parsed as markup,
// and nothing leaves the browser (CSV downloads are made locally).
#include <algorithm>
#include <array>
#include <cmath>

#include "app/screens/screens.h"   // DrawLoadError
#include "trainer/trainer_app.h"
#include "app/theme.h"
#include "app/view/strings.h"
#include "trainer/trainer_model.h"
#include "core/state/record.h"
#include "core/engines/roleplay_engine.h"
#include "imgui.h"

namespace granice::trainer {

using app::DrawLoadError;
using app::ModuleLabel;
using app::ObjectiveTitle;
using app::StatusText;

using view::Fmt;
using view::Str;
using view::T;

namespace {

std::string Pct(double percent, const std::string& lang) { return view::FormatPercent(percent, lang) + "%"; }

std::string Share(long part, long whole, const std::string& lang) {
  return whole ? Pct(100.0 * static_cast<double>(part) / static_cast<double>(whole), lang) : std::string("—");
}

float Fraction(long part, long whole) {
  return whole ? static_cast<float>(static_cast<double>(part) / static_cast<double>(whole)) : 0.0f;
}

const char* OutcomeText(Outcome o, const std::string& lang) {
  switch (o) {
    case Outcome::Good: return T(lang, Str::TrainerOutcomeGood);
    case Outcome::Partial: return T(lang, Str::TrainerOutcomePartial);
    default: return T(lang, Str::TrainerOutcomePoor);
  }
}

// A bar chart (histogram) drawn with ImGui; its numbers are in the semantic tree as one text.
void Histogram(const std::string& name, const std::array<long, 10>& bins, const std::string& lang) {
  const theme::Palette& c = theme::Colors();
  const float width = ImGui::GetContentRegionAvail().x;
  const float height = ImGui::GetFontSize() * 7.0f;
  const float label_h = ImGui::GetFontSize() * 1.3f;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const long peak = std::max<long>(1, *std::max_element(bins.begin(), bins.end()));
  const float slot = width / 10.0f;
  std::string text = name + ":";
  for (std::size_t i = 0; i < bins.size(); ++i) {
    const float h = (height - label_h) * static_cast<float>(bins[i]) / static_cast<float>(peak);
    const float x0 = p.x + slot * static_cast<float>(i) + 2.0f;
    const float x1 = x0 + slot - 4.0f;
    const float base = p.y + height - label_h;
    dl->AddRectFilled(ImVec2(x0, base - h), ImVec2(x1, base), ImGui::GetColorU32(i >= 8 ? c.good : c.accent), 2.0f);
    const std::string count = std::to_string(bins[i]);
    dl->AddText(ImVec2(x0 + 2.0f, std::max(p.y, base - h - ImGui::GetFontSize())), ImGui::GetColorU32(c.text), count.c_str());
    const std::string range = std::to_string(i * 10) + (i == 9 ? "–100" : "–" + std::to_string(i * 10 + 9));
    dl->AddText(ImVec2(x0 + 2.0f, base + 2.0f), ImGui::GetColorU32(c.muted), range.c_str());
    text += std::string(i ? "," : "") + " " + range + "%: " + count;
  }
  dl->AddLine(ImVec2(p.x, p.y + height - label_h), ImVec2(p.x + width, p.y + height - label_h), ImGui::GetColorU32(c.border));
  ImGui::Dummy(ImVec2(width, height));
  ui::MutedText(text);
  (void)lang;
}

// [SECTION] Learners table
void DrawFilters(TrainerModel& t, const std::string& lang) {
  const StatusFilter filters[] = {StatusFilter::All,       StatusFilter::Passed,
                                        StatusFilter::Failed,    StatusFilter::Completed,
                                        StatusFilter::Incomplete, StatusFilter::NotAttempted};
  std::vector<std::string> names;
  int current = 0;
  for (int i = 0; i < 6; ++i) {
    names.push_back(StatusFilterName(filters[i], lang));
    if (filters[i] == t.status) current = i;
  }
  if (ImGui::BeginTable("##filters", 4, ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(T(lang, Str::TrainerStatus));
    const int picked = ui::Choice(T(lang, Str::TrainerStatus), names[static_cast<std::size_t>(current)], names, current);
    if (picked >= 0) {
      t.status = filters[picked];
      t.page = 0;
    }
    ImGui::TableNextColumn();
    if (ui::TextInput(T(lang, Str::TrainerSearch), t.search, 64)) t.page = 0;
    ImGui::TableNextColumn();
    if (ui::TextInput(T(lang, Str::TrainerDateFrom), t.date_from, 10)) t.page = 0;
    ImGui::TableNextColumn();
    if (ui::TextInput(T(lang, Str::TrainerDateTo), t.date_to, 10)) t.page = 0;
    ImGui::EndTable();
  }
  if (!t.DatesValid())
    ui::Callout(T(lang, Str::TrainerDateHelp), ui::Tone::Bad);
}

void DrawLearners(TrainerState& app, TrainerModel& t, const std::string& lang) {
  const Report& rep = t.report();
  if (rep.rows().empty()) {
    ui::Paragraph(T(lang, Str::TrainerNoRecords));
    return;
  }
  DrawFilters(t, lang);
  const std::vector<std::size_t> visible = t.Visible();
  long passed = 0, failed = 0;
  for (std::size_t i : visible) {
    passed += rep.rows()[i].success == SuccessStatus::Passed;
    failed += rep.rows()[i].success == SuccessStatus::Failed;
  }
  ui::MutedText(Fmt(T(lang, Str::TrainerShowing), {std::to_string(visible.size()), std::to_string(rep.rows().size()),
                                                    std::to_string(passed), std::to_string(failed)}));
  if (ui::Button(T(lang, Str::TrainerExportTable), ui::ButtonKind::Secondary) && app.hooks.download)
    app.hooks.download("granice-learners.csv", "text/csv;charset=utf-8", t.TableCsv());

  const int pages = t.Pages(visible.size());
  t.page = std::clamp(t.page, 0, pages - 1);
  struct Column {
    Str label;
    SortKey key;
  };
  const Column cols[] = {{Str::TrainerColumnLearner, SortKey::Name}, {Str::TrainerColumnStatus, SortKey::Status},
                         {Str::TrainerColumnScore, SortKey::Score},  {Str::TrainerColumnTime, SortKey::Time},
                         {Str::TrainerColumnDate, SortKey::Date},    {Str::TrainerColumnVersion, SortKey::Version}};
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("##learners", 6, flags)) {
    ImGui::TableSetupColumn("a", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("b", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn("c", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("d", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("e", ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn("f", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (const Column& c : cols) {
      ImGui::TableNextColumn();
      const std::string label = T(lang, c.label);
      const std::string arrow = t.sort == c.key ? (t.descending ? " v" : " ^") : "";
      ImGui::PushID(static_cast<int>(c.key));
      if (ui::Button(label + arrow, ui::ButtonKind::Quiet, false, 0.0f, Fmt(T(lang, Str::TrainerSortBy), {label + arrow})))
        t.SortBy(c.key);
      ImGui::PopID();
    }
    const std::size_t first = static_cast<std::size_t>(t.page) * TrainerModel::kPageSize;
    for (std::size_t k = first; k < visible.size() && k < first + TrainerModel::kPageSize; ++k) {
      const std::size_t i = visible[k];
      const LearnerRow& r = rep.rows()[i];
      ImGui::TableNextRow();
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextColumn();
      const std::string who = r.learner_name.empty() ? (r.learner_id.empty() ? r.file : r.learner_id) : r.learner_name;
      if (ui::Link(who)) {
        t.Open(i);
        app.scroll_to_top = true;
      }
      if (!r.learner_id.empty()) ui::MutedText(r.learner_id);
      ImGui::TableNextColumn();
      ui::Paragraph(StatusName(r, lang));
      ImGui::TableNextColumn();
      ui::Paragraph(r.score ? Pct(*r.score, lang) : "—");
      ImGui::TableNextColumn();
      ui::Paragraph(view::FormatDuration(r.time_seconds, lang));
      ImGui::TableNextColumn();
      ui::Paragraph(date_only(r.updated));
      ImGui::TableNextColumn();
      ui::Paragraph(r.course_version + (r.warnings.empty() ? "" : " (!)"));
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (pages > 1) {
    if (ui::Button(T(lang, Str::Previous), ui::ButtonKind::Secondary, t.page == 0)) t.page--;
    ui::SameLine();
    if (ui::Button(T(lang, Str::NextPage), ui::ButtonKind::Secondary, t.page + 1 >= pages)) t.page++;
    ui::SameLine();
    ui::MutedText(Fmt(T(lang, Str::TrainerPageOf), {std::to_string(t.page + 1), std::to_string(pages)}));
  }
}

// [SECTION] One learner
void DrawQuizAnswers(const QuizDetail& q, const std::string& lang) {
  std::string line = Fmt(T(lang, Str::TrainerQuizAttempts), {std::to_string(q.attempts)});
  if (q.best_score) line += Fmt(T(lang, Str::TrainerBestScore), {Pct(*q.best_score, lang)});
  if (q.last_score) line += Fmt(T(lang, Str::TrainerLastScore), {Pct(*q.last_score, lang)});
  line += Fmt(T(lang, Str::TrainerPassMark), {std::to_string(q.pass_mark)});
  ui::Paragraph(line);
  for (const AnswerDetail& a : q.answers) {
    const Str verdict = !a.known ? Str::TrainerAnswerUnknown
                        : a.correct ? Str::TrainerAnswerCorrect
                        : a.score > 0 ? Str::TrainerAnswerPartly
                                      : Str::TrainerAnswerWrong;
    ui::Callout(Fmt(T(lang, Str::TrainerAnswer), {a.response, T(lang, verdict)}),
                !a.known ? ui::Tone::Neutral : a.correct ? ui::Tone::Good : ui::Tone::Bad, a.prompt);
  }
}

void DrawDetail(TrainerState& app, TrainerModel& t, const std::string& lang) {
  const Report& rep = t.report();
  const std::size_t i = *t.selected;
  if (ui::Button(T(lang, Str::TrainerBackToList), ui::ButtonKind::Secondary)) {
    t.CloseDetail();
    app.scroll_to_top = true;
    return;
  }
  const LearnerRow& r = rep.rows()[i];
  const Course& course = rep.course();
  ui::Heading(r.learner_name.empty() ? r.learner_id : r.learner_name, 2);
  ui::MutedText(Fmt(T(lang, Str::TrainerRecordFacts), {r.learner_id, r.file, r.course_version, r.language}));
  ui::Paragraph(Fmt(T(lang, Str::TrainerRecordStatus),
                    {StatusName(r, lang), r.score ? Pct(*r.score, lang) : "—", view::FormatDuration(r.time_seconds, lang),
                     date_only(r.started), date_only(r.updated)}));
  for (const std::string& w : r.warnings) ui::Callout(w, ui::Tone::Bad);
  const CourseState* st = rep.state(i);
  if (!st) return;
  const LearnerDetail d = learner_detail(course, *st, lang);

  ui::Heading(T(lang, Str::TrainerGuidelines), 3);
  for (const ObjectiveScore& o : d.objectives) {
    const std::string title = ObjectiveTitle(course, o.id, lang);
    if (o.score) ui::Progress(static_cast<float>(*o.score / 100.0), title + ": " + Pct(*o.score, lang));
    else ui::MutedText(title + ": —");
  }
  for (const ModuleDetail& m : d.modules) {
    ImGui::PushID(m.module_id.c_str());
    ui::Gap(0.4f);
    const Module* mod = course.module(m.module_id);
    ui::Heading((mod ? ModuleLabel(lang, *mod) + ": " : std::string()) + m.title, 3);
    ui::MutedText(Fmt(T(lang, Str::TrainerModuleLesson),
                      {StatusText(lang, m.status), std::to_string(m.pages_seen), std::to_string(m.pages)}));
    DrawQuizAnswers(m.quiz, lang);
    if (m.has_roleplay) {
      if (m.path.empty() && m.ending_title.empty()) {
        ui::Paragraph(T(lang, Str::TrainerRolePlayNotFinished));
      } else {
        ui::Paragraph(Fmt(T(lang, Str::TrainerRolePlayRuns), {std::to_string(m.runs), m.ending_title}) +
                      (m.outcome ? std::string(" (") + OutcomeText(*m.outcome, lang) + ")" : std::string()));
        int n = 0;
        for (const StepDetail& s : m.path)
          ui::ListItem(Fmt(T(lang, Str::TrainerStep), {std::to_string(++n), s.client, s.reply}));
        for (const RubricDetail& rb : m.rubric) {
          const float f = rb.max > 0 ? std::clamp(static_cast<float>(rb.score) / static_cast<float>(rb.max), 0.0f, 1.0f) : 0.0f;
          ui::Progress(f, rb.label + ": " + std::to_string(rb.score) + " / " + std::to_string(rb.max));
        }
      }
    }
    ImGui::PopID();
  }
  ui::Gap(0.4f);
  ui::Heading(course.assessment.title.in(lang), 3);
  ImGui::PushID("assessment");
  DrawQuizAnswers(d.assessment, lang);
  ImGui::PopID();
  ui::Gap(0.4f);
  ui::Checkbox(Fmt(T(lang, Str::TrainerShowJournal), {std::to_string(d.journal.size())}), t.show_journal);
  if (t.show_journal)
    for (const JournalEntry& e : d.journal)
      ui::ListItem(iso8601_utc(e.timestamp) + " · " + e.id + " · " + e.response + " · " + e.result);
}

// [SECTION] Item analysis
void DrawItems(TrainerState& app, TrainerModel& t, const std::string& lang) {
  const Report& rep = t.report();
  const Course& course = rep.course();
  const ItemAnalysis& a = t.Items();
  if (rep.rows().empty()) {
    ui::Paragraph(T(lang, Str::TrainerNoRecords));
    return;
  }
  if (t.Filtered()) {
    // Said first, so nobody reads a group's figures as everyone's.
    ui::Paragraph(Fmt(T(lang, Str::TrainerFilteredAnalysis),
                      {std::to_string(t.Visible().size()), std::to_string(rep.rows().size())}));
  }
  if (ui::Button(T(lang, Str::TrainerExportItems), ui::ButtonKind::Secondary) &&
      app.hooks.download)
    app.hooks.download("granice-items.csv", "text/csv;charset=utf-8", t.ItemsCsv(lang));

  ui::Heading(T(lang, Str::TrainerScoreDistribution), 3);
  Histogram(T(lang, Str::TrainerLearnersByScore), a.score_histogram, lang);

  ui::Heading(T(lang, Str::TrainerAverageByGuideline), 3);
  for (const ObjectiveStat& o : a.objectives) {
    const std::string title = ObjectiveTitle(course, o.id, lang);
    ui::Progress(static_cast<float>(o.mean() / 100.0),
                 title + ": " + (o.learners ? Pct(o.mean(), lang) : "—") + " (" + std::to_string(o.learners) + ")");
  }

  // One quiz at a time: the questions, how many got each right, which wrong options were chosen.
  int& quiz = t.items_quiz;
  std::vector<std::string> quizzes;
  for (const Module& m : course.modules) quizzes.push_back(ModuleLabel(lang, m) + ": " + m.title.in(lang));
  quizzes.push_back(course.assessment.title.in(lang));
  quiz = std::clamp(quiz, 0, static_cast<int>(quizzes.size()) - 1);
  ui::Heading(T(lang, Str::TrainerQuestionsShare), 3);
  const int picked = ui::Choice(T(lang, Str::Quiz), quizzes[static_cast<std::size_t>(quiz)], quizzes, quiz);
  if (picked >= 0) quiz = picked;
  const std::string quiz_id = static_cast<std::size_t>(quiz) < course.modules.size()
                                  ? course.modules[static_cast<std::size_t>(quiz)].id
                                  : course.assessment.id;
  for (const QuestionStat& q : a.questions) {
    if (q.quiz_id != quiz_id) continue;
    const Question* model = course.question(q.id);
    ImGui::PushID(q.id.c_str());
    ui::Progress(static_cast<float>(q.share_correct()),
                 Fmt(T(lang, Str::TrainerShareCorrect), {model ? model->prompt.in(lang) : q.id,
                                                         Share(q.correct, q.answered, lang), std::to_string(q.answered)}));
    for (std::size_t o = 0; o < q.options.size(); ++o) {
      if (q.options[o].correct || q.options[o].chosen == 0) continue;
      const std::string text = model && o < model->options.size() && !model->options[o].text.in(lang).empty()
                                   ? model->options[o].text.in(lang)
                                   : q.options[o].id;
      ImGui::Indent();
      ui::Progress(Fraction(q.options[o].chosen, q.answered),
                   Fmt(T(lang, Str::TrainerWrongOption), {text, Share(q.options[o].chosen, q.answered, lang)}));
      ImGui::Unindent();
    }
    ImGui::PopID();
  }

  ui::Heading(T(lang, Str::TrainerEndings), 3);
  for (const RolePlayStat& r : a.roleplays) {
    const Module* m = course.module(r.module_id);
    const RolePlay* rp = m && m->roleplay ? &*m->roleplay : nullptr;
    ImGui::PushID(r.roleplay_id.c_str());
    ui::Paragraph((m ? ModuleLabel(lang, *m) + ": " + m->title.in(lang) : r.module_id) + " (" + std::to_string(r.runs) +
                  ")");
    for (const EndingStat& e : r.endings) {
      std::string title = e.node_id;
      if (rp)
        if (int n = rp->node_index(e.node_id); n >= 0) title = rp->nodes[static_cast<std::size_t>(n)].ending_title.in(lang);
      ui::Progress(Fraction(e.reached, r.runs),
                   title + " (" + OutcomeText(e.outcome, lang) + "): " + Share(e.reached, r.runs, lang));
    }
    ImGui::PopID();
  }
}

// [SECTION] Files
void DrawFiles(TrainerModel& t, const std::string& lang) {
  const Report& rep = t.report();
  if (rep.issues().empty())
    ui::Paragraph(T(lang, Str::TrainerAllFilesValid));
  for (const ReportIssue& i : rep.issues()) ui::Callout(i.reason, ui::Tone::Bad, i.file);
  for (const LearnerRow& r : rep.rows())
    for (const std::string& w : r.warnings) ui::Callout(w, ui::Tone::Note, r.file);
}

// [SECTION] The trainer page
void DrawTrainer(TrainerState& app) {
  const std::string& lang = app.settings.lang;
  TrainerModel& t = *app.model;
  const char* title = T(lang, Str::TrainerTitle);
  app.ui.tree.title = title;
  ui::Heading(title, 1);
  if (ui::Button(T(lang, Str::TrainerOpenFiles), ui::ButtonKind::Primary) && app.hooks.open_files)
    app.hooks.open_files();
  if (app.hooks.open_course) {
    ui::SameLine();
    if (ui::Button(T(lang, Str::BackToCourse), ui::ButtonKind::Secondary)) app.hooks.open_course();
  }
  if (t.files_opened() > 0) {
    ui::SameLine();
    if (ui::Button(T(lang, Str::TrainerCloseAll), ui::ButtonKind::Quiet)) t.Clear();
  }
  ui::MutedText(T(lang, Str::TrainerPickHelp));
  const Report& rep = t.report();
  ui::Paragraph(Fmt(T(lang, Str::TrainerFilesSummary), {std::to_string(t.files_opened()), std::to_string(rep.rows().size()),
                                                         std::to_string(rep.issues().size())}));
  if (t.selected && *t.selected < rep.rows().size()) {
    DrawDetail(app, t, lang);
    return;
  }
  t.selected.reset();
  ImGui::Separator();
  struct Tab {
    TrainerTab id;
    std::string label;
  };
  const Tab tabs[] = {{TrainerTab::Learners, Fmt(T(lang, Str::TrainerTabLearners), {std::to_string(rep.rows().size())})},
                      {TrainerTab::Items, T(lang, Str::TrainerTabItems)},
                      {TrainerTab::Files, Fmt(T(lang, Str::TrainerTabFiles), {std::to_string(rep.issues().size())})}};
  bool first = true;
  for (const Tab& tab : tabs) {
    if (!first) ui::SameLine();
    first = false;
    const bool shown = t.tab == tab.id;
    const bool pressed = ui::Button(tab.label, shown ? ui::ButtonKind::Primary : ui::ButtonKind::Secondary);
    if (shown) ui::MarkCurrent(view::Current::True);   // the section shown: aria-current
    if (pressed) t.tab = tab.id;
  }
  ui::Gap(0.3f);
  switch (t.tab) {
    case TrainerTab::Learners: DrawLearners(app, t, lang); break;
    case TrainerTab::Items: DrawItems(app, t, lang); break;
    case TrainerTab::Files: DrawFiles(t, lang); break;
  }
}

}  // namespace

// [SECTION] The front end
void SetCourse(TrainerState& t, std::optional<Course> course, std::vector<std::string> load_errors) {
  t.model.reset();   // it points into the course it was made for
  t.course = std::move(course);
  if (t.course) view::UseInterfaceStrings(*t.course);
  t.load_errors = std::move(load_errors);
  t.model = t.course ? std::make_unique<TrainerModel>(*t.course) : nullptr;
}

void DrawTrainerApp(TrainerState& t) {
  app::DrawFrame(
      t,
      [&t] {
        if (t.waiting_for_content) return;
        if (t.model) DrawTrainer(t);
        else DrawLoadError(t, t.load_errors);
      },
      [&t] { HandleTrainerEscape(t); });
}

void HandleTrainerEscape(TrainerState& t) {
  if (app::ClosePopup()) return;
  if (t.model) t.model->CloseDetail();
}

}  // namespace granice::trainer
