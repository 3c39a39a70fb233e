// transport/lzma_decode against xz: everything xz compresses, with a range of LZMA settings, decodes
// to the same bytes; damaged files end in a status that says so (no hang, no out-of-bounds
// access: this runs under ASan/UBSan). The page runs the same code as site/lzma.wasm.
#include <algorithm>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../read_file.h"
#include "transport/lzma_decode.h"

using namespace granice;
using Bytes = std::vector<std::uint8_t>;

namespace {

// xz --format=lzma with `options`, and the real size written into the header the way
// scripts/lzma_file.js does.
Bytes xz_compress(const Bytes& raw, const std::string& options) {
  const auto dir = std::filesystem::temp_directory_path();
  // Unique per process and call: test binaries may run side by side (ctest -j).
  static int calls = 0;
  const auto in = dir / ("granice-lzma-" + std::to_string(static_cast<long>(getpid())) + "-" + std::to_string(++calls) + ".bin");
  {
    std::ofstream f(in, std::ios::binary);
    f.write(reinterpret_cast<const char*>(raw.data()), static_cast<std::streamsize>(raw.size()));
  }
  const std::string cmd = "xz --format=lzma --lzma1=" + options + " --stdout " + in.string();
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  Bytes out;
  std::uint8_t buf[65536];
  for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.insert(out.end(), buf, buf + n);
  REQUIRE(pclose(p) == 0);
  std::filesystem::remove(in);
  REQUIRE(out.size() >= lzma::kHeaderSize);
  for (int i = 0; i < 8; ++i) out[5 + i] = static_cast<std::uint8_t>(static_cast<std::uint64_t>(raw.size()) >> (8 * i));
  return out;
}

struct Decoded {
  lzma::Status status;
  Bytes bytes;
};
Decoded decode(const Bytes& packed) {
  lzma::Header h;
  if (const auto s = lzma::read_header(packed.data(), packed.size(), h); s != lzma::Status::ok) return {s, {}};
  REQUIRE(h.size < (std::uint64_t{1} << 28));
  Bytes out(static_cast<std::size_t>(h.size));
  std::vector<std::uint16_t> scratch(lzma::scratch_slots(h));
  const auto s = lzma::decode(packed.data(), packed.size(), out.data(), out.size(), scratch.data());
  return {s, std::move(out)};
}

Bytes noise(std::size_t n, std::uint32_t x) {  // xorshift32: reproducible
  Bytes out(n);
  for (auto& b : out) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    b = static_cast<std::uint8_t>(x);
  }
  return out;
}

Bytes course_text() {
  Bytes all;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(GRANICE_SOURCE_DIR) / "quizzes"))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    const std::string s = test::read_file(f);
    all.insert(all.end(), s.begin(), s.end());
  }
  return all;
}

}  // namespace

TEST_CASE("lzma: what xz compresses decodes to the same bytes, with every kind of setting", "[lzma]") {
  Bytes repeats;  // short and long repeats at the last few distances: matches, rep0..rep3, short reps
  for (std::uint32_t i = 0; i < 400; ++i) {
    const Bytes a = noise(3 + i % 5, i + 1), b = noise(2, 99);
    repeats.insert(repeats.end(), a.begin(), a.end());
    for (std::uint32_t k = 0; k < i % 7; ++k) repeats.insert(repeats.end(), {'a', 'b', 'c', 'a', 'b', 'c'});
    repeats.insert(repeats.end(), b.begin(), b.end());
  }
  Bytes records(120000);  // 12-byte records: aligned structure for lp/pb to matter
  for (std::size_t i = 0; i < records.size(); ++i)
    records[i] = static_cast<std::uint8_t>(i % 12 < 4 ? i >> 8 : (i * 31) % 7);
  const std::vector<std::pair<const char*, Bytes>> inputs = {
      {"empty", {}},
      {"one byte", {0x42}},
      {"course text (Polish and English UTF-8)", course_text()},
      {"random bytes (incompressible)", noise(70000, 7)},
      {"repeats at several distances", repeats},
      {"12-byte records", records},
      {"zeros (one long match)", Bytes(300000, 0)},
  };
  const char* settings[] = {"preset=9e,lc=4,pb=0", "preset=6", "preset=0", "preset=9e,lc=0,lp=2,pb=4",
                            "preset=6,lc=1,lp=3,pb=1", "preset=6,dict=4KiB"};
  for (const auto& [name, raw] : inputs) {
    for (const char* s : settings) {
      INFO(name << " with " << s);
      const Decoded d = decode(xz_compress(raw, s));
      REQUIRE(d.status == lzma::Status::ok);
      REQUIRE(d.bytes == raw);
    }
  }
}

TEST_CASE("lzma: damaged files end in a status that says what is wrong", "[lzma]") {
  const Bytes raw = course_text();
  const Bytes good = xz_compress(raw, "preset=9e,lc=4,pb=0");
  REQUIRE(decode(good).status == lzma::Status::ok);

  SECTION("cut short anywhere") {
    for (std::size_t cut : {std::size_t{0}, std::size_t{5}, std::size_t{12}, std::size_t{13}, std::size_t{17},
                            std::size_t{100}, good.size() / 2, good.size() - 20}) {
      INFO("cut to " << cut << " bytes");
      const Decoded d = decode(Bytes(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(cut)));
      CHECK(d.status != lzma::Status::ok);
      CHECK(std::string(lzma::describe(d.status)).size() > 10);
    }
    // The header alone: the range coder's start is missing.
    CHECK(decode(Bytes(good.begin(), good.begin() + 13)).status == lzma::Status::truncated);
    CHECK(decode(Bytes(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(good.size() / 2))).status ==
          lzma::Status::truncated);
  }
  SECTION("header fields") {
    Bytes unknown = good;
    std::fill(unknown.begin() + 5, unknown.begin() + 13, 0xFF);
    CHECK(decode(unknown).status == lzma::Status::unknown_size);
    Bytes props = good;
    props[0] = 225;
    CHECK(decode(props).status == lzma::Status::bad_header);
    Bytes start = good;
    start[13] = 1;
    CHECK(decode(start).status == lzma::Status::bad_start);
    // A buffer of another size than the header's is refused before anything is written.
    lzma::Header h;
    REQUIRE(lzma::read_header(good.data(), good.size(), h) == lzma::Status::ok);
    Bytes out(raw.size() - 1);
    std::vector<std::uint16_t> scratch(lzma::scratch_slots(h));
    CHECK(lzma::decode(good.data(), good.size(), out.data(), out.size(), scratch.data()) == lzma::Status::wrong_size);
  }
  SECTION("a size larger than the stream holds") {
    Bytes longer = good;
    const std::uint64_t size = raw.size() + 1000;
    for (int i = 0; i < 8; ++i) longer[5 + i] = static_cast<std::uint8_t>(size >> (8 * i));
    const auto s = decode(longer).status;
    CHECK((s == lzma::Status::end_marker || s == lzma::Status::truncated));
  }
  SECTION("random byte changes never read or write outside the buffers") {
    int detected = 0;
    for (std::uint32_t i = 0; i < 300; ++i) {
      Bytes bad = good;
      const Bytes r = noise(8, 1000 + i);
      const std::size_t at = 14 + (r[0] | (r[1] << 8) | (r[2] << 16)) % (bad.size() - 14);
      bad[at] ^= static_cast<std::uint8_t>(1 + r[4] % 255);
      if (decode(bad).status != lzma::Status::ok) ++detected;
    }
    // LZMA has no checksum, but a changed byte almost always derails the stream before the end;
    // whatever slips through is caught by WebAssembly validation on the page.
    CHECK(detected > 250);
  }
}
