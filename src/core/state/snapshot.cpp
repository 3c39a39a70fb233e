#include "core/state/snapshot.h"

#include <algorithm>
#include <cmath>

#include "core/text/fnv.h"
#include "core/engines/scoring.h"
#include "core/text/utf8.h"

namespace granice {

const char* to_string(SnapshotError e) {
  switch (e) {
    case SnapshotError::None: return "none";
    case SnapshotError::Empty: return "empty";
    case SnapshotError::TooLong: return "too_long";
    case SnapshotError::BadPrefix: return "bad_prefix";
    case SnapshotError::UnsupportedVersion: return "unsupported_version";
    case SnapshotError::BadCharacter: return "bad_character";
    case SnapshotError::Truncated: return "truncated";
    case SnapshotError::ChecksumMismatch: return "checksum_mismatch";
    case SnapshotError::WrongCourse: return "wrong_course";
    default: return "malformed";
  }
}

// [SECTION] Base64url, CRC32
static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64url_encode(const std::vector<std::uint8_t>& bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const std::uint32_t v = (std::uint32_t{bytes[i]} << 16) | (std::uint32_t{bytes[i + 1]} << 8) | bytes[i + 2];
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  const std::size_t rest = bytes.size() - i;
  if (rest == 1) {
    const std::uint32_t v = std::uint32_t{bytes[i]} << 16;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
  } else if (rest == 2) {
    const std::uint32_t v = (std::uint32_t{bytes[i]} << 16) | (std::uint32_t{bytes[i + 1]} << 8);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
  }
  return out;
}

static int b64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

std::optional<std::vector<std::uint8_t>> base64url_decode(std::string_view text) {
  if (text.size() % 4 == 1) return std::nullopt;
  std::vector<std::uint8_t> out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    const int v = b64_value(c);
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<std::uint8_t>((acc >> bits) & 0xFF));
    }
  }
  // Leftover bits must be zero (canonical encoding).
  if (bits > 0 && (acc & ((1u << bits) - 1)) != 0) return std::nullopt;
  return out;
}

std::uint32_t crc32(const std::uint8_t* data, std::size_t n) {
  std::uint32_t c = 0xFFFFFFFFu;
  for (std::size_t i = 0; i < n; ++i) {
    c ^= data[i];
    for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
  }
  return c ^ 0xFFFFFFFFu;
}

// [SECTION] Fingerprints
static std::uint16_t fold16(std::uint32_t h) { return static_cast<std::uint16_t>((h ^ (h >> 16)) & 0xFFFF); }

static std::uint16_t course_ref(const Course& c) { return fold16(fnv1a32("c:" + c.id)); }
static std::uint16_t module_ref(std::string_view id) { return fold16(fnv1a32(id, fnv1a32("m:"))); }

static std::uint16_t question_fp(const Question& q) {
  std::uint32_t h = fnv1a32(q.id, fnv1a32("q:"));
  h = fnv1a32(std::string(1, static_cast<char>('0' + static_cast<int>(q.type))), h);
  for (const auto& o : q.options) {
    h = fnv1a32("|o", h);
    h = fnv1a32(o.id, h);
    h = fnv1a32(o.correct ? "1" : "0", h);
  }
  for (const auto& it : q.items) {
    h = fnv1a32("|i", h);
    h = fnv1a32(it.id, h);
  }
  for (const auto& p : q.pairs) {
    h = fnv1a32("|p", h);
    h = fnv1a32(p.id, h);
  }
  return fold16(h);
}

static std::uint16_t roleplay_fp(const RolePlay& rp) {
  std::uint32_t h = fnv1a32(rp.id, fnv1a32("r:"));
  h = fnv1a32("|s", h);
  h = fnv1a32(rp.start, h);
  for (const auto& n : rp.nodes) {
    h = fnv1a32("|n", h);
    h = fnv1a32(n.id, h);
    if (n.is_ending) {
      h = fnv1a32("|e", h);
      h = fnv1a32(outcome_name(n.outcome), h);
    }
    for (const auto& c : n.choices) {
      h = fnv1a32("|c", h);
      h = fnv1a32(c.id, h);  // walks are stored as positions: a reordered or renamed reply must not resume as another
      h = fnv1a32(c.next, h);
      for (const auto& [k, v] : c.scores) {
        h = fnv1a32(k, h);
        h = fnv1a32(std::to_string(v), h);
      }
    }
  }
  return fold16(h);
}

