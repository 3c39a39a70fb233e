#include "core/translation/review_record.h"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "core/text/fnv.h"

namespace granice {

std::string review_stamp(std::string_view source, std::string_view target) {
  const std::uint64_t h = fnv1a64(target, fnv1a64(std::string_view("\0", 1), fnv1a64(source)));
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

std::optional<ReviewRecord> parse_review_record(std::string_view text, std::string* error) {
  const auto j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  auto bad = [&](std::string message) -> std::optional<ReviewRecord> {
    if (error) *error = std::move(message);
    return std::nullopt;
  };
  if (j.is_discarded()) return bad("not valid JSON");
  if (!j.is_object()) return bad("not an object of languages");
  ReviewRecord record;
  for (const auto& [lang, units] : j.items()) {
    if (!units.is_object()) return bad("\"" + lang + "\" is not an object of unit ids");
    for (const auto& [id, stamp] : units.items()) {
      if (!stamp.is_string()) return bad("\"" + lang + "\" / \"" + id + "\" is not a string");
      record[lang][id] = stamp.get<std::string>();
    }
  }
  return record;
}

std::string write_review_record(const ReviewRecord& record) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [lang, units] : record) {
    if (units.empty()) continue;
    for (const auto& [id, stamp] : units) j[lang][id] = stamp;
  }
  return j.dump(2) + "\n";
}

bool is_approved(const ReviewRecord& record, std::string_view lang, std::string_view id, std::string_view source,
                 std::string_view target) {
  const auto l = record.find(lang);
  if (l == record.end()) return false;
  const auto u = l->second.find(id);
  return u != l->second.end() && u->second == review_stamp(source, target);
}

}  // namespace granice
