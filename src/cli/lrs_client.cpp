#include "cli/lrs_client.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <set>

#include <curl/curl.h>

#include "core/text/utf8.h"

namespace granice::cli {

namespace {

std::string origin_of(const std::string& url) {  // "https://host:port"
  const std::size_t scheme = url.find("://");
  if (scheme == std::string::npos) return "";
  const std::size_t path = url.find('/', scheme + 3);
  return path == std::string::npos ? url : url.substr(0, path);
}

// The LRS's message, on one line and short enough to read.
std::string message_of(const std::string& body) {
  std::string m;
  for (char c : body) m += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  while (!m.empty() && m.back() == ' ') m.pop_back();
  return m.empty() ? "no message" : utf8_clip(m, 300);
}

std::string status_problem(long status, const std::string& url, const std::string& body) {
  const std::string said = ": " + message_of(body);
  const std::string code = std::to_string(status);
  if (status == 401) return "the LRS refused the credentials (401 Unauthorized)" + said + " - check --auth";
  if (status == 403) return "the LRS does not let these credentials read statements (403 Forbidden)" + said;
  if (status == 404)
    return "no xAPI statements resource at " + url + " (404 Not Found)" + said +
           " - is --lrs the xAPI endpoint (it often ends in /xapi/ or /data/xAPI/)?";
  if (status >= 500) return "the LRS failed (" + code + ")" + said + " - try again later";
  return "the LRS answered " + code + said;
}

size_t append(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

struct CurlGlobal {
  CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
  ~CurlGlobal() { curl_global_cleanup(); }
};

}  // namespace

std::string resolve_more(const std::string& endpoint, const std::string& more) {
  if (more.rfind("http://", 0) == 0 || more.rfind("https://", 0) == 0) return more;
  if (!more.empty() && more[0] == '/') return origin_of(endpoint) + more;
  return endpoint + more;
}

std::string fetch_statements(const LrsQuery& q, const LrsPage& page) {
  static CurlGlobal global;
  std::string endpoint = q.endpoint;
  if (endpoint.rfind("http://", 0) != 0 && endpoint.rfind("https://", 0) != 0)
    return "--lrs expects the LRS's xAPI endpoint as an http:// or https:// URL, not \"" + endpoint + "\"";
  if (endpoint.back() != '/') endpoint += '/';
  std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return "libcurl could not start";
  CURL* c = curl.get();
  auto escape = [c](const std::string& s) {
    char* e = curl_easy_escape(c, s.c_str(), static_cast<int>(s.size()));
    std::string out = e ? e : "";
    curl_free(e);
    return out;
  };
  // xAPI 1.0.3 §2.1.3 (GET statements): statements whose object or context activities include the
  // AU (related_activities), so the questions' and role-plays' statements under it come too.
  std::string url = endpoint + "statements?activity=" + escape(q.activity) + "&related_activities=true";
  if (!q.since.empty()) url += "&since=" + escape(q.since);
  if (q.limit > 0) url += "&limit=" + std::to_string(q.limit);

  std::unique_ptr<curl_slist, void (*)(curl_slist*)> headers(nullptr, curl_slist_free_all);
  headers.reset(curl_slist_append(headers.release(), "X-Experience-API-Version: 1.0.3"));
  headers.reset(curl_slist_append(headers.release(), "Accept: application/json"));
  std::string body;
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
  curl_easy_setopt(c, CURLOPT_USERPWD, q.auth.c_str());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, append);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, q.timeout_seconds);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, std::min<long>(q.timeout_seconds, 20));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // whatever compression libcurl can undo
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);    // a redirect could carry the credentials elsewhere
  char curl_error[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, curl_error);

  std::set<std::string> seen;
  long pages = 0;
  std::size_t bytes = 0;
  const auto t0 = std::chrono::steady_clock::now();
  for (;;) {
    if (!seen.insert(url).second)
      return "the LRS's more link leads back to a page already read (" + url + ") after " + std::to_string(pages) +
             " pages; stopped rather than loop";
    body.clear();
    curl_error[0] = 0;
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    const CURLcode rc = curl_easy_perform(c);
    if (rc == CURLE_OPERATION_TIMEDOUT)
      return "no answer from the LRS within " + std::to_string(q.timeout_seconds) + " s (" + url + ")";
    if (rc != CURLE_OK) return "cannot reach the LRS at " + url + ": " + (curl_error[0] ? curl_error : curl_easy_strerror(rc));
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    if (status != 200) return status_problem(status, url, body);
    ++pages;
    bytes += body.size();
    std::string more;
    if (!page(url, body, more)) return "the LRS's answer to " + url + " is not an xAPI statement result (see the issue above)";
    if (q.progress) {
      const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      std::fprintf(stderr, "\r[LRS] %ld pages, %.1f MB, %.1f s%s", pages, static_cast<double>(bytes) / 1e6, secs,
                   more.empty() ? "" : " ...");
    }
    if (more.empty()) break;
    const std::string next = resolve_more(endpoint, more);
    if (origin_of(next) != origin_of(endpoint))
      return "the LRS's more link points to another server (" + origin_of(next) + "); not sending the credentials there";
    url = next;
  }
  if (q.progress) std::fprintf(stderr, "\r\033[K");
  return "";
}

}  // namespace granice::cli
