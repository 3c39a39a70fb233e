#include "core/translation/translatable.h"

#include <algorithm>

#include "core/content/text_sites.h"

namespace granice {

namespace {

Diagnostic problem(std::string file, SourcePos pos, std::string pointer, std::string message, std::string expected) {
  return Diagnostic{std::move(file), pos.line, pos.col, std::move(pointer), std::move(message), std::move(expected)};
}

// Reads and parses a file once; nullptr (with a diagnostic) when it cannot be read or parsed.
const ContentFile* open_file(const ContentSource& source, TranslatableContent& c, std::vector<Diagnostic>& out,
                             std::string_view name) {
  if (const ContentFile* f = c.file(name)) return f;
  const std::string n(name);
  const auto text = source.read(n);
  const std::string display = display_name(source, n);
  if (!text) {
    out.push_back(problem(display, {}, "", "cannot read the file", "a readable content file"));
    return nullptr;
  }
  auto parsed = parse_json_source(*text);
  if (!parsed.doc) {
    const auto& e = *parsed.error;
    out.push_back(problem(display, e.pos, e.pointer, e.message, e.expected));
    return nullptr;
  }
  c.files.push_back(ContentFile{n, display, *text, std::move(*parsed.doc)});
  return &c.files.back();
}

const nlohmann::json* member(const nlohmann::json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(std::string(key));
  return it == object.end() ? nullptr : &*it;
}

// The role-play persona and mood behind a client line, for the translator.
void roleplay_notes(const Course& course, const TextSite& at, std::string_view lang, std::vector<std::string>& notes) {
  if (!at.node || at.kind != "client line") return;
  for (const auto& m : course.modules) {
    if (m.file != at.file || !m.roleplay) continue;
    notes.push_back("Persona: " + m.roleplay->persona_name.in(lang));
    if (!at.node->mood.empty()) notes.push_back("Mood: " + at.node->mood.in(lang));
  }
}

void add_course_units(const Course& course, const ContentSource& source, std::string_view source_lang,
                      std::string_view target_lang, TranslatableContent& c, std::vector<Diagnostic>& out) {
  for_each_text(course, [&](const TextSite& at, const LocalText&) {
    const ContentFile* f = open_file(source, c, out, at.file);
    if (!f) return;
    const nlohmann::json* object = nullptr;
    try {
      object = &f->json.value.at(nlohmann::json::json_pointer(at.pointer));
    } catch (const nlohmann::json::exception&) {
      return;  // the loader read it, so it is there; nothing to translate otherwise
    }
    const nlohmann::json* src = member(*object, source_lang);
    if (!src || !src->is_string()) return;
    TranslationUnit u;
    u.file = f->name;
    u.pointer = at.pointer;
    u.kind = std::string(at.kind);
    if (at.question) u.notes.push_back("Question " + at.question->id);
    roleplay_notes(course, at, source_lang, u.notes);
    u.source = src->get<std::string>();
    if (const nlohmann::json* t = member(*object, target_lang); t && t->is_string()) u.target = t->get<std::string>();
    c.units.push_back(std::move(u));
  });
}

void add_interface_units(const ContentSource& source, std::string_view source_lang, std::string_view target_lang,
                         TranslatableContent& c, std::vector<Diagnostic>& out) {
  if (!source.read(std::string(kInterfaceFile))) return;  // optional file
  const ContentFile* f = open_file(source, c, out, kInterfaceFile);
  if (!f) return;
  const nlohmann::json* strings = member(f->json.value, "strings");
  if (!strings || !strings->is_object()) {
    out.push_back(problem(f->display, f->json.value_pos("/strings"), "/strings", "no \"strings\" object",
                          "{\"strings\": {\"<id>\": {\"pl\": \"…\", \"en\": \"…\"}}}"));
    return;
  }
  // In the file's order (nlohmann sorts object members): by position.
  std::vector<std::pair<std::size_t, std::string>> ids;
  for (const auto& item : strings->items()) {
    ids.emplace_back(f->json.spans.at(json_pointer_child("/strings", item.key())).begin, item.key());
  }
  std::sort(ids.begin(), ids.end());
  for (const auto& [offset, id] : ids) {
    const std::string pointer = json_pointer_child("/strings", id);
    const nlohmann::json& object = strings->at(id);
    const nlohmann::json* src = member(object, source_lang);
    if (!src || !src->is_string() || src->get_ref<const std::string&>().empty()) {
      out.push_back(problem(f->display, f->json.value_pos(pointer), pointer,
                            "interface string without a \"" + std::string(source_lang) + "\" text",
                            "the string in the source language"));
      continue;
    }
    TranslationUnit u;
    u.file = f->name;
    u.pointer = pointer;
    u.kind = "interface string";
    u.notes.push_back("String " + id + "; {0}, {1}, … are filled in by the program");
    if (const nlohmann::json* n = member(object, "max_length"); n && n->is_number_integer()) u.max_length = n->get<int>();
    u.source = src->get<std::string>();
    if (const nlohmann::json* t = member(object, target_lang); t && t->is_string()) u.target = t->get<std::string>();
    c.units.push_back(std::move(u));
  }
}

}  // namespace

const ContentFile* TranslatableContent::file(std::string_view name) const {
  for (const auto& f : files) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

TranslatableLoad read_translatable(const ContentSource& source, std::string_view source_lang, std::string_view target_lang) {
  TranslatableLoad result;
  LoadResult loaded = load_course(source);
  if (!loaded.ok()) {
    result.diagnostics = std::move(loaded.diagnostics);
    return result;
  }
  TranslatableContent c;
  c.languages = loaded.course.languages;
  c.course_file = loaded.course.course_file;
  if (std::find(c.languages.begin(), c.languages.end(), source_lang) == c.languages.end()) {
    const ContentFile* f = open_file(source, c, result.diagnostics, c.course_file);
    result.diagnostics.push_back(problem(f ? f->display : c.course_file, f ? f->json.value_pos("/languages") : SourcePos{},
                                         "/languages", "source language \"" + std::string(source_lang) + "\" is not a course language",
                                         "one of the languages course.json declares"));
    return result;
  }
  add_course_units(loaded.course, source, source_lang, target_lang, c, result.diagnostics);
  add_interface_units(source, source_lang, target_lang, c, result.diagnostics);
  if (result.diagnostics.empty()) result.content = std::move(c);
  return result;
}

std::vector<std::string> placeholders_in(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t i = text.find('{'); i != std::string_view::npos; i = text.find('{', i + 1)) {
    const std::size_t close = text.find_first_of("{}", i + 1);
    if (close == std::string_view::npos || text[close] != '}' || close == i + 1) continue;
    out.emplace_back(text.substr(i, close - i + 1));
  }
  return out;
}

}  // namespace granice
