#include "core/record_fast.h"

#include <cmath>
#include <cstdint>

#include "core/json_pull.h"
#include "core/record.h"
#include "core/record_schema.h"

namespace granice {

namespace {

using namespace record_schema;

constexpr int kUnknown = -1;  // a member from_record ignores: skipped (still checked)
constexpr int kFail = -2;     // give up

// The known members of one object already read: a member given twice (nlohmann keeps the
// last one) or a required one missing makes the reader give up.
class Seen {
 public:
  bool first(int field) {
    const std::uint32_t b = std::uint32_t{1} << field;
    if (bits_ & b) return false;
    bits_ |= b;
    return true;
  }
  bool has(std::uint32_t mask) const { return (bits_ & mask) == mask; }

 private:
  std::uint32_t bits_ = 0;
};

constexpr std::uint32_t all(int n) { return (std::uint32_t{1} << n) - 1; }
int field(int i, bool ok) { return ok ? i : kFail; }

// Mirrors from_record's reading rules member by member (record.cpp, "Reading"): the same
// required members, types, ranges and limits; where from_record would report an error, this
// gives up.
class Walker {
 public:
  Walker(std::string_view text, bool journal) : r_(text, kMaxDepth), journal_(journal) {}

  std::optional<CourseState> run() {
    CourseState st;
    const bool read = object(all(13), [&](std::string_view k) -> int {
      if (k == "format") return field(0, equals("granice-record"));
      if (k == "format_version") return field(1, format_version());
      if (k == "course") return field(2, course(st));
      if (k == "learner") return field(3, learner(st));
      if (k == "language") return field(4, text(&st.language));
      if (k == "seed") return field(5, seed(st.seed));
      if (k == "total_time_seconds") return field(6, number(st.total_time_seconds, 0, kMaxTotalTime));
      if (k == "started") return field(7, time(st.started));
      if (k == "updated") return field(8, time(st.updated));
      if (k == "bookmark") return field(9, bookmark(st.bookmark));
      if (k == "modules") return field(10, modules(st.modules));
      if (k == "assessment") return field(11, quiz(st.assessment));
      if (k == "interactions") return field(12, interactions(st.interactions));
      return kUnknown;
    });
    if (!read || !r_.finish()) return std::nullopt;
    return st;
  }

 private:
  PullReader r_;
  bool journal_;

  // Reads one object; `member(key)` reads a known member's value and returns its field number
  // (< 32), or kUnknown (the value is then skipped) or kFail.
  template <class F>
  bool object(std::uint32_t required, F member) {
    if (!r_.begin_object()) return false;
    Seen seen;
    std::string_view key;
    while (r_.next_key(key)) {
      const int f = member(key);
      if (f == kFail) return false;
      if (f == kUnknown) {
        if (!r_.skip()) return false;
      } else if (!seen.first(f)) {
        return false;
      }
    }
    return r_.ok() && seen.has(required);
  }

  // Reads one array of at most `max` elements, `element()` reading each.
  template <class F>
  bool array(std::size_t max, F element) {
    if (!r_.begin_array()) return false;
    std::size_t n = 0;
    while (r_.next_item())
      if (++n > max || !element()) return false;
    return r_.ok();
  }

  // [SECTION] Values
  bool text(std::string* out) {  // nullptr: checked, not kept
    std::string_view v;
    if (!r_.string(v) || v.size() > kMaxString) return false;
    if (out) out->assign(v);
    return true;
  }

  bool equals(std::string_view expected) {
    std::string_view v;
    return r_.string(v) && v == expected;
  }

  bool format_version() {
    std::int64_t v = 0;
    return r_.integer(v) && v == kRecordFormatVersion;
  }

  bool integer(int& out, std::int64_t lo, std::int64_t hi) {
    std::int64_t v = 0;
    if (!r_.integer(v) || v < lo || v > hi) return false;
    out = static_cast<int>(v);
    return true;
  }

  bool number(double& out, double lo, double hi) {
    double v = 0;
    if (!r_.number(v) || !std::isfinite(v) || v < lo || v > hi) return false;
    out = v;
    return true;
  }

