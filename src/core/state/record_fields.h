// The machinery behind the progress record's one schema. The record's fields are described once,
// as one table per JSON object (record.cpp, "[SECTION] The record's fields"):
//
//   constexpr auto kLesson = std::tuple{
//       field("pages_seen", &LessonProgress::pages_seen, Int{0, kMaxCount}),   // read and written
//       derived<LessonProgress>("pages", [](const LessonProgress&, const WriteCtx& c) -> json { ... }),
//       field("completed", &LessonProgress::completed, Bool{})};
//
// and the same table drives both directions: write_object() makes the JSON the record holds,
// read_object() reads it back in one pass over the text with the strict PullReader, checking
// every value against the field's codec and reporting each problem at its JSON pointer.
//
// A field: its name, where its value lives (a member pointer, `via(outer, inner)`, or `self`:
// the object itself, for a JSON object grouping members of the same struct), its codec (the
// JSON form, its limits, and how it reads and writes) and its Presence (required by default).
// `older_name`: another name the field before it was read under (never written). `derived`:
// written for people, ignored when reading.
// A codec C provides expected(c) ("an integer from 0 to 255"), write(c, value, ctx) and
// either `kind` + take(r, c, value) (reads a value of that kind) or its own read(r, c, value).
// Internal to the core (record.cpp).
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/state/course_state.h"
#include "core/text/json_pull.h"
#include "core/content/model.h"

namespace granice::record_fields {

using nlohmann::json;
using Kind = PullReader::Kind;

inline constexpr int kMaxDepth = 32;             // deeper nesting is refused
inline constexpr std::size_t kMaxString = 4096;  // bytes of one text field (after unescaping)
inline constexpr std::size_t kMaxErrors = 50;

// What the writer knows beyond the value: the content, the state, and where it is.
struct WriteCtx {
  WriteCtx(const Course& c, const CourseState& s) : course(c), st(s) {}
  const Course& course;
  const CourseState& st;
  bool in_module = false;                 // inside modules[] (else: the record or the assessment)
  const Module* module = nullptr;         // that module, when the content has it
  const std::string* node = nullptr;      // a role-play path step: the node it replies at, if known
  std::optional<int> criterion_max;       // a rubric criterion: its maximum, if known
};

// A derived field that has nothing to say is not written.
inline json absent() { return json(json::value_t::discarded); }

// [SECTION] The reader: a PullReader, the JSON pointer of the value being read, the errors
class Reader {
 public:
  Reader(std::string_view text, bool keep_journal) : in(text, kMaxDepth), journal(keep_journal) {}

  PullReader in;
  const bool journal;  // keep the interactions (false: checked as strictly, not kept)
  bool keep = true;    // false while reading what is checked but not kept
  std::vector<std::string> errors;
  // What the record's identity fields and its snapshot said (record.cpp).
  bool format_ok = false;
  bool version_ok = false;
  std::string snapshot;

  // The pointer: entered before a member's or an element's value is read, left after. After a
  // syntax error it stays where the error was.
  void enter(std::string_view name) { push({name, kName}); }
  void enter(std::size_t index) { push({{}, index}); }
  void enter_copy(std::string_view name) {  // a name that does not outlive the next read
    unknown_.assign(name);
    push({unknown_, kName});
  }
  void leave() { n_ -= in.ok(); }
  std::string pointer(std::string_view member = {}) const {
    std::string p;
    for (std::size_t i = 0; i < n_ && i < kSegments; ++i) {
      p += '/';
      if (segs_[i].index == kName) escape(p, segs_[i].name);
      else p += std::to_string(segs_[i].index);
    }
    if (!member.empty()) escape(p += '/', member);
    return p.empty() ? "/" : p;
  }

  // An error at the value being read (or at its member `member`).
  void error(std::string_view what, std::string_view member = {}) {
    if (errors.size() < kMaxErrors) errors.push_back(pointer(member) + ": " + std::string(what));
  }

