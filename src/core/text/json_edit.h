// Byte-level edits of a JSON text that leave every other byte as it was (indentation, key order,
// escapes, line ends): what a tool that writes into hand-edited content files must do, so that a
// diff shows only what changed. Positions come from parse_json_source (ValueSpan::begin/end).
//
//   JsonParseResult p = parse_json_source(text);
//   std::vector<ByteEdit> edits;
//   edits.push_back(*set_string_member(text, *p.doc, "/title", "uk", "Межі"));
//   std::string changed = apply_edits(text, edits);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/json_source.h"

namespace granice {

struct ByteEdit {
  std::size_t begin = 0;  // bytes [begin, end) of the original text are replaced
  std::size_t end = 0;
  std::string replacement;
};

// Sets member `key` of the object at `object_pointer` to the string `value`: replaces the value
// when the member exists (nullopt when it already holds `value`, or the pointer is no object),
// otherwise adds the member after the last one, written with the separators the object already
// uses (", " on one line, ",\n" plus the indentation on several).
std::optional<ByteEdit> set_string_member(std::string_view text, const JsonSource& src, std::string_view object_pointer,
                                          std::string_view key, std::string_view value);

// Appends `json_value` (JSON text: a string literal, an object) to the array at `array_pointer`
// (nullopt when it is no array), written with the separator its elements already use.
std::optional<ByteEdit> append_array_value(std::string_view text, const JsonSource& src, std::string_view array_pointer,
                                           std::string_view json_value);

// `text` with the edits made; they must not overlap (any order).
std::string apply_edits(std::string_view text, std::vector<ByteEdit> edits);

// `value` as a JSON string literal, as the content files write them (UTF-8 kept, not \u-escaped).
std::string json_string_literal(std::string_view value);

}  // namespace granice
