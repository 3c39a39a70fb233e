// A strict, allocation-light JSON pull reader for hot paths (the fast record reader): the
// caller walks the text value by value, nothing is built that it does not ask for.
//
//   PullReader r(text);
//   if (!r.begin_object()) return std::nullopt;
//   std::string_view key;
//   while (r.next_key(key)) {
//     if (key == "id") { if (!r.string(id)) return std::nullopt; }
//     else if (!r.skip()) return std::nullopt;        // skipped values are still fully checked
//   }
//   if (!r.ok() || !r.finish()) return std::nullopt;
//
// It accepts a subset of what nlohmann::json::parse accepts (RFC 8259: UTF-8 checked exactly
// as nlohmann does, surrogate pairs, no comments, nothing after the value), and reads numbers
// to the same doubles (correctly rounded, as strtod); anything it is unsure about (a leading
// BOM, a number near the ends of the double range, more than 19 digits in an integer, 17-digit
// decimals where the standard library has no floating-point from_chars) fails, so a caller
// that falls back to nlohmann on failure loses nothing.
// After the first failure every call returns false.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace granice {

class PullReader {
 public:
  explicit PullReader(std::string_view text, int max_depth = 32);

  bool ok() const { return ok_; }
  bool too_deep() const { return too_deep_; }                   // failed by nesting deeper than max_depth
  std::size_t offset() const { return static_cast<std::size_t>(p_ - begin_); }  // where it is (or failed)

  // What the next value is, without reading it (None: the text ends or no value starts here).
  enum class Kind { None, Object, Array, String, Number, Bool, Null };
  Kind peek();

  // Objects: begin_object(), then next_key() until it returns false (at '}' or on failure: see
  // ok()); every true next_key() must be followed by reading or skipping exactly one value.
  bool begin_object();
  bool next_key(std::string_view& key);  // view valid until the next next_key()
  // Arrays: begin_array(), then next_item() (true: one value follows) until it returns false.
  bool begin_array();
  bool next_item();

  // A number literal: `value` is the double nlohmann reads (an integer literal converted, "-0"
  // as +0.0; underflow as 0); `is_integer` when it has no fraction or exponent and fits in
  // int64, `integer` then holding it.
  struct Number {
    double value = 0;
    std::int64_t integer = 0;
    bool is_integer = false;
  };

  // Values. string(): the view is valid until the next string() call.
  bool string(std::string_view& out);
  bool number(Number& out);
  bool boolean(bool& out);
  bool null();                      // consumes `null` when it comes next; false (still ok) otherwise
  bool skip();                      // any value, checked
  bool finish();                    // only whitespace left

 private:
  struct Num {
    bool neg = false;
    bool is_int = true;
    bool exact = true;           // false: more than 19 significant digits, the rest dropped
    std::uint64_t mantissa = 0;  // the first 19 significant digits at most
    int digits = 0;              // in the mantissa
    int exp10 = 0;               // value = mantissa * 10^exp10 (exactly when `exact`)
  };

  bool fail() { return ok_ = false; }
  void ws() {  // inline for none or one space (the usual cases in a record)
    if (p_ != end_ && static_cast<unsigned char>(*p_) > ' ') return;
    if (end_ - p_ >= 2 && *p_ == ' ' && static_cast<unsigned char>(p_[1]) > ' ') {
      ++p_;
      return;
    }
    skip_ws();
  }
  void skip_ws();
  bool open(char c);
  bool next_member(char close);
  bool scan_string(std::string_view& out, std::string& scratch);
  bool scan_number(Num& n);
  bool literal(std::string_view word);
  bool skip_value();

  const char* begin_;
  const char* p_;
  const char* end_;
  bool ok_ = true;
  bool too_deep_ = false;
  int depth_ = 0;
  int max_depth_;
  std::uint64_t first_ = 0;  // bit d: the container at depth d has no member yet
  std::string key_scratch_, str_scratch_;
};

// What a value starting with each byte is.
inline constexpr struct PullKinds {
  PullReader::Kind of[256] = {};
  constexpr PullKinds() {
    using K = PullReader::Kind;
    of[static_cast<unsigned char>('{')] = K::Object;
    of[static_cast<unsigned char>('[')] = K::Array;
    of[static_cast<unsigned char>('"')] = K::String;
    of[static_cast<unsigned char>('t')] = of[static_cast<unsigned char>('f')] = K::Bool;
    of[static_cast<unsigned char>('n')] = K::Null;
    of[static_cast<unsigned char>('-')] = K::Number;
    for (char c = '0'; c <= '9'; ++c) of[static_cast<unsigned char>(c)] = K::Number;
  }
} kPullKinds{};

inline PullReader::Kind PullReader::peek() {
  if (!ok_) return Kind::None;
  ws();
  return p_ == end_ ? Kind::None : kPullKinds.of[static_cast<unsigned char>(*p_)];
}

}  // namespace granice
