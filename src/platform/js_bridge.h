// Calls from C++ into the page's JavaScript (web/granice.js). Only this folder knows them.
#pragma once

namespace granice::platform {

void NotifyFirstFrame();                 // resolves window.granice.ready
void NotifySemanticsChanged();           // lets the accessible DOM layer re-sync
double DevicePixelRatio();
void SetDocumentTitle(const char* title);

}  // namespace granice::platform
