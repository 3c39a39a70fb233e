// LMS mode: the SCORM 1.2 / 2004 runtime over web/scorm.js. The mapping is pure (core/lms/scorm.h);
// this file only talks to the API object, checks every call's result, logs every error with its
// element and value, retries failed commits and keeps a local copy of everything.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/state/saved_progress.h"
#include "core/lms/scorm.h"
#include "platform/js_bridge.h"
#include "platform/persistence_select.h"

namespace granice::platform {
namespace {

using scorm::Version;

// [SECTION] The API object, every call checked
class Api {
 public:
  explicit Api(Version v) : v_(v) {}
  Version version() const { return v_; }
  int errors() const { return errors_; }
  const std::string& last_error() const { return last_error_; }

  bool Initialize() { return Bool(v_ == Version::Scorm12 ? "LMSInitialize" : "Initialize", "", nullptr); }
  bool Terminate() { return Bool(v_ == Version::Scorm12 ? "LMSFinish" : "Terminate", "", nullptr); }
  bool Commit() { return Bool(v_ == Version::Scorm12 ? "LMSCommit" : "Commit", "", nullptr); }
  bool Set(const std::string& element, const std::string& value) {
    bool threw = false;
    const std::string r = ScormCall(v_ == Version::Scorm12 ? "LMSSetValue" : "SetValue", element.c_str(),
                                            value.c_str(), &threw);
    if (!threw && r == "true") return true;
    Report("SetValue", element, value, threw);
    return false;
  }
  // "" when unset; errors other than "not initialised" (2004: 403) are logged.
  std::string Get(const std::string& element) {
    bool threw = false;
    std::string r = ScormCall(v_ == Version::Scorm12 ? "LMSGetValue" : "GetValue", element.c_str(), nullptr, &threw);
    if (threw) {
      Report("GetValue", element, "", true);
      return {};
    }
    if (r.empty()) {
      const std::string code = Code();
      if (code != "0" && code != "" && code != "403") Report("GetValue", element, "", false, code);
    }
    return r;
  }

 private:
  bool Bool(const char* method, const char* arg, const char* element) {
    bool threw = false;
    const std::string r = ScormCall(method, arg, nullptr, &threw);
    if (!threw && r == "true") return true;
    Report(method, element ? element : "", "", threw);
    return false;
  }
  std::string Code() {
    return ScormCall(v_ == Version::Scorm12 ? "LMSGetLastError" : "GetLastError", nullptr, nullptr, nullptr);
  }
  void Report(const char* what, const std::string& element, const std::string& value, bool threw,
              std::string code = {}) {
    ++errors_;
    std::string msg = std::string("SCORM ") + scorm::to_string(v_) + " " + what;
    if (!element.empty()) msg += "(" + element + (value.empty() && std::string(what) != "SetValue" ? "" : ", \"" +
                                  scorm::clean_text(value, 120) + (value.size() > 120 ? "…" : "") + "\"") + ")";
    if (threw) {
      msg += " threw an exception";
    } else {
      if (code.empty()) code = Code();
      const bool v12 = v_ == Version::Scorm12;
      const std::string text = ScormCall(v12 ? "LMSGetErrorString" : "GetErrorString", code.c_str());
      const std::string diag = ScormCall(v12 ? "LMSGetDiagnostic" : "GetDiagnostic", code.c_str());
      msg += " failed: error " + code + " " + text;
      if (!diag.empty() && diag != text) msg += " (" + scorm::clean_text(diag, 200) + ")";
    }
    last_error_ = msg;
    Log(1, "granice: " + msg);
  }

  Version v_;
  int errors_ = 0;
  std::string last_error_;
};

// [SECTION] The persistence
class ScormPersistence final : public PagePersistence {
 public:
  explicit ScormPersistence(Version v) : api_(v) {}

