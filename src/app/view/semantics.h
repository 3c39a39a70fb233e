// The semantic tree: what the last frame drew, as roles and names a test or an
// assistive technology can read. Pure C++: filled by the ui:: wrappers, read by
// the platform (window.granice.semantics()) and by the accessible DOM layer.
#pragma once

#include <string>
#include <vector>

namespace granice::view {

// Combobox: a drop-down choice (the DOM layer makes it a native <select>); Option: one row of the
// app's own drop-down list, present only while that list is open (mouse or canvas keyboard).
enum class Role { Heading, Text, Button, Radio, Checkbox, Link, Textbox, ProgressBar, ListItem, Group, Image,
                  Combobox, Option };

const char* RoleName(Role role);
// Something the learner operates (button, radio, checkbox, link, text field, drop-down, option).
bool IsControl(Role role);

// aria-current: the one item of a set the learner is on. Page = the page shown of a set of pages
// (a lesson's pager), Step = the step of a process (the course map's module), True = the current
// item of any other set (the trainer view's sections).
enum class Current { None, Page, Step, True };

const char* CurrentName(Current current);   // "page", "step", "true"; "" for None

struct Rect {
  float x = 0, y = 0, width = 0, height = 0;   // CSS pixels relative to the canvas
  bool operator==(const Rect&) const = default;
};

struct SemanticNode {
  Role role = Role::Text;
  std::string name;         // what a screen reader says; matches the visible text
  Rect rect;
  int checked = -1;         // -1 not applicable, 0 unchecked, 1 checked
  bool disabled = false;
  bool focused = false;     // ImGui's keyboard-navigation focus
  int level = 0;            // heading level (1..3); 0 when not applicable
  std::string value;        // textbox content, progress value "0.42"
  std::string autocomplete; // textbox: its HTML autocomplete purpose ("name"); empty = none ("off")
  std::string id;           // stable action id, so the DOM layer can activate the widget
  std::string group;        // radio group / list / conversation the node belongs to
  Current current = Current::None;   // aria-current
  // Combobox: its choices, the index chosen (-1 none yet; `value` then holds the placeholder),
  // and whether the app's own list is open.
  std::vector<std::string> options;
  int selected = -1;
  bool expanded = false;
  // Textbox edited in the DOM layer: the selection as the DOM reports it (UTF-16 offsets, start
  // <= end; -1 when the DOM input does not have focus) and where the caret is drawn (CSS px).
  int selection_start = -1, selection_end = -1;
  Rect caret;
  bool operator==(const SemanticNode&) const = default;
};

struct SemanticTree {
  std::vector<SemanticNode> nodes;
  std::string title;        // the screen's title (page title follows it)
  std::string lang;         // language of the content ("pl", "en")
  std::string announcement; // polite live-region text, set when something changed
  bool focus_ring = false;  // the focused widget shows its ring (after keys only: :focus-visible)

  void Clear();
  bool operator==(const SemanticTree&) const = default;
  std::string ToJson() const;   // {"title":..,"lang":..,"announce":..,"nodes":[{role,name,rect,...}]}
};

}  // namespace granice::view
