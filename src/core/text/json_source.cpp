#include "core/text/json_source.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <utility>

#include "core/text/utf8.h"

namespace granice {

namespace {

// Deeper nesting than any content file needs; stops a hostile file from exhausting the stack.
constexpr int kMaxDepth = 200;

struct ScanFailure {
  JsonSyntaxError error;
};

// [SECTION] Scanner: a validating recursive-descent pass that records positions only.
class Scanner {
 public:
  Scanner(std::string_view text, JsonSource& out) : text_(text), out_(out) {}

  std::optional<JsonSyntaxError> run() {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // UTF-8 byte order mark, invisible in editors
    skip_ws();
    if (!value("", here(), 0)) return error_;
    skip_ws();
    if (pos_ < text_.size()) {
      fail("", found() + " after the end of the document", "nothing after the top-level value");
      return error_;
    }
    return std::nullopt;
  }

 private:
  std::string_view text_;
  JsonSource& out_;
  std::size_t pos_ = 0;
  SourcePos cur_;
  std::optional<JsonSyntaxError> error_;

  SourcePos here() const { return cur_; }
  bool at_end() const { return pos_ >= text_.size(); }
  unsigned char peek() const { return at_end() ? 0 : static_cast<unsigned char>(text_[pos_]); }

  void advance() {
    const auto c = peek();
    ++pos_;
    if (c == '\n') {
      ++cur_.line;
      cur_.col = 1;
    } else if ((c & 0xC0) != 0x80) {  // continuation bytes belong to the previous code point
      ++cur_.col;
    }
  }

  bool fail(std::string_view pointer, std::string message, std::string expected) {
    return fail_at(here(), pointer, std::move(message), std::move(expected));
  }
  bool fail_at(SourcePos at, std::string_view pointer, std::string message, std::string expected) {
    if (!error_) error_ = JsonSyntaxError{at, std::string(pointer), std::move(message), std::move(expected)};
    return false;
  }

  // Names what is at the cursor, for "unexpected ..." messages.
  std::string found() const {
    if (at_end()) return "unexpected end of file";
    const auto c = peek();
    if (c == '"') return "unexpected string";
    if (c == '-' || (c >= '0' && c <= '9')) return "unexpected number";
    if (c == '\'') return "unexpected single quote (JSON strings use double quotes)";
    if (c == '/') return "unexpected '/' (JSON has no comments)";
    if (c >= 0x20 && c < 0x7F) return std::string("unexpected character '") + static_cast<char>(c) + "'";
    static const char* hex = "0123456789ABCDEF";
    return std::string("unexpected byte 0x") + hex[c >> 4] + hex[c & 15];
  }

  void skip_ws() {
    while (!at_end()) {
      const auto c = peek();
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
      advance();
    }
  }

  bool value(const std::string& pointer, SourcePos key_pos, int depth) {
    if (depth > kMaxDepth) return fail(pointer, "nesting too deep", "at most 200 nested arrays or objects");
    const SourcePos start = here();
    ValueSpan& span = out_.spans[pointer] = ValueSpan{key_pos, start, pos_, pos_};  // map nodes stay put
    if (!any_value(pointer, depth)) return false;
    span.end = pos_;
    return true;
  }

  bool any_value(const std::string& pointer, int depth) {
    if (at_end()) return fail(pointer, "unexpected end of file", "a value");
    switch (peek()) {
      case '{': return object(pointer, depth);
      case '[': return array(pointer, depth);
      case '"': return string(pointer, nullptr);
      case 't': return literal(pointer, "true");
      case 'f': return literal(pointer, "false");
      case 'n': return literal(pointer, "null");
      default:
        if (peek() == '-' || (peek() >= '0' && peek() <= '9')) return number(pointer);
        return fail(pointer, found(), "a value (string, number, object, array, true, false or null)");
    }
  }

  bool object(const std::string& pointer, int depth) {
    advance();  // '{'
    skip_ws();
    if (peek() == '}') {
      advance();
      return true;
    }
    std::map<std::string, bool, std::less<>> seen;
    for (;;) {
      if (peek() != '"') return fail(pointer, found(), "a field name in double quotes");
      const SourcePos key_pos = here();
      std::string key;
      if (!string(pointer, &key)) return false;
      const std::string child = json_pointer_child(pointer, key);
      if (!seen.emplace(key, true).second) out_.duplicate_keys.push_back(DuplicateKey{child, key_pos});
      skip_ws();
      if (peek() != ':') return fail(pointer, found(), "':' after the field name");
      advance();
      skip_ws();
      if (!value(child, key_pos, depth + 1)) return false;
      skip_ws();
      if (peek() == '}') {
        advance();
        return true;
      }
      if (peek() != ',') return fail(pointer, found(), "',' or '}' after a field");
      const SourcePos comma = here();
      advance();
      skip_ws();
      if (peek() == '}') return fail_at(comma, pointer, "trailing comma before '}'", "another field after ',', or no ','");
    }
  }

