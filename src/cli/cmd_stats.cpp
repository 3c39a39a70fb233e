// granice stats [--json] [PATH]: what the course holds. Content errors go to stderr, exit 1.
#include <iostream>

#include "cli/commands.h"
#include "cli/content_path.h"
#include "core/content/course_stats.h"

namespace granice::cli {

namespace {

void print_text(const nlohmann::ordered_json& stats) {
  const auto& langs = stats.at("languages");
  const std::string first = langs.empty() ? "" : langs.at(0).get<std::string>();
  std::cout << "languages: " << langs.dump() << '\n';
  for (const auto& m : stats.at("modules")) {
    std::cout << m.at("kind").get<std::string>() << ' ' << m.at("id").get<std::string>();
    if (!first.empty()) {
      const auto& l = m.at("lang").at(first);
      int questions = 0;
      for (const auto& item : l.at("questions").items()) questions += item.value().get<int>();
      std::cout << ": " << questions << " questions";
      if (l.contains("lesson_pages")) {
        std::cout << ", " << l.at("lesson_pages").get<int>() << " pages, " << l.at("lesson_words").get<int>()
                  << " words (" << first << ")";
      }
      if (l.contains("roleplay") && !l.at("roleplay").is_null()) {
        std::cout << ", role-play " << l.at("roleplay").at("nodes").get<int>() << " nodes";
      }
    }
    std::cout << '\n';
  }
  const auto& bank = stats.at("bank");
  std::cout << "bank: " << bank.at("questions").get<int>() << " questions, " << bank.at("draw").get<int>() << " drawn\n";
}

}  // namespace

int cmd_stats(const Args& args) {
  std::string path = kDefaultContentDir;
  bool as_json = false;
  int positional = 0;
  for (const auto& a : args) {
    if (a == "--json") {
      as_json = true;
    } else if ((!a.empty() && a[0] == '-') || ++positional > 1) {
      std::cerr << "granice stats: unexpected argument " << a << "\nusage: granice stats [--json] [PATH]\n";
      return kExitUsage;
    } else {
      path = a;
    }
  }
  CheckedContent checked = load_clean_content(path);
  if (!checked.loaded) return checked.exit_code;
  const LoadResult& result = *checked.loaded;
  const auto stats = course_stats(result.course);
  if (as_json) {
    std::cout << stats.dump() << '\n';
  } else {
    print_text(stats);
  }
  return kExitOk;
}

}  // namespace granice::cli