std::uint32_t content_tag(const Course& course) {
  return fnv1a32(course.content_hash, fnv1a32("|", fnv1a32(course.version, fnv1a32(course.id))));
}

// [SECTION] Byte writer / reader
namespace {

struct Writer {
  std::vector<std::uint8_t> b;
  void u8(unsigned v) { b.push_back(static_cast<std::uint8_t>(v & 0xFF)); }
  void u16(unsigned v) {
    u8(v >> 8);
    u8(v);
  }
  void u32(std::uint32_t v) {
    u16(v >> 16);
    u16(v & 0xFFFF);
  }
  void var(std::uint64_t v) {
    while (v >= 0x80) {
      u8(static_cast<unsigned>(v & 0x7F) | 0x80);
      v >>= 7;
    }
    u8(static_cast<unsigned>(v));
  }
  void svar(std::int64_t v) {
    var((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
  }
  void str(const std::string& s) {
    const std::string_view kept = utf8_prefix_bytes(s, kSnapshotMaxText);
    var(kept.size());
    b.insert(b.end(), kept.begin(), kept.end());
  }
};

struct Reader {
  const std::vector<std::uint8_t>& b;
  std::size_t pos = 0;
  std::size_t end = 0;
  bool ok = true;

  std::size_t left() const { return ok ? end - pos : 0; }
  unsigned u8() {
    if (!ok || pos >= end) {
      ok = false;
      return 0;
    }
    return b[pos++];
  }
  unsigned u16() {
    const unsigned hi = u8();
    return (hi << 8) | u8();
  }
  std::uint32_t u32() {
    const std::uint32_t hi = u16();
    return (hi << 16) | u16();
  }
  std::uint64_t var() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const unsigned c = u8();
      if (!ok) return 0;
      v |= static_cast<std::uint64_t>(c & 0x7F) << shift;
      if (!(c & 0x80)) return v;
    }
    ok = false;  // more than 10 bytes
    return 0;
  }
  std::int64_t svar() {
    const std::uint64_t u = var();
    return static_cast<std::int64_t>(u >> 1) ^ -static_cast<std::int64_t>(u & 1);
  }
  // A count of things that take at least one byte each: bounded by what is left.
  std::size_t count(std::size_t hard_max) {
    const std::uint64_t n = var();
    if (!ok || n > hard_max || n > left()) {
      ok = false;
      return 0;
    }
    return static_cast<std::size_t>(n);
  }
  int small(int hard_max) {  // a non-negative int <= hard_max
    const std::uint64_t v = var();
    if (!ok || v > static_cast<std::uint64_t>(hard_max)) {
      ok = false;
      return 0;
    }
    return static_cast<int>(v);
  }
  std::string str() {
    const std::size_t n = count(kSnapshotMaxText);
    if (!ok) return {};
    std::string s(b.begin() + static_cast<std::ptrdiff_t>(pos), b.begin() + static_cast<std::ptrdiff_t>(pos + n));
    pos += n;
    return s;
  }
};

constexpr int kMaxIndex = 255;      // option / item / pair / choice indices
constexpr std::size_t kMaxList = 512;
constexpr int kMaxCount = 1 << 30;  // attempts, runs, pages, positions

// Raw, course-independent decoded pieces.
struct RawAnswer {
  std::uint16_t fp = 0;
  bool submitted = false;
  int kind = 0;  // 0 blank, 1 mask, 2 order, 3 match
  std::uint64_t mask = 0;
  std::vector<int> list;
};

struct RawQuiz {
  int attempts = 0;
  std::optional<int> best, last;  // basis points
  bool in_progress = false;
  int current = 0;
  std::vector<RawAnswer> answers, last_answers;
};

struct RawRolePlay {
  std::uint16_t fp = 0;
  bool in_progress = false;
  int runs = 0;
  std::optional<Outcome> best;
  bool has_last = false;
  std::vector<int> path, last_path;
};

struct RawModule {
  std::uint16_t ref = 0;
  bool lesson_completed = false;
  int pages_seen = 0;
  RawQuiz quiz;
  std::optional<RawRolePlay> rp;
};

// [SECTION] Encoding
int basis_points(double v) {
  if (!std::isfinite(v)) return 0;
  return static_cast<int>(std::llround(std::clamp(v, 0.0, 100.0) * 100.0));
}

void put_answers(Writer& w, const Course& course, const std::vector<QuestionAnswer>& answers) {
  std::vector<std::pair<const Question*, const QuestionAnswer*>> keep;
  for (const auto& a : answers)
    if (const Question* q = course.question(a.question_id)) keep.emplace_back(q, &a);
  if (keep.size() > kMaxList) keep.resize(kMaxList);
  w.var(keep.size());
  for (const auto& [q, a] : keep) {
    w.u16(question_fp(*q));
    const Response& r = a->response;
    const bool sub = a->submitted;
    if (r == blank_response(*q)) {
      w.u8(sub ? 1u : 0u);
    } else if (!r.selected.empty()) {
      std::uint64_t mask = 0;
      for (int v : r.selected)
        if (v >= 0 && v < 63) mask |= std::uint64_t{1} << v;
      w.u8((1u << 1) | (sub ? 1u : 0u));
      w.var(mask);
    } else if (!r.order.empty()) {
      w.u8((2u << 1) | (sub ? 1u : 0u));
      w.var(r.order.size());
      for (int v : r.order) w.var(static_cast<std::uint64_t>(std::clamp(v, 0, kMaxIndex)));
    } else {
      w.u8((3u << 1) | (sub ? 1u : 0u));
      w.var(r.match.size());
      for (int v : r.match) w.var(static_cast<std::uint64_t>(std::clamp(v + 1, 0, kMaxIndex + 1)));
    }
  }
}

void put_quiz(Writer& w, const Course& course, const QuizProgress& q) {
  w.var(static_cast<std::uint64_t>(std::max(0, q.attempts_used)));
  w.u8((q.best_score ? 1u : 0u) | (q.last_score ? 2u : 0u) | (q.in_progress ? 4u : 0u));
  if (q.best_score) w.var(static_cast<std::uint64_t>(basis_points(*q.best_score)));
  if (q.last_score) w.var(static_cast<std::uint64_t>(basis_points(*q.last_score)));
  if (q.in_progress) {
    w.var(static_cast<std::uint64_t>(std::max(0, q.current)));
    put_answers(w, course, q.answers);
  }
  put_answers(w, course, q.last_answers);
}

void put_path(Writer& w, const std::vector<int>& path) {
  const std::size_t n = std::min(path.size(), kMaxList);
  w.var(n);
  for (std::size_t i = 0; i < n; ++i) w.var(static_cast<std::uint64_t>(std::clamp(path[i], 0, kMaxIndex)));
}

bool is_default(const ModuleProgress& m) {
  return m.lesson == LessonProgress{} && m.quiz == QuizProgress{} && m.roleplay == RolePlayProgress{};
}

// [SECTION] Raw decoding
RawAnswer get_answer(Reader& r) {
  RawAnswer a;
  a.fp = static_cast<std::uint16_t>(r.u16());
  const unsigned flags = r.u8();
  if (flags > 7) r.ok = false;
  a.submitted = flags & 1u;
  a.kind = static_cast<int>(flags >> 1);
  if (a.kind == 1) {
    a.mask = r.var();
  } else if (a.kind >= 2) {
    const std::size_t n = r.count(kMaxIndex + 1);
    for (std::size_t i = 0; i < n && r.ok; ++i) a.list.push_back(r.small(kMaxIndex + 1));
  }
  return a;
}

std::vector<RawAnswer> get_answers(Reader& r) {
  std::vector<RawAnswer> out;
  const std::size_t n = r.count(kMaxList);
  for (std::size_t i = 0; i < n && r.ok; ++i) out.push_back(get_answer(r));
  return out;
}

RawQuiz get_quiz(Reader& r) {
  RawQuiz q;
  q.attempts = r.small(kMaxCount);
  const unsigned flags = r.u8();
  if (flags > 7) r.ok = false;
  if (flags & 1u) q.best = r.small(10000);
  if (flags & 2u) q.last = r.small(10000);
  q.in_progress = flags & 4u;
  if (q.in_progress) {
    q.current = r.small(kMaxCount);
    q.answers = get_answers(r);
  }
  q.last_answers = get_answers(r);
  return q;
}

std::vector<int> get_path(Reader& r) {
  std::vector<int> p;
  const std::size_t n = r.count(kMaxList);
  for (std::size_t i = 0; i < n && r.ok; ++i) p.push_back(r.small(kMaxIndex));
  return p;
}

// [SECTION] Resolving raw data against the course
struct Resolver {
  const Course& course;
  std::vector<std::string>& dropped;