 private:
  static constexpr std::size_t kName = static_cast<std::size_t>(-1);
  static constexpr std::size_t kSegments = 2 * kMaxDepth + 2;
  struct Segment {
    std::string_view name;
    std::size_t index;
  };
  void push(Segment s) {  // written above the frozen pointer after a failure, not counted
    if (n_ < kSegments) segs_[n_] = s;
    n_ += in.ok();
  }
  static void escape(std::string& out, std::string_view name) {  // RFC 6901
    for (char c : name) {
      if (c == '~') out += "~0";
      else if (c == '/') out += "~1";
      else out += c;
    }
  }
  Segment segs_[kSegments];
  std::size_t n_ = 0;
  std::string unknown_;
};

// The generic read: a value of the codec's kind is taken, anything else is reported and skipped.
// True when the value was read and stored.
template <class C>
bool wrong(Reader& r, const C& c) {
  r.error("expected " + expected(c));
  r.in.skip();
  return false;
}

template <class C, class V>
bool read(Reader& r, const C& c, V& v) {
  if (r.in.peek() != C::kind) return wrong(r, c);
  return take(r, c, v);
}

// [SECTION] Codecs for plain values
inline std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

struct Text {
  static constexpr Kind kind = Kind::String;
  std::size_t max = kMaxString;
};
inline std::string expected(const Text&) { return "a string"; }
inline bool take(Reader& r, const Text& c, std::string& v) {
  std::string_view s;
  if (!r.in.string(s)) return false;
  if (s.size() > c.max) {
    r.error("string too long (at most " + std::to_string(c.max) + " bytes)");
    return false;
  }
  if (r.keep) v.assign(s);
  return true;
}
inline json write(const Text&, const std::string& v, const WriteCtx&) { return v; }

struct Int {
  static constexpr Kind kind = Kind::Number;
  std::int64_t lo, hi;
};
inline std::string expected(const Int& c) {
  return "an integer from " + std::to_string(c.lo) + " to " + std::to_string(c.hi);
}
inline bool take(Reader& r, const Int& c, int& v) {
  PullReader::Number n;
  if (!r.in.number(n)) return false;
  if (!n.is_integer || n.integer < c.lo || n.integer > c.hi) {
    r.error("expected " + expected(c));
    return false;
  }
  v = static_cast<int>(n.integer);
  return true;
}
inline json write(const Int&, int v, const WriteCtx&) { return v; }

struct Real {
  static constexpr Kind kind = Kind::Number;
  double lo, hi;
};
inline std::string expected(const Real& c) { return "a number from " + number_text(c.lo) + " to " + number_text(c.hi); }
inline bool take(Reader& r, const Real& c, double& v) {
  PullReader::Number n;
  if (!r.in.number(n)) return false;
  if (!std::isfinite(n.value) || n.value < c.lo || n.value > c.hi) {
    r.error("expected " + expected(c));
    return false;
  }
  v = n.value;
  return true;
}
inline json write(const Real&, double v, const WriteCtx&) { return v; }

struct Bool {
  static constexpr Kind kind = Kind::Bool;
};
inline std::string expected(const Bool&) { return "true or false"; }
inline bool take(Reader& r, const Bool&, bool& v) { return r.in.boolean(v); }
inline json write(const Bool&, bool v, const WriteCtx&) { return v; }

// A string naming one of an enum's values.
template <class E>
struct Enum {
  static constexpr Kind kind = Kind::String;
  std::span<const std::pair<std::string_view, E>> names;
};
template <class E, std::size_t N>
Enum(const std::pair<std::string_view, E> (&)[N]) -> Enum<E>;
template <class E>
std::string expected(const Enum<E>& c) {
  std::string all = "one of ";
  for (const auto& [n, e] : c.names) {
    if (n != c.names.front().first) all += ", ";
    (all += '"') += n;
    all += '"';
  }
  return all;
}
template <class E>
bool take(Reader& r, const Enum<E>& c, E& v) {
  std::string_view s;
  if (!r.in.string(s)) return false;
  for (const auto& [n, e] : c.names)
    if (s == n) {
      v = e;
      return true;
    }
  r.error("unknown value \"" + std::string(s.substr(0, 40)) + "\" (expected " + expected(c) + ")");
  return false;
}
template <class E>
json write(const Enum<E>& c, E v, const WriteCtx&) {
  for (const auto& [n, e] : c.names)
    if (e == v) return std::string(n);
  return nullptr;
}

// std::optional<V>: null when empty, else the inner codec's form.
template <class C>
struct Maybe {
  C inner;
};
template <class C>
Maybe(C) -> Maybe<C>;   // clang 14 (Emscripten 3.1.6) has no deduction for aggregates
template <class C>
std::string expected(const Maybe<C>& c) { return "null or " + expected(c.inner); }
template <class C, class V>
bool read(Reader& r, const Maybe<C>& c, std::optional<V>& v) {
  const Kind k = r.in.peek();
  if (k == Kind::Null) {
    v.reset();
    return r.in.null();
  }
  if (k != C::kind) return wrong(r, c);
  V value{};
  if (!take(r, c.inner, value)) return false;
  v = std::move(value);
  return true;
}
template <class C, class V>
json write(const Maybe<C>& c, const std::optional<V>& v, const WriteCtx& ctx) {
  return v ? write(c.inner, *v, ctx) : json(nullptr);
}

// [SECTION] Fields and tables
struct Self {};
inline constexpr Self self{};

// A member of a member: via(&QuestionAnswer::response, &Response::selected).
template <class P, class Q>
struct Via {
  P outer;
  Q inner;
};
template <class P, class Q>
constexpr Via<P, Q> via(P outer, Q inner) { return {outer, inner}; }

template <class T, class M>
M& at(T& obj, M T::*m) { return obj.*m; }
template <class T, class M>
const M& at(const T& obj, M T::*m) { return obj.*m; }
template <class T>
T& at(T& obj, Self) { return obj; }
template <class T, class P, class Q>
decltype(auto) at(T& obj, const Via<P, Q>& v) { return at(at(obj, v.outer), v.inner); }

enum class Presence {
  Required,   // always written; missing when absent
  Optional,   // always written; may be absent
  OmitEmpty,  // written only when not empty; may be absent
};

template <class At, class C>
struct Field {
  std::string_view name;
  At where;
  C codec;
  Presence presence = Presence::Required;
};
template <class At, class C>
constexpr Field<At, C> field(std::string_view name, At where, C codec, Presence presence = Presence::Required) {
  return {name, where, codec, presence};
}

// Another name of the field just before it in the table (older records): read, never written;
// either may be given, not both.
template <class At, class C>
struct OlderName {
  std::string_view name;
  std::string_view of;
  At where;
  C codec;
};
template <class At, class C>
constexpr OlderName<At, C> older_name(std::string_view name, std::string_view of, At where, C codec) {
  return {name, of, where, codec};
}

template <class T>
struct Derived {
  std::string_view name;
  json (*make)(const T&, const WriteCtx&);  // absent(): not written
};
template <class T>
constexpr Derived<T> derived(std::string_view name, json (*make)(const T&, const WriteCtx&)) { return {name, make}; }

// A JSON object whose members are the fields of the table (a constexpr std::tuple: a template
// argument, so that every name is a constant where keys are compared).
template <const auto& Table>
struct Object {
  static constexpr Kind kind = Kind::Object;
};
template <const auto& Table>
std::string expected(const Object<Table>&) { return "an object"; }

// [SECTION] Reading an object: each member by its field, in one pass and in any order

// key == name, for a name known at compile time: a few word compares, no call.
template <std::size_t N>
bool same_name(std::string_view key, const char* name) {
  if (key.size() != N) return false;
  const char* k = key.data();
  auto word = [](const char* p, auto w) {
    std::memcpy(&w, p, sizeof w);
    return w;
  };
  if constexpr (N >= 8) {
    for (std::size_t i = 0; i + 8 < N; i += 8)
      if (word(k + i, std::uint64_t{}) != word(name + i, std::uint64_t{})) return false;
    return word(k + N - 8, std::uint64_t{}) == word(name + N - 8, std::uint64_t{});
  } else if constexpr (N >= 4) {
    return word(k, std::uint32_t{}) == word(name, std::uint32_t{}) &&
           word(k + N - 4, std::uint32_t{}) == word(name + N - 4, std::uint32_t{});
  } else {
    return std::memcmp(k, name, N) == 0;
  }
}
template <class F>
inline constexpr bool kIsOlderName = false;
template <class At, class C>
inline constexpr bool kIsOlderName<OlderName<At, C>> = true;

// Entry I of the table: a field, the older name of the field before it, or a derived field.
// `seen`: bit I when entry I was read.
template <const auto& Table, std::size_t I, class T>
bool read_member(Reader& r, T& obj, std::string_view key, std::uint64_t& seen) {
  using Tuple = std::remove_cvref_t<decltype(Table)>;
  using Entry = std::tuple_element_t<I, Tuple>;
  constexpr std::size_t kSize = std::tuple_size_v<Tuple>;
  constexpr const Entry& f = std::get<I>(Table);
  if (!same_name<f.name.size()>(key, f.name.data())) return false;
  r.enter(f.name);
  if constexpr (requires { f.make; }) {
    r.in.skip();  // derived: written for people, whatever it holds is not read
  } else {
    // The other name of the same field, if any: the one before (this is an older name) or after.
    constexpr std::size_t kOther = [] {
      if constexpr (kIsOlderName<Entry>) return I - 1;
      else if constexpr (I + 1 < kSize) return kIsOlderName<std::tuple_element_t<I + 1, Tuple>> ? I + 1 : I;
      else return I;
    }();
    if (seen & (std::uint64_t{1} << I)) {
      r.error("given twice");
      r.in.skip();
    } else if (seen & (std::uint64_t{1} << kOther)) {
      r.error("given together with \"" + std::string(std::get<kOther>(Table).name) + "\"");
      r.in.skip();
    } else {
      seen |= std::uint64_t{1} << I;
      read(r, f.codec, at(obj, f.where));
    }
  }
  r.leave();
  return true;
}

template <class F>
constexpr bool required(const F& f) {
  if constexpr (requires { f.presence; }) return f.presence == Presence::Required;
  else return false;
}

template <const auto& Table, std::size_t I>
void report_missing(Reader& r, std::uint64_t seen) {
  using Tuple = std::remove_cvref_t<decltype(Table)>;
  constexpr const auto& f = std::get<I>(Table);
  if constexpr (requires { f.presence; }) {
    std::uint64_t bits = std::uint64_t{1} << I;
    if constexpr (I + 1 < std::tuple_size_v<Tuple>)
      if (kIsOlderName<std::tuple_element_t<I + 1, Tuple>>) bits |= std::uint64_t{1} << (I + 1);
    if (f.presence == Presence::Required && !(seen & bits)) r.error("missing", f.name);
  }
}

template <const auto& Table, class T>
bool read_object(Reader& r, T& obj) {
  constexpr std::size_t kSize = std::tuple_size_v<std::remove_cvref_t<decltype(Table)>>;
  static_assert(kSize <= 64, "at most 64 fields an object");
  if (!r.in.begin_object()) return false;
  std::uint64_t seen = 0;
  std::string_view key;
  while (r.in.next_key(key)) {
    const bool known = [&]<std::size_t... I>(std::index_sequence<I...>) {
      return (read_member<Table, I>(r, obj, key, seen) || ...);
    }(std::make_index_sequence<kSize>{});
    if (!known) {  // not ours: skipped, still checked
      r.enter_copy(key);
      r.in.skip();
      r.leave();
    }
  }
  if (!r.in.ok()) return false;
  constexpr std::uint64_t kRequired = [] {
    std::uint64_t bits = 0;
    std::apply(
        [&](const auto&... f) {
          std::uint64_t bit = 1;
          ((bits |= required(f) ? bit : 0, bit <<= 1), ...);
        },
        Table);
    return bits;
  }();
  if ((seen & kRequired) != kRequired) {  // only then: which (an older name counts for its field)
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      (report_missing<Table, I>(r, seen), ...);
    }(std::make_index_sequence<kSize>{});
  }
  return true;
}

