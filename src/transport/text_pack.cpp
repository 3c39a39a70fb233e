#include "transport/text_pack.h"

#include <algorithm>
#include <cstddef>

namespace granice {

namespace {

constexpr char kStreamMark = '\0';
constexpr char kTextMark = '\x01';
constexpr char kNameEnd = '\x02';
constexpr char kFileEnd = '\x03';
constexpr char kBinaryMark = '\x04';
constexpr std::size_t npos = std::string_view::npos;

struct Stream {
  std::string_view language;
  std::vector<std::string_view> texts;
  std::size_t next = 0;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Splits "language \x01 text \x01 text ..." sections that follow the files.
std::optional<std::vector<Stream>> read_streams(std::string_view tail) {
  std::vector<Stream> streams;
  std::size_t at = 0;
  while (at < tail.size()) {
    if (tail[at] != kStreamMark) return std::nullopt;
    const std::size_t end = tail.find(kStreamMark, at + 1);
    const std::string_view section = tail.substr(at + 1, end == npos ? npos : end - at - 1);
    Stream s;
    std::size_t cut = section.find(kTextMark);
    s.language = section.substr(0, cut);
    if (s.language.empty()) return std::nullopt;
    while (cut != npos) {
      const std::size_t next = section.find(kTextMark, cut + 1);
      s.texts.push_back(section.substr(cut + 1, next == npos ? npos : next - cut - 1));
      cut = next;
    }
    streams.push_back(s);
    at = end == npos ? tail.size() : end;
  }
  return streams;
}

// One file's JSON: the structure with each language key's "" refilled from its stream.
bool refill(std::string_view structure, std::vector<Stream>& streams, std::string& out) {
  out.reserve(structure.size() * 4);
  Stream* pending = nullptr;  // set by a language key, until its value
  for (std::size_t i = 0; i < structure.size();) {
    if (structure[i] != '"') {   // up to the next string, copied at once (this runs at every start)
      const std::size_t quote = std::min(structure.find('"', i), structure.size());
      const std::string_view run = structure.substr(i, quote - i);
      if (std::any_of(run.begin(), run.end(), [](char c) { return !is_space(c) && c != ':'; })) pending = nullptr;
      out += run;
      i = quote;
      continue;
    }
    std::size_t end = i + 1;
    while (end < structure.size() && structure[end] != '"') end += structure[end] == '\\' ? 2 : 1;
    if (end >= structure.size()) return false;  // unterminated string
    ++end;
    const std::string_view token = structure.substr(i, end - i);
    i = end;
    if (pending) {
      if (token.size() != 2 || pending->next >= pending->texts.size()) return false;
      out += '"';
      out += pending->texts[pending->next++];
      out += '"';
      pending = nullptr;
      continue;
    }
    out += token;
    std::size_t j = i;
    while (j < structure.size() && is_space(structure[j])) ++j;
    if (j < structure.size() && structure[j] == ':') {  // `token` is a key
      const std::string_view key = token.substr(1, token.size() - 2);
      for (Stream& s : streams)
        if (s.language == key) pending = &s;
    }
  }
  return true;
}

// The texts' part of a pack: everything before the first binary file.
std::string_view text_part(std::string_view pack) { return pack.substr(0, pack.find(kBinaryMark)); }

}  // namespace

std::optional<std::vector<PackedFile>> pack_binaries(std::string_view pack) {
  std::vector<PackedFile> out;
  std::size_t at = text_part(pack).size();
  while (at < pack.size()) {   // at a kBinaryMark
    const std::size_t name_end = pack.find(kNameEnd, at + 1);
    if (name_end == npos || name_end == at + 1) return std::nullopt;
    const std::size_t size_end = pack.find(kNameEnd, name_end + 1);
    if (size_end == npos || size_end == name_end + 1 || size_end - name_end > 10) return std::nullopt;
    std::size_t size = 0;
    for (std::size_t i = name_end + 1; i < size_end; ++i) {
      if (pack[i] < '0' || pack[i] > '9') return std::nullopt;
      size = size * 10 + static_cast<std::size_t>(pack[i] - '0');
    }
    if (size > pack.size() - size_end - 1) return std::nullopt;
    out.push_back(PackedFile{std::string(pack.substr(at + 1, name_end - at - 1)), std::string(pack.substr(size_end + 1, size))});
    at = size_end + 1 + size;
    if (at < pack.size() && pack[at] != kBinaryMark) return std::nullopt;
  }
  return out;
}

std::optional<std::vector<PackedFile>> unpack_content(std::string_view whole) {
  const std::string_view pack = text_part(whole);
  const std::size_t files_end = pack.find(kStreamMark);
  const std::string_view files = pack.substr(0, files_end);
  auto streams = read_streams(files_end == npos ? std::string_view() : pack.substr(files_end));
  if (!streams) return std::nullopt;
  std::vector<PackedFile> out;
  for (std::size_t at = 0; at < files.size();) {
    const std::size_t name_end = files.find(kNameEnd, at);
    const std::size_t file_end = files.find(kFileEnd, at);
    if (name_end == npos || file_end == npos || name_end > file_end || name_end == at) return std::nullopt;
    PackedFile f;
    f.name = std::string(files.substr(at, name_end - at));
    if (!refill(files.substr(name_end + 1, file_end - name_end - 1), *streams, f.text)) return std::nullopt;
    out.push_back(std::move(f));
    at = file_end + 1;
  }
  for (const Stream& s : *streams)
    if (s.next != s.texts.size()) return std::nullopt;
  return out;
}

}  // namespace granice
