#include "entries.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>

#include <nlohmann/json.hpp>

#include "../read_file.h"
#include "core/loader.h"
#include "core/lzma_decode.h"
#include "core/record.h"
#include "core/saved_progress.h"
#include "core/scorm.h"
#include "core/simulate.h"
#include "core/snapshot.h"

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

}  // namespace

const Course& real_course() {
  static const Course course = [] {
    LoadResult r = load_course_folder(GRANICE_SOURCE_DIR "/quizzes");
    if (!r.ok()) broken("the real course does not load");
    return std::move(r.course);
  }();
  return course;
}

void loader(std::string_view data) {
  const auto& files = content_files();
  auto it = files.begin();
  std::advance(it, selector(data) % files.size());
  const std::string replaced = it->first;
  const std::string text(rest(data));
  ContentSource src;
  src.display_dir = "quizzes/";
  src.read = [&](const std::string& name) -> std::optional<std::string> {
    if (name == replaced) return text;
    auto f = files.find(name);
    if (f == files.end()) return std::nullopt;
    return f->second;
  };
  LoadResult r = load_course(src);
  for (const Diagnostic& d : r.diagnostics) (void)format_diagnostic(d);
  if (r.ok()) {  // a course that loads must work with the engines' entry points
    const CourseState st = simulate_learner(r.course, 1, 1);
    const std::string s = encode_snapshot(r.course, st);
    if (!decode_snapshot(r.course, s).ok()) broken("a snapshot of a loadable course does not decode");
    if (!from_record(to_record(r.course, st)).ok()) broken("a record of a loadable course does not parse");
  }
}

void snapshot(std::string_view data) {
  const Course& c = real_course();
  const SnapshotResult r = decode_snapshot(c, data);
  if (!r.ok()) return;
  const std::string again = encode_snapshot(c, *r.state);
  const SnapshotResult r2 = decode_snapshot(c, again);
  if (!r2.ok()) broken("a decoded snapshot re-encodes to one that does not decode");
  if (encode_snapshot(c, *r2.state) != again) broken("snapshot encoding is not stable");
}

void record(std::string_view data) {
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
  if (!r.ok()) return;
  CourseState expected = *r.state;
  expected.interactions.clear();
  if (!(*lean.state == expected)) broken("reading without the journal reads different progress");
  const RecordResult r2 = from_record(to_record(c, *r.state));
  if (!r2.ok()) broken("a parsed record writes a record that does not parse");
  if (!(*r2.state == *r.state)) broken("a parsed record writes a record that reads back differently");
}

void scorm_values(std::string_view data) {
  const Course& c = real_course();
  const std::string_view v = rest(data);
  switch (selector(data) % 9) {
    case 0:
      if (auto b = scorm::parse_location(v, c)) (void)scorm::format_location(*b, scorm::kLocation2004);
      break;
    case 1: (void)scorm::parse_language(v, c); break;
    case 2: (void)scorm::parse_count(v); break;
    case 3:
      if (scorm::display_name(v).size() > 200 || scorm::clean_text(v).size() > 200) broken("names exceed 200 bytes");
      break;
    case 4: (void)scorm::parse_entry(v); break;
    case 5:
      if (auto t = parse_iso8601_utc(v)) (void)iso8601_utc(*t);
      break;
    case 6: (void)decode_saved(c, v); break;
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
      break;
    }
  }
}

void lzma(std::string_view data) {
  const auto* in = reinterpret_cast<const std::uint8_t*>(data.data());
  lzma::Header h;
  if (lzma::read_header(in, data.size(), h) != lzma::Status::ok) return;
  if (h.size > (1u << 20) || lzma::scratch_slots(h) > (std::size_t{0x300} << 4) + 2048) return;  // as lzma.wasm
  // Exactly sized buffers, so ASan sees any access past either end.
  std::vector<std::uint8_t> out(static_cast<std::size_t>(h.size));
  std::vector<std::uint16_t> scratch(lzma::scratch_slots(h));
  (void)lzma::decode(in, data.size(), out.data(), out.size(), scratch.data());
}

const std::vector<Target>& targets() {
  static const std::vector<Target> t = {{"loader", &loader}, {"snapshot", &snapshot}, {"record", &record},
                                        {"scorm", &scorm_values}, {"lzma", &lzma}};
  return t;
}

std::vector<std::string> seeds(std::string_view target) {
  std::vector<std::string> out;
  const Course& c = real_course();
  std::vector<CourseState> states;
  for (std::uint64_t i = 0; i < 6; ++i) states.push_back(simulate_learner(c, 42, i));
  if (target == "loader") {
    unsigned i = 0;
    for (const auto& [name, text] : content_files()) out.push_back(std::string(1, static_cast<char>(i++)) + text);
  } else if (target == "snapshot") {
    for (const auto& st : states) out.push_back(encode_snapshot(c, st));
  } else if (target == "record") {
    for (const auto& st : states) out.push_back(to_record(c, st));
  } else if (target == "scorm") {
    auto add = [&](unsigned sel, const std::string& v) { out.push_back(std::string(1, static_cast<char>(sel)) + v); };
    for (const auto& st : states) add(0, scorm::format_location(st.bookmark, scorm::kLocation2004));
    add(1, "pl-PL"); add(1, "{lang=en}x"); add(2, "12"); add(3, "Kowalski, Jan"); add(4, "resume");
    add(5, "2026-12-01T08:22:48Z");
    add(6, encode_snapshot(c, states[1])); add(6, to_record(c, states[2]));
    const std::string z(1, '\0');
    add(7, "resume" + z + encode_snapshot(c, states[3]) + z + "home" + z + "id7" + z + "Nowak, Anna" + z + "pl" + z + "3");
    add(8, "resume" + z + encode_snapshot(c, states[4]) + z + "lesson:m1:2" + z + "id8" + z + "Anna" + z + "en-GB" + z + "0");
  } else if (target == "lzma") {
    // The content files and a snapshot, compressed by xz as scripts/lzma_file.js does (size in the header).
    std::vector<std::string> raw;
    for (const auto& [name, text] : content_files()) raw.push_back(text);
    raw.push_back(encode_snapshot(c, states[0]));
    const auto tmp = std::filesystem::temp_directory_path() /
                     ("granice-fuzz-lzma-seed-" + std::to_string(static_cast<long>(getpid())));
    for (const std::string& r : raw) {
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
      out.push_back(packed);
    }
    std::filesystem::remove(tmp);
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
