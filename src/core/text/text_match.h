// Small string helpers for content checks: id syntax and "did you mean" suggestions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace granice {

// Ids go into saved progress and SCORM interaction ids: ^[A-Za-z0-9_.-]{1,64}$
bool is_valid_id(std::string_view id);

// Levenshtein distance in bytes (keys are ASCII).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` if it is close enough to be a likely typo, else "".
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// {"a", "b"} and ", " -> "a, b".
std::string join(const std::vector<std::string>& parts, std::string_view sep);

// Without leading and trailing spaces, tabs and line breaks.
std::string trim(std::string_view s);

// "a", "b" and "c" -> "\"a\", \"b\", \"c\"" for messages.
std::string quoted_list(const std::vector<std::string>& words);

}  // namespace granice