  app::LaunchData Launch(const Course& course) override {
    if (launched_) return launch_;
    launched_ = true;
    course_ = &course;
    launch_clock_ = NowSeconds();
    Log(0, std::string("granice: SCORM ") + scorm::to_string(api_.version()) + " API found (" +
                       ScormApiDescription() + ")");
    std::optional<CourseState> local = local_.Load(course, launch_.notices);
    connected_ = api_.Initialize();
    if (!connected_) {
      launch_.notices.push_back(kNoLmsNotice);
      launch_.state = local;
      return launch_;
    }
    const bool v12 = api_.version() == Version::Scorm12;
    scorm::LmsValues in = ReadLaunchValues(v12);
    scorm::LmsResume r = scorm::parse_resume(course, in, PackageOptions(course));
    for (const std::string& line : r.log) Log(0, "granice: " + line);
    for (std::string& n : r.notices) launch_.notices.push_back(std::move(n));
    session_ = r.session;
    launch_.learner_id = r.learner_id;
    launch_.learner_name = r.learner_name;
    launch_.language = r.language;
    // Review mode shows what there is (the LMS's state or this browser's copy) and records nothing,
    // not even the browser's copy: a later normal launch must not take review clicks for progress.
    const Reconciled rec = reconcile(r.state, local, r.learner_id);
    Log(0, "granice: resume: " + (rec.why.empty() ? std::string("nothing saved yet") : rec.why) + "; mode " +
                       scorm::to_string(session_.mode) + (session_.credit ? "" : ", no credit"));
    launch_.state = rec.state;
    launch_.review = !session_.records();
    // A resumed attempt's guideline results are its own: a later, weaker quiz attempt may lower
    // them. The LMS's objective results are a floor only when no state came back (another device,
    // a restart). The course result (best score, completion) only ever rises, so it keeps its floor.
    if (rec.state) session_.held_objectives.clear();
    lms_updated_ = r.state ? std::optional<std::int64_t>(r.state->updated) : std::nullopt;
    cursor_ = rec.state ? scorm::launch_cursor(*rec.state, lms_updated_, r.interaction_count)
                        : scorm::Cursor{r.interaction_count, std::nullopt};
    // The LMS holds a finished result and no state came with it: say so, and (unless this is a
    // review) ask before recording anything.
    const scorm::HeldResult& held = session_.held;
    const bool finished_elsewhere = !rec.state && (held.completed || held.success != SuccessStatus::Unknown);
    if (finished_elsewhere)
      launch_.finished_before = app::LaunchData::FinishedBefore{held.success == SuccessStatus::Passed,
                                                                held.success == SuccessStatus::Failed, held.score};
    if (!session_.records()) return launch_;
    if (finished_elsewhere) {
      holding_ = true;
      Log(0, "granice: the LMS holds a finished attempt and no saved state; recording nothing until the "
                     "learner chooses to review or to take the course again");
      return launch_;
    }
    StartRecording(rec.state);
    return launch_;
  }

  void Choose(app::LaunchChoice choice) override {
    if (!holding_) return;
    holding_ = false;
    if (choice == app::LaunchChoice::Review) {
      session_.mode = scorm::LaunchMode::Review;
      Log(0, "granice: the learner chose to review; nothing is recorded");
      return;
    }
    Log(0, "granice: the learner chose to take the course again (results the LMS holds are kept)");
    StartRecording(last_);
  }

  void Save(const Course& course, const CourseState& state) override {
    course_ = &course;
    last_ = state;
    if (!Recording()) return;
    if (!local_.Store(course, state) && !local_.error().empty()) last_error_ = local_.error();
    SendToLms();
  }

  void Finish(const Course& course, const CourseState& state) override {
    Save(course, state);
    Terminate();
  }

  void Clear(const Course& course) override {
    if (!Recording()) return;
    local_.Clear(course);
    last_.reset();
    launch_total_ = 0;
  }

  std::string ModeLabel(const std::string& lang) const override {
    const std::string v = scorm::to_string(api_.version());
    if (connected_ && !terminated_ && !session_.records())
      return T(lang, Str::ModeLmsReview);
    if (connected_ && !terminated_ && holding_)
      return T(lang, Str::ModeLmsHolding);
    if (connected_ && !terminated_) {
      if (commit_failures_ > 0)
        return view::Fmt(T(lang, Str::ModeLmsRetrying), {v});
      return view::Fmt(T(lang, Str::ModeLms), {v});
    }
    if (terminated_) return T(lang, Str::ModeLmsEnded);
    return T(lang, Str::ModeLmsOffline);
  }

  std::string LastError() const override { return !api_.last_error().empty() ? api_.last_error() : last_error_; }

