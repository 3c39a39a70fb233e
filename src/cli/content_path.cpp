#include "cli/content_path.h"

#include "cli/commands.h"

#include <filesystem>
#include <iostream>

namespace granice::cli {

std::optional<ContentLocation> locate_content(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec)) return ContentLocation{path, "course.json"};
  if (fs::is_regular_file(path, ec)) {
    const fs::path p(path);
    const std::string parent = p.parent_path().generic_string();
    return ContentLocation{parent.empty() ? "." : parent, p.filename().generic_string()};
  }
  std::cerr << "granice: " << path << ": no such folder or file\n";
  return std::nullopt;
}

LoadResult load_location(const ContentLocation& where) {
  return load_course(folder_source(where.folder), where.course_file);
}

CheckedContent load_clean_content(const std::string& path) {
  const auto where = locate_content(path);
  if (!where) return {std::nullopt, kExitUsage};
  LoadResult loaded = load_location(*where);
  if (!loaded.ok()) {
    for (const auto& d : loaded.diagnostics) std::cerr << format_diagnostic(d) << '\n';
    std::cerr << path << ": content has errors; run granice lint " << path << '\n';
    return {std::nullopt, kExitContentErrors};
  }
  return {std::move(loaded), kExitOk};
}

}  // namespace granice::cli
