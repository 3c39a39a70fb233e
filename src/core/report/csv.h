// CSV for spreadsheets (the trainer's table and item analysis; CLI and browser alike).
//
//   std::string out(csv::kBom);                       // UTF-8 with BOM: Excel opens Polish letters right
//   out += csv::row({"Łucja", "=1+1", "87.5"});       // Łucja,'=1+1,87.5\r\n
//   (numbers as cells: format_decimal, core/text/decimal.h; a non-finite one is an empty cell)
//
// Every cell is text to the spreadsheet, never a formula: a cell starting with = + - @ tab or
// CR gets a leading apostrophe (OWASP "CSV injection"). Cells with a comma, quote, CR or LF are
// quoted with "" doubling (RFC 4180); rows end with CRLF.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace granice::csv {

inline constexpr std::string_view kBom = "\xEF\xBB\xBF";

// One cell, neutralised and quoted as needed.
std::string cell(std::string_view text);
// Cells joined with commas, ending in CRLF.
std::string row(const std::vector<std::string>& cells);

}  // namespace granice::csv
