#include "cli/content_path.h"

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

}  // namespace granice::cli
