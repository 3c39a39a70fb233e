// Keyboard focus order (Tab / Shift+Tab) over a frame's widgets. The accessible DOM layer
// (web/a11y.js) puts its elements in the same order, so the browser's Tab and the app's agree.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "app/view/focus_order.h"
#include "app/view/semantics.h"

using granice::view::NextFocus;
using granice::view::Role;
using granice::view::SemanticNode;
using granice::view::SemanticTree;
using granice::view::TabStops;

namespace {

SemanticNode Node(Role role, const std::string& name, const std::string& id = {}, bool disabled = false,
                  const std::string& group = {}) {
  SemanticNode n;
  n.role = role;
  n.name = name;
  n.id = id;
  n.disabled = disabled;
  n.group = group;
  return n;
}

// A module quiz question as the app draws it: top bar, progress, prompt, options, submit.
SemanticTree QuizScreen(bool answered) {
  SemanticTree t;
  t.title = "Question 1 of 4 — Set clear guidelines";
  t.nodes = {Node(Role::Button, "Back", "back"),
             Node(Role::Button, "Home", "home"),
             Node(Role::Button, "Polski", "lang"),
             Node(Role::Button, "Settings", "settings"),
             Node(Role::Text, "Quiz: Set clear guidelines"),
             Node(Role::ProgressBar, "Question 1 of 4"),
             Node(Role::Heading, "Which reply sets a boundary?"),
             Node(Role::Radio, "Option A", "a", answered, "q1"),
             Node(Role::Radio, "Option B", "b", answered, "q1"),
             Node(Role::Radio, "Option C", "c", answered, "q1")};
  if (answered) {
    t.nodes.push_back(Node(Role::Text, "Correct: ..."));
    t.nodes.push_back(Node(Role::Button, "Next question", "next"));
  } else {
    t.nodes.push_back(Node(Role::Button, "Check answer", "submit", true));
  }
  return t;
}

}  // namespace

TEST_CASE("Tab stops are the enabled controls in reading order", "[a11y][focus]") {
  const std::vector<std::string> before = TabStops(QuizScreen(false));
  CHECK(before == std::vector<std::string>{"back", "home", "lang", "settings", "a", "b", "c"});   // submit disabled
  const std::vector<std::string> after = TabStops(QuizScreen(true));
  CHECK(after == std::vector<std::string>{"back", "home", "lang", "settings", "next"});   // locked options skipped
}

TEST_CASE("Tab stops skip text, headings, progress bars, unnamed ids and repeats", "[a11y][focus]") {
  SemanticTree t;
  t.nodes = {Node(Role::Heading, "Title", "h"), Node(Role::Text, "Body", "p"), Node(Role::ProgressBar, "1 of 2", "pb"),
             Node(Role::Button, "No id"), Node(Role::Link, "Help", "link"), Node(Role::Textbox, "Your name", "name"),
             Node(Role::Checkbox, "Reduce motion", "motion"), Node(Role::Link, "Help", "link")};
  CHECK(TabStops(t) == std::vector<std::string>{"link", "name", "motion"});
}

TEST_CASE("a drop-down is one Tab stop, its open list's options follow it", "[a11y][focus]") {
  SemanticTree t;
  t.nodes = {Node(Role::Combobox, "Client overshares", "combo1"), Node(Role::Combobox, "Client is upset", "combo2")};
  CHECK(TabStops(t) == std::vector<std::string>{"combo1", "combo2"});
  // The app's own list is open (mouse, or Enter while the canvas has focus): its options follow.
  t.nodes = {Node(Role::Combobox, "Client overshares", "combo1"),
             Node(Role::Option, "Name the limit", "o1", false, "Client overshares"),
             Node(Role::Option, "Refer on", "o2", false, "Client overshares"),
             Node(Role::Combobox, "Client is upset", "combo2")};
  const auto stops = TabStops(t);
  CHECK(stops == std::vector<std::string>{"combo1", "o1", "o2", "combo2"});
  CHECK(NextFocus(stops, "combo1", false) == "o1");
  CHECK(NextFocus(stops, "o2", false) == "combo2");
}

TEST_CASE("NextFocus moves forwards and backwards and wraps around (no keyboard trap)", "[a11y][focus]") {
  const std::vector<std::string> stops{"a", "b", "c"};
  CHECK(NextFocus(stops, "a", false) == "b");
  CHECK(NextFocus(stops, "c", false) == "a");
  CHECK(NextFocus(stops, "a", true) == "c");
  CHECK(NextFocus(stops, "b", true) == "a");
  // Nothing focused yet (a new screen), or the focused widget is gone: start at an end.
  CHECK(NextFocus(stops, "", false) == "a");
  CHECK(NextFocus(stops, "", true) == "c");
  CHECK(NextFocus(stops, "gone", false) == "a");
  CHECK(NextFocus({}, "a", false).empty());
  // Every stop is reached from any start within stops.size() presses.
  std::string at = "b";
  std::vector<std::string> visited;
  for (size_t i = 0; i < stops.size(); ++i) visited.push_back(at = NextFocus(stops, at, false));
  CHECK(visited == std::vector<std::string>{"c", "a", "b"});
}

TEST_CASE("the tree tells the DOM layer which widget has focus and which are disabled", "[a11y][semantics]") {
  SemanticTree t = QuizScreen(true);
  t.nodes.back().focused = true;
  const std::string json = t.ToJson();
  CHECK(json.find(R"("name":"Next question","rect":{"x":0.0,"y":0.0,"width":0.0,"height":0.0},"disabled":false,"focused":true,"id":"next")") !=
        std::string::npos);
  CHECK(json.find(R"("name":"Option A","rect":{"x":0.0,"y":0.0,"width":0.0,"height":0.0},"disabled":true,"id":"a","group":"q1")") !=
        std::string::npos);
  CHECK(json.find(R"("focused":true)") == json.rfind(R"("focused":true)"));   // one focused widget
}
