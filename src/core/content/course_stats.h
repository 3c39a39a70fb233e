// What a loaded course holds, per module and language: `granice stats --json` prints this.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "core/content/model.h"

namespace granice {

// Whitespace-separated words that contain at least one letter or digit (any UTF-8 letter counts).
int count_words(std::string_view text);

// {"languages": [...], "modules": [{"id", "kind", "lang": {"pl": {...}}}], "bank": {...}, ...}
nlohmann::ordered_json course_stats(const Course& course);  // keys in a fixed, readable order

}  // namespace granice
