// XLIFF 1.2, the exchange format of translation tools (OmegaT, memoQ, Trados, Poedit, Weblate,
// translate-toolkit): writing a content folder's texts for translators, reading their files back.
//
// Written: one <file> per content file (original = its name), one <trans-unit> per text with
// id = file#pointer, resname = pointer, xml:space="preserve", maxwidth/size-unit where a length
// limit applies, the source text, the existing translation as <target state="translated"> (or
// state="final" with approved="yes" when reviewed.json records it as approved), and <note>s with
// what the text is and its context.
// Read: the same, and what translation tools make of it: units inside <group>s, a unit's id
// given only as its location (translate-toolkit's po2xliff: <context context-type="sourcefile">),
// XLIFF 1.1, files without target-language (see read_xliff).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/diagnostic.h"
#include "core/text/json_source.h"
#include "core/translation/review_record.h"
#include "core/translation/translatable.h"

namespace granice {

std::string write_xliff(const TranslatableContent& content, const ReviewRecord& reviewed, std::string_view source_lang,
                        std::string_view target_lang);

struct XliffUnit {
  std::string id;                     // file#pointer
  SourcePos pos;                      // of <trans-unit>
  std::string source;
  std::optional<std::string> target;  // absent when the unit has no <target>
  SourcePos target_pos;               // of <target> (of <trans-unit> when absent)
  bool approved = false;              // approved="yes", or a target state of final / signed-off
};

struct XliffDocument {
  std::string source_language;        // from the <file>s ("" when none says)
  std::string target_language;
  std::vector<XliffUnit> units;       // document order
};

struct XliffRead {
  std::optional<XliffDocument> doc;   // set when there are no diagnostics
  std::vector<Diagnostic> diagnostics;
};

// `display` names the file in messages. Refuses malformed XML, a root that is not <xliff> of
// version 1.2 (or 1.1), <file>s that disagree on their languages, units without an id (neither
// the attribute in file#pointer form nor a sourcefile location), ids twice, and markup inside
// <source>/<target> (inline codes are not used by this course). Skips gettext header units.
XliffRead read_xliff(std::string_view text, const std::string& display);

}  // namespace granice
