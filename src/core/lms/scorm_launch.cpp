// What the LMS hands over at launch, read into course terms (scorm.h, section Launch).
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "core/lms/scorm.h"
#include "core/state/snapshot.h"
#include "core/text/text_match.h"
#include "core/text/utf8.h"

namespace granice::scorm {

// [SECTION] Launch
LaunchMode parse_mode(std::string_view v) {
  const std::string s = trim(v);
  if (s == "review") return LaunchMode::Review;
  if (s == "browse") return LaunchMode::Browse;
  return LaunchMode::Normal;
}

const char* to_string(LaunchMode m) {
  switch (m) {
    case LaunchMode::Normal: return "normal";
    case LaunchMode::Browse: return "browse";
    case LaunchMode::Review: return "review";
  }
  return "normal";
}

HeldResult parse_held(Version v, std::string_view status, std::string_view success, std::string_view score_raw) {
  HeldResult h;
  const std::string st = trim(status);
  const std::string su = trim(success);
  if (v == Version::Scorm12) {
    // 1.2 has one status: passed and failed also mean the learner finished.
    h.completed = st == "completed" || st == "passed" || st == "failed";
    h.success = st == "passed" ? SuccessStatus::Passed : st == "failed" ? SuccessStatus::Failed : SuccessStatus::Unknown;
  } else {
    h.completed = st == "completed";
    h.success = su == "passed" ? SuccessStatus::Passed : su == "failed" ? SuccessStatus::Failed : SuccessStatus::Unknown;
  }
  const std::string raw = trim(score_raw);
  if (!raw.empty() && raw.size() < 32) {
    char* end = nullptr;
    const double d = std::strtod(raw.c_str(), &end);
    if (end && *end == '\0' && std::isfinite(d) && d >= 0 && d <= 100) h.score = d;
  }
  return h;
}

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
  out.resize(utf8_prefix_bytes(out, limit).size());
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
  // One tag or a list in order of preference (cmi5 §11.1): the first the course has wins.
  for (std::size_t start = 0; start <= v.size();) {
    const std::size_t comma = std::min(v.find(',', start), v.size());
    std::string s = trim(v.substr(start, comma - start));
    start = comma + 1;
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
  }
  return {};
}

std::optional<std::size_t> parse_count(std::string_view v) {
  const std::string s = trim(v);
  if (s.empty() || s.size() > 9 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return static_cast<std::size_t>(std::stoul(s));
}

// The session the LMS describes: mode, credit, what it holds already, the ids at each index.
static Session session_from(Version v, const LmsValues& in, const Session& options) {
  Session s = options;
  s.mode = parse_mode(in.mode);
  s.credit = trim(in.credit) != "no-credit";
  s.held = parse_held(v, in.status, in.success, in.score_raw);
  s.objective_ids.clear();
  s.held_objectives.clear();
  for (const LmsValues::Objective& o : in.objectives) {
    const std::string id = clean_text(o.id, kLongIdentifier2004);
    s.objective_ids.push_back(id);
    const HeldResult h = parse_held(v, o.status, o.success, o.score_raw);
    if (!id.empty() && h.any()) s.held_objectives.emplace_back(id, h);
  }
  s.interaction_ids.clear();
  for (const std::string& id : in.interaction_ids) s.interaction_ids.push_back(clean_text(id, kLongIdentifier2004));
  return s;
}

LmsResume parse_resume(const Course& course, const LmsValues& in, const Session& options) {
  LmsResume r;
  r.session = session_from(in.version, in, options);
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
    r.notices.push_back("NoticeLmsStateUnreadable");
    return r;
  }
  for (const std::string& d : s.dropped) r.log.push_back("content changed, left out: " + d);
  if (s.content_changed && !s.dropped.empty())
    r.notices.push_back("NoticeCourseUpdated");
  r.state = std::move(s.state);
  if (!in.location.empty()) {
    if (auto b = parse_location(in.location, course)) r.state->bookmark = *b;
    else r.log.push_back("location \"" + clean_text(in.location, 80) + "\" not understood; using the saved bookmark");
  }
  return r;
}

}  // namespace granice::scorm
