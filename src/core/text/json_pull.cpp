#include "core/text/json_pull.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <clocale>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <system_error>

#include "core/text/utf8.h"

namespace granice {

namespace {

// The fast number path below relies on IEEE binary64 arithmetic (one correctly rounded
// operation on exact operands gives the correctly rounded result, as strtod does).
static_assert(std::numeric_limits<double>::is_iec559, "IEEE 754 doubles are required");

// Bytes that end the plain run of a string: quote, backslash, control characters, non-ASCII.
constexpr auto kStringStop = [] {
  struct Table {
    bool stop[256] = {};
  } t;
  for (int c = 0; c < 0x20; ++c) t.stop[c] = true;
  for (int c = 0x80; c < 0x100; ++c) t.stop[c] = true;
  t.stop[static_cast<unsigned char>('"')] = true;
  t.stop[static_cast<unsigned char>('\\')] = true;
  return t;
}();

constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
constexpr std::uint64_t kMaxExactInt = std::uint64_t{1} << 53;

bool in(unsigned char c, unsigned lo, unsigned hi) { return c >= lo && c <= hi; }

// Length of the well-formed UTF-8 sequence at s (the byte ranges nlohmann's lexer accepts,
// RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), 0 when there is none.
int utf8_length(const unsigned char* s, const unsigned char* end) {
  const unsigned char c = s[0];
  const auto left = end - s;
  auto tail = [&](int n, unsigned lo, unsigned hi) {
    if (left < n + 1 || !in(s[1], lo, hi)) return false;
    for (int i = 2; i <= n; ++i)
      if (!in(s[i], 0x80, 0xBF)) return false;
    return true;
  };
  if (in(c, 0xC2, 0xDF)) return tail(1, 0x80, 0xBF) ? 2 : 0;
  if (c == 0xE0) return tail(2, 0xA0, 0xBF) ? 3 : 0;
  if (in(c, 0xE1, 0xEC) || c == 0xEE || c == 0xEF) return tail(2, 0x80, 0xBF) ? 3 : 0;
  if (c == 0xED) return tail(2, 0x80, 0x9F) ? 3 : 0;
  if (c == 0xF0) return tail(3, 0x90, 0xBF) ? 4 : 0;
  if (in(c, 0xF1, 0xF3)) return tail(3, 0x80, 0xBF) ? 4 : 0;
  if (c == 0xF4) return tail(3, 0x80, 0x8F) ? 4 : 0;
  return 0;
}

int hex4(const char* s, const char* end) {
  if (end - s < 4) return -1;
  int v = 0;
  for (int i = 0; i < 4; ++i) {
    const char c = s[i];
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return -1;
    v = v * 16 + d;
  }
  return v;
}

bool digit(char c) { return c >= '0' && c <= '9'; }

// The correctly rounded double of the number literal [s, e) (as the strtod nlohmann calls): out
// of range, +-HUGE_VAL when `large`, else +-0 (underflow).
double convert(const char* s, const char* e, bool neg, bool large) {
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
  double v = 0;
  if (std::from_chars(s, e, v).ec == std::errc()) return v;
  v = large ? HUGE_VAL : 0.0;
  return neg ? -v : v;
#else
  // No floating-point from_chars (libc++ before 20, e.g. Emscripten's): strtod, with the
  // locale's decimal point as nlohmann does.
  (void)neg, (void)large;
  std::string copy(s, e);
  const char point = *std::localeconv()->decimal_point;
  std::replace(copy.begin(), copy.end(), '.', point);
  return std::strtod(copy.c_str(), nullptr);
#endif
}

// Eight bytes at a time (records are pretty-printed: long runs of indentation, plain ASCII).
constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHighs = 0x8080808080808080ull;

std::uint64_t load8(const char* s) {
  std::uint64_t w;
  std::memcpy(&w, s, 8);
  return w;
}

// The high bit of the first byte (in memory order) of the eight that ends a plain string run
// (see kStringStop) is the lowest set bit; 0 when none does. Bits above it may be set wrongly
// (borrows), so only the lowest counts.
std::uint64_t stops8(std::uint64_t w) {
  auto zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  const std::uint64_t control = (w - kOnes * 0x20) & ~w & kHighs;  // a byte < 0x20
  return control | (w & kHighs) | zero(w ^ (kOnes * '"')) | zero(w ^ (kOnes * '\\'));
}

// How many of the eight bytes come before the first one flagged in `mask` (high bits, not 0).
int first_flagged(std::uint64_t mask) {
  if constexpr (std::endian::native == std::endian::little) return std::countr_zero(mask) / 8;
  else return std::countl_zero(mask) / 8;
}

}  // namespace

PullReader::PullReader(std::string_view text, int max_depth)
    : begin_(text.data()),
      p_(text.data()),
      end_(text.data() + text.size()),
      max_depth_(max_depth < 1 ? 1 : max_depth > 63 ? 63 : max_depth) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") p_ += 3;  // a UTF-8 BOM, as nlohmann skips it
}

