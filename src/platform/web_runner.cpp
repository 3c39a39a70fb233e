#include "platform/web_runner.h"

#include <GLES3/gl3.h>
#include <SDL.h>
#include <emscripten.h>

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <deque>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/theme.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl.h"
#include "platform/input_queue.h"
#include "platform/js_bridge.h"
#include "transport/text_pack.h"

namespace granice::platform {

namespace {

// [SECTION] The loop's state
// One language pack's fonts; the atlas points into these bytes, so they stay while the page runs.
struct PackFonts {
  std::string body, bold;        // TTF subsets
  std::vector<ImWchar> ranges;   // the glyphs they hold (theme::GlyphRanges)
};

struct Loop {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  app::FrontEnd* front = nullptr;
  InputQueue input;
  long frames = 0;             // frames put on screen since start (window.granice.frames())
  long frames_built = 0;       // frames built, drawn or not (window.granice.framesBuilt())
  int frames_to_draw = 2;      // frames still owed after the last change
  // What the last frame put on screen drew (DrawnLook): a frame that would draw the same is not
  // drawn again; its GL calls, the software rasteriser and the page's compositing are skipped.
  std::string shown_look;
  std::string next_look;
  bool must_draw = true;       // the font texture was made again, or the canvas resized (same look, new pixels)
  float font_dpr = 0.0f;       // device pixel ratio the font atlas was built for
  float font_scale = 0.0f;     // text scale the font atlas was built for
  std::string font_lang;       // language whose pack's fonts the atlas was built from ("": none yet)
  std::map<std::string, PackFonts> pack_fonts;   // by language, as the packs arrived (never replaced)
  std::string semantics_json;  // the last frame's semantic tree, for window.granice.semantics()
  bool first_frame_reported = false;
  double last_tick = 0.0;      // for time spent: wall clock of the previous animation frame
  // Frame timer (window.granice.frameTimes()): milliseconds of main-thread work per drawn frame,
  // the last kFrameTimes of them, oldest first once the ring has wrapped.
  static constexpr std::size_t kFrameTimes = 4096;
  std::vector<float> frame_ms = std::vector<float>(kFrameTimes, 0.0f);
  std::size_t frame_ms_next = 0;
  std::size_t frame_ms_count = 0;
  std::string frame_ms_json;
  std::uintptr_t heap_top_max = 0;   // high-water mark of the heap's top (sbrk), sampled per frame
  // Taps (web/granice.js decides what is a tap): each becomes a click, pressed in one frame and
  // released in the next at the tap's place. SDL makes no mouse events from fingers.
  std::deque<ImVec2> taps;
  ImVec2 tap_pos;
  int tap_phase = 0;                 // 0 none, 1 press this frame, 2 release this frame
  float pinch_start_scale = 1.0f;    // text size when the pinch began
};

Loop* g_loop = nullptr;  // the exported C functions below need to reach it

// [SECTION] Fonts: rasterised at device pixels, drawn at CSS pixels, so text stays crisp
// The fonts for the language on screen: its pack's, else those in use, else any pack's ("": none
// arrived yet, ImGui's own font until one does).
std::string FontLanguage(const Loop& p) {
  const std::string& lang = p.front->shell().settings.lang;
  if (p.pack_fonts.count(lang)) return lang;
  if (!p.font_lang.empty() || p.pack_fonts.empty()) return p.font_lang;
  return p.pack_fonts.begin()->first;
}

void BuildFonts(Loop& p, float dpr) {
  const double t = NowMs();
  const std::string lang = FontLanguage(p);
  const auto it = p.pack_fonts.find(lang);
  const float scale = p.front->shell().settings.text_scale;
  if (it == p.pack_fonts.end()) theme::BuildFonts({}, {}, scale * dpr);
  else theme::BuildFonts(it->second.body, it->second.bold, scale * dpr, it->second.ranges.data());
  ImGui::GetIO().FontGlobalScale = 1.0f / dpr;
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
  p.must_draw = true;
  p.font_dpr = dpr;
  p.font_scale = scale;
  p.font_lang = lang;
  if (!p.first_frame_reported) NoteStartPhase("font atlas", NowMs() - t);
  if (!lang.empty()) NoteFontLanguage(lang);
}

// [SECTION] Drawing only what changed
// Everything a frame's GL calls depend on, as bytes: the viewport, the background, and every draw
// list's vertices, indices and commands (clip rectangles, textures, offsets, counts). ImGui
// settles layout over a few frames after input (frames_to_draw), and most of them come out the
// same as the one on screen: those are built but not drawn.
void DrawnLook(const ImDrawData& d, const ImVec4& bg, std::string& out) {
  out.clear();
  const auto put = [&out](const void* bytes, std::size_t n) { out.append(static_cast<const char*>(bytes), n); };
  put(&d.DisplayPos, sizeof d.DisplayPos);
  put(&d.DisplaySize, sizeof d.DisplaySize);
  put(&d.FramebufferScale, sizeof d.FramebufferScale);
  put(&bg, sizeof bg);
  put(&d.CmdListsCount, sizeof d.CmdListsCount);
  for (int i = 0; i < d.CmdListsCount; ++i) {
    const ImDrawList& list = *d.CmdLists[i];
    const int counts[3] = {list.VtxBuffer.Size, list.IdxBuffer.Size, list.CmdBuffer.Size};
    put(counts, sizeof counts);
    put(list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert));
    put(list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd& c : list.CmdBuffer) {
      put(&c.ClipRect, sizeof c.ClipRect);
      put(&c.TextureId, sizeof c.TextureId);
      put(&c.VtxOffset, sizeof c.VtxOffset);
      put(&c.IdxOffset, sizeof c.IdxOffset);
      put(&c.ElemCount, sizeof c.ElemCount);
      put(&c.UserCallback, sizeof c.UserCallback);
      put(&c.UserCallbackData, sizeof c.UserCallbackData);
    }
  }
}

// A tap as a click, after the SDL backend has set the mouse from SDL's state.
void ApplyTap(Loop& p) {
  if (p.tap_phase == 0 && !p.taps.empty()) {
    p.tap_pos = p.taps.front();
    p.taps.pop_front();
    p.tap_phase = 1;
  }
  if (p.tap_phase == 0) return;
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = p.tap_pos;
  io.MouseDown[0] = p.tap_phase == 1;
  p.tap_phase = p.tap_phase == 1 ? 2 : 0;
}

// [SECTION] One iteration of the browser's animation frame
void Frame(void* arg) {
  Loop& p = *static_cast<Loop*>(arg);
  app::Shell& shell = p.front->shell();
  // Time spent counts while the page is open and visible (animation frames stop when hidden);
  // gaps over 5 s (a sleeping laptop) are not counted.
  const double tick = NowSeconds();
  if (p.last_tick > 0 && tick - p.last_tick < 5.0) p.front->AddTime(tick - p.last_tick);
  p.last_tick = tick;
  if (p.input.Pump()) p.frames_to_draw = 3;   // a few frames let hover and layout settle
  if (app::HasPendingInput(shell)) p.frames_to_draw = 3;
  if (p.tap_phase != 0 || !p.taps.empty()) p.frames_to_draw = std::max(p.frames_to_draw, 2);
  // Nothing to draw before the course's first language pack is loaded (the page shows its own
  // loading status), so no atlas is baked from ImGui's own font only to be replaced by the pack's
  // fonts at once (≈ 20 ms of the start). Input meanwhile is dropped, as an empty frame would.
  if (!p.front->Ready()) {
    p.input.Clear();
    return;
  }

  const float dpr = static_cast<float>(DevicePixelRatio());
  if (dpr != p.font_dpr || p.front->shell().settings.text_scale != p.font_scale || FontLanguage(p) != p.font_lang) {
    BuildFonts(p, dpr);
    p.frames_to_draw = 3;
  }
  if (p.frames_to_draw <= 0 && p.input.Empty()) return;   // idle: draw nothing, keep the last frame
  if (p.frames_to_draw > 0) p.frames_to_draw--;
  const double frame_start = emscripten_get_now();

  p.input.FeedFrame([](const SDL_Event& e) { ImGui_ImplSDL2_ProcessEvent(&e); });

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ApplyTap(p);
  ImGui::NewFrame();
  const std::string before = p.semantics_json;
  p.front->Frame();
  ImGui::Render();

  const ImGuiIO& io = ImGui::GetIO();
  const ImVec4 bg = theme::Colors().background;
  DrawnLook(*ImGui::GetDrawData(), bg, p.next_look);
  const bool draw = p.must_draw || p.next_look != p.shown_look;
  if (draw) {
    glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    SDL_GL_SwapWindow(p.window);
    p.frames++;
    p.shown_look.swap(p.next_look);
    p.must_draw = false;
  }
  p.frames_built++;
  const std::uintptr_t top = reinterpret_cast<std::uintptr_t>(sbrk(0));
  if (top > p.heap_top_max) p.heap_top_max = top;

  p.semantics_json = shell.ui.tree.ToJson();
  if (p.semantics_json != before) {
    // The screen changed: one more frame so layout that depends on last frame's sizes settles.
    if (p.frames_to_draw < 1) p.frames_to_draw = 1;
    SetDocumentTitle(shell.ui.tree.title.c_str());
    NotifySemanticsChanged();
  }
  if (draw) {   // the frame timer counts drawn frames, as it always did
    p.frame_ms[p.frame_ms_next] = static_cast<float>(emscripten_get_now() - frame_start);
    p.frame_ms_next = (p.frame_ms_next + 1) % Loop::kFrameTimes;
    p.frame_ms_count = std::min(p.frame_ms_count + 1, Loop::kFrameTimes);
  }
  if (!p.first_frame_reported && p.front->Ready()) {
    p.first_frame_reported = true;
    NotifyFirstFrame();
  }
}

Loop& TheLoop() {
  static Loop loop;
  g_loop = &loop;
  return loop;
}

}  // namespace

