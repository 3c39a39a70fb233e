// The browser entry point: SDL window + WebGL2 context, Dear ImGui, and a main loop
// that draws only when something changed (input, resize, a pending animation).
#include <GLES3/gl3.h>
#include <SDL.h>
#include <emscripten.h>

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "app/theme.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl.h"
#include "platform/embedded.h"
#include "platform/input_queue.h"
#include "platform/js_bridge.h"
#include "platform/persistence_select.h"
#include "platform/launch.h"
#include "platform/trainer_bridge.h"
#include "app/screens/screens.h"
#include <nlohmann/json.hpp>

namespace granice::platform {

// [SECTION] Platform state
struct Platform {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  app::AppState app;
  InputQueue input;
  long frames = 0;             // frames rendered since start (window.granice.frames())
  int frames_to_draw = 2;      // frames still owed after the last change
  float font_dpr = 0.0f;       // device pixel ratio the font atlas was built for
  float font_scale = 0.0f;     // text scale the font atlas was built for
  std::string semantics_json;  // the last frame's semantic tree, for window.granice.semantics()
  bool first_frame_reported = false;
  double last_tick = 0.0;      // for time spent: wall clock of the previous animation frame
  std::unique_ptr<app::Persistence> persistence;
  // Frame timer (window.granice.frameTimes()): milliseconds of main-thread work per drawn frame,
  // the last kFrameTimes of them, oldest first once the ring has wrapped.
  static constexpr std::size_t kFrameTimes = 4096;
  std::vector<float> frame_ms = std::vector<float>(kFrameTimes, 0.0f);
  std::size_t frame_ms_next = 0;
  std::size_t frame_ms_count = 0;
  std::string frame_ms_json;
  std::uintptr_t heap_top_max = 0;   // high-water mark of the heap's top (sbrk), sampled per frame
};

Platform* g_platform = nullptr;  // the exported C functions below need to reach it

// [SECTION] Fonts: rasterised at device pixels, drawn at CSS pixels, so text stays crisp
void BuildFonts(Platform& p, float dpr) {
  const auto body = Embedded("fonts/body.ttf");
  const auto bold = Embedded("fonts/bold.ttf");
  theme::BuildFonts(body.value_or(std::string_view()), bold.value_or(std::string_view()), p.app.settings.text_scale * dpr);
  ImGui::GetIO().FontGlobalScale = 1.0f / dpr;
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
  p.font_dpr = dpr;
  p.font_scale = p.app.settings.text_scale;
}

// [SECTION] One iteration of the browser's animation frame
void Frame(void* arg) {
  Platform& p = *static_cast<Platform*>(arg);
  // Time spent counts while the page is open and visible (animation frames stop when hidden);
  // gaps over 5 s (a sleeping laptop) are not counted.
  const double tick = NowSeconds();
  if (p.last_tick > 0 && tick - p.last_tick < 5.0 && p.app.session) p.app.session->AddTime(tick - p.last_tick);
  p.last_tick = tick;
  if (p.input.Pump()) p.frames_to_draw = 3;   // a few frames let hover and layout settle
  if (!p.app.ui.pending_activation.empty()) p.frames_to_draw = 3;

  const float dpr = static_cast<float>(DevicePixelRatio());
  if (p.app.theme_dirty) p.frames_to_draw = 3;
  if (dpr != p.font_dpr || p.app.settings.text_scale != p.font_scale) {
    BuildFonts(p, dpr);
    p.frames_to_draw = 3;
  }
  if (p.frames_to_draw <= 0 && p.input.Empty()) return;   // idle: draw nothing, keep the last frame
  if (p.frames_to_draw > 0) p.frames_to_draw--;
  const double frame_start = emscripten_get_now();

  p.input.FeedFrame([](const SDL_Event& e) { ImGui_ImplSDL2_ProcessEvent(&e); });

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  const std::string before = p.semantics_json;
  app::DrawApp(p.app);
  ImGui::Render();

  const ImGuiIO& io = ImGui::GetIO();
  glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
             static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
  const ImVec4 bg = theme::Colors().background;
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  SDL_GL_SwapWindow(p.window);
  p.frames++;
  const std::uintptr_t top = reinterpret_cast<std::uintptr_t>(sbrk(0));
  if (top > p.heap_top_max) p.heap_top_max = top;

  p.semantics_json = p.app.ui.tree.ToJson();
  if (p.semantics_json != before) {
    // The screen changed: one more frame so layout that depends on last frame's sizes settles.
    if (p.frames_to_draw < 1) p.frames_to_draw = 1;
    SetDocumentTitle(p.app.ui.tree.title.c_str());
    NotifySemanticsChanged();
  }
  p.frame_ms[p.frame_ms_next] = static_cast<float>(emscripten_get_now() - frame_start);
  p.frame_ms_next = (p.frame_ms_next + 1) % Platform::kFrameTimes;
  p.frame_ms_count = std::min(p.frame_ms_count + 1, Platform::kFrameTimes);
  if (!p.first_frame_reported) {
    p.first_frame_reported = true;
    NotifyFirstFrame();
  }
}

int Run() {
  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    SDL_Log("SDL_Init failed: %s", SDL_GetError());
    return 1;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  static Platform platform;
  g_platform = &platform;
  Platform& p = platform;
  p.window = SDL_CreateWindow("Granice", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800,
                              SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  if (!p.window) {
    SDL_Log("SDL_CreateWindow failed: %s", SDL_GetError());
    return 1;
  }
  p.gl = SDL_GL_CreateContext(p.window);
  if (!p.gl) {
    SDL_Log("WebGL2 context failed: %s", SDL_GetError());
    return 1;
  }
  SDL_GL_MakeCurrent(p.window, p.gl);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;   // layout is ours, nothing to remember between sessions
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  // A steady caret: a blinking one needs a frame every half second, and an idle page draws none.
  io.ConfigInputTextCursorBlink = false;
  ImGui_ImplSDL2_InitForOpenGL(p.window, p.gl);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  p.app.hooks.now = [] { return static_cast<std::int64_t>(NowSeconds()); };
  p.app.hooks.save_settings = [](const app::Settings& s) { SaveSettings(s); };
  p.app.hooks.download = [](const std::string& name, const std::string& mime, const std::string& data) {
    DownloadFile(name, mime, data);
  };
  p.app.hooks.download_certificate = [](const app::CertificateData& c) {
    const nlohmann::json j = {{"title", c.title}, {"learner", c.learner}, {"course", c.course},
                              {"date", c.date}, {"score", c.score}, {"body", c.body}};
    DownloadCertificatePng("granice-certificate.png", j.dump());
  };
  p.persistence = CreatePersistence();   // LMS (SCORM 1.2 / 2004) or local storage
  p.app.persistence = p.persistence.get();
  InstallTrainerBridge(p.app);
  Launch(p.app);
  BuildFonts(p, static_cast<float>(DevicePixelRatio()));

  emscripten_set_main_loop_arg(Frame, &p, 0, 1);
  return 0;
}

}  // namespace granice::platform

// [SECTION] Functions the page calls (window.granice)
extern "C" {
EMSCRIPTEN_KEEPALIVE long granice_frames() { return granice::platform::g_platform ? granice::platform::g_platform->frames : 0; }
EMSCRIPTEN_KEEPALIVE const char* granice_semantics() {
  return granice::platform::g_platform ? granice::platform::g_platform->semantics_json.c_str() : "{}";
}
EMSCRIPTEN_KEEPALIVE void granice_activate(const char* id) {
  if (granice::platform::g_platform) granice::platform::g_platform->app.ui.pending_activation = id;
}
// True while the app still has input to process or frames to draw (tests wait for false).
EMSCRIPTEN_KEEPALIVE int granice_busy() {
  granice::platform::Platform* p = granice::platform::g_platform;
  if (!p) return 1;
  return p->frames_to_draw > 0 || !p->input.Empty() || SDL_PeepEvents(nullptr, 0, SDL_PEEKEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) > 0 ||
         !p->app.ui.pending_activation.empty() || !p->app.ui.focus_request.empty() ||
         !p->app.ui.pending_text_id.empty() || !p->app.ui.pending_choice_id.empty() || p->app.scroll_by != 0.0f;
}
// The accessible DOM layer (web/a11y.js): DOM focus moved to widget `id` (Tab in the page).
EMSCRIPTEN_KEEPALIVE void granice_focus(const char* id) {
  if (!granice::platform::g_platform) return;
  granice::platform::g_platform->app.ui.focus_request = id;
  if (!*id && ImGui::GetCurrentContext()) ImGui::GetCurrentContext()->NavId = 0;   // focus left the widgets
  granice::platform::g_platform->frames_to_draw = 3;
}
// The DOM layer's <input> for text field `id` now holds `text`.
EMSCRIPTEN_KEEPALIVE void granice_set_text(const char* id, const char* text) {
  if (!granice::platform::g_platform) return;
  granice::platform::g_platform->app.ui.pending_text_id = id;
  granice::platform::g_platform->app.ui.pending_text = text;
  granice::platform::g_platform->frames_to_draw = 3;
}
// The DOM layer's <select> for drop-down `id` now shows option `index` (chosen by keyboard or a
// screen reader): the drop-down picks it as if chosen in its own list.
EMSCRIPTEN_KEEPALIVE void granice_choose(const char* id, int index) {
  if (!granice::platform::g_platform) return;
  granice::platform::g_platform->app.ui.pending_choice_id = id;
  granice::platform::g_platform->app.ui.pending_choice = index;
  granice::platform::g_platform->frames_to_draw = 3;
}
// The DOM layer's <input> for text field `id` has focus with its selection from `anchor` to
// `focus` (UTF-16 offsets; the caret is at `focus`); anchor < 0 = it lost focus. The canvas draws
// that caret and selection.
EMSCRIPTEN_KEEPALIVE void granice_set_caret(const char* id, int anchor, int focus) {
  granice::platform::Platform* p = granice::platform::g_platform;
  if (!p) return;
  granice::ui::Context& ui = p->app.ui;
  if (anchor < 0) {
    if (ui.caret_id == id) ui.caret_id.clear();
  } else {
    if (ui.caret_id != id) ui.caret_scroll = 0.0f;
    ui.caret_id = id;
    ui.caret_anchor = anchor;
    ui.caret_focus = focus < 0 ? anchor : focus;
  }
  p->frames_to_draw = 3;
}
// Esc pressed while DOM focus is in the DOM layer (the canvas does not see the key then).
EMSCRIPTEN_KEEPALIVE void granice_escape() {
  if (!granice::platform::g_platform) return;
  granice::app::HandleEscape(granice::platform::g_platform->app);
  granice::platform::g_platform->frames_to_draw = 3;
}
// Scroll keys (PageDown, arrows, Home/End) pressed in the DOM layer: scroll by `dy` CSS px.
EMSCRIPTEN_KEEPALIVE void granice_scroll(float dy) {
  if (!granice::platform::g_platform) return;
  granice::platform::g_platform->app.scroll_by += dy;
  granice::platform::g_platform->frames_to_draw = 3;
}
// Frame timer: the main-thread milliseconds of the last frames drawn (JSON array, oldest first);
// `reset` non-zero empties the ring afterwards (benchmarks measure one interaction at a time).
EMSCRIPTEN_KEEPALIVE const char* granice_frame_times(int reset) {
  granice::platform::Platform* p = granice::platform::g_platform;
  if (!p) return "[]";
  std::string& out = p->frame_ms_json;
  out = "[";
  const std::size_t n = p->frame_ms_count, cap = granice::platform::Platform::kFrameTimes;
  for (std::size_t i = 0; i < n; ++i) {
    const float v = p->frame_ms[(p->frame_ms_next + cap - n + i) % cap];
    if (i) out += ',';
    out += std::to_string(std::lround(v * 1000.0f) / 1000.0);
  }
  out += "]";
  if (reset) p->frame_ms_count = 0;
  return out.c_str();
}
// Memory: wasm memory size, the heap's top (now and its high-water mark) and bytes in use.
EMSCRIPTEN_KEEPALIVE const char* granice_heap() {
  static std::string out;
  granice::platform::Platform* p = granice::platform::g_platform;
  const std::uintptr_t top = reinterpret_cast<std::uintptr_t>(sbrk(0));
  const struct mallinfo mi = mallinfo();
  out = "{\"memory\":" + std::to_string(__builtin_wasm_memory_size(0) * 65536u) + ",\"heap_top\":" + std::to_string(top) +
        ",\"heap_top_max\":" + std::to_string(std::max(top, p ? p->heap_top_max : 0)) +
        ",\"in_use\":" + std::to_string(mi.uordblks) + "}";
  return out.c_str();
}
EMSCRIPTEN_KEEPALIVE void granice_wake() {
  if (granice::platform::g_platform) granice::platform::g_platform->frames_to_draw = 2;
}
}

int main() { return granice::platform::Run(); }
