// granice simulate --learners N --seed S --out FOLDER [--content PATH] [--threads N] [--xapi]:
// N synthetic progress records (core/engines/simulate.h), one file per learner, written with to_record();
// with --xapi instead the xAPI statements each learner's cmi5 sessions send (core/lms/cmi5_simulate.h),
// one JSON array per learner (learner-NNNNNNN.xapi.json).
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/content_path.h"
#include "core/content/diagnostic.h"
#include "core/state/record.h"
#include "core/engines/simulate.h"
#include "core/lms/cmi5_simulate.h"

namespace granice::cli {

namespace {

constexpr const char* kUsage =
    "usage: granice simulate --learners N --seed S --out FOLDER [--content PATH] [--threads N] [--xapi]\n";

// The learner's cmi5 statements as a JSON array, one statement a line (diffable, streamable).
std::string statements_text(const Course& course, std::uint64_t seed, std::uint64_t index) {
  std::string out = "[";
  for (const nlohmann::json& s : cmi5::simulated_statements(course, seed, index)) {
    out += out.size() == 1 ? "\n" : ",\n";
    out += s.dump();
  }
  return out + "\n]\n";
}

bool parse_u64(const std::string& s, std::uint64_t& out) {
  if (s.empty() || s.size() > 19 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  out = std::stoull(s);
  return true;
}

}  // namespace

int cmd_simulate(const Args& args) {
  std::uint64_t learners = 0, seed = 1, threads = 0;
  std::string out_dir, content = kDefaultContentDir;
  bool have_learners = false, xapi = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& v) {
      if (i + 1 >= args.size()) return false;
      v = args[++i];
      return true;
    };
    std::string v;
    if (a == "--learners" && value(v) && parse_u64(v, learners)) have_learners = true;
    else if (a == "--seed" && value(v) && parse_u64(v, seed)) {}
    else if (a == "--threads" && value(v) && parse_u64(v, threads)) {}
    else if (a == "--out" && value(out_dir)) {}
    else if (a == "--content" && value(content)) {}
    else if (a == "--xapi") xapi = true;
    else {
      std::cerr << "granice simulate: unexpected argument " << a << '\n' << kUsage;
      return kExitUsage;
    }
  }
  if (!have_learners || out_dir.empty() || learners > 10'000'000) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  CheckedContent checked = load_clean_content(content);
  if (!checked.loaded) return checked.exit_code;
  const LoadResult& loaded = *checked.loaded;
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (!std::filesystem::is_directory(out_dir)) {
    std::cerr << "granice simulate: cannot create " << out_dir << '\n';
    return kExitUsage;
  }
  const Course& course = loaded.course;
  const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  const unsigned workers = static_cast<unsigned>(std::clamp<std::uint64_t>(threads ? threads : hw, 1, 16));
  const bool tty = isatty(fileno(stderr)) && learners >= 1000;
  std::atomic<std::uint64_t> next{0}, done{0};
  std::atomic<bool> failed{false};
  auto work = [&] {
    for (std::uint64_t i = next++; i < learners && !failed; i = next++) {
      const std::string text = xapi ? statements_text(course, seed, i) : to_record(course, simulate_learner(course, seed, i));
      char name[48];
      std::snprintf(name, sizeof name, xapi ? "/learner-%07llu.xapi.json" : "/learner-%07llu.json",
                    static_cast<unsigned long long>(i + 1));
      const std::string path = out_dir + name;
      std::FILE* f = std::fopen(path.c_str(), "wb");
      if (!f || std::fwrite(text.data(), 1, text.size(), f) != text.size()) failed = true;
      if (f) std::fclose(f);
      ++done;
    }
  };
  std::vector<std::thread> pool;
  for (unsigned w = 1; w < workers; ++w) pool.emplace_back(work);
  if (tty) {
    std::thread bar([&] {
      while (done < learners && !failed) {
        std::fprintf(stderr, "\rsimulating %llu/%llu", static_cast<unsigned long long>(done.load()),
                     static_cast<unsigned long long>(learners));
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
      }
    });
    work();
    for (auto& t : pool) t.join();
    bar.join();
    std::fprintf(stderr, "\r\033[K");
  } else {
    work();
    for (auto& t : pool) t.join();
  }
  if (failed) {
    std::cerr << "granice simulate: could not write into " << out_dir << '\n';
    return kExitContentErrors;
  }
  std::cout << "wrote " << learners << (xapi ? " learners' xAPI statements to " : " records to ") << out_dir << " (seed " << seed << ", content "
            << course.version << ")\n";
  return kExitOk;
}

}  // namespace granice::cli
