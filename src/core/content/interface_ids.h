// The ids of the app's interface strings (quizzes/interface.json, "strings"): the one list the
// loader checks the file against (none missing, none unknown) and view::Str is made from. Names
// only: the texts, in every language, are content.
#pragma once

#include <cstddef>
#include <string_view>

// X(Id) for each interface string, in the order view::Str numbers them.
#define GRANICE_INTERFACE_STRINGS(X) \
  X(AppName) X(Tagline) X(DiacriticsSample) X(Loading) X(ContentError) X(ContentErrorHelp) X(ReviewModeNotice) \
  X(FinishedBeforeTitle) X(FinishedBefore) X(FinishedBeforeChoice) X(FinishedBeforeScore) X(FinishedBeforePassed) \
  X(FinishedBeforeFailed) X(ReviewCourse) X(TakeCourseAgain) X(StartCourse) X(ContinueCourse) X(ContinueWithModule) \
  X(YourProgress) X(ModulesDone) X(TimeSpent) X(Modules) X(FinalAssessment) X(AssessmentLocked) X(AssessmentOpen) \
  X(OpenModule) X(StatusNotStarted) X(StatusInProgress) X(StatusCompleted) X(StatusPassed) X(DownloadRecord) \
  X(StartOver) X(StartOverConfirm) X(StartOverYes) X(Cancel) X(Settings) X(LearnerLabel) X(CourseCompleted) \
  X(CoursePassed) X(CourseFailed) X(ModuleNumber) X(SynthesisLabel) X(SavedLocally) X(ViewCertificate) X(NameTitle) \
  X(NameHelp) X(NameLabel) X(NameContinue) X(Lesson) X(Quiz) X(RolePlay) X(LessonPagesSeen) X(QuizBest) \
  X(QuizAttempts) X(QuizNotTaken) X(RolePlayRuns) X(RolePlayNotTaken) X(StartLesson) X(StartQuiz) X(ContinueQuiz) \
  X(StartRolePlay) X(ContinueRolePlay) X(BackToCourse) X(NextModule) X(NoAttemptsLeft) X(PageOf) X(Previous) \
  X(Next) X(ToQuiz) X(LessonDo) X(LessonDont) X(ExamplePhrase) X(Tip) X(ResourcesNote) X(Phone) X(Website) X(Hours) \
  X(QuestionOf) X(Submit) X(Feedback) X(Correct) X(Incorrect) X(PartlyCorrect) X(NextQuestion) X(PreviousQuestion) \
  X(FinishQuiz) X(ClientSays) X(SelectAllThatApply) X(PutInOrder) X(MoveUp) X(MoveDown) X(MatchEach) X(ChooseMatch) \
  X(True) X(False) X(YourScore) X(PassMark) X(Passed) X(NotPassed) X(TryAgain) X(AttemptsLeft) X(ToRolePlay) \
  X(AnswerSaved) X(Position) X(QuizResultsTitle) X(YourAnswer) X(UnlimitedAttempts) X(Workplace) X(Mood) X(You) \
  X(Client) X(WhatDoYouSay) X(Ending) X(Debrief) X(Rubric) X(Honours) X(Breaks) X(RolePlayAgain) X(OutcomeGood) \
  X(OutcomePartial) X(OutcomePoor) X(StepsTaken) X(ResultsTitle) X(PerGuideline) X(Revisit) X(NothingToRevisit) \
  X(DownloadCertificate) X(CertificateTitle) X(Back) X(Home) X(Language) X(TextSize) X(Theme) X(ThemeLight) \
  X(ThemeDark) X(ThemeHighContrast) X(ReducedMotion) X(Done) X(MoveUpShort) X(MoveDownShort) X(PersonaLabel) \
  X(IntroLabel) X(ScoreOutOf) X(CertificateFor) X(LessonPages) X(PageNumbered) X(NextStep) X(QuoteOpen) X(QuoteClose) \
  X(DecimalSeparator) X(NextPage) X(NoticeNoLms) X(NoticeCmi5SessionEnded) X(NoticeLocalPartlyDamaged) X(NoticeLocalDamaged) \
  X(NoticeNoStorage) X(NoticeLmsStateUnreadable) X(NoticeCourseUpdated) X(NoticePackFailed) X(NoticeTrainerBlocked) X(ModeStandalone) \
  X(ModeLmsReview) X(ModeLmsHolding) X(ModeLmsRetrying) X(ModeLms) X(ModeLmsEnded) X(ModeLmsOffline) X(ModeCmi5Offline) X(ModeCmi5) \
  X(ModeCmi5Ended) X(ModeCmi5Review) X(ModeCmi5Retrying) X(ModeCmi5Browse) X(TrainerView) X(TrainerTitle) X(TrainerOpenFiles) \
  X(TrainerCloseAll) X(TrainerPickHelp) X(TrainerFilesSummary) X(TrainerTabLearners) X(TrainerTabItems) \
  X(TrainerTabFiles) X(TrainerNoRecords) X(TrainerStatus) X(TrainerSearch) X(TrainerDateFrom) X(TrainerDateTo) \
  X(TrainerDateHelp) X(TrainerFilterAll) X(TrainerFilterPassed) X(TrainerFilterFailed) X(TrainerFilterCompleted) \
  X(TrainerFilterIncomplete) X(TrainerFilterNotAttempted) X(TrainerShowing) X(TrainerExportTable) \
  X(TrainerColumnLearner) X(TrainerColumnStatus) X(TrainerColumnScore) X(TrainerColumnTime) X(TrainerColumnDate) \
  X(TrainerColumnVersion) X(TrainerSortBy) X(TrainerPageOf) X(TrainerQuizAttempts) X(TrainerBestScore) \
  X(TrainerLastScore) X(TrainerPassMark) X(TrainerAnswer) X(TrainerAnswerUnknown) X(TrainerAnswerCorrect) \
  X(TrainerAnswerPartly) X(TrainerAnswerWrong) X(TrainerBackToList) X(TrainerRecordFacts) X(TrainerRecordStatus) \
  X(TrainerGuidelines) X(TrainerModuleLesson) X(TrainerRolePlayNotFinished) X(TrainerRolePlayRuns) X(TrainerStep) \
  X(TrainerShowJournal) X(TrainerOutcomeGood) X(TrainerOutcomePartial) X(TrainerOutcomePoor) \
  X(TrainerFilteredAnalysis) X(TrainerExportItems) X(TrainerScoreDistribution) X(TrainerLearnersByScore) \
  X(TrainerAverageByGuideline) X(TrainerQuestionsShare) X(TrainerShareCorrect) X(TrainerWrongOption) \
  X(TrainerEndings) X(TrainerAllFilesValid)

namespace granice {

inline constexpr std::string_view kInterfaceIds[] = {
#define GRANICE_ID_NAME(id) #id,
    GRANICE_INTERFACE_STRINGS(GRANICE_ID_NAME)
#undef GRANICE_ID_NAME
};
inline constexpr std::size_t kInterfaceIdCount = std::size(kInterfaceIds);

}  // namespace granice
