// A course arrives one language at a time (a language pack each, transport/text_pack.h): the
// texts of a later pack are added to the course already loaded, so the learner's session (which
// points into it) carries on in the new language.
#pragma once

#include <string>

#include "core/content/model.h"

namespace granice {

// Adds every text (and interface string) of `from` to the same text of `into`. Both must be the
// same content loaded from different language packs: "" when merged, else what differs (then
// `into` is unchanged).
std::string merge_texts(Course& into, const Course& from);

}  // namespace granice
