// A small strict XML 1.0 reader for the files translators send back (XLIFF): elements, attributes,
// character data, CDATA, comments and processing instructions, the five predefined entities and
// character references. Anything not well-formed is refused with the position of the mistake.
// A DOCTYPE is refused outright: XLIFF needs none, and entity declarations are how XML files
// blow up their readers. Namespaces are not resolved: names are kept as written ("xml:space").
//
//   XmlParseResult r = parse_xml(text);
//   if (r.error) report(r.error->pos, r.error->message);
//   for (const XmlElement& unit : r.root->children) ... unit.attr("id") ...
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/json_source.h"  // SourcePos: 1-based line, column in code points

namespace granice {

struct XmlAttribute {
  std::string name;   // as written, prefix included
  std::string value;  // references replaced, whitespace normalised as XML requires
  SourcePos pos;      // of the name
};

struct XmlElement {
  std::string name;                   // as written, prefix included
  SourcePos pos;                      // of the '<'
  SourcePos content_pos;              // just after the start tag's '>'
  std::vector<XmlAttribute> attributes;
  std::vector<XmlElement> children;   // child elements in document order
  std::string text;                   // all character data directly inside, CDATA included, joined

  const XmlAttribute* attribute(std::string_view name) const;
  // The part after any "prefix:".
  std::string_view local_name() const;
};

struct XmlError {
  SourcePos pos;
  std::string message;
};

struct XmlParseResult {
  std::optional<XmlElement> root;
  std::optional<XmlError> error;
};

// Never throws. The text must be UTF-8 (a BOM is allowed).
XmlParseResult parse_xml(std::string_view text);

// `text` with & < > " escaped for element content and double-quoted attribute values. Tabs,
// line breaks and carriage returns are written as character references (&#9; &#10; &#13;) so
// attribute values and xml:space="preserve" content survive any reader's normalisation.
std::string xml_escape(std::string_view text);

}  // namespace granice
