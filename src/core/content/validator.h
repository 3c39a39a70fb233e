// Content rules that need a whole question or role-play rather than one field: answer keys per
// question type, and the conversation graph. Run by the loader on the freshly read model parts.
#pragma once

#include <string>

#include "core/text/json_reader.h"
#include "core/content/model.h"

namespace granice::load {

// README "Questions": how many options are correct per type, true_false ids, 3–6 items/pairs.
// `answers_known` is false when some option lacked a valid id or "correct" (already reported),
// so the answer key is not judged on incomplete data.
void check_question_answers(DocContext& ctx, const Question& q, const std::string& pointer, bool answers_known);

// README "Role-play": start and next ids exist, choices-or-ending, at least 2 choices,
// every node reachable from start, an ending reachable from every node.
// `pointer` is the role-play object's.
void check_roleplay_graph(DocContext& ctx, const RolePlay& rp, const std::string& pointer);

}  // namespace granice::load
