#include "core/content/model.h"

#include <algorithm>

namespace granice {

const std::string& LocalText::in(std::string_view lang) const {
  static const std::string kEmpty;  // immutable; only returned when the text has no language at all
  auto it = tr.find(lang);
  if (it != tr.end()) return it->second;
  return tr.empty() ? kEmpty : tr.begin()->second;
}

int RolePlay::node_index(std::string_view node_id) const {
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].id == node_id) return static_cast<int>(i);
  }
  return -1;
}

const std::string& Course::language_name(std::string_view code) const {
  for (const Language& l : language_info)
    if (l.code == code) return l.name;
  static const std::string none;
  return none;
}

const Module* Course::module(std::string_view module_id) const {
  auto it = std::find_if(modules.begin(), modules.end(), [&](const Module& m) { return m.id == module_id; });
  return it == modules.end() ? nullptr : &*it;
}

const Question* Course::question(std::string_view question_id) const {
  for (const auto& m : modules) {
    for (const auto& q : m.quiz.questions) {
      if (q.id == question_id) return &q;
    }
  }
  for (const auto& q : assessment.bank) {
    if (q.id == question_id) return &q;
  }
  return nullptr;
}

const Objective* Course::objective(std::string_view objective_id) const {
  auto it = std::find_if(objectives.begin(), objectives.end(), [&](const Objective& o) { return o.id == objective_id; });
  return it == objectives.end() ? nullptr : &*it;
}

}  // namespace granice
