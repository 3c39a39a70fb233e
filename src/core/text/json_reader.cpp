#include "core/text/json_reader.h"

#include <algorithm>
#include <cstdint>

#include "core/text/text_match.h"

namespace granice::load {

namespace {

constexpr const char* kIdExpected = "an id of letters, digits, '-', '_' or '.' (at most 64)";

bool is_string(const json& j) { return j.is_string(); }
bool is_array(const json& j) { return j.is_array(); }
bool is_object(const json& j) { return j.is_object(); }
bool is_bool(const json& j) { return j.is_boolean(); }
bool is_number(const json& j) { return j.is_number(); }

bool is_blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::string text_expected(const std::vector<std::string>& languages) {
  if (languages.empty()) return "a text per language, {\"pl\": \"…\"}";
  std::string out = "a text per language, {";
  for (std::size_t i = 0; i < languages.size(); ++i) out += (i ? ", \"" : "\"") + languages[i] + "\": \"…\"";
  return out + "}";
}

}  // namespace

// [SECTION] DocContext
void DocContext::at_value(std::string_view pointer, std::string message, std::string expected) {
  const SourcePos p = src.value_pos(pointer);
  out.push_back(Diagnostic{file, p.line, p.col, std::string(pointer), std::move(message), std::move(expected)});
}

void DocContext::at_key(std::string_view pointer, std::string message, std::string expected) {
  const SourcePos p = src.key_pos(pointer);
  out.push_back(Diagnostic{file, p.line, p.col, std::string(pointer), std::move(message), std::move(expected)});
}

void DocContext::at_parent(std::string_view where, std::string_view pointer, std::string message,
                           std::string expected) {
  const SourcePos p = src.value_pos(where);
  out.push_back(Diagnostic{file, p.line, p.col, std::string(pointer), std::move(message), std::move(expected)});
}

std::string json_kind(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::string: return "a string";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "a whole number";
    case json::value_t::number_float: return "a decimal number";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    default: return "an unexpected value";
  }
}

std::string language_list(const std::vector<std::string>& languages) {
  std::string out;
  for (const auto& l : languages) out += (out.empty() ? "" : ", ") + l;
  return out;
}

// [SECTION] Texts
LocalText read_text(DocContext& ctx, const json& j, const std::string& pointer) {
  LocalText text;
  if (!j.is_object()) {
    ctx.at_value(pointer, "wrong type: " + json_kind(j), text_expected(ctx.languages));
    return text;
  }
  const bool check_languages = !ctx.languages.empty();
  for (const auto& [lang, value] : j.items()) {
    const std::string child = json_pointer_child(pointer, lang);
    if (check_languages && std::find(ctx.languages.begin(), ctx.languages.end(), lang) == ctx.languages.end()) {
      ctx.at_key(child, "language \"" + lang + "\" is not a course language",
                 "only the course languages: " + language_list(ctx.languages));
      continue;
    }
    if (!value.is_string()) {
      ctx.at_value(child, "wrong type: " + json_kind(value), "the \"" + lang + "\" text as a string");
      continue;
    }
    const auto& s = value.get_ref<const std::string&>();
    if (is_blank(s)) {
      ctx.at_value(child, "empty translation \"" + lang + "\"", "the text in \"" + lang + "\"");
      continue;
    }
    text.tr.emplace(lang, s);
  }
  for (const auto& lang : ctx.languages) {
    if (!j.contains(lang)) {
      ctx.at_parent(pointer, json_pointer_child(pointer, lang), "missing translation \"" + lang + "\"",
                    "a text in every course language: " + language_list(ctx.languages));
    }
  }
  return text;
}

// [SECTION] ObjectReader
ObjectReader::ObjectReader(DocContext& ctx, const json& j, std::string pointer)
    : ctx_(ctx), pointer_(std::move(pointer)) {
  if (j.is_object()) {
    obj_ = &j;
  } else {
    ctx_.at_value(pointer_, "wrong type: " + json_kind(j), "an object {…}");
  }
}

ObjectReader::~ObjectReader() { finish(); }

void ObjectReader::finish() {
  if (finished_ || !obj_) return;
  finished_ = true;
  if (!check_unknown_) return;
  for (const auto& item : obj_->items()) {
    const std::string& key = item.key();
    if (std::find(known_.begin(), known_.end(), key) != known_.end()) continue;
    std::vector<std::string> candidates;
    for (const auto& k : known_) {
      if (k != "$schema" && std::find(candidates.begin(), candidates.end(), k) == candidates.end()) {
        candidates.push_back(k);
      }
    }
    const std::string guess = closest_match(key, candidates);
    ctx_.at_key(child(key), "unknown field \"" + key + "\"",
                guess.empty() ? "one of " + quoted_list(candidates) : "did you mean \"" + guess + "\"?");
  }
}

