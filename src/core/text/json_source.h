// JSON text -> nlohmann value plus where every value sits in the text, so content errors can be
// reported as file:line:col. nlohmann's parser does not expose positions, hence our own scanner.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace granice {

// 1-based; columns count Unicode code points (what editors show), a tab counts as one.
struct SourcePos {
  int line = 1;
  int col = 1;
};

// Where one value sits: `key` is its member name (equal to `value` for array elements and the root).
// `begin`/`end`: the value's bytes in the text (for byte-level edits that keep everything else).
struct ValueSpan {
  SourcePos key;
  SourcePos value;
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct JsonSyntaxError {
  SourcePos pos;
  std::string pointer;   // the innermost value being read when the error was found
  std::string message;   // what is wrong
  std::string expected;  // what was expected there
};

struct DuplicateKey {
  std::string pointer;   // pointer of the member that appears more than once
  SourcePos pos;         // its second (or later) key
};

struct JsonSource {
  nlohmann::json value;
  std::map<std::string, ValueSpan, std::less<>> spans;  // JSON pointer -> position
  std::vector<DuplicateKey> duplicate_keys;            // nlohmann keeps the last one silently

  // Position of the value at `pointer`, or of its nearest recorded ancestor (1:1 at worst).
  SourcePos value_pos(std::string_view pointer) const;
  // Position of the member name at `pointer` (the value position for array elements).
  SourcePos key_pos(std::string_view pointer) const;
};

struct JsonParseResult {
  std::optional<JsonSource> doc;       // set when the text is valid JSON
  std::optional<JsonSyntaxError> error;  // set otherwise
};

// Never throws.
JsonParseResult parse_json_source(std::string_view text);
// The value alone (nlohmann's parser: no positions, no duplicate-key check), for text already
// checked (a language pack this build made, ContentSource::checked_pack); 2.5x quicker. Text it
// refuses goes through parse_json_source, so a syntax error is still placed. Never throws.
JsonParseResult parse_json_value_only(std::string_view text);

// Texts parsed ahead, by name, for repeated loads in which most files do not change (the loader
// fuzz target keeps its fixed files here; ContentSource::parsed). A lookup never parses: it returns
// the kept parse only when the text is the kept text, byte for byte.
class ParsedTexts {
 public:
  void keep(std::string name, std::string text);
  const JsonParseResult* find(std::string_view name, std::string_view text) const;

 private:
  struct Kept {
    std::string text;
    JsonParseResult parsed;
  };
  std::map<std::string, Kept, std::less<>> kept_;
};

// RFC 6901 pointers: "" is the root, "/a/0" is member a's first element.
std::string json_pointer_child(std::string_view parent, std::string_view key);
std::string json_pointer_child(std::string_view parent, std::size_t index);

}  // namespace granice
