#include "app/view/strings.h"

#include <array>

namespace granice::view {

namespace {

struct Entry {
  const char* pl;
  const char* en;
};

constexpr std::array<Entry, static_cast<size_t>(Str::Count_)> kStrings{{
    {"Granice", "Granice"},
    {"Jak reagować, gdy klient mówi o sobie za dużo — i zachować granice zawodowe",
     "How to respond when a client shares too much — and keep professional boundaries"},
    // A pangram with every Polish diacritic, small and capital: proves the font works.
    {"Zażółć gęślą jaźń. ZAŻÓŁĆ GĘŚLĄ JAŹŃ.", "Zażółć gęślą jaźń. ZAŻÓŁĆ GĘŚLĄ JAŹŃ."},
    {"Rozpocznij kurs", "Start the course"},
    {"Kontynuuj od miejsca, w którym skończyłeś(-aś)", "Continue where you left off"},
    {"English", "Polski"},
    {"Wczytywanie…", "Loading…"},
    {"Nie udało się wczytać treści kursu", "The course content could not be loaded"},
    {"Wstecz", "Back"},
    {"Dalej", "Next"},
    {"Poprzednia", "Previous"},
    {"Strona główna", "Home"},
    {"Ustawienia", "Settings"},
}};

}  // namespace

const char* T(std::string_view lang, Str id) {
  const Entry& e = kStrings[static_cast<size_t>(id)];
  return lang == "en" ? e.en : e.pl;
}

const char* OtherLanguageName(std::string_view lang) { return T(lang, Str::SwitchLanguage); }

std::string_view OtherLanguage(std::string_view lang) { return lang == "en" ? "pl" : "en"; }

}  // namespace granice::view
