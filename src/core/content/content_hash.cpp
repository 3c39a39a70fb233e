#include "core/content/content_hash.h"

namespace granice {

std::string Fnv1a64::hex() const {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  std::uint64_t v = state_;
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kDigits[v & 15];
    v >>= 4;
  }
  return out;
}

}  // namespace granice
