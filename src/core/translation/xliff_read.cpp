#include "core/translation/xliff.h"

#include <map>

#include "core/text/xml_reader.h"

namespace granice {

namespace {

class XliffReader {
 public:
  XliffReader(const std::string& display, std::vector<Diagnostic>& out) : display_(display), out_(out) {}

  void document(const XmlElement& root, XliffDocument& doc) {
    if (root.local_name() != "xliff") return error(root.pos, "the root element is <" + root.name + ">", "<xliff version=\"1.2\">");
    const XmlAttribute* version = root.attribute("version");
    if (!version || (version->value != "1.2" && version->value != "1.1")) {
      return error(version ? version->pos : root.pos, version ? "XLIFF version " + version->value : "no XLIFF version",
                   "version=\"1.2\" (XLIFF 1.2; 1.1 is read too)");
    }
    for (const auto& file : root.children) {
      if (file.local_name() != "file") continue;
      language(file, "source-language", doc.source_language);
      language(file, "target-language", doc.target_language);
      for (const auto& part : file.children) {
        if (part.local_name() == "body") units(part, doc);
      }
    }
  }

 private:
  const std::string& display_;
  std::vector<Diagnostic>& out_;
  std::map<std::string, SourcePos, std::less<>> seen_;
  SourcePos first_language_pos_;

  void error(SourcePos pos, std::string message, std::string expected, std::string unit = "") {
    out_.push_back(Diagnostic{display_, pos.line, pos.col, std::move(unit), std::move(message), std::move(expected)});
  }

  void language(const XmlElement& file, std::string_view name, std::string& value) {
    const XmlAttribute* a = file.attribute(name);
    if (!a || a->value.empty()) return;
    if (value.empty()) {
      value = a->value;
    } else if (value != a->value) {
      error(a->pos, std::string(name) + " \"" + a->value + "\" differs from an earlier <file>'s \"" + value + "\"",
            "one language pair in the whole XLIFF file");
    }
  }

  // The text of <source>/<target>; inline markup is refused (the course writes none).
  std::optional<std::string> plain_text(const XmlElement& e, const std::string& unit) {
    if (!e.children.empty()) {
      error(e.children.front().pos, "markup <" + e.children.front().name + "> inside <" + e.name + ">",
            "plain text (this course uses no inline codes)", unit);
      return std::nullopt;
    }
    return e.text;
  }

  // The unit's id: the id attribute when it has the file#pointer form, else a sourcefile location.
  std::string unit_id(const XmlElement& unit) {
    if (const XmlAttribute* id = unit.attribute("id"); id && id->value.find("#/") != std::string::npos) return id->value;
    for (const auto& group : unit.children) {
      if (group.local_name() != "context-group") continue;
      for (const auto& c : group.children) {
        const XmlAttribute* type = c.attribute("context-type");
        if (c.local_name() == "context" && type && type->value == "sourcefile" && c.text.find("#/") != std::string::npos) return c.text;
      }
    }
    return "";
  }

  void units(const XmlElement& body, XliffDocument& doc) {
    for (const auto& e : body.children) {
      if (e.local_name() == "group") {
        units(e, doc);
        continue;
      }
      if (e.local_name() != "trans-unit") continue;
      if (const XmlAttribute* r = e.attribute("restype"); r && r->value == "x-gettext-domain-header") continue;
      XliffUnit u;
      u.pos = e.pos;
      u.target_pos = e.pos;
      u.id = unit_id(e);
      if (u.id.empty()) {
        error(e.pos, "<trans-unit> without a content id", "id=\"FILE#/json/pointer\" as granice xliff export writes it");
        continue;
      }
      if (auto [it, fresh] = seen_.emplace(u.id, e.pos); !fresh) {
        error(e.pos, "the unit appears twice (first at line " + std::to_string(it->second.line) + ")", "each unit once", u.id);
        continue;
      }
      bool has_source = false, ok = true;
      for (const auto& part : e.children) {
        if (part.local_name() == "source") {
          has_source = true;
          if (auto t = plain_text(part, u.id)) u.source = *t;
          else ok = false;
        } else if (part.local_name() == "target") {
          u.target_pos = part.pos;
          if (auto t = plain_text(part, u.id)) u.target = *t;
          else ok = false;
          if (const XmlAttribute* s = part.attribute("state"); s && (s->value == "final" || s->value == "signed-off")) u.approved = true;
        }
      }
      if (const XmlAttribute* a = e.attribute("approved"); a && a->value == "yes") u.approved = true;
      if (!has_source) {
        error(e.pos, "no <source>", "<source> with the text as exported", u.id);
        continue;
      }
      if (ok) doc.units.push_back(std::move(u));
    }
  }
};

}  // namespace

XliffRead read_xliff(std::string_view text, const std::string& display) {
  XliffRead result;
  const XmlParseResult xml = parse_xml(text);
  if (xml.error) {
    const auto& e = *xml.error;
    result.diagnostics.push_back(Diagnostic{display, e.pos.line, e.pos.col, "", e.message, "well-formed XML"});
    return result;
  }
  XliffDocument doc;
  XliffReader(display, result.diagnostics).document(*xml.root, doc);
  if (result.diagnostics.empty()) result.doc = std::move(doc);
  return result;
}

}  // namespace granice
