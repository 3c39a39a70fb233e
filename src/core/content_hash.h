// FNV-1a 64: a cheap, stable fingerprint of the content files, stored with progress and reports
// so a record says exactly which content it was made with. Not a security hash.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace granice {

class Fnv1a64 {
 public:
  void add(std::string_view bytes);
  std::uint64_t value() const { return state_; }
  std::string hex() const;  // 16 lowercase hex digits

 private:
  std::uint64_t state_ = 14695981039346656037ull;  // FNV offset basis
};

}  // namespace granice
