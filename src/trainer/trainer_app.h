// The trainer's front end (the trainer page, trainer.html): open many learners' progress records,
// see who passed and where people struggle, export CSV. A front end of its own beside the course
// (app/course_app.cpp): the same shell and widgets, its own state, no learner session.
//
//   trainer::TrainerState t;  t.course = loaded;  t.hooks.open_files = ...;
//   trainer::TrainerFrontEnd front(t);  runner.Run(front);
//   t.model->AddFile("anna.json", text);   // what the page's file picker hands over
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/shell.h"
#include "core/content/model.h"
#include "trainer/trainer_model.h"

namespace granice::trainer {

// What the trainer screen asks of the platform.
struct TrainerHooks {
  std::function<void(const std::string& filename, const std::string& mime, const std::string& data)> download;
  std::function<void()> open_files;     // the browser's file picker for record files
  std::function<void()> open_course;    // "Back to the course": the course page; unset: no button
};

struct TrainerState : app::Shell {
  std::optional<Course> course;         // the course the records belong to (its questions, guidelines)
  std::vector<std::string> load_errors; // shown instead when the course could not be read
  bool waiting_for_content = false;     // the course's language pack is on its way: nothing to draw yet
  std::unique_ptr<TrainerModel> model;  // the opened records; made by SetCourse
  TrainerHooks hooks;
};

// Takes the loaded course (or its errors) and makes the model.
void SetCourse(TrainerState& t, std::optional<Course> course, std::vector<std::string> load_errors);
// One frame of the trainer page.
void DrawTrainerApp(TrainerState& t);
// What Esc does: closes an open drop-down, else the open learner.
void HandleTrainerEscape(TrainerState& t);

class TrainerFrontEnd final : public app::FrontEnd {
 public:
  explicit TrainerFrontEnd(TrainerState& t) : t_(t) {}
  app::Shell& shell() override { return t_; }
  void Frame() override { DrawTrainerApp(t_); }
  void Escape() override { HandleTrainerEscape(t_); }
  bool Ready() const override { return !t_.waiting_for_content; }

 private:
  TrainerState& t_;
};

}  // namespace granice::trainer
