// The one bridge from C++ to the page's JavaScript (web/granice.js, web/scorm.js): the page and
// its events, the LMS API object found at launch, the browser's local storage, the clock and the
// console. Only src/platform knows it; everything above it runs natively too.
#pragma once

#include <optional>
#include <string>

namespace granice::platform {

// [SECTION] The page
void NotifyFirstFrame();                 // resolves window.granice.ready
void NotifySemanticsChanged();           // lets the accessible DOM layer re-sync
double DevicePixelRatio();
void SetDocumentTitle(const char* title);
double NowSeconds();                     // wall clock, seconds since the epoch
std::string QueryParam(const char* name);      // from the page URL; empty if absent
// The language web/granice.js chose for the first pack (window.granice.language: ?lang=, the LMS's
// preference, the saved choice, the browser's, the course default; docs/lms.md); "" when none.
std::string PageLanguageChoice();
bool PrefersReducedMotion();                   // the system asks for less motion
bool PrefersHighContrast();                    // forced colours (Windows High Contrast) or more contrast
bool CoarsePointer();                          // the main pointer is a finger (pointer: coarse)
void DownloadFile(const std::string& filename, const std::string& mime, const std::string& data);
// Draws a certificate on a 2D canvas and downloads it as PNG (text is passed as JSON).
void DownloadCertificatePng(const std::string& filename, const std::string& json);

// [SECTION] The course's language packs: the page fetched the first (content-<lang>.pack.lzma) while
// the wasm loaded; it hands each over to granice_language_pack (platform/language_packs.h).
void PacksWanted();                          // the app is ready for them
void FetchPack(const std::string& lang);     // fetch this language's pack and hand it over
// Start-up timing (scripts/bench): adds `ms` to window.granice.startPhases[phase] (the page keeps
// its own phases there too: fetching, decoding, compiling). NowMs: a monotonic clock in ms.
void NoteStartPhase(const char* phase, double ms);
double NowMs();
// The language whose pack's fonts the atlas was just built from (window.granice.fontLanguage, for tests).
void NoteFontLanguage(const std::string& lang);

// [SECTION] Local storage (values cross with their byte length: NUL characters survive)
std::optional<std::string> StorageGet(const std::string& key);  // nullopt: no such key / unavailable
bool StorageSet(const std::string& key, const std::string& value);  // false: quota, disabled
void StorageRemove(const std::string& key);
bool StorageAvailable();

// [SECTION] The LMS (web/scorm.js), the console, timers
int ScormFind();  // 12 (window.API), 2004 (window.API_1484_11) or 0 (none / ?scorm=off)
// Calls api[method](a[, b]) and returns String(result); "" and threw = true when it threw.
std::string ScormCall(const char* method, const char* a = nullptr, const char* b = nullptr, bool* threw = nullptr);
std::string ScormApiDescription();  // where the API was found (for the log)
void Log(int level, const std::string& message);  // 0 info, 1 warning, 2 error; also window.graniceScorm.log
void ScheduleRetry(int milliseconds, void (*fn)(void*), void* arg);

// [SECTION] cmi5 (web/cmi5.js: the launch it read before the app started, and its send queue)
// window.graniceCmi5 as JSON: {"launch": null | {endpoint, fetch, actor, registration, activityId},
// "token": bool, "launchData": null | text, "preferences": text, "state": text, "error": text,
// "sessionEnded": bool (the page was reloaded after this launch's terminated)}.
std::string Cmi5LaunchJson();
void Cmi5Send(const std::string& statements_json);  // a JSON array, sent in order after the queued ones
void Cmi5PutState(const std::string& document);     // the newest document wins; PUT after the statements
void Cmi5Flush();                                   // the page is going: what is queued goes out with keepalive
void Cmi5Exit(const std::string& return_url);       // terminated is queued: once sent, go to return_url ("" = stay)
std::string Cmi5LastError();                        // the LRS's last failure, "" when sending works

}  // namespace granice::platform
