// Contacts written into course text by reference, so that replacing resources.json changes every
// place a number appears: "{phone:ID}" becomes the contact's phone number, "{resource:ID}" its name
// in the text's language. The loader resolves them once, after every file is read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/content/model.h"

namespace granice {

struct TextRefProblem {
  std::string_view file;
  std::string pointer;   // of the language string holding the reference
  std::string message;
  std::string expected;
};

// Replaces every reference in every text of `course`; returns what could not be resolved (those
// references stay as written).
std::vector<TextRefProblem> resolve_resource_refs(Course& course);

// Resolves the references in one string (for tests and tools); problems as messages.
std::string resolve_refs_in(std::string_view text, std::string_view lang, const std::vector<Resource>& resources,
                            std::vector<std::string>* problems = nullptr);

}  // namespace granice
