// View models behind the screens: theme contrast (WCAG 2.1), semantic tree JSON.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

#include "app/view/palette.h"
#include "app/view/semantics.h"

using namespace granice::view;

TEST_CASE("contrast ratio matches the WCAG definition", "[view][contrast]") {
  CHECK(ContrastRatio(0x000000, 0xFFFFFF) == Approx(21.0));
  CHECK(ContrastRatio(0xFFFFFF, 0xFFFFFF) == Approx(1.0));
  // #767676 on white is the classic just-passing grey (4.54:1).
  CHECK(ContrastRatio(0x767676, 0xFFFFFF) == Approx(4.54).epsilon(0.01));
  CHECK(ContrastRatio(0xFFFFFF, 0x767676) == ContrastRatio(0x767676, 0xFFFFFF));
}

TEST_CASE("every theme meets WCAG AA contrast for text and focus", "[view][contrast]") {
  for (ThemeId id : {ThemeId::Light, ThemeId::Dark, ThemeId::HighContrast}) {
    const PaletteRGB& p = PaletteFor(id);
    INFO("theme " << ThemeName(id));
    for (uint32_t bg : {p.background, p.surface, p.phrase_bg}) {
      CHECK(ContrastRatio(p.text, bg) >= 4.5);
      CHECK(ContrastRatio(p.muted, bg) >= 4.5);
      CHECK(ContrastRatio(p.heading, bg) >= 4.5);
      CHECK(ContrastRatio(p.link, bg) >= 4.5);
      CHECK(ContrastRatio(p.good, bg) >= 4.5);
      CHECK(ContrastRatio(p.bad, bg) >= 4.5);
      CHECK(ContrastRatio(p.focus, bg) >= 3.0);   // non-text contrast (focus ring)
      CHECK(ContrastRatio(p.border, bg) >= 3.0);  // control boundaries
    }
    CHECK(ContrastRatio(p.on_accent, p.accent) >= 4.5);
    CHECK(ContrastRatio(p.on_accent, p.accent_hover) >= 4.5);
  }
}

TEST_CASE("semantic tree serialises to the JSON window.granice.semantics() returns", "[view][semantics]") {
  SemanticTree tree;
  tree.title = "Granice";
  tree.lang = "pl";
  SemanticNode h;
  h.role = Role::Heading;
  h.name = "Zażółć \"gęślą\" jaźń\n";
  h.level = 1;
  h.rect = {10, 20, 300, 40.25f};
  tree.nodes.push_back(h);
  SemanticNode r;
  r.role = Role::Radio;
  r.name = "Tak";
  r.checked = 1;
  r.disabled = true;
  r.id = "42";
  r.group = "q1";
  tree.nodes.push_back(r);

  const auto j = nlohmann::json::parse(tree.ToJson());
  REQUIRE(j.at("nodes").size() == 2);
  CHECK(j.at("title") == "Granice");
  CHECK(j.at("lang") == "pl");
  const auto& n0 = j.at("nodes").at(0);
  CHECK(n0.at("role") == "heading");
  CHECK(n0.at("name") == "Zażółć \"gęślą\" jaźń\n");
  CHECK(n0.at("level") == 1);
  CHECK(n0.at("rect").at("height").get<double>() == Approx(40.2).margin(0.1));
  CHECK_FALSE(n0.contains("checked"));
  const auto& n1 = j.at("nodes").at(1);
  CHECK(n1.at("role") == "radio");
  CHECK(n1.at("checked") == true);
  CHECK(n1.at("disabled") == true);
  CHECK(n1.at("id") == "42");
  CHECK(n1.at("group") == "q1");
}
