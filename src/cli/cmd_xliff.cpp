// granice xliff export|import|pseudo: the translation round trip through XLIFF 1.2 (docs/translation.md).
//   export --target L [--source L] [--out FILE.xlf] [PATH]   the texts for a translator (stdout without --out)
//   import FILE.xlf [--source L] [--target L] [--name NAME] [--dry-run] [PATH]   the translations back into the content
//   pseudo [--target qps] [--source L] [--out DIR] [--xliff FILE.xlf] [PATH]   a pseudo-translation
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>

#include "cli/commands.h"
#include "cli/content_path.h"
#include "core/translation/pseudo.h"
#include "core/translation/review_record.h"
#include "core/translation/xliff.h"
#include "core/translation/xliff_import.h"

namespace granice::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: granice xliff export --target LANG [--source LANG] [--out FILE.xlf] [PATH]\n"
    "       granice xliff import FILE.xlf [--source LANG] [--target LANG] [--name NAME] [--dry-run] [PATH]\n"
    "       granice xliff pseudo [--target qps] [--source LANG] [--out DIR] [--xliff FILE.xlf] [PATH]\n";

struct Options {
  std::map<std::string, std::string> values;  // --source, --target, --name, --out, --xliff
  bool dry_run = false;
  std::vector<std::string> positional;
};

std::optional<Options> parse(const Args& args, std::initializer_list<const char*> allowed) {
  Options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--dry-run") {
      o.dry_run = true;
      continue;
    }
    if (a.size() > 2 && a[0] == '-') {
      bool known = false;
      for (const char* name : allowed) known = known || a == name;
      if (!known || i + 1 >= args.size()) {
        std::cerr << "granice xliff: " << (known ? "missing value after " : "unexpected option ") << a << '\n' << kUsage;
        return std::nullopt;
      }
      o.values[a] = args[++i];
      continue;
    }
    o.positional.push_back(a);
  }
  return o;
}

std::optional<std::string> read_whole(const std::string& path) { return folder_source(".").read(path); }

bool write_whole(const fs::path& path, const std::string& text) {
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  std::FILE* f = std::fopen(path.string().c_str(), "wb");
  if (!f) return false;
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  return std::fclose(f) == 0 && ok;
}

// Writes every file next to its final place first, then renames: a failed write leaves the content as it was.
bool write_all(const std::string& folder, const std::vector<FileWrite>& writes) {
  for (const auto& w : writes) {
    if (!write_whole(fs::path(folder) / (w.name + ".xliff-tmp"), w.text)) {
      std::cerr << "granice xliff: cannot write " << (fs::path(folder) / w.name).string() << '\n';
      return false;
    }
  }
  std::error_code ec;
  for (const auto& w : writes) fs::rename(fs::path(folder) / (w.name + ".xliff-tmp"), fs::path(folder) / w.name, ec);
  return !ec;
}

int print_diagnostics(const std::vector<Diagnostic>& list, const char* what) {
  for (const auto& d : list) std::cerr << format_diagnostic(d) << '\n';
  std::cerr << "granice xliff: " << list.size() << (list.size() == 1 ? " problem" : " problems") << "; " << what << '\n';
  return kExitContentErrors;
}

std::optional<std::string> content_folder(const Options& o, std::size_t first_positional) {
  const std::string path = o.positional.size() > first_positional ? o.positional[first_positional] : kDefaultContentDir;
  const auto where = locate_content(path);
  if (!where) return std::nullopt;
  return where->folder;
}

// The course's default language, for --source when it is not given.
std::string default_language(const std::string& folder) {
  const LoadResult loaded = load_course_folder(folder);
  return loaded.course.languages.empty() ? "" : loaded.course.languages.front();
}

std::optional<TranslatableContent> translatable(const std::string& folder, const std::string& source, const std::string& target) {
  TranslatableLoad load = read_translatable(folder_source(folder), source, target);
  if (!load.content) {
    print_diagnostics(load.diagnostics, "fix the content first (granice lint)");
    return std::nullopt;
  }
  return std::move(load.content);
}

ReviewRecord review_record(const std::string& folder) {
  const auto text = folder_source(folder).read(std::string(kReviewFile));
  if (!text) return {};
  std::string why;
  auto record = parse_review_record(*text, &why);
  if (!record) std::cerr << "granice xliff: " << folder << "/" << kReviewFile << ": " << why << " (no unit is shown as approved)\n";
  return record.value_or(ReviewRecord{});
}

// [SECTION] export
int run_export(const Args& args) {
  const auto o = parse(args, {"--source", "--target", "--out"});
  if (!o || o->positional.size() > 1 || !o->values.count("--target")) {
    if (o) std::cerr << "granice xliff export: --target LANG is required, and at most one PATH\n" << kUsage;
    return kExitUsage;
  }
  const auto folder = content_folder(*o, 0);
  if (!folder) return kExitUsage;
  const std::string target = o->values.at("--target");
  const std::string source = o->values.count("--source") ? o->values.at("--source") : default_language(*folder);
  if (source == target) {
    std::cerr << "granice xliff export: source and target are both " << source << '\n';
    return kExitUsage;
  }
  const auto content = translatable(*folder, source, target);
  if (!content) return kExitContentErrors;
  const std::string xliff = write_xliff(*content, review_record(*folder), source, target);
  if (!o->values.count("--out")) {
    std::cout << xliff;
    return kExitOk;
  }
  const std::string out = o->values.at("--out");
  if (!write_whole(out, xliff)) {
    std::cerr << "granice xliff export: cannot write " << out << '\n';
    return kExitUsage;
  }
  std::size_t translated = 0;
  for (const auto& u : content->units) translated += u.target.has_value();
  std::cerr << out << ": " << content->units.size() << " units (" << source << " -> " << target << "), " << translated
            << " already translated\n";
  return kExitOk;
}

