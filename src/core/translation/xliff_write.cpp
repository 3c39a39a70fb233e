#include "core/translation/xliff.h"

#include "core/text/xml_reader.h"

namespace granice {

std::string write_xliff(const TranslatableContent& content, const ReviewRecord& reviewed, std::string_view source_lang,
                        std::string_view target_lang) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n";
  const std::string langs = " source-language=\"" + xml_escape(source_lang) + "\" target-language=\"" + xml_escape(target_lang) + "\"";
  for (const auto& f : content.files) {
    bool open = false;
    for (const auto& u : content.units) {
      if (u.file != f.name) continue;
      if (!open) {
        out += "  <file original=\"" + xml_escape(f.name) + "\"" + langs + " datatype=\"plaintext\">\n    <body>\n";
        open = true;
      }
      const bool approved = u.target && is_approved(reviewed, target_lang, u.id(), u.source, *u.target);
      out += "      <trans-unit id=\"" + xml_escape(u.id()) + "\" resname=\"" + xml_escape(u.pointer) + "\"";
      if (approved) out += " approved=\"yes\"";
      if (u.max_length > 0) out += " maxwidth=\"" + std::to_string(u.max_length) + "\" size-unit=\"char\"";
      out += " xml:space=\"preserve\">\n";
      out += "        <source>" + xml_escape(u.source) + "</source>\n";
      if (u.target) {
        out += std::string("        <target state=\"") + (approved ? "final" : "translated") + "\">" + xml_escape(*u.target) +
               "</target>\n";
      }
      out += "        <note from=\"granice\">" + xml_escape(u.kind) + "</note>\n";
      for (const auto& n : u.notes) out += "        <note from=\"granice\">" + xml_escape(n) + "</note>\n";
      if (u.max_length > 0) {
        out += "        <note from=\"granice\">At most " + std::to_string(u.max_length) + " characters</note>\n";
      }
      out += "      </trans-unit>\n";
    }
    if (open) out += "    </body>\n  </file>\n";
  }
  out += "</xliff>\n";
  return out;
}

}  // namespace granice
