// xAPI statements -> report digests (xapi_report.h). The statements are walked with the pull
// reader (core/text/json_pull.h): only the fields the report needs are kept, the rest is skipped
// (still checked), so an export of a million statements builds no DOM.
#include "core/report/xapi_report.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>

#include "core/lms/cmi5.h"
#include "core/state/record.h"
#include "core/state/snapshot.h"
#include "core/text/json_pull.h"
#include "core/text/json_source.h"
#include "core/text/utf8.h"

namespace granice {

namespace {

using Kind = PullReader::Kind;

constexpr const char* kVoided = "http://adlnet.gov/expapi/verbs/voided";
// What the LMS itself records about the AU (cmi5 §9.3.1, §9.3.6, §9.3.7): no learner progress in
// them, so they neither make a registration nor count in one.
bool lms_verb(std::string_view verb) {
  return verb == cmi5::iri::kLaunched || verb == "https://w3id.org/xapi/adl/verbs/abandoned" ||
         verb == "https://w3id.org/xapi/adl/verbs/waived";
}

// [SECTION] One statement's facts
struct Facts {
  std::string id;
  std::string verb;
  std::string object_id;
  std::string object_type;
  std::string interaction_type;  // object.definition.interactionType
  std::string actor_key;         // account homePage|name, or mbox / mbox_sha1sum / openid
  std::string actor_name;
  std::string registration;
  std::string snapshot;          // context.extensions[kSnapshot]
  std::string timestamp;
  bool has_result = false;
  std::string response;
  bool success = false;
  double scaled = 0.0;
};

// Where a value is: made into a JSON pointer only when a problem is reported (most statements have
// none; a pointer string per member would be an allocation per member).
struct Path {
  const Path* parent = nullptr;
  const std::string* key = nullptr;
  std::string pointer() const { return parent ? json_pointer_child(parent->pointer(), *key) : std::string(); }
};

// Reads one statement object into Facts. A field of the wrong type is noted (its pointer and what
// was expected) and skipped, so the walk reaches the next statement; a syntax error stops it
// (returns false, the reader knows where).
class StatementWalker {
 public:
  StatementWalker(PullReader& in, const std::string& list, std::size_t index) : in_(in), list_(list), index_(index) {}
  std::string problem;  // "/statements/3/verb/id: expected a string"

  bool statement(Facts& f) {
    return object(Path{}, [&](std::string_view key, const Path& at) {
      if (key == "id") return text(f.id, at);
      if (key == "verb") return object(at, [&](std::string_view k, const Path& a) {
        return k == "id" ? text(f.verb, a) : in_.skip();
      });
      if (key == "actor") return actor(f, at);
      if (key == "object") return object(at, [&](std::string_view k, const Path& a) {
        if (k == "id") return text(f.object_id, a);
        if (k == "objectType") return text(f.object_type, a);
        if (k == "definition") return object(a, [&](std::string_view dk, const Path& da) {
          return dk == "interactionType" ? text(f.interaction_type, da) : in_.skip();
        });
        return in_.skip();
      });
      if (key == "context") return object(at, [&](std::string_view k, const Path& a) {
        if (k == "registration") return text(f.registration, a);
        if (k == "extensions") return object(a, [&](std::string_view ek, const Path& ea) {
          return ek == cmi5::iri::kSnapshot ? text(f.snapshot, ea) : in_.skip();
        });
        return in_.skip();
      });
      if (key == "result") {
        f.has_result = true;
        return object(at, [&](std::string_view k, const Path& a) {
          if (k == "response") return text(f.response, a);
          if (k == "success") return flag(f.success, a);
          if (k == "score") return object(a, [&](std::string_view sk, const Path& sa) {
            return sk == "scaled" ? number(f.scaled, sa) : in_.skip();
          });
          return in_.skip();
        });
      }
      if (key == "timestamp") return text(f.timestamp, at);
      return in_.skip();
    });
  }

 private:
  PullReader& in_;
  const std::string& list_;  // the pointer of the statements' array
  std::size_t index_;

