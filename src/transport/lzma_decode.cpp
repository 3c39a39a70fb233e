#include "transport/lzma_decode.h"

namespace granice::lzma {
namespace {

constexpr unsigned kNumStates = 12;
constexpr unsigned kEndPosModelIndex = 14;
constexpr unsigned kNumFullDistances = 128;
constexpr unsigned kMatchMinLen = 2;
constexpr std::uint32_t kTopValue = 1u << 24;

// Offsets of each model in the one scratch array of probabilities.
struct LengthModel {
  std::size_t choice, choice2, low, mid, high;
};
struct Layout {
  std::size_t is_match, is_rep, is_rep_g0, is_rep_g1, is_rep_g2, is_rep0_long, pos_slot, pos_special, align;
  LengthModel len, rep_len;
  std::size_t literal, total;
};

Layout layout_for(const Header& h) {
  Layout l{};
  std::size_t next = 0;
  auto alloc = [&next](std::size_t n) { const std::size_t at = next; next += n; return at; };
  l.is_match = alloc(kNumStates << 4);
  l.is_rep = alloc(kNumStates);
  l.is_rep_g0 = alloc(kNumStates);
  l.is_rep_g1 = alloc(kNumStates);
  l.is_rep_g2 = alloc(kNumStates);
  l.is_rep0_long = alloc(kNumStates << 4);
  l.pos_slot = alloc(4 << 6);
  l.pos_special = alloc(1 + kNumFullDistances - kEndPosModelIndex);
  l.align = alloc(1 << 4);
  auto length_model = [&alloc] {
    LengthModel m{};
    m.choice = alloc(1);
    m.choice2 = alloc(1);
    m.low = alloc(16 << 3);
    m.mid = alloc(16 << 3);
    m.high = alloc(256);
    return m;
  };
  l.len = length_model();
  l.rep_len = length_model();
  l.literal = alloc(std::size_t{0x300} << (h.lc + h.lp));
  l.total = next;
  return l;
}

// The range decoder with the adaptive bit models. Reading past the input yields zeros and sets
// `overrun`, which the caller turns into `truncated`.
class RangeDecoder {
 public:
  RangeDecoder(const std::uint8_t* in, std::size_t size, std::uint16_t* p) : in_(in), end_(in + size), p_(p) {}

  bool start() {
    if (next_byte() != 0) return false;
    for (int i = 0; i < 4; ++i) code_ = (code_ << 8) | next_byte();
    return code_ != range_;
  }
  bool overrun() const { return overrun_; }

  unsigned bit(std::size_t i) {
    const std::uint32_t prob = p_[i];
    const std::uint32_t bound = (range_ >> 11) * prob;
    unsigned b;
    if (code_ < bound) {
      p_[i] = static_cast<std::uint16_t>(prob + ((2048 - prob) >> 5));
      range_ = bound;
      b = 0;
    } else {
      p_[i] = static_cast<std::uint16_t>(prob - (prob >> 5));
      code_ -= bound;
      range_ -= bound;
      b = 1;
    }
    normalize();
    return b;
  }
  std::uint32_t direct(unsigned num_bits) {
    std::uint32_t res = 0;
    for (; num_bits > 0; --num_bits) {
      range_ >>= 1;
      unsigned b = 0;
      if (code_ >= range_) {
        code_ -= range_;
        b = 1;
      }
      normalize();
      res = (res << 1) | b;
    }
    return res;
  }
  unsigned tree(std::size_t base, unsigned num_bits) {
    unsigned m = 1;
    for (unsigned i = 0; i < num_bits; ++i) m = (m << 1) + bit(base + m);
    return m - (1u << num_bits);
  }
  unsigned reverse_tree(std::size_t base, unsigned num_bits) {
    unsigned m = 1, sym = 0;
    for (unsigned i = 0; i < num_bits; ++i) {
      const unsigned b = bit(base + m);
      m = (m << 1) + b;
      sym |= b << i;
    }
    return sym;
  }

 private:
  std::uint32_t next_byte() {
    if (in_ == end_) {
      overrun_ = true;
      return 0;
    }
    return *in_++;
  }
  void normalize() {
    if (range_ < kTopValue) {
      range_ <<= 8;
      code_ = (code_ << 8) | next_byte();
    }
  }