// [SECTION] import
int import_into(const std::string& folder, const std::string& xliff, const std::string& display, const Options& o) {
  XliffImportOptions options;
  if (o.values.count("--source")) options.source_lang = o.values.at("--source");
  if (o.values.count("--target")) options.target_lang = o.values.at("--target");
  if (o.values.count("--name")) options.language_name = o.values.at("--name");
  const XliffImportPlan plan = plan_xliff_import(folder_source(folder), xliff, display, options);
  if (!plan.ok()) return print_diagnostics(plan.diagnostics, "nothing was written");
  if (!o.dry_run && !write_all(folder, plan.writes)) return kExitUsage;
  std::cerr << display << ": " << plan.units << " units, " << plan.changed << " " << plan.target_lang
            << " texts changed in " << plan.writes.size() << " files" << (o.dry_run ? " (dry run: nothing written)" : "");
  if (plan.language_added) std::cerr << "; " << plan.target_lang << " added to the course's languages";
  if (plan.language_added && !options.language_name.empty()) std::cerr << " as " << options.language_name;
  std::cerr << '\n';
  if (plan.language_added && options.language_name.empty())
    std::cerr << "note: the language switcher shows \"" << plan.target_lang << "\" until course.json gives its own name: import with "
              << "--name NAME, or write {\"code\": \"" << plan.target_lang << "\", \"name\": NAME} there\n";
  for (const auto& w : plan.writes) std::cerr << "  " << (o.dry_run ? "would write " : "wrote ") << w.name << '\n';
  return kExitOk;
}

int run_import(const Args& args) {
  const auto o = parse(args, {"--source", "--target", "--name"});
  if (!o || o->positional.empty() || o->positional.size() > 2) {
    if (o) std::cerr << "granice xliff import: one FILE.xlf and at most one PATH\n" << kUsage;
    return kExitUsage;
  }
  const auto folder = content_folder(*o, 1);
  if (!folder) return kExitUsage;
  const std::string& file = o->positional[0];
  const auto xliff = read_whole(file);
  if (!xliff) {
    std::cerr << "granice xliff import: cannot read " << file << '\n';
    return kExitUsage;
  }
  return import_into(*folder, *xliff, file, *o);
}

// [SECTION] pseudo
int run_pseudo(const Args& args) {
  auto o = parse(args, {"--source", "--target", "--out", "--xliff"});
  if (!o || o->positional.size() > 1 || (!o->values.count("--out") && !o->values.count("--xliff"))) {
    if (o) std::cerr << "granice xliff pseudo: --out DIR (a copy of the content in the pseudo-locale) or --xliff FILE\n" << kUsage;
    return kExitUsage;
  }
  const auto folder = content_folder(*o, 0);
  if (!folder) return kExitUsage;
  const std::string target = o->values.count("--target") ? o->values.at("--target") : "qps";
  const std::string source = o->values.count("--source") ? o->values.at("--source") : default_language(*folder);
  auto content = translatable(*folder, source, target);
  if (!content) return kExitContentErrors;
  pseudo_translate_units(*content);
  const std::string xliff = write_xliff(*content, ReviewRecord{}, source, target);
  if (o->values.count("--xliff") && !write_whole(o->values.at("--xliff"), xliff)) {
    std::cerr << "granice xliff pseudo: cannot write " << o->values.at("--xliff") << '\n';
    return kExitUsage;
  }
  if (!o->values.count("--out")) return kExitOk;
  const std::string out = o->values.at("--out");
  std::error_code ec;
  if (fs::equivalent(*folder, out, ec)) {
    std::cerr << "granice xliff pseudo: --out must be a new folder, not the content itself\n";
    return kExitUsage;
  }
  // Replaces an earlier copy of content, never a folder of anything else.
  if (fs::exists(out, ec) && !fs::is_empty(out, ec) && !fs::exists(fs::path(out) / "course.json", ec)) {
    std::cerr << "granice xliff pseudo: " << out << " exists and holds no course copy; give a new folder\n";
    return kExitUsage;
  }
  fs::remove_all(out, ec);
  fs::copy(*folder, out, fs::copy_options::recursive, ec);
  if (ec) {
    std::cerr << "granice xliff pseudo: cannot copy " << *folder << " to " << out << ": " << ec.message() << '\n';
    return kExitUsage;
  }
  Options into;
  into.values["--source"] = source;
  into.values["--target"] = target;
  into.values["--name"] = pseudo_translate("Pseudo");   // its own name, bracketed like its texts
  return import_into(out, xliff, "(pseudo " + target + ")", into);
}

}  // namespace

int cmd_xliff(const Args& args) {
  const std::string sub = args.empty() ? "" : args[0];
  const Args rest(args.empty() ? args.end() : args.begin() + 1, args.end());
  if (sub == "export") return run_export(rest);
  if (sub == "import") return run_import(rest);
  if (sub == "pseudo") return run_pseudo(rest);
  std::cerr << kUsage;
  return kExitUsage;
}

}  // namespace granice::cli
