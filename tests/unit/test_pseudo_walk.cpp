// The pseudo-locale walk (issue 18, docs/translation.md §5): the whole course through the real
// screens in "qps", the copy `granice xliff pseudo --out DIR` makes. Every translatable text there
// is bracketed, so a visible text with letters outside brackets is a string the content cannot
// translate (hard-coded in C++); and qps texts are ~35 % longer, so the walk at a phone's 360 px
// and a desktop's 1280 px shows whether layouts hold a longer language.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "../run_command.h"
#include "app/view/strings.h"
#include "core/content/loader.h"
#include "core/text/utf8.h"
#include "imgui.h"
#include "runner/headless.h"
#include "screen_learner.h"

using namespace granice;
using view::Role;
using view::Str;
using view::T;

namespace {

constexpr const char* kQps = "qps";
const std::string kLearner = "Anna Kowalska";

// The shipped content in the pseudo-locale, made by the CLI as an L&D team would make it.
const Course* pseudo_course() {
  static std::optional<LoadResult> loaded;
  if (loaded) return loaded->ok() ? &loaded->course : nullptr;
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("granice-qps-walk-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const auto made = test::run_cli("xliff pseudo --out '" + dir.string() + "' quizzes/", "2>&1 >/dev/null");
  INFO(made.out);
  REQUIRE(made.status == 0);
  loaded = load_course_folder(dir.string());
  fs::remove_all(dir);
  for (const auto& e : loaded->diagnostics) UNSCOPED_INFO(format_diagnostic(e));
  return loaded->ok() ? &loaded->course : nullptr;
}

// What may be visible outside pseudo brackets, each for a reason. Numbers, percentages, signs and
// punctuation are not translatable text and are never flagged (only letters are).
struct Allowance {
  std::string text;
  const char* reason;
};
std::vector<Allowance> Allowances(const Course& course) {
  std::vector<Allowance> out{{kLearner, "the learner's own name, as typed"}};
  for (const Language& l : course.language_info)
    out.push_back({l.name, "a language switcher's entry: each language by its own name, in that language, by design"});
  return out;
}

bool IsLetter(std::uint32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  if (cp == 0xD7 || cp == 0xF7) return false;   // × ÷
  return (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x370 && cp <= 0x52F);   // Latin, Greek, Cyrillic
}

// The letters of `text` outside [pseudo brackets] and outside the allowances ("" when none).
std::string Untranslated(std::string text, const std::vector<Allowance>& allowed) {
  std::string outside;
  int depth = 0;
  for (char c : text) {
    if (c == '[') ++depth;
    else if (c == ']' && depth > 0) --depth;
    else if (depth == 0) outside += c;
  }
  for (const Allowance& a : allowed)
    for (std::size_t at; !a.text.empty() && (at = outside.find(a.text)) != std::string::npos;) outside.replace(at, a.text.size(), " ");
  bool letters = false;
  for (std::size_t i = 0, n = 0; i < outside.size(); i += n) {
    std::uint32_t cp = 0;
    n = utf8_decode_one(std::string_view(outside).substr(i), cp);
    if (n == 0) return outside;   // not UTF-8: flagged as it is
    letters = letters || IsLetter(cp);
  }
  return letters ? outside : std::string();
}

bool Inside(const view::Rect& in, const view::Rect& out) {
  constexpr float slack = 1.0f;
  return in.x >= out.x - slack && in.y >= out.y - slack && in.x + in.width <= out.x + out.width + slack &&
         in.y + in.height <= out.y + out.height + slack;
}

bool Overlap(const view::Rect& a, const view::Rect& b) {
  constexpr float slack = 1.0f;   // neighbours may touch
  return a.x + slack < b.x + b.width && b.x + slack < a.x + a.width && a.y + slack < b.y + b.height && b.y + slack < a.y + a.height;
}

std::string Label(const view::SemanticTree& t, const view::SemanticNode& n) {
  const auto px = [](float v) { return std::to_string(static_cast<int>(v)); };
  return t.title + " / " + view::RoleName(n.role) + " \"" + n.name.substr(0, 60) + "\" (" + px(n.rect.x) + "," + px(n.rect.y) +
         " " + px(n.rect.width) + "x" + px(n.rect.height) + ")";
}

// Layout faults on one screen: a text outside the viewport's width (a word too long for the
// line, a row that does not wrap), a text that runs into another widget (two rects that overlap
// without one holding the other: a text escaping its card, bubble or button), and a drop-down's
// chosen value cut by its field. (The tree has no parent links: "its container" is whichever
// node's rect holds it; a button's label never overflows it, as ui::Button wraps a label too
// long for the line and no screen gives a button a fixed width.)
// Content scrolls under the bar pinned to the bottom (`pinned_from`: its top, CSS px; 0 = none):
// a text passing under it is scrolled away there, not overflowing.
std::vector<std::string> LayoutFaults(const view::SemanticTree& t, float width, float pinned_from = 0.0f) {
  std::vector<std::string> out;
  std::vector<const view::SemanticNode*> drawn;
  const bool list_open = std::any_of(t.nodes.begin(), t.nodes.end(), [](const auto& n) { return n.role == Role::Option; });
  for (const auto& n : t.nodes) {
    if (n.rect.width <= 0 || n.rect.height <= 0) continue;
    if (n.rect.x < -1.0f || n.rect.x + n.rect.width > width + 1.0f)
      out.push_back(Label(t, n) + " beyond the " + std::to_string(static_cast<int>(width)) + " px viewport: x " +
                    std::to_string(n.rect.x) + " w " + std::to_string(n.rect.width));
    if (n.role == Role::Combobox) {   // the chosen value, wrapped as ui::Choice wraps it, fits the field
      const ImVec2 pad = ImGui::GetStyle().FramePadding;
      const ImVec2 need = ImGui::CalcTextSize(n.value.c_str(), nullptr, false, n.rect.width - ImGui::GetFrameHeight() - 2 * pad.x);
      if (need.y > n.rect.height - 2 * pad.y + 1.0f) out.push_back(Label(t, n) + " value cut: \"" + n.value + "\"");
    }
    if (!list_open) drawn.push_back(&n);   // an open list lies over the screen by design
  }
  for (std::size_t i = 0; i < drawn.size(); ++i)
    for (std::size_t j = i + 1; j < drawn.size(); ++j) {
      const view::Rect &a = drawn[i]->rect, &b = drawn[j]->rect;
      const bool under_bar = pinned_from > 0.0f && std::max(a.y, b.y) >= pinned_from - 1.0f;   // where they meet
      if (Overlap(a, b) && !Inside(a, b) && !Inside(b, a) && !under_bar)
        out.push_back(Label(t, *drawn[i]) + " and " + Label(t, *drawn[j]) + " overlap");
    }
  return out;
}

struct WalkFindings {
  std::set<std::string> untranslated;   // "screen / role "name": the letters outside brackets"
  std::set<std::string> layout;
  int screens = 0;
  bool passed = false;
};

// The whole course in qps on a `width` x `height` viewport: the name prompt, every module, the
// settings, the assessment and the certificate, checking every screen the learner sees.
WalkFindings WalkInPseudo(const Course& course, float width, float height) {
  WalkFindings found;
  const std::vector<Allowance> allowed = Allowances(course);
  test::LearnerApp a(course, kQps, std::nullopt, "");   // no name yet: the walk starts at the name prompt
  runner::HeadlessOptions viewport;
  viewport.width = width;
  viewport.height = height;
  runner::Headless ui(a.front, viewport);
  test::ScreenLearner learner(ui, course, kQps);
  auto check = [&](const view::SemanticTree& t) {
    ++found.screens;
    auto text = [&](const std::string& where, const std::string& s) {
      if (const std::string u = Untranslated(s, allowed); !u.empty()) found.untranslated.insert(where + ": \"" + s + "\" (outside brackets: \"" + u + "\")");
    };
    text("title", t.title);
    text(t.title + " / announcement", t.announcement);
    for (const auto& n : t.nodes) {
      const std::string where = t.title + " / " + view::RoleName(n.role);
      text(where, n.name);
      if (n.role != Role::ProgressBar) text(where + " value", n.value);
      for (const auto& o : n.options) text(where + " option", o);
    }
    const float inset = a.app.bottom_bar_height;   // a phone's bar pinned to the bottom
    for (const auto& f : LayoutFaults(t, width, inset > 0.0f ? height - inset : 0.0f)) found.layout.insert(f);
  };
  learner.on_screen = check;
  check(ui.Tree());
  auto step = [&](bool ok) {
    INFO(learner.Error());
    REQUIRE(ok);
  };
  REQUIRE(ui.Type(T(kQps, Str::NameLabel), kLearner));
  check(ui.Tree());
  step(learner.Press(T(kQps, Str::NameContinue)));
  step(learner.Press(T(kQps, Str::Settings)));
  step(learner.Press(T(kQps, Str::Done)));
  step(learner.Press(T(kQps, Str::StartCourse)));
  for (std::size_t i = 0; i < course.modules.size(); ++i) {
    INFO("module " << course.modules[i].id);
    step(learner.CompleteModule(course.modules[i]));
    if (i + 1 < course.modules.size()) step(learner.Press(test::NextModule(kQps, course.modules[i + 1])));
  }
  step(learner.Press(T(kQps, Str::BackToCourse)));
  step(learner.Press(T(kQps, Str::AssessmentOpen)));
  // One question wrong: the results screen then shows what to revisit.
  int answered = 0;
  REQUIRE(learner.TakeQuiz([&](const Question&) { return answered++ != 0; }));
  check(ui.Tree());
  if (learner.Has(T(kQps, Str::ViewCertificate))) step(learner.Press(T(kQps, Str::ViewCertificate)));
  found.passed = success_status(course, a.app.session->state()) == SuccessStatus::Passed;
  return found;
}

}  // namespace

TEST_CASE("pseudo-locale: the whole course in qps shows no text the content cannot translate, and no text overflows at 360 and 1280 px",
          "[screens][qps]") {
  const auto start = std::chrono::steady_clock::now();
  const Course* course = pseudo_course();
  REQUIRE(course);
  REQUIRE(std::find(course->languages.begin(), course->languages.end(), kQps) != course->languages.end());
  const auto made = std::chrono::steady_clock::now();
  for (const float width : {360.0f, 1280.0f}) {
    INFO("viewport " << width << " px");
    const WalkFindings found = WalkInPseudo(*course, width, width < 500 ? 740.0f : 800.0f);
    for (const auto& u : found.untranslated) UNSCOPED_INFO("hard-coded: " << u);
    CHECK(found.untranslated.empty());
    for (const auto& l : found.layout) UNSCOPED_INFO("layout: " << l);
    CHECK(found.layout.empty());
    CHECK(found.screens > 200);   // every screen of the course
    CHECK(found.passed);
  }
  const auto end = std::chrono::steady_clock::now();
  using ms = std::chrono::milliseconds;
  WARN("qps walk: pseudo content made and loaded in " << std::chrono::duration_cast<ms>(made - start).count()
       << " ms, two walks in " << std::chrono::duration_cast<ms>(end - made).count() << " ms (ASan/UBSan build)");
}

TEST_CASE("pseudo-locale check: letters outside brackets are found, allowances and numbers are not", "[qps]") {
  const std::vector<Allowance> allowed{{"Polski", "test"}};
  CHECK(Untranslated("[Ďáłéĵ ŀō]", allowed).empty());
  CHECK(Untranslated("[Ňéxť ŀō]: [Ťíťłé ŀō]", allowed).empty());
  CHECK(Untranslated("87,5 % · 3/7 — 12:30", allowed).empty());
  CHECK(Untranslated("Polski", allowed).empty());
  CHECK(Untranslated("[Ďáłéĵ ŀō] min", allowed) == " min");
  CHECK(Untranslated("Wynik: [87 ŀō]", allowed) == "Wynik: ");
  CHECK(Untranslated("[[DO UZUPEŁNIENIA] ŀō] ok", allowed) == " ok");   // nested brackets
  CHECK_FALSE(Untranslated("Źle", allowed).empty());
  CHECK_FALSE(Untranslated("Привіт", allowed).empty());
  view::SemanticTree t;
  t.title = "x";
  view::SemanticNode card;
  card.rect = {10, 10, 300, 100};
  view::SemanticNode inner = card;
  inner.rect = {20, 20, 200, 20};
  t.nodes = {card, inner};
  CHECK(LayoutFaults(t, 360).empty());                 // a text inside its card
  t.nodes[1].rect.width = 330;                         // runs out of the card, still on screen
  CHECK(LayoutFaults(t, 360).size() == 1);
  t.nodes[1].rect.width = 400;                         // and out of the viewport
  CHECK(LayoutFaults(t, 360).size() == 2);
}
