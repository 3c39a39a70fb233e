// Every text of a loaded course with where it stands (file + JSON pointer) and what it is, in
// document order. One walk serves the loader's resource references, the item-quality rules that
// read texts (numbers between languages, placeholders) and anything else that must see all text.
//
//   for_each_text(course, [](const TextSite& at, const LocalText& t) { ... at.file, at.pointer, at.kind ... });
#pragma once

#include <string>
#include <string_view>

#include "core/content/model.h"

namespace granice {

struct TextSite {
  std::string_view file;             // content file as course.json names it ("m1-boundaries.json")
  std::string pointer;               // JSON pointer of the text object in that file
  std::string_view kind;             // "lesson paragraph", "right option", "client line", ...
  const Question* question = nullptr;  // the item the text belongs to, if any
  const RolePlayNode* node = nullptr;  // the role-play node the text belongs to, if any
};

namespace text_sites_detail {

inline std::string at(const std::string& p, std::string_view key) { return p + "/" + std::string(key); }
inline std::string at(const std::string& p, std::size_t i) { return p + "/" + std::to_string(i); }

template <class C, class F>
void questions(std::string_view file, const std::string& base, C& list, F& f) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto& q = list[i];
    const std::string p = at(base, i);
    auto site = [&](std::string pointer, std::string_view kind) { return TextSite{file, std::move(pointer), kind, &q, nullptr}; };
    f(site(at(p, "prompt"), "question prompt"), q.prompt);
    if (!q.client_line.empty()) f(site(at(p, "client_line"), "client line"), q.client_line);
    for (std::size_t k = 0; k < q.options.size(); ++k) {
      auto& o = q.options[k];
      const std::string op = at(at(p, "options"), k);
      if (!o.text.empty()) f(site(at(op, "text"), o.correct ? "right option" : "wrong option"), o.text);
      f(site(at(op, "feedback"), "option feedback"), o.feedback);
    }
    for (std::size_t k = 0; k < q.items.size(); ++k) f(site(at(at(at(p, "items"), k), "text"), "ordering item"), q.items[k].text);
    for (std::size_t k = 0; k < q.pairs.size(); ++k) {
      auto& pr = q.pairs[k];
      const std::string pp = at(at(p, "pairs"), k);
      f(site(at(pp, "source"), "matching source"), pr.source);
      f(site(at(pp, "target"), "matching target"), pr.target);
      f(site(at(pp, "feedback"), "pair feedback"), pr.feedback);
    }
    if (!q.feedback_correct.empty()) f(site(at(p, "feedback/correct"), "feedback when right"), q.feedback_correct);
    if (!q.feedback_incorrect.empty()) f(site(at(p, "feedback/incorrect"), "feedback when wrong"), q.feedback_incorrect);
  }
}

template <class R, class F>
void roleplay(std::string_view file, R& rp, F& f) {
  const std::string p = "/roleplay";
  auto site = [&](std::string pointer, std::string_view kind, decltype(&rp.nodes[0]) n = nullptr) {
    return TextSite{file, std::move(pointer), kind, nullptr, n};
  };
  f(site(p + "/persona/name", "persona name"), rp.persona_name);
  f(site(p + "/persona/workplace", "workplace"), rp.workplace);
  f(site(p + "/persona/description", "persona description"), rp.persona_description);
  f(site(p + "/intro", "role-play intro"), rp.intro);
  for (std::size_t i = 0; i < rp.rubric.size(); ++i) f(site(at(at(p, "rubric"), i) + "/label", "rubric label"), rp.rubric[i].label);
  for (std::size_t i = 0; i < rp.nodes.size(); ++i) {
    auto& n = rp.nodes[i];
    const std::string np = at(at(p, "nodes"), i);
    if (!n.client.empty()) f(site(at(np, "client"), "client line", &n), n.client);
    if (!n.mood.empty()) f(site(at(np, "mood"), "client mood", &n), n.mood);
    for (std::size_t k = 0; k < n.choices.size(); ++k) {
      const std::string cp = at(at(np, "choices"), k);
      f(site(at(cp, "text"), "reply", &n), n.choices[k].text);
      f(site(at(cp, "feedback"), "reply feedback", &n), n.choices[k].feedback);
    }
    if (n.is_ending) {
      f(site(at(np, "ending/title"), "ending title", &n), n.ending_title);
      f(site(at(np, "ending/debrief"), "ending debrief", &n), n.debrief);
    }
  }
}

