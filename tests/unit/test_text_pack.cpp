#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "../read_file.h"
#include "transport/text_pack.h"

using namespace granice;
using namespace std::string_literals;

#ifndef GRANICE_PACK_DIR
#error "GRANICE_PACK_DIR must name the folder scripts/embed_files.js pack wrote"
#endif

TEST_CASE("unpack refills language values in file order, across files", "[text_pack]") {
  const std::string pack =
      "a.json\x02{\"t\":{\"pl\":\"\",\"en\":\"\"},\"n\":1}\x03"
      "b.json\x02[{\"pl\" : \"\",\"en\":\"\"},\"pl\",{\"pl\":{\"x\":\"pl\"}}]\x03"
      "\0pl\x01" "Cze\xc5\x9b\xc4\x87 \\\"Ania\\\"\x01\0en\x01Hello \\\\ \\u0142\x01"s;
  const auto files = unpack_content(pack);
  REQUIRE(files);
  REQUIRE(files->size() == 2);
  CHECK((*files)[0].name == "a.json");
  CHECK((*files)[0].text == "{\"t\":{\"pl\":\"Cze\xc5\x9b\xc4\x87 \\\"Ania\\\"\",\"en\":\"Hello \\\\ \\u0142\"},\"n\":1}");
  CHECK((*files)[1].name == "b.json");
  // an empty text, a "pl" that is a value not a key, a "pl" key whose value is an object
  CHECK((*files)[1].text == "[{\"pl\" : \"\",\"en\":\"\"},\"pl\",{\"pl\":{\"x\":\"pl\"}}]");
  CHECK(nlohmann::json::parse((*files)[0].text).at("t").at("pl").get<std::string>() == "Cze\xc5\x9b\xc4\x87 \"Ania\"");
}

TEST_CASE("unpack refuses malformed packs", "[text_pack]") {
  const std::string ok = "a.json\x02{\"pl\":\"\"}\x03\0pl\x01x"s;
  REQUIRE(unpack_content(ok));
  CHECK_FALSE(unpack_content("a.json\x02{\"pl\":\"\"}\x03\0pl"s));                 // stream runs short
  CHECK_FALSE(unpack_content("a.json\x02{\"pl\":\"\"}\x03\0pl\x01x\x01y"s));       // texts left over
  CHECK_FALSE(unpack_content("a.json\x02{\"pl\":\"z\"}\x03\0pl\x01x"s));           // placeholder not empty
  CHECK_FALSE(unpack_content("a.json{\"pl\":\"\"}\x03\0pl\x01x"s));                // no name end
  CHECK_FALSE(unpack_content("a.json\x02{\"pl\":\"\"}\0pl\x01x"s));                // file not closed
  CHECK_FALSE(unpack_content("\x02{}\x03"s));                                     // no name
  CHECK_FALSE(unpack_content("a.json\x02{}\x03\0\x01x"s));                         // stream without language
  CHECK_FALSE(unpack_content("a.json\x02{\"pl\":\"\\\x03\0pl\x01x"s));             // unterminated string
  const auto plain = unpack_content("a.json\x02{\"id\":\"x\"}\x03"s);              // nothing moved
  REQUIRE(plain);
  CHECK((*plain)[0].text == "{\"id\":\"x\"}");
}

TEST_CASE("the shipped content unpacks to exactly its minified files", "[text_pack]") {
  const std::filesystem::path dir = GRANICE_PACK_DIR;
  const std::string pack = granice::test::read_file(dir / "content.pack");
  const auto files = unpack_content(pack);
  REQUIRE(files);
  std::size_t originals = 0;
  for (const auto& e : std::filesystem::directory_iterator(GRANICE_SOURCE_DIR "/quizzes"))
    if (e.path().extension() == ".json") ++originals;
  REQUIRE(files->size() == originals);
  std::size_t text_bytes = 0;
  for (const PackedFile& f : *files) {
    INFO(f.name);
    REQUIRE(f.name.rfind("quizzes/", 0) == 0);
    const std::string base = f.name.substr(8);
    CHECK(f.text == granice::test::read_file(dir / (base + ".min")));
    // minifying changed nothing but whitespace: the same JSON value as the author's file
    CHECK(nlohmann::json::parse(f.text) == nlohmann::json::parse(granice::test::read_file(std::filesystem::path(GRANICE_SOURCE_DIR) / "quizzes" / base)));
    text_bytes += f.text.size();
  }
  // the language texts really moved out of the structures: the file part is a small share
  const std::size_t structures = pack.find('\0');
  REQUIRE(structures != std::string::npos);
  CHECK(structures < text_bytes / 2);
}
