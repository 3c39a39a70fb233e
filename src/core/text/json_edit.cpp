#include "core/text/json_edit.h"

#include <algorithm>

namespace granice {

namespace {

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Where the member whose value starts at `value_begin` starts: its key's opening quote.
std::size_t member_key_begin(std::string_view text, std::size_t value_begin) {
  std::size_t i = value_begin;
  while (i > 0 && is_ws(text[i - 1])) --i;
  if (i > 0 && text[i - 1] == ':') --i;
  while (i > 0 && is_ws(text[i - 1])) --i;
  if (i > 0 && text[i - 1] == '"') --i;  // the key's closing quote
  while (i > 0) {
    --i;
    if (text[i] == '"') {
      std::size_t backslashes = 0;
      while (i >= backslashes + 1 && text[i - backslashes - 1] == '\\') ++backslashes;
      if (backslashes % 2 == 0) return i;
    }
  }
  return 0;
}

// The spans of the container's children, in text order.
std::vector<const ValueSpan*> children_in_order(const JsonSource& src, std::string_view pointer, const nlohmann::json& value) {
  std::vector<const ValueSpan*> out;
  if (value.is_object()) {
    for (const auto& item : value.items()) {
      const auto it = src.spans.find(json_pointer_child(pointer, item.key()));
      if (it != src.spans.end()) out.push_back(&it->second);
    }
  } else {
    for (std::size_t i = 0; i < value.size(); ++i) {
      const auto it = src.spans.find(json_pointer_child(pointer, i));
      if (it != src.spans.end()) out.push_back(&it->second);
    }
  }
  std::sort(out.begin(), out.end(), [](const ValueSpan* a, const ValueSpan* b) { return a->begin < b->begin; });
  return out;
}

const nlohmann::json* value_at(const JsonSource& src, std::string_view pointer) {
  try {
    return &src.value.at(nlohmann::json::json_pointer(std::string(pointer)));
  } catch (const nlohmann::json::exception&) {
    return nullptr;
  }
}

}  // namespace

std::string json_string_literal(std::string_view value) { return nlohmann::json(std::string(value)).dump(); }

std::optional<ByteEdit> set_string_member(std::string_view text, const JsonSource& src, std::string_view object_pointer,
                                          std::string_view key, std::string_view value) {
  const nlohmann::json* object = value_at(src, object_pointer);
  if (!object || !object->is_object()) return std::nullopt;
  const std::string literal = json_string_literal(value);
  const auto existing = object->find(std::string(key));
  if (existing != object->end()) {
    if (existing->is_string() && existing->get_ref<const std::string&>() == value) return std::nullopt;
    const auto span = src.spans.find(json_pointer_child(object_pointer, key));
    if (span == src.spans.end()) return std::nullopt;
    return ByteEdit{span->second.begin, span->second.end, literal};
  }
  const auto members = children_in_order(src, object_pointer, *object);
  const std::string key_literal = json_string_literal(key);
  if (members.empty()) {  // "{}" or "{ }": the member goes inside the braces
    const auto span = src.spans.find(std::string(object_pointer));
    const std::size_t at = span->second.begin + 1;
    return ByteEdit{at, at, key_literal + ": " + literal};
  }
  const ValueSpan& last = *members.back();
  const std::size_t last_key = member_key_begin(text, last.begin);
  // How the last member writes `"key": ` after its key, and how members are separated.
  const std::size_t key_end = text.find('"', last_key + 1) + 1;
  const std::string colon(text.substr(key_end, last.begin - key_end));
  std::string separator = ", ";
  if (members.size() > 1) separator.assign(text.substr(members[members.size() - 2]->end, last_key - members[members.size() - 2]->end));
  return ByteEdit{last.end, last.end, separator + key_literal + colon + literal};
}

std::optional<ByteEdit> append_array_value(std::string_view text, const JsonSource& src, std::string_view array_pointer,
                                           std::string_view json_value) {
  const nlohmann::json* array = value_at(src, array_pointer);
  if (!array || !array->is_array()) return std::nullopt;
  const std::string literal(json_value);
  const auto elements = children_in_order(src, array_pointer, *array);
  if (elements.empty()) {
    const std::size_t at = src.spans.find(std::string(array_pointer))->second.begin + 1;
    return ByteEdit{at, at, literal};
  }
  std::string separator = ", ";
  if (elements.size() > 1) {
    const auto* a = elements[elements.size() - 2];
    separator.assign(text.substr(a->end, elements.back()->begin - a->end));
  }
  return ByteEdit{elements.back()->end, elements.back()->end, separator + literal};
}

std::string apply_edits(std::string_view text, std::vector<ByteEdit> edits) {
  std::sort(edits.begin(), edits.end(), [](const ByteEdit& a, const ByteEdit& b) { return a.begin < b.begin; });
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  for (const auto& e : edits) {
    out.append(text.substr(at, e.begin - at));
    out += e.replacement;
    at = e.end;
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace granice
