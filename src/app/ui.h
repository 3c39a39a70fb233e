// Semantic widget wrappers: every widget a screen draws goes through these, so each
// frame yields a semantic tree (tests, the accessible DOM, idle detection) for free.
// Names are the visible text; ids are ImGui ids, stable across frames.
#pragma once

#include <string>
#include <vector>

#include "app/drawings.h"
#include "app/view/semantics.h"

namespace granice::ui {

enum class ButtonKind { Primary, Secondary, Quiet };

// Per-frame context: the tree being filled and an activation requested from outside
// (the accessible DOM layer asks "press widget id X" and the widget reports a press).
struct Context {
  view::SemanticTree tree;
  std::string pending_activation;   // id to press this frame, from the DOM layer
  std::string group;                // current radio group / list name
  bool activated_any = false;
  std::string focus_request;        // id to give keyboard focus to (Tab order), applied when drawn
  bool focus_applied = false;
  std::string pending_text_id;      // a text field's new content typed in the DOM layer
  std::string pending_text;
  std::string pending_choice_id;    // a drop-down's option chosen in the DOM layer's <select>
  int pending_choice = -1;
  // The text field whose DOM <input> has focus, with the DOM's selection (UTF-16 offsets; the
  // caret is at `caret_focus`): the canvas draws that caret and selection. Empty id = none.
  std::string caret_id;
  int caret_anchor = -1;
  int caret_focus = -1;
  float caret_scroll = 0.0f;        // that field's horizontal text scroll (px), keeps the caret in view
  bool same_line = false;           // ui::SameLine() asked; the next control decides if it fits
  // Focus rings show (:focus-visible): as in browsers, until a click or a tap, and again after a
  // key. After a pointer they do not, even where focus moves for screen readers (a new screen's
  // heading, a role-play's reply); focus moved by assistive technology without keys keeps them.
  bool focus_visible = true;
  float bottom_inset = 0.0f;        // CSS px at the bottom of the page a pinned bar covers (last frame)
  // Motion: small transitions (a bar filling) run only when the learner's system (or Settings)
  // does not ask for reduced motion; while one runs the runner keeps drawing, then stops.
  bool reduced_motion = false;
  bool animating = false;           // a transition is under way this frame
};

void BeginFrame(Context& ctx, const std::string& lang);
Context& Current();

void Heading(const std::string& text, int level = 1);
void Paragraph(const std::string& text);
void MutedText(const std::string& text);
void ListItem(const std::string& text, const char* bullet = "•");
// `name` overrides the accessible name when the visible label alone is ambiguous ("Move up"
// beside several items); it must contain the visible label (WCAG 2.5.3).
bool Button(const std::string& label, ButtonKind kind = ButtonKind::Primary, bool disabled = false,
            float width = 0.0f, const std::string& name = {});
bool Link(const std::string& label);
bool Radio(const std::string& label, bool selected, bool disabled = false);
bool Checkbox(const std::string& label, bool& value, bool disabled = false);
// `autocomplete`: the field's HTML purpose for the DOM layer (WCAG 1.3.5), e.g. "name" for the
// learner's own name; empty for anything else (search, dates), which browsers must not fill in.
bool TextInput(const std::string& label, std::string& value, int max_bytes = 128, const char* autocomplete = "");
void Progress(float fraction, const std::string& label);

// Like ImGui::SameLine(), but the next ui:: control moves to a new line when it would not fit
// (reflow at 320 CSS px and 200% text; WCAG 1.4.10).
void SameLine();

// Marks the widget just drawn as the current item of its set (aria-current): the lesson page
// shown, the course step the learner is on. Screens also show it (e.g. a primary button).
void MarkCurrent(view::Current current);

// Groups (radio groups, lists, the role-play log) for the DOM layer's grouping.
void BeginGroup(const std::string& name);
void EndGroup();

}  // namespace granice::ui

namespace granice::ui {

enum class Tone { Neutral, Phrase, Note, Good, Bad, Client, Learner };

// A wrapped block of text on a tinted, rounded background (example phrases, tips, feedback,
// conversation bubbles). `indent` pushes it right (the learner's side of a conversation).
// `semantic` false: drawn only, no node in the semantic tree, for a callout whose text the
// control right after it already carries as its name (a matching item and its drop-down).
void Callout(const std::string& text, Tone tone, const std::string& title = {}, float indent = 0.0f, bool semantic = true);

// A large, wrapped, clickable card: reply options in quizzes and role-plays. `role` is Radio
// (pick one of several), Checkbox (tick several) — both show `selected` — or Button.
bool Card(const std::string& text, view::Role role, bool selected, bool disabled = false,
          Tone tone = Tone::Neutral);

// A drop-down choice (matching, trainer filters): shows `current`, lists `options`; returns the
// index picked or -1. In the semantic tree it is one combobox (name, value, options, selected) that
// the DOM layer makes a native <select>; choosing there picks the same way as the app's own list.
int Choice(const std::string& name, const std::string& current, const std::vector<std::string>& options,
           int selected, bool disabled = false);

// Vertical space scaled with the text size.
void Gap(float lines = 0.5f);

// How far (0..1, eased) the transition of the thing drawn under `key` has come since it first
// appeared; 1 at once with reduced motion. Keys not drawn for a frame are forgotten, so a screen
// shown again plays its transition again.
float Reveal(const std::string& key);

// [SECTION] Cards, panels, chips and charts (ui_cards.cpp)

// A card on the course map: one module. In the semantic tree: a button (`name`) and, after it,
// the summary, the status and the detail as text; the icons are decorative.
struct CourseCardView {
  std::string name;         // the button's accessible name; holds the eyebrow and the title
  std::string eyebrow;      // "Moduł 1"
  std::string title;
  std::string summary;
  std::string status;       // "w trakcie"
  std::string detail;       // "Przeczytane strony: 2 z 5", a best score; may be empty
  std::string icon;         // the guideline's objective id (draw::GuidelineIcon)
  draw::StateIcon state = draw::StateIcon::NotStarted;
  Tone tone = Tone::Neutral;   // the status's colour
  float progress = -1.0f;   // a thin bar under the detail (0..1); < 0: none
  std::string next_label;   // "Następny krok" on the card of the next step (highlighted); empty: not it
};
float CourseCardHeight(const CourseCardView& v, float width);
bool CourseCard(const CourseCardView& v, float width, float height);

// A card around the widgets drawn between the two calls (a hero, a locked assessment, a chart).
// `highlight`: the accent edge of the next step. Panels nest.
void BeginPanel(bool highlight = false);
void EndPanel();

// A node for text a drawing shows (the certificate's title, name and lines), at `min`..`max`.
void Describe(view::Role role, const std::string& name, ImVec2 min, ImVec2 max, int level = 0);

// Narrows the column on the right by `px` until PopRightMargin (a client's speech bubble leaves
// room on the right, the learner's on the left).
void PushRightMargin(float px);
void PopRightMargin();

// A small pill with an icon and text (a guideline honoured or broken); a text node.
void Chip(const std::string& text, Tone tone, draw::StateIcon icon);

// One bar per row (label, value), sorted by the caller, with a pass line across all bars at
// `pass` (0..1; < 0: none) labelled `pass_label`. Each row is a progress bar in the tree.
struct BarRow {
  std::string label, value_text, icon;   // icon: an objective id, or empty
  float value = 0.0f;                     // 0..1
  bool below = false;                     // under the pass line (drawn in the "bad" colour)
};
void BarChart(const std::vector<BarRow>& rows, float pass, const std::string& pass_label);

}  // namespace granice::ui