  std::optional<Response> response_for(const Question& q, const RawAnswer& a) const {
    Response r = blank_response(q);
    if (a.kind == 1) {
      r.selected.clear();
      for (int i = 0; i < 63; ++i)
        if (a.mask & (std::uint64_t{1} << i)) r.selected.push_back(i);
    } else if (a.kind == 2) {
      r.order = a.list;
    } else if (a.kind == 3) {
      r.match.clear();
      for (int v : a.list) r.match.push_back(v - 1);
    }
    if (!fits(q, r)) return std::nullopt;
    if (a.submitted && q.type != QuestionType::Ordering && !is_complete(q, r)) return std::nullopt;
    if (a.submitted && q.type == QuestionType::Ordering && r.order.empty()) return std::nullopt;
    return r;
  }

  std::vector<QuestionAnswer> answers(const std::vector<const Question*>& scope, const std::vector<RawAnswer>& raw,
                                      const std::string& where, const char* which) const {
    std::vector<QuestionAnswer> out;
    int lost = 0;
    for (const auto& a : raw) {
      const Question* q = nullptr;
      for (const Question* c : scope)
        if (question_fp(*c) == a.fp) {
          q = c;
          break;
        }
      const bool dup = q && std::any_of(out.begin(), out.end(), [&](const QuestionAnswer& x) { return x.question_id == q->id; });
      std::optional<Response> r = (q && !dup) ? response_for(*q, a) : std::nullopt;
      if (!r) {
        ++lost;
        continue;
      }
      out.push_back(QuestionAnswer{q->id, *r, a.submitted});
    }
    if (lost > 0)
      dropped.push_back(where + ": " + std::to_string(lost) + " saved answer(s) in the " + which +
                        " no longer match a question (removed or changed)");
    return out;
  }

