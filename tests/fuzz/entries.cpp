#include "entries.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

#include "../read_file.h"
#include "core/text/json_source.h"
#include "core/content/loader.h"
#include "core/state/record.h"
#include "core/state/saved_progress.h"
#include "core/lms/scorm.h"
#include "core/engines/simulate.h"
#include "core/state/snapshot.h"
#include "core/text/text_match.h"
#include "core/translation/pseudo.h"
#include "core/translation/xliff.h"
#include "core/translation/xliff_import.h"
#include "transport/lzma_decode.h"

#ifndef GRANICE_SOURCE_DIR
#error "GRANICE_SOURCE_DIR must name the repository (for quizzes/)"
#endif

namespace granice::fuzz {

namespace {

[[noreturn]] void broken(const char* what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

const std::map<std::string, std::string>& content_files() {
  static const std::map<std::string, std::string> files = [] {
    std::map<std::string, std::string> m;
    for (const auto& e : std::filesystem::directory_iterator(GRANICE_SOURCE_DIR "/quizzes")) {
      if (e.path().extension() != ".json") continue;
      m[e.path().filename().string()] = test::read_file(e.path());
    }
    return m;
  }();
  return files;
}

std::string_view rest(std::string_view d) { return d.empty() ? d : d.substr(1); }
unsigned selector(std::string_view d) { return d.empty() ? 0u : static_cast<unsigned char>(d[0]); }

Outcome accepted(std::string detail = "") { return Outcome{true, std::move(detail)}; }
Outcome refused(std::string detail) {
  if (detail.empty()) broken("a refusal without a reason");
  return Outcome{false, std::move(detail)};
}

// [SECTION] The loader's fixed rest
const char* const kBaseDir = GRANICE_SOURCE_DIR "/tests/content/valid";
const char* const kCorpusDir = GRANICE_SOURCE_DIR "/tests/content/cases";

// Where each line of a text starts (offsets), to check that a diagnostic points inside its file:
// line within the text, column at most the line's bytes + 1 (columns count code points).
struct Lines {
  std::vector<std::size_t> starts;
  std::size_t size = 0;
  explicit Lines(std::string_view text) : starts{0}, size(text.size()) {
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts.push_back(i + 1);
  }
  bool inside(int line, int col) const {
    if (line < 1 || col < 1 || static_cast<std::size_t>(line) > starts.size()) return false;
    const std::size_t from = starts[static_cast<std::size_t>(line) - 1];
    const std::size_t to = static_cast<std::size_t>(line) < starts.size() ? starts[static_cast<std::size_t>(line)] - 1 : size;
    return static_cast<std::size_t>(col) <= to - from + 1;
  }
};

// The lint corpus's base course, by file name (sorted: byte 0 of a loader input picks by this
// order), read and parsed once.
struct FixedContent {
  std::vector<std::string> names;
  std::map<std::string, std::string, std::less<>> texts;
  std::map<std::string, Lines, std::less<>> lines;
  std::shared_ptr<ParsedTexts> parsed = std::make_shared<ParsedTexts>();
};

const FixedContent& fixed_content() {
  static const FixedContent fixed = [] {
    FixedContent f;
    for (const auto& e : std::filesystem::directory_iterator(kBaseDir)) {
      if (e.path().extension() != ".json") continue;
      f.texts[e.path().filename().string()] = test::read_file(e.path());
    }
    for (const auto& [name, text] : f.texts) {
      f.names.push_back(name);
      f.lines.emplace(name, Lines(text));
      f.parsed->keep(name, text);
    }
    if (f.names.size() != 4) broken("tests/content/valid must hold the 4 files of the base course");
    return f;
  }();
  return fixed;
}

// The base course and the fixture interface.json, as the xliff entry reads them.
ContentSource xliff_content() {
  static const std::string interface_json = test::read_file(GRANICE_SOURCE_DIR "/tests/content/xliff/interface.json");
  const FixedContent& fixed = fixed_content();
  ContentSource source;
  source.display_dir = "valid/";
  source.parsed = fixed.parsed;
  source.read = [&fixed](const std::string& name) -> std::optional<std::string> {
    if (name == kInterfaceFile) return interface_json;
    const auto it = fixed.texts.find(name);
    if (it == fixed.texts.end()) return std::nullopt;
    return it->second;
  };
  return source;
}

}  // namespace

std::string to_string(const Outcome& o) {
  std::string out = o.accepted ? "accepted" : "refused";
  if (!o.detail.empty()) out += ": " + o.detail;
  for (char& ch : out) {
    if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) ch = '?';
  }
  if (out.size() > 300) {
    std::size_t cut = 300;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
    out.resize(cut);
    out += "…";
  }
  return out;
}

const Course& real_course() {
  static const Course course = [] {
    LoadResult r = load_course_folder(GRANICE_SOURCE_DIR "/quizzes");
    if (!r.ok()) broken("the real course does not load");
    return std::move(r.course);
  }();
  return course;
}

Outcome loader(std::string_view data) {
  const FixedContent& fixed = fixed_content();
  const std::string& replaced = fixed.names[selector(data) % fixed.names.size()];
  const std::string text(rest(data));
  ContentSource src;
  src.display_dir = "";
  src.parsed = fixed.parsed;
  src.read = [&](const std::string& name) -> std::optional<std::string> {
    if (name == replaced) return text;
    auto f = fixed.texts.find(name);
    if (f == fixed.texts.end()) return std::nullopt;
    return f->second;
  };
  LoadResult r = load_course(src);
  if (r.ok()) {  // a course that loads must work with the engines' entry points
    const CourseState st = simulate_learner(r.course, 1, 1);
    const std::string s = encode_snapshot(r.course, st);
    if (!decode_snapshot(r.course, s).ok()) broken("a snapshot of a loadable course does not decode");
    if (!from_record(to_record(r.course, st)).ok()) broken("a record of a loadable course does not parse");
    return accepted(std::to_string(r.course.modules.size()) + " module(s), " +
                    std::to_string(r.course.assessment.bank.size()) + " assessment question(s)");
  }
  const Lines replaced_lines(text);
  for (const Diagnostic& d : r.diagnostics) {
    const auto f = d.file == replaced ? fixed.lines.end() : fixed.lines.find(d.file);
    if (d.file != replaced && f == fixed.lines.end()) broken("a diagnostic names a file that was not read");
    if (!(d.file == replaced ? replaced_lines : f->second).inside(d.line, d.col)) broken("a diagnostic points outside its file");
    if (d.message.empty() || d.expected.empty()) broken("a diagnostic without a message or what was expected");
    if (d.message.rfind("internal error", 0) == 0) broken("the loader reported an internal error");
  }
  return refused(std::to_string(r.diagnostics.size()) + " problem(s), first " + format_diagnostic(r.diagnostics.front()));
}

Outcome snapshot(std::string_view data) {
  const Course& c = real_course();
  const SnapshotResult r = decode_snapshot(c, data);
  if (!r.ok()) {
    if (r.error == SnapshotError::None || r.message.empty()) broken("a snapshot refused without an error and a message");
    return refused(std::string(granice::to_string(r.error)) + ": " + r.message);
  }
  if (r.error != SnapshotError::None) broken("a decoded snapshot with an error");
  const std::string again = encode_snapshot(c, *r.state);
  const SnapshotResult r2 = decode_snapshot(c, again);
  if (!r2.ok()) broken("a decoded snapshot re-encodes to one that does not decode");
  if (encode_snapshot(c, *r2.state) != again) broken("snapshot encoding is not stable");
  return accepted();
}

Outcome record(std::string_view data) {
  const Course& c = real_course();
  const RecordResult r = from_record(data);
  if (r.ok() != r.errors.empty()) broken("a record is both read and refused, or neither");
  for (const std::string& e : r.errors)
    if (e.empty() || e[0] != '/' || e.find(": ") == std::string::npos) broken("an error names no JSON pointer");
  // The reader's JSON is nlohmann's: what it calls invalid nlohmann refuses, and the other way
  // round (nesting deeper than the record allows and oversized files have their own messages).
  if (data.size() <= kRecordMaxBytes && (r.errors.empty() || r.errors[0].find("nested too deeply") == std::string::npos)) {
    const bool invalid = !r.errors.empty() && r.errors[0].find(": not valid JSON") != std::string::npos;
    const bool accepted = nlohmann::json::accept(data);
    // nlohmann stops at a NUL byte after the value; the reader refuses anything after it.
    if (!invalid && !accepted) broken("the record reader reads what nlohmann calls invalid JSON");
    if (invalid && accepted && data.find('\0') == std::string_view::npos)
      broken("the record reader refuses JSON nlohmann reads");
  }
  // Without the journal: the same verdict and the same progress.
  const RecordResult lean = from_record(data, false);
  if (lean.ok() != r.ok() || lean.errors != r.errors) broken("reading without the journal decides differently");
  if (!r.ok()) return refused(r.errors.front() + (r.errors.size() > 1 ? " (" + std::to_string(r.errors.size()) + " errors)" : ""));
  CourseState expected = *r.state;
  expected.interactions.clear();
  if (!(*lean.state == expected)) broken("reading without the journal reads different progress");
  const RecordResult r2 = from_record(to_record(c, *r.state));
  if (!r2.ok()) broken("a parsed record writes a record that does not parse");
  if (!(*r2.state == *r.state)) broken("a parsed record writes a record that reads back differently");
  return accepted();
}

Outcome scorm_values(std::string_view data) {
  const Course& c = real_course();
  const std::string_view v = rest(data);
  switch (selector(data) % 9) {
    case 0:
      if (auto b = scorm::parse_location(v, c)) return accepted("location " + scorm::format_location(*b, scorm::kLocation2004));
      return refused("not a location in this course");
    case 1: {
      const std::string lang = scorm::parse_language(v, c);
      return lang.empty() ? refused("not a course language") : accepted("language " + lang);
    }
    case 2:
      if (auto n = scorm::parse_count(v)) return accepted("count " + std::to_string(*n));
      return refused("not a count");
    case 3: {
      const std::string name = scorm::display_name(v), clean = scorm::clean_text(v);
      if (name.size() > 200 || clean.size() > 200) broken("names exceed 200 bytes");
      return accepted("name \"" + name + "\"");
    }
    case 4: {
      static const char* const kEntry[] = {"empty", "ab-initio", "resume", "other"};
      return accepted(std::string("entry ") + kEntry[static_cast<int>(scorm::parse_entry(v))]);
    }
    case 5:
      if (auto t = parse_iso8601_utc(v)) return accepted("time " + iso8601_utc(*t));
      return refused("not an ISO 8601 UTC time");
    case 6: {
      const LocalLoad l = decode_saved(c, v);
      if (l.damaged && l.message.empty()) broken("damaged saved progress without a message");
      if (!l.state && !trim(v).empty() && !l.damaged) broken("saved progress neither read nor called damaged");
      if (l.state) return accepted(l.damaged ? "saved progress, damaged: " + l.message : "saved progress");
      return l.damaged ? refused("saved progress damaged: " + l.message) : refused("nothing saved");
    }
    case 7:
    case 8: {
      scorm::LmsValues in;
      std::string* fields[] = {&in.entry, &in.suspend_data, &in.location, &in.learner_id,
                               &in.learner_name, &in.language, &in.interaction_count};
      std::size_t f = 0;
      for (char ch : v) {
        if (ch == '\0' && f + 1 < std::size(fields)) ++f;
        else fields[f]->push_back(ch);
      }
      const scorm::LmsResume r = scorm::parse_resume(c, in);
      const auto version = selector(data) % 9 == 7 ? scorm::Version::Scorm12 : scorm::Version::Scorm2004;
      if (r.state) (void)scorm::plan_commit(version, c, *r.state, 1.0, scorm::launch_cursor(*r.state, std::nullopt, 0));
      if (!r.state && !in.suspend_data.empty()) {
        if (r.notices.empty() || r.log.empty()) broken("unreadable suspend_data without a notice and a log line");
        return refused(r.log.back());
      }
      const std::string what = r.state ? "resumed" : "a fresh start";
      return accepted(r.log.empty() ? what : what + "; " + r.log.back());  // the last: after any content-change notes
    }
  }
  return refused("no such parser");  // unreachable: the selector is taken modulo 9
}

Outcome lzma(std::string_view data) {
  const auto* in = reinterpret_cast<const std::uint8_t*>(data.data());
  lzma::Header h;
  if (const lzma::Status s = lzma::read_header(in, data.size(), h); s != lzma::Status::ok)
    return refused(std::string("header: ") + lzma::describe(s));
  if (h.size > (1u << 20) || lzma::scratch_slots(h) > (std::size_t{0x300} << 4) + 2048)  // as lzma.wasm
    return refused("larger than lzma.wasm takes");
  // Exactly sized buffers, so ASan sees any access past either end.
  std::vector<std::uint8_t> out(static_cast<std::size_t>(h.size));
  std::vector<std::uint16_t> scratch(lzma::scratch_slots(h));
  const lzma::Status s = lzma::decode(in, data.size(), out.data(), out.size(), scratch.data());
  if (s != lzma::Status::ok) return refused(lzma::describe(s));
  return accepted(std::to_string(out.size()) + " bytes");
}

Outcome xliff(std::string_view data) {
  const XliffImportPlan plan = plan_xliff_import(xliff_content(), data, "t.xlf", {});
  if (plan.ok()) {
    return accepted(std::to_string(plan.units) + " units, " + std::to_string(plan.changed) + " texts changed" +
                    (plan.language_added ? ", " + plan.target_lang + " added" : ""));
  }
  if (!plan.writes.empty()) broken("xliff: a refused import has files to write");
  const auto lines = static_cast<int>(std::count(data.begin(), data.end(), '\n')) + 1;
  for (const auto& d : plan.diagnostics) {
    if (d.message.empty() || d.line < 1 || d.col < 1) broken("xliff: a diagnostic without a message or position");
    if (d.file == "t.xlf" && d.line > lines) broken("xliff: a diagnostic past the end of the XLIFF text");
  }
  return refused(format_diagnostic(plan.diagnostics.front()));
}

const std::vector<Target>& targets() {
  static const std::vector<Target> t = {{"loader", &loader}, {"snapshot", &snapshot}, {"record", &record},
                                        {"scorm", &scorm_values}, {"lzma", &lzma}, {"xliff", &xliff}};
  return t;
}

std::vector<SavedInput> seeds(std::string_view target) {
  std::vector<SavedInput> out;
  if (target == "loader") {
    // The base course's files, then each file a corpus case changes (a case's "$schema" paths have
    // one more "../": not a change). Byte 0 picks the file the rest replaces.
    const FixedContent& fixed = fixed_content();
    for (std::size_t i = 0; i < fixed.names.size(); ++i)
      out.push_back({"base-" + fixed.names[i], std::string(1, static_cast<char>(i)) + fixed.texts.at(fixed.names[i])});
    std::vector<std::filesystem::path> cases;
    for (const auto& e : std::filesystem::directory_iterator(kCorpusDir))
      if (e.is_directory()) cases.push_back(e.path());
    std::sort(cases.begin(), cases.end());
    for (const auto& dir : cases) {
      std::vector<SavedInput> changed;
      for (std::size_t i = 0; i < fixed.names.size(); ++i) {
        const auto path = dir / fixed.names[i];
        if (!std::filesystem::exists(path)) continue;
        std::string text = test::read_file(path);
        std::string base = text;
        if (const auto at = base.find("\"../../../../quizzes/"); at != std::string::npos) base.erase(at + 1, 3);
        if (base == fixed.texts.at(fixed.names[i])) continue;
        changed.push_back({"corpus-" + dir.filename().string() + "-" + fixed.names[i], std::string(1, static_cast<char>(i)) + text});
      }
      // A valid case that changes several files (a language added to every file) is a course only
      // with all of them: one at a time against the base it is not one, so it seeds nothing.
      const std::string name = dir.filename().string();
      const bool valid_case = name.rfind("ok-", 0) == 0 || name.rfind("warn-", 0) == 0;
      if (valid_case && changed.size() > 1) continue;
      out.insert(out.end(), changed.begin(), changed.end());
    }
    return out;
  }
  const Course& c = real_course();
  std::vector<CourseState> states;
  for (std::uint64_t i = 0; i < 6; ++i) states.push_back(simulate_learner(c, 42, i));
  auto learner = [&](std::size_t i, std::string bytes) { out.push_back({"learner-" + std::to_string(i), std::move(bytes)}); };
  if (target == "snapshot") {
    for (std::size_t i = 0; i < states.size(); ++i) learner(i, encode_snapshot(c, states[i]));
  } else if (target == "record") {
    for (std::size_t i = 0; i < states.size(); ++i) learner(i, to_record(c, states[i]));
  } else if (target == "scorm") {
    auto add = [&](const char* name, unsigned sel, const std::string& v) {
      out.push_back({name + std::to_string(out.size()), std::string(1, static_cast<char>(sel)) + v});
    };
    for (const auto& st : states) add("location-", 0, scorm::format_location(st.bookmark, scorm::kLocation2004));
    add("language-", 1, "pl-PL"); add("language-", 1, "en"); add("count-", 2, "12"); add("name-", 3, "Kowalski, Jan");
    add("entry-", 4, "resume"); add("time-", 5, "2026-12-01T08:22:48Z");
    add("saved-", 6, encode_snapshot(c, states[1])); add("saved-", 6, to_record(c, states[2]));
    const std::string z(1, '\0');
    add("resume-", 7, "resume" + z + encode_snapshot(c, states[3]) + z + "home" + z + "id7" + z + "Nowak, Anna" + z + "pl" + z + "3");
    add("resume-", 8, "resume" + z + encode_snapshot(c, states[4]) + z + "lesson:m1:2" + z + "id8" + z + "Anna" + z + "en-GB" + z + "0");
  } else if (target == "lzma") {
    // The content files and a snapshot, compressed by xz as scripts/lzma_file.js does (size in the header).
    std::vector<std::pair<std::string, std::string>> raw;
    for (const auto& [name, text] : content_files()) raw.emplace_back(name, text);
    raw.emplace_back("snapshot", encode_snapshot(c, states[0]));
    const auto tmp = std::filesystem::temp_directory_path() /
                     ("granice-fuzz-lzma-seed-" + std::to_string(static_cast<long>(getpid())));
    for (const auto& [name, r] : raw) {
      { std::ofstream f(tmp, std::ios::binary); f << r; }
      const std::string cmd = "xz --format=lzma --lzma1=preset=6,lc=4,pb=0 --stdout " + tmp.string();
      FILE* p = popen(cmd.c_str(), "r");
      if (!p) broken("lzma seeds: cannot run xz");
      std::string packed;
      char buf[4096];
      for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) packed.append(buf, n);
      if (pclose(p) != 0 || packed.size() < lzma::kHeaderSize) broken("lzma seeds: xz failed");
      for (int i = 0; i < 8; ++i) packed[5 + i] = static_cast<char>(static_cast<std::uint64_t>(r.size()) >> (8 * i));
      // A seed is a file the page would accept: it decodes to what was compressed.
      lzma::Header h;
      const auto* p8 = reinterpret_cast<const std::uint8_t*>(packed.data());
      if (lzma::read_header(p8, packed.size(), h) != lzma::Status::ok) broken("lzma seeds: bad header");
      std::string back(r.size(), '\0');
      std::vector<std::uint16_t> scratch(lzma::scratch_slots(h));
      if (lzma::decode(p8, packed.size(), reinterpret_cast<std::uint8_t*>(back.data()), back.size(), scratch.data()) !=
              lzma::Status::ok || back != r)
        broken("lzma seeds: a seed does not decode to its input");
      out.push_back({"xz-" + name, packed});
    }
    std::filesystem::remove(tmp);
  } else if (target == "xliff") {
    // Exports of the base course (each imports as it is), a new language, the pseudo-locale.
    auto exported = [](const std::string& from, const std::string& to, bool pseudo) {
      auto load = read_translatable(xliff_content(), from, to);
      if (!load.content) broken("xliff seeds: the base course does not load");
      if (pseudo) pseudo_translate_units(*load.content);
      return write_xliff(*load.content, {}, from, to);
    };
    out.push_back({"export-pl-en", exported("pl", "en", false)});
    out.push_back({"export-en-pl", exported("en", "pl", false)});
    out.push_back({"pseudo-qps", exported("pl", "qps", true)});
    out.push_back({"pseudo-en-qps", exported("en", "qps", true)});
    std::string changed = exported("pl", "en", false);
    changed.replace(changed.find(">Tiny course<"), 13, ">A tiny course<");
    out.push_back({"export-pl-en-one-changed", changed});
  }
  return out;
}

std::vector<SavedInput> regression_inputs(std::string_view target) {
  const std::filesystem::path dir = std::filesystem::path(GRANICE_SOURCE_DIR "/tests/fuzz/regressions") / target;
  std::vector<SavedInput> out;
  if (!std::filesystem::is_directory(dir)) return out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (!e.is_regular_file() || name.front() == '.') continue;
    out.push_back({name, test::read_file(e.path())});
  }
  std::sort(out.begin(), out.end(), [](const SavedInput& a, const SavedInput& b) { return a.name < b.name; });
  return out;
}

}  // namespace granice::fuzz
