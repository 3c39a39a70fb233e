#include "runner/headless.h"

#include <fstream>
#include <iterator>

#include "app/theme.h"
#include "imgui.h"

namespace granice::runner {

namespace {

std::vector<char> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<char>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

Headless::Headless(app::FrontEnd& front, HeadlessOptions options) : front_(&front), options_(options) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigInputTextCursorBlink = false;
  // ImGui 1.86 reads keys through KeyMap (a backend fills it): each named key is its own index.
  for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;
  io.DisplaySize = ImVec2(options.width, options.height);
  io.DeltaTime = 1.0f / 60.0f;
  front.shell().settings.text_scale = options.text_scale;
  front.shell().theme_dirty = true;
  body_ttf_ = ReadFile(GRANICE_FONT_DIR "/DejaVuSans.ttf");
  bold_ttf_ = ReadFile(GRANICE_FONT_DIR "/DejaVuSans-Bold.ttf");
  theme::BuildFonts(std::string_view(body_ttf_.data(), body_ttf_.size()),
                    std::string_view(bold_ttf_.data(), bold_ttf_.size()), options.text_scale);
  unsigned char* pixels = nullptr;
  int w = 0;
  int h = 0;
  io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);   // builds the atlas: glyph sizes drive layout
  Run(front);
}

void Headless::Run(app::FrontEnd& front) {
  front_ = &front;
  Settle();
}

std::optional<std::string> Headless::Load(const std::string& key) const {
  const auto it = storage_.find(key);
  if (it == storage_.end()) return std::nullopt;
  return it->second;
}

Headless::~Headless() { ImGui::DestroyContext(); }

const view::SemanticTree& Headless::Frame() {
  ImGui::NewFrame();
  front_->Frame();
  ImGui::Render();
  ++frames_;
  return front_->shell().ui.tree;
}

const view::SemanticTree& Headless::Settle() {
  // As the web runner after input: a few frames (an action takes effect in one frame and shows
  // in the next), then on until two trees in a row are equal and nothing is pending.
  std::string before;
  for (int i = 0; i < 30; ++i) {
    Frame();
    std::string tree = front_->shell().ui.tree.ToJson();
    if (i >= 2 && tree == before && !app::HasPendingInput(front_->shell())) break;
    before = std::move(tree);
  }
  return front_->shell().ui.tree;
}

const view::SemanticNode* Headless::Find(view::Role role, std::string_view name) const {
  for (const view::SemanticNode& n : front_->shell().ui.tree.nodes)
    if (n.role == role && n.name == name) return &n;
  return nullptr;
}

const view::SemanticNode* Headless::Actionable(view::Role role, std::string_view name) {
  const view::SemanticNode* n = Find(role, name);
  if (!n) {
    error_ = std::string("no ") + view::RoleName(role) + " \"" + std::string(name) + "\" on the screen; it has: " +
             Describe(front_->shell().ui.tree);
    return nullptr;
  }
  if (n->disabled) {
    error_ = std::string(view::RoleName(role)) + " \"" + std::string(name) + "\" is disabled";
    return nullptr;
  }
  return n;
}

bool Headless::Press(view::Role role, std::string_view name) {
  const view::SemanticNode* n = Actionable(role, name);
  if (!n) return false;
  front_->shell().ui.pending_activation = n->id;
  Settle();
  return true;
}

bool Headless::Type(std::string_view field_name, std::string_view text) {
  const view::SemanticNode* n = Actionable(view::Role::Textbox, field_name);
  if (!n) return false;
  front_->shell().ui.pending_text_id = n->id;
  front_->shell().ui.pending_text = std::string(text);
  Settle();
  return true;
}

bool Headless::Choose(std::string_view combobox_name, int option) {
  const view::SemanticNode* n = Actionable(view::Role::Combobox, combobox_name);
  if (!n) return false;
  if (option < 0 || option >= static_cast<int>(n->options.size())) {
    error_ = "combobox \"" + std::string(combobox_name) + "\" has no option " + std::to_string(option);
    return false;
  }
  front_->shell().ui.pending_choice_id = n->id;
  front_->shell().ui.pending_choice = option;
  Settle();
  return true;
}

void Headless::Escape() {
  front_->Escape();
  Settle();
}

std::string Describe(const view::SemanticTree& tree) {
  std::string out;
  for (const view::SemanticNode& n : tree.nodes) {
    if (n.role == view::Role::Text || n.role == view::Role::ListItem) continue;
    if (!out.empty()) out += " | ";
    out += std::string(view::RoleName(n.role)) + ":" + n.name.substr(0, 60);
  }
  return out;
}

}  // namespace granice::runner
