// Each language pack carries the font glyphs its own texts need (scripts/embed_files.js): built
// into an ImGui atlas the way the web runner builds it (theme::BuildFonts with the pack's glyph
// list), its fonts hold every character of that language's texts and interface strings, and a
// language written in another script brings that script in its own pack only.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <unistd.h>

#include "../read_file.h"
#include "../run_command.h"
#include "app/theme.h"
#include "core/text/utf8.h"
#include "imgui.h"
#include "transport/text_pack.h"

using namespace granice;

namespace {

// Every character of every string value (the texts the screens draw) in the pack's JSON files.
std::set<std::uint32_t> text_code_points(const std::vector<PackedFile>& files) {
  std::set<std::uint32_t> out;
  std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& j) {
    if (j.is_string()) {
      const std::string s = j.get<std::string>();
      std::string_view rest = s;
      std::uint32_t cp = 0;
      while (const std::size_t n = utf8_decode_one(rest, cp)) {
        if (cp >= 0x20) out.insert(cp);
        rest.remove_prefix(n);
      }
      REQUIRE(rest.empty());
    } else if (j.is_structured()) {
      for (const auto& v : j) walk(v);
    }
  };
  for (const PackedFile& f : files) walk(nlohmann::json::parse(f.text));
  return out;
}

// A pack's fonts built into an ImGui atlas as the web runner builds them; `has(cp)` is true when
// both the body and the bold font hold a real glyph for cp (not the fallback).
class PackAtlas {
 public:
  explicit PackAtlas(const std::string& pack) {
    const auto binaries = pack_binaries(pack);
    REQUIRE(binaries);
    for (const PackedFile& f : *binaries) files_[f.name] = f.text;
    REQUIRE(files_.count("fonts/body.ttf"));
    REQUIRE(files_.count("fonts/bold.ttf"));
    ranges_ = theme::GlyphRanges(files_["fonts/glyphs"]);
    REQUIRE(!ranges_.empty());
    ctx_ = ImGui::CreateContext();
    theme::BuildFonts(files_["fonts/body.ttf"], files_["fonts/bold.ttf"], 1.0f, ranges_.data());
    REQUIRE(ImGui::GetIO().Fonts->Build());
    body_ = ImGui::GetIO().FontDefault;
    bold_ = theme::HeadingFont(1);
  }
  ~PackAtlas() { ImGui::DestroyContext(ctx_); }
  PackAtlas(const PackAtlas&) = delete;
  PackAtlas& operator=(const PackAtlas&) = delete;

  bool has(std::uint32_t cp) const {
    const auto c = static_cast<ImWchar>(cp);
    return cp <= 0xFFFF && body_->FindGlyphNoFallback(c) && bold_->FindGlyphNoFallback(c);
  }
  std::size_t ttf_bytes() const { return files_.at("fonts/body.ttf").size() + files_.at("fonts/bold.ttf").size(); }

 private:
  std::map<std::string, std::string> files_;
  std::vector<ImWchar> ranges_;
  ImGuiContext* ctx_ = nullptr;
  ImFont* body_ = nullptr;   // theme's fonts of this atlas (theme keeps only the last built)
  ImFont* bold_ = nullptr;
};

std::string hex(std::uint32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", cp);
  return buf;
}

const std::string kTypedNameLetters = "ĄĆĘŁŃÓŚŹŻąćęłńóśźż";   // every pack: a learner's name in Polish

void require_typed_name_letters(const PackAtlas& atlas) {
  std::string_view rest = kTypedNameLetters;
  std::uint32_t cp = 0;
  while (const std::size_t n = utf8_decode_one(rest, cp)) {
    INFO(hex(cp));
    CHECK(atlas.has(cp));
    rest.remove_prefix(n);
  }
}

}  // namespace

TEST_CASE("theme::GlyphRanges reads a pack's glyph list and refuses a malformed one", "[pack_fonts]") {
  CHECK(theme::GlyphRanges("20-7E,D3,104-107") == std::vector<ImWchar>{0x20, 0x7E, 0xD3, 0xD3, 0x104, 0x107, 0});
  CHECK(theme::GlyphRanges("").empty());
  CHECK(theme::GlyphRanges("7E-20").empty());      // backwards
  CHECK(theme::GlyphRanges("1F600").empty());      // beyond ImGui's 16 bits
  CHECK(theme::GlyphRanges("20,,30").empty());
  CHECK(theme::GlyphRanges("0-20").empty());       // 0 would end ImGui's list
  CHECK(theme::GlyphRanges("2G").empty());
}