// Pretty-printed records: a newline and a run of spaces, eight bytes at a time.
void PullReader::skip_ws() {
  auto zeros = [](std::uint64_t v) { return ~(((v & ~kHighs) + ~kHighs) | v) & kHighs; };  // exact
  while (p_ != end_) {
    if (end_ - p_ >= 8) {
      const std::uint64_t w = load8(p_);
      const std::uint64_t other = ~(zeros(w ^ (kOnes * ' ')) | zeros(w ^ (kOnes * '\n'))) & kHighs;
      if (other == 0) {
        p_ += 8;
        continue;
      }
      p_ += first_flagged(other);
      if (*p_ != '\r' && *p_ != '\t') return;
    } else if (*p_ != ' ' && *p_ != '\n' && *p_ != '\r' && *p_ != '\t') {
      return;
    }
    ++p_;
  }
}

bool PullReader::open(char c) {
  if (!ok_) return false;
  ws();
  if (p_ == end_ || *p_ != c) return fail();
  if (depth_ >= max_depth_) {
    too_deep_ = true;
    return fail();
  }
  ++p_;
  ++depth_;
  first_ |= std::uint64_t{1} << depth_;
  return true;
}

bool PullReader::begin_object() { return open('{'); }
bool PullReader::begin_array() { return open('['); }

// Shared by next_key() and next_item(): consumes the container's closing bracket (false, and
// ok() stays true) or, before every member but the first, the separating comma (true).
bool PullReader::next_member(char close) {
  if (!ok_) return false;
  ws();
  if (p_ == end_) return fail();
  const std::uint64_t bit = std::uint64_t{1} << depth_;
  if (*p_ == close) {
    ++p_;
    --depth_;
    return false;
  }
  if (!(first_ & bit)) {
    if (*p_ != ',') return fail();
    ++p_;
  }
  first_ &= ~bit;
  return true;
}

bool PullReader::next_key(std::string_view& key) {
  if (!next_member('}')) return false;
  ws();
  if (!scan_string(key, key_scratch_)) return false;
  ws();
  if (p_ == end_ || *p_ != ':') return fail();
  ++p_;
  ws();  // so that the value's reader finds it right away
  return true;
}

// The value reader fails on ']'.
bool PullReader::next_item() {
  if (!next_member(']')) return false;
  ws();
  return true;
}

bool PullReader::scan_string(std::string_view& out, std::string& scratch) {
  if (p_ == end_ || *p_ != '"') return fail();
  const char* s = ++p_;
  const char* run = s;  // start of the bytes not yet copied to scratch
  bool copied = false;
  for (;;) {
    while (end_ - s >= 8) {
      const std::uint64_t stop = stops8(load8(s));
      if (stop) {
        s += first_flagged(stop);
        break;
      }
      s += 8;
    }
    while (s != end_ && !kStringStop.stop[static_cast<unsigned char>(*s)]) ++s;  // the last few bytes
    if (s == end_) return fail();
    const unsigned char c = static_cast<unsigned char>(*s);
    if (c == '"') {
      if (copied) {
        scratch.append(run, s);
        out = scratch;
      } else {
        out = std::string_view(run, static_cast<std::size_t>(s - run));
      }
      p_ = s + 1;
      return true;
    }
    if (c >= 0x80) {
      const int n = utf8_length(reinterpret_cast<const unsigned char*>(s), reinterpret_cast<const unsigned char*>(end_));
      if (n == 0) return fail();
      s += n;
      continue;
    }
    if (c != '\\') return fail();  // a raw control character
    if (!copied) {
      scratch.clear();
      copied = true;
    }
    scratch.append(run, s);
    if (end_ - s < 2) return fail();
    const char e = s[1];
    s += 2;
    switch (e) {
      case '"': scratch += '"'; break;
      case '\\': scratch += '\\'; break;
      case '/': scratch += '/'; break;
      case 'b': scratch += '\b'; break;
      case 'f': scratch += '\f'; break;
      case 'n': scratch += '\n'; break;
      case 'r': scratch += '\r'; break;
      case 't': scratch += '\t'; break;
      case 'u': {
        const int hi = hex4(s, end_);
        if (hi < 0) return fail();
        s += 4;
        unsigned cp = static_cast<unsigned>(hi);
        if (hi >= 0xD800 && hi <= 0xDBFF) {
          if (end_ - s < 2 || s[0] != '\\' || s[1] != 'u') return fail();
          const int lo = hex4(s + 2, end_);
          if (lo < 0xDC00 || lo > 0xDFFF) return fail();
          s += 6;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<unsigned>(lo) - 0xDC00);
        } else if (hi >= 0xDC00 && hi <= 0xDFFF) {
          return fail();
        }
        append_utf8(scratch, cp);
        break;
      }
      default: return fail();
    }
    run = s;
  }
}

