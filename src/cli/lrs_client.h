// `granice report --lrs`: GET /statements from an xAPI 1.0.3 LRS with libcurl, page after page
// (following `more`), handing each page's text to the caller. The HTTP lives here, in the CLI:
// src/core only maps the statements (core/report/xapi_report.h).
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace granice::cli {

struct LrsQuery {
  std::string endpoint;  // the LRS's xAPI endpoint, e.g. "https://lrs.example.com/xapi/"
  std::string auth;      // "USER:PASS" for HTTP basic authentication
  std::string activity;  // the AU's IRI: statements about it or (related_activities) below it
  std::string since;     // an xAPI timestamp, "" for all
  long limit = 0;        // statements per page asked for; 0: the LRS's own page size
  long timeout_seconds = 60;
  bool progress = false; // a progress line on stderr (the caller decides: only when it is a tty)
};

// Called with every page: its URL and body; sets `more` to the page's more link ("" at the end)
// and returns false when the body is not a statement result.
using LrsPage = std::function<bool(const std::string& url, std::string_view body, std::string& more)>;

// Fetches every page. Returns "" when all pages were read, else what went wrong, with the LRS's
// own message when it gave one ("the LRS refused the credentials (401 Unauthorized): ...").
std::string fetch_statements(const LrsQuery& query, const LrsPage& page);

// The URL a `more` link leads to: absolute links as they are, "/..." on the endpoint's origin
// (xAPI 1.0.3 §2.1.3: relative to the LRS's server root), anything else below the endpoint.
std::string resolve_more(const std::string& endpoint, const std::string& more);

}  // namespace granice::cli
