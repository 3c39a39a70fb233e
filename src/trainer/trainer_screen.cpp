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

using view::Tr;

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
    case Outcome::Good: return Tr(lang, "dobre", "good");
    case Outcome::Partial: return Tr(lang, "częściowe", "partial");
    default: return Tr(lang, "słabe", "poor");
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
    ImGui::TextUnformatted(Tr(lang, "Status", "Status"));
    const int picked = ui::Choice(Tr(lang, "Status", "Status"), names[static_cast<std::size_t>(current)], names, current);
    if (picked >= 0) {
      t.status = filters[picked];
      t.page = 0;
    }
    ImGui::TableNextColumn();
    if (ui::TextInput(Tr(lang, "Szukaj", "Search"), t.search, 64)) t.page = 0;
    ImGui::TableNextColumn();
    if (ui::TextInput(Tr(lang, "Od (RRRR-MM-DD)", "From (YYYY-MM-DD)"), t.date_from, 10)) t.page = 0;
    ImGui::TableNextColumn();
    if (ui::TextInput(Tr(lang, "Do (RRRR-MM-DD)", "To (YYYY-MM-DD)"), t.date_to, 10)) t.page = 0;
    ImGui::EndTable();
  }
  if (!t.DatesValid())
    ui::Callout(Tr(lang, "Datę wpisz jako RRRR-MM-DD, np. 2026-03-31; do tego czasu filtr dat nie działa.",
                   "Type dates as YYYY-MM-DD, e.g. 2026-03-31; until then the date filter is off."),
                ui::Tone::Bad);
}

void DrawLearners(TrainerState& app, TrainerModel& t, const std::string& lang) {
  const Report& rep = t.report();
  if (rep.rows().empty()) {
    ui::Paragraph(Tr(lang, "Nie otwarto jeszcze żadnego poprawnego rekordu.", "No valid record has been opened yet."));
    return;
  }
  DrawFilters(t, lang);
  const std::vector<std::size_t> visible = t.Visible();
  long passed = 0, failed = 0;
  for (std::size_t i : visible) {
    passed += rep.rows()[i].success == SuccessStatus::Passed;
    failed += rep.rows()[i].success == SuccessStatus::Failed;
  }
  ui::MutedText(std::string(Tr(lang, "Widoczne: ", "Showing: ")) + std::to_string(visible.size()) + " / " +
                std::to_string(rep.rows().size()) + " · " + Tr(lang, "zaliczyło ", "passed ") + std::to_string(passed) +
                " · " + Tr(lang, "nie zaliczyło ", "failed ") + std::to_string(failed));
  if (ui::Button(Tr(lang, "Eksportuj tabelę (CSV)", "Export table (CSV)"), ui::ButtonKind::Secondary) && app.hooks.download)
    app.hooks.download("granice-learners.csv", "text/csv;charset=utf-8", t.TableCsv());

  const int pages = t.Pages(visible.size());
  t.page = std::clamp(t.page, 0, pages - 1);
  struct Column {
    const char* pl;
    const char* en;
    SortKey key;
  };
  const Column cols[] = {{"Osoba", "Learner", SortKey::Name},   {"Status", "Status", SortKey::Status},
                         {"Wynik", "Score", SortKey::Score},    {"Czas", "Time", SortKey::Time},
                         {"Data", "Date", SortKey::Date},       {"Wersja", "Version", SortKey::Version}};
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
      const std::string label = Tr(lang, c.pl, c.en);
      const std::string arrow = t.sort == c.key ? (t.descending ? " v" : " ^") : "";
      ImGui::PushID(c.en);
      if (ui::Button(label + arrow, ui::ButtonKind::Quiet, false, 0.0f,
                     std::string(Tr(lang, "Sortuj: ", "Sort by ")) + label + arrow))
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
    if (ui::Button(Tr(lang, "Poprzednia strona", "Previous page"), ui::ButtonKind::Secondary, t.page == 0)) t.page--;
    ui::SameLine();
    if (ui::Button(Tr(lang, "Następna strona", "Next page"), ui::ButtonKind::Secondary, t.page + 1 >= pages)) t.page++;
    ui::SameLine();
    ui::MutedText(std::string(Tr(lang, "Strona ", "Page ")) + std::to_string(t.page + 1) + " / " + std::to_string(pages));
  }
}

