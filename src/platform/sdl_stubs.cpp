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