bool PullReader::scan_number(Num& n) {
  const char* start = p_;
  const char* s = p_;
  if (s != end_ && *s == '-') {
    n.neg = true;
    ++s;
  }
  if (s == end_ || !digit(*s)) return fail();
  auto take = [&](char c, bool fraction) {
    if (n.mantissa == 0 && c == '0') {  // leading zeros are not significant
      if (fraction) --n.exp10;
      return;
    }
    if (n.digits == 19) {  // later digits are dropped
      n.exact = false;
      if (!fraction) ++n.exp10;
      return;
    }
    ++n.digits;
    n.mantissa = n.mantissa * 10 + static_cast<std::uint64_t>(c - '0');
    if (fraction) --n.exp10;
  };
  if (*s == '0') {
    ++s;
  } else {
    while (s != end_ && digit(*s)) take(*s++, false);
  }
  if (s != end_ && *s == '.') {
    n.is_int = false;
    ++s;
    if (s == end_ || !digit(*s)) return fail();
    while (s != end_ && digit(*s)) take(*s++, true);
  }
  if (s != end_ && (*s == 'e' || *s == 'E')) {
    n.is_int = false;
    ++s;
    bool eneg = false;
    if (s != end_ && (*s == '+' || *s == '-')) eneg = *s++ == '-';
    if (s == end_ || !digit(*s)) return fail();
    int e = 0;
    while (s != end_ && digit(*s)) e = std::min(e * 10 + (*s++ - '0'), 1000000);  // saturates: 0 or overflow
    n.exp10 += eneg ? -e : e;
  }
  // nlohmann refuses a number that overflows a double (even in a member nobody reads). The
  // value is below 10^(digits + exp10): below 10^308 it cannot overflow, from 10^309 it does,
  // in between the conversion decides.
  if (n.mantissa != 0 && n.digits + n.exp10 > 308) {
    if (n.digits + n.exp10 > 309 || !std::isfinite(convert(start, s, n.neg, true))) return fail();
  }
  p_ = s;
  return true;
}

bool PullReader::number(Number& out) {
  if (!ok_) return false;
  ws();
  const char* start = p_;
  Num n;
  if (!scan_number(n)) return false;
  out = Number{};
  if (n.is_int && n.exact && n.mantissa <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    // nlohmann stores it as an integer and converts: "-0" reads as +0.0.
    out.is_integer = true;
    out.integer = n.neg ? -static_cast<std::int64_t>(n.mantissa) : static_cast<std::int64_t>(n.mantissa);
    out.value = static_cast<double>(out.integer);
  } else if (n.mantissa == 0) {
    out.value = n.neg ? -0.0 : 0.0;
  } else if (n.exact && n.mantissa <= kMaxExactInt && n.exp10 >= -22 && n.exp10 <= 22) {
    // Clinger's fast path: an exact mantissa and an exact power of ten, one rounding.
    const double v = n.exp10 < 0 ? static_cast<double>(n.mantissa) / kPow10[-n.exp10]
                                 : static_cast<double>(n.mantissa) * kPow10[n.exp10];
    out.value = n.neg ? -v : v;
  } else {
    out.value = convert(start, p_, n.neg, n.digits + n.exp10 > 0);  // finite: scan_number checked
  }
  return true;
}

bool PullReader::literal(std::string_view word) {
  if (static_cast<std::size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) return fail();
  p_ += word.size();
  return true;
}

bool PullReader::string(std::string_view& out) {
  if (!ok_) return false;
  ws();
  return scan_string(out, str_scratch_);
}

bool PullReader::boolean(bool& out) {
  if (!ok_) return false;
  ws();
  out = p_ != end_ && *p_ == 't';
  return literal(out ? "true" : "false");
}

bool PullReader::null() {
  if (!ok_) return false;
  ws();
  if (p_ == end_ || *p_ != 'n') return false;
  return literal("null");
}

bool PullReader::skip() { return ok_ && skip_value(); }

// Recursion is bounded: open() refuses to nest deeper than max_depth_.
bool PullReader::skip_value() {
  ws();
  if (p_ == end_) return fail();
  switch (*p_) {
    case '{': {
      if (!begin_object()) return false;
      std::string_view k;
      while (next_key(k))
        if (!skip_value()) return false;
      return ok_;
    }
    case '[': {
      if (!begin_array()) return false;
      while (next_item())
        if (!skip_value()) return false;
      return ok_;
    }
    case '"': {
      std::string_view v;
      return scan_string(v, str_scratch_);
    }
    case 't': return literal("true");
    case 'f': return literal("false");
    case 'n': return literal("null");
    default: {
      Num n;
      return scan_number(n);
    }
  }
}

bool PullReader::finish() {
  if (!ok_ || depth_ != 0) return fail();
  ws();
  return p_ == end_ || fail();
}

}  // namespace granice
