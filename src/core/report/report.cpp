#include "core/report/report.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <utility>

#include "core/report/csv.h"
#include "core/text/decimal.h"
#include "core/state/record.h"
#include "core/engines/rng.h"
#include "core/engines/roleplay_engine.h"
#include "core/engines/scoring.h"
#include "core/text/utf8.h"

namespace granice {

namespace {

int index_of_question(const std::vector<Question>& qs, std::string_view id) {
  for (std::size_t i = 0; i < qs.size(); ++i)
    if (qs[i].id == id) return static_cast<int>(i);
  return -1;
}

const Question* graded_answer(const Question* q, const QuestionAnswer& a, Grade& g) {
  if (!q || !a.submitted || !fits(*q, a.response) || !is_complete(*q, a.response)) return nullptr;
  g = grade(*q, a.response);
  return q;
}

std::vector<const RolePlayNode*> endings_of(const RolePlay& rp) {
  std::vector<const RolePlayNode*> out;
  for (const auto& n : rp.nodes)
    if (n.is_ending) out.push_back(&n);
  return out;
}

int decile(double percent) {
  if (!std::isfinite(percent)) return 0;
  return std::clamp(static_cast<int>(std::floor(percent / 10.0)), 0, 9);
}

}  // namespace

std::string status_label(const LearnerRow& r) {
  if (r.success == SuccessStatus::Passed) return "passed";
  if (r.success == SuccessStatus::Failed) return "failed";
  return to_string(r.completion);
}

std::string date_only(std::int64_t seconds) { return iso8601_utc(seconds).substr(0, 10); }

// [SECTION] Digest
RecordDigest digest_record(const Course& course, std::string file, std::string_view text, bool keep_state) {
  RecordDigest d;
  d.file = std::move(file);
  d.content_hash = std::hash<std::string_view>{}(text);  // word-at-a-time: FNV over 90 KB shows in profiles
  // The journal is needed only when the state is kept (the detail view).
  RecordResult r = from_record(text, keep_state);
  if (!r.ok()) {
    d.error = r.errors.empty() ? "not a Granice record" : utf8_clip(r.errors.front(), 300);
    if (r.errors.size() > 1) d.error += " (and " + std::to_string(r.errors.size() - 1) + " more)";
    return d;
  }
  if (r.state->course_id != course.id) {
    d.error = "a record of another course (\"" + utf8_clip(r.state->course_id, 60) + "\"; this content is \"" + course.id + "\")";
    return d;
  }
  return digest_state(course, std::move(d), std::move(*r.state), keep_state);
}

RecordDigest digest_state(const Course& course, RecordDigest d, CourseState state, bool keep_state) {
  const CourseState& st = state;
  LearnerRow row;
  row.file = d.file;
  row.learner_id = st.learner_id;
  row.learner_name = st.learner_name;
  row.language = st.language;
  row.course_version = st.course_version;
  row.completion = completion_status(course, st);
  row.success = success_status(course, st);
  row.score = overall_score(course, st);
  row.time_seconds = st.total_time_seconds;
  row.started = st.started;
  row.updated = st.updated;
  if (st.course_version != course.version)
    row.warnings.push_back("made with content version " + utf8_clip(st.course_version, 40) + " (this content is " +
                           course.version + "); answers that no longer fit are not counted");
  if (st.learner_id.empty()) row.warnings.push_back("no learner id");
  for (const auto& mp : st.modules)
    if (!course.module(mp.module_id)) {
      row.warnings.push_back("progress for a module this content does not have: " + utf8_clip(mp.module_id, 40));
      break;
    }

  // One digest entry per graded answer: its question's place in the course-wide list
  // (`offset` + index within `questions`), score, and the options chosen (choice types).
  auto add_answers = [&d](const std::vector<Question>& questions, const std::vector<QuestionAnswer>& answers,
                          int offset) {
    for (const QuestionAnswer& a : answers) {
      const int qi = index_of_question(questions, a.question_id);
      Grade g;
      const Question* q = graded_answer(qi < 0 ? nullptr : &questions[static_cast<std::size_t>(qi)], a, g);
      if (!q) continue;
      RecordDigest::Answer ans{offset + qi, g.score, g.correct, 0};
      if (is_choice_type(q->type))
        for (int s : a.response.selected)
          if (s >= 0 && s < 64) ans.chosen |= std::uint64_t{1} << s;
      d.answers.push_back(ans);
    }
  };

  int qoffset = 0;
  int rp_index = 0;
  for (const Module& m : course.modules) {
    const ModuleProgress* p = find_progress(st, m.id);
    ModuleSummary ms;
    ms.module_id = m.id;
    ms.status = module_status(course, st, m);
    if (p) {
      ms.best_score = p->quiz.best_score;
      ms.attempts = p->quiz.attempts_used;
      ms.roleplay_runs = p->roleplay.runs;
      ms.best_outcome = p->roleplay.best_outcome;
      add_answers(m.quiz.questions, p->quiz.last_answers, qoffset);
      if (m.roleplay && !p->roleplay.last_ending.empty()) {
        RecordDigest::RolePlayRun run;
        run.roleplay = rp_index;
        const auto ends = endings_of(*m.roleplay);
        for (std::size_t e = 0; e < ends.size(); ++e)
          if (ends[e]->id == p->roleplay.last_ending) run.ending = static_cast<int>(e);
        for (const auto& crit : m.roleplay->rubric) {
          auto it = p->roleplay.last_rubric.find(crit.id);
          run.rubric.push_back(it == p->roleplay.last_rubric.end() ? 0 : it->second);
        }
        d.runs.push_back(std::move(run));
      }
    }
    row.modules.push_back(ms);
    qoffset += static_cast<int>(m.quiz.questions.size());
    if (m.roleplay) ++rp_index;
  }
  add_answers(course.assessment.bank, st.assessment.last_answers, qoffset);
  const std::vector<ObjectiveScore> objs = objective_scores(course, st);
  for (std::size_t i = 0; i < objs.size(); ++i)
    if (objs[i].score) d.objectives.emplace_back(static_cast<int>(i), *objs[i].score);

  d.row = std::move(row);
  if (keep_state) d.state = std::move(state);
  return d;
}

// [SECTION] Item analysis
ItemAnalysis empty_analysis(const Course& course) {
  ItemAnalysis a;
  auto add_question = [&](const Question& q, const std::string& quiz_id) {
    QuestionStat s;
    s.id = q.id;
    s.quiz_id = quiz_id;
    s.objective = q.objective;
    s.type = q.type;
    if (is_choice_type(q.type))
      for (const Option& o : q.options) s.options.push_back(OptionStat{o.id, o.correct, 0});
    a.questions.push_back(std::move(s));
  };
  for (const Module& m : course.modules) {
    for (const Question& q : m.quiz.questions) add_question(q, m.id);
    a.modules.push_back(ModuleStat{m.id, 0, 0.0, 0, 0});
    if (m.roleplay) {
      RolePlayStat r;
      r.module_id = m.id;
      r.roleplay_id = m.roleplay->id;
      for (const RolePlayNode* n : endings_of(*m.roleplay)) r.endings.push_back(EndingStat{n->id, n->outcome, 0});
      for (const auto& c : m.roleplay->rubric) r.rubric.push_back(c.id);
      r.rubric_sum.assign(r.rubric.size(), 0.0);
      a.roleplays.push_back(std::move(r));
    }
  }
  for (const Question& q : course.assessment.bank) add_question(q, course.assessment.id);
  for (const Objective& o : course.objectives) {
    ObjectiveStat s;
    s.id = o.id;
    a.objectives.push_back(s);
  }
  return a;
}

// [SECTION] Report
Report::Report(const Course& course) : course_(&course), items_(empty_analysis(course)) {}

void Report::clear() {
  rows_.clear();
  states_.clear();
  contributions_.clear();
  issues_.clear();
  items_ = empty_analysis(*course_);
  seen_.clear();
  duplicates_ = 0;
  time_sum_ = score_sum_ = 0.0;
  scored_ = 0;
}

bool Report::add(RecordDigest d) {
  if (!d.row) {
    issues_.push_back(ReportIssue{d.file, d.error});
    return false;
  }
  if (!seen_.insert(d.content_hash).second) {
    ++duplicates_;
    issues_.push_back(ReportIssue{d.file, "the same record was already opened; counted once"});
    return false;
  }
  const LearnerRow& row = *d.row;
  Contribution c{std::move(d.answers), std::move(d.objectives), std::move(d.runs)};
  fold(items_, c, row);
  if (row.score) {
    score_sum_ += *row.score;
    scored_++;
  }
  time_sum_ += row.time_seconds;
  const bool kept = d.state.has_value();
  rows_.push_back(std::move(*d.row));
  states_.push_back(std::move(d.state));
  contributions_.push_back(kept ? std::optional<Contribution>(std::move(c)) : std::nullopt);
  return true;
}

void Report::fold(ItemAnalysis& items, const Contribution& c, const LearnerRow& row) {
  for (const auto& a : c.answers) {
    if (a.question < 0 || static_cast<std::size_t>(a.question) >= items.questions.size()) continue;
    QuestionStat& q = items.questions[static_cast<std::size_t>(a.question)];
    q.answered++;
    if (a.correct) q.correct++;
    q.score_sum += a.score;
    for (std::size_t o = 0; o < q.options.size() && o < 64; ++o)
      if (a.chosen & (std::uint64_t{1} << o)) q.options[o].chosen++;
  }
  for (const auto& [i, score] : c.objectives) {
    if (i < 0 || static_cast<std::size_t>(i) >= items.objectives.size()) continue;
    ObjectiveStat& o = items.objectives[static_cast<std::size_t>(i)];
    o.learners++;
    o.score_sum += score;
    o.histogram[static_cast<std::size_t>(decile(score))]++;
  }
  for (const auto& run : c.runs) {
    if (run.roleplay < 0 || static_cast<std::size_t>(run.roleplay) >= items.roleplays.size()) continue;
    RolePlayStat& r = items.roleplays[static_cast<std::size_t>(run.roleplay)];
    r.runs++;
    if (run.ending >= 0 && static_cast<std::size_t>(run.ending) < r.endings.size())
      r.endings[static_cast<std::size_t>(run.ending)].reached++;
    else
      r.unknown_endings++;
    for (std::size_t k = 0; k < r.rubric_sum.size() && k < run.rubric.size(); ++k)
      r.rubric_sum[k] += run.rubric[k];
  }
  for (std::size_t m = 0; m < row.modules.size() && m < items.modules.size(); ++m) {
    const ModuleSummary& s = row.modules[m];
    ModuleStat& ms = items.modules[m];
    if (s.best_score) {
      ms.scored++;
      ms.best_sum += *s.best_score;
    }
    if (s.status == ModuleStatus::Completed || s.status == ModuleStatus::Passed) ms.completed++;
    if (s.status == ModuleStatus::Passed) ms.passed++;
  }
  if (row.score) items.score_histogram[static_cast<std::size_t>(decile(*row.score))]++;
}

ItemAnalysis Report::items_for(const std::vector<std::size_t>& rows) const {
  ItemAnalysis items = empty_analysis(*course_);
  static const Contribution kNothing{};
  for (std::size_t i : rows) {
    if (i >= rows_.size()) continue;
    fold(items, contributions_[i] ? *contributions_[i] : kNothing, rows_[i]);
  }
  return items;
}

bool Report::add_file(std::string file, std::string_view text, bool keep_state) {
  return add(digest_record(*course_, std::move(file), text, keep_state));
}

const CourseState* Report::state(std::size_t row) const {
  if (row >= states_.size() || !states_[row]) return nullptr;
  return &*states_[row];
}

ReportSummary Report::summary() const {
  ReportSummary s;
  s.records = static_cast<long>(rows_.size());
  s.duplicates = duplicates_;
  s.refused = static_cast<long>(issues_.size()) - duplicates_;
  for (const auto& r : rows_) {
    s.by_status[status_label(r)]++;
    if (r.success == SuccessStatus::Passed) s.passed++;
    if (r.success == SuccessStatus::Failed) s.failed++;
  }
  if (scored_) s.mean_score = score_sum_ / static_cast<double>(scored_);
  if (!rows_.empty()) s.mean_time_seconds = time_sum_ / static_cast<double>(rows_.size());
  return s;
}

// [SECTION] Learner detail
namespace {

std::string option_text(const Option& o, const std::string& lang) {
  const std::string& t = o.text.in(lang);
  return t.empty() ? o.id : t;
}

std::string response_text(const Question& q, const Response& r, const std::string& lang) {
  std::string out;
  auto sep = [&out](const char* s) {
    if (!out.empty()) out += s;
  };
  if (is_choice_type(q.type)) {
    for (int i : r.selected)
      if (i >= 0 && static_cast<std::size_t>(i) < q.options.size()) {
        sep("; ");
        out += option_text(q.options[static_cast<std::size_t>(i)], lang);
      }
  } else if (q.type == QuestionType::Ordering) {
    for (int i : r.order)
      if (i >= 0 && static_cast<std::size_t>(i) < q.items.size()) {
        sep(" → ");
        out += q.items[static_cast<std::size_t>(i)].text.in(lang);
      }
  } else {
    for (std::size_t s = 0; s < r.match.size() && s < q.pairs.size(); ++s) {
      sep("; ");
      const int t = r.match[s];
      out += q.pairs[s].source.in(lang) + " → " +
             (t >= 0 && static_cast<std::size_t>(t) < q.pairs.size() ? q.pairs[static_cast<std::size_t>(t)].target.in(lang)
                                                                       : std::string("—"));
    }
  }
  return out.empty() ? std::string("—") : out;
}

QuizDetail quiz_detail(const Course& course, const QuizProgress& p, const std::string& id, const std::string& title,
                       int pass_mark, const std::string& lang) {
  QuizDetail q;
  q.id = id;
  q.title = title;
  q.attempts = p.attempts_used;
  q.best_score = p.best_score;
  q.last_score = p.last_score;
  q.pass_mark = pass_mark;
  for (const QuestionAnswer& a : p.last_answers) {
    AnswerDetail ad;
    ad.question_id = a.question_id;
    const Question* question = course.question(a.question_id);
    if (question) {
      ad.prompt = question->prompt.in(lang);
      if (fits(*question, a.response)) {
        ad.known = true;
        ad.response = a.submitted ? response_text(*question, a.response, lang) : std::string("—");
        if (a.submitted) {
          const Grade g = grade(*question, a.response);
          ad.correct = g.correct;
          ad.score = g.score;
        }
      }
    }
    if (!ad.known) {
      if (ad.prompt.empty()) ad.prompt = a.question_id;
      ad.response = "?";
    }
    q.answers.push_back(std::move(ad));
  }
  return q;
}

}  // namespace

LearnerDetail learner_detail(const Course& course, const CourseState& st, const std::string& lang) {
  LearnerDetail d;
  for (const Module& m : course.modules) {
    ModuleDetail md;
    md.module_id = m.id;
    md.title = m.title.in(lang);
    md.status = module_status(course, st, m);
    md.pages = static_cast<int>(m.pages.size());
    static const ModuleProgress kEmpty;
    const ModuleProgress* found = find_progress(st, m.id);
    const ModuleProgress& p = found ? *found : kEmpty;
    md.pages_seen = p.lesson.pages_seen;
    md.quiz = quiz_detail(course, p.quiz, m.id, md.title, m.quiz.pass_mark, lang);
    md.has_roleplay = m.roleplay.has_value();
    md.runs = p.roleplay.runs;
    if (m.roleplay && !p.roleplay.last_ending.empty()) {
      const RolePlay& rp = *m.roleplay;
      RolePlaySession s(rp);
      for (const std::string& reply : p.roleplay.last_path) {
        const int c = s.can_continue() ? reply_index(s.node(), reply) : -1;
        if (c < 0) break;
        StepDetail step;
        step.client = s.node().client.in(lang);
        step.reply = s.choices()[static_cast<std::size_t>(c)].text.in(lang);
        md.path.push_back(std::move(step));
        s.choose(static_cast<std::size_t>(c));
      }
      const int e = rp.node_index(p.roleplay.last_ending);
      if (e >= 0 && rp.nodes[static_cast<std::size_t>(e)].is_ending) {
        md.ending_title = rp.nodes[static_cast<std::size_t>(e)].ending_title.in(lang);
        md.outcome = rp.nodes[static_cast<std::size_t>(e)].outcome;
      } else {
        md.ending_title = p.roleplay.last_ending;
      }
      const std::vector<RubricTotal> totals = s.rubric();
      for (const auto& crit : rp.rubric) {
        RubricDetail rd;
        rd.id = crit.id;
        rd.label = crit.label.in(lang);
        auto it = p.roleplay.last_rubric.find(crit.id);
        rd.score = it == p.roleplay.last_rubric.end() ? 0 : it->second;
        rd.max = crit.max;
        for (const auto& t : totals)
          if (t.id == crit.id) rd.max = t.max;
        md.rubric.push_back(std::move(rd));
      }
    }
    d.modules.push_back(std::move(md));
  }
  d.assessment = quiz_detail(course, st.assessment, course.assessment.id, course.assessment.title.in(lang),
                             course.assessment.pass_mark, lang);
  d.objectives = objective_scores(course, st);
  for (const Interaction& it : st.interactions)
    d.journal.push_back(JournalEntry{it.id, it.learner_response, to_string(it.result), it.timestamp});
  return d;
}

// [SECTION] CSV
namespace {

std::string opt_number(const std::optional<double>& v) { return v ? format_decimal(*v) : std::string(); }

const char* outcome_or_empty(const std::optional<Outcome>& o) { return o ? outcome_name(*o) : ""; }

}  // namespace

std::string table_csv(const Course& course, const std::vector<const LearnerRow*>& rows) {
  std::string out(csv::kBom);
  std::vector<std::string> head = {"file", "learner_id", "learner_name", "language", "status", "completion_status",
                                   "success_status", "score", "passed", "time_minutes", "started", "date",
                                   "content_version"};
  for (const Module& m : course.modules) {
    head.push_back(m.id + " status");
    head.push_back(m.id + " best_score");
    head.push_back(m.id + " roleplay_outcome");
  }
  head.push_back("warnings");
  out += csv::row(head);
  for (const LearnerRow* r : rows) {
    std::vector<std::string> c = {r->file,
                                  r->learner_id,
                                  r->learner_name,
                                  r->language,
                                  status_label(*r),
                                  to_string(r->completion),
                                  to_string(r->success),
                                  opt_number(r->score),
                                  r->success == SuccessStatus::Passed ? "yes" : r->success == SuccessStatus::Failed ? "no" : "",
                                  format_decimal(r->time_seconds / 60.0, 1),
                                  iso8601_utc(r->started),
                                  date_only(r->updated),
                                  r->course_version};
    for (std::size_t m = 0; m < course.modules.size(); ++m) {
      if (m < r->modules.size()) {
        c.push_back(to_string(r->modules[m].status));
        c.push_back(opt_number(r->modules[m].best_score));
        c.push_back(outcome_or_empty(r->modules[m].best_outcome));
      } else {
        c.insert(c.end(), {"", "", ""});
      }
    }
    std::string warnings;
    for (const auto& w : r->warnings) warnings += (warnings.empty() ? "" : "; ") + w;
    c.push_back(warnings);
    out += csv::row(c);
  }
  return out;
}

std::string table_csv(const Course& course, const std::vector<LearnerRow>& rows) {
  std::vector<const LearnerRow*> ptrs;
  ptrs.reserve(rows.size());
  for (const auto& r : rows) ptrs.push_back(&r);
  return table_csv(course, ptrs);
}

std::string items_csv(const Course& course, const ItemAnalysis& a, const std::string& lang) {
  std::string out(csv::kBom);
  out += csv::row({"kind", "quiz", "id", "objective", "label", "correct", "n", "count", "share_percent", "mean"});
  auto pct = [](long part, long whole) {
    return whole ? format_decimal(100.0 * static_cast<double>(part) / static_cast<double>(whole)) : std::string();
  };
  for (const QuestionStat& q : a.questions) {
    const Question* model = course.question(q.id);
    const std::string prompt = model ? model->prompt.in(lang) : q.id;
    out += csv::row({"question", q.quiz_id, q.id, q.objective, prompt, "", std::to_string(q.answered),
                     std::to_string(q.correct), pct(q.correct, q.answered),
                     q.answered ? format_decimal(100.0 * q.score_sum / static_cast<double>(q.answered)) : std::string()});
    for (std::size_t o = 0; o < q.options.size(); ++o) {
      const OptionStat& os = q.options[o];
      const std::string label = model && o < model->options.size() ? option_text(model->options[o], lang) : os.id;
      out += csv::row({"option", q.quiz_id, q.id + ":" + os.id, q.objective, label, os.correct ? "yes" : "no",
                       std::to_string(q.answered), std::to_string(os.chosen), pct(os.chosen, q.answered), ""});
    }
  }
  for (const ObjectiveStat& o : a.objectives) {
    const Objective* model = course.objective(o.id);
    out += csv::row({"guideline", "", o.id, o.id, model ? model->title.in(lang) : o.id, "", std::to_string(o.learners),
                     "", "", o.learners ? format_decimal(o.mean()) : std::string()});
  }
  for (const ModuleStat& m : a.modules) {
    const Module* model = course.module(m.module_id);
    out += csv::row({"module", m.module_id, m.module_id, model ? model->objective : "", model ? model->title.in(lang) : "",
                     "", std::to_string(m.scored), std::to_string(m.passed), pct(m.passed, m.scored),
                     m.scored ? format_decimal(m.mean_best()) : std::string()});
  }
  for (const RolePlayStat& r : a.roleplays) {
    const Module* model = course.module(r.module_id);
    const RolePlay* rp = model && model->roleplay ? &*model->roleplay : nullptr;
    for (const EndingStat& e : r.endings) {
      std::string label = e.node_id;
      if (rp)
        if (int i = rp->node_index(e.node_id); i >= 0) label = rp->nodes[static_cast<std::size_t>(i)].ending_title.in(lang);
      out += csv::row({"ending", r.module_id, r.roleplay_id + ":" + e.node_id, model ? model->objective : "", label,
                       outcome_name(e.outcome), std::to_string(r.runs), std::to_string(e.reached), pct(e.reached, r.runs),
                       ""});
    }
    for (std::size_t c = 0; c < r.rubric.size(); ++c) {
      const std::string label = rp && c < rp->rubric.size() ? rp->rubric[c].label.in(lang) : r.rubric[c];
      out += csv::row({"rubric", r.module_id, r.roleplay_id + ":" + r.rubric[c], model ? model->objective : "", label, "",
                       std::to_string(r.runs), "", "",
                       r.runs ? format_decimal(r.rubric_sum[c] / static_cast<double>(r.runs)) : std::string()});
    }
  }
  return out;
}

}  // namespace granice
