#include "core/text/xml_reader.h"

#include <cstdint>

#include "core/text/utf8.h"

namespace granice {

namespace {

// Deeper than any XLIFF file needs; stops a hostile file from exhausting the stack.
constexpr int kMaxDepth = 100;

bool is_name_start(std::uint32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':' || c >= 0xC0;
}
bool is_name_char(std::uint32_t c) {
  return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == 0xB7;
}
// XML 1.0 Char: tab, line feed, carriage return and everything from U+0020 but U+FFFE/U+FFFF.
bool is_xml_char(std::uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
}

// [SECTION] Reader: recursive descent over the text, with the position of every character.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  XmlParseResult run() {
    XmlParseResult result;
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    if (starts("<?xml") && pos_ + 5 < text_.size() && is_space(static_cast<unsigned char>(text_[pos_ + 5]))) {
      if (!processing_instruction()) return failed();
    }
    if (!misc()) return failed();
    if (at_end() || peek() != '<') {
      fail_at(cur_, at_end() ? "the document has no root element" : "text before the root element");
      return failed();
    }
    XmlElement root;
    if (!element(root, 0)) return failed();
    if (!misc()) return failed();
    if (!at_end()) {
      fail("content after the root element");
      return failed();
    }
    result.root = std::move(root);
    return result;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  SourcePos cur_;
  std::optional<XmlError> error_;

  XmlParseResult failed() {
    XmlParseResult r;
    r.error = error_;
    return r;
  }
  // At the end of the text every mistake is the same one: the file was cut short.
  bool fail(std::string message) { return fail_at(cur_, at_end() ? "unexpected end of file" : std::move(message)); }
  bool fail_at(SourcePos at, std::string message) {
    if (!error_) error_ = XmlError{at, std::move(message)};
    return false;
  }

  bool at_end() const { return pos_ >= text_.size(); }
  unsigned char peek() const { return at_end() ? 0 : static_cast<unsigned char>(text_[pos_]); }
  bool starts(std::string_view s) const { return text_.substr(pos_, s.size()) == s; }
  static bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

  // Reads one character (checked UTF-8, an XML Char); false at the end or on a bad one.
  bool next(std::uint32_t& cp) {
    if (at_end()) return fail("unexpected end of file");
    const std::size_t n = utf8_decode_one(text_.substr(pos_), cp);
    if (n == 0) return fail("invalid UTF-8");
    if (!is_xml_char(cp)) return fail("control character not allowed in XML");
    pos_ += n;
    if (cp == '\n') {
      ++cur_.line;
      cur_.col = 1;
    } else {
      ++cur_.col;
    }
    return true;
  }
  void skip(std::size_t ascii_bytes) {
    for (std::size_t i = 0; i < ascii_bytes; ++i) {
      std::uint32_t cp;
      next(cp);
    }
  }
  void skip_space() {
    while (!at_end() && is_space(peek())) skip(1);
  }

  bool name(std::string& out) {
    std::uint32_t cp = 0;
    if (at_end() || utf8_decode_one(text_.substr(pos_), cp) == 0 || !is_name_start(cp)) return fail("a name expected");
    const std::size_t from = pos_;
    while (!at_end()) {
      if (utf8_decode_one(text_.substr(pos_), cp) == 0 || !is_name_char(cp)) break;
      next(cp);
    }
    out.assign(text_.substr(from, pos_ - from));
    return true;
  }

  // Comments, processing instructions and white space between markup outside the root.
  bool misc() {
    for (;;) {
      skip_space();
      if (starts("<!--")) {
        if (!comment()) return false;
      } else if (starts("<?")) {
        if (!processing_instruction()) return false;
      } else if (starts("<!DOCTYPE")) {
        return fail("DOCTYPE is not allowed (an XLIFF file needs none)");
      } else {
        return true;
      }
    }
  }

  bool comment() {
    skip(4);
    for (;;) {
      if (starts("--")) {
        if (!starts("-->")) return fail("'--' inside a comment");
        skip(3);
        return true;
      }
      std::uint32_t cp;
      if (!next(cp)) return false;
    }
  }

  bool processing_instruction() {
    skip(2);
    std::string target;
    if (!name(target)) return false;
    for (;;) {
      if (starts("?>")) {
        skip(2);
        return true;
      }
      std::uint32_t cp;
      if (!next(cp)) return false;
    }
  }

