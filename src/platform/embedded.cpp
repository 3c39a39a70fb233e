#include "platform/embedded.h"

#include <map>
#include <memory>
#include <string>

#include "core/content/content_hash.h"
#include "transport/text_pack.h"

namespace granice::platform {

std::optional<std::string_view> Embedded(std::string_view name) {
  for (unsigned i = 0; i < kEmbeddedCount; ++i) {
    if (name == kEmbeddedFiles[i].name)
      return std::string_view(reinterpret_cast<const char*>(kEmbeddedFiles[i].data), kEmbeddedFiles[i].size);
  }
  return std::nullopt;
}

namespace {

using Files = std::map<std::string, std::string>;  // "m1-boundaries.json" -> JSON text

// The pack's files, each checked against the hash the build recorded; "" or what is wrong.
std::string UnpackContent(Files& files) {
  const auto pack = Embedded("quizzes.pack");
  if (!pack) return "not in this build";
  auto unpacked = unpack_content(*pack);
  if (!unpacked) return "cannot be unpacked";
  std::map<std::string, std::string> expected;  // name -> hash
  std::string_view lines = kContentHashesShipped;
  while (!lines.empty()) {
    const std::size_t nl = lines.find('\n');
    const std::string_view line = lines.substr(0, nl);
    const std::size_t eq = line.find('=');
    if (eq != std::string_view::npos) expected[std::string(line.substr(0, eq))] = std::string(line.substr(eq + 1));
    lines = nl == std::string_view::npos ? std::string_view() : lines.substr(nl + 1);
  }
  if (expected.size() != unpacked->size()) return "holds other files than the build recorded";
  for (PackedFile& f : *unpacked) {
    Fnv1a64 h;
    h.add(f.text);
    const auto want = expected.find(f.name);
    if (want == expected.end() || want->second != h.hex()) return f.name + " does not unpack to the text that was packed";
    const std::string prefix = "quizzes/";
    files[f.name.substr(f.name.rfind(prefix, 0) == 0 ? prefix.size() : 0)] = std::move(f.text);
  }
  return "";
}

}  // namespace

LoadResult LoadEmbeddedCourse() {
  auto files = std::make_shared<Files>();
  if (const std::string problem = UnpackContent(*files); !problem.empty()) {
    LoadResult r;
    r.diagnostics.push_back(Diagnostic{"quizzes.pack", 1, 1, "", "the shipped course content " + problem,
                                       "the content built with this app (rebuild it)"});
    return r;
  }
  ContentSource source;
  source.display_dir = "quizzes/";
  source.read = [files](const std::string& name) -> std::optional<std::string> {
    const auto it = files->find(name);
    if (it == files->end()) return std::nullopt;
    return it->second;
  };
  LoadResult r = load_course(source);
  std::string order;
  for (const std::string& f : r.files) order += (order.empty() ? "" : "\n") + f;
  if (r.ok() && order == kContentLoadOrder && *kContentHashOriginal) r.course.content_hash = kContentHashOriginal;
  return r;
}

}  // namespace granice::platform
