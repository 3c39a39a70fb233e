#include "core/content/loader.h"

#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/content/content_hash.h"
#include "core/text/json_source.h"
#include "core/content/load_parts.h"
#include "core/content/text_refs.h"

namespace granice {

namespace {

// One content file's diagnostics, kept apart so the output is grouped in load order.
struct FileDiagnostics {
  std::string file;
  std::vector<Diagnostic> list;
};

class CourseLoader {
 public:
  explicit CourseLoader(const ContentSource& source) : source_(source) { refs_.languages_present = source.languages_present; }

  LoadResult run(const std::string& course_file) {
    FileDiagnostics& course_diags = slot(course_file);
    const auto course_doc = open(course_file, course_diags, nullptr, "", "");
    result_.course.course_file = course_file;
    if (course_doc) {
      slots_by_name_[course_file] = &course_diags;  // its texts may name contacts too
      load::DocContext ctx{*course_doc, course_diags.file, course_diags.list, refs_.text_languages};
      const auto files = load::read_course_file(ctx, refs_, course_doc->value, result_.course);
      for (const auto& ref : files) load_referenced(ctx, ref);
      report_text_refs();
    }
    result_.course.content_hash = hash_.hex();
    for (auto& f : files_) {
      sort_by_position(f.list);
      result_.diagnostics.insert(result_.diagnostics.end(), f.list.begin(), f.list.end());
    }
    return std::move(result_);
  }

 private:
  const ContentSource& source_;
  LoadResult result_;
  load::CourseRefs refs_;
  Fnv1a64 hash_;
  std::deque<FileDiagnostics> files_;  // a deque: contexts keep references into it while it grows
  // Each file's diagnostics by the name course.json gives it, for checks made after every file is
  // read (contact references). The parsed files are not kept (unless the source keeps them, see
  // ContentSource::parsed): a file is parsed again only to place a problem, which valid content never has.
  std::map<std::string, FileDiagnostics*, std::less<>> slots_by_name_;

  // The parse of `text`: the one kept in the source's ParsedTexts when the text is the kept text
  // (shared with it), else a new one that lives as long as the caller holds it.
  std::shared_ptr<const JsonParseResult> parse(const std::string& name, const std::string& text) {
    if (source_.parsed) {
      if (const JsonParseResult* kept = source_.parsed->find(name, text)) return {source_.parsed, kept};
    }
    return std::make_shared<const JsonParseResult>(source_.checked_pack ? parse_json_value_only(text) : parse_json_source(text));
  }

  void report_text_refs() {
    if (result_.course.resources_file.empty()) return;  // resources.json unreadable: already reported
    std::map<std::string, std::vector<TextRefProblem>, std::less<>> by_file;
    for (auto& problem : resolve_resource_refs(result_.course)) by_file[std::string(problem.file)].push_back(std::move(problem));
    for (auto& [name, problems] : by_file) {
      const auto slot = slots_by_name_.find(name);
      std::optional<std::string> text;
      try {
        text = source_.read ? source_.read(name) : std::nullopt;
      } catch (...) {
        text = std::nullopt;
      }
      if (slot == slots_by_name_.end() || !text) continue;
      const auto parsed = parse(name, *text);
      if (!parsed->doc) continue;
      load::DocContext ctx{*parsed->doc, slot->second->file, slot->second->list, refs_.text_languages};
      for (const auto& problem : problems) ctx.at_value(problem.pointer, problem.message, problem.expected);
    }
  }

  FileDiagnostics& slot(const std::string& name) {
    files_.push_back(FileDiagnostics{display_name(source_, name), {}});
    return files_.back();
  }