  bool wrong(const Path& at, const char* expected) {
    if (problem.empty()) problem = json_pointer_child(list_, index_) + at.pointer() + ": expected " + expected;
    return in_.skip();
  }
  bool text(std::string& out, const Path& at) {
    if (in_.peek() != Kind::String) return wrong(at, "a string");
    std::string_view s;
    if (!in_.string(s)) return false;
    out.assign(s);
    return true;
  }
  bool flag(bool& out, const Path& at) {
    if (in_.peek() != Kind::Bool) return wrong(at, "true or false");
    return in_.boolean(out);
  }
  bool number(double& out, const Path& at) {
    if (in_.peek() != Kind::Number) return wrong(at, "a number");
    PullReader::Number n;
    if (!in_.number(n)) return false;
    out = n.value;
    return true;
  }
  // Calls member(key, pointer) for each member; the key is copied first (the reader's view of it
  // does not outlive the next string read).
  template <class Member>
  bool object(const Path& at, Member member) {
    if (in_.peek() != Kind::Object) return wrong(at, "an object");
    if (!in_.begin_object()) return false;
    std::string_view key;
    std::string k;
    const Path child{&at, &k};
    while (in_.next_key(key)) {
      k.assign(key);
      if (!member(std::string_view(k), child)) return false;
    }
    return in_.ok();
  }
  bool actor(Facts& f, const Path& at) {
    std::string home, name, mbox;
    const bool ok = object(at, [&](std::string_view k, const Path& a) {
      if (k == "name") return text(f.actor_name, a);
      if (k == "mbox" || k == "mbox_sha1sum" || k == "openid") return text(mbox, a);
      if (k == "account") return object(a, [&](std::string_view ak, const Path& aa) {
        if (ak == "homePage") return text(home, aa);
        if (ak == "name") return text(name, aa);
        return in_.skip();
      });
      return in_.skip();
    });
    f.actor_key = !name.empty() ? home + "|" + name : mbox;
    if (f.actor_name.empty()) f.actor_name = !name.empty() ? name : mbox;
    return ok;
  }
};

// [SECTION] What is kept per registration
struct Candidate {  // a statement carrying the progress snapshot
  std::int64_t ms = 0;
  std::string id;
  std::string where;      // "<source>: statement N (id ...)"
  std::string snapshot;
};

struct JournalItem {
  std::string statement_id;
  Interaction interaction;
};

struct Registration {
  std::string registration;
  std::string actor_key;
  std::string actor_name;
  std::string source;
  long statements = 0;
  std::vector<Candidate> candidates;
  std::vector<JournalItem> journal;
};

InteractionType interaction_type_of(std::string_view t) {
  if (t == "true-false") return InteractionType::TrueFalse;
  if (t == "sequencing") return InteractionType::Sequencing;
  if (t == "matching") return InteractionType::Matching;
  return InteractionType::Choice;
}

}  // namespace

struct StatementSet::Data {
  const Course* course = nullptr;
  bool keep_journal = false;
  std::string au;         // the AU's IRI
  std::string au_prefix;  // its activities: au + "/"
  std::unordered_map<std::string, Registration> registrations;
  std::set<std::string> voided_ids;
  StatementCounts counts;
};

StatementSet::StatementSet(const Course& course, bool keep_journal) : data_(std::make_unique<Data>()) {
  data_->course = &course;
  data_->keep_journal = keep_journal;
  data_->au = cmi5::au_iri(course.id);
  data_->au_prefix = data_->au + "/";
}
StatementSet::~StatementSet() = default;
StatementSet::StatementSet(StatementSet&&) noexcept = default;
StatementSet& StatementSet::operator=(StatementSet&&) noexcept = default;

StatementCounts StatementSet::counts() const {
  StatementCounts c = data_->counts;
  c.voided = static_cast<long>(data_->voided_ids.size());
  c.refused = 0;
  for (const ReportIssue& i : issues_)
    if (i.reason.rfind("statement ", 0) == 0) c.refused++;
  return c;
}

std::optional<std::int64_t> parse_xapi_timestamp(std::string_view s) {
  if (s.size() < 20) return std::nullopt;
  const std::optional<std::int64_t> whole = parse_iso8601_utc(std::string(s.substr(0, 19)) + "Z");
  if (!whole) return std::nullopt;
  std::size_t i = 19;
  std::int64_t ms = 0;
  if (s[i] == '.') {
    int digits = 0;
    for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++digits)
      if (digits < 3) ms = ms * 10 + (s[i] - '0');
    if (digits == 0) return std::nullopt;
    for (; digits < 3; ++digits) ms *= 10;
  }
  std::int64_t offset = 0;
  const std::string_view zone = s.substr(i);
  if (zone == "Z") offset = 0;
  else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    auto digit = [&](std::size_t k) { return zone[k] >= '0' && zone[k] <= '9' ? zone[k] - '0' : -100; };
    const int h = digit(1) * 10 + digit(2), m = digit(4) * 10 + digit(5);
    if (h < 0 || h > 23 || m < 0 || m > 59) return std::nullopt;
    offset = (h * 60 + m) * 60 * (zone[0] == '+' ? 1 : -1);
  } else {
    return std::nullopt;
  }
  return (*whole - offset) * 1000 + ms;
}

