// Picks where progress goes at launch: an LMS over cmi5 when the page URL carries a cmi5 launch
// (web/cmi5.js), over SCORM 1.2 / 2004 when web/scorm.js found
// its API object (window.API / window.API_1484_11 up the parent chain, then the opener), else the
// browser's local storage ("standalone"). The LMS mode also keeps a local copy, so a broken LMS
// connection loses nothing; the next launch reconciles the two (newer `updated` wins).
//
//   std::unique_ptr<app::Persistence> p = platform::CreatePersistence();
//   app::LaunchData d = p->Launch(course);   // once; later calls return the same data
//   p->Save(course, state);                   // every meaningful step
//   p->Finish(course, state);                 // when the learner leaves (also done on pagehide)
//
// The course passed to Launch() must outlive the object (page events save the last state).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/persistence.h"
#include "app/view/strings.h"

namespace granice::platform {

using view::Str;   // interface strings, by id (quizzes/interface.json)
using view::T;

std::unique_ptr<app::Persistence> CreatePersistence();

// [SECTION] Internals shared by persistence_local.cpp / persistence_scorm.cpp
class PagePersistence : public app::Persistence {
 public:
  PagePersistence();
  ~PagePersistence() override;
  PagePersistence(const PagePersistence&) = delete;
  PagePersistence& operator=(const PagePersistence&) = delete;
  virtual void OnPageHidden() = 0;  // visibilitychange -> hidden: save / commit what we have
  virtual void OnPageHide() = 0;    // pagehide / beforeunload: last commit + terminate
  // The newest state: the last one saved this page, else the one the launch restored.
  virtual std::optional<CourseState> Latest() const = 0;
};
PagePersistence* ActivePersistence();  // the newest one alive, for page events

// Local storage under "granice:<course id>": the progress record JSON (record.h).
class LocalStore {
 public:
  // Reads the saved state. Damaged data is copied to "<key>.damaged.<time>" first (and the main
  // key is left alone if that copy fails) and a notice added; never throws.
  std::optional<CourseState> Load(const Course& course, std::vector<std::string>& notices);
  bool Store(const Course& course, const CourseState& st);  // false: storage full / unavailable
  void Clear(const Course& course);
  bool available() const { return available_; }
  const std::string& error() const { return error_; }
  static std::string Key(const Course& course) { return "granice:" + course.id; }

 private:
  bool available_ = true;
  bool protect_ = false;  // damaged data could not be backed up: do not overwrite it
  std::string error_;
};

std::unique_ptr<PagePersistence> CreateLocalPersistence();
std::unique_ptr<PagePersistence> CreateScormPersistence(int version);  // 12 or 2004
// A cmi5 launch (web/cmi5.js found the launch parameters); nullptr when there is none.
std::unique_ptr<PagePersistence> CreateCmi5Persistence();

// Told to the learner when the LMS cannot be reached at launch (SCORM or cmi5): an interface
// string id, as every launch notice (app/persistence.h).
inline constexpr const char* kNoLmsNotice = "NoticeNoLms";
// Told when a cmi5 page is reloaded after its session ended (terminated was sent, cmi5 §9.3.8):
// the LMS was reached, but this launch may record nothing more.
inline constexpr const char* kSessionEndedNotice = "NoticeCmi5SessionEnded";

}  // namespace granice::platform
