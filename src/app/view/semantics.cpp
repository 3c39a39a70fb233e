#include "app/view/semantics.h"

#include <cstdio>

namespace granice::view {

const char* RoleName(Role role) {
  switch (role) {
    case Role::Heading: return "heading";
    case Role::Text: return "text";
    case Role::Button: return "button";
    case Role::Radio: return "radio";
    case Role::Checkbox: return "checkbox";
    case Role::Link: return "link";
    case Role::Textbox: return "textbox";
    case Role::ProgressBar: return "progressbar";
    case Role::ListItem: return "listitem";
    case Role::Group: return "group";
    case Role::Image: return "image";
    case Role::Combobox: return "combobox";
    case Role::Option: return "option";
  }
  return "text";
}

const char* CurrentName(Current current) {
  switch (current) {
    case Current::Page: return "page";
    case Current::Step: return "step";
    case Current::True: return "true";
    case Current::None: break;
  }
  return "";
}

void SemanticTree::Clear() {
  nodes.clear();
  title.clear();
  announcement.clear();
}

namespace {

void AppendEscaped(std::string& out, const std::string& s) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

void AppendNumber(std::string& out, float v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(v));
  out += buf;
}

void AppendRect(std::string& out, const Rect& r) {
  out += "{\"x\":";
  AppendNumber(out, r.x);
  out += ",\"y\":";
  AppendNumber(out, r.y);
  out += ",\"width\":";
  AppendNumber(out, r.width);
  out += ",\"height\":";
  AppendNumber(out, r.height);
  out += '}';
}

}  // namespace

bool IsControl(Role role) {
  return role == Role::Button || role == Role::Radio || role == Role::Checkbox || role == Role::Link ||
         role == Role::Textbox || role == Role::Combobox || role == Role::Option;
}

std::string SemanticTree::ToJson() const {
  std::string out;
  out.reserve(64 + nodes.size() * 96);
  out += "{\"title\":";
  AppendEscaped(out, title);
  out += ",\"lang\":";
  AppendEscaped(out, lang);
  out += ",\"announce\":";
  AppendEscaped(out, announcement);
  out += focus_ring ? ",\"ring\":true" : ",\"ring\":false";
  out += ",\"nodes\":[";
  bool first = true;
  for (const SemanticNode& n : nodes) {
    if (!first) out += ',';
    first = false;
    out += "{\"role\":\"";
    out += RoleName(n.role);
    out += "\",\"name\":";
    AppendEscaped(out, n.name);
    out += ",\"rect\":";
    AppendRect(out, n.rect);
    if (n.checked >= 0) out += n.checked ? ",\"checked\":true" : ",\"checked\":false";
    if (IsControl(n.role)) out += n.disabled ? ",\"disabled\":true" : ",\"disabled\":false";
    if (n.focused) out += ",\"focused\":true";
    if (n.level > 0) {
      out += ",\"level\":";
      out += std::to_string(n.level);
    }
    if (!n.value.empty() || n.role == Role::Textbox || n.role == Role::ProgressBar || n.role == Role::Combobox) {
      out += ",\"value\":";
      AppendEscaped(out, n.value);
    }
    if (n.role == Role::Textbox && !n.autocomplete.empty()) {
      out += ",\"autocomplete\":";
      AppendEscaped(out, n.autocomplete);
    }
    if (n.current != Current::None) {
      out += ",\"current\":\"";
      out += CurrentName(n.current);
      out += '"';
    }
    if (n.role == Role::Combobox) {
      out += ",\"options\":[";
      for (size_t i = 0; i < n.options.size(); ++i) {
        if (i) out += ',';
        AppendEscaped(out, n.options[i]);
      }
      out += "],\"selected\":";
      out += std::to_string(n.selected);
      out += n.expanded ? ",\"expanded\":true" : ",\"expanded\":false";
    }
    if (n.role == Role::Textbox && n.selection_start >= 0) {
      out += ",\"selectionStart\":";
      out += std::to_string(n.selection_start);
      out += ",\"selectionEnd\":";
      out += std::to_string(n.selection_end);
      out += ",\"caret\":";
      AppendRect(out, n.caret);
    }
    if (!n.id.empty()) {
      out += ",\"id\":";
      AppendEscaped(out, n.id);
    }
    if (!n.group.empty()) {
      out += ",\"group\":";
      AppendEscaped(out, n.group);
    }
    out += '}';
  }
  out += "]}";
  return out;
}

}  // namespace granice::view
