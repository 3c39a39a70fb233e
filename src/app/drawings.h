// Drawn pictures: guideline and state icons, persona avatars, a progress ring. Shapes only (no
// image files), one stroke width per size so icons look like one set. Decorative: the screens put
// no node in the semantic tree for them; the text beside each says the same.
#pragma once

#include <string_view>

#include "imgui.h"

namespace granice::draw {

// The stroke every icon of `size` px uses.
float Stroke(float size);

// A guideline's icon, by its objective id (boundaries, listening, ...; anything else: a star).
void GuidelineIcon(ImDrawList* dl, ImVec2 centre, float size, std::string_view objective, ImU32 col);

enum class StateIcon { NotStarted, InProgress, Completed, Passed, Locked, Honoured, Broken };
void StateGlyph(ImDrawList* dl, ImVec2 centre, float size, StateIcon state, ImU32 col);

// A person drawn of shapes: head, hair, shoulders. `seed` (the persona's name) picks skin, hair
// style and colours, so each persona looks distinct and the same every time.
void Avatar(ImDrawList* dl, ImVec2 centre, float size, std::string_view seed, ImU32 ring);

// A ring filled clockwise from the top to `fraction` (0..1), on its track.
void Ring(ImDrawList* dl, ImVec2 centre, float radius, float thickness, float fraction, ImU32 fill, ImU32 track);

}  // namespace granice::draw
