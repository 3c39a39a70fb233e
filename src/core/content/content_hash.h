// FNV-1a 64 (core/text/fnv.h) over the content files, file after file: a cheap, stable fingerprint
// stored with progress and reports so a record says exactly which content it was made with.
// Not a security hash.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/text/fnv.h"

namespace granice {

class Fnv1a64 {
 public:
  void add(std::string_view bytes) { state_ = fnv1a64(bytes, state_); }
  std::uint64_t value() const { return state_; }
  std::string hex() const;  // 16 lowercase hex digits

 private:
  std::uint64_t state_ = kFnv1a64Basis;
};

}  // namespace granice