// [SECTION] One learner
void DrawQuizAnswers(const QuizDetail& q, const std::string& lang) {
  std::string line = std::string(Tr(lang, "Quiz: próby ", "Quiz: attempts ")) + std::to_string(q.attempts);
  if (q.best_score) line += std::string(Tr(lang, ", najlepszy wynik ", ", best score ")) + Pct(*q.best_score, lang);
  if (q.last_score) line += std::string(Tr(lang, ", ostatni ", ", last ")) + Pct(*q.last_score, lang);
  line += std::string(Tr(lang, " (próg ", " (pass mark ")) + std::to_string(q.pass_mark) + "%)";
  ui::Paragraph(line);
  for (const AnswerDetail& a : q.answers) {
    const char* verdict = !a.known ? Tr(lang, "nie pasuje do tej wersji treści", "does not fit this content version")
                          : a.correct ? Tr(lang, "poprawnie", "correct")
                          : a.score > 0 ? Tr(lang, "częściowo", "partly correct")
                                        : Tr(lang, "błędnie", "incorrect");
    ui::Callout(std::string(Tr(lang, "Odpowiedź: ", "Answer: ")) + a.response + " — " + verdict, 
                !a.known ? ui::Tone::Neutral : a.correct ? ui::Tone::Good : ui::Tone::Bad, a.prompt);
  }
}