  bool array(const std::string& pointer, int depth) {
    advance();  // '['
    skip_ws();
    if (peek() == ']') {
      advance();
      return true;
    }
    for (std::size_t index = 0;; ++index) {
      const std::string child = json_pointer_child(pointer, index);
      if (!value(child, here(), depth + 1)) return false;
      skip_ws();
      if (peek() == ']') {
        advance();
        return true;
      }
      if (peek() != ',') return fail(pointer, found(), "',' or ']' after an element");
      const SourcePos comma = here();
      advance();
      skip_ws();
      if (peek() == ']') return fail_at(comma, pointer, "trailing comma before ']'", "another element after ',', or no ','");
    }
  }

  bool literal(const std::string& pointer, std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return fail(pointer, found(), "true, false or null");
    for (std::size_t i = 0; i < word.size(); ++i) advance();
    return true;
  }

  bool digits() {
    if (!(peek() >= '0' && peek() <= '9')) return false;
    while (peek() >= '0' && peek() <= '9') advance();
    return true;
  }

  bool number(const std::string& pointer) {
    const char* expected = "a number like 12, -3 or 0.5";
    const SourcePos start = here();
    const std::size_t from = pos_;
    if (peek() == '-') advance();
    if (peek() == '0') {
      advance();
      if (peek() >= '0' && peek() <= '9') return fail(pointer, "number with a leading zero", expected);
    } else if (!digits()) {
      return fail(pointer, "invalid number", expected);
    }
    if (peek() == '.') {
      advance();
      if (!digits()) return fail(pointer, "invalid number", "digits after the decimal point");
    }
    const bool exponent = peek() == 'e' || peek() == 'E';
    if (exponent) {
      advance();
      if (peek() == '+' || peek() == '-') advance();
      if (!digits()) return fail(pointer, "invalid number", "digits in the exponent");
    }
    // nlohmann refuses what a double cannot hold (1e999): say so here, where the number is. Without
    // an exponent that takes over 300 digits.
    if (exponent || pos_ - from > 300) {
      const std::string literal(text_.substr(from, pos_ - from));
      if (!std::isfinite(std::strtod(literal.c_str(), nullptr)))
        return fail_at(start, pointer, "number " + literal.substr(0, 40) + " is too large", "a number below 1.8e308");
    }
    return true;
  }

  bool hex4(const std::string& pointer, std::uint32_t& cp) {
    cp = 0;
    for (int i = 0; i < 4; ++i) {
      const auto c = peek();
      std::uint32_t v = 0;
      if (c >= '0' && c <= '9') v = c - '0';
      else if (c >= 'a' && c <= 'f') v = c - 'a' + 10u;
      else if (c >= 'A' && c <= 'F') v = c - 'A' + 10u;
      else return fail(pointer, "invalid \\u escape", "four hex digits after \\u");
      cp = cp * 16 + v;
      advance();
    }
    return true;
  }

  // One UTF-8 sequence starting at the cursor; JSON text must be valid UTF-8.
  bool utf8_char(const std::string& pointer, std::string* out) {
    const auto c = peek();
    int extra = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) { extra = 1; cp = c & 0x1Fu; }
    else if (c >= 0xE0 && c <= 0xEF) { extra = 2; cp = c & 0x0Fu; }
    else if (c >= 0xF0 && c <= 0xF4) { extra = 3; cp = c & 0x07u; }
    else return fail(pointer, "invalid UTF-8", "text saved as UTF-8");
    const std::size_t begin = pos_;
    const SourcePos start = here();  // report the sequence, not the byte where it broke
    advance();
    for (int i = 0; i < extra; ++i) {
      const auto k = peek();
      if ((k & 0xC0) != 0x80) return fail_at(start, pointer, "invalid UTF-8", "text saved as UTF-8");
      cp = (cp << 6) | (k & 0x3Fu);
      advance();
    }
    const bool overlong = (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return fail_at(start, pointer, "invalid UTF-8", "text saved as UTF-8");
    }
    if (out) out->append(text_.substr(begin, pos_ - begin));
    return true;
  }

