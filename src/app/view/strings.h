// The app's own interface text (buttons, labels) in every language the app supports.
// Course text comes from quizzes/; this is only the chrome around it.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace granice::view {

enum class Str {
  AppName, Tagline, DiacriticsSample, Loading, ContentError, ContentErrorHelp,
  // home
  ReviewModeNotice, FinishedBeforeTitle, FinishedBefore, FinishedBeforeChoice, FinishedBeforeScore, FinishedBeforePassed,
  FinishedBeforeFailed, ReviewCourse, TakeCourseAgain,
  StartCourse, ContinueCourse, ContinueWithModule, YourProgress, ModulesDone, TimeSpent, Modules, FinalAssessment,
  AssessmentLocked, AssessmentOpen, OpenModule, StatusNotStarted, StatusInProgress, StatusCompleted, StatusPassed,
  DownloadRecord, StartOver, StartOverConfirm, StartOverYes, Cancel, Settings, SwitchLanguage, LearnerLabel,
  CourseCompleted, CoursePassed, CourseFailed, ModuleNumber, SynthesisLabel, SavedLocally, ViewCertificate,
  // name prompt
  NameTitle, NameHelp, NameLabel, NameContinue,
  // module overview
  Lesson, Quiz, RolePlay, LessonPagesSeen, QuizBest, QuizAttempts, QuizNotTaken, RolePlayRuns, RolePlayNotTaken,
  StartLesson, StartQuiz, ContinueQuiz, StartRolePlay, ContinueRolePlay, BackToCourse, NextModule, NoAttemptsLeft,
  // lesson
  PageOf, Previous, Next, ToQuiz, LessonDo, LessonDont, ExamplePhrase, Tip, ResourcesNote, Phone, Website, Hours,
  // quiz
  QuestionOf, Submit, Feedback, Correct, Incorrect, PartlyCorrect, NextQuestion, PreviousQuestion, FinishQuiz,
  ClientSays, SelectAllThatApply, PutInOrder, MoveUp, MoveDown, MatchEach, ChooseMatch, True, False,
  YourScore, PassMark, Passed, NotPassed, TryAgain, AttemptsLeft, ToRolePlay, AnswerSaved, Position,
  QuizResultsTitle, YourAnswer, UnlimitedAttempts,
  // role-play
  Workplace, Mood, You, Client, WhatDoYouSay, Ending, Debrief, Rubric, Honours, Breaks, RolePlayAgain,
  OutcomeGood, OutcomePartial, OutcomePoor, StepsTaken,
  // results
  ResultsTitle, PerGuideline, Revisit, NothingToRevisit, DownloadCertificate, CertificateTitle, Back, Home,
  // settings
  Language, TextSize, Theme, ThemeLight, ThemeDark, ThemeHighContrast, ReducedMotion, Done,
  MoveUpShort, MoveDownShort, PersonaLabel, IntroLabel, ScoreOutOf, CertificateFor,
  // lesson pager
  LessonPages, PageNumbered,
  // design pass (issue 21)
  NextStep,
  Count_   // keep last
};

// `lang` is "pl" or "en"; anything else falls back to Polish.
const char* T(std::string_view lang, Str id);
// Polish or English text written in place (the trainer screens): "en" -> en, anything else -> pl.
inline const char* Tr(std::string_view lang, const char* pl, const char* en) { return lang == "en" ? en : pl; }
// Name of the other language, for the language switch button.
const char* OtherLanguageName(std::string_view lang);
std::string_view OtherLanguage(std::string_view lang);

// Replaces {0}, {1}, ... in `pattern` with `args`.
std::string Fmt(std::string_view pattern, std::initializer_list<std::string> args);
// "1 h 05 min", "12 min", "45 s"
std::string FormatDuration(double seconds, std::string_view lang);
// 87.5 -> "87,5" (pl) / "87.5" (en); whole numbers without decimals.
std::string FormatPercent(double percent, std::string_view lang);

}  // namespace granice::view
