// Which translations a reviewer approved, kept beside the content in translation/reviewed.json:
//   {"uk": {"m1-boundaries.json#/title": "<stamp>", …}, …}
// The stamp is a hash of the source text and the approved translation, so editing either in the
// content files withdraws the approval by itself (the next export shows the unit as translated,
// not final). The folder is not a content file: the web build and packages do not carry it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace granice {

inline constexpr std::string_view kReviewFile = "translation/reviewed.json";

// language -> unit id -> stamp
using ReviewRecord = std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>>;

std::string review_stamp(std::string_view source, std::string_view target);

// nullopt when the text is not such a record (the message says what is wrong).
std::optional<ReviewRecord> parse_review_record(std::string_view text, std::string* error);
// Two-space indented JSON, members sorted, ending in a line break: the same record, the same bytes.
std::string write_review_record(const ReviewRecord& record);

bool is_approved(const ReviewRecord& record, std::string_view lang, std::string_view id, std::string_view source,
                 std::string_view target);

}  // namespace granice