  std::optional<CourseState> Latest() const override { return last_ ? last_ : launch_.state; }

  void OnPageHidden() override {
    if (course_ && last_) Save(*course_, *last_);
  }
  void OnPageHide() override {
    if (course_ && last_) Finish(*course_, *last_);
    else Terminate();
  }

 private:
  bool Recording() const { return session_.records() && !holding_; }

  // The package's choices, carried in the launch URL by scripts/package (see docs/lms.md).
  scorm::Session PackageOptions(const Course& course) const {
    scorm::Session s;
    s.detail = QueryParam("lms-interactions") == "all" ? scorm::InteractionDetail::All : scorm::InteractionDetail::Final;
    s.exit_when_done = QueryParam("lms-exit") == "normal" ? scorm::ExitWhenDone::Normal : scorm::ExitWhenDone::Suspend;
    const std::string primary = QueryParam("lms-objective");
    s.primary_objective = primary.empty() ? course.id + "_passed" : primary;
    return s;
  }

  // Everything the course reads at launch; a value the LMS cannot give reads as "".
  scorm::LmsValues ReadLaunchValues(bool v12) {
    scorm::LmsValues in;
    in.version = api_.version();
    in.entry = api_.Get(v12 ? "cmi.core.entry" : "cmi.entry");
    in.suspend_data = api_.Get("cmi.suspend_data");
    in.location = api_.Get(v12 ? "cmi.core.lesson_location" : "cmi.location");
    in.learner_id = api_.Get(v12 ? "cmi.core.student_id" : "cmi.learner_id");
    in.learner_name = api_.Get(v12 ? "cmi.core.student_name" : "cmi.learner_name");
    in.language = api_.Get(v12 ? "cmi.student_preference.language" : "cmi.learner_preference.language");
    in.interaction_count = api_.Get("cmi.interactions._count");
    in.mode = api_.Get(v12 ? "cmi.core.lesson_mode" : "cmi.mode");
    in.credit = api_.Get(v12 ? "cmi.core.credit" : "cmi.credit");
    in.status = api_.Get(v12 ? "cmi.core.lesson_status" : "cmi.completion_status");
    if (!v12) in.success = api_.Get("cmi.success_status");
    in.score_raw = api_.Get(v12 ? "cmi.core.score.raw" : "cmi.score.raw");
    const std::size_t objectives = std::min<std::size_t>(scorm::parse_count(api_.Get("cmi.objectives._count")).value_or(0), 100);
    for (std::size_t n = 0; n < objectives; ++n) {
      const std::string p = "cmi.objectives." + std::to_string(n) + ".";
      scorm::LmsValues::Objective o;
      o.id = api_.Get(p + "id");
      o.status = api_.Get(p + (v12 ? "status" : "completion_status"));
      if (!v12) o.success = api_.Get(p + "success_status");
      o.score_raw = api_.Get(p + "score.raw");
      in.objectives.push_back(std::move(o));
    }
    // 2004 interaction ids are readable (1.2's are write-only): a question answered before is
    // answered again in its own record.
    const std::size_t interactions = std::min<std::size_t>(scorm::parse_count(in.interaction_count).value_or(0), 2000);
    for (std::size_t n = 0; !v12 && n < interactions; ++n)
      in.interaction_ids.push_back(api_.Get("cmi.interactions." + std::to_string(n) + ".id"));
    return in;
  }

  // From here on, the LMS and the browser's copy get every save.
  void StartRecording(const std::optional<CourseState>& state) {
    const bool v12 = api_.version() == Version::Scorm12;
    // Until the learner finishes, leaving (or a crash) must keep the attempt open.
    if (api_.Set(v12 ? "cmi.core.exit" : "cmi.exit", "suspend")) sent_[v12 ? "cmi.core.exit" : "cmi.exit"] = "suspend";
    if (state && course_) {
      launch_total_ = state->total_time_seconds;
      Save(*course_, *state);  // a newer local copy reaches the LMS now
    } else {
      Commit();
    }
  }

  double SessionSeconds() const {
    // The app's own (idle-aware) learning time when it keeps one, else the wall clock.
    const double tracked = last_ ? last_->total_time_seconds - launch_total_ : 0.0;
    if (tracked > 0) return tracked;
    return std::max(0.0, NowSeconds() - launch_clock_);
  }

