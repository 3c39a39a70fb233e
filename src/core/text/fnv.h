// FNV-1a (Fowler/Noll/Vo), 64 and 32 bit: the one implementation of the stable hashes of ids
// behind derived seeds and snapshot references, and of the content fingerprint (content_hash.h).
// Fixed by the stored formats and golden tests: never change the constants. Not a security hash.
//
//   std::uint64_t seed = mix(attempt_seed, fnv1a64("b-q1"));   // a hash of an id
//   std::uint32_t h = fnv1a32(q.id, fnv1a32("q:"));           // continued from an earlier hash
#pragma once

#include <cstdint>
#include <string_view>

namespace granice {

inline constexpr std::uint64_t kFnv1a64Basis = 14695981039346656037ull;  // offset basis
inline constexpr std::uint32_t kFnv1a32Basis = 2166136261u;

// The hash of `bytes`, continued from `h` (the hash of what came before; the basis to start).
constexpr std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t h = kFnv1a64Basis) {
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;  // FNV prime
  }
  return h;
}

constexpr std::uint32_t fnv1a32(std::string_view bytes, std::uint32_t h = kFnv1a32Basis) {
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;  // FNV prime
  }
  return h;
}

}  // namespace granice
