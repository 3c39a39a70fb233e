#include "core/scorm.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/record.h"
#include "core/snapshot.h"
#include "core/text_match.h"

namespace granice::scorm {

const char* to_string(Version v) { return v == Version::Scorm12 ? "1.2" : "2004"; }

// [SECTION] Small text helpers
namespace {

// Longest prefix of `s` with at most `max_chars` UTF-8 code points (never splits a sequence).
std::string utf8_prefix(std::string_view s, std::size_t max_chars) {
  std::size_t chars = 0;
  std::size_t i = 0;
  while (i < s.size() && chars < max_chars) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    if (i + len > s.size()) break;
    i += len;
    ++chars;
  }
  return std::string(s.substr(0, i));
}

std::string trim(std::string_view s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

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

std::string decimal(double v, int max_decimals) {
  if (!std::isfinite(v)) return "0";
  max_decimals = std::clamp(max_decimals, 0, 7);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", max_decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
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
std::string lesson_status12(const Course& course, const CourseState& st) {
  if (completion_status(course, st) != CompletionStatus::Completed) return "incomplete";
  switch (success_status(course, st)) {
    case SuccessStatus::Passed: return "passed";
    case SuccessStatus::Failed: return "failed";
    case SuccessStatus::Unknown: break;
  }
  return "completed";
}

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

std::string exit_value(Version v, const Course& course, const CourseState& st) {
  if (!finished(course, st)) return "suspend";
  return v == Version::Scorm12 ? "" : "normal";
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
  if (t == InteractionType::Other) return utf8_prefix(r, kCharString2004);
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

std::string objective_status12(const ObjectiveScore& o) {
  if (o.success == SuccessStatus::Passed) return "passed";
  if (o.success == SuccessStatus::Failed) return "failed";
  if (o.completion == CompletionStatus::Completed) return "completed";
  if (o.completion == CompletionStatus::Incomplete) return "incomplete";
  return "not attempted";
}

}  // namespace

std::optional<std::string> response12(const Course& course, const Interaction& it, std::string_view r) {
  if (it.type == InteractionType::Other) return utf8_prefix(r, kString255);
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

static std::vector<Element> interaction_elements(Version v, const Course& course, const CourseState& st,
                                                 const Interaction& it, std::size_t n, std::vector<std::string>& warn) {
  const bool v12 = v == Version::Scorm12;
  const std::string p = "cmi.interactions." + std::to_string(n) + ".";
  std::vector<Element> e;
  e.push_back({p + "id", identifier(it.id, v12 ? kIdentifier12 : kLongIdentifier2004)});
  e.push_back({p + "type", v12 ? interaction_type12(it.type) : interaction_type2004(it.type)});
  if (!it.objective.empty())
    e.push_back({p + "objectives.0.id", identifier(it.objective, v12 ? kIdentifier12 : kLongIdentifier2004)});
  if (it.timestamp > 0) {
    const std::string t = v12 ? time12(it.timestamp) : timestamp2004(it.timestamp);
    if (!t.empty()) e.push_back({p + (v12 ? "time" : "timestamp"), t});
  }
  const Question* q = it.type == InteractionType::Other ? nullptr : course.question(it.id);
  if (q) e.push_back({p + "weighting", decimal(q->points)});
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
  e.push_back({p + "latency", v12 ? timespan12(it.latency_seconds) : duration2004(it.latency_seconds)});
  if (!v12 && q) {
    const std::string text = clean_text(q->prompt.in(st.language), 4000);
    if (!text.empty()) {
      const std::string lang = identifier(st.language.empty() ? course.languages.empty() ? "pl" : course.languages.front()
                                                              : st.language, 20);
      e.push_back({p + "description", "{lang=" + lang + "}" + utf8_prefix(text, kDescription2004)});
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

Cursor advance(const Cursor& cursor, const CourseState& st, const InteractionGroup& g) {
  Cursor c = cursor;
  c.lms_count = std::max(c.lms_count, g.lms_index + 1);
  if (g.journal_index < st.interactions.size()) c.last_sent = st.interactions[g.journal_index];
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

Plan plan_commit(Version v, const Course& course, const CourseState& st, double session_seconds, const Cursor& cursor) {
  Plan plan;
  const bool v12 = v == Version::Scorm12;
  auto add = [&plan](std::string n, std::string val) { plan.core.push_back({std::move(n), std::move(val)}); };
  const std::optional<double> score = overall_score(course, st);
  const double raw = score ? std::clamp(*score, 0.0, 100.0) : 0.0;
  if (v12) {
    add("cmi.core.lesson_status", lesson_status12(course, st));
    if (score) {
      add("cmi.core.score.min", "0");
      add("cmi.core.score.max", "100");
      add("cmi.core.score.raw", decimal(raw));
    }
    add("cmi.core.lesson_location", format_location(st.bookmark, kLocation12));
  } else {
    const CompletionStatus c = completion_status(course, st);
    add("cmi.completion_status", c == CompletionStatus::Completed ? "completed" : "incomplete");
    add("cmi.success_status", to_string(success_status(course, st)));
    if (score) {
      add("cmi.score.min", "0");
      add("cmi.score.max", "100");
      add("cmi.score.raw", decimal(raw));
      add("cmi.score.scaled", decimal(raw / 100.0, 4));
    }
    add("cmi.progress_measure", decimal(progress_measure(course, st), 2));
    add("cmi.location", format_location(st.bookmark, kLocation2004));
  }
  const std::string snap = encode_snapshot(course, st);
  const std::size_t limit = v12 ? kSuspendData12 : kSuspendData2004;
  if (snap.size() <= limit) add("cmi.suspend_data", snap);
  else plan.warnings.push_back("suspend_data is " + std::to_string(snap.size()) + " characters, over the SCORM " +
                               to_string(v) + " limit of " + std::to_string(limit) + "; not sent (kept in local storage)");
  add(v12 ? "cmi.core.exit" : "cmi.exit", exit_value(v, course, st));
  add(v12 ? "cmi.core.session_time" : "cmi.session_time", v12 ? timespan12(session_seconds) : duration2004(session_seconds));

  const std::vector<ObjectiveScore> objectives = objective_scores(course, st);
  for (std::size_t i = 0; i < objectives.size(); ++i) {
    const ObjectiveScore& o = objectives[i];
    const std::string p = "cmi.objectives." + std::to_string(i) + ".";
    add(p + "id", identifier(o.id, v12 ? kIdentifier12 : kLongIdentifier2004));
    if (o.score) {
      const double s = std::clamp(*o.score, 0.0, 100.0);
      add(p + "score.min", "0");
      add(p + "score.max", "100");
      add(p + "score.raw", decimal(s));
      if (!v12) add(p + "score.scaled", decimal(s / 100.0, 4));
    }
    if (v12) {
      add(p + "status", objective_status12(o));
    } else {
      add(p + "success_status", to_string(o.success));
      add(p + "completion_status", to_string(o.completion));
    }
  }

  std::size_t n = cursor.lms_count;
  for (std::size_t i = first_unsent(st, cursor); i < st.interactions.size(); ++i, ++n) {
    InteractionGroup g;
    g.journal_index = i;
    g.lms_index = n;
    g.elements = interaction_elements(v, course, st, st.interactions[i], n, plan.warnings);
    plan.interactions.push_back(std::move(g));
  }
  return plan;
}

std::vector<Element> changed(const std::vector<Element>& elements, const std::map<std::string, std::string>& sent) {
  std::vector<Element> out;
  for (const Element& e : elements) {
    auto it = sent.find(e.name);
    if (it == sent.end() || it->second != e.value) out.push_back(e);
  }
  return out;
}

// [SECTION] Launch
Entry parse_entry(std::string_view v) {
  if (v.empty()) return Entry::Empty;
  if (v == "ab-initio") return Entry::AbInitio;
  if (v == "resume") return Entry::Resume;
  return Entry::Other;
}

std::string clean_text(std::string_view v, std::size_t limit) {
  std::string out;
  bool space = false;
  for (char ch : v) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7F || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  if (out.size() > limit) out.resize(limit);
  // Drop a trailing partial UTF-8 sequence the byte bound may have cut.
  std::size_t i = out.size();
  while (i > 0 && (static_cast<unsigned char>(out[i - 1]) & 0xC0) == 0x80) --i;
  if (i > 0 && static_cast<unsigned char>(out[i - 1]) >= 0xC0) {
    const auto lead = static_cast<unsigned char>(out[i - 1]);
    const std::size_t need = (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
    if (out.size() - (i - 1) < need) out.resize(i - 1);
  }
  return out;
}

std::string display_name(std::string_view v) {
  const std::string s = clean_text(v, 400);
  const std::size_t comma = s.find(',');
  if (comma == std::string::npos) return clean_text(s, 200);
  const std::string last = trim(std::string_view(s).substr(0, comma));
  const std::string first = trim(std::string_view(s).substr(comma + 1));
  if (first.empty()) return clean_text(last, 200);
  if (last.empty()) return clean_text(first, 200);
  return clean_text(first + " " + last, 200);
}

std::string parse_language(std::string_view v, const Course& course) {
  std::string s = trim(v);
  if (s.rfind("{lang=", 0) == 0) {
    const std::size_t close = s.find('}');
    s = close == std::string::npos ? std::string() : s.substr(6, close - 6);
  }
  const std::size_t dash = s.find_first_of("-_");
  std::string primary = s.substr(0, dash == std::string::npos ? s.size() : dash);
  std::transform(primary.begin(), primary.end(), primary.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  for (const std::string& l : course.languages)
    if (l == primary) return l;
  return {};
}

std::optional<std::size_t> parse_count(std::string_view v) {
  const std::string s = trim(v);
  if (s.empty() || s.size() > 9 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return static_cast<std::size_t>(std::stoul(s));
}

LmsResume parse_resume(const Course& course, const LmsValues& in) {
  LmsResume r;
  r.entry = parse_entry(in.entry);
  r.learner_id = clean_text(in.learner_id, 255);
  r.learner_name = display_name(in.learner_name);
  r.language = parse_language(in.language, course);
  r.interaction_count = parse_count(in.interaction_count).value_or(0);
  if (r.entry == Entry::Other) r.log.push_back("entry \"" + clean_text(in.entry, 40) + "\" is not a SCORM value; treated as \"\"");
  if (in.suspend_data.empty()) {
    if (r.entry == Entry::Resume) r.log.push_back("entry is \"resume\" but suspend_data is empty: starting fresh");
    return r;
  }
  if (r.entry == Entry::AbInitio) r.log.push_back("entry is \"ab-initio\" but the LMS kept suspend_data: resuming from it");
  SnapshotResult s = decode_snapshot(course, in.suspend_data);
  if (!s.ok()) {
    r.log.push_back(std::string("suspend_data could not be read (") + granice::to_string(s.error) + "): " + s.message);
    r.notices.push_back(
        "Zapisany w LMS postęp nie dał się odczytać. / The progress saved in the LMS could not be read.");
    return r;
  }
  for (const std::string& d : s.dropped) r.log.push_back("content changed, left out: " + d);
  if (s.content_changed && !s.dropped.empty())
    r.notices.push_back("Kurs został zaktualizowany; część zapisanego postępu już nie pasuje i została pominięta. / "
                        "The course was updated; some saved progress no longer applies and was left out.");
  r.state = std::move(s.state);
  if (!in.location.empty()) {
    if (auto b = parse_location(in.location, course)) r.state->bookmark = *b;
    else r.log.push_back("location \"" + clean_text(in.location, 80) + "\" not understood; using the saved bookmark");
  }
  return r;
}

// [SECTION] Local storage and reconciliation
LocalLoad decode_saved(const Course& course, std::string_view text) {
  LocalLoad out;
  const std::string t = trim(text.substr(0, std::min(text.size(), kRecordMaxBytes + 1)));
  if (t.empty()) return out;
  if (t.front() == '{') {
    RecordResult r = from_record(t);
    if (r.ok() && r.state->course_id != course.id) {
      out.damaged = true;
      out.message = "the saved record is for course \"" + clean_text(r.state->course_id, 80) + "\"";
      return out;
    }
    std::optional<SnapshotResult> s;
    if (!r.snapshot.empty()) s = decode_snapshot(course, r.snapshot);
    if (r.ok()) {
      if (s && s->ok() && s->content_changed) {
        // Other content: keep what still applies (the snapshot's decision) plus the journal.
        out.state = std::move(s->state);
        out.state->interactions = r.state->interactions;
        out.dropped = s->dropped;
      } else {
        out.state = std::move(r.state);
        out.state->course_version = course.version;
      }
      return out;
    }
    out.damaged = true;
    out.message = r.errors.empty() ? "the saved record could not be read" : "the saved record is damaged: " + r.errors.front();
    if (s && s->ok()) {
      out.state = std::move(s->state);
      out.dropped = s->dropped;
      out.message += " (restored from its snapshot)";
    }
    return out;
  }
  SnapshotResult s = decode_snapshot(course, t);
  if (!s.ok()) {
    out.damaged = true;
    out.message = std::string("the saved snapshot could not be read (") + granice::to_string(s.error) + "): " + s.message;
    return out;
  }
  out.state = std::move(s.state);
  out.dropped = std::move(s.dropped);
  return out;
}

Reconciled reconcile(const std::optional<CourseState>& lms, const std::optional<CourseState>& local,
                     std::string_view lms_learner_id) {
  Reconciled r;
  // "local-…" ids are what standalone mode gives an anonymous learner: not another person.
  const bool local_foreign = local && !lms_learner_id.empty() && !local->learner_id.empty() &&
                             local->learner_id.rfind("local-", 0) != 0 && local->learner_id != lms_learner_id;
  if (lms && (!local || local_foreign)) {
    r.state = lms;
    r.source = Source::Lms;
    r.why = local_foreign ? "the browser's copy belongs to another learner; using the LMS's" : "only the LMS had progress";
  } else if (local && !local_foreign && !lms) {
    r.state = local;
    r.source = Source::Local;
    r.why = "only the browser had progress";
  } else if (local && lms) {
    if (lms->updated > local->updated) {
      r.state = lms;
      r.source = Source::Lms;
      r.why = "the LMS's copy is newer";
    } else {
      r.state = local;
      r.source = Source::Local;
      r.why = local->updated == lms->updated ? "both copies are from the same save; the browser's keeps the journal"
                                             : "the browser's copy is newer (the LMS missed a save)";
    }
  } else if (local_foreign) {
    r.why = "the browser's copy belongs to another learner";
  }
  return r;
}

}  // namespace granice::scorm
