// The headless runner (runner/runner.h): Dear ImGui frames without a window or a GPU. Each frame
// lays the screens out and fills the semantic tree (no pixels are drawn), so native tests walk a
// front end's real screens the way the accessible DOM layer does: find a widget by role and name,
// activate it.
//
//   app::AppState app;  ... app.persistence = &memory; app::StartSession(app, state);
//   app::CourseFrontEnd course(app);
//   runner::Headless ui(course, {1280, 800});
//   ui.Press(view::Role::Button, "Start the course");     // false (with Error()) when not on screen
//   const view::SemanticTree& t = ui.Tree();
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "app/view/semantics.h"
#include "runner/runner.h"

namespace granice::runner {

struct HeadlessOptions {
  float width = 1280.0f;       // CSS pixels
  float height = 800.0f;
  float text_scale = 1.0f;     // the app's Settings::text_scale (200 % text: 2)
};

class Headless final : public Runner {
 public:
  // Creates the ImGui context (one at a time) with the course's fonts (DejaVu, as the web build
  // embeds them) and runs `front` (draws its first frames).
  Headless(app::FrontEnd& front, HeadlessOptions options = {});
  ~Headless();
  Headless(const Headless&) = delete;
  Headless& operator=(const Headless&) = delete;

  // Runner: draws `front` from now on, until it settles. The clock is `now` (tests set it);
  // storage is a map in memory.
  void Run(app::FrontEnd& front) override;
  std::int64_t Now() const override { return now; }
  std::optional<std::string> Load(const std::string& key) const override;
  void Store(const std::string& key, const std::string& value) override { storage_[key] = value; }
  std::int64_t now = 1767225600;   // 2026-01-01

  // One frame: NewFrame, the front end's frame, Render. Returns the frame's semantic tree.
  const view::SemanticTree& Frame();
  // Frames until the tree stops changing and nothing is pending (at most 30).
  const view::SemanticTree& Settle();
  const view::SemanticTree& Tree() const { return front_->shell().ui.tree; }

  // The first node with this role and exact name, or nullptr.
  const view::SemanticNode* Find(view::Role role, std::string_view name) const;
  // What the DOM layer does: activate (press / select / toggle) the widget, type into a text
  // field, pick a drop-down's option, press Esc. Each settles the screen afterwards; false (and
  // Error() says why, with what the screen has) when the widget is not there or is disabled.
  bool Press(view::Role role, std::string_view name);
  bool Type(std::string_view field_name, std::string_view text);
  bool Choose(std::string_view combobox_name, int option);
  void Escape();
  const std::string& Error() const { return error_; }
  long frames() const { return frames_; }

 private:
  const view::SemanticNode* Actionable(view::Role role, std::string_view name);
  app::FrontEnd* front_;
  HeadlessOptions options_;
  std::map<std::string, std::string> storage_;
  std::vector<char> body_ttf_, bold_ttf_;   // the atlas points into these
  std::string error_;
  long frames_ = 0;
};

// "role|name" of every node, for messages.
std::string Describe(const view::SemanticTree& tree);

}  // namespace granice::runner
