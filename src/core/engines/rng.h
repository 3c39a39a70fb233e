// Deterministic, platform-independent pseudo-random numbers (xoshiro256** seeded by splitmix64).
// The same seed gives the same sequence natively and in wasm: no <random> distributions are used
// (their output is implementation-defined).
//
//   granice::Rng rng(seed);
//   int die = rng.range(1, 6);        // inclusive bounds
//   rng.shuffle(items);               // Fisher-Yates
//   uint64_t s = granice::mix(seed, granice::fnv1a64("b-q1"), attempt);  // derived seeds (core/text/fnv.h)
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace granice {

// One splitmix64 step: a good 64-bit mixer.
std::uint64_t splitmix64(std::uint64_t& state);

// Combines values into one well-mixed seed (order matters).
std::uint64_t mix(std::uint64_t a, std::uint64_t b);
std::uint64_t mix(std::uint64_t a, std::uint64_t b, std::uint64_t c);

class Rng {
 public:
  explicit Rng(std::uint64_t seed = 0);

  std::uint64_t next();                  // full 64 bits
  std::uint64_t below(std::uint64_t n);  // uniform in [0, n), unbiased (rejection); 0 when n == 0
  int range(int lo, int hi);             // uniform in [lo, hi] inclusive; lo when hi <= lo
  double unit();                         // uniform in [0, 1), 53 bits
  bool chance(double p);                 // true with probability p

  template <class T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) {
      std::size_t j = static_cast<std::size_t>(below(i));
      if (j != i - 1) std::swap(v[i - 1], v[j]);
    }
  }

 private:
  std::uint64_t s_[4];
};

// 0, 1, ..., n-1 shuffled from `seed`.
std::vector<int> shuffled_indices(int n, std::uint64_t seed);

}  // namespace granice
