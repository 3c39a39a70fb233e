#include "app/view/strings.h"

#include <array>
#include <cmath>
#include <cstdio>

namespace granice::view {

namespace {

struct Entry {
  Str id;
  const char* pl;
  const char* en;
};

// Listed with their ids so a reordering of the enum cannot silently shift texts (checked below).
constexpr Entry kStrings[] = {
    {Str::AppName, "Granice", "Granice"},
    {Str::Tagline, "Jak reagować, gdy klient mówi o sobie za dużo — i zachować granice zawodowe",
     "How to respond when a client shares too much — and keep professional boundaries"},
    // A pangram with every Polish diacritic, small and capital: proves the font works.
    {Str::DiacriticsSample, "Zażółć gęślą jaźń. ZAŻÓŁĆ GĘŚLĄ JAŹŃ.", "Zażółć gęślą jaźń. ZAŻÓŁĆ GĘŚLĄ JAŹŃ."},
    {Str::Loading, "Wczytywanie…", "Loading…"},
    {Str::ContentError, "Nie udało się wczytać treści kursu", "The course content could not be loaded"},
    {Str::ContentErrorHelp, "Powiadom osobę, która udostępniła Ci kurs. Szczegóły:",
     "Tell the person who gave you this course. Details:"},
    {Str::ReviewModeNotice,
     "Tryb przeglądu: możesz przeglądać kurs i wyniki, ale nic z tego, co tu zrobisz, nie zostanie zapisane w LMS.",
     "Review mode: you can look through the course and the results, but nothing you do here is recorded in the LMS."},
    {Str::FinishedBeforeTitle, "Kurs jest już ukończony", "Course already completed"},
    {Str::FinishedBefore,
     "LMS ma zapisane ukończenie tego kursu{0}. Postęp z wcześniejszych sesji nie jest dostępny w tej przeglądarce.",
     "The LMS has this course recorded as completed{0}. Progress from earlier sessions is not available in this "
     "browser."},
    {Str::FinishedBeforeChoice,
     "Możesz przejrzeć kurs (nic nie zostanie zapisane) albo przejść go od nowa – zapisany wynik się nie obniży.",
     "You can review the course (nothing is recorded) or take it again – the recorded result will not go down."},
    {Str::FinishedBeforeScore, ", wynik {0}%", ", score {0}%"},
    {Str::FinishedBeforePassed, ", zaliczony", ", passed"},
    {Str::FinishedBeforeFailed, ", niezaliczony", ", not passed"},
    {Str::ReviewCourse, "Przejrzyj kurs", "Review the course"},
    {Str::TakeCourseAgain, "Przejdź kurs od nowa", "Take the course again"},
    {Str::StartCourse, "Rozpocznij kurs", "Start the course"},
    {Str::ContinueCourse, "Kontynuuj tam, gdzie skończono", "Continue where you left off"},
    {Str::ContinueWithModule, "Przejdź dalej: {0}", "Continue with: {0}"},
    {Str::YourProgress, "Twój postęp", "Your progress"},
    {Str::ModulesDone, "Ukończone moduły: {0} z {1}", "Modules completed: {0} of {1}"},
    {Str::TimeSpent, "Czas nauki: {0}", "Time spent: {0}"},
    {Str::Modules, "Moduły", "Modules"},
    {Str::FinalAssessment, "Test końcowy", "Final assessment"},
    {Str::AssessmentLocked, "Test końcowy otworzy się po ukończeniu wszystkich modułów.",
     "The final assessment opens when you have completed every module."},
    {Str::AssessmentOpen, "Rozpocznij test końcowy", "Start the final assessment"},
    {Str::OpenModule, "Otwórz moduł {0}", "Open module {0}"},
    {Str::StatusNotStarted, "nierozpoczęty", "not started"},
    {Str::StatusInProgress, "w trakcie", "in progress"},
    {Str::StatusCompleted, "ukończony", "completed"},
    {Str::StatusPassed, "zaliczony", "passed"},
    {Str::DownloadRecord, "Pobierz zapis postępu", "Download my record"},
    {Str::StartOver, "Zacznij od nowa", "Start over"},
    {Str::StartOverConfirm, "Czy na pewno chcesz zacząć od nowa? Cały dotychczasowy postęp zostanie usunięty.",
     "Do you really want to start over? All progress so far will be deleted."},
    {Str::StartOverYes, "Tak, zacznij od nowa", "Yes, start over"},
    {Str::Cancel, "Anuluj", "Cancel"},
    {Str::Settings, "Ustawienia", "Settings"},
    {Str::SwitchLanguage, "English", "Polski"},
    {Str::LearnerLabel, "Uczestnik: {0}", "Learner: {0}"},
    {Str::CourseCompleted, "Kurs ukończony", "Course completed"},
    {Str::CoursePassed, "Kurs zaliczony", "Course passed"},
    {Str::CourseFailed, "Test końcowy niezaliczony", "Final assessment not passed"},
    {Str::ModuleNumber, "Moduł {0}", "Module {0}"},
    {Str::SynthesisLabel, "Podsumowanie", "Synthesis"},
    {Str::SavedLocally, "Postęp zapisywany w tej przeglądarce", "Progress saved in this browser"},
    {Str::ViewCertificate, "Zobacz zaświadczenie", "View certificate"},
    {Str::NameTitle, "Witaj!", "Welcome!"},
    {Str::NameHelp, "Podaj imię i nazwisko. Pojawią się na zaświadczeniu i w zapisie postępu.",
     "Enter your name. It appears on your certificate and in your progress record."},
    {Str::NameLabel, "Imię i nazwisko", "Your name"},
    {Str::NameContinue, "Dalej", "Continue"},
    {Str::Lesson, "Lekcja", "Lesson"},
    {Str::Quiz, "Quiz", "Quiz"},
    {Str::RolePlay, "Scenka", "Role-play"},
    {Str::LessonPagesSeen, "Przeczytane strony: {0} z {1}", "Pages read: {0} of {1}"},
    {Str::QuizBest, "Najlepszy wynik: {0}% (próg {1}%)", "Best score: {0}% (pass mark {1}%)"},
    {Str::QuizAttempts, "Podejścia: {0}", "Attempts: {0}"},
    {Str::QuizNotTaken, "Jeszcze nie rozwiązany", "Not taken yet"},
    {Str::RolePlayRuns, "Przejścia: {0}, najlepsze zakończenie: {1}", "Runs: {0}, best ending: {1}"},
    {Str::RolePlayNotTaken, "Jeszcze nie przećwiczona", "Not practised yet"},
    {Str::StartLesson, "Czytaj lekcję", "Read the lesson"},
    {Str::StartQuiz, "Rozwiąż quiz", "Take the quiz"},
    {Str::ContinueQuiz, "Dokończ quiz", "Continue the quiz"},
    {Str::StartRolePlay, "Zagraj scenkę", "Play the role-play"},
    {Str::ContinueRolePlay, "Dokończ scenkę", "Continue the role-play"},
    {Str::BackToCourse, "Wróć do kursu", "Back to the course"},
    {Str::NextModule, "Następny moduł", "Next module"},
    {Str::NoAttemptsLeft, "Wykorzystano wszystkie podejścia.", "No attempts left."},
    {Str::PageOf, "Strona {0} z {1}", "Page {0} of {1}"},
    {Str::Previous, "Poprzednia strona", "Previous page"},
    {Str::Next, "Dalej", "Next"},
    {Str::ToQuiz, "Przejdź do quizu", "Go to the quiz"},
    {Str::LessonDo, "Tak", "Do"},
    {Str::LessonDont, "Nie", "Don't"},
    {Str::ExamplePhrase, "Możesz powiedzieć", "You can say"},
    {Str::Tip, "Wskazówka", "Tip"},
    {Str::ResourcesNote, "Kontakty", "Contacts"},
    {Str::Phone, "Telefon: {0}", "Phone: {0}"},
    {Str::Website, "Strona: {0}", "Website: {0}"},
    {Str::Hours, "Godziny: {0}", "Hours: {0}"},
    {Str::QuestionOf, "Pytanie {0} z {1}", "Question {0} of {1}"},
    {Str::Submit, "Sprawdź odpowiedź", "Check answer"},
    {Str::Feedback, "Informacja zwrotna", "Feedback"},
    {Str::Correct, "Dobrze!", "Correct!"},
    {Str::Incorrect, "Niestety nie.", "Not quite."},
    {Str::PartlyCorrect, "Częściowo dobrze.", "Partly right."},
    {Str::NextQuestion, "Następne pytanie", "Next question"},
    {Str::PreviousQuestion, "Poprzednie pytanie", "Previous question"},
    {Str::FinishQuiz, "Zakończ i zobacz wynik", "Finish and see the score"},
    {Str::ClientSays, "Klient mówi:", "The client says:"},
    {Str::SelectAllThatApply, "Zaznacz wszystkie pasujące odpowiedzi.", "Select all that apply."},
    {Str::PutInOrder, "Ułóż kroki we właściwej kolejności (przyciski w górę / w dół).",
     "Put the steps in the right order (move up / move down buttons)."},
    {Str::MoveUp, "W górę: {0}", "Move up: {0}"},
    {Str::MoveDown, "W dół: {0}", "Move down: {0}"},
    {Str::MatchEach, "Do każdej sytuacji wybierz pasującą odpowiedź.", "Match each situation with its answer."},
    {Str::ChooseMatch, "Wybierz dopasowanie", "Choose a match"},
    {Str::True, "Prawda", "True"},
    {Str::False, "Fałsz", "False"},
    {Str::YourScore, "Twój wynik: {0}%", "Your score: {0}%"},
    {Str::PassMark, "Próg zaliczenia: {0}%", "Pass mark: {0}%"},
    {Str::Passed, "Zaliczone", "Passed"},
    {Str::NotPassed, "Niezaliczone", "Not passed"},
    {Str::TryAgain, "Spróbuj ponownie", "Try again"},
    {Str::AttemptsLeft, "Pozostałe podejścia: {0}", "Attempts left: {0}"},
    {Str::ToRolePlay, "Przejdź do scenki", "Go to the role-play"},
    {Str::AnswerSaved, "Odpowiedź zapisana.", "Answer saved."},
    {Str::Position, "{0}.", "{0}."},
    {Str::QuizResultsTitle, "Wynik quizu", "Quiz score"},
    {Str::YourAnswer, "Twoja odpowiedź", "Your answer"},
    {Str::UnlimitedAttempts, "Możesz podchodzić dowolnie wiele razy.", "You can take it as often as you like."},
    {Str::Workplace, "Miejsce: {0}", "Workplace: {0}"},
    {Str::Mood, "Nastrój: {0}", "Mood: {0}"},
    {Str::You, "Ty", "You"},
    {Str::Client, "Klient", "Client"},
    {Str::WhatDoYouSay, "Co odpowiesz?", "What do you say?"},
    {Str::Ending, "Zakończenie", "Ending"},
    {Str::Debrief, "Omówienie", "Debrief"},
    {Str::Rubric, "Ocena rozmowy", "How the conversation went"},
    {Str::Honours, "Zgodne z: {0}", "Follows: {0}"},
    {Str::Breaks, "Narusza: {0}", "Goes against: {0}"},
    {Str::RolePlayAgain, "Zagraj jeszcze raz", "Play again"},
    {Str::OutcomeGood, "dobrze poprowadzona rozmowa", "handled well"},
    {Str::OutcomePartial, "częściowo udana rozmowa", "partly handled"},
    {Str::OutcomePoor, "rozmowa do poprawy", "needs work"},
    {Str::StepsTaken, "Twoje wybory", "Your choices"},
    {Str::ResultsTitle, "Wynik testu końcowego", "Final assessment result"},
    {Str::PerGuideline, "Wyniki według zasad", "Results by guideline"},
    {Str::Revisit, "Warto wrócić do:", "Worth revisiting:"},
    {Str::NothingToRevisit, "Wszystkie zasady opanowane — świetnie!", "Every guideline mastered — well done!"},
    {Str::DownloadCertificate, "Pobierz zaświadczenie (PNG)", "Download certificate (PNG)"},
    {Str::CertificateTitle, "Zaświadczenie", "Certificate"},
    {Str::Back, "Wstecz", "Back"},
    {Str::Home, "Strona główna", "Home"},
    {Str::Language, "Język", "Language"},
    {Str::TextSize, "Wielkość tekstu", "Text size"},
    {Str::Theme, "Motyw", "Theme"},
    {Str::ThemeLight, "Jasny", "Light"},
    {Str::ThemeDark, "Ciemny", "Dark"},
    {Str::ThemeHighContrast, "Wysoki kontrast", "High contrast"},
    {Str::ReducedMotion, "Ogranicz ruch i animacje", "Reduce motion"},
    {Str::Done, "Gotowe", "Done"},
    {Str::MoveUpShort, "W górę", "Move up"},
    {Str::MoveDownShort, "W dół", "Move down"},
    {Str::PersonaLabel, "Rozmówca", "Who you are talking to"},
    {Str::IntroLabel, "Sytuacja", "The situation"},
    {Str::ScoreOutOf, "{0}: {1} z {2}", "{0}: {1} of {2}"},
    {Str::CertificateFor, "Wynik: {0}%", "Score: {0}%"},
    {Str::LessonPages, "Strony lekcji", "Lesson pages"},
    {Str::PageNumbered, "Strona {0}: {1}", "Page {0}: {1}"},
    {Str::NextStep, "Następny krok", "Next step"},
};

constexpr bool InEnumOrder() {
  for (size_t i = 0; i < std::size(kStrings); ++i)
    if (static_cast<size_t>(kStrings[i].id) != i) return false;
  return std::size(kStrings) == static_cast<size_t>(Str::Count_);
}
static_assert(InEnumOrder(), "kStrings must list every Str, in enum order");

}  // namespace

const char* T(std::string_view lang, Str id) {
  const Entry& e = kStrings[static_cast<size_t>(id)];
  return lang == "en" ? e.en : e.pl;
}

const char* OtherLanguageName(std::string_view lang) { return T(lang, Str::SwitchLanguage); }

std::string_view OtherLanguage(std::string_view lang) { return lang == "en" ? "pl" : "en"; }

std::string Fmt(std::string_view pattern, std::initializer_list<std::string> args) {
  std::string out;
  out.reserve(pattern.size() + 16);
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '0' &&
        pattern[i + 1] <= '9') {
      const size_t k = static_cast<size_t>(pattern[i + 1] - '0');
      if (k < args.size()) {
        out += *(args.begin() + k);
        i += 2;
        continue;
      }
    }
    out += pattern[i];
  }
  return out;
}

std::string FormatDuration(double seconds, std::string_view lang) {
  (void)lang;   // the units read the same in Polish and English
  if (!(seconds > 0)) seconds = 0;
  const long total = static_cast<long>(seconds);
  char buf[32];
  if (total < 60) {
    std::snprintf(buf, sizeof buf, "%ld s", total);
  } else if (total < 3600) {
    std::snprintf(buf, sizeof buf, "%ld min", total / 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld h %02ld min", total / 3600, (total % 3600) / 60);
  }
  return buf;
}

std::string FormatPercent(double percent, std::string_view lang) {
  char buf[32];
  const double rounded = std::round(percent * 10.0) / 10.0;
  if (rounded == std::floor(rounded)) {
    std::snprintf(buf, sizeof buf, "%.0f", rounded);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f", rounded);
    if (lang != "en")
      for (char& ch : buf)
        if (ch == '.') ch = ',';
  }
  return buf;
}

}  // namespace granice::view