  bool opt_number(std::optional<double>& out, double lo, double hi) {
    if (r_.null()) return true;
    double v = 0;
    if (!number(v, lo, hi)) return false;
    out = v;
    return true;
  }

  bool time(std::int64_t& out) {
    std::string_view v;
    if (!r_.string(v)) return false;
    const std::optional<std::int64_t> t = parse_iso8601_utc(v);
    if (!t) return false;
    out = *t;
    return true;
  }

  template <class E, std::size_t N>
  bool name(E& out, const std::pair<const char*, E> (&names)[N]) {
    std::string_view v;
    if (!r_.string(v)) return false;
    for (const auto& [n, e] : names)
      if (v == n) {
        out = e;
        return true;
      }
    return false;
  }

  bool seed(std::uint64_t& out) {  // a decimal string of an unsigned 64-bit number
    std::string_view v;
    if (!r_.string(v) || v.empty() || v.size() > 20) return false;
    std::uint64_t n = 0;
    for (char ch : v) {
      if (ch < '0' || ch > '9') return false;
      const std::uint64_t digit = static_cast<std::uint64_t>(ch - '0');
      if (n > (UINT64_MAX - digit) / 10) return false;
      n = n * 10 + digit;
    }
    out = n;
    return true;
  }

  bool ints(std::vector<int>& out, int lo, int hi) {
    return array(kMaxInts, [&] {
      int v = 0;
      if (!integer(v, lo, hi)) return false;
      out.push_back(v);
      return true;
    });
  }

  // [SECTION] Parts
  bool course(CourseState& st) {
    return object(all(2), [&](std::string_view k) -> int {
      if (k == "id") return field(0, text(&st.course_id));
      if (k == "version") return field(1, text(&st.course_version));
      return kUnknown;
    });
  }

  bool learner(CourseState& st) {
    return object(all(2), [&](std::string_view k) -> int {
      if (k == "id") return field(0, text(&st.learner_id));
      if (k == "name") return field(1, text(&st.learner_name));
      return kUnknown;
    });
  }

  bool bookmark(Bookmark& b) {
    return object(all(3), [&](std::string_view k) -> int {
      if (k == "screen") return field(0, name(b.screen, kScreens));
      if (k == "module") return field(1, text(&b.module_id));
      if (k == "index") return field(2, integer(b.index, 0, kMaxCount));
      return kUnknown;
    });
  }

  bool answer(QuestionAnswer& a) {
    return object(all(2), [&](std::string_view k) -> int {
      if (k == "question") return field(0, text(&a.question_id));
      if (k == "submitted") return field(1, r_.boolean(a.submitted));
      if (k == "selected") return field(2, ints(a.response.selected, 0, kMaxIndex));
      if (k == "order") return field(3, ints(a.response.order, 0, kMaxIndex));
      if (k == "match") return field(4, ints(a.response.match, -1, kMaxIndex));
      return kUnknown;
    });
  }

  bool answers(std::vector<QuestionAnswer>& out) {
    return array(kMaxAnswers, [&] { return answer(out.emplace_back()); });
  }

  bool quiz(QuizProgress& q) {
    return object(all(7), [&](std::string_view k) -> int {
      if (k == "attempts") return field(0, integer(q.attempts_used, 0, kMaxCount));
      if (k == "best_score") return field(1, opt_number(q.best_score, 0, 100));
      if (k == "last_score") return field(2, opt_number(q.last_score, 0, 100));
      if (k == "in_progress") return field(3, r_.boolean(q.in_progress));
      if (k == "current") return field(4, integer(q.current, 0, kMaxCount));
      if (k == "answers") return field(5, answers(q.answers));
      if (k == "last_answers") return field(6, answers(q.last_answers));
      return kUnknown;
    });
  }

  // Exactly one of "reply" (an id) or "choice" (an index, older records: "#index") per step.
  bool path(ReplyPath& out) {
    return array(kMaxAnswers, [&] {
      std::string& step = out.emplace_back();
      return object(all(1), [&](std::string_view k) -> int {
        if (k == "reply") return field(0, text(&step));
        if (k == "choice") {
          int index = 0;
          const bool ok = integer(index, 0, kMaxIndex);
          step = "#" + std::to_string(index);
          return field(0, ok);
        }
        return kUnknown;
      });
    });
  }