  const std::uint8_t* in_;
  const std::uint8_t* end_;
  std::uint16_t* p_;
  std::uint32_t range_ = 0xFFFFFFFFu;
  std::uint32_t code_ = 0;
  bool overrun_ = false;
};

unsigned decode_length(RangeDecoder& rc, const LengthModel& m, unsigned pos_state) {
  if (rc.bit(m.choice) == 0) return rc.tree(m.low + (pos_state << 3), 3);
  if (rc.bit(m.choice2) == 0) return 8 + rc.tree(m.mid + (pos_state << 3), 3);
  return 16 + rc.tree(m.high, 8);
}

std::uint32_t decode_distance(RangeDecoder& rc, const Layout& l, unsigned len) {
  const unsigned len_state = len > 3 ? 3 : len;
  const unsigned pos_slot = rc.tree(l.pos_slot + (len_state << 6), 6);
  if (pos_slot < 4) return pos_slot;
  const unsigned num_direct_bits = (pos_slot >> 1) - 1;
  std::uint32_t dist = (2u | (pos_slot & 1u)) << num_direct_bits;
  if (pos_slot < kEndPosModelIndex) return dist + rc.reverse_tree(l.pos_special + dist - pos_slot, num_direct_bits);
  return dist + (rc.direct(num_direct_bits - 4) << 4) + rc.reverse_tree(l.align, 4);
}

}  // namespace

Status read_header(const std::uint8_t* in, std::size_t in_size, Header& h) {
  if (in_size < kHeaderSize) return Status::bad_header;
  unsigned props = in[0];
  if (props >= 9 * 5 * 5) return Status::bad_header;
  h.lc = props % 9;
  props /= 9;
  h.lp = props % 5;
  h.pb = props / 5;
  h.dict_size = static_cast<std::uint32_t>(in[1]) | (static_cast<std::uint32_t>(in[2]) << 8) |
                (static_cast<std::uint32_t>(in[3]) << 16) | (static_cast<std::uint32_t>(in[4]) << 24);
  bool unknown = true;
  h.size = 0;
  for (int i = 7; i >= 0; --i) {
    if (in[5 + i] != 0xFF) unknown = false;
    h.size = (h.size << 8) | in[5 + i];
  }
  return unknown ? Status::unknown_size : Status::ok;
}

std::size_t scratch_slots(const Header& header) { return layout_for(header).total; }

Status decode(const std::uint8_t* in, std::size_t in_size, std::uint8_t* out, std::size_t out_size,
              std::uint16_t* scratch) {
  Header h;
  if (const Status s = read_header(in, in_size, h); s != Status::ok) return s;
  if (h.size != out_size) return Status::wrong_size;
  const Layout l = layout_for(h);
  for (std::size_t i = 0; i < l.total; ++i) scratch[i] = 1024;
  RangeDecoder rc(in + kHeaderSize, in_size - kHeaderSize, scratch);
  if (!rc.start()) return rc.overrun() ? Status::truncated : Status::bad_start;

  const std::size_t pb_mask = (std::size_t{1} << h.pb) - 1, lp_mask = (std::size_t{1} << h.lp) - 1;
  std::size_t pos = 0;
  unsigned state = 0;
  std::uint32_t rep0 = 0, rep1 = 0, rep2 = 0, rep3 = 0;
  while (pos < out_size) {
    if (rc.overrun()) return Status::truncated;
    const unsigned pos_state = static_cast<unsigned>(pos & pb_mask);
    if (rc.bit(l.is_match + (state << 4) + pos_state) == 0) {
      const unsigned prev = pos > 0 ? out[pos - 1] : 0;
      const std::size_t base = l.literal + 0x300 * (((pos & lp_mask) << h.lc) + (prev >> (8 - h.lc)));
      unsigned symbol = 1;
      if (state >= 7) {
        unsigned match_byte = out[pos - rep0 - 1];
        do {
          const unsigned match_bit = (match_byte >> 7) & 1;
          match_byte <<= 1;
          const unsigned b = rc.bit(base + ((1 + match_bit) << 8) + symbol);
          symbol = (symbol << 1) | b;
          if (match_bit != b) break;
        } while (symbol < 0x100);
      }
      while (symbol < 0x100) symbol = (symbol << 1) | rc.bit(base + symbol);
      out[pos++] = static_cast<std::uint8_t>(symbol - 0x100);
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    unsigned len;
    if (rc.bit(l.is_rep + state) != 0) {
      if (pos == 0) return Status::bad_match;
      if (rc.bit(l.is_rep_g0 + state) == 0) {
        if (rc.bit(l.is_rep0_long + (state << 4) + pos_state) == 0) {
          state = state < 7 ? 9 : 11;
          out[pos] = out[pos - rep0 - 1];
          ++pos;
          continue;
        }
      } else {
        std::uint32_t dist;
        if (rc.bit(l.is_rep_g1 + state) == 0) {
          dist = rep1;
        } else {
          if (rc.bit(l.is_rep_g2 + state) == 0) {
            dist = rep2;
          } else {
            dist = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = dist;
      }
      len = decode_length(rc, l.rep_len, pos_state);
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      len = decode_length(rc, l.len, pos_state);
      state = state < 7 ? 7 : 10;
      rep0 = decode_distance(rc, l, len);
      if (rep0 == 0xFFFFFFFFu) return rc.overrun() ? Status::truncated : Status::end_marker;
      // As the specification's decoder: a dictionary is never smaller than 4 KiB.
      if (rep0 >= pos || rep0 >= (h.dict_size < 4096 ? 4096u : h.dict_size))
        return rc.overrun() ? Status::truncated : Status::bad_match;
    }
    len += kMatchMinLen;
    if (len > out_size - pos) return rc.overrun() ? Status::truncated : Status::bad_match;
    const std::uint8_t* from = out + pos - rep0 - 1;
    for (std::size_t end = pos + len; pos < end;) out[pos++] = *from++;
  }
  return rc.overrun() ? Status::truncated : Status::ok;
}

const char* describe(Status status) {
  switch (status) {
    case Status::ok: return "decoded";
    case Status::bad_header: return "the header is cut short or its properties byte is out of range";
    case Status::unknown_size: return "the header gives no size";
    case Status::wrong_size: return "the output is not the size the header gives";
    case Status::bad_start: return "the compressed stream starts wrongly";
    case Status::bad_match: return "a match reaches outside the data decoded so far";
    case Status::end_marker: return "the stream ends before the size the header gives";
    case Status::truncated: return "the file is cut short";
  }
  return "unknown status";
}

}  // namespace granice::lzma