void DrawDetail(TrainerState& app, TrainerModel& t, const std::string& lang) {
  const Report& rep = t.report();
  const std::size_t i = *t.selected;
  if (ui::Button(Tr(lang, "Wróć do listy", "Back to the list"), ui::ButtonKind::Secondary)) {
    t.CloseDetail();
    app.scroll_to_top = true;
    return;
  }
  const LearnerRow& r = rep.rows()[i];
  const Course& course = rep.course();
  ui::Heading(r.learner_name.empty() ? r.learner_id : r.learner_name, 2);
  ui::MutedText(std::string("ID: ") + r.learner_id + " · " + Tr(lang, "plik: ", "file: ") + r.file + " · " +
                Tr(lang, "wersja treści ", "content version ") + r.course_version + " · " + r.language);
  ui::Paragraph(std::string(Tr(lang, "Status: ", "Status: ")) + StatusName(r, lang) + " · " +
                Tr(lang, "wynik: ", "score: ") + (r.score ? Pct(*r.score, lang) : "—") + " · " +
                Tr(lang, "czas: ", "time: ") + view::FormatDuration(r.time_seconds, lang) + " · " +
                Tr(lang, "od ", "from ") + date_only(r.started) + Tr(lang, " do ", " to ") + date_only(r.updated));
  for (const std::string& w : r.warnings) ui::Callout(w, ui::Tone::Bad);
  const CourseState* st = rep.state(i);
  if (!st) return;
  const LearnerDetail d = learner_detail(course, *st, lang);

  ui::Heading(Tr(lang, "Wytyczne", "Guidelines"), 3);
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
    ui::MutedText(std::string(StatusText(lang, m.status)) + " · " + Tr(lang, "lekcja ", "lesson ") +
                  std::to_string(m.pages_seen) + " / " + std::to_string(m.pages));
    DrawQuizAnswers(m.quiz, lang);
    if (m.has_roleplay) {
      if (m.path.empty() && m.ending_title.empty()) {
        ui::Paragraph(Tr(lang, "Scenka: nie ukończona.", "Role-play: not finished."));
      } else {
        ui::Paragraph(std::string(Tr(lang, "Scenka (przebiegi: ", "Role-play (runs: ")) + std::to_string(m.runs) + "), " +
                      Tr(lang, "ostatnie zakończenie: ", "last ending: ") + m.ending_title +
                      (m.outcome ? std::string(" (") + OutcomeText(*m.outcome, lang) + ")" : std::string()));
        int n = 0;
        for (const StepDetail& s : m.path)
          ui::ListItem(std::to_string(++n) + ". " + Tr(lang, "Klient: ", "Client: ") + s.client + " — " +
                       Tr(lang, "Odpowiedź: ", "Reply: ") + s.reply);
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
  ui::Checkbox(std::string(Tr(lang, "Pokaż wszystkie odpowiedzi i wybory (", "Show every answer and choice given (")) +
                   std::to_string(d.journal.size()) + ")",
               t.show_journal);
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
    ui::Paragraph(Tr(lang, "Nie otwarto jeszcze żadnego poprawnego rekordu.", "No valid record has been opened yet."));
    return;
  }
  if (t.Filtered()) {
    // Said first, so nobody reads a group's figures as everyone's.
    ui::Paragraph(std::string(Tr(lang, "Analiza obejmuje osoby widoczne w tabeli po filtrach: ",
                                 "This analysis covers the learners the table's filters show: ")) +
                  std::to_string(t.Visible().size()) + Tr(lang, " z ", " of ") + std::to_string(rep.rows().size()) + ".");
  }
  if (ui::Button(Tr(lang, "Eksportuj analizę pytań (CSV)", "Export item analysis (CSV)"), ui::ButtonKind::Secondary) &&
      app.hooks.download)
    app.hooks.download("granice-items.csv", "text/csv;charset=utf-8", t.ItemsCsv(lang));

  ui::Heading(Tr(lang, "Rozkład wyników końcowych", "Final score distribution"), 3);
  Histogram(Tr(lang, "Liczba osób według wyniku", "Learners by score"), a.score_histogram, lang);

  ui::Heading(Tr(lang, "Średni wynik według wytycznej", "Average score per guideline"), 3);
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
  ui::Heading(Tr(lang, "Pytania: odsetek poprawnych odpowiedzi", "Questions: share answered correctly"), 3);
  const int picked = ui::Choice(Tr(lang, "Quiz", "Quiz"), quizzes[static_cast<std::size_t>(quiz)], quizzes, quiz);
  if (picked >= 0) quiz = picked;
  const std::string quiz_id = static_cast<std::size_t>(quiz) < course.modules.size()
                                  ? course.modules[static_cast<std::size_t>(quiz)].id
                                  : course.assessment.id;
  for (const QuestionStat& q : a.questions) {
    if (q.quiz_id != quiz_id) continue;
    const Question* model = course.question(q.id);
    ImGui::PushID(q.id.c_str());
    ui::Progress(static_cast<float>(q.share_correct()),
                 (model ? model->prompt.in(lang) : q.id) + " — " + Tr(lang, "poprawnie ", "correct ") +
                     Share(q.correct, q.answered, lang) + " (" + std::to_string(q.answered) + ")");
    for (std::size_t o = 0; o < q.options.size(); ++o) {
      if (q.options[o].correct || q.options[o].chosen == 0) continue;
      const std::string text = model && o < model->options.size() && !model->options[o].text.in(lang).empty()
                                   ? model->options[o].text.in(lang)
                                   : q.options[o].id;
      ImGui::Indent();
      ui::Progress(Fraction(q.options[o].chosen, q.answered),
                   std::string(Tr(lang, "błędna: ", "wrong: ")) + text + " — " + Share(q.options[o].chosen, q.answered, lang));
      ImGui::Unindent();
    }
    ImGui::PopID();
  }

  ui::Heading(Tr(lang, "Scenki: jak często osiągnięto każde zakończenie", "Role-plays: how often each ending was reached"), 3);
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
    ui::Paragraph(Tr(lang, "Wszystkie otwarte pliki są poprawnymi rekordami.", "Every file opened is a valid record."));
  for (const ReportIssue& i : rep.issues()) ui::Callout(i.reason, ui::Tone::Bad, i.file);
  for (const LearnerRow& r : rep.rows())
    for (const std::string& w : r.warnings) ui::Callout(w, ui::Tone::Note, r.file);
}

// [SECTION] The trainer page
void DrawTrainer(TrainerState& app) {
  const std::string& lang = app.settings.lang;
  TrainerModel& t = *app.model;
  const char* title = Tr(lang, "Przegląd trenera", "Trainer review");
  app.ui.tree.title = title;
  ui::Heading(title, 1);
  if (ui::Button(Tr(lang, "Otwórz pliki rekordów", "Open record files"), ui::ButtonKind::Primary) && app.hooks.open_files)
    app.hooks.open_files();
  if (app.hooks.open_course) {
    ui::SameLine();
    if (ui::Button(Tr(lang, "Wróć do kursu", "Back to the course"), ui::ButtonKind::Secondary)) app.hooks.open_course();
  }
  if (t.files_opened() > 0) {
    ui::SameLine();
    if (ui::Button(Tr(lang, "Zamknij wszystkie", "Close all"), ui::ButtonKind::Quiet)) t.Clear();
  }
  ui::MutedText(Tr(lang,
                   "Wybierz pliki .json z rekordami albo upuść je na stronę. Pliki są czytane tylko w tej przeglądarce — nic nie jest wysyłane.",
                   "Choose .json record files or drop them onto the page. They are read in this browser only — nothing is sent anywhere."));
  const Report& rep = t.report();
  ui::Paragraph(std::string(Tr(lang, "Otwarte pliki: ", "Files opened: ")) + std::to_string(t.files_opened()) + " · " +
                Tr(lang, "poprawne: ", "valid: ") + std::to_string(rep.rows().size()) + " · " +
                Tr(lang, "odrzucone: ", "refused: ") + std::to_string(rep.issues().size()));
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
  const Tab tabs[] = {{TrainerTab::Learners, std::string(Tr(lang, "Osoby (", "Learners (")) + std::to_string(rep.rows().size()) + ")"},
                      {TrainerTab::Items, Tr(lang, "Analiza pytań", "Item analysis")},
                      {TrainerTab::Files, std::string(Tr(lang, "Pliki z problemami (", "Files with problems (")) +
                                                    std::to_string(rep.issues().size()) + ")"}};
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
  t.load_errors = std::move(load_errors);
  t.model = t.course ? std::make_unique<TrainerModel>(*t.course) : nullptr;
}

void DrawTrainerApp(TrainerState& t) {
  app::DrawFrame(
      t,
      [&t] {
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
