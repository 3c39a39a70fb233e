#include "core/content/merge_texts.h"

#include <map>
#include <utility>
#include <vector>

#include "core/content/text_sites.h"

namespace granice {

std::string merge_texts(Course& into, const Course& from) {
  if (into.id != from.id || into.version != from.version || into.languages != from.languages)
    return "another course (" + from.id + " " + from.version + ")";
  // Every text of `from` by where it stands; `into` must have the very same sites.
  std::map<std::pair<std::string, std::string>, const LocalText*> theirs;
  for_each_text(from, [&](const TextSite& at, const LocalText& t) { theirs[{std::string(at.file), at.pointer}] = &t; });
  std::vector<std::pair<LocalText*, const LocalText*>> pairs;
  std::string problem;
  for_each_text(into, [&](const TextSite& at, LocalText& t) {
    const auto it = theirs.find({std::string(at.file), at.pointer});
    if (it == theirs.end()) {
      if (problem.empty()) problem = "no text at " + std::string(at.file) + " " + at.pointer;
      return;
    }
    pairs.emplace_back(&t, it->second);
  });
  if (problem.empty() && pairs.size() != theirs.size()) problem = "a different number of texts";
  for (const auto& [id, s] : from.interface_strings)
    if (problem.empty() && !into.interface_strings.count(id)) problem = "the interface string " + id + " is new";
  if (!problem.empty()) return problem;
  for (auto& [mine, other] : pairs)
    for (const auto& [lang, text] : other->tr) mine->tr[lang] = text;
  for (const auto& [id, s] : from.interface_strings)
    for (const auto& [lang, text] : s.text.tr) into.interface_strings[id].text.tr[lang] = text;
  return "";
}

}  // namespace granice
