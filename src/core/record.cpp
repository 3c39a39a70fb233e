#include "core/record.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/record_schema.h"
#include "core/snapshot.h"

namespace granice {

using nlohmann::json;

// [SECTION] Dates (proleptic Gregorian, H. Hinnant's algorithms)
static std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

static void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

// Years 0000..9999 only (what ISO 8601 basic form holds); values outside are clamped.
static constexpr std::int64_t kMinTime = -62167219200LL;  // 0000-01-01T00:00:00Z
static constexpr std::int64_t kMaxTime = 253402300799LL;  // 9999-12-31T23:59:59Z

std::string iso8601_utc(std::int64_t seconds) {
  seconds = std::clamp(seconds, kMinTime, kMaxTime);
  std::int64_t days = seconds / 86400;
  std::int64_t rem = seconds % 86400;
  if (rem < 0) {
    rem += 86400;
    days -= 1;
  }
  std::int64_t y = 0;
  unsigned m = 0, d = 0;
  civil_from_days(days, y, m, d);
  char buf[32];
  const int hh = static_cast<int>(rem / 3600), mm = static_cast<int>(rem / 60 % 60), ss = static_cast<int>(rem % 60);
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(y), m, d, hh, mm, ss);
  return buf;
}

std::optional<std::int64_t> parse_iso8601_utc(std::string_view s) {
  if (s.size() != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
    return std::nullopt;
  auto num = [&](std::size_t at, std::size_t len) -> int {
    int v = 0;
    for (std::size_t i = at; i < at + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  const int y = num(0, 4), mo = num(5, 2), d = num(8, 2), h = num(11, 2), mi = num(14, 2), se = num(17, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59)
    return std::nullopt;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const int dim = kDays[mo - 1] + (mo == 2 && leap ? 1 : 0);
  if (d > dim) return std::nullopt;
  return days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 + mi * 60 + se;
}

// [SECTION] Writing
static json opt_num(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

static json answers_json(const Course& course, const std::vector<QuestionAnswer>& answers) {
  json arr = json::array();
  for (const auto& a : answers) {
    json j = {{"question", a.question_id}, {"submitted", a.submitted}};
    if (!a.response.selected.empty()) j["selected"] = a.response.selected;
    if (!a.response.order.empty()) j["order"] = a.response.order;
    if (!a.response.match.empty()) j["match"] = a.response.match;
    if (const Question* q = course.question(a.question_id)) {
      j["response"] = scorm_response(*q, a.response);  // readable; ignored when reading
      if (a.submitted) j["score"] = grade(*q, a.response).score;
    }
    arr.push_back(std::move(j));
  }
  return arr;
}

static json quiz_json(const Course& course, const QuizProgress& q, int pass_mark) {
  return json{{"attempts", q.attempts_used},
              {"best_score", opt_num(q.best_score)},
              {"last_score", opt_num(q.last_score)},
              {"passed", q.best_score.has_value() && *q.best_score >= static_cast<double>(pass_mark)},
              {"pass_mark", pass_mark},
              {"in_progress", q.in_progress},
              {"current", q.current},
              {"answers", answers_json(course, q.answers)},
              {"last_answers", answers_json(course, q.last_answers)}};
}

// Each step names the node (when the content is known) and the reply by its id.
static json path_json(const RolePlay* rp, const ReplyPath& path) {
  json arr = json::array();
  std::optional<RolePlaySession> s;
  if (rp) s.emplace(*rp);
  for (const std::string& reply : path) {
    json step = json::object();
    if (s && s->valid()) {
      step["node"] = s->node().id;
      const int c = reply_index(s->node(), reply);
      if (c < 0 || !s->choose(static_cast<std::size_t>(c))) s.reset();
    }
    step["reply"] = reply;
    arr.push_back(std::move(step));
  }
  return arr;
}

static json rubric_json(const RolePlay* rp, const std::map<std::string, int>& totals) {
  json j = json::object();
  std::vector<RubricBound> bounds;
  if (rp) bounds = rubric_bounds(*rp);
  for (const auto& [id, score] : totals) {
    json e = {{"score", score}};
    if (rp) {
      for (std::size_t i = 0; i < rp->rubric.size(); ++i)
        if (rp->rubric[i].id == id) e["max"] = rp->rubric[i].max > 0 ? rp->rubric[i].max : bounds[i].max;
    }
    j[id] = std::move(e);
  }
  return j;
}

static const char* ending_outcome(const RolePlay* rp, const std::string& ending) {
  if (!rp) return nullptr;
  const int i = rp->node_index(ending);
  if (i < 0 || !rp->nodes[static_cast<std::size_t>(i)].is_ending) return nullptr;
  return outcome_name(rp->nodes[static_cast<std::size_t>(i)].outcome);
}

static json last_run_json(const RolePlay* rp, const RolePlayProgress& p) {
  if (p.last_path.empty() && p.last_ending.empty() && p.last_rubric.empty()) return nullptr;
  json j = {{"path", path_json(rp, p.last_path)}, {"ending", p.last_ending}, {"rubric", rubric_json(rp, p.last_rubric)}};
  const char* o = ending_outcome(rp, p.last_ending);
  j["outcome"] = o ? json(o) : json(nullptr);
  return j;
}

static json score_json(const std::optional<double>& raw) {
  return json{{"raw", opt_num(raw)}, {"min", 0}, {"max", 100}, {"scaled", raw ? json(*raw / 100.0) : json(nullptr)}};
}

std::string to_record(const Course& course, const CourseState& st) {
  json j;
  j["format"] = "granice-record";
  j["format_version"] = kRecordFormatVersion;
  j["course"] = {{"id", st.course_id}, {"version", st.course_version}, {"content_hash", course.content_hash}};
  j["learner"] = {{"id", st.learner_id}, {"name", st.learner_name}};
  j["language"] = st.language;
  j["seed"] = std::to_string(st.seed);
  j["completion_status"] = to_string(completion_status(course, st));
  j["success_status"] = to_string(success_status(course, st));
  j["score"] = score_json(overall_score(course, st));
  j["total_time_seconds"] = st.total_time_seconds;
  j["started"] = iso8601_utc(st.started);
  j["updated"] = iso8601_utc(st.updated);
  j["bookmark"] = {{"screen", to_string(st.bookmark.screen)}, {"module", st.bookmark.module_id}, {"index", st.bookmark.index}};

  json objs = json::array();
  for (const auto& o : objective_scores(course, st)) {
    objs.push_back({{"id", o.id},
                    {"score", {{"raw", opt_num(o.score)}, {"min", 0}, {"max", 100},
                               {"scaled", o.score ? json(*o.score / 100.0) : json(nullptr)}}},
                    {"completion_status", to_string(o.completion)},
                    {"success_status", to_string(o.success)}});
  }
  j["objectives"] = std::move(objs);

  json mods = json::array();
  json roleplays = json::array();
  for (const auto& mp : st.modules) {
    const Module* m = course.module(mp.module_id);
    const RolePlay* rp = (m && m->roleplay) ? &*m->roleplay : nullptr;
    json jm;
    jm["id"] = mp.module_id;
    jm["status"] = m ? to_string(module_status(course, st, *m)) : "not_started";
    jm["lesson"] = {{"pages_seen", mp.lesson.pages_seen},
                    {"pages", m ? static_cast<int>(m->pages.size()) : 0},
                    {"completed", mp.lesson.completed}};
    jm["quiz"] = quiz_json(course, mp.quiz, m ? m->quiz.pass_mark : course.pass_mark);
    const RolePlayProgress& p = mp.roleplay;
    json jr = {{"id", rp ? rp->id : std::string()},
               {"runs", p.runs},
               {"best_outcome", p.best_outcome ? json(outcome_name(*p.best_outcome)) : json(nullptr)},
               {"in_progress", p.in_progress},
               {"path", path_json(rp, p.path)},
               {"last", last_run_json(rp, p)}};
    if (rp && !jr["last"].is_null()) {
      json summary = jr["last"];
      summary["id"] = rp->id;
      summary["module"] = mp.module_id;
      roleplays.push_back(std::move(summary));
    }
    jm["roleplay"] = std::move(jr);
    mods.push_back(std::move(jm));
  }
  j["modules"] = std::move(mods);
  j["assessment"] = quiz_json(course, st.assessment, course.assessment.pass_mark);
  j["assessment"]["id"] = course.assessment.id;
  // The open (or next) attempt's draw: draw_assessment(course, seed, attempt). Derived; ignored when reading.
  j["assessment"]["attempt"] = st.assessment.attempts_used + 1;
  j["assessment"]["draw"] = course.assessment.draw;

  json inter = json::array();
  for (const auto& it : st.interactions) {
    inter.push_back({{"id", it.id},
                     {"type", to_string(it.type)},
                     {"objective", it.objective},
                     {"learner_response", it.learner_response},
                     {"correct_responses", it.correct_responses},
                     {"result", to_string(it.result)},
                     {"score", it.score},
                     {"latency_seconds", it.latency_seconds},
                     {"timestamp", iso8601_utc(it.timestamp)}});
  }
  j["interactions"] = std::move(inter);
  j["roleplays"] = std::move(roleplays);
  j["snapshot"] = encode_snapshot(course, st);
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

// [SECTION] Reading
namespace {

using namespace record_schema;

constexpr std::size_t kMaxErrors = 50;

struct Parser {
  std::vector<std::string> errors;

  void err(const std::string& ptr, const std::string& msg) {
    if (errors.size() < kMaxErrors) errors.push_back((ptr.empty() ? "/" : ptr) + ": " + msg);
  }

  const json* member(const json& obj, const char* key, const std::string& ptr, bool required = true) {
    if (!obj.is_object()) return nullptr;
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) err(ptr + "/" + key, "missing");
      return nullptr;
    }
    return &*it;
  }

  const json* object(const json& obj, const char* key, const std::string& ptr) {
    const json* v = member(obj, key, ptr);
    if (v && !v->is_object()) {
      err(ptr + "/" + key, "expected an object");
      return nullptr;
    }
    return v;
  }

  const json* array(const json& obj, const char* key, const std::string& ptr, std::size_t max = kMaxArray) {
    const json* v = member(obj, key, ptr);
    if (!v) return nullptr;
    if (!v->is_array()) {
      err(ptr + "/" + key, "expected an array");
      return nullptr;
    }
    if (v->size() > max) {
      err(ptr + "/" + key, "too many entries (at most " + std::to_string(max) + ")");
      return nullptr;
    }
    return v;
  }

  std::string str(const json& obj, const char* key, const std::string& ptr, bool required = true) {
    const json* v = member(obj, key, ptr, required);
    if (!v) return {};
    if (!v->is_string()) {
      err(ptr + "/" + key, "expected a string");
      return {};
    }
    const auto& s = v->get_ref<const std::string&>();
    if (s.size() > kMaxString) {
      err(ptr + "/" + key, "string too long");
      return {};
    }
    return s;
  }

  std::int64_t integer(const json& v, const std::string& ptr, std::int64_t lo, std::int64_t hi) {
    if (v.is_number_integer()) {
      if (v.is_number_unsigned()) {
        const auto u = v.get<std::uint64_t>();
        if (u <= static_cast<std::uint64_t>(hi) && static_cast<std::int64_t>(u) >= lo) return static_cast<std::int64_t>(u);
      } else {
        const auto s = v.get<std::int64_t>();
        if (s >= lo && s <= hi) return s;
      }
    }
    err(ptr, "expected an integer from " + std::to_string(lo) + " to " + std::to_string(hi));
    return lo < 0 && hi >= 0 ? 0 : lo;
  }

  int int_member(const json& obj, const char* key, const std::string& ptr, std::int64_t lo, std::int64_t hi) {
    const json* v = member(obj, key, ptr);
    return v ? static_cast<int>(integer(*v, ptr + "/" + key, lo, hi)) : static_cast<int>(lo < 0 && hi >= 0 ? 0 : lo);
  }

  double number(const json& v, const std::string& ptr, double lo, double hi) {
    if (v.is_number()) {
      const double d = v.get<double>();
      if (std::isfinite(d) && d >= lo && d <= hi) return d;
    }
    err(ptr, "expected a number from " + std::to_string(lo) + " to " + std::to_string(hi));
    return lo;
  }

  std::optional<double> opt_number(const json& obj, const char* key, const std::string& ptr, double lo, double hi) {
    const json* v = member(obj, key, ptr);
    if (!v || v->is_null()) return std::nullopt;
    return number(*v, ptr + "/" + key, lo, hi);
  }

  bool boolean(const json& obj, const char* key, const std::string& ptr) {
    const json* v = member(obj, key, ptr);
    if (!v) return false;
    if (!v->is_boolean()) {
      err(ptr + "/" + key, "expected true or false");
      return false;
    }
    return v->get<bool>();
  }

  std::int64_t time(const json& obj, const char* key, const std::string& ptr) {
    const json* v = member(obj, key, ptr);
    if (!v) return 0;
    std::optional<std::int64_t> t;
    if (v->is_string()) t = parse_iso8601_utc(v->get_ref<const std::string&>());
    if (!t) err(ptr + "/" + key, "expected an ISO 8601 UTC time like 2026-01-31T12:00:00Z");
    return t.value_or(0);
  }

  std::vector<int> ints(const json& obj, const char* key, const std::string& ptr, int lo, int hi, bool required) {
    std::vector<int> out;
    const json* v = member(obj, key, ptr, required);
    if (!v) return out;
    if (!v->is_array() || v->size() > kMaxInts) {
      err(ptr + "/" + key, "expected an array of at most " + std::to_string(kMaxInts) + " integers");
      return out;
    }
    for (std::size_t i = 0; i < v->size(); ++i)
      out.push_back(static_cast<int>(integer((*v)[i], ptr + "/" + key + "/" + std::to_string(i), lo, hi)));
    return out;
  }

  std::vector<QuestionAnswer> answers(const json& obj, const char* key, const std::string& ptr) {
    std::vector<QuestionAnswer> out;
    const json* arr = array(obj, key, ptr, kMaxAnswers);
    if (!arr) return out;
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const std::string p = ptr + "/" + key + "/" + std::to_string(i);
      const json& a = (*arr)[i];
      if (!a.is_object()) {
        err(p, "expected an object");
        continue;
      }
      QuestionAnswer qa;
      qa.question_id = str(a, "question", p);
      qa.submitted = boolean(a, "submitted", p);
      qa.response.selected = ints(a, "selected", p, 0, kMaxIndex, false);
      qa.response.order = ints(a, "order", p, 0, kMaxIndex, false);
      qa.response.match = ints(a, "match", p, -1, kMaxIndex, false);
      out.push_back(std::move(qa));
    }
    return out;
  }

  QuizProgress quiz(const json& obj, const std::string& ptr) {
    QuizProgress q;
    if (!obj.is_object()) {
      err(ptr, "expected an object");
      return q;
    }
    q.attempts_used = int_member(obj, "attempts", ptr, 0, kMaxCount);
    q.best_score = opt_number(obj, "best_score", ptr, 0, 100);
    q.last_score = opt_number(obj, "last_score", ptr, 0, 100);
    q.in_progress = boolean(obj, "in_progress", ptr);
    q.current = int_member(obj, "current", ptr, 0, kMaxCount);
    q.answers = answers(obj, "answers", ptr);
    q.last_answers = answers(obj, "last_answers", ptr);
    return q;
  }

  // {"node", "reply": id}; records from before reply ids have {"node", "choice": index} ("#index").
  ReplyPath path(const json& obj, const char* key, const std::string& ptr) {
    ReplyPath out;
    const json* arr = array(obj, key, ptr, kMaxAnswers);
    if (!arr) return out;
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const std::string p = ptr + "/" + key + "/" + std::to_string(i);
      const json& s = (*arr)[i];
      if (!s.is_object()) {
        err(p, "expected an object {\"node\", \"reply\"}");
        continue;
      }
      if (s.contains("reply") || !s.contains("choice")) out.push_back(str(s, "reply", p));
      else out.push_back("#" + std::to_string(int_member(s, "choice", p, 0, kMaxIndex)));
    }
    return out;
  }

  template <class E, std::size_t N>
  std::optional<E> enum_value(const std::string& s, const std::string& ptr, const std::pair<const char*, E> (&names)[N]) {
    for (const auto& [n, e] : names)
      if (s == n) return e;
    std::string all;
    for (const auto& [n, e] : names) all += std::string(all.empty() ? "" : ", ") + n;
    err(ptr, "unknown value \"" + s.substr(0, 40) + "\" (expected one of: " + all + ")");
    return std::nullopt;
  }
};

// Nesting deeper than this is refused before parsing (bounded work, no deep recursion).
bool too_deep(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false, escape = false;
  for (char c : text) {
    if (in_string) {
      if (escape) escape = false;
      else if (c == '\\') escape = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') {
      if (++depth > max_depth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

}  // namespace

RecordResult from_record(std::string_view text) {
  RecordResult out;
  if (text.size() > kRecordMaxBytes) {
    out.errors.push_back("/: the file is too large to be a Granice record (" + std::to_string(text.size()) + " bytes)");
    return out;
  }
  if (too_deep(text, kMaxDepth)) {
    out.errors.push_back("/: nested too deeply to be a Granice record");
    return out;
  }
  const json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded()) {
    out.errors.push_back("/: not valid JSON");
    return out;
  }
  Parser p;
  if (!j.is_object()) {
    out.errors.push_back("/: expected a JSON object (a Granice record)");
    return out;
  }
  {
    auto f = j.find("format");
    if (f == j.end() || !f->is_string() || f->get_ref<const std::string&>() != "granice-record") {
      out.errors.push_back("/format: not a Granice progress record (expected \"format\": \"granice-record\")");
      return out;
    }
    auto v = j.find("format_version");
    if (v == j.end() || !v->is_number_integer() || v->get<std::int64_t>() != kRecordFormatVersion) {
      out.errors.push_back("/format_version: unsupported record version (this build reads version " +
                           std::to_string(kRecordFormatVersion) + ")");
      return out;
    }
  }

  CourseState st;
  if (const json* c = p.object(j, "course", "")) {
    st.course_id = p.str(*c, "id", "/course");
    st.course_version = p.str(*c, "version", "/course");
  }
  if (const json* l = p.object(j, "learner", "")) {
    st.learner_id = p.str(*l, "id", "/learner");
    st.learner_name = p.str(*l, "name", "/learner");
  }
  st.language = p.str(j, "language", "");
  {
    const std::string seed = p.str(j, "seed", "");
    bool okseed = !seed.empty() && seed.size() <= 20 && std::all_of(seed.begin(), seed.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    std::uint64_t v = 0;
    for (char ch : seed) {
      if (!okseed) break;
      const std::uint64_t digit = static_cast<std::uint64_t>(ch - '0');
      if (v > (UINT64_MAX - digit) / 10) okseed = false;
      else v = v * 10 + digit;
    }
    if (okseed) st.seed = v;
    else if (j.contains("seed")) p.err("/seed", "expected a decimal string of an unsigned 64-bit number");
  }
  if (const json* t = p.member(j, "total_time_seconds", "")) st.total_time_seconds = p.number(*t, "/total_time_seconds", 0, kMaxTotalTime);
  st.started = p.time(j, "started", "");
  st.updated = p.time(j, "updated", "");
  if (const json* b = p.object(j, "bookmark", "")) {
    if (auto s = p.enum_value(p.str(*b, "screen", "/bookmark"), "/bookmark/screen", kScreens)) st.bookmark.screen = *s;
    st.bookmark.module_id = p.str(*b, "module", "/bookmark");
    st.bookmark.index = p.int_member(*b, "index", "/bookmark", 0, kMaxCount);
  }
  if (const json* mods = p.array(j, "modules", "", kMaxModules)) {
    for (std::size_t i = 0; i < mods->size(); ++i) {
      const std::string ptr = "/modules/" + std::to_string(i);
      const json& jm = (*mods)[i];
      if (!jm.is_object()) {
        p.err(ptr, "expected an object");
        continue;
      }
      ModuleProgress mp;
      mp.module_id = p.str(jm, "id", ptr);
      if (const json* l = p.object(jm, "lesson", ptr)) {
        mp.lesson.pages_seen = p.int_member(*l, "pages_seen", ptr + "/lesson", 0, kMaxCount);
        mp.lesson.completed = p.boolean(*l, "completed", ptr + "/lesson");
      }
      if (const json* q = p.object(jm, "quiz", ptr)) mp.quiz = p.quiz(*q, ptr + "/quiz");
      if (const json* r = p.object(jm, "roleplay", ptr)) {
        const std::string rp = ptr + "/roleplay";
        RolePlayProgress& rpp = mp.roleplay;
        rpp.runs = p.int_member(*r, "runs", rp, 0, kMaxCount);
        if (const json* bo = p.member(*r, "best_outcome", rp); bo && !bo->is_null()) {
          if (!bo->is_string()) p.err(rp + "/best_outcome", "expected a string or null");
          else rpp.best_outcome = p.enum_value(bo->get<std::string>(), rp + "/best_outcome", kOutcomes);
        }
        rpp.in_progress = p.boolean(*r, "in_progress", rp);
        rpp.path = p.path(*r, "path", rp);
        if (const json* last = p.member(*r, "last", rp); last && !last->is_null()) {
          if (!last->is_object()) {
            p.err(rp + "/last", "expected an object or null");
          } else {
            rpp.last_path = p.path(*last, "path", rp + "/last");
            rpp.last_ending = p.str(*last, "ending", rp + "/last");
            if (const json* ru = p.object(*last, "rubric", rp + "/last")) {
              if (ru->size() > kMaxRubric) p.err(rp + "/last/rubric", "too many criteria");
              else
                for (auto it = ru->begin(); it != ru->end(); ++it) {
                  const std::string cp = rp + "/last/rubric/" + it.key();
                  if (!it->is_object()) {
                    p.err(cp, "expected an object {\"score\", \"max\"}");
                    continue;
                  }
                  rpp.last_rubric[it.key()] = p.int_member(*it, "score", cp, -kMaxRubricScore, kMaxRubricScore);
                }
            }
          }
        }
      }
      st.modules.push_back(std::move(mp));
    }
  }
  if (const json* a = p.object(j, "assessment", "")) st.assessment = p.quiz(*a, "/assessment");
  if (const json* inter = p.array(j, "interactions", "", kMaxInteractions)) {
    for (std::size_t i = 0; i < inter->size(); ++i) {
      const std::string ptr = "/interactions/" + std::to_string(i);
      const json& ji = (*inter)[i];
      if (!ji.is_object()) {
        p.err(ptr, "expected an object");
        continue;
      }
      Interaction it;
      it.id = p.str(ji, "id", ptr);
      if (auto t = p.enum_value(p.str(ji, "type", ptr), ptr + "/type", kTypes)) it.type = *t;
      it.objective = p.str(ji, "objective", ptr);
      it.learner_response = p.str(ji, "learner_response", ptr);
      if (const json* cr = p.array(ji, "correct_responses", ptr, kMaxCorrectResponses)) {
        for (std::size_t k = 0; k < cr->size(); ++k) {
          if (!(*cr)[k].is_string() || (*cr)[k].get_ref<const std::string&>().size() > kMaxString)
            p.err(ptr + "/correct_responses/" + std::to_string(k), "expected a string");
          else
            it.correct_responses.push_back((*cr)[k].get<std::string>());
        }
      }
      if (auto r = p.enum_value(p.str(ji, "result", ptr), ptr + "/result", kResults)) it.result = *r;
      if (const json* s = p.member(ji, "score", ptr)) it.score = p.number(*s, ptr + "/score", 0, 1);
      if (const json* l = p.member(ji, "latency_seconds", ptr)) it.latency_seconds = p.number(*l, ptr + "/latency_seconds", 0, kMaxLatency);
      it.timestamp = p.time(ji, "timestamp", ptr);
      st.interactions.push_back(std::move(it));
    }
  }
  if (auto s = j.find("snapshot"); s != j.end() && s->is_string() && s->get_ref<const std::string&>().size() <= kSuspendDataLimit)
    out.snapshot = s->get<std::string>();

  out.errors = std::move(p.errors);
  if (out.errors.empty()) out.state = std::move(st);
  return out;
}

}  // namespace granice