template <const auto& Table, class T>
bool take(Reader& r, const Object<Table>&, T& obj) { return read_object<Table>(r, obj); }

// [SECTION] Writing an object: every field, in the table's order (nlohmann sorts the names)
template <class T, class At, class C>
void write_member(json& out, const Field<At, C>& f, const T& obj, const WriteCtx& ctx) {
  const auto& v = at(obj, f.where);
  if (f.presence == Presence::OmitEmpty && v == std::remove_cvref_t<decltype(v)>{}) return;
  out[std::string(f.name)] = write(f.codec, v, ctx);
}
template <class T, class At, class C>
void write_member(json&, const OlderName<At, C>&, const T&, const WriteCtx&) {}
template <class T, class U>
void write_member(json& out, const Derived<U>& f, const T& obj, const WriteCtx& ctx) {
  json v = f.make(obj, ctx);
  if (!v.is_discarded()) out[std::string(f.name)] = std::move(v);
}

template <const auto& Table, class T>
json write_object(const T& obj, const WriteCtx& ctx) {
  json out = json::object();
  std::apply([&](const auto&... f) { (write_member(out, f, obj, ctx), ...); }, Table);
  return out;
}

template <const auto& Table, class T>
json write(const Object<Table>&, const T& obj, const WriteCtx& ctx) { return write_object<Table>(obj, ctx); }