  QuizProgress quiz(const std::vector<const Question*>& scope, const RawQuiz& raw, const std::string& where) const {
    QuizProgress q;
    q.attempts_used = raw.attempts;
    if (raw.best) q.best_score = *raw.best / 100.0;
    if (raw.last) q.last_score = *raw.last / 100.0;
    if (raw.in_progress) {
      q.in_progress = true;
      q.answers = answers(scope, raw.answers, where, "attempt in progress");
      q.current = raw.current;
      if (q.answers.size() != raw.answers.size()) q.current = 0;
      if (q.answers.empty() && !raw.answers.empty()) {
        q.in_progress = false;
        q.current = 0;
        dropped.push_back(where + ": the attempt in progress no longer applies and was discarded");
      }
      if (q.current < 0 || static_cast<std::size_t>(q.current) >= std::max<std::size_t>(1, q.answers.size())) q.current = 0;
    }
    q.last_answers = answers(scope, raw.last_answers, where, "last finished attempt");
    return q;
  }
};

std::optional<int> module_index_by_ref(const Course& course, std::uint16_t ref) {
  for (std::size_t i = 0; i < course.modules.size(); ++i)
    if (module_ref(course.modules[i].id) == ref) return static_cast<int>(i);
  return std::nullopt;
}

SnapshotResult fail(SnapshotError e, std::string msg) {
  SnapshotResult r;
  r.error = e;
  r.message = std::move(msg);
  return r;
}

}  // namespace

std::string encode_snapshot(const Course& course, const CourseState& st) {
  Writer w;
  w.u8(kSnapshotFormatVersion);
  w.u16(course_ref(course));
  w.u32(content_tag(course));
  w.var(st.seed);
  w.svar(st.started);
  w.svar(st.updated);
  w.var(static_cast<std::uint64_t>(std::llround(std::clamp(st.total_time_seconds, 0.0, 1e12) * 100.0)));
  w.str(st.language);
  w.str(st.learner_id);
  w.str(st.learner_name);
  // bookmark
  w.u8(static_cast<unsigned>(st.bookmark.screen));
  const bool bm_module = !st.bookmark.module_id.empty();
  w.u8(bm_module ? 1u : 0u);
  if (bm_module) w.u16(module_ref(st.bookmark.module_id));
  w.var(static_cast<std::uint64_t>(std::clamp(st.bookmark.index, 0, kMaxCount)));
  // modules (only those with progress)
  std::vector<const ModuleProgress*> mods;
  for (const auto& m : st.modules)
    if (!is_default(m)) mods.push_back(&m);
  w.var(mods.size());
  for (const ModuleProgress* m : mods) {
    w.u16(module_ref(m->module_id));
    const Module* cm = course.module(m->module_id);
    const RolePlay* rp = (cm && cm->roleplay) ? &*cm->roleplay : nullptr;
    const bool has_rp = rp && !(m->roleplay == RolePlayProgress{});
    w.u8((m->lesson.completed ? 1u : 0u) | (has_rp ? 2u : 0u));
    w.var(static_cast<std::uint64_t>(std::clamp(m->lesson.pages_seen, 0, kMaxCount)));
    put_quiz(w, course, m->quiz);
    if (has_rp) {
      const RolePlayProgress& p = m->roleplay;
      const bool has_last = p.runs > 0 && !p.last_ending.empty();
      w.u16(roleplay_fp(*rp));
      w.u8((p.in_progress ? 1u : 0u) | (p.best_outcome ? 2u : 0u) | (has_last ? 4u : 0u));
      w.var(static_cast<std::uint64_t>(std::max(0, p.runs)));
      if (p.best_outcome) w.u8(static_cast<unsigned>(*p.best_outcome));
      // Compact: authored indices, guarded by the role-play's fingerprint above.
      if (p.in_progress) put_path(w, reply_path_indices(*rp, p.path).value_or(std::vector<int>{}));
      if (has_last) put_path(w, reply_path_indices(*rp, p.last_path).value_or(std::vector<int>{}));
    }
  }
  put_quiz(w, course, st.assessment);
  w.u32(crc32(w.b.data(), w.b.size()));
  return "G" + std::to_string(kSnapshotFormatVersion) + "." + base64url_encode(w.b);
}

