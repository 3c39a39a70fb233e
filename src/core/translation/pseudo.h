// Pseudo-translation (the "qps" pseudo-locale): every text about 35 % longer, its Latin letters
// accented, bracketed, placeholders kept as they are. Shown in the course it answers two questions
// before any translator is paid: do the layouts hold a language longer than Polish or English,
// and is every visible text translatable (an unbracketed string on screen is hard-coded).
// Only letters of Latin-1 and Latin Extended-A are used, the ranges the course font carries.
//
//   pseudo_translate("Dalej, {name}!")  ->  "[Ďáłéĵ, {name}! ŀō]"
#pragma once

#include <string>
#include <string_view>

#include "core/translation/translatable.h"

namespace granice {

std::string pseudo_translate(std::string_view text);

// `content` with every unit's target replaced by the pseudo-translation of its source.
void pseudo_translate_units(TranslatableContent& content);

}  // namespace granice
