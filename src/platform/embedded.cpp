#include "platform/embedded.h"

#include <map>
#include <memory>
#include <string>

#include "core/content/content_hash.h"
#include "platform/js_bridge.h"
#include "transport/text_pack.h"

namespace granice::platform {

std::string PackFileName(std::string_view lang) { return "content-" + std::string(lang) + ".pack.lzma"; }

namespace {

using Files = std::map<std::string, std::string>;  // "m1-boundaries.json" -> JSON text

std::string& TrustedForTests() {
  static std::string lines;
  return lines;
}

// The hash the build recorded for `lang`'s pack (or a test build was told to trust), or "".
std::string RecordedHash(std::string_view lang) {
  std::string_view lines = TrustedForTests().empty() ? std::string_view(kPackHashes) : std::string_view(TrustedForTests());
  while (!lines.empty()) {
    const std::size_t nl = lines.find('\n');
    const std::string_view line = lines.substr(0, nl);
    const std::size_t eq = line.find('=');
    if (eq != std::string_view::npos && line.substr(0, eq) == lang) return std::string(line.substr(eq + 1));
    lines = nl == std::string_view::npos ? std::string_view() : lines.substr(nl + 1);
  }
  return "";
}

// The pack's files, once its hash is the recorded one; "" or what is wrong.
std::string UnpackContent(std::string_view lang, std::string_view pack, Files& files) {
  const std::string want = RecordedHash(lang);
  if (want.empty()) return "is not a language of this build";
  double t = NowMs();
  Fnv1a64 h;
  h.add(pack);
  NoteStartPhase("pack hash", NowMs() - t);
  if (h.hex() != want)
    return "is damaged or from another build (" + std::to_string(pack.size()) + " bytes, not the ones built)";
  t = NowMs();
  auto unpacked = unpack_content(pack);
  NoteStartPhase("pack unpack", NowMs() - t);
  if (!unpacked) return "cannot be unpacked";
  for (PackedFile& f : *unpacked) {
    const std::string prefix = "quizzes/";
    files[f.name.substr(f.name.rfind(prefix, 0) == 0 ? prefix.size() : 0)] = std::move(f.text);
  }
  return "";
}

}  // namespace

void TrustPackHashesForTests(std::string_view lines) { TrustedForTests() = std::string(lines); }

LoadResult LoadPackCourse(std::string_view lang, std::string_view pack) {
  auto files = std::make_shared<Files>();
  if (const std::string problem = UnpackContent(lang, pack, *files); !problem.empty()) {
    LoadResult r;
    r.diagnostics.push_back(Diagnostic{PackFileName(lang), 1, 1, "", "the course's language pack " + problem,
                                       "the pack built with this app (rebuild it)"});
    return r;
  }
  ContentSource source;
  source.display_dir = "quizzes/";
  source.languages_present = {std::string(lang)};
  source.checked_pack = true;   // its hash is the one this build made (UnpackContent)
  source.read = [files](const std::string& name) -> std::optional<std::string> {
    const auto it = files->find(name);
    if (it == files->end()) return std::nullopt;
    return it->second;
  };
  const double t = NowMs();
  LoadResult r = load_course(source);
  NoteStartPhase("content load", NowMs() - t);
  std::string order;
  for (const std::string& f : r.files) order += (order.empty() ? "" : "\n") + f;
  if (r.ok() && order == kContentLoadOrder && *kContentHashOriginal && TrustedForTests().empty())
    r.course.content_hash = kContentHashOriginal;   // (a test's own packs are other content)
  return r;
}

}  // namespace granice::platform
