// Pinned to SDL 2.26.5 (scripts/setup SDL_VERSION): these replace SDL internals by name, so a new SDL
// version must be checked against each of them.
// Size: Dear ImGui's SDL backend polls a game controller for gamepad navigation, which we never
// enable (ImGuiConfigFlags_NavEnableGamepad is off). Linking SDL's game controller code for that
// call would also bring its mapping database (tens of KB). These stand-ins report "no controller".
#include <SDL.h>

extern "C" {
SDL_GameController* SDL_GameControllerOpen(int) { return nullptr; }
Uint8 SDL_GameControllerGetButton(SDL_GameController*, SDL_GameControllerButton) { return 0; }
Sint16 SDL_GameControllerGetAxis(SDL_GameController*, SDL_GameControllerAxis) { return 0; }
void SDL_GameControllerClose(SDL_GameController*) {}
}

// Size: SDL's software blitters (~100 KB of wasm) are only reachable through SDL_MapSurface, which
// SDL calls when converting or blitting surfaces: for colour cursors and the dummy/offscreen video
// drivers' framebuffers. We use system cursors and a WebGL context, never a surface blit, so the
// blit selector (SDL_blit.c's only external symbol) answers "unsupported" and the linker leaves
// the blitters out. A colour cursor would fail to be created (SDL reports the error), not crash.
extern "C" int SDL_CalculateBlit(SDL_Surface*) { return SDL_SetError("Granice: surface blits are not linked"); }
// The same for RLE acceleration (~12 KB): it only ever applies to surfaces being blitted. Refusing
// to RLE-encode is a documented outcome (SDL keeps the surface as it is); with no surface ever
// RLE-encoded, decoding has nothing to do.
extern "C" int SDL_RLESurface(SDL_Surface*) { return -1; }
extern "C" void SDL_UnRLESurface(SDL_Surface*, int) {}

// Size: SDL's GL_GetProcAddress (Emscripten_GLES_GetProcAddress, and the offscreen driver's EGL
// loader) reaches Emscripten's GL proc-address tables, which import every emscripten_gl* entry
// point: 271 JavaScript functions (44 KB of app.js) plus the name tables in the wasm. Nothing
// here looks GL functions up by name — Dear ImGui's ES3 backend calls them directly — so the
// lookups answer "not available" and those tables and functions are not linked.
extern "C" void* emscripten_webgl_get_proc_address(const char*) { return nullptr; }
extern "C" void* eglGetProcAddress(const char*) { return nullptr; }

// Size: SDL tries its video drivers in order and the Emscripten one always starts (granice.js
// has checked for WebGL2 before loading the app). The offscreen driver (EGL, and with it
// Emscripten's EGL library in app.js) and the dummy driver (a software framebuffer) could only run
// when it did not, so their entries in SDL's driver list are ours, and never start.
struct SDL_VideoDevice;
struct VideoBootStrap {   // SDL 2.26 src/video/SDL_sysvideo.h
  const char* name;
  const char* desc;
  SDL_VideoDevice* (*create)();
};
extern "C" VideoBootStrap OFFSCREEN_bootstrap = {"offscreen", "not linked", []() -> SDL_VideoDevice* { return nullptr; }};
extern "C" VideoBootStrap DUMMY_bootstrap = {"dummy", "not linked", []() -> SDL_VideoDevice* { return nullptr; }};
