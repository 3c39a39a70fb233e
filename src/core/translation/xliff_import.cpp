#include "core/translation/xliff_import.h"

#include <algorithm>
#include <map>

#include "core/text/json_edit.h"
#include "core/text/utf8.h"
#include "core/translation/review_record.h"
#include "core/translation/translatable.h"
#include "core/translation/xliff.h"

namespace granice {

namespace {

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// Each placeholder of `from` that `to` has fewer of ("lost" when from = source).
std::vector<std::string> missing_placeholders(std::string_view from, std::string_view to) {
  std::map<std::string, int> count;
  for (auto& p : placeholders_in(to)) ++count[p];
  std::vector<std::string> out;
  for (auto& p : placeholders_in(from)) {
    if (--count[p] < 0) out.push_back(p);
  }
  return out;
}

class Import {
 public:
  Import(const ContentSource& source, const std::string& display, const XliffImportOptions& options, XliffImportPlan& plan)
      : source_(source), display_(display), options_(options), plan_(plan) {}

  void run(std::string_view xliff_text) {
    XliffRead read = read_xliff(xliff_text, display_);
    if (!read.doc) return take(std::move(read.diagnostics));
    const XliffDocument& doc = *read.doc;
    plan_.units = doc.units.size();
    const std::string source_lang = options_.source_lang.empty() ? doc.source_language : options_.source_lang;
    const std::string target_lang = options_.target_lang.empty() ? doc.target_language : options_.target_lang;
    plan_.target_lang = target_lang;
    if (source_lang.empty() || target_lang.empty()) {
      return error({}, "", std::string("the XLIFF file names no ") + (source_lang.empty() ? "source" : "target") + " language",
                   "source-language and target-language on <file>, or --source / --target");
    }
    if (source_lang == target_lang) return error({}, "", "source and target language are both \"" + source_lang + "\"", "two languages");
    TranslatableLoad load = read_translatable(source_, source_lang, target_lang);
    if (!load.content) return take(std::move(load.diagnostics));
    const TranslatableContent& c = *load.content;
    const bool new_language = std::find(c.languages.begin(), c.languages.end(), target_lang) == c.languages.end();

    std::map<std::string, const TranslationUnit*, std::less<>> by_id;
    for (const auto& u : c.units) by_id.emplace(u.id(), &u);
    std::map<std::string, std::vector<ByteEdit>, std::less<>> edits;  // by file name
    std::map<std::string, const XliffUnit*, std::less<>> given;
    for (const auto& xu : doc.units) {
      const auto it = by_id.find(xu.id);
      if (it == by_id.end()) {
        error(xu.pos, xu.id, "unknown unit id: the content has no such text", "the ids of a current export (was the content restructured? export again)");
        continue;
      }
      const TranslationUnit& u = *it->second;
      given.emplace(xu.id, &xu);
      if (!check(xu, u)) continue;
      const ContentFile& f = *c.file(u.file);
      if (auto e = set_string_member(f.text, f.json, u.pointer, target_lang, *xu.target)) {
        edits[u.file].push_back(std::move(*e));
        ++plan_.changed;
      }
    }
    if (new_language) {
      for (const auto& u : c.units) {
        if (given.count(u.id())) continue;
        const ContentFile& f = *c.file(u.file);
        const SourcePos at = f.json.value_pos(u.pointer);
        plan_.diagnostics.push_back(Diagnostic{f.display, at.line, at.col, u.pointer,
                                               "no translation into \"" + target_lang + "\" in " + display_,
                                               "every text translated before a new language is added (export again to get the full list)"});
      }
    }
    if (!plan_.ok()) return;
    if (new_language) {
      const ContentFile& f = *c.file(c.course_file);
      // With its own name when given, as the language switcher shows it ({code, name}); else the code.
      const std::string entry = options_.language_name.empty()
                                    ? json_string_literal(target_lang)
                                    : "{ \"code\": " + json_string_literal(target_lang) + ", \"name\": " + json_string_literal(options_.language_name) + " }";
      if (auto e = append_array_value(f.text, f.json, "/languages", entry)) edits[f.name].push_back(std::move(*e));
      plan_.language_added = true;
    }
    for (auto& [name, list] : edits) plan_.writes.push_back(FileWrite{name, apply_edits(c.file(name)->text, std::move(list))});
    record_reviews(by_id, doc, target_lang);
    if (plan_.ok()) verify();
  }

