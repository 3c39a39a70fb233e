// granice report [FILES or FOLDERS...] [--lrs URL --auth USER:PASS [--since DATE] [--limit N]]
//                --csv OUT.csv [--items ITEMS.csv] [--json] [--strict] [--content PATH] [--threads N] [--quiet]
// Reads progress records and xAPI statement exports (folders: every *.json below them; each file
// is told apart by its content, xapi_report.h) and, with --lrs, the course's statements from an
// LRS (lrs_client.h), validates each, and writes the learners table and the item analysis as CSV
// (core/report/report.h). Summary on stdout, refused files and statements with reasons on stderr.
// Exit 0 even with refused files unless --strict (then 1); 1 when the LRS cannot be read.
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sys/mman.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/content_path.h"
#include "core/text/decimal.h"
#include "core/content/diagnostic.h"
#include "core/state/record.h"
#include "core/report/report.h"
#include "core/report/xapi_report.h"
#include "core/lms/cmi5.h"
#include "cli/lrs_client.h"

namespace granice::cli {

namespace {

constexpr const char* kUsage =
    "usage: granice report [FILES or FOLDERS...] [--lrs URL --auth USER:PASS [--since DATE] [--limit N] [--timeout S]]\n"
    "                      [--csv OUT.csv] [--items ITEMS.csv] [--json] [--strict] [--content PATH] [--threads N] [--quiet]\n"
    "  FILES: progress records and xAPI statement exports (an array, or {statements, more} pages)\n"
    "  --auth may instead come from the environment variable GRANICE_LRS_AUTH\n";

namespace fs = std::filesystem;

// Every *.json below the arguments (folders recursively, sorted); files named explicitly are
// taken whatever their extension. Missing paths become issues.
std::vector<std::string> collect(const std::vector<std::string>& paths, std::vector<ReportIssue>& missing) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".json") found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      files.push_back(p);
    } else {
      missing.push_back(ReportIssue{p, "no such file or folder"});
    }
  }
  return files;
}

// Reads a whole file into `buf` (kept by the caller across files, so a record costs no
// allocation and no copy) and returns the number of bytes read, or nullopt when it cannot be
// read. A huge file is not read whole: digest_record refuses anything over kRecordMaxBytes.
// The cap is where the former 64 KB reads stopped, so the size in that refusal is unchanged.
std::optional<std::size_t> read_file(const std::string& path, std::string& buf) {
  constexpr std::size_t kCap = kRecordMaxBytes + (std::size_t{1} << 16);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat sb {};
  // One byte more than the size, so that one read() normally also sees the end of the file.
  const std::size_t expect = ::fstat(fd, &sb) == 0 && sb.st_size > 0 ? static_cast<std::size_t>(sb.st_size) + 1 : 1 << 16;
  if (buf.size() < std::min(expect, kCap)) buf.resize(std::min(expect, kCap));
  std::size_t n = 0;
  for (;;) {
    if (n == buf.size()) {
      if (n >= kCap) break;
      buf.resize(std::min(kCap, n * 2));
    }
    const ssize_t got = ::read(fd, buf.data() + n, buf.size() - n);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      ::close(fd);
      return std::nullopt;
    }
    if (got == 0) break;
    n += static_cast<std::size_t>(got);
  }
  ::close(fd);
  return n;
}

// Maps a whole file read-only and hands it over (an LRS export of gigabytes is not copied).
template <class Use>
bool read_mapped(const std::string& path, Use use) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat sb {};
  if (::fstat(fd, &sb) != 0 || sb.st_size <= 0) {
    ::close(fd);
    return false;
  }
  const std::size_t size = static_cast<std::size_t>(sb.st_size);
  void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (p == MAP_FAILED) return false;
  ::madvise(p, size, MADV_SEQUENTIAL);
  use(std::string_view(static_cast<const char*>(p), size));
  ::munmap(p, size);
  return true;
}

