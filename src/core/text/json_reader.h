// Typed, diagnostic-collecting access to one content file's JSON: every read names what it
// expected, so a wrong type, a missing field or an unknown (mistyped) field becomes a Diagnostic
// with a position instead of an exception. Internal to the loader.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/content/diagnostic.h"
#include "core/text/json_source.h"
#include "core/content/model.h"

namespace granice::load {

using nlohmann::json;

// One content file being read.
struct DocContext {
  const JsonSource& src;
  std::string file;                             // display name for messages
  std::vector<Diagnostic>& out;
  const std::vector<std::string>& languages;    // course languages; empty = unknown, not checked

  // Reports at the value's position (wrong type, bad value).
  void at_value(std::string_view pointer, std::string message, std::string expected);
  // Reports at the member name's position (unknown field, extra language).
  void at_key(std::string_view pointer, std::string message, std::string expected);
  // Reports at `where`'s value position about `pointer` (a missing field: position of the parent).
  void at_parent(std::string_view where, std::string_view pointer, std::string message, std::string expected);
};

enum class Need { Required, Optional };

// "a string", "an array", ... for "wrong type" messages.
std::string json_kind(const json& j);

// Reads a text in every course language ({"pl": "...", "en": "..."}) at `pointer`.
LocalText read_text(DocContext& ctx, const json& j, const std::string& pointer);

// Reads the members of one JSON object. Every field the caller asks about becomes a known field;
// finish() (or the destructor) reports the rest as unknown, suggesting the closest known name.
class ObjectReader {
 public:
  // Reports "wrong type" when `j` is not an object; valid() is then false and every read is empty.
  ObjectReader(DocContext& ctx, const json& j, std::string pointer);
  ~ObjectReader();
  ObjectReader(const ObjectReader&) = delete;
  ObjectReader& operator=(const ObjectReader&) = delete;

  bool valid() const { return obj_ != nullptr; }
  const std::string& pointer() const { return pointer_; }
  std::string child(std::string_view key) const { return json_pointer_child(pointer_, key); }
  DocContext& ctx() { return ctx_; }

  // The raw member (nullptr when absent; reported when required). No type check.
  const json* get(std::string_view key, Need need, std::string_view expected);
  // The member if present with `ok(member)` true, else nullptr (wrong type reported).
  const json* typed(std::string_view key, Need need, bool (*ok)(const json&), std::string_view expected);

  std::optional<std::string> string(std::string_view key, Need need);          // non-empty string
  std::optional<std::string> id(std::string_view key, Need need);              // ^[A-Za-z0-9_.-]{1,64}$
  std::optional<std::string> one_of(std::string_view key, Need need, const std::vector<std::string>& choices);
  std::optional<int> integer(std::string_view key, Need need, int min, int max, std::string_view expected);
  std::optional<double> number(std::string_view key, Need need);
  std::optional<bool> boolean(std::string_view key, Need need);
  LocalText text(std::string_view key, Need need);
  // An array with at least `min_size` elements; nullptr when absent or not an array.
  const json* array(std::string_view key, Need need, std::size_t min_size, std::string_view expected);
  // Nested object: caller makes an ObjectReader on it. nullptr when absent.
  const json* object(std::string_view key, Need need, std::string_view expected);

  void allow(std::string_view key) { known_.emplace_back(key); }
  // When the object's kind is unknown its fields cannot be judged: skip the unknown-field check.
  void skip_unknown_check() { check_unknown_ = false; }
  void finish();

 private:
  DocContext& ctx_;
  const json* obj_ = nullptr;
  std::string pointer_;
  std::vector<std::string> known_;
  bool check_unknown_ = true;
  bool finished_ = false;
};

// Ids that must be unique within some scope (options of a question, nodes of a role-play, ...).
class IdScope {
 public:
  IdScope(std::string what, std::string scope) : what_(std::move(what)), scope_(std::move(scope)) {}
  // Reports a duplicate at `pointer` (the id value) and returns false.
  bool add(DocContext& ctx, const std::string& id, const std::string& pointer);

 private:
  std::string what_;   // "option"
  std::string scope_;  // "within the question"
  std::map<std::string, SourcePos, std::less<>> seen_;
};

// "pl, en" for messages.
std::string language_list(const std::vector<std::string>& languages);

}  // namespace granice::load