  void SendToLms() {
    if (!connected_ || terminated_ || !course_ || !last_ || !Recording()) return;
    const scorm::Plan plan = scorm::plan_commit(api_.version(), *course_, *last_, SessionSeconds(), cursor_, session_);
    for (const std::string& w : plan.warnings) {
      if (warned_.insert(w).second) Log(1, "granice: " + w);
    }
    for (const scorm::Element& e : scorm::changed(plan.core, sent_)) {
      if (api_.Set(e.name, e.value)) sent_[e.name] = e.value;  // failures are retried on the next save
    }
    for (const scorm::Group& g : plan.objectives) {
      if (!SendGroup(g)) continue;
      scorm::note_id(session_.objective_ids, g.lms_index, g.elements.front().value);
    }
    bool all_sent = true;
    for (const scorm::Group& g : plan.interactions) {
      if (!SendGroup(g)) {
        // The LMS did not open record n: retry it later; after 3 refusals skip it (logged).
        if (++interaction_refusals_ < 3) {
          all_sent = false;
          break;
        }
        Log(2, "granice: interaction " + g.elements.front().value + " refused 3 times; skipped");
        interaction_refusals_ = 0;
        cursor_ = scorm::advance(cursor_, *last_, g);
        continue;
      }
      interaction_refusals_ = 0;
      scorm::note_id(session_.interaction_ids, g.lms_index, g.elements.front().value);
      cursor_ = scorm::advance(cursor_, *last_, g);
    }
    if (all_sent) cursor_ = scorm::all_sent(cursor_, *last_);
    Commit();
  }

  // A record's id first; if the LMS refuses it, nothing else of the record is sent (it would land
  // on another record). Values already sent are not sent again.
  bool SendGroup(const scorm::Group& g) {
    const std::string& id = g.elements.front().name;
    for (const scorm::Element& e : scorm::changed(g.elements, sent_)) {
      const bool set = api_.Set(e.name, e.value);
      if (set) sent_[e.name] = e.value;
      else if (e.name == id) return false;
    }
    return true;
  }

  void Commit() {
    if (!connected_ || terminated_) return;
    if (api_.Commit()) {
      if (commit_failures_ > 0) Log(0, "granice: commit succeeded after " + std::to_string(commit_failures_) + " failures");
      commit_failures_ = 0;
      return;
    }
    ++commit_failures_;
    if (!retry_scheduled_) {
      retry_scheduled_ = true;
      const int delay = std::min(30000, 1000 << std::min(commit_failures_ - 1, 5));
      ScheduleRetry(delay, &ScormPersistence::Retry, this);
    }
  }

  static void Retry(void* self) {
    auto* p = static_cast<ScormPersistence*>(self);
    if (ActivePersistence() != p) return;
    p->retry_scheduled_ = false;
    if (p->commit_failures_ > 0) p->SendToLms();
  }

  void Terminate() {
    if (!connected_ || terminated_) return;
    if (commit_failures_ > 0) api_.Commit();  // one more try before the session ends
    terminated_ = true;
    if (!api_.Terminate()) last_error_ = api_.last_error();
  }

  Api api_;
  LocalStore local_;
  bool launched_ = false;
  bool connected_ = false;
  bool terminated_ = false;
  bool retry_scheduled_ = false;
  int commit_failures_ = 0;
  int interaction_refusals_ = 0;
  app::LaunchData launch_;
  const Course* course_ = nullptr;
  std::optional<CourseState> last_;
  std::optional<std::int64_t> lms_updated_;
  scorm::Cursor cursor_;
  scorm::Session session_;
  bool holding_ = false;  // the LMS holds a finished attempt without state: nothing recorded until the learner chooses
  std::map<std::string, std::string> sent_;
  std::set<std::string> warned_;
  double launch_clock_ = 0;
  double launch_total_ = 0;
  std::string last_error_;
};

}  // namespace

std::unique_ptr<PagePersistence> CreateScormPersistence(int version) {
  return std::make_unique<ScormPersistence>(version == 12 ? Version::Scorm12 : Version::Scorm2004);
}

}  // namespace granice::platform