// A record's digest, or nothing when the file holds xAPI statements (then read into `statements`).
std::optional<RecordDigest> read_and_digest(const Course& course, const std::string& path, std::string& buf,
                                            StatementSet& statements) {
  const std::optional<std::size_t> n = read_file(path, buf);
  if (!n) {
    RecordDigest d;
    d.file = path;
    d.error = "cannot be read";
    return d;
  }
  const std::string_view text(buf.data(), *n);
  if (looks_like_statements(text)) {
    if (*n < kRecordMaxBytes + (std::size_t{1} << 16)) {
      statements.add_text(path, text);
    } else if (!read_mapped(path, [&](std::string_view whole) { statements.add_text(path, whole); })) {
      RecordDigest d;  // read_file's cap: an export that big is mapped whole, not copied
      d.file = path;
      d.error = "cannot be read";
      return d;
    }
    return std::nullopt;
  }
  return digest_record(course, path, text);
}

// "2026-12-01" or an xAPI timestamp -> the `since` an LRS takes; "" when it is neither.
std::string since_timestamp(const std::string& v) {
  const std::string t = v.size() == 10 ? v + "T00:00:00Z" : v;
  return parse_xapi_timestamp(t) ? t : std::string();
}

bool write_file(const std::string& path, const std::string& data) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return false;
  const bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
  return std::fclose(f) == 0 && ok;
}

std::string duration(double seconds) {
  const long m = static_cast<long>(seconds / 60.0 + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld h %02ld min", m / 60, m % 60);
  return buf;
}

void print_text(const Report& rep, const ReportSummary& s, std::size_t files) {
  std::cout << "records: " << s.records << " accepted, " << s.refused << " refused, " << s.duplicates
            << " duplicates (" << files << " files)\n";
  std::cout << "status:";
  for (const char* k : {"passed", "failed", "completed", "incomplete", "not attempted"}) {
    auto it = s.by_status.find(k);
    std::cout << ' ' << k << ' ' << (it == s.by_status.end() ? 0 : it->second) << (std::string(k) == "not attempted" ? "" : ",");
  }
  std::cout << '\n';
  std::cout << "mean score: " << (s.mean_score ? format_decimal(*s.mean_score) + "%" : std::string("-"))
            << "   mean time: " << duration(s.mean_time_seconds) << '\n';
  std::cout << "module  mean best quiz score  learners scored  completed  passed\n";
  for (const ModuleStat& m : rep.items().modules) {
    std::printf("%-7s %20s %16ld %10ld %7ld\n", m.module_id.c_str(),
                m.scored ? (format_decimal(m.mean_best()) + "%").c_str() : "-", m.scored, m.completed, m.passed);
  }
  std::fflush(stdout);
  // Hardest questions first: where people struggle.
  std::vector<const QuestionStat*> qs;
  for (const auto& q : rep.items().questions)
    if (q.answered) qs.push_back(&q);
  std::sort(qs.begin(), qs.end(), [](auto* a, auto* b) { return a->share_correct() < b->share_correct(); });
  if (!qs.empty()) {
    std::cout << "hardest questions (share correct):";
    for (std::size_t i = 0; i < qs.size() && i < 5; ++i)
      std::cout << ' ' << qs[i]->id << ' ' << format_decimal(100.0 * qs[i]->share_correct(), 1) << '%';
    std::cout << '\n';
  }
}

nlohmann::ordered_json summary_json(const Report& rep, const ReportSummary& s, std::size_t files) {
  nlohmann::ordered_json j;
  j["files"] = files;
  j["records"] = s.records;
  j["refused"] = s.refused;
  j["duplicates"] = s.duplicates;
  j["by_status"] = s.by_status;
  j["passed"] = s.passed;
  j["failed"] = s.failed;
  j["mean_score"] = s.mean_score ? nlohmann::ordered_json(*s.mean_score) : nlohmann::ordered_json(nullptr);
  j["mean_time_seconds"] = s.mean_time_seconds;
  auto mods = nlohmann::ordered_json::array();
  for (const ModuleStat& m : rep.items().modules)
    mods.push_back({{"id", m.module_id},
                    {"mean_best_score", m.scored ? nlohmann::ordered_json(m.mean_best()) : nlohmann::ordered_json(nullptr)},
                    {"scored", m.scored},
                    {"completed", m.completed},
                    {"passed", m.passed}});
  j["modules"] = std::move(mods);
  auto issues = nlohmann::ordered_json::array();
  for (const ReportIssue& i : rep.issues()) issues.push_back({{"file", i.file}, {"reason", i.reason}});
  j["issues"] = std::move(issues);
  return j;
}

}  // namespace