  // Reads and parses one file. A file that cannot be read is reported where `referrer` names it.
  std::shared_ptr<const JsonSource> open(const std::string& name, FileDiagnostics& diags, load::DocContext* referrer,
                                         const std::string& ref_pointer, const std::string& what) {
    std::optional<std::string> text;
    try {
      text = source_.read ? source_.read(name) : std::nullopt;
    } catch (...) {  // a reader's failure is a missing file, never a crash
      text = std::nullopt;
    }
    if (!text) {
      if (referrer) {
        referrer->at_value(ref_pointer, what + " file \"" + name + "\" not found", "a file in the content folder");
      } else {
        diags.list.push_back(Diagnostic{diags.file, 1, 1, "", "cannot read the file", "a " + name + " in the content folder"});
      }
      return nullptr;
    }
    result_.files.push_back(diags.file);
    hash_.add(*text);
    const auto parsed = parse(name, *text);
    if (parsed->error) {
      const auto& e = *parsed->error;
      diags.list.push_back(Diagnostic{diags.file, e.pos.line, e.pos.col, e.pointer, "invalid JSON: " + e.message, e.expected});
      return nullptr;
    }
    for (const auto& dup : parsed->doc->duplicate_keys) {
      const auto key = dup.pointer.substr(dup.pointer.rfind('/') + 1);
      diags.list.push_back(Diagnostic{diags.file, dup.pos.line, dup.pos.col, dup.pointer,
                                      "field \"" + key + "\" appears twice", "each field once (the last one would win)"});
    }
    return {parsed, &*parsed->doc};
  }

  void load_referenced(load::DocContext& course_ctx, const load::FileRef& ref) {
    using Kind = load::FileRef::Kind;
    const char* what = ref.kind == Kind::Module       ? "module"
                       : ref.kind == Kind::Assessment ? "assessment"
                       : ref.kind == Kind::Resources  ? "resources"
                                                      : "interface";
    FileDiagnostics& diags = slot(ref.name);
    const auto doc = open(ref.name, diags, &course_ctx, ref.pointer, what);
    if (!doc) return;
    slots_by_name_[ref.name] = &diags;
    load::DocContext ctx{*doc, diags.file, diags.list, refs_.text_languages};
    const load::json& root = doc->value;
    Course& course = result_.course;
    switch (ref.kind) {
      case Kind::Module: {
        Module m = load::read_module_file(ctx, refs_, root);
        m.file = ref.name;
        course.modules.push_back(std::move(m));
        break;
      }
      case Kind::Assessment: {
        const int attempts = course.assessment.max_attempts;  // set from course.json
        course.assessment = load::read_assessment_file(ctx, refs_, root);
        course.assessment.max_attempts = attempts;
        course.assessment.file = ref.name;
        break;
      }
      case Kind::Resources:
        load::read_resources_file(ctx, root, course);
        course.resources_file = ref.name;
        break;
      case Kind::Interface:
        load::read_interface_file(ctx, root, course);
        course.interface_file = ref.name;
        break;
    }
  }
};

}  // namespace

// [SECTION] Public API
std::string display_name(const ContentSource& source, const std::string& name) {
  const std::string& dir = source.display_dir;
  if (dir.empty() || dir == ".") return name;
  return dir.back() == '/' ? dir + name : dir + '/' + name;
}

ContentSource folder_source(const std::string& folder) {
  ContentSource source;
  source.display_dir = folder;
  source.read = [folder](const std::string& name) -> std::optional<std::string> {
    const std::filesystem::path path = std::filesystem::path(folder) / name;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return std::move(text).str();
  };
  return source;
}

std::size_t LoadResult::files_with_errors() const {
  std::vector<std::string> seen;
  for (const auto& d : diagnostics) {
    if (std::find(seen.begin(), seen.end(), d.file) == seen.end()) seen.push_back(d.file);
  }
  return seen.size();
}

LoadResult load_course(const ContentSource& source, const std::string& course_file) {
  try {
    if (source.checked_pack) {
      LoadResult quick = CourseLoader(source).run(course_file);
      if (quick.ok()) return quick;
      ContentSource placed = source;   // a problem after all: again, with positions for the messages
      placed.checked_pack = false;
      return CourseLoader(placed).run(course_file);
    }
    return CourseLoader(source).run(course_file);
  } catch (const std::exception& e) {  // a bug of ours must still come out as a diagnostic
    LoadResult result;
    result.diagnostics.push_back(
        Diagnostic{display_name(source, course_file), 1, 1, "", std::string("internal error: ") + e.what(), "no internal error"});
    return result;
  }
}

LoadResult load_course_folder(const std::string& folder) { return load_course(folder_source(folder), "course.json"); }

}  // namespace granice
