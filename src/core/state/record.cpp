#include "core/state/record.h"

#include <algorithm>
#include <cstdio>

#include "core/state/record_fields.h"
#include "core/state/snapshot.h"

namespace granice {

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

// [SECTION] The record's fields: one table per JSON object, leaves first, the record last. Each
// table drives both the writer (to_record) and the reader (from_record); docs/record.md says
// what the fields mean. Derived fields are written for people and ignored when reading.
namespace record_fields {
namespace {

constexpr std::size_t kMaxModules = 256;
constexpr std::size_t kMaxAnswers = 512;  // answers, last_answers, role-play paths
constexpr std::size_t kMaxInts = 512;     // selected, order, match
constexpr std::size_t kMaxCorrectResponses = 16;
constexpr std::size_t kMaxRubric = 64;
constexpr std::int64_t kMaxCount = 1 << 30;
constexpr int kMaxIndex = 255;  // option, item and role-play choice indices
constexpr std::int64_t kMaxRubricScore = 1000000;
constexpr double kMaxTotalTime = 1e12;
constexpr double kMaxLatency = 1e9;

constexpr std::pair<std::string_view, Screen> kScreens[] = {
    {"home", Screen::Home},         {"lesson", Screen::Lesson},         {"quiz", Screen::Quiz},
    {"roleplay", Screen::RolePlay}, {"assessment", Screen::Assessment}, {"results", Screen::Results},
    {"certificate", Screen::Certificate}};
constexpr std::pair<std::string_view, Outcome> kOutcomes[] = {
    {"good", Outcome::Good}, {"partial", Outcome::Partial}, {"poor", Outcome::Poor}};
constexpr std::pair<std::string_view, InteractionType> kTypes[] = {
    {"choice", InteractionType::Choice},         {"true-false", InteractionType::TrueFalse},
    {"sequencing", InteractionType::Sequencing}, {"matching", InteractionType::Matching},
    {"other", InteractionType::Other}};
constexpr std::pair<std::string_view, InteractionResult> kResults[] = {
    {"correct", InteractionResult::Correct}, {"incorrect", InteractionResult::Incorrect},
    {"neutral", InteractionResult::Neutral}};

// Codecs of the record's own forms.
struct Time {  // ISO 8601 UTC <-> seconds since the epoch
  static constexpr Kind kind = Kind::String;
};
std::string expected(const Time&) { return "an ISO 8601 UTC time like 2026-01-31T12:00:00Z"; }
bool take(Reader& r, const Time& c, std::int64_t& v) {
  std::string_view s;
  if (!r.in.string(s)) return false;
  const std::optional<std::int64_t> t = parse_iso8601_utc(s);
  if (!t) {
    r.error("expected " + expected(c));
    return false;
  }
  v = *t;
  return true;
}
json write(const Time&, std::int64_t v, const WriteCtx&) { return iso8601_utc(v); }

struct Seed {  // a 64-bit number as a decimal string (JSON numbers lose precision past 2^53)
  static constexpr Kind kind = Kind::String;
};
std::string expected(const Seed&) { return "a decimal string of an unsigned 64-bit number"; }
bool take(Reader& r, const Seed& c, std::uint64_t& v) {
  std::string_view s;
  if (!r.in.string(s)) return false;
  std::uint64_t n = 0;
  bool ok = !s.empty() && s.size() <= 20;
  for (char ch : s) {
    const std::uint64_t digit = static_cast<std::uint64_t>(ch - '0');
    if (!ok || ch < '0' || ch > '9' || n > (UINT64_MAX - digit) / 10) {
      ok = false;
      break;
    }
    n = n * 10 + digit;
  }
  if (!ok) {
    r.error("expected " + expected(c));
    return false;
  }
  v = n;
  return true;
}
json write(const Seed&, std::uint64_t v, const WriteCtx&) { return std::to_string(v); }

// "format" and "format_version": whether they say what this build reads is decided after the
// whole record is read (from_record: a foreign file gets one error, not one per field).
struct Identity {
  bool Reader::*verdict;     // where the reader notes it
  std::string_view text;     // the string it must be, or
  std::int64_t integer = 0;  // the integer (when `text` is empty)
};
template <class T>
bool read(Reader& r, const Identity& c, T&) {
  const Kind k = r.in.peek();
  if (k == Kind::String && !c.text.empty()) {
    std::string_view s;
    if (!r.in.string(s)) return false;
    r.*c.verdict = s == c.text;
    return true;
  }
  if (k == Kind::Number && c.text.empty()) {
    PullReader::Number n;
    if (!r.in.number(n)) return false;
    r.*c.verdict = n.is_integer && n.integer == c.integer;
    return true;
  }
  return r.in.skip();
}
template <class T>
json write(const Identity& c, const T&, const WriteCtx&) {
  return c.text.empty() ? json(c.integer) : json(std::string(c.text));
}

// "snapshot": derived, but from_record hands it back (RecordResult::snapshot) when it is a
// string that fits in suspend_data; anything else is ignored.
struct Snapshot {};
bool read(Reader& r, const Snapshot&, CourseState&) {
  std::string_view s;
  if (r.in.peek() != Kind::String) return r.in.skip();
  if (!r.in.string(s)) return false;
  if (s.size() <= kSuspendDataLimit) r.snapshot.assign(s);
  return true;
}
json write(const Snapshot&, const CourseState& st, const WriteCtx& c) { return encode_snapshot(c.course, st); }

// A role-play reply by its index, as the first release wrote it: read as "#index".
struct ReplyIndex {
  static constexpr Kind kind = Kind::Number;
  Int range{0, kMaxIndex};
};
std::string expected(const ReplyIndex& c) { return expected(c.range); }
bool take(Reader& r, const ReplyIndex& c, std::string& v) {
  int i = 0;
  if (!take(r, c.range, i)) return false;
  v = "#" + std::to_string(i);
  return true;
}

const RolePlay* roleplay_of(const WriteCtx& c) {
  return c.module && c.module->roleplay ? &*c.module->roleplay : nullptr;
}

json score_json(const std::optional<double>& raw) {
  return json{{"raw", raw ? json(*raw) : json(nullptr)},
              {"min", 0},
              {"max", 100},
              {"scaled", raw ? json(*raw / 100.0) : json(nullptr)}};
}

// One step of a role-play path: the reply's id, and the node's id when the content knows it.
constexpr auto kStep = std::tuple{
    derived<std::string>("node", [](const std::string&, const WriteCtx& c) { return c.node ? json(*c.node) : absent(); }),
    field("reply", self, Text{}),
    older_name("choice", "reply", self, ReplyIndex{})};

struct Path {  // the steps, written with the node each reply was given at (walking the role-play)
  static constexpr Kind kind = Kind::Array;
};
std::string expected(const Path&) { return "an array"; }
bool take(Reader& r, const Path&, ReplyPath& v) { return take(r, List{kMaxAnswers, Object<kStep>{}}, v); }
json write(const Path&, const ReplyPath& path, const WriteCtx& ctx) {
  json out = json::array();
  std::optional<RolePlaySession> s;
  if (const RolePlay* rp = roleplay_of(ctx)) s.emplace(*rp);
  for (const std::string& reply : path) {
    WriteCtx step = ctx;
    const bool known = s && s->valid();
    if (known) step.node = &s->node().id;
    out.push_back(write_object<kStep>(reply, step));
    if (known) {
      const int c = reply_index(s->node(), reply);
      if (c < 0 || !s->choose(static_cast<std::size_t>(c))) s.reset();
    }
  }
  return out;
}

// One rubric criterion's total, with its maximum when the content knows the criterion.
constexpr auto kCriterion = std::tuple{
    field("score", self, Int{-kMaxRubricScore, kMaxRubricScore}),
    derived<int>("max", [](const int&, const WriteCtx& c) { return c.criterion_max ? json(*c.criterion_max) : absent(); })};

struct Rubric {  // {"<criterion id>": {score, max}}
  static constexpr Kind kind = Kind::Object;
};
std::string expected(const Rubric&) { return "an object"; }
bool take(Reader& r, const Rubric&, std::map<std::string, int>& v) {
  if (!r.in.begin_object()) return false;
  std::string_view key;
  for (std::size_t n = 0; r.in.next_key(key); ++n) {
    if (n >= kMaxRubric) {
      if (n == kMaxRubric) r.error("too many criteria (at most " + std::to_string(kMaxRubric) + ")");
      r.in.skip();
      continue;
    }
    const auto added = v.try_emplace(std::string(key), 0);
    if (!added.second) {
      r.enter_copy(key);
      r.error("given twice");
      r.in.skip();
    } else {
      r.enter(added.first->first);
      read(r, Object<kCriterion>{}, added.first->second);
    }
    r.leave();
  }
  return r.in.ok();
}
json write(const Rubric&, const std::map<std::string, int>& totals, const WriteCtx& ctx) {
  json out = json::object();
  const RolePlay* rp = roleplay_of(ctx);
  std::vector<RubricBound> bounds;
  if (rp) bounds = rubric_bounds(*rp);
  for (const auto& [id, score] : totals) {
    WriteCtx c = ctx;
    if (rp)
      for (std::size_t i = 0; i < rp->rubric.size(); ++i)
        if (rp->rubric[i].id == id) c.criterion_max = rp->rubric[i].max > 0 ? rp->rubric[i].max : bounds[i].max;
    out[id] = write_object<kCriterion>(score, c);
  }
  return out;
}

constexpr auto kAnswer = std::tuple{
    field("question", &QuestionAnswer::question_id, Text{}),
    field("submitted", &QuestionAnswer::submitted, Bool{}),
    field("selected", via(&QuestionAnswer::response, &Response::selected), List{kMaxInts, Int{0, kMaxIndex}}, Presence::OmitEmpty),
    field("order", via(&QuestionAnswer::response, &Response::order), List{kMaxInts, Int{0, kMaxIndex}}, Presence::OmitEmpty),
    field("match", via(&QuestionAnswer::response, &Response::match), List{kMaxInts, Int{-1, kMaxIndex}}, Presence::OmitEmpty),
    derived<QuestionAnswer>("response", [](const QuestionAnswer& a, const WriteCtx& c) {  // option / item / pair ids
      const Question* q = c.course.question(a.question_id);
      return q ? json(scorm_response(*q, a.response)) : absent();
    }),
    derived<QuestionAnswer>("score", [](const QuestionAnswer& a, const WriteCtx& c) {
      const Question* q = c.course.question(a.question_id);
      return q && a.submitted ? json(grade(*q, a.response).score) : absent();
    })};

int pass_mark(const WriteCtx& c) {
  if (!c.in_module) return c.course.assessment.pass_mark;
  return c.module ? c.module->quiz.pass_mark : c.course.pass_mark;
}

constexpr auto kQuiz = std::tuple{
    field("attempts", &QuizProgress::attempts_used, Int{0, kMaxCount}),
    field("best_score", &QuizProgress::best_score, Maybe{Real{0, 100}}),
    field("last_score", &QuizProgress::last_score, Maybe{Real{0, 100}}),
    derived<QuizProgress>("passed", [](const QuizProgress& q, const WriteCtx& c) {
      return json(q.best_score.has_value() && *q.best_score >= static_cast<double>(pass_mark(c)));
    }),
    derived<QuizProgress>("pass_mark", [](const QuizProgress&, const WriteCtx& c) { return json(pass_mark(c)); }),
    field("in_progress", &QuizProgress::in_progress, Bool{}),
    field("current", &QuizProgress::current, Int{0, kMaxCount}),
    field("answers", &QuizProgress::answers, List{kMaxAnswers, Object<kAnswer>{}}),
    field("last_answers", &QuizProgress::last_answers, List{kMaxAnswers, Object<kAnswer>{}})};

constexpr auto kAssessment = std::tuple_cat(
    kQuiz,
    std::tuple{
        derived<QuizProgress>("id", [](const QuizProgress&, const WriteCtx& c) { return json(c.course.assessment.id); }),
        // The open (or next) attempt's draw: draw_assessment(course, seed, attempt).
        derived<QuizProgress>("attempt", [](const QuizProgress& q, const WriteCtx&) { return json(q.attempts_used + 1); }),
        derived<QuizProgress>("draw", [](const QuizProgress&, const WriteCtx& c) { return json(c.course.assessment.draw); })});

constexpr auto kLesson = std::tuple{
    field("pages_seen", &LessonProgress::pages_seen, Int{0, kMaxCount}),
    derived<LessonProgress>("pages", [](const LessonProgress&, const WriteCtx& c) {
      return json(c.module ? static_cast<int>(c.module->pages.size()) : 0);
    }),
    field("completed", &LessonProgress::completed, Bool{})};

// The last finished role-play run (null before the first).
constexpr auto kLastRun = std::tuple{
    field("path", &RolePlayProgress::last_path, Path{}),
    field("ending", &RolePlayProgress::last_ending, Text{}),
    field("rubric", &RolePlayProgress::last_rubric, Rubric{}),
    derived<RolePlayProgress>("outcome", [](const RolePlayProgress& p, const WriteCtx& c) {
      const RolePlay* rp = roleplay_of(c);
      const int i = rp ? rp->node_index(p.last_ending) : -1;
      if (i < 0 || !rp->nodes[static_cast<std::size_t>(i)].is_ending) return json(nullptr);
      return json(outcome_name(rp->nodes[static_cast<std::size_t>(i)].outcome));
    })};

constexpr auto kRolePlay = std::tuple{
    derived<RolePlayProgress>("id", [](const RolePlayProgress&, const WriteCtx& c) {
      const RolePlay* rp = roleplay_of(c);
      return json(rp ? rp->id : std::string());
    }),
    field("runs", &RolePlayProgress::runs, Int{0, kMaxCount}),
    field("best_outcome", &RolePlayProgress::best_outcome, Maybe{Enum{kOutcomes}}),
    field("in_progress", &RolePlayProgress::in_progress, Bool{}),
    field("path", &RolePlayProgress::path, Path{}),
    field("last", self, OrNull<kLastRun>{})};

constexpr auto kModule = std::tuple{
    field("id", &ModuleProgress::module_id, Text{}),
    derived<ModuleProgress>("status", [](const ModuleProgress&, const WriteCtx& c) {
      return json(c.module ? to_string(module_status(c.course, c.st, *c.module)) : "not_started");
    }),
    field("lesson", &ModuleProgress::lesson, Object<kLesson>{}),
    field("quiz", &ModuleProgress::quiz, Object<kQuiz>{}),
    field("roleplay", &ModuleProgress::roleplay, Object<kRolePlay>{})};

struct Modules {  // modules[], each written knowing its module in the content
  static constexpr Kind kind = Kind::Array;
};
std::string expected(const Modules&) { return "an array"; }
bool take(Reader& r, const Modules&, std::vector<ModuleProgress>& v) {
  return take(r, List{kMaxModules, Object<kModule>{}}, v);
}
json write(const Modules&, const std::vector<ModuleProgress>& modules, const WriteCtx& ctx) {
  json out = json::array();
  for (const ModuleProgress& mp : modules) {
    WriteCtx c = ctx;
    c.in_module = true;
    c.module = ctx.course.module(mp.module_id);
    out.push_back(write_object<kModule>(mp, c));
  }
  return out;
}

constexpr auto kBookmark = std::tuple{
    field("screen", &Bookmark::screen, Enum{kScreens}),
    field("module", &Bookmark::module_id, Text{}),
    field("index", &Bookmark::index, Int{0, kMaxCount})};

constexpr auto kInteraction = std::tuple{
    field("id", &Interaction::id, Text{}),
    field("type", &Interaction::type, Enum{kTypes}),
    field("objective", &Interaction::objective, Text{}),
    field("learner_response", &Interaction::learner_response, Text{}),
    field("correct_responses", &Interaction::correct_responses, List{kMaxCorrectResponses, Text{}}),
    field("result", &Interaction::result, Enum{kResults}),
    field("score", &Interaction::score, Real{0, 1}),
    field("latency_seconds", &Interaction::latency_seconds, Real{0, kMaxLatency}),
    field("timestamp", &Interaction::timestamp, Time{})};

constexpr auto kCourse = std::tuple{
    field("id", &CourseState::course_id, Text{}),
    field("version", &CourseState::course_version, Text{}),
    derived<CourseState>("content_hash", [](const CourseState&, const WriteCtx& c) { return json(c.course.content_hash); })};

constexpr auto kLearner = std::tuple{
    field("id", &CourseState::learner_id, Text{}),
    field("name", &CourseState::learner_name, Text{})};

constexpr auto kRecord = std::tuple{
    field("format", self, Identity{&Reader::format_ok, "granice-record"}),
    field("format_version", self, Identity{&Reader::version_ok, {}, kRecordFormatVersion}),
    field("course", self, Object<kCourse>{}),
    field("learner", self, Object<kLearner>{}),
    field("language", &CourseState::language, Text{}),
    field("seed", &CourseState::seed, Seed{}),
    derived<CourseState>("completion_status", [](const CourseState& st, const WriteCtx& c) {
      return json(to_string(completion_status(c.course, st)));
    }),
    derived<CourseState>("success_status", [](const CourseState& st, const WriteCtx& c) {
      return json(to_string(success_status(c.course, st)));
    }),
    derived<CourseState>("score", [](const CourseState& st, const WriteCtx& c) { return score_json(overall_score(c.course, st)); }),
    field("total_time_seconds", &CourseState::total_time_seconds, Real{0, kMaxTotalTime}),
    field("started", &CourseState::started, Time{}),
    field("updated", &CourseState::updated, Time{}),
    field("bookmark", &CourseState::bookmark, Object<kBookmark>{}),
    derived<CourseState>("objectives", [](const CourseState& st, const WriteCtx& c) {
      json out = json::array();
      for (const auto& o : objective_scores(c.course, st))
        out.push_back({{"id", o.id},
                       {"score", score_json(o.score)},
                       {"completion_status", to_string(o.completion)},
                       {"success_status", to_string(o.success)}});
      return out;
    }),
    field("modules", &CourseState::modules, Modules{}),
    field("assessment", &CourseState::assessment, Object<kAssessment>{}),
    field("interactions", &CourseState::interactions, List{kMaxInteractions, Object<kInteraction>{}, true}),
    derived<CourseState>("roleplays", [](const CourseState& st, const WriteCtx& ctx) {  // each module's last run
      json out = json::array();
      for (const ModuleProgress& mp : st.modules) {
        WriteCtx c = ctx;
        c.in_module = true;
        c.module = ctx.course.module(mp.module_id);
        const RolePlay* rp = roleplay_of(c);
        if (!rp || all_default<kLastRun>(mp.roleplay)) continue;
        json run = write_object<kLastRun>(mp.roleplay, c);
        run["id"] = rp->id;
        run["module"] = mp.module_id;
        out.push_back(std::move(run));
      }
      return out;
    }),
    field("snapshot", self, Snapshot{}, Presence::Optional)};

// Where the text stopped being JSON, as "line L, column C" (columns count characters).
std::string position(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

}  // namespace
}  // namespace record_fields

// [SECTION] Writing and reading
std::string to_record(const Course& course, const CourseState& st) {
  using namespace record_fields;
  const WriteCtx ctx(course, st);
  return write_object<kRecord>(st, ctx).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

RecordResult from_record(std::string_view text, bool keep_journal) {
  using namespace record_fields;
  RecordResult out;
  if (text.size() > kRecordMaxBytes) {
    out.errors.push_back("/: the file is too large to be a Granice record (" + std::to_string(text.size()) + " bytes)");
    return out;
  }
  Reader r(text, keep_journal);
  CourseState st;
  const bool object = r.in.peek() == Kind::Object;
  if (object) read_object<kRecord>(r, st);
  else r.in.skip();
  if (!r.in.ok() || !r.in.finish()) {
    if (r.in.too_deep())
      out.errors.push_back(r.pointer() + ": nested too deeply to be a Granice record (more than " +
                           std::to_string(kMaxDepth) + " levels)");
    else
      out.errors.push_back(r.pointer() + ": not valid JSON (" + position(text, r.in.offset()) + ")");
    return out;
  }
  if (!object) {
    out.errors.push_back("/: expected a JSON object (a Granice record)");
  } else if (!r.format_ok) {
    out.errors.push_back("/format: not a Granice progress record (expected \"format\": \"granice-record\")");
  } else if (!r.version_ok) {
    out.errors.push_back("/format_version: unsupported record version (this build reads version " +
                         std::to_string(kRecordFormatVersion) + ")");
  } else {
    out.snapshot = std::move(r.snapshot);
    out.errors = std::move(r.errors);
    if (out.errors.empty()) out.state = std::move(st);
  }
  return out;
}

}  // namespace granice
