#include "core/lms/scorm.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/text/decimal.h"
#include "core/state/record.h"
#include "core/state/snapshot.h"
#include "core/text/text_match.h"
#include "core/text/utf8.h"

namespace granice::scorm {

const char* to_string(Version v) { return v == Version::Scorm12 ? "1.2" : "2004"; }

// [SECTION] Small text helpers
namespace {

// CMIDecimal / real(10,7): "87.5", "100"; an LMS value is never empty, so a non-finite one is "0".
std::string cmi_decimal(double v, int max_decimals = 2) { return format_decimal(v, max_decimals, "0"); }

std::vector<std::string> split(std::string_view s, std::string_view sep) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  std::size_t start = 0;
  while (out.size() < 10000) {
    const std::size_t p = s.find(sep, start);
    if (p == std::string_view::npos) {
      out.emplace_back(s.substr(start));
      break;
    }
    out.emplace_back(s.substr(start, p - start));
    start = p + sep.size();
  }
  return out;
}


bool id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

void civil_from_days(std::int64_t z, int& y, int& m, int& d) {  // Howard Hinnant's algorithm
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t yy = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yy + (m <= 2 ? 1 : 0));
}

}  // namespace

// [SECTION] Value formats
std::string timespan12(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) seconds = 0;
  long long cs = std::llround(std::min(seconds, 1e9) * 100.0);
  const long long max_cs = ((9999LL * 60 + 59) * 60 + 59) * 100 + 99;
  cs = std::min(cs, max_cs);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld:%02lld:%02lld.%02lld", cs / 360000, cs / 6000 % 60, cs / 100 % 60, cs % 100);
  return buf;
}

std::string duration2004(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) seconds = 0;
  const long long cs = std::llround(std::min(seconds, 1e9) * 100.0);
  const long long h = cs / 360000;
  const long long m = cs / 6000 % 60;
  const long long s = cs / 100 % 60;
  const long long f = cs % 100;
  std::string out = "PT";
  char buf[32];
  if (h) {
    std::snprintf(buf, sizeof buf, "%lldH", h);
    out += buf;
  }
  if (m) {
    std::snprintf(buf, sizeof buf, "%lldM", m);
    out += buf;
  }
  if (s || f || (!h && !m)) {
    if (f == 0) std::snprintf(buf, sizeof buf, "%lldS", s);
    else if (f % 10 == 0) std::snprintf(buf, sizeof buf, "%lld.%lldS", s, f / 10);
    else std::snprintf(buf, sizeof buf, "%lld.%02lldS", s, f);
    out += buf;
  }
  return out;
}

std::string time12(std::int64_t epoch) {
  std::int64_t t = epoch % 86400;
  if (t < 0) t += 86400;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", static_cast<int>(t / 3600), static_cast<int>(t / 60 % 60),
                static_cast<int>(t % 60));
  return buf;
}

std::string timestamp2004(std::int64_t epoch) {
  // The data model's time type covers 1970..2038 (inclusive years).
  if (epoch < 0 || epoch > 2177452799LL) return {};
  int y = 0, mo = 0, d = 0;
  civil_from_days(epoch / 86400, y, mo, d);
  const std::int64_t t = epoch % 86400;
  char buf[64];   // roomy: the compiler cannot see that the year has 4 digits
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.0Z", y, mo, d, static_cast<int>(t / 3600),
                static_cast<int>(t / 60 % 60), static_cast<int>(t % 60));
  return buf;
}

std::string identifier(std::string_view id, std::size_t limit) {
  std::string out;
  for (char c : id) {
    if (out.size() >= limit) break;
    out += id_char(c) ? c : '_';
  }
  if (out.empty()) out = "_";
  return out;
}

char choice_char12(std::size_t index) {
  if (index < 26) return static_cast<char>('a' + index);
  if (index < 36) return static_cast<char>('0' + (index - 26));
  return '\0';
}