  // Reads a string; `out` (when given) receives the decoded text, used for member names.
  bool string(const std::string& pointer, std::string* out) {
    advance();  // opening quote
    for (;;) {
      if (at_end()) return fail(pointer, "unexpected end of file inside a string", "a closing '\"'");
      const auto c = peek();
      if (c == '"') {
        advance();
        return true;
      }
      if (c == '\n') return fail(pointer, "line break inside a string", "a closing '\"' on the same line, or \\n");
      if (c < 0x20) return fail(pointer, "control character inside a string", "an escape such as \\t");
      if (c >= 0x80) {
        if (!utf8_char(pointer, out)) return false;
        continue;
      }
      if (c != '\\') {
        if (out) *out += static_cast<char>(c);
        advance();
        continue;
      }
      advance();  // backslash
      const auto e = peek();
      const char* simple = nullptr;
      switch (e) {
        case '"': simple = "\""; break;
        case '\\': simple = "\\"; break;
        case '/': simple = "/"; break;
        case 'b': simple = "\b"; break;
        case 'f': simple = "\f"; break;
        case 'n': simple = "\n"; break;
        case 'r': simple = "\r"; break;
        case 't': simple = "\t"; break;
        default: break;
      }
      if (simple) {
        if (out) *out += simple;
        advance();
        continue;
      }
      if (e != 'u') return fail(pointer, "invalid escape in a string", "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
      advance();
      std::uint32_t cp = 0;
      if (!hex4(pointer, cp)) return false;
      if (cp >= 0xDC00 && cp <= 0xDFFF) return fail(pointer, "lone low surrogate in \\u escape", "a valid \\u escape pair");
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (peek() != '\\' || text_.substr(pos_ + 1, 1) != "u") {
          return fail(pointer, "unpaired surrogate in \\u escape", "a \\uDC00-\\uDFFF escape after it");
        }
        advance();
        advance();
        std::uint32_t low = 0;
        if (!hex4(pointer, low)) return false;
        if (low < 0xDC00 || low > 0xDFFF) return fail(pointer, "unpaired surrogate in \\u escape", "a \\uDC00-\\uDFFF escape after it");
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      }
      if (out) append_utf8(*out, cp);
    }
  }
};

SourcePos lookup(const JsonSource& src, std::string_view pointer, bool want_key) {
  std::string p(pointer);
  for (;;) {
    auto it = src.spans.find(p);
    if (it != src.spans.end()) return want_key && p == pointer ? it->second.key : it->second.value;
    if (p.empty()) return SourcePos{};
    p.erase(p.rfind('/'));
  }
}

}  // namespace

// [SECTION] Public API
SourcePos JsonSource::value_pos(std::string_view pointer) const { return lookup(*this, pointer, false); }
SourcePos JsonSource::key_pos(std::string_view pointer) const { return lookup(*this, pointer, true); }

std::string json_pointer_child(std::string_view parent, std::string_view key) {
  std::string out(parent);
  out += '/';
  for (const char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string json_pointer_child(std::string_view parent, std::size_t index) {
  std::string out(parent);
  out += '/';
  out += std::to_string(index);
  return out;
}

JsonParseResult parse_json_source(std::string_view text) {
  JsonParseResult result;
  JsonSource doc;
  Scanner scanner(text, doc);
  if (auto error = scanner.run()) {
    result.error = std::move(error);
    return result;
  }
  // The scanner accepted the text, so nlohmann should too; keep a fallback rather than trust it.
  doc.value = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.value.is_discarded()) {
    result.error = JsonSyntaxError{SourcePos{}, "", "invalid JSON", "valid JSON"};
    return result;
  }
  result.doc = std::move(doc);
  return result;
}

JsonParseResult parse_json_value_only(std::string_view text) {
  JsonParseResult result;
  JsonSource doc;
  doc.value = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.value.is_discarded()) return parse_json_source(text);
  result.doc = std::move(doc);
  return result;
}

// [SECTION] Texts parsed ahead
void ParsedTexts::keep(std::string name, std::string text) {
  JsonParseResult parsed = parse_json_source(text);
  kept_.insert_or_assign(std::move(name), Kept{std::move(text), std::move(parsed)});
}

const JsonParseResult* ParsedTexts::find(std::string_view name, std::string_view text) const {
  const auto it = kept_.find(name);
  return it != kept_.end() && it->second.text == text ? &it->second.parsed : nullptr;
}

}  // namespace granice
