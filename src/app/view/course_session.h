// What the learner is doing right now, as pure logic the screens call: which screen, which
// module, the open quiz or role-play session, and every step that changes progress. Each such
// step updates the CourseState and calls on_change (the app saves there), so the ImGui screens
// only draw and forward input, and a native test can drive the whole course through this.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/state/course_state.h"
#include "core/content/model.h"
#include "core/engines/quiz_engine.h"
#include "core/engines/roleplay_engine.h"

namespace granice::view {

enum class Page { NamePrompt, Home, Module, Lesson, Quiz, QuizResults, RolePlay, Results, Certificate, Settings };

const char* PageName(Page p);

class CourseSession {
 public:
  using Clock = std::function<std::int64_t()>;   // seconds since the epoch

  CourseSession(const Course& course, CourseState state, Clock clock);

  const Course& course() const { return *course_; }
  const CourseState& state() const { return state_; }
  const std::string& lang() const { return state_.language; }
  Page page() const { return page_; }
  const Module* module() const;                 // the module being worked on (Module, Lesson, Quiz, RolePlay)
  int lesson_page() const { return lesson_page_; }
  bool in_assessment() const { return quiz_id_ == course_->assessment.id; }

  std::function<void()> on_change;              // after every step worth saving
  std::function<void(const std::string&)> announce;   // something a screen reader should hear

  // [SECTION] Navigation
  void GoHome();
  void OpenModule(const std::string& module_id);
  void OpenLesson(const std::string& module_id, int page = 0);
  void NextPage();
  void PreviousPage();
  void OpenSettings();
  void CloseSettings();
  void OpenCertificate();
  void Back();                                   // Esc: one level up
  // Where the learner is, as a key ("home", "module:m1", "lesson:m1:2", "quiz:m1:3", "quiz:4" in
  // the assessment, ...): a new key is a new screen (focus, scrolling, the browser's history).
  std::string Location() const;
  // Opens the screen a Location() key names (the browser's Back and Forward). A quiz or a
  // role-play is reopened only while it is still open, so history never starts an attempt or a
  // walk; otherwise (and for a quiz's score) its module. A lesson page or a question only as far
  // as the pager / Next allow. False when the key names nothing the learner can open now, or
  // leads where the learner already is (the page then skips that history entry).
  bool Navigate(std::string_view key);
  bool Resume();                                 // "Continue where I left off" from the bookmark
  bool HasResumePoint() const;
  void SetLanguage(const std::string& lang);
  void SetLearnerName(const std::string& name);
  void StartOver();                              // new state, same learner and language

  // [SECTION] Quiz (module quiz or the final assessment)
  bool StartQuiz(const std::string& quiz_id);    // resumes an open attempt
  QuizSession* quiz() { return quiz_ ? &*quiz_ : nullptr; }
  const QuizSession* quiz() const { return quiz_ ? &*quiz_ : nullptr; }
  const std::string& quiz_id() const { return quiz_id_; }
  void QuizEdited();                              // after select/toggle/move/match: remember it
  // Matching: item `source` takes target pair `target` (a target another item had moves here).
  // Choices in a row on the same item revise one choice: each starts again from the answers
  // before the first of them, so stepping through a drop-down's options (arrow keys on a native
  // <select> choose at every step) cannot take targets away from other items on the way.
  bool Match(int source, int target);
  std::optional<QuestionResult> SubmitAnswer();
  void QuizNext();
  void QuizPrevious();
  void FinishQuiz();
  const std::optional<QuizResult>& last_quiz_result() const { return last_result_; }
  QuizAvailability Availability(const std::string& quiz_id) const;

  // [SECTION] Role-play
  bool StartRolePlay(const std::string& module_id);
  RolePlaySession* roleplay() { return roleplay_ ? &*roleplay_ : nullptr; }
  const RolePlaySession* roleplay() const { return roleplay_ ? &*roleplay_ : nullptr; }
  bool Choose(std::size_t choice);
  void RestartRolePlay();

  // [SECTION] Summaries for the home screen and results
  int ModulesCompleted() const;                  // completed or passed
  int ModulesTotal() const { return static_cast<int>(course_->modules.size()); }
  ModuleStatus StatusOf(const Module& m) const { return module_status(*course_, state_, m); }
  // Time spent, called once per animation frame. add_time() keeps whole centiseconds (it rounds
  // every call), so whole centiseconds are booked and the rest carried to the next call: a
  // 16.7 ms frame must not count as 20 ms, nor a 4 ms one (240 Hz) as nothing.
  void AddTime(double seconds);

  // Replaces the state (e.g. after a resume from storage) and returns to the bookmark's page.
  void Restore(CourseState state);

 private:
  void Changed();
  void Bookmark(Screen screen, int index);
  void CloseActivities();

  const Course* course_;
  CourseState state_;
  double unbooked_seconds_ = 0.0;   // AddTime() remainder under a centisecond
  Clock clock_;
  Page page_ = Page::Home;
  Page before_settings_ = Page::Home;
  std::string module_id_;
  int lesson_page_ = 0;
  std::optional<QuizSession> quiz_;
  std::string quiz_id_;
  std::optional<QuizResult> last_result_;
  std::optional<RolePlaySession> roleplay_;
  std::int64_t shown_at_ = 0;                    // when the current question / role-play line appeared
  struct MatchRun {                              // the choices in a row on one matching item (Match)
    std::string question_id;
    int source = -1;
    std::vector<int> before;                     // the answers before the first of them
  } match_run_;
};

}  // namespace granice::view

namespace granice::view {

// What to say after an answer: the verdict and the feedback of what the learner chose (choice
// types) or the overall feedback (ordering, matching). Shown on screen and announced.
std::string FeedbackSummary(const Question& q, const QuestionResult& r, const std::string& lang);

}  // namespace granice::view