// [SECTION] Statuses
bool finished(const Course& course, const CourseState& st) {
  if (completion_status(course, st) != CompletionStatus::Completed) return false;
  switch (success_status(course, st)) {
    case SuccessStatus::Passed:
    case SuccessStatus::Unknown: return true;
    case SuccessStatus::Failed:
      return course.assessment_required &&
             quiz_availability(course, st, course.assessment.id) == QuizAvailability::NoAttemptsLeft;
  }
  return false;
}

std::string exit_value(Version v, const Course& course, const CourseState& st, ExitWhenDone when_done) {
  if (!finished(course, st) || when_done == ExitWhenDone::Suspend) return "suspend";
  return v == Version::Scorm12 ? "" : "normal";
}

// [SECTION] Never lower than what the LMS holds
namespace {

struct Reported {
  CompletionStatus completion = CompletionStatus::NotAttempted;
  SuccessStatus success = SuccessStatus::Unknown;
  std::optional<double> score;
};

int rank(SuccessStatus s) { return s == SuccessStatus::Passed ? 2 : s == SuccessStatus::Failed ? 1 : 0; }

Reported at_least(Reported r, const HeldResult& held) {
  if (held.completed) r.completion = CompletionStatus::Completed;
  if (rank(held.success) > rank(r.success)) r.success = held.success;
  if (held.score && (!r.score || *held.score > *r.score)) r.score = held.score;
  return r;
}

const HeldResult* held_objective(const Session& s, std::string_view id) {
  for (const auto& [held_id, held] : s.held_objectives)
    if (held_id == id) return &held;
  return nullptr;
}

// 1.2 status vocabulary for a course or objective result; without credit only completion counts.
std::string status12(const Reported& r, bool credit, bool browse) {
  if (credit && r.success == SuccessStatus::Passed) return "passed";
  if (credit && r.success == SuccessStatus::Failed) return "failed";
  if (r.completion == CompletionStatus::Completed) return "completed";
  if (browse) return "browsed";
  return r.completion == CompletionStatus::Incomplete ? "incomplete" : "not attempted";
}

// Index n of `id` in an LMS id table, appended when absent.
std::size_t slot(std::vector<std::string>& ids, std::string_view id) {
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (ids[i] == id) return i;
  ids.emplace_back(id);
  return ids.size() - 1;
}

}  // namespace

void note_id(std::vector<std::string>& ids, std::size_t n, std::string_view id) {
  if (n > 100000) return;  // an LMS index no real record reaches
  if (ids.size() <= n) ids.resize(n + 1);
  ids[n] = std::string(id);
}

// [SECTION] Location
static bool screen_from(std::string_view s, Screen& out) {
  for (Screen sc : {Screen::Home, Screen::Lesson, Screen::Quiz, Screen::RolePlay, Screen::Assessment, Screen::Results,
                    Screen::Certificate}) {
    if (s == to_string(sc)) {
      out = sc;
      return true;
    }
  }
  return false;
}

std::string format_location(const Bookmark& b, std::size_t limit) {
  std::string out = to_string(b.screen);
  const bool clean_id = std::all_of(b.module_id.begin(), b.module_id.end(), id_char);
  if ((!b.module_id.empty() || b.index != 0) && clean_id)
    out += ':' + b.module_id + ':' + std::to_string(std::max(0, b.index));
  if (out.size() > limit) out = to_string(b.screen);
  if (out.size() > limit) out = "home";
  return out;
}

