// Standalone mode: progress in the browser's local storage (the progress record JSON).
#include <cmath>

#include "core/state/record.h"
#include "core/state/snapshot.h"
#include "core/state/saved_progress.h"
#include "core/lms/scorm.h"
#include "platform/js_bridge.h"
#include "platform/persistence_select.h"

namespace granice::platform {

// [SECTION] LocalStore
std::optional<CourseState> LocalStore::Load(const Course& course, std::vector<std::string>& notices) {
  available_ = StorageAvailable();
  if (!available_) {
    error_ = "local storage is not available in this browser (private mode or disabled)";
    Log(1, "granice: " + error_);
    return std::nullopt;
  }
  const std::string key = Key(course);
  const std::optional<std::string> text = StorageGet(key);
  if (!text) return std::nullopt;
  LocalLoad r = decode_saved(course, *text);
  for (const std::string& d : r.dropped) Log(0, "granice: content changed, left out: " + d);
  if (r.damaged) {
    const std::string backup =
        key + ".damaged." + std::to_string(static_cast<long long>(std::floor(NowSeconds())));
    if (StorageSet(backup, *text)) {
      Log(1, "granice: saved progress in this browser was damaged (" + r.message + "); kept under " + backup);
    } else {
      protect_ = true;
      Log(2, "granice: saved progress in this browser was damaged (" + r.message +
                         ") and could not be backed up; it is left untouched under " + key);
    }
    notices.push_back(std::string(view::StrName(r.state ? Str::NoticeLocalPartlyDamaged : Str::NoticeLocalDamaged)));
  }
  return r.state;
}

bool LocalStore::Store(const Course& course, const CourseState& st) {
  if (!available_ || protect_) return false;
  if (StorageSet(Key(course), to_record(course, st))) {
    error_.clear();
    return true;
  }
  // Full: the record holds the journal; the snapshot alone still resumes everything else.
  if (StorageSet(Key(course), encode_snapshot(course, st))) {
    error_ = "local storage is full: saved without the answer journal";
    return true;
  }
  error_ = "local storage refused the save (full or disabled)";
  Log(2, "granice: " + error_);
  return false;
}

void LocalStore::Clear(const Course& course) {
  StorageRemove(Key(course));
  protect_ = false;
}

// [SECTION] Standalone persistence
namespace {

class LocalPersistence final : public PagePersistence {
 public:
  app::LaunchData Launch(const Course& course) override {
    if (launched_) return launch_;
    launched_ = true;
    course_ = &course;
    launch_.state = store_.Load(course, launch_.notices);
    if (!store_.available())
      launch_.notices.push_back(std::string(view::StrName(Str::NoticeNoStorage)));
    Log(0, std::string("granice: standalone mode (no LMS found); ") +
                       (launch_.state ? "resuming the progress saved in this browser" : "no saved progress"));
    return launch_;
  }
  void Save(const Course& course, const CourseState& state) override {
    course_ = &course;
    last_ = state;
    store_.Store(course, state);
  }
  void Finish(const Course& course, const CourseState& state) override { Save(course, state); }
  void Clear(const Course& course) override {
    store_.Clear(course);
    last_.reset();
  }
  std::string ModeLabel(const std::string& lang) const override {
    return T(lang, Str::ModeStandalone);
  }
  std::string LastError() const override { return store_.error(); }
  void OnPageHidden() override {
    if (course_ && last_) store_.Store(*course_, *last_);
  }
  void OnPageHide() override { OnPageHidden(); }
  std::optional<CourseState> Latest() const override { return last_ ? last_ : launch_.state; }

 private:
  bool launched_ = false;
  app::LaunchData launch_;
  LocalStore store_;
  const Course* course_ = nullptr;
  std::optional<CourseState> last_;
};

}  // namespace

std::unique_ptr<PagePersistence> CreateLocalPersistence() { return std::make_unique<LocalPersistence>(); }

}  // namespace granice::platform