// [SECTION] Reading
bool looks_like_statements(std::string_view text) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  PullReader in(text.substr(0, 4096));  // the start is enough: no need to read the rest
  const Kind k = in.peek();
  if (k == Kind::Array) return true;
  std::string_view key;
  return k == Kind::Object && in.begin_object() && in.next_key(key) && (key == "statements" || key == "more");
}

bool StatementSet::add_text(std::string_view source, std::string_view text, std::string* more_out) {
  Data& d = *data_;
  const std::string src(source);
  std::string more;
  bool shape_ok = true;
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a BOM some exports start with

  // One statement: checked, matched to this course, kept.
  auto take = [&](const Facts& f, std::size_t index, const std::string& list, std::size_t item, const std::string& problem) {
    d.counts.statements++;
    auto who = [&] { return "statement " + std::to_string(index) + (f.id.empty() ? "" : " (id " + utf8_clip(f.id, 60) + ")"); };
    auto refuse = [&](const std::string& why) { issues_.push_back(ReportIssue{src, who() + ": " + why}); };
    auto at = [&] { return json_pointer_child(list, item); };
    if (!problem.empty()) return refuse(problem);
    if (f.verb == kVoided && f.object_type == "StatementRef") {  // xAPI 1.0.3 §2.3.2: its target no longer counts
      d.voided_ids.insert(f.object_id);
      return;
    }
    if (f.object_id != d.au && f.object_id.rfind(d.au_prefix, 0) != 0) {
      d.counts.other_course++;
      return;
    }
    if (lms_verb(f.verb)) {
      d.counts.by_lms++;
      return;
    }
    // This course's: what the report relies on must be there.
    if (f.id.empty()) return refuse(at() + "/id: expected the statement's id (an LRS gives every statement one)");
    if (f.verb.empty()) return refuse(at() + "/verb/id: expected the verb's IRI");
    if (f.registration.empty()) return refuse(at() + "/context/registration: expected the cmi5 registration (cmi5 §9.6.1)");
    if (f.actor_key.empty()) return refuse(at() + "/actor: expected an Agent with an account or an mbox");
    const std::optional<std::int64_t> ms = parse_xapi_timestamp(f.timestamp);
    if (!ms) return refuse(at() + "/timestamp: expected an ISO 8601 timestamp (\"2026-12-01T08:22:48.123Z\")");
    Registration& r = d.registrations[f.registration];
    if (r.registration.empty()) {
      r.registration = f.registration;
      r.actor_key = f.actor_key;
      r.actor_name = f.actor_name;
      r.source = src;
    } else if (r.actor_key != f.actor_key) {
      return refuse(at() + "/actor: another learner than the registration's other statements (" + utf8_clip(r.actor_name, 60) +
                    "); not counted");
    }
    r.statements++;
    if (!f.snapshot.empty()) r.candidates.push_back(Candidate{*ms, f.id, src + ": " + who(), f.snapshot});
    if (d.keep_journal && f.has_result) {
      const bool answered = f.verb == cmi5::iri::kAnswered, responded = f.verb == cmi5::iri::kResponded;
      const std::string question = d.au_prefix + "question/", roleplay = d.au_prefix + "roleplay/";
      Interaction it;
      if (answered && f.object_id.rfind(question, 0) == 0) {
        it.id = f.object_id.substr(question.size());
        it.type = interaction_type_of(f.interaction_type);
        it.result = f.success ? InteractionResult::Correct : InteractionResult::Incorrect;
      } else if (responded && f.object_id.rfind(roleplay, 0) == 0) {
        it.id = f.object_id.substr(roleplay.size());
        std::replace(it.id.begin(), it.id.end(), '/', '.');  // the planner's node path, back to "<role-play>.<node>"
        it.type = InteractionType::Other;
      } else {
        return;
      }
      it.learner_response = f.response;
      it.score = f.scaled;
      it.timestamp = *ms / 1000;
      r.journal.push_back(JournalItem{f.id, std::move(it)});
    }
  };

  PullReader in(text, 64);
  std::size_t index = 0;  // statement number within this text, from 0
  int values = 0;
  auto read_array = [&](const std::string& pointer) {
    if (!in.begin_array()) return false;
    Facts f;
    for (std::size_t i = 0; in.next_item(); ++i) {
      f = Facts{};
      StatementWalker w(in, pointer, i);
      if (!w.statement(f)) return false;
      take(f, index++, pointer, i, w.problem);
    }
    return in.ok();
  };
  bool fine = true;
  while (fine && in.peek() != Kind::None) {
    const std::string page = values++ ? "page " + std::to_string(values) + " " : "";
    const Kind k = in.peek();
    if (k == Kind::Array) {
      fine = read_array("");
    } else if (k == Kind::Object) {  // a page of GET /statements: {"statements": [...], "more": "..."}
      fine = in.begin_object();
      bool had_statements = false;
      std::string_view key;
      while (fine && in.next_key(key)) {
        if (key == "statements" && in.peek() == Kind::Array) {
          had_statements = true;
          fine = read_array("/statements");
        } else if (key == "more" && in.peek() == Kind::String) {
          std::string_view m;
          fine = in.string(m);
          more.assign(m);
        } else if (key == "statements" || key == "more") {
          issues_.push_back(ReportIssue{src, page + "/" + std::string(key) + ": expected " +
                                                 (key == "more" ? "a string (the next page's URL)" : "an array of statements")});
          shape_ok = false;
          fine = in.skip();
        } else {
          fine = in.skip();
        }
      }
      fine = fine && in.ok();
      if (fine && !had_statements && shape_ok) {
        issues_.push_back(ReportIssue{src, page + "/statements: expected an array of statements (an xAPI statement result)"});
        shape_ok = false;
      }
    } else {
      issues_.push_back(ReportIssue{src, page + "expected an array of xAPI statements or a {\"statements\": [...]} page"});
      shape_ok = false;
      break;
    }
  }
  if (!fine) {
    // The pull reader stops at the first thing it is unsure of; the positioned parser says what and where.
    const JsonParseResult parsed = parse_json_source(text);
    std::string why;
    if (parsed.error)
      why = std::to_string(parsed.error->pos.line) + ":" + std::to_string(parsed.error->pos.col) + ": " +
            parsed.error->pointer + ": " + parsed.error->message + "; expected " + parsed.error->expected;
    else if (in.too_deep())
      why = "nested deeper than 64 levels";
    else
      why = "a value this reader cannot read exactly near byte " + std::to_string(in.offset()) +
            " (a number with more than 17 digits?)";
    issues_.push_back(ReportIssue{src, "not valid JSON: " + why + "; " + std::to_string(index) +
                                           " statements before it were read"});
  }
  if (more_out) *more_out = more;
  return fine && shape_ok;
}