WebRunner::WebRunner() {
  Loop& p = TheLoop();
  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");   // fingers: web/granice.js (drag scrolls, a tap clicks)
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    SDL_Log("SDL_Init failed: %s", SDL_GetError());
    return;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  p.window = SDL_CreateWindow("Granice", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800,
                              SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  if (!p.window) {
    SDL_Log("SDL_CreateWindow failed: %s", SDL_GetError());
    return;
  }
  p.gl = SDL_GL_CreateContext(p.window);
  if (!p.gl) {
    SDL_Log("WebGL2 context failed: %s", SDL_GetError());
    return;
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
  ok_ = true;
}

void WebRunner::Run(app::FrontEnd& front) {
  Loop& p = TheLoop();
  p.front = &front;
  front.shell().settings.coarse_pointer = CoarsePointer();
  emscripten_set_main_loop_arg(Frame, &p, 0, 1);
}

app::Shell* RunningShell() { return g_loop && g_loop->front ? &g_loop->front->shell() : nullptr; }

void UsePackFonts(const std::string& lang, std::string_view pack) {
  Loop& p = TheLoop();
  if (p.pack_fonts.count(lang)) return;   // the atlas may point into the ones kept
  const auto files = pack_binaries(pack);
  if (!files) return;
  PackFonts fonts;
  std::string glyphs;
  for (const PackedFile& f : *files) {
    if (f.name == "fonts/body.ttf") fonts.body = f.text;
    else if (f.name == "fonts/bold.ttf") fonts.bold = f.text;
    else if (f.name == "fonts/glyphs") glyphs = f.text;
  }
  fonts.ranges = theme::GlyphRanges(glyphs);
  if (fonts.body.empty() || fonts.bold.empty() || fonts.ranges.empty()) {
    Log(2, "granice: the " + lang + " language pack carries no usable fonts");
    return;
  }
  p.pack_fonts.emplace(lang, std::move(fonts));
  p.frames_to_draw = std::max(p.frames_to_draw, 2);
}

std::int64_t WebRunner::Now() const { return static_cast<std::int64_t>(NowSeconds()); }
std::optional<std::string> WebRunner::Load(const std::string& key) const { return StorageGet(key); }
void WebRunner::Store(const std::string& key, const std::string& value) { StorageSet(key, value); }

}  // namespace granice::platform

// [SECTION] Functions the page calls (window.granice)
namespace {
using granice::platform::g_loop;
using granice::platform::RunningShell;
// Input from the page: draw a few frames so it is applied and the layout settles.
void Wake() {
  if (g_loop) g_loop->frames_to_draw = 3;
}
}  // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE long granice_frames() { return g_loop ? g_loop->frames : 0; }
EMSCRIPTEN_KEEPALIVE long granice_frames_built() { return g_loop ? g_loop->frames_built : 0; }
EMSCRIPTEN_KEEPALIVE const char* granice_semantics() { return g_loop ? g_loop->semantics_json.c_str() : "{}"; }
EMSCRIPTEN_KEEPALIVE void granice_activate(const char* id) {
  if (granice::app::Shell* s = RunningShell()) s->ui.pending_activation = id;
}
// True while the app still has input to process or frames to draw (tests wait for false).
EMSCRIPTEN_KEEPALIVE int granice_busy() {
  granice::app::Shell* s = RunningShell();
  if (!s) return 1;
  return g_loop->frames_to_draw > 0 || !g_loop->input.Empty() || g_loop->tap_phase != 0 || !g_loop->taps.empty() ||
         SDL_PeepEvents(nullptr, 0, SDL_PEEKEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) > 0 || granice::app::HasPendingInput(*s);
}
// The accessible DOM layer (web/a11y.js): DOM focus moved to widget `id` (Tab in the page).
EMSCRIPTEN_KEEPALIVE void granice_focus(const char* id) {
  granice::app::Shell* s = RunningShell();
  if (!s) return;
  s->ui.focus_request = id;
  if (!*id && ImGui::GetCurrentContext()) ImGui::GetCurrentContext()->NavId = 0;   // focus left the widgets
  Wake();
}
// The DOM layer's <input> for text field `id` now holds `text`.
EMSCRIPTEN_KEEPALIVE void granice_set_text(const char* id, const char* text) {
  granice::app::Shell* s = RunningShell();
  if (!s) return;
  s->ui.pending_text_id = id;
  s->ui.pending_text = text;
  Wake();
}
// The DOM layer's <select> for drop-down `id` now shows option `index` (chosen by keyboard or a
// screen reader): the drop-down picks it as if chosen in its own list.
EMSCRIPTEN_KEEPALIVE void granice_choose(const char* id, int index) {
  granice::app::Shell* s = RunningShell();
  if (!s) return;
  s->ui.pending_choice_id = id;
  s->ui.pending_choice = index;
  Wake();
}
// The DOM layer's <input> for text field `id` has focus with its selection from `anchor` to
// `focus` (UTF-16 offsets; the caret is at `focus`); anchor < 0 = it lost focus. The canvas draws
// that caret and selection.
EMSCRIPTEN_KEEPALIVE void granice_set_caret(const char* id, int anchor, int focus) {
  granice::app::Shell* s = RunningShell();
  if (!s) return;
  granice::ui::Context& ui = s->ui;
  if (anchor < 0) {
    if (ui.caret_id == id) ui.caret_id.clear();
  } else {
    if (ui.caret_id != id) ui.caret_scroll = 0.0f;
    ui.caret_id = id;
    ui.caret_anchor = anchor;
    ui.caret_focus = focus < 0 ? anchor : focus;
  }
  Wake();
}
// Esc pressed while DOM focus is in the DOM layer (the canvas does not see the key then).
EMSCRIPTEN_KEEPALIVE void granice_escape() {
  if (!RunningShell()) return;
  g_loop->front->Escape();
  Wake();
}
// Scroll keys (PageDown, arrows, Home/End) pressed in the DOM layer: scroll by `dy` CSS px.
EMSCRIPTEN_KEEPALIVE void granice_scroll(float dy) {
  granice::app::Shell* s = RunningShell();
  if (!s || !std::isfinite(dy)) return;
  s->scroll_by += dy;
  Wake();
}
// [SECTION] History: the browser's Back and Forward (web/a11y.js)
EMSCRIPTEN_KEEPALIVE const char* granice_location() {
  static std::string out;
  out = RunningShell() ? g_loop->front->Location() : std::string();
  return out.c_str();
}
EMSCRIPTEN_KEEPALIVE int granice_navigate(const char* key) {
  if (!RunningShell() || !key) return 0;
  const bool ok = g_loop->front->Navigate(key);
  Wake();
  return ok ? 1 : 0;
}

// [SECTION] Touch and the kind of pointer (web/granice.js's gesture code)
// A finger dragged the page by `dy` CSS px (> 0: towards the end). Nothing to scroll: no frame.
EMSCRIPTEN_KEEPALIVE void granice_touch_scroll(float dy) {
  granice::app::Shell* s = RunningShell();
  if (s && granice::app::TouchScroll(*s, dy)) Wake();
}
// The finger left at `velocity` CSS px per second: the page goes on with momentum (0 stops it).
// Returns 1 when a flick was running (a finger that stops a flick is not also a tap).
EMSCRIPTEN_KEEPALIVE int granice_touch_fling(float velocity) {
  granice::app::Shell* s = RunningShell();
  if (!s) return 0;
  const bool was = s->fling.active();
  if (granice::app::TouchFling(*s, velocity)) Wake();
  return was ? 1 : 0;
}
// A tap at (x, y) CSS px: a click there.
EMSCRIPTEN_KEEPALIVE void granice_tap(float x, float y) {
  if (!RunningShell()) return;
  g_loop->taps.push_back(ImVec2(x, y));
  Wake();
}
// Two fingers: `ratio` = their distance now / at the start; phase 0 start, 1 move, 2 end. The
// text size follows (the Settings screen's steps), crisp and reflowed.
EMSCRIPTEN_KEEPALIVE void granice_pinch(float ratio, int phase) {
  granice::app::Shell* s = RunningShell();
  if (!s) return;
  if (phase == 0) g_loop->pinch_start_scale = s->settings.text_scale;
  else if (granice::app::PinchTextScale(*s, g_loop->pinch_start_scale, ratio)) Wake();
  if (phase == 2) g_loop->front->SettingsChanged();
}
// The last input was a key (1) or a pointer (0): focus rings show only after keys.
EMSCRIPTEN_KEEPALIVE void granice_input_modality(int keyboard) {
  granice::app::Shell* s = RunningShell();
  if (!s || s->ui.focus_visible == (keyboard != 0)) return;
  s->ui.focus_visible = keyboard != 0;
  Wake();
}
// The main pointer became coarse (a touch screen) or fine: thumb-sized targets or not.
EMSCRIPTEN_KEEPALIVE void granice_coarse_pointer(int coarse) {
  granice::app::Shell* s = RunningShell();
  if (!s || s->settings.coarse_pointer == (coarse != 0)) return;
  s->settings.coarse_pointer = coarse != 0;
  s->theme_dirty = true;
  Wake();
}

// Frame timer: the main-thread milliseconds of the last frames drawn (JSON array, oldest first);
// `reset` non-zero empties the ring afterwards (benchmarks measure one interaction at a time).
EMSCRIPTEN_KEEPALIVE const char* granice_frame_times(int reset) {
  granice::platform::Loop* p = granice::platform::g_loop;
  if (!p) return "[]";
  std::string& out = p->frame_ms_json;
  out = "[";
  const std::size_t n = p->frame_ms_count, cap = granice::platform::Loop::kFrameTimes;
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
  granice::platform::Loop* p = granice::platform::g_loop;
  const std::uintptr_t top = reinterpret_cast<std::uintptr_t>(sbrk(0));
  const struct mallinfo mi = mallinfo();
  out = "{\"memory\":" + std::to_string(__builtin_wasm_memory_size(0) * 65536u) + ",\"heap_top\":" + std::to_string(top) +
        ",\"heap_top_max\":" + std::to_string(std::max(top, p ? p->heap_top_max : 0)) +
        ",\"in_use\":" + std::to_string(mi.uordblks) + "}";
  return out.c_str();
}
EMSCRIPTEN_KEEPALIVE void granice_wake() {
  if (granice::platform::g_loop) granice::platform::g_loop->frames_to_draw = 2;
}
// The window was resized: SDL may have set the canvas's size, which clears a WebGL canvas even
// when the size is the one it had, so the next frame is drawn whatever it looks like.
EMSCRIPTEN_KEEPALIVE void granice_resized() {
  if (!granice::platform::g_loop) return;
  granice::platform::g_loop->must_draw = true;
  granice_wake();
}
}