template <class M, class F>
void module(M& m, F& f) {
  const std::string_view file = m.file;
  auto site = [&](std::string pointer, std::string_view kind) { return TextSite{file, std::move(pointer), kind, nullptr, nullptr}; };
  f(site("/title", "module title"), m.title);
  f(site("/summary", "module summary"), m.summary);
  for (std::size_t i = 0; i < m.pages.size(); ++i) {
    auto& pg = m.pages[i];
    const std::string pp = at(std::string("/lesson/pages"), i);
    f(site(at(pp, "title"), "lesson page title"), pg.title);
    for (std::size_t b = 0; b < pg.blocks.size(); ++b) {
      auto& bl = pg.blocks[b];
      const std::string bp = at(at(pp, "blocks"), b);
      switch (bl.kind) {
        case BlockKind::Heading: f(site(at(bp, "text"), "lesson heading"), bl.text); break;
        case BlockKind::Paragraph: f(site(at(bp, "text"), "lesson paragraph"), bl.text); break;
        case BlockKind::Phrase:
          f(site(at(bp, "text"), "phrase to say"), bl.text);
          if (!bl.caption.empty()) f(site(at(bp, "caption"), "phrase caption"), bl.caption);
          break;
        case BlockKind::Note: f(site(at(bp, "text"), "lesson note"), bl.text); break;
        case BlockKind::Bullets:
          for (std::size_t k = 0; k < bl.items.size(); ++k) f(site(at(at(bp, "items"), k), "lesson bullet"), bl.items[k]);
          break;
        case BlockKind::DoDont:
          for (std::size_t k = 0; k < bl.dos.size(); ++k) f(site(at(at(bp, "do"), k), "do"), bl.dos[k]);
          for (std::size_t k = 0; k < bl.donts.size(); ++k) f(site(at(at(bp, "dont"), k), "don't"), bl.donts[k]);
          break;
        case BlockKind::Resources: break;
      }
    }
  }
  questions(file, "/quiz/questions", m.quiz.questions, f);
  if (m.roleplay) roleplay(file, *m.roleplay, f);
}

}  // namespace text_sites_detail

// Visits every text of `course` (const or not) in file order: course.json, the modules, the
// assessment, resources.json. `f(const TextSite&, LocalText&)`.
template <class C, class F>
void for_each_text(C& course, F&& f) {
  namespace d = text_sites_detail;
  const std::string_view cf = course.course_file;
  auto site = [](std::string_view file, std::string pointer, std::string_view kind) {
    return TextSite{file, std::move(pointer), kind, nullptr, nullptr};
  };
  f(site(cf, "/title", "course title"), course.title);
  f(site(cf, "/description", "course description"), course.description);
  for (std::size_t i = 0; i < course.objectives.size(); ++i)
    f(site(cf, d::at(std::string("/objectives"), i) + "/title", "guideline title"), course.objectives[i].title);
  f(site(cf, "/certificate/title", "certificate title"), course.certificate_title);
  f(site(cf, "/certificate/body", "certificate body"), course.certificate_body);
  for (auto& m : course.modules) d::module(m, f);
  auto& a = course.assessment;
  f(site(a.file, "/title", "assessment title"), a.title);
  f(site(a.file, "/intro", "assessment intro"), a.intro);
  d::questions(a.file, "/questions", a.bank, f);
  const std::string_view rf = course.resources_file;
  if (!course.resources_note.empty()) f(site(rf, "/note", "contacts note"), course.resources_note);
  for (std::size_t i = 0; i < course.resources.size(); ++i) {
    auto& r = course.resources[i];
    const std::string rp = d::at(std::string("/resources"), i);
    f(site(rf, rp + "/name", "contact name"), r.name);
    f(site(rf, rp + "/description", "contact description"), r.description);
    if (!r.hours.empty()) f(site(rf, rp + "/hours", "contact hours"), r.hours);
  }
}

}  // namespace granice
