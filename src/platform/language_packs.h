// The course's texts arrive one language pack at a time: web/granice.js fetches the pack of the
// learner's language (content-<lang>.pack.lzma) in parallel with the wasm, and another when the
// learner switches. Each front end says what it does with a pack; the page hands them over
// through granice_language_pack.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace granice::platform {

// Takes one pack the page fetched: true when it was used. False (damaged, not this build's, not
// the same course) makes the page try the next language when none has loaded yet.
using PackHandler = std::function<bool(const std::string& lang, std::string_view pack)>;

// Sets the handler and tells the page to hand the packs over (the first may already be there).
void ReceiveLanguagePacks(PackHandler handler);

}  // namespace granice::platform
