// Where learner progress goes: the browser's local storage when no LMS is present, or an LMS
// over SCORM 1.2 / 2004. The screens call Save() on every meaningful step and Finish() when the
// learner leaves; the platform picks the implementation at launch.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/state/course_state.h"
#include "app/view/strings.h"
#include "core/content/model.h"

namespace granice::app {

struct LaunchData {
  std::optional<CourseState> state;    // a saved state to resume, if any
  std::string learner_id;              // from the LMS, or empty
  std::string learner_name;            // from the LMS, or empty (then the app asks once)
  std::string language;                // LMS learner preference, or empty
  std::vector<std::string> notices;    // things to tell the learner: interface string ids ("NoticeLocalDamaged")
  bool review = false;                 // the LMS launched in review mode: nothing is recorded
  // The LMS holds a finished result but no saved state came with it (another device, a closed
  // attempt): nothing is recorded until the learner chooses to review or to take the course again.
  struct FinishedBefore {
    bool passed = false;
    bool failed = false;
    std::optional<double> score;       // 0..100
  };
  std::optional<FinishedBefore> finished_before;
};

// The learner's answer to LaunchData::finished_before.
enum class LaunchChoice { Review, StartAgain };

class Persistence {
 public:
  virtual ~Persistence() = default;
  virtual LaunchData Launch(const Course& course) = 0;
  virtual void Save(const Course& course, const CourseState& state) = 0;
  virtual void Finish(const Course& course, const CourseState& state) = 0;
  virtual void Clear(const Course& course) = 0;          // "Start over"
  virtual std::string ModeLabel(const std::string& lang) const = 0;   // small indicator text
  virtual std::string LastError() const { return {}; }  // shown unobtrusively; empty when fine
  virtual void Choose(LaunchChoice) {}                  // see LaunchData::finished_before
};

// Keeps everything in memory: for native tests and when nothing else is available.
class MemoryPersistence final : public Persistence {
 public:
  LaunchData Launch(const Course&) override { return {saved, "", "", "", {}, false, std::nullopt}; }
  void Save(const Course&, const CourseState& state) override { saved = state; ++saves; }
  void Finish(const Course&, const CourseState& state) override { saved = state; ++finishes; }
  void Clear(const Course&) override { saved.reset(); }
  // It stands in for the browser's own storage (native runs, tests): the same words.
  std::string ModeLabel(const std::string& lang) const override { return view::T(lang, view::Str::ModeStandalone); }
  std::optional<CourseState> saved;
  int saves = 0;
  int finishes = 0;
};

}  // namespace granice::app