int cmd_report(const Args& args) {
  std::vector<std::string> paths;
  std::string csv_out, items_out, content = kDefaultContentDir;
  std::string lrs_url, lrs_auth, since;
  long limit = 0, timeout = 60;
  bool as_json = false, strict = false, quiet = false;
  unsigned threads = 0;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& v) {
      if (i + 1 >= args.size()) return false;
      v = args[++i];
      return true;
    };
    std::string v;
    if (a == "--json") as_json = true;
    else if (a == "--strict") strict = true;
    else if (a == "--quiet") quiet = true;
    else if (a == "--csv" && value(csv_out)) {}
    else if (a == "--items" && value(items_out)) {}
    else if (a == "--content" && value(content)) {}
    else if (a == "--lrs" && value(lrs_url)) {}
    else if (a == "--auth" && value(lrs_auth)) {}
    else if (a == "--since" && value(v) && !(since = since_timestamp(v)).empty()) {}
    else if ((a == "--limit" || a == "--timeout") && value(v) && !v.empty() && v.size() < 7 &&
             std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }) && std::stol(v) > 0)
      (a == "--limit" ? limit : timeout) = std::stol(v);
    else if (a == "--threads" && value(v) && !v.empty() && v.size() < 3 &&
             std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }))
      threads = static_cast<unsigned>(std::stoul(v));
    else if (!a.empty() && a[0] == '-') {
      std::cerr << "granice report: unexpected argument " << a << '\n' << kUsage;
      return kExitUsage;
    } else {
      paths.push_back(a);
    }
  }
  if (lrs_auth.empty())
    if (const char* env = std::getenv("GRANICE_LRS_AUTH")) lrs_auth = env;
  if (paths.empty() && lrs_url.empty()) {
    std::cerr << "granice report: no record files or folders given (nor --lrs)\n" << kUsage;
    return kExitUsage;
  }
  if (!lrs_url.empty() && lrs_auth.find(':') == std::string::npos) {
    std::cerr << "granice report: --lrs needs --auth USER:PASS (or GRANICE_LRS_AUTH)\n" << kUsage;
    return kExitUsage;
  }
  if ((!since.empty() || limit) && lrs_url.empty()) {
    std::cerr << "granice report: --since and --limit apply to --lrs only\n" << kUsage;
    return kExitUsage;
  }
  CheckedContent checked = load_clean_content(content);
  if (!checked.loaded) return checked.exit_code;
  const LoadResult& loaded = *checked.loaded;
  const Course& course = loaded.course;

  std::vector<ReportIssue> missing;
  const std::vector<std::string> files = collect(paths, missing);
  Report rep(course);
  for (auto& m : missing) {
    RecordDigest d;
    d.file = m.file;
    d.error = m.reason;
    rep.add(std::move(d));
  }

  // Parse + validate on several threads, fold in file order (deterministic output).
  const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  const unsigned workers = std::clamp(threads ? threads : hw, 1u, 16u);
  const bool bar = !quiet && isatty(fileno(stderr)) && files.size() >= 500;
  const auto t0 = std::chrono::steady_clock::now();
  constexpr std::size_t kBatch = 1024;
  std::vector<std::optional<RecordDigest>> batch;
  std::vector<StatementSet> statement_sets;  // one per worker: statement files read on its thread
  for (unsigned w = 0; w < workers; ++w) statement_sets.emplace_back(course);
  for (std::size_t begin = 0; begin < files.size(); begin += kBatch) {
    const std::size_t n = std::min(kBatch, files.size() - begin);
    batch.assign(n, std::nullopt);
    // Each worker takes the next file when it is done with one: on a busy machine a worker
    // that is not scheduled for a while must not leave a fixed share of the batch waiting.
    std::atomic<std::size_t> next{0};
    auto work = [&](unsigned w) {
      std::string buf;  // one read buffer per worker, reused for every file
      for (std::size_t i = next++; i < n; i = next++)
        batch[i] = read_and_digest(course, files[begin + i], buf, statement_sets[w]);
    };
    std::vector<std::thread> pool;
    for (unsigned w = 1; w < workers && w < n; ++w) pool.emplace_back(work, w);
    work(0);
    for (auto& t : pool) t.join();
    for (auto& d : batch)
      if (d) rep.add(std::move(*d));
    if (bar) {
      const std::size_t done = begin + n;
      const int width = 30, fill = static_cast<int>(static_cast<double>(width) * static_cast<double>(done) / static_cast<double>(files.size()));
      const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu records, %.0f/s", fill, "##############################", width - fill, "",
                   done, files.size(), secs > 0 ? static_cast<double>(done) / secs : 0.0);
    }
  }
  if (bar) std::fprintf(stderr, "\r\033[K");

  // The statements (files, then the LRS): one set, one row per registration.
  StatementSet& statements = statement_sets.front();
  for (std::size_t w = 1; w < statement_sets.size(); ++w) statements.merge(std::move(statement_sets[w]));
  if (!lrs_url.empty()) {
    LrsQuery q;
    q.endpoint = lrs_url;
    q.auth = lrs_auth;
    q.activity = cmi5::au_iri(course.id);
    q.since = since;
    q.limit = limit;
    q.timeout_seconds = timeout;
    q.progress = !quiet && isatty(fileno(stderr));
    long page = 0;  // rows and issues name the endpoint and the page rather than each page's long URL
    const std::string problem = fetch_statements(q, [&](const std::string&, std::string_view body, std::string& more) {
      return statements.add_text(lrs_url + " (page " + std::to_string(++page) + ")", body, &more);
    });
    if (!problem.empty()) {
      for (const ReportIssue& i : statements.issues()) std::cerr << i.file << ": " << i.reason << '\n';
      std::cerr << "granice report: " << problem << "; nothing written\n";
      return kExitContentErrors;
    }
  }
  const StatementCounts sc = statements.counts();
  for (RecordDigest& d : statements.digests()) rep.add(std::move(d));

  int rc = kExitOk;
  if (!csv_out.empty() && !write_file(csv_out, table_csv(course, rep.rows()))) {
    std::cerr << "granice report: cannot write " << csv_out << '\n';
    rc = kExitContentErrors;
  }
  if (!items_out.empty() && !write_file(items_out, items_csv(course, rep.items(), course.default_language))) {
    std::cerr << "granice report: cannot write " << items_out << '\n';
    rc = kExitContentErrors;
  }
  const ReportSummary s = rep.summary();
  if (as_json) {
    nlohmann::ordered_json j = summary_json(rep, s, files.size());
    j["statements"] = {{"read", sc.statements}, {"other_course", sc.other_course}, {"by_lms", sc.by_lms}, {"voiding", sc.voided},
                       {"refused", sc.refused}};
    std::cout << j.dump() << '\n';
  } else {
    print_text(rep, s, files.size());
    if (sc.statements || !lrs_url.empty())
      std::cout << "statements: " << sc.statements << " read, " << sc.other_course << " of other courses ignored, "
                << sc.by_lms << " by the LMS (launched) ignored, " << sc.voided << " voiding, " << sc.refused << " refused\n";
  }
  if (!quiet) {
    for (const ReportIssue& i : rep.issues()) std::cerr << i.file << ": " << i.reason << '\n';
    for (const ReportIssue& i : statements.issues()) std::cerr << i.file << ": " << i.reason << '\n';
  }
  if (strict && (!rep.issues().empty() || !statements.issues().empty())) rc = kExitContentErrors;
  return rc;
}

}  // namespace granice::cli
