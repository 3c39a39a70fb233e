// A learner on the real screens, natively: drives runner::Headless by role and name the way the
// browser tests' learner.js drives the accessible DOM layer (the question on screen is found by
// its prompt, answered right or wrong, role-plays take the best-scored reply).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "app/app_state.h"
#include "app/persistence.h"
#include "core/content/model.h"
#include "core/state/course_state.h"
#include "runner/headless.h"

namespace granice::test {

// A learner's app: a course, progress kept in memory, a clock that moves on. An empty `name`
// starts on the name prompt.
struct LearnerApp {
  app::AppState app;
  app::CourseFrontEnd front{app};
  app::MemoryPersistence memory;
  std::int64_t clock = 1796112000;
  LearnerApp(const Course& course, const std::string& lang, std::optional<CourseState> saved = std::nullopt,
             const std::string& name = "Anna Kowalska") {
    app.course = course;
    app.persistence = &memory;
    app.hooks.now = [this] { return ++clock; };
    app.settings.lang = lang;
    app::StartSession(app, saved ? *saved : new_state(course, "u-7", name, lang, 7, clock));
  }
};

// The course map's button to the next module: "Next module: <its title>".
std::string NextModule(const std::string& lang, const Module& m);

class ScreenLearner {
 public:
  ScreenLearner(runner::Headless& ui, const Course& course, std::string lang) : ui_(ui), course_(course), lang_(std::move(lang)) {}

  // Each step presses what a person would; false (with Error()) when the screen does not offer it.
  bool Press(const std::string& button);
  bool Has(const std::string& button) const;
  // The question on screen, answered (right or wrong) and checked; nullptr when none is shown.
  const Question* AnswerQuestion(bool correct);
  // Answers from the question on screen to the end and presses Finish; `correct` per question.
  bool TakeQuiz(const std::function<bool(const Question&)>& correct);
  // The role-play on screen to an ending, always the best-scored reply; counts the replies.
  bool PlayRolePlay(int* replies = nullptr);
  // From a module's overview: the lesson, the quiz (all right), the role-play, back to the course.
  bool CompleteModule(const Module& m);
  const std::string& Error() const { return error_; }
  // Called with every screen the learner sees (after each action), e.g. to check its layout.
  std::function<void(const view::SemanticTree&)> on_screen;

 private:
  const Question* OnScreen() const;
  bool Fail(std::string why);
  runner::Headless& ui_;
  const Course& course_;
  std::string lang_;
  std::string error_;
};

}  // namespace granice::test