  bool rubric(std::map<std::string, int>& out) {
    if (!r_.begin_object()) return false;
    std::string_view key;
    while (r_.next_key(key)) {
      if (out.size() >= kMaxRubric) return false;
      // The key must be copied before the value is read (the view moves on with the reader),
      // and a criterion given twice would be the last one in from_record: give up.
      const auto added = out.emplace(std::string(key), 0);  // (no structured binding: clang 14 cannot capture one)
      if (!added.second) return false;
      int& score = added.first->second;
      const bool read = object(all(1), [&](std::string_view k) -> int {
        if (k == "score") return field(0, integer(score, -kMaxRubricScore, kMaxRubricScore));
        return kUnknown;
      });
      if (!read) return false;
    }
    return r_.ok();
  }

  bool last_run(RolePlayProgress& p) {
    if (r_.null()) return true;
    return object(all(3), [&](std::string_view k) -> int {
      if (k == "path") return field(0, path(p.last_path));
      if (k == "ending") return field(1, text(&p.last_ending));
      if (k == "rubric") return field(2, rubric(p.last_rubric));
      return kUnknown;
    });
  }

  bool best_outcome(std::optional<Outcome>& out) {
    if (r_.null()) return true;
    Outcome o = Outcome::Poor;
    if (!name(o, kOutcomes)) return false;
    out = o;
    return true;
  }

  bool roleplay(RolePlayProgress& p) {
    return object(all(5), [&](std::string_view k) -> int {
      if (k == "runs") return field(0, integer(p.runs, 0, kMaxCount));
      if (k == "best_outcome") return field(1, best_outcome(p.best_outcome));
      if (k == "in_progress") return field(2, r_.boolean(p.in_progress));
      if (k == "path") return field(3, path(p.path));
      if (k == "last") return field(4, last_run(p));
      return kUnknown;
    });
  }

  bool lesson(LessonProgress& l) {
    return object(all(2), [&](std::string_view k) -> int {
      if (k == "pages_seen") return field(0, integer(l.pages_seen, 0, kMaxCount));
      if (k == "completed") return field(1, r_.boolean(l.completed));
      return kUnknown;
    });
  }

  bool modules(std::vector<ModuleProgress>& out) {
    return array(kMaxModules, [&] {
      ModuleProgress& m = out.emplace_back();
      return object(all(4), [&](std::string_view k) -> int {
        if (k == "id") return field(0, text(&m.module_id));
        if (k == "lesson") return field(1, lesson(m.lesson));
        if (k == "quiz") return field(2, quiz(m.quiz));
        if (k == "roleplay") return field(3, roleplay(m.roleplay));
        return kUnknown;
      });
    });
  }

  bool correct_responses(std::vector<std::string>& out) {
    return array(kMaxCorrectResponses, [&] {
      if (!journal_) return text(nullptr);
      return text(&out.emplace_back());
    });
  }

  bool interaction(Interaction& it) {
    auto keep = [this](std::string& s) -> std::string* { return journal_ ? &s : nullptr; };
    return object(all(9), [&](std::string_view k) -> int {
      if (k == "id") return field(0, text(keep(it.id)));
      if (k == "type") return field(1, name(it.type, kTypes));
      if (k == "objective") return field(2, text(keep(it.objective)));
      if (k == "learner_response") return field(3, text(keep(it.learner_response)));
      if (k == "correct_responses") return field(4, correct_responses(it.correct_responses));
      if (k == "result") return field(5, name(it.result, kResults));
      if (k == "score") return field(6, number(it.score, 0, 1));
      if (k == "latency_seconds") return field(7, number(it.latency_seconds, 0, kMaxLatency));
      if (k == "timestamp") return field(8, time(it.timestamp));
      return kUnknown;
    });
  }

  bool interactions(std::vector<Interaction>& out) {
    Interaction scratch;
    return array(kMaxInteractions, [&] { return interaction(journal_ ? out.emplace_back() : scratch); });
  }
};

}  // namespace

std::optional<CourseState> read_record_fast(std::string_view text, bool journal) {
  if (text.size() > kRecordMaxBytes) return std::nullopt;
  return Walker(text, journal).run();
}

}  // namespace granice
