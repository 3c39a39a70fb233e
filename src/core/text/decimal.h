// Numbers as short decimal text: the reports' CSV and console figures, and the SCORM values
// (CMIDecimal, real(10,7)) sent to the LMS.
//
//   format_decimal(87.5)           -> "87.5"    '.' as the separator, whatever the locale
//   format_decimal(80.0)           -> "80"      no trailing zeros, no lone '.'
//   format_decimal(2.0 / 3.0)      -> "0.67"    at most `max_decimals` decimals (default 2)
//   format_decimal(-0.001)         -> "0"       never "-0"
//   format_decimal(NAN)            -> ""        a non-finite value gives `if_not_finite`:
//   format_decimal(NAN, 2, "0")    -> "0"       "" is an empty CSV cell; scorm.cpp sends "0" (an LMS value is never empty)
#pragma once

#include <string>
#include <string_view>

namespace granice {

// `max_decimals` is clamped to 0..7 (SCORM's real(10,7) allows 7; no report needs more).
std::string format_decimal(double value, int max_decimals = 2, std::string_view if_not_finite = {});

}  // namespace granice
