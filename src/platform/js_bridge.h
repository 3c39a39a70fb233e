// Calls from C++ into the page's JavaScript (web/granice.js). Only this folder knows them.
#pragma once

#include <string>

namespace granice::platform {

void NotifyFirstFrame();                 // resolves window.granice.ready
void NotifySemanticsChanged();           // lets the accessible DOM layer re-sync
double DevicePixelRatio();
void SetDocumentTitle(const char* title);
double NowSeconds();                     // wall clock, seconds since the epoch
std::string QueryParam(const char* name);      // from the page URL; empty if absent
std::string BrowserLanguage();                 // navigator.language, e.g. "pl-PL"
bool PrefersReducedMotion();                   // the system asks for less motion
bool PrefersHighContrast();                    // forced colours (Windows High Contrast) or more contrast
std::string LocalStorageGet(const char* key);  // empty if absent or storage is blocked
bool LocalStorageSet(const char* key, const std::string& value);
void DownloadFile(const std::string& filename, const std::string& mime, const std::string& data);
// Draws a certificate on a 2D canvas and downloads it as PNG (text is passed as JSON).
void DownloadCertificatePng(const std::string& filename, const std::string& json);

}  // namespace granice::platform