  // A reference after '&': appends what it stands for.
  bool reference(std::string& out) {
    const SourcePos at = cur_;
    skip(1);  // '&'
    if (peek() == '#') {
      skip(1);
      const bool hex = peek() == 'x';
      if (hex) skip(1);
      std::uint32_t cp = 0;
      int digits = 0;
      while (!at_end() && peek() != ';') {
        const auto c = peek();
        std::uint32_t v = 0;
        if (c >= '0' && c <= '9') v = c - '0';
        else if (hex && c >= 'a' && c <= 'f') v = c - 'a' + 10u;
        else if (hex && c >= 'A' && c <= 'F') v = c - 'A' + 10u;
        else return fail_at(at, "invalid character reference");
        cp = cp * (hex ? 16 : 10) + v;
        if (cp > 0x10FFFF) return fail_at(at, "character reference out of range");
        ++digits;
        skip(1);
      }
      if (at_end() || digits == 0) return fail_at(at, "invalid character reference");
      skip(1);  // ';'
      if (!is_xml_char(cp) || (cp >= 0xD800 && cp <= 0xDFFF)) return fail_at(at, "character reference to a character XML does not allow");
      append_utf8(out, cp);
      return true;
    }
    static constexpr std::pair<std::string_view, char> kEntities[] = {
        {"lt;", '<'}, {"gt;", '>'}, {"amp;", '&'}, {"quot;", '"'}, {"apos;", '\''}};
    for (const auto& [entity, ch] : kEntities) {
      if (starts(entity)) {
        skip(entity.size());
        out += ch;
        return true;
      }
    }
    return fail_at(at, "unknown entity (only &lt; &gt; &amp; &quot; &apos; and character references are defined)");
  }

  bool attribute_value(std::string& out) {
    const auto quote = peek();
    if (quote != '"' && quote != '\'') return fail("an attribute value in quotes expected");
    skip(1);
    for (;;) {
      if (at_end()) return fail("unexpected end of file inside an attribute value");
      const auto c = peek();
      if (c == quote) {
        skip(1);
        return true;
      }
      if (c == '<') return fail("'<' inside an attribute value");
      if (c == '&') {
        if (!reference(out)) return false;
        continue;
      }
      const std::size_t from = pos_;
      std::uint32_t cp;
      if (!next(cp)) return false;
      if (cp == '\r' && peek() == '\n') continue;  // a line break counts once
      if (is_space(static_cast<unsigned char>(cp))) out += ' ';  // attribute-value normalisation
      else out.append(text_.substr(from, pos_ - from));
    }
  }

  bool element(XmlElement& e, int depth) {
    if (depth > kMaxDepth) return fail("elements nested too deep");
    e.pos = cur_;
    skip(1);  // '<'
    if (!name(e.name)) return false;
    for (;;) {
      const bool spaced = !at_end() && is_space(peek());
      skip_space();
      if (starts("/>")) {
        skip(2);
        e.content_pos = cur_;
        return true;
      }
      if (peek() == '>') {
        skip(1);
        break;
      }
      if (!spaced) return fail(at_end() ? "unexpected end of file" : "white space, '>' or '/>' expected in a start tag");
      XmlAttribute a;
      a.pos = cur_;
      if (!name(a.name)) return false;
      for (const auto& other : e.attributes) {
        if (other.name == a.name) return fail_at(a.pos, "attribute " + a.name + " appears twice");
      }
      skip_space();
      if (peek() != '=') return fail("'=' expected after the attribute name");
      skip(1);
      skip_space();
      if (!attribute_value(a.value)) return false;
      e.attributes.push_back(std::move(a));
    }
    e.content_pos = cur_;
    return content(e, depth);
  }

  bool content(XmlElement& e, int depth) {
    for (;;) {
      if (at_end()) return fail_at(e.pos, "element <" + e.name + "> is not closed");
      if (starts("</")) {
        const SourcePos at = cur_;
        skip(2);
        std::string closing;
        if (!name(closing)) return false;
        skip_space();
        if (peek() != '>') return fail("'>' expected");
        skip(1);
        if (closing != e.name) return fail_at(at, "</" + closing + "> closes <" + e.name + ">");
        return true;
      }
      if (starts("<!--")) {
        if (!comment()) return false;
      } else if (starts("<![CDATA[")) {
        skip(9);
        while (!starts("]]>")) {
          const std::size_t from = pos_;
          std::uint32_t cp;
          if (!next(cp)) return false;
          if (cp == '\r' && peek() == '\n') continue;
          e.text.append(cp == '\r' ? std::string_view("\n") : text_.substr(from, pos_ - from));
        }
        skip(3);
      } else if (starts("<?")) {
        if (!processing_instruction()) return false;
      } else if (starts("<!")) {
        return fail("markup declaration not allowed here");
      } else if (peek() == '<') {
        e.children.emplace_back();
        if (!element(e.children.back(), depth + 1)) return false;
      } else if (peek() == '&') {
        if (!reference(e.text)) return false;
      } else {
        if (starts("]]>")) return fail("']]>' outside a CDATA section");
        const std::size_t from = pos_;
        std::uint32_t cp;
        if (!next(cp)) return false;
        if (cp == '\r' && peek() == '\n') continue;  // XML reads CR LF and a lone CR as LF
        e.text.append(cp == '\r' ? std::string_view("\n") : text_.substr(from, pos_ - from));
      }
    }
  }
};

}  // namespace

const XmlAttribute* XmlElement::attribute(std::string_view attr_name) const {
  for (const auto& a : attributes) {
    if (a.name == attr_name) return &a;
  }
  return nullptr;
}

std::string_view XmlElement::local_name() const {
  const std::string_view n = name;
  const auto colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

XmlParseResult parse_xml(std::string_view text) { return Reader(text).run(); }

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace granice
