// README "interface.json": the app's own interface strings in every course language, by id. The
// ids are the app's (core/content/interface_ids.h): none may be missing, none unknown.
#include <algorithm>
#include <set>

#include "core/content/interface_ids.h"
#include "core/content/load_parts.h"
#include "core/text/text_match.h"
#include "core/text/utf8.h"

namespace granice::load {

namespace {

// "{0}", "{1}", ... in `text`, sorted: what the app fills in, the same in every language.
std::multiset<std::string> placeholders(const std::string& text) {
  std::multiset<std::string> out;
  for (std::size_t i = 0; i + 2 < text.size(); ++i)
    if (text[i] == '{' && text[i + 1] >= '0' && text[i + 1] <= '9' && text[i + 2] == '}') out.insert(text.substr(i, 3));
  return out;
}

std::string listed(const std::multiset<std::string>& p) {
  return p.empty() ? std::string("none") : join(std::vector<std::string>(p.begin(), p.end()), " ");
}

InterfaceString read_string(DocContext& ctx, const json& j, const std::string& pointer, const std::string& default_lang) {
  InterfaceString s;
  if (!j.is_object()) {
    s.text = read_text(ctx, j, pointer);  // reports the wrong type
    return s;
  }
  json texts = j;  // the languages alone: read_text knows no "max_length"
  if (const auto it = j.find("max_length"); it != j.end()) {
    texts.erase("max_length");
    const std::string ptr = json_pointer_child(pointer, "max_length");
    if (!it->is_number_integer() || it->get<long long>() < 1 || it->get<long long>() > 1000)
      ctx.at_value(ptr, "invalid max_length " + it->dump(), "a whole number of characters from 1 to 1000");
    else
      s.max_length = static_cast<int>(it->get<long long>());
  }
  s.text = read_text(ctx, texts, pointer);
  const auto def = s.text.tr.find(default_lang);
  for (const auto& [lang, text] : s.text.tr) {
    const std::string ptr = json_pointer_child(pointer, lang);
    if (s.max_length > 0 && utf8_code_points(text) > static_cast<std::size_t>(s.max_length))
      ctx.at_value(ptr, "the \"" + lang + "\" text has " + std::to_string(utf8_code_points(text)) + " characters",
                   "at most " + std::to_string(s.max_length) + " (max_length: the layout has no room for more)");
    if (def != s.text.tr.end() && lang != default_lang && placeholders(text) != placeholders(def->second))
      ctx.at_value(ptr, "placeholders differ from the \"" + default_lang + "\" text (" + default_lang + ": " +
                            listed(placeholders(def->second)) + "; " + lang + ": " + listed(placeholders(text)) + ")",
                   "the same {0}, {1}, ... in every language: the app fills them in");
  }
  return s;
}

}  // namespace

void read_interface_file(DocContext& ctx, const json& root, Course& course) {
  ObjectReader r(ctx, root, "");
  if (!r.valid()) return;
  r.string("$schema", Need::Optional);
  const json* strings = r.object("strings", Need::Required, "an object of interface string id -> its texts");
  if (!strings) return;
  const std::string base = r.child("strings");
  std::vector<std::string> known(std::begin(kInterfaceIds), std::end(kInterfaceIds));
  for (const auto& [id, value] : strings->items()) {
    const std::string ptr = json_pointer_child(base, id);
    if (std::find(known.begin(), known.end(), id) == known.end()) {
      const std::string guess = closest_match(id, known);
      ctx.at_key(ptr, "unknown interface string \"" + id + "\"",
                 guess.empty() ? "an id the app uses (core/content/interface_ids.h)" : "did you mean \"" + guess + "\"?");
      continue;
    }
    course.interface_strings[id] = read_string(ctx, value, ptr, course.default_language);
  }
  for (const std::string& id : known)
    if (!strings->contains(id))
      ctx.at_parent(base, json_pointer_child(base, id), "missing interface string \"" + id + "\"",
                    "a text in every course language for each id the app uses");
}

}  // namespace granice::load