TEST_CASE("each shipped pack's fonts hold every character of its language's texts and interface strings", "[pack_fonts]") {
  const std::filesystem::path dir = GRANICE_PACK_DIR;
  const auto course = nlohmann::json::parse(test::read_file(std::filesystem::path(GRANICE_SOURCE_DIR) / "quizzes/course.json"));
  for (const auto& l : course.at("languages")) {
    const std::string lang = l.is_string() ? l.get<std::string>() : l.at("code").get<std::string>();
    INFO(lang);
    const std::string pack = test::read_file(dir / ("content-" + lang + ".pack"));
    const auto files = unpack_content(pack);
    REQUIRE(files);
    const std::set<std::uint32_t> used = text_code_points(*files);
    CHECK(used.size() > 80);
    PackAtlas atlas(pack);
    for (const std::uint32_t cp : used) {
      INFO(hex(cp));
      CHECK(atlas.has(cp));
    }
    require_typed_name_letters(atlas);
    CHECK_FALSE(atlas.has(0x0416));   // no Cyrillic in a Polish or English pack
    // Subsets, not the whole DejaVu (700 KB each): the texts' glyphs only.
    CHECK(atlas.ttf_bytes() < 40000);
  }
}

TEST_CASE("a third language written in Cyrillic brings Cyrillic in its own pack only", "[pack_fonts]") {
  // A small course folder in three languages, packed by the build's own step.
  const std::filesystem::path tmp = std::filesystem::temp_directory_path() / ("granice-pack-fonts-" + std::to_string(::getpid()));
  std::filesystem::remove_all(tmp);
  std::filesystem::create_directories(tmp / "content");
  const auto write = [&](const std::string& name, const std::string& text) { std::ofstream(tmp / "content" / name) << text; };
  write("course.json", R"({"languages": [{"code": "pl", "name": "Polski"}, {"code": "en", "name": "English"},
                           {"code": "uk", "name": "Українська"}], "default_language": "pl",
                           "title": {"pl": "Granice", "en": "Boundaries", "uk": "Межі"}})");
  write("m1.json", R"({"text": {"pl": "Zażółć gęślą jaźń", "en": "Set boundaries early", "uk": "Чітко й ввічливо: ґудзик"}})");
  const test::CommandResult packed = test::run_command("'" GRANICE_NODE_PATH "' '" GRANICE_SOURCE_DIR "/scripts/embed_files.js' pack '" +
                                                       (tmp / "packs").string() + "' '" + (tmp / "content").string() + "' 2>&1");
  INFO(packed.out);
  REQUIRE(packed.status == 0);
  const auto pack_of = [&](const std::string& lang) { return test::read_file(tmp / "packs" / ("content-" + lang + ".pack")); };

  const std::string uk = pack_of("uk");
  const PackAtlas uk_atlas(uk);
  const auto uk_files = unpack_content(uk);
  REQUIRE(uk_files);
  for (const std::uint32_t cp : text_code_points(*uk_files)) {
    INFO(hex(cp));
    CHECK(uk_atlas.has(cp));
  }
  // Cyrillic's whole basic alphabet, not only the letters these texts use: a learner types a name.
  for (std::uint32_t cp = 0x0410; cp <= 0x044F; ++cp) {
    INFO(hex(cp));
    CHECK(uk_atlas.has(cp));
  }
  CHECK(uk_atlas.has(0x0490));   // Ґ
  CHECK(uk_atlas.has(0x0407));   // Ї
  require_typed_name_letters(uk_atlas);

  for (const std::string lang : {"pl", "en"}) {
    INFO(lang);
    const PackAtlas atlas(pack_of(lang));
    // The switcher names every language in its own script: those letters only (Українська).
    CHECK(atlas.has(0x0423));    // У
    CHECK_FALSE(atlas.has(0x0416));   // Ж: in no text of this language
    CHECK_FALSE(atlas.has(0x0490));   // Ґ: the uk texts use it, this pack does not need it
    CHECK(atlas.ttf_bytes() < uk_atlas.ttf_bytes());
  }
  std::filesystem::remove_all(tmp);
}