void StatementSet::merge(StatementSet&& other) {
  Data& d = *data_;
  Data& o = *other.data_;
  d.counts.statements += o.counts.statements;
  d.counts.other_course += o.counts.other_course;
  d.counts.by_lms += o.counts.by_lms;
  d.voided_ids.merge(o.voided_ids);
  for (auto& [id, r] : o.registrations) {
    auto [it, fresh] = d.registrations.try_emplace(id, std::move(r));
    if (fresh) continue;
    Registration& mine = it->second;
    if (mine.actor_key != r.actor_key) {
      issues_.push_back(ReportIssue{r.source, "registration " + id + ": " + std::to_string(r.statements) +
                                                  " statements of another learner than in " + mine.source + "; not counted"});
      continue;
    }
    mine.statements += r.statements;
    for (auto& c : r.candidates) mine.candidates.push_back(std::move(c));
    for (auto& j : r.journal) mine.journal.push_back(std::move(j));
  }
  for (auto& i : other.issues_) issues_.push_back(std::move(i));
  other.issues_.clear();
  o.registrations.clear();
}

// [SECTION] Digests
std::vector<RecordDigest> StatementSet::digests() const {
  const Data& d = *data_;
  const Course& course = *d.course;
  std::vector<RecordDigest> out;
  std::map<std::string, long> per_actor;  // registrations of each learner
  for (const auto& [id, r] : d.registrations) per_actor[r.actor_key]++;
  std::vector<const Registration*> regs;
  for (const auto& [id, r] : d.registrations) regs.push_back(&r);
  std::sort(regs.begin(), regs.end(), [](auto* a, auto* b) { return a->registration < b->registration; });
  for (const Registration* r : regs) {
    std::vector<const Candidate*> cands;
    long voided = 0;
    for (const Candidate& c : r->candidates) {
      if (d.voided_ids.count(c.id)) ++voided;
      else cands.push_back(&c);
    }
    std::sort(cands.begin(), cands.end(), [](auto* a, auto* b) { return a->ms != b->ms ? a->ms > b->ms : a->id > b->id; });
    RecordDigest digest;
    digest.file = r->source + "#" + r->registration;
    digest.content_hash = std::hash<std::string>{}("xapi registration " + r->registration);
    std::vector<std::string> warnings;
    std::optional<CourseState> state;
    for (const Candidate* c : cands) {
      SnapshotResult s = decode_snapshot(course, c->snapshot);
      if (!s.ok()) {
        warnings.push_back(c->where + ": its progress snapshot was refused (" + s.message + "); an older one is used");
        continue;
      }
      if (s.content_changed) {
        std::string dropped;
        for (const auto& x : s.dropped) dropped += (dropped.empty() ? "" : "; ") + x;
        warnings.push_back("made with another content version" + (dropped.empty() ? std::string() : ": " + utf8_clip(dropped, 300)));
      }
      state = std::move(s.state);
      break;
    }
    if (!state) {
      digest.error = "registration " + r->registration + " of " + utf8_clip(r->actor_name, 60) + ": " +
                     std::to_string(r->statements) + " statements, none with the course's progress" +
                     (cands.empty() && r->candidates.empty()
                          ? " (it comes with terminated, completed, passed or failed: a session still open?)"
                          : voided && cands.empty() ? " that was not voided" : " that could be read") +
                     "; not counted";
      if (!warnings.empty()) digest.error += " (" + warnings.front() + ")";
      out.push_back(std::move(digest));
      continue;
    }
    state->course_id = course.id;
    if (d.keep_journal) {
      for (const JournalItem& j : r->journal)
        if (!d.voided_ids.count(j.statement_id)) state->interactions.push_back(j.interaction);
      std::stable_sort(state->interactions.begin(), state->interactions.end(),
                       [](const Interaction& a, const Interaction& b) { return a.timestamp < b.timestamp; });
    }
    digest = digest_state(course, std::move(digest), std::move(*state), d.keep_journal);
    LearnerRow& row = *digest.row;
    for (auto& w : warnings) row.warnings.push_back(std::move(w));
    if (const long n = per_actor[r->actor_key]; n > 1)
      row.warnings.push_back("one of " + std::to_string(n) + " registrations of this learner (each is a row)");
    out.push_back(std::move(digest));
  }
  // Rows in learner order (then start, registration), refusals after: the same order however the
  // LRS paged.
  std::stable_sort(out.begin(), out.end(), [](const RecordDigest& a, const RecordDigest& b) {
    if (a.row.has_value() != b.row.has_value()) return a.row.has_value();
    if (!a.row) return false;
    if (a.row->learner_id != b.row->learner_id) return a.row->learner_id < b.row->learner_id;
    return a.row->started < b.row->started;
  });
  return out;
}

}  // namespace granice
