#include "core/content/text_refs.h"

#include <algorithm>

#include "core/text/text_match.h"
#include "core/content/text_sites.h"

namespace granice {

namespace {

const Resource* find_resource(const std::vector<Resource>& list, std::string_view id) {
  for (const auto& r : list)
    if (r.id == id) return &r;
  return nullptr;
}

struct Problem {
  std::string message;
  std::string expected;
};

std::string resolve(std::string_view text, std::string_view lang, const std::vector<Resource>& resources,
                    std::vector<Problem>& problems) {
  static constexpr std::string_view kPhone = "{phone:", kName = "{resource:";
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const bool phone = text.compare(i, kPhone.size(), kPhone) == 0;
    const bool name = !phone && text.compare(i, kName.size(), kName) == 0;
    const std::size_t close = (phone || name) ? text.find('}', i) : std::string_view::npos;
    if ((phone || name) && close == std::string_view::npos) {  // shown as written: say so
      const std::string_view start = text.substr(i, std::min<std::size_t>(text.size() - i, 30));
      problems.push_back({"a contact reference without its closing '}': " + std::string(start),
                          std::string(phone ? "{phone:ID}" : "{resource:ID}") + " with the contact's id"});
    }
    if (close == std::string_view::npos) {
      out += text[i++];
      continue;
    }
    const std::size_t start = i + (phone ? kPhone.size() : kName.size());
    const std::string id(text.substr(start, close - start));
    const std::string written(text.substr(i, close + 1 - i));
    const Resource* r = find_resource(resources, id);
    if (!r) {
      std::vector<std::string> ids;
      for (const auto& res : resources) ids.push_back(res.id);
      const std::string guess = closest_match(id, ids);
      problems.push_back({"unknown contact \"" + id + "\" in " + written,
                          guess.empty() ? "the id of a contact in resources.json" : "did you mean \"" + guess + "\"?"});
      out += written;
    } else if (phone && r->phone.empty()) {
      problems.push_back({"contact \"" + id + "\" has no phone number for " + written,
                          "a contact with \"phone\", or {resource:" + id + "} for its name"});
      out += written;
    } else {
      out += phone ? r->phone : r->name.in(lang);
    }
    i = close + 1;
  }
  return out;
}

}  // namespace

std::string resolve_refs_in(std::string_view text, std::string_view lang, const std::vector<Resource>& resources,
                            std::vector<std::string>* problems) {
  std::vector<Problem> found;
  std::string out = resolve(text, lang, resources, found);
  if (problems)
    for (auto& p : found) problems->push_back(std::move(p.message));
  return out;
}

std::vector<TextRefProblem> resolve_resource_refs(Course& course) {
  std::vector<TextRefProblem> out;
  const std::vector<Resource> resources = course.resources;  // resource texts may refer to each other
  for_each_text(course, [&](const TextSite& at, LocalText& t) {
    for (auto& [lang, s] : t.tr) {
      if (s.find('{') == std::string::npos) continue;
      std::vector<Problem> found;
      s = resolve(s, lang, resources, found);
      for (auto& p : found) out.push_back({at.file, at.pointer + "/" + lang, std::move(p.message), std::move(p.expected)});
    }
  });
  return out;
}

}  // namespace granice