 private:
  const ContentSource& source_;
  const std::string& display_;
  const XliffImportOptions& options_;
  XliffImportPlan& plan_;

  void error(SourcePos pos, std::string unit, std::string message, std::string expected) {
    plan_.diagnostics.push_back(Diagnostic{display_, pos.line, pos.col, std::move(unit), std::move(message), std::move(expected)});
  }
  void take(std::vector<Diagnostic> list) {
    plan_.diagnostics.insert(plan_.diagnostics.end(), list.begin(), list.end());
  }

  bool check(const XliffUnit& xu, const TranslationUnit& u) {
    if (xu.source != u.source) {
      error(xu.pos, xu.id, "stale unit: the source text changed since the export", "a current export (the text now: \"" + u.source + "\")");
      return false;
    }
    if (!xu.target) {
      error(xu.pos, xu.id, "no <target>", "the translation of every unit");
      return false;
    }
    if (is_blank(*xu.target)) {
      error(xu.target_pos, xu.id, "empty <target>", "the translation of every unit");
      return false;
    }
    bool ok = true;
    for (const auto& p : missing_placeholders(u.source, *xu.target)) {
      error(xu.target_pos, xu.id, "placeholder " + p + " lost in the target", "every placeholder of the source, unchanged");
      ok = false;
    }
    for (const auto& p : missing_placeholders(*xu.target, u.source)) {
      error(xu.target_pos, xu.id, "placeholder " + p + " added in the target", "only the placeholders of the source");
      ok = false;
    }
    const std::size_t length = utf8_code_points(*xu.target);
    if (u.max_length > 0 && length > static_cast<std::size_t>(u.max_length)) {
      error(xu.target_pos, xu.id, "target has " + std::to_string(length) + " characters",
            "at most " + std::to_string(u.max_length) + " (the layout holds no more)");
      ok = false;
    }
    return ok;
  }

  // translation/reviewed.json: approved units get a stamp, the others lose theirs.
  void record_reviews(const std::map<std::string, const TranslationUnit*, std::less<>>& by_id, const XliffDocument& doc,
                      const std::string& target_lang) {
    const std::string name(kReviewFile);
    const auto old_text = source_.read(name);
    ReviewRecord record;
    if (old_text) {
      std::string why;
      auto parsed = parse_review_record(*old_text, &why);
      if (!parsed) {
        plan_.diagnostics.push_back(Diagnostic{display_name(source_, name), 1, 1, "", why, "the record granice xliff import writes"});
        return;
      }
      record = std::move(*parsed);
    }
    for (const auto& xu : doc.units) {
      const auto u = by_id.find(xu.id);
      if (u == by_id.end()) continue;
      if (xu.approved) record[target_lang][xu.id] = review_stamp(u->second->source, *xu.target);
      else if (auto l = record.find(target_lang); l != record.end()) l->second.erase(xu.id);
    }
    const std::string text = write_review_record(record);
    const bool empty = record.empty() || std::all_of(record.begin(), record.end(), [](const auto& l) { return l.second.empty(); });
    if (old_text ? text != *old_text : !empty) plan_.writes.push_back(FileWrite{name, text});
  }

  // The edited content must still load: a last guard before anything is written.
  void verify() {
    ContentSource edited = source_;
    edited.parsed = nullptr;
    const auto writes = plan_.writes;
    edited.read = [base = source_.read, writes](const std::string& name) -> std::optional<std::string> {
      for (const auto& w : writes) {
        if (w.name == name) return w.text;
      }
      return base(name);
    };
    LoadResult loaded = load_course(edited);
    if (!loaded.ok()) {
      for (auto& d : loaded.diagnostics) d.message = "after the import: " + d.message;
      take(std::move(loaded.diagnostics));
      plan_.writes.clear();
    }
  }
};

}  // namespace

XliffImportPlan plan_xliff_import(const ContentSource& source, std::string_view xliff_text, const std::string& xliff_display,
                                  const XliffImportOptions& options) {
  XliffImportPlan plan;
  Import(source, xliff_display, options, plan).run(xliff_text);
  if (!plan.ok()) plan.writes.clear();
  return plan;
}

}  // namespace granice