// Whether every field the table reads holds its default (an object with nothing to say).
template <class T, class F>
bool is_default(const F& f, const T& obj) {
  if constexpr (requires { f.presence; }) {
    const auto& v = at(obj, f.where);
    return v == std::remove_cvref_t<decltype(v)>{};
  } else {
    return true;
  }
}
template <const auto& Table, class T>
bool all_default(const T& obj) {
  return std::apply([&](const auto&... f) { return (is_default(f, obj) && ...); }, Table);
}

// [SECTION] Codecs for arrays and nullable objects
// An array of at most `max` values of one codec. `journal`: kept only when the reader keeps
// the journal (otherwise checked into a scratch value).
template <class C>
struct List {
  static constexpr Kind kind = Kind::Array;
  std::size_t max;
  C element;
  bool journal = false;
};
template <class C>
List(std::size_t, C) -> List<C>;
template <class C>
List(std::size_t, C, bool) -> List<C>;
template <class C>
std::string expected(const List<C>&) { return "an array"; }
template <class C, class E>
bool take(Reader& r, const List<C>& c, std::vector<E>& v) {
  if (!r.in.begin_array()) return false;
  const bool keep = r.keep;
  if (c.journal && !r.journal) r.keep = false;
  E scratch{};
  for (std::size_t n = 0; r.in.next_item(); ++n) {
    if (n >= c.max) {  // reported once; the rest is skipped, still checked
      if (n == c.max) r.error("too many entries (at most " + std::to_string(c.max) + ")");
      r.in.skip();
      continue;
    }
    r.enter(n);
    read(r, c.element, r.keep ? v.emplace_back() : scratch);
    r.leave();
  }
  r.keep = keep;
  return r.in.ok();
}
template <class C, class E>
json write(const List<C>& c, const std::vector<E>& v, const WriteCtx& ctx) {
  json out = json::array();
  for (const E& e : v) out.push_back(write(c.element, e, ctx));
  return out;
}

// An object of the table's fields, or null when it has nothing to say (every field default).
template <const auto& Table>
struct OrNull {};
template <const auto& Table>
std::string expected(const OrNull<Table>&) { return "an object or null"; }
template <const auto& Table, class T>
bool read(Reader& r, const OrNull<Table>& c, T& obj) {
  const Kind k = r.in.peek();
  if (k == Kind::Null) return r.in.null();
  if (k != Kind::Object) return wrong(r, c);
  return read_object<Table>(r, obj);
}
template <const auto& Table, class T>
json write(const OrNull<Table>&, const T& obj, const WriteCtx& ctx) {
  return all_default<Table>(obj) ? json(nullptr) : write_object<Table>(obj, ctx);
}

}  // namespace granice::record_fields
