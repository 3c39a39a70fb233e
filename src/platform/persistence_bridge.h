// The JavaScript side of persistence (web/scorm.js): the LMS API object found at launch, the
// browser's local storage, the clock and the console. Only src/platform/persistence_*.cpp use it.
#pragma once

#include <optional>
#include <string>

namespace granice::platform::bridge {

int ScormFind();  // 12 (window.API), 2004 (window.API_1484_11) or 0 (none / ?scorm=off)
// Calls api[method](a[, b]) and returns String(result); "" and threw = true when it threw.
std::string ScormCall(const char* method, const char* a = nullptr, const char* b = nullptr, bool* threw = nullptr);
std::string ScormApiDescription();  // where the API was found (for the log)

std::optional<std::string> StorageGet(const std::string& key);  // nullopt: no such key / unavailable
bool StorageSet(const std::string& key, const std::string& value);  // false: quota, disabled
void StorageRemove(const std::string& key);
bool StorageAvailable();

double NowSeconds();          // Date.now() / 1000
void Log(int level, const std::string& message);  // 0 info, 1 warning, 2 error; also window.graniceScorm.log
void ScheduleRetry(int milliseconds, void (*fn)(void*), void* arg);
bool TestDriverEnabled();     // ?granice-test-driver=1 in the page address

}  // namespace granice::platform::bridge
