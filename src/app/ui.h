// Semantic widget wrappers: every widget a screen draws goes through these, so each
// frame yields a semantic tree (tests, the accessible DOM, idle detection) for free.
// Names are the visible text; ids are ImGui ids, stable across frames.
#pragma once

#include <string>

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
};

void BeginFrame(Context& ctx, const std::string& lang);
Context& Current();

void Heading(const std::string& text, int level = 1);
void Paragraph(const std::string& text);
void MutedText(const std::string& text);
void ListItem(const std::string& text, const char* bullet = "•");
bool Button(const std::string& label, ButtonKind kind = ButtonKind::Primary, bool disabled = false,
            float width = 0.0f);
bool Link(const std::string& label);
bool Radio(const std::string& label, bool selected, bool disabled = false);
bool Checkbox(const std::string& label, bool& value, bool disabled = false);
bool TextInput(const std::string& label, std::string& value, int max_bytes = 128);
void Progress(float fraction, const std::string& label);

// Groups (radio groups, lists, the role-play log) for the DOM layer's grouping.
void BeginGroup(const std::string& name);
void EndGroup();

}  // namespace granice::ui