std::optional<Bookmark> parse_location(std::string_view text, const Course& course) {
  if (text.empty() || text.size() > kLocation2004) return std::nullopt;
  const std::vector<std::string> parts = split(text, ":");
  if (parts.empty() || parts.size() > 3 || parts.size() == 2) return std::nullopt;
  Bookmark b;
  if (!screen_from(parts[0], b.screen)) return std::nullopt;
  if (parts.size() == 3) {
    b.module_id = parts[1];
    if (!b.module_id.empty() && !course.module(b.module_id) && b.module_id != course.assessment.id) return std::nullopt;
    const std::string& n = parts[2];
    if (n.empty() || n.size() > 6 || !std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return std::nullopt;
    b.index = std::stoi(n);
  }
  return b;
}

// [SECTION] Interactions
std::string interaction_type12(InteractionType t) {
  switch (t) {
    case InteractionType::TrueFalse: return "true-false";
    case InteractionType::Sequencing: return "sequencing";
    case InteractionType::Matching: return "matching";
    case InteractionType::Other: return "performance";
    case InteractionType::Choice: break;
  }
  return "choice";
}

std::string interaction_type2004(InteractionType t) {
  return t == InteractionType::Other ? "other" : to_string(t);
}

std::string result12(InteractionResult r) {
  switch (r) {
    case InteractionResult::Correct: return "correct";
    case InteractionResult::Incorrect: return "wrong";
    case InteractionResult::Neutral: break;
  }
  return "neutral";
}

std::string result2004(InteractionResult r) { return to_string(r); }

namespace {

template <class List>
std::optional<char> char_of(const List& list, std::string_view id) {
  for (std::size_t i = 0; i < list.size(); ++i)
    if (list[i].id == id) {
      const char c = choice_char12(i);
      if (c == '\0') return std::nullopt;
      return c;
    }
  return std::nullopt;
}

// A 2004 response / pattern with each identifier re-checked; nullopt when something does not fit.
std::optional<std::string> clean_response2004(InteractionType t, std::string_view r) {
  if (t == InteractionType::Other) return std::string(utf8_prefix_chars(r, kCharString2004));
  if (t == InteractionType::TrueFalse) {
    if (r == "true" || r == "false") return std::string(r);
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const std::string& part : split(r, "[,]")) {
    if (t == InteractionType::Matching) {
      const std::vector<std::string> st = split(part, "[.]");
      if (st.size() != 2 || st[0].empty() || st[1].empty()) return std::nullopt;
      out.push_back(identifier(st[0], kShortIdentifier2004) + "[.]" + identifier(st[1], kShortIdentifier2004));
    } else {
      if (part.empty()) return std::nullopt;
      out.push_back(identifier(part, kShortIdentifier2004));
    }
  }
  return join(out, "[,]");
}


}  // namespace

std::optional<std::string> response12(const Course& course, const Interaction& it, std::string_view r) {
  if (it.type == InteractionType::Other) return std::string(utf8_prefix_chars(r, kString255));
  const Question* q = course.question(it.id);
  if (!q) return std::nullopt;
  if (it.type == InteractionType::TrueFalse) {
    if (r == "true") return std::string("t");
    if (r == "false") return std::string("f");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const std::string& part : split(r, "[,]")) {
    std::optional<char> c;
    if (it.type == InteractionType::Choice) c = char_of(q->options, part);
    else if (it.type == InteractionType::Sequencing) c = char_of(q->items, part);
    if (it.type == InteractionType::Matching) {
      const std::vector<std::string> st = split(part, "[.]");
      if (st.size() != 2) return std::nullopt;
      const auto a = char_of(q->pairs, st[0]);
      const auto b = char_of(q->pairs, st[1]);
      if (!a || !b) return std::nullopt;
      out.push_back(std::string(1, *a) + "." + std::string(1, *b));
      continue;
    }
    if (!c) return std::nullopt;
    out.emplace_back(1, *c);
  }
  return join(out, ",");
}

// Final detail writes what an LMS's interaction report shows (id, type, correct and given
// response, result) and leaves out what a re-posting LMS would pay for on every commit (the
// objective link, time, latency, weighting, the question text: objectives carry the per-guideline
// result, the progress record the timing). All writes everything.
static std::vector<Element> interaction_elements(Version v, const Course& course, const CourseState& st,
                                                 const Interaction& it, std::size_t n, InteractionDetail detail,
                                                 std::vector<std::string>& warn) {
  const bool all = detail == InteractionDetail::All;
  const bool v12 = v == Version::Scorm12;
  const std::string p = "cmi.interactions." + std::to_string(n) + ".";
  std::vector<Element> e;
  e.push_back({p + "id", identifier(it.id, v12 ? kIdentifier12 : kLongIdentifier2004)});
  e.push_back({p + "type", v12 ? interaction_type12(it.type) : interaction_type2004(it.type)});
  if (all && !it.objective.empty())
    e.push_back({p + "objectives.0.id", identifier(it.objective, v12 ? kIdentifier12 : kLongIdentifier2004)});
  if (all && it.timestamp > 0) {
    const std::string t = v12 ? time12(it.timestamp) : timestamp2004(it.timestamp);
    if (!t.empty()) e.push_back({p + (v12 ? "time" : "timestamp"), t});
  }
  const Question* q = it.type == InteractionType::Other ? nullptr : course.question(it.id);
  if (q && all) e.push_back({p + "weighting", cmi_decimal(q->points)});
  for (std::size_t k = 0; k < it.correct_responses.size() && k < 10; ++k) {
    const auto r = v12 ? response12(course, it, it.correct_responses[k])
                       : clean_response2004(it.type, it.correct_responses[k]);
    if (r && !r->empty()) e.push_back({p + "correct_responses." + std::to_string(k) + ".pattern", *r});
    else warn.push_back("interaction " + it.id + ": correct response \"" + it.correct_responses[k] +
                        "\" has no SCORM " + to_string(v) + " form; left out");
  }
  if (!it.learner_response.empty()) {
    const auto r = v12 ? response12(course, it, it.learner_response) : clean_response2004(it.type, it.learner_response);
    if (r && !r->empty()) e.push_back({p + (v12 ? "student_response" : "learner_response"), *r});
    else warn.push_back("interaction " + it.id + ": response \"" + it.learner_response + "\" has no SCORM " +
                        to_string(v) + " form; left out");
  }
  e.push_back({p + "result", v12 ? result12(it.result) : result2004(it.result)});
  if (all) e.push_back({p + "latency", v12 ? timespan12(it.latency_seconds) : duration2004(it.latency_seconds)});
  if (!v12 && q && all) {
    const std::string text = clean_text(q->prompt.in(st.language), 4000);
    if (!text.empty()) {
      const std::string lang = identifier(st.language.empty() ? course.default_language : st.language, 20);
      e.push_back({p + "description", "{lang=" + lang + "}" + std::string(utf8_prefix_chars(text, kDescription2004))});
    }
  }
  return e;
}

// [SECTION] Commits
std::size_t first_unsent(const CourseState& st, const Cursor& cursor) {
  const auto& j = st.interactions;
  if (!cursor.last_sent) return 0;
  for (std::size_t i = j.size(); i-- > 0;)
    if (j[i] == *cursor.last_sent) return i + 1;
  // Not in the journal any more (trimmed, or the state was replaced): what is newer than it.
  for (std::size_t i = 0; i < j.size(); ++i)
    if (j[i].timestamp > cursor.last_sent->timestamp) return i;
  return j.size();
}

Cursor advance(const Cursor& cursor, const CourseState& st, const Group& g) {
  Cursor c = cursor;
  c.lms_count = std::max(c.lms_count, g.lms_index + 1);
  if (g.journal_index && *g.journal_index < st.interactions.size()) c.last_sent = st.interactions[*g.journal_index];
  return c;
}

// [SECTION] Interactions an LMS is sent
std::optional<ReplyRef> reply_of(const Course& course, const Interaction& it) {
  if (it.type != InteractionType::Other) return std::nullopt;
  for (const Module& m : course.modules) {
    if (!m.roleplay) continue;
    const RolePlay& rp = *m.roleplay;
    if (it.id.size() <= rp.id.size() || it.id.compare(0, rp.id.size(), rp.id) != 0 || it.id[rp.id.size()] != '.') continue;
    const int ni = rp.node_index(std::string_view(it.id).substr(rp.id.size() + 1));
    if (ni < 0) return std::nullopt;
    ReplyRef r{&rp, &rp.nodes[static_cast<std::size_t>(ni)], nullptr, nullptr};
    for (const Choice& ch : r.node->choices)
      if (ch.id == it.learner_response) r.choice = &ch;
    if (!r.choice) return std::nullopt;
    const int nx = rp.node_index(r.choice->next);
    if (nx >= 0) r.next = &rp.nodes[static_cast<std::size_t>(nx)];
    return r;
  }
  return std::nullopt;
}

namespace {

// The run a reply reaching an ending closes, walked back through the journal: each step must lead
// to the node of the one after it (so the previous run's ending, an abandoned walk or another
// role-play's replies in between end the walk or are skipped).
Interaction run_summary(const Course& course, const CourseState& st, std::size_t end, const ReplyRef& last) {
  const auto& j = st.interactions;
  std::vector<std::string> steps{last.node->id + "." + last.choice->id};
  double latency = j[end].latency_seconds;
  const RolePlayNode* expect = last.node;
  for (std::size_t k = end; k-- > 0 && steps.size() < 200;) {
    const auto r = reply_of(course, j[k]);
    if (!r || r->rp != last.rp) continue;
    if (r->next != expect || !r->next || r->next->is_ending) break;
    steps.push_back(r->node->id + "." + r->choice->id);
    latency += j[k].latency_seconds;
    expect = r->node;
  }
  std::reverse(steps.begin(), steps.end());
  Interaction it;
  it.id = last.rp->id;
  it.type = InteractionType::Other;
  for (const Module& m : course.modules)
    if (m.roleplay && &*m.roleplay == last.rp) it.objective = m.objective;
  it.learner_response = join(steps, ",");
  const Outcome o = last.next->outcome;
  it.result = o == Outcome::Good ? InteractionResult::Correct : o == Outcome::Poor ? InteractionResult::Incorrect
                                                                                     : InteractionResult::Neutral;
  it.score = o == Outcome::Good ? 1.0 : o == Outcome::Partial ? 0.5 : 0.0;
  it.latency_seconds = latency;
  it.timestamp = j[end].timestamp;
  return it;
}

}  // namespace

std::vector<std::pair<std::size_t, Interaction>> lms_interactions(const Course& course, const CourseState& st,
                                                                   std::size_t from, InteractionDetail detail) {
  std::vector<std::pair<std::size_t, Interaction>> out;
  const auto& j = st.interactions;
  for (std::size_t i = from; i < j.size(); ++i) {
    if (detail == InteractionDetail::All || j[i].type != InteractionType::Other) {
      out.emplace_back(i, j[i]);
      continue;
    }
    const auto r = reply_of(course, j[i]);
    if (r && r->next && r->next->is_ending) out.emplace_back(i, run_summary(course, st, i, *r));
  }
  return out;
}

Cursor all_sent(const Cursor& cursor, const CourseState& st) {
  Cursor c = cursor;
  if (!st.interactions.empty()) c.last_sent = st.interactions.back();
  return c;
}

Cursor launch_cursor(const CourseState& st, std::optional<std::int64_t> lms_updated, std::size_t lms_count) {
  Cursor c;
  c.lms_count = lms_count;
  if (!lms_updated) return c;
  for (std::size_t i = st.interactions.size(); i-- > 0;)
    if (st.interactions[i].timestamp <= *lms_updated) {
      c.last_sent = st.interactions[i];
      break;
    }
  if (!c.last_sent && !st.interactions.empty()) {
    // Everything is newer than the LMS's copy: none sent. A marker older than all of them.
    Interaction marker;
    marker.id = "\x01";
    marker.timestamp = *lms_updated;
    c.last_sent = marker;
  }
  return c;
}

static double progress_measure(const Course& course, const CourseState& st) {
  int total = 0;
  int done = 0;
  for (const Module& m : course.modules) {
    if (!m.required) continue;
    ++total;
    const ModuleStatus s = module_status(course, st, m);
    if (s == ModuleStatus::Completed || s == ModuleStatus::Passed) ++done;
  }
  if (course.assessment_required) {
    ++total;
    if (st.assessment.attempts_used > 0) ++done;
  }
  if (completion_status(course, st) == CompletionStatus::Completed) return 1.0;
  if (total == 0) return 0.0;
  return std::min(0.99, static_cast<double>(done) / total);
}

Plan plan_commit(Version v, const Course& course, const CourseState& st, double session_seconds, const Cursor& cursor,
                 const Session& session) {
  Plan plan;
  if (!session.records()) return plan;
  const bool v12 = v == Version::Scorm12;
  const bool browse = session.mode == LaunchMode::Browse;
  const bool credit = session.credit && !browse;  // browsing earns no credit either
  auto add = [&plan](std::string n, std::string val) { plan.core.push_back({std::move(n), std::move(val)}); };

  Reported course_result;
  course_result.completion = completion_status(course, st);
  course_result.success = success_status(course, st);
  if (const std::optional<double> score = overall_score(course, st)) course_result.score = std::clamp(*score, 0.0, 100.0);
  // Launched is begun: the course as a whole is never "not attempted" once it runs.
  if (course_result.completion == CompletionStatus::NotAttempted) course_result.completion = CompletionStatus::Incomplete;
  course_result = at_least(course_result, session.held);
  const bool completed = course_result.completion == CompletionStatus::Completed;
  if (v12) {
    add("cmi.core.lesson_status", status12(course_result, credit, browse));
    // Not before the course is completed: LMSes that apply the mastery score (Moodle by default)
    // turn "incomplete" with a score into passed or failed when the session ends.
    if (course_result.score && credit && completed) {
      add("cmi.core.score.min", "0");
      add("cmi.core.score.max", "100");
      add("cmi.core.score.raw", cmi_decimal(*course_result.score));
    }
    add("cmi.core.lesson_location", format_location(st.bookmark, kLocation12));
  } else {
    add("cmi.completion_status", completed ? "completed" : "incomplete");
    if (credit) add("cmi.success_status", to_string(course_result.success));
    if (course_result.score && credit) {
      add("cmi.score.min", "0");
      add("cmi.score.max", "100");
      add("cmi.score.raw", cmi_decimal(*course_result.score));
      add("cmi.score.scaled", cmi_decimal(*course_result.score / 100.0, 4));
    }
    add("cmi.progress_measure", cmi_decimal(completed ? 1.0 : progress_measure(course, st), 2));
    add("cmi.location", format_location(st.bookmark, kLocation2004));
  }
  const std::string snap = encode_snapshot(course, st);
  const std::size_t limit = v12 ? kSuspendData12 : kSuspendData2004;
  if (snap.size() <= limit) add("cmi.suspend_data", snap);
  else plan.warnings.push_back("suspend_data is " + std::to_string(snap.size()) + " characters, over the SCORM " +
                               to_string(v) + " limit of " + std::to_string(limit) + "; not sent (kept in local storage)");
  add(v12 ? "cmi.core.exit" : "cmi.exit", exit_value(v, course, st, session.exit_when_done));
  add(v12 ? "cmi.core.session_time" : "cmi.session_time", v12 ? timespan12(session_seconds) : duration2004(session_seconds));

  // Objectives by id: the LMS's own (e.g. the manifest's primary objective at index 0) keep
  // their places and are never renamed; ours go where the LMS holds them, else after them.
  std::vector<std::string> objective_ids = session.objective_ids;
  auto add_objective = [&](std::string_view raw_id, Reported r) {
    const std::string id = identifier(raw_id, v12 ? kIdentifier12 : kLongIdentifier2004);
    if (const HeldResult* held = held_objective(session, id)) r = at_least(r, *held);
    Group g;
    g.lms_index = slot(objective_ids, id);
    const std::string p = "cmi.objectives." + std::to_string(g.lms_index) + ".";
    g.elements.push_back({p + "id", id});
    if (r.score && credit) {
      if (session.detail == InteractionDetail::All) {  // 0..100 is what a raw score means without them
        g.elements.push_back({p + "score.min", "0"});
        g.elements.push_back({p + "score.max", "100"});
      }
      g.elements.push_back({p + "score.raw", cmi_decimal(*r.score)});
      if (!v12) g.elements.push_back({p + "score.scaled", cmi_decimal(*r.score / 100.0, 4)});
    }
    if (v12) {
      g.elements.push_back({p + "status", status12(r, credit, browse)});
    } else {
      if (credit) g.elements.push_back({p + "success_status", to_string(r.success)});
      g.elements.push_back({p + "completion_status", to_string(r.completion)});
    }
    plan.objectives.push_back(std::move(g));
  };
  for (const ObjectiveScore& o : objective_scores(course, st)) {
    Reported r;
    r.completion = o.completion;
    r.success = o.success;
    if (o.score) r.score = std::clamp(*o.score, 0.0, 100.0);
    add_objective(o.id, r);
  }
  // After the guidelines unless the LMS already holds it (pre-filled from the manifest: index 0).
  if (!v12 && !session.primary_objective.empty()) add_objective(session.primary_objective, course_result);

  // Interactions: Final detail answers a question at one index (where the LMS holds its id, or
  // where this session first wrote it); All keeps appending, one record per journal entry.
  std::vector<std::string> interaction_ids = session.interaction_ids;
  if (interaction_ids.size() < cursor.lms_count) interaction_ids.resize(cursor.lms_count);
  for (auto& [journal_index, it] : lms_interactions(course, st, first_unsent(st, cursor), session.detail)) {
    const std::string id = identifier(it.id, v12 ? kIdentifier12 : kLongIdentifier2004);
    Group g;
    g.journal_index = journal_index;
    if (session.detail == InteractionDetail::Final) {
      g.lms_index = slot(interaction_ids, id);
    } else {
      g.lms_index = interaction_ids.size();
      interaction_ids.push_back(id);
    }
    g.elements = interaction_elements(v, course, st, it, g.lms_index, session.detail, plan.warnings);
    // A question answered twice since the last commit: only its last answer goes out.
    auto same = std::find_if(plan.interactions.begin(), plan.interactions.end(),
                             [&](const Group& other) { return other.lms_index == g.lms_index; });
    if (same != plan.interactions.end()) plan.interactions.erase(same);
    plan.interactions.push_back(std::move(g));
  }
  return plan;
}

PostSize form_post_size(const std::map<std::string, std::string>& values) {
  // application/x-www-form-urlencoded: unreserved characters as they are, every other byte as
  // %XX (a space too: some clients write "+", this counts the larger form).
  auto encoded = [](std::string_view text) {
    std::size_t n = 0;
    for (char ch : text) {
      const auto c = static_cast<unsigned char>(ch);
      const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                         c == '_' || c == '.' || c == '*';
      n += plain ? 1 : 3;
    }
    return n;
  };
  PostSize out;
  for (const auto& [name, value] : values) {
    out.bytes += (out.fields ? 1 : 0) + encoded(name) + 1 + encoded(value);
    ++out.fields;
  }
  return out;
}

std::vector<Element> changed(const std::vector<Element>& elements, const std::map<std::string, std::string>& sent) {
  std::vector<Element> out;
  for (const Element& e : elements) {
    auto it = sent.find(e.name);
    if (it == sent.end() || it->second != e.value) out.push_back(e);
  }
  return out;
}

}  // namespace granice::scorm