SnapshotResult decode_snapshot(const Course& course, std::string_view text) {
  if (text.empty()) return fail(SnapshotError::Empty, "the saved progress is empty");
  if (text.size() > kSuspendDataLimit)
    return fail(SnapshotError::TooLong, "the saved progress is longer than " + std::to_string(kSuspendDataLimit) +
                                            " characters (" + std::to_string(text.size()) + ")");
  if (text.size() < 3 || text[0] != 'G' || text[1] < '0' || text[1] > '9' || text[2] != '.')
    return fail(SnapshotError::BadPrefix, "not Granice saved progress (it must start with \"G1.\")");
  if (text[1] - '0' != kSnapshotFormatVersion)
    return fail(SnapshotError::UnsupportedVersion, std::string("saved progress format version ") + text[1] +
                                                       " is not supported (this build reads version " +
                                                       std::to_string(kSnapshotFormatVersion) + ")");
  const std::string_view body = text.substr(3);
  for (std::size_t i = 0; i < body.size(); ++i)
    if (b64_value(body[i]) < 0)
      return fail(SnapshotError::BadCharacter, "saved progress has an invalid character at position " +
                                                   std::to_string(i + 3));
  auto bytes = base64url_decode(body);
  if (!bytes) return fail(SnapshotError::Truncated, "saved progress is cut off (incomplete final characters)");
  if (bytes->size() < 1 + 2 + 4 + 4) return fail(SnapshotError::Truncated, "saved progress is too short");
  const std::size_t n = bytes->size() - 4;
  const std::uint32_t stored = (std::uint32_t{(*bytes)[n]} << 24) | (std::uint32_t{(*bytes)[n + 1]} << 16) |
                               (std::uint32_t{(*bytes)[n + 2]} << 8) | std::uint32_t{(*bytes)[n + 3]};
  if (crc32(bytes->data(), n) != stored)
    return fail(SnapshotError::ChecksumMismatch, "saved progress is corrupted or was edited (checksum mismatch)");

  Reader r{*bytes, 0, n, true};
  if (r.u8() != static_cast<unsigned>(kSnapshotFormatVersion))
    return fail(SnapshotError::UnsupportedVersion, "saved progress has an inconsistent format version");
  if (r.u16() != course_ref(course))
    return fail(SnapshotError::WrongCourse, "saved progress belongs to another course (not \"" + course.id + "\")");
  const std::uint32_t tag = r.u32();

  // Raw decode first (independent of the content), then resolve.
  const std::uint64_t seed = r.var();
  const std::int64_t started = r.svar();
  const std::int64_t updated = r.svar();
  const std::uint64_t centis = r.var();
  std::string language = r.str();
  std::string learner_id = r.str();
  std::string learner_name = r.str();
  const unsigned screen = r.u8();
  const unsigned has_bm_module = r.u8();
  const std::uint16_t bm_ref = has_bm_module == 1 ? static_cast<std::uint16_t>(r.u16()) : 0;
  const int bm_index = r.small(kMaxCount);
  if (screen > static_cast<unsigned>(Screen::Certificate) || has_bm_module > 1 || centis > 100000000000000ULL)
    r.ok = false;
  std::vector<RawModule> raw_modules;
  const std::size_t mcount = r.count(kMaxList);
  for (std::size_t i = 0; i < mcount && r.ok; ++i) {
    RawModule m;
    m.ref = static_cast<std::uint16_t>(r.u16());
    const unsigned flags = r.u8();
    if (flags > 3) r.ok = false;
    m.lesson_completed = flags & 1u;
    m.pages_seen = r.small(kMaxCount);
    m.quiz = get_quiz(r);
    if (flags & 2u) {
      RawRolePlay p;
      p.fp = static_cast<std::uint16_t>(r.u16());
      const unsigned rf = r.u8();
      if (rf > 7) r.ok = false;
      p.in_progress = rf & 1u;
      p.runs = r.small(kMaxCount);
      if (rf & 2u) {
        const unsigned o = r.u8();
        if (o > static_cast<unsigned>(Outcome::Poor)) r.ok = false;
        p.best = static_cast<Outcome>(o);
      }
      if (p.in_progress) p.path = get_path(r);
      p.has_last = rf & 4u;
      if (p.has_last) p.last_path = get_path(r);
      m.rp = std::move(p);
    }
    raw_modules.push_back(std::move(m));
  }
  RawQuiz raw_assessment = get_quiz(r);
  if (!r.ok) return fail(SnapshotError::Malformed, "saved progress is malformed (inconsistent contents)");
  if (r.pos != r.end) return fail(SnapshotError::Malformed, "saved progress has unexpected trailing data");

  SnapshotResult out;
  out.content_changed = tag != content_tag(course);
  CourseState st = new_state(course, std::move(learner_id), std::move(learner_name), std::move(language), seed, started);
  st.updated = updated;
  st.total_time_seconds = static_cast<double>(centis) / 100.0;
  Resolver res{course, out.dropped};

  for (const RawModule& rm : raw_modules) {
    const auto mi = module_index_by_ref(course, rm.ref);
    if (!mi) {
      out.dropped.push_back("progress in a module that is no longer in the course was dropped");
      continue;
    }
    const Module& m = course.modules[static_cast<std::size_t>(*mi)];
    ModuleProgress& mp = progress(st, m.id);
    const std::string where = "module '" + m.id + "'";
    mp.lesson.pages_seen = std::min(rm.pages_seen, static_cast<int>(m.pages.size()));
    if (mp.lesson.pages_seen != rm.pages_seen)
      out.dropped.push_back(where + ": lesson pages seen reduced to " + std::to_string(mp.lesson.pages_seen) +
                            " (the lesson has fewer pages now)");
    mp.lesson.completed = rm.lesson_completed;
    mp.quiz = res.quiz(module_questions(m), rm.quiz, where);
    if (rm.rp) {
      const RawRolePlay& p = *rm.rp;
      if (!m.roleplay) {
        out.dropped.push_back(where + ": role-play progress dropped (the module has no role-play any more)");
        continue;
      }
      const RolePlay& rp = *m.roleplay;
      const bool same = p.fp == roleplay_fp(rp);
      RolePlayProgress& rpp = mp.roleplay;
      rpp.runs = p.runs;
      rpp.best_outcome = p.best;
      if (p.in_progress) {
        auto s = same ? RolePlaySession::from_path(rp, p.path) : std::nullopt;
        if (s && !s->ended()) {
          rpp.in_progress = true;
          rpp.path = s->reply_path();
        } else {
          out.dropped.push_back(where + ": the role-play conversation in progress no longer applies and restarts");
        }
      }
      if (p.has_last) {
        auto s = same ? RolePlaySession::from_path(rp, p.last_path) : std::nullopt;
        if (s && s->ended()) {
          rpp.last_path = s->reply_path();
          rpp.last_ending = s->node().id;
          rpp.last_rubric = s->totals();
        } else {
          out.dropped.push_back(where + ": details of the last role-play run (path, ending, rubric) no longer apply");
        }
      }
    }
  }
  std::vector<const Question*> bank;
  for (const auto& q : course.assessment.bank) bank.push_back(&q);
  st.assessment = res.quiz(bank, raw_assessment, "assessment");

  st.bookmark.screen = static_cast<Screen>(screen);
  st.bookmark.index = bm_index;
  if (has_bm_module == 1) {
    if (auto mi = module_index_by_ref(course, bm_ref)) {
      st.bookmark.module_id = course.modules[static_cast<std::size_t>(*mi)].id;
    } else {
      st.bookmark = Bookmark{};
      out.dropped.push_back("the resume point was in a module that is no longer in the course; resuming at home");
    }
  }
  out.state = std::move(st);
  return out;
}

}  // namespace granice
