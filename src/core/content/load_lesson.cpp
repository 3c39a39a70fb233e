// README "Lesson pages": pages of typed blocks.
#include "core/content/load_parts.h"

namespace granice::load {

namespace {

const std::vector<std::string> kBlockTypes = {"heading", "paragraph", "bullets", "phrase", "do_dont", "note", "resources"};

std::vector<LocalText> read_text_list(ObjectReader& r, std::string_view key) {
  std::vector<LocalText> out;
  const json* list = r.array(key, Need::Required, 1, "an array of texts, at least one");
  if (!list) return out;
  const std::string ptr = r.child(key);
  for (std::size_t i = 0; i < list->size(); ++i) out.push_back(read_text(r.ctx(), list->at(i), json_pointer_child(ptr, i)));
  return out;
}

Block read_block(DocContext& ctx, const json& j, const std::string& pointer) {
  Block b;
  ObjectReader r(ctx, j, pointer);
  const auto type = r.one_of("type", Need::Required, kBlockTypes);
  if (!type) {
    r.skip_unknown_check();
    return b;
  }
  if (*type == "heading" || *type == "paragraph" || *type == "note" || *type == "phrase") {
    b.kind = *type == "heading" ? BlockKind::Heading
           : *type == "paragraph" ? BlockKind::Paragraph
           : *type == "note" ? BlockKind::Note
           : BlockKind::Phrase;
    b.text = r.text("text", Need::Required);
    if (b.kind == BlockKind::Phrase) b.caption = r.text("caption", Need::Optional);
  } else if (*type == "bullets") {
    b.kind = BlockKind::Bullets;
    b.items = read_text_list(r, "items");
  } else if (*type == "do_dont") {
    b.kind = BlockKind::DoDont;
    b.dos = read_text_list(r, "do");
    b.donts = read_text_list(r, "dont");
  } else {
    b.kind = BlockKind::Resources;
  }
  return b;
}

}  // namespace

std::vector<LessonPage> read_lesson(DocContext& ctx, const json& j, const std::string& pointer) {
  std::vector<LessonPage> pages;
  ObjectReader lesson(ctx, j, pointer);
  const json* list = lesson.array("pages", Need::Required, 1, "an array of lesson pages, at least one");
  if (!list) return pages;
  IdScope ids("page", "within the module");
  const std::string list_ptr = lesson.child("pages");
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string page_ptr = json_pointer_child(list_ptr, i);
    ObjectReader r(ctx, list->at(i), page_ptr);
    LessonPage page;
    if (auto id = r.id("id", Need::Required)) {
      ids.add(ctx, *id, r.child("id"));
      page.id = *id;
    }
    page.title = r.text("title", Need::Required);
    if (const json* blocks = r.array("blocks", Need::Required, 1, "an array of blocks, at least one")) {
      for (std::size_t b = 0; b < blocks->size(); ++b) {
        page.blocks.push_back(read_block(ctx, blocks->at(b), json_pointer_child(r.child("blocks"), b)));
      }
    }
    pages.push_back(std::move(page));
  }
  return pages;
}

}  // namespace granice::load
