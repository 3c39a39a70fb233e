#include "app/screens/screens.h"
#include "app/theme.h"
#include "app/view/strings.h"
#include "app/view/wayfinding.h"
#include "imgui.h"

namespace granice::app {

using view::Fmt;
using view::Str;
using view::T;

namespace {

void DrawResources(const Course& course, const std::string& lang) {
  if (!course.resources_note.empty()) ui::Callout(course.resources_note.in(lang), ui::Tone::Note);
  for (const Resource& r : course.resources) {
    std::string text = r.description.in(lang);
    if (!r.phone.empty()) text += "\n" + Fmt(T(lang, Str::Phone), {r.phone});
    if (!r.url.empty()) text += "\n" + Fmt(T(lang, Str::Website), {r.url});
    if (!r.hours.empty()) text += "\n" + Fmt(T(lang, Str::Hours), {r.hours.in(lang)});
    ui::Callout(text, ui::Tone::Neutral, r.name.in(lang));
  }
}

void DrawBlock(const Course& course, const Block& b, const std::string& lang) {
  switch (b.kind) {
    case BlockKind::Heading: ui::Heading(b.text.in(lang), 2); break;
    case BlockKind::Paragraph: ui::Paragraph(b.text.in(lang)); break;
    case BlockKind::Bullets:
      ui::BeginGroup("list");
      for (const LocalText& item : b.items) ui::ListItem(item.in(lang));
      ui::EndGroup();
      break;
    case BlockKind::Phrase: {
      std::string text = T(lang, Str::QuoteOpen) + b.text.in(lang) + T(lang, Str::QuoteClose);
      if (!b.caption.empty()) text += "\n" + b.caption.in(lang);
      ui::Callout(text, ui::Tone::Phrase, T(lang, Str::ExamplePhrase));
      break;
    }
    case BlockKind::DoDont:
      ui::Heading(T(lang, Str::LessonDo), 2);
      ui::BeginGroup("do");
      for (const LocalText& item : b.dos) ui::ListItem(item.in(lang), "+");
      ui::EndGroup();
      ui::Heading(T(lang, Str::LessonDont), 2);
      ui::BeginGroup("dont");
      for (const LocalText& item : b.donts) ui::ListItem(item.in(lang), "–");
      ui::EndGroup();
      break;
    case BlockKind::Note: ui::Callout(b.text.in(lang), ui::Tone::Note, T(lang, Str::Tip)); break;
    case BlockKind::Resources: DrawResources(course, lang); break;
  }
}

// The lesson's pages as numbered buttons: the page shown is marked (primary, aria-current="page"),
// pages seen and the next one can be opened, later ones stay locked.
void DrawPager(view::CourseSession& s, const Module& m, int index, const std::string& lang) {
  const ModuleProgress* p = find_progress(s.state(), m.id);
  const int count = static_cast<int>(m.pages.size());
  int go = -1;
  ui::BeginGroup(T(lang, Str::LessonPages));
  for (const view::PagerItem& item : view::LessonPager(count, index, p ? p->lesson.pages_seen : 0)) {
    if (item.index > 0) ui::SameLine();
    const std::string number = std::to_string(item.index + 1);
    const LessonPage& page = m.pages.at(static_cast<size_t>(item.index));
    ImGui::PushID(item.index);
    if (ui::Button(number, item.current ? ui::ButtonKind::Primary : ui::ButtonKind::Secondary, !item.enabled, 0.0f,
                   Fmt(T(lang, Str::PageNumbered), {number, page.title.in(lang)})) &&
        !item.current)
      go = item.index;
    if (item.current) ui::MarkCurrent(view::Current::Page);
    ImGui::PopID();
  }
  ui::EndGroup();
  if (go >= 0) s.OpenLesson(m.id, go);
}

}  // namespace

void DrawLesson(AppState& app) {
  view::CourseSession& s = *app.session;
  const Module* m = s.module();
  if (!m || m->pages.empty()) {
    s.GoHome();
    return;
  }
  const std::string& lang = s.lang();
  const int index = s.lesson_page();
  const int count = static_cast<int>(m->pages.size());
  const LessonPage& page = m->pages.at(static_cast<size_t>(index));
  app.ui.tree.title = page.title.in(lang) + " — " + m->title.in(lang);

  ui::MutedText(ModuleLabel(lang, *m) + ": " + m->title.in(lang));
  const std::string of = Fmt(T(lang, Str::PageOf), {std::to_string(index + 1), std::to_string(count)});
  ui::Progress(static_cast<float>(index + 1) / static_cast<float>(count), of);
  if (count > 1) DrawPager(s, *m, index, lang);
  ui::Heading(page.title.in(lang), 1);
  for (const Block& b : page.blocks) DrawBlock(s.course(), b, lang);

  // The next step: pinned to the bottom on a phone (a thumb reaches it without scrolling).
  // Drawn after this function returned (the bar comes after the page): nothing local by reference.
  PinToBottom(app, [session = &s, m, index, count, lang = std::string(lang)] {
    if (index > 0) {
      if (ui::Button(T(lang, Str::Previous), ui::ButtonKind::Secondary)) session->PreviousPage();
      ui::SameLine();
    }
    if (index + 1 < count) {
      if (ui::Button(T(lang, Str::Next), ui::ButtonKind::Primary)) session->NextPage();
    } else if (!m->quiz.questions.empty()) {
      if (ui::Button(T(lang, Str::ToQuiz), ui::ButtonKind::Primary)) {
        if (!session->StartQuiz(m->id)) session->OpenModule(m->id);
      }
    } else if (ui::Button(T(lang, Str::BackToCourse), ui::ButtonKind::Primary)) {
      session->OpenModule(m->id);
    }
  });
}

}  // namespace granice::app