const json* ObjectReader::get(std::string_view key, Need need, std::string_view expected) {
  allow(key);
  if (!obj_) return nullptr;
  auto it = obj_->find(key);
  if (it == obj_->end()) {
    if (need == Need::Required) {
      ctx_.at_parent(pointer_, child(key), "missing field \"" + std::string(key) + "\"", std::string(expected));
    }
    return nullptr;
  }
  return &*it;
}

const json* ObjectReader::typed(std::string_view key, Need need, bool (*ok)(const json&), std::string_view expected) {
  const json* j = get(key, need, expected);
  if (!j) return nullptr;
  if (!ok(*j)) {
    ctx_.at_value(child(key), "wrong type: " + json_kind(*j), std::string(expected));
    return nullptr;
  }
  return j;
}

std::optional<std::string> ObjectReader::string(std::string_view key, Need need) {
  const json* j = typed(key, need, is_string, "a string");
  if (!j) return std::nullopt;
  const auto& s = j->get_ref<const std::string&>();
  if (is_blank(s)) {
    ctx_.at_value(child(key), "empty value", "a non-empty string");
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> ObjectReader::id(std::string_view key, Need need) {
  const json* j = typed(key, need, is_string, kIdExpected);
  if (!j) return std::nullopt;
  const auto& s = j->get_ref<const std::string&>();
  if (!is_valid_id(s)) {
    ctx_.at_value(child(key), "invalid id \"" + s + "\"", kIdExpected);
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> ObjectReader::one_of(std::string_view key, Need need,
                                                const std::vector<std::string>& choices) {
  const std::string expected = "one of " + quoted_list(choices);
  const json* j = typed(key, need, is_string, expected);
  if (!j) return std::nullopt;
  const auto& s = j->get_ref<const std::string&>();
  if (std::find(choices.begin(), choices.end(), s) == choices.end()) {
    ctx_.at_value(child(key), "unknown value \"" + s + "\"", expected);
    return std::nullopt;
  }
  return s;
}

std::optional<int> ObjectReader::integer(std::string_view key, Need need, int min, int max,
                                         std::string_view expected) {
  const json* j = get(key, need, expected);
  if (!j) return std::nullopt;
  if (!j->is_number_integer()) {
    ctx_.at_value(child(key), "wrong type: " + json_kind(*j), std::string(expected));
    return std::nullopt;
  }
  // Compare in 64 bits: a huge number must read as out of range, not wrap around.
  const bool too_big = j->is_number_unsigned() && j->get<std::uint64_t>() > static_cast<std::uint64_t>(max);
  const std::int64_t v = too_big ? std::int64_t{max} + 1 : j->get<std::int64_t>();
  if (too_big || v < min || v > max) {
    ctx_.at_value(child(key), "value " + j->dump() + " is out of range", std::string(expected));
    return std::nullopt;
  }
  return static_cast<int>(v);
}

std::optional<double> ObjectReader::number(std::string_view key, Need need) {
  const json* j = typed(key, need, is_number, "a number");
  if (!j) return std::nullopt;
  return j->get<double>();
}

std::optional<bool> ObjectReader::boolean(std::string_view key, Need need) {
  const json* j = typed(key, need, is_bool, "true or false");
  if (!j) return std::nullopt;
  return j->get<bool>();
}

LocalText ObjectReader::text(std::string_view key, Need need) {
  // What a text looks like is spelled out only when one is missing (texts are most of the reads).
  const json* j = get(key, Need::Optional, "");
  if (!j) {
    if (need == Need::Required) (void)get(key, need, text_expected(ctx_.languages));
    return {};
  }
  return read_text(ctx_, *j, child(key));
}

const json* ObjectReader::array(std::string_view key, Need need, std::size_t min_size, std::string_view expected) {
  const json* j = typed(key, need, is_array, expected);
  if (!j) return nullptr;
  if (j->size() < min_size) {
    const std::string count = j->empty() ? "empty array"
                              : "only " + std::to_string(j->size()) + (j->size() == 1 ? " element" : " elements");
    ctx_.at_value(child(key), count, std::string(expected));
  }
  return j;
}

const json* ObjectReader::object(std::string_view key, Need need, std::string_view expected) {
  return typed(key, need, is_object, expected);
}

// [SECTION] IdScope
bool IdScope::add(DocContext& ctx, const std::string& id, const std::string& pointer) {
  const SourcePos here = ctx.src.value_pos(pointer);
  auto [it, inserted] = seen_.emplace(id, here);
  if (inserted) return true;
  ctx.at_value(pointer, "duplicate " + what_ + " id \"" + id + "\", already used at line " + std::to_string(it->second.line),
               "an id unique " + scope_);
  return false;
}

}  // namespace granice::load
