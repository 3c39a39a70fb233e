// granice: the content tool. Dispatches to the subcommands listed in commands.cpp.
#include <algorithm>
#include <iostream>
#include <string>

#include "cli/commands.h"

namespace {

using granice::cli::commands;

void print_help(std::ostream& out) {
  out << "granice " << GRANICE_VERSION << " - course content tool\n\n"
      << "usage: granice <command> [arguments]\n"
      << "       granice --help | --version\n\ncommands:\n";
  for (const auto& c : commands()) {
    std::string usage = c.usage;
    usage.resize(std::max<std::size_t>(usage.size() + 2, 26), ' ');
    out << "  " << usage << c.summary << '\n';
  }
  out << "\nexit codes: 0 ok, 1 content errors, 2 usage errors\n";
}

}  // namespace

int main(int argc, char** argv) {
  using namespace granice::cli;
  if (argc < 2) {
    print_help(std::cerr);
    return kExitUsage;
  }
  const std::string first = argv[1];
  if (first == "--help" || first == "-h" || first == "help") {
    print_help(std::cout);
    return kExitOk;
  }
  if (first == "--version") {
    std::cout << "granice " << GRANICE_VERSION << '\n';
    return kExitOk;
  }
  const Args rest(argv + 2, argv + argc);
  for (const auto& c : commands()) {
    if (first == c.name) return c.run(rest);
  }
  std::cerr << "granice: unknown command \"" << first << "\" (see granice --help)\n";
  return kExitUsage;
}
