#include "core/content/course_stats.h"

#include "core/engines/roleplay_graph.h"

namespace granice {

namespace {

using json = nlohmann::ordered_json;  // keeps "pl" before "en", as the course lists them

const char* kind_name(ModuleKind k) {
  switch (k) {
    case ModuleKind::Guideline: return "guideline";
    case ModuleKind::Synthesis: return "synthesis";
    case ModuleKind::Assessment: return "assessment";
  }
  return "guideline";
}

json question_counts(const std::vector<Question>& questions) {
  json counts = {{"single_choice", 0}, {"multiple_response", 0}, {"true_false", 0},
                 {"ordering", 0},      {"matching", 0},          {"best_reply", 0}};
  for (const auto& q : questions) {
    const char* name = "single_choice";
    switch (q.type) {
      case QuestionType::SingleChoice: name = "single_choice"; break;
      case QuestionType::MultipleResponse: name = "multiple_response"; break;
      case QuestionType::TrueFalse: name = "true_false"; break;
      case QuestionType::Ordering: name = "ordering"; break;
      case QuestionType::Matching: name = "matching"; break;
      case QuestionType::BestReply: name = "best_reply"; break;
    }
    counts.at(name) = counts.at(name).get<int>() + 1;
  }
  return counts;
}

int lesson_words(const std::vector<LessonPage>& pages, const std::string& lang) {
  int words = 0;
  auto add = [&](const LocalText& t) { words += count_words(t.in(lang)); };
  for (const auto& page : pages) {
    add(page.title);
    for (const auto& b : page.blocks) {
      if (!b.text.empty()) add(b.text);
      if (!b.caption.empty()) add(b.caption);
      for (const auto& t : b.items) add(t);
      for (const auto& t : b.dos) add(t);
      for (const auto& t : b.donts) add(t);
    }
  }
  return words;
}

json roleplay_stats(const std::optional<RolePlay>& rp) {
  if (!rp) return nullptr;
  int endings = 0;
  for (const auto& n : rp->nodes) endings += n.is_ending ? 1 : 0;
  json rubric = json::object();
  for (const auto& c : rp->rubric) rubric.emplace(c.id, c.max);
  return {{"nodes", rp->nodes.size()},
          {"decision_points_longest_path", longest_decision_path(*rp)},
          {"endings", endings},
          {"rubric_max", rubric}};
}

}  // namespace

int count_words(std::string_view text) {
  int words = 0;
  bool in_word = false;
  bool has_letter = false;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (in_word && has_letter) ++words;
      in_word = has_letter = false;
      continue;
    }
    in_word = true;
    if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) has_letter = true;
  }
  if (in_word && has_letter) ++words;
  return words;
}

json course_stats(const Course& course) {
  json modules = json::array();
  for (const auto& m : course.modules) {
    json lang = json::object();
    for (const auto& l : course.languages) {
      lang.emplace(l, json{{"lesson_pages", m.pages.size()},
                 {"lesson_words", lesson_words(m.pages, l)},
                 {"questions", question_counts(m.quiz.questions)},
                 {"roleplay", roleplay_stats(m.roleplay)}});
    }
    modules.push_back({{"id", m.id}, {"kind", kind_name(m.kind)}, {"number", m.number}, {"lang", lang}});
  }
  json assessment_lang = json::object();
  for (const auto& l : course.languages) assessment_lang.emplace(l, json{{"questions", question_counts(course.assessment.bank)}});
  modules.push_back({{"id", course.assessment.id}, {"kind", "assessment"}, {"lang", assessment_lang}});

  return {{"languages", course.languages},
          {"modules", modules},
          {"bank", {{"questions", course.assessment.bank.size()}, {"draw", course.assessment.draw}}},
          {"course", course.id},
          {"version", course.version},
          {"content_hash", course.content_hash},
          {"objectives", course.objectives.size()}};
}

}  // namespace granice
