// LMS mode over cmi5 (../shared/cmi5/cmi5_spec.md): web/cmi5.js read the launch before the app
// started (the fetch token, LMS.LaunchData, cmi5LearnerPreferences, our state document); this file
// turns it into the launch with the pure core (core/lms/cmi5.h), hands every statement the core
// plans to web/cmi5.js's ordered send queue and PUTs the state document. A local copy is always
// kept: an LMS that cannot be reached loses nothing.
#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include "core/lms/cmi5.h"
#include "core/state/saved_progress.h"
#include "nlohmann/json.hpp"
#include "platform/js_bridge.h"
#include "platform/persistence_select.h"

namespace granice::platform {
namespace {

constexpr double kStatePutInterval = 5.0;  // seconds between state document PUTs while learning

std::int64_t NowMs() { return static_cast<std::int64_t>(std::llround(NowSeconds() * 1000.0)); }

class Cmi5Persistence final : public PagePersistence {
 public:
  explicit Cmi5Persistence(nlohmann::json page) : page_(std::move(page)) {}

  app::LaunchData Launch(const Course& course) override {
    if (launched_) return launch_;
    launched_ = true;
    course_ = &course;
    std::optional<CourseState> local = local_.Load(course, launch_.notices);
    const std::string why = ReadLaunch(course);
    if (!why.empty()) {
      last_error_ = "cmi5: " + why;
      Log(2, "granice: cmi5 launch failed: " + why + "; progress is kept in this browser");
      // A reload after the session ended reached the LMS fine: say what happened, not "could not connect".
      launch_.notices.push_back(session_ended_ ? kSessionEndedNotice : kNoLmsNotice);
      launch_.state = local;
      return launch_;
    }
    connected_ = true;
    launch_.learner_id = learner_id_;
    launch_.learner_name = learner_name_;
    const Reconciled rec = reconcile(lms_state_, local, learner_id_);
    Log(0, "granice: cmi5 launch, mode " + std::string(cmi5::to_string(launch_data_.data.mode)) + ", moveOn " +
               cmi5::to_string(launch_data_.data.move_on) + "; resume: " +
               (rec.why.empty() ? std::string("nothing saved yet") : rec.why));
    launch_.state = rec.state;
    // Review shows what there is and records nothing (§10.2.2); Browse records progress but the
    // core sends only initialized/terminated.
    launch_.review = launch_data_.data.mode == cmi5::LaunchMode::Review;
    const cmi5::Plan p = cmi5::plan_initialize(course, launch_data_, ledger_, rec.state.value_or(CourseState{}), NowMs());
    Queue(p);
    if (rec.state && !launch_.review) {
      last_ = rec.state;
      PutState(true);
    }
    return launch_;
  }

  void Save(const Course& course, const CourseState& state) override {
    course_ = &course;
    const CourseState before = last_ ? *last_ : launch_.state.value_or(CourseState{});
    last_ = state;
    if (launch_.review) return;
    if (!local_.Store(course, state) && !local_.error().empty()) last_error_ = local_.error();
    if (!connected_ || terminated_) return;
    const bool judged = ledger_.sent.completed || ledger_.sent.passed || ledger_.sent.failed;
    Queue(cmi5::plan_step(course, launch_data_, ledger_, before, state, NowMs()));
    const bool judged_now = ledger_.sent.completed || ledger_.sent.passed || ledger_.sent.failed;
    PutState(judged_now != judged);  // a verdict is stored at once: at most once per registration (§9.3)
  }

  void Finish(const Course& course, const CourseState& state) override {
    Save(course, state);
    if (connected_ && !terminated_) {
      Terminate();
      Cmi5Exit(launch_data_.data.return_url);  // §10.2.6: the AU goes to returnURL
    }
  }

  void Clear(const Course& course) override {
    if (launch_.review) return;
    local_.Clear(course);
    last_.reset();
  }

  std::string ModeLabel(const std::string& lang) const override {
    if (!connected_) return T(lang, session_ended_ ? Str::ModeCmi5Ended : Str::ModeCmi5Offline);
    if (terminated_) return T(lang, Str::ModeCmi5Ended);
    if (launch_.review) return T(lang, Str::ModeCmi5Review);
    if (!Cmi5LastError().empty()) return T(lang, Str::ModeCmi5Retrying);
    if (launch_data_.data.mode == cmi5::LaunchMode::Browse) return T(lang, Str::ModeCmi5Browse);
    return T(lang, Str::ModeCmi5);
  }

  std::string LastError() const override {
    const std::string send = connected_ ? Cmi5LastError() : std::string();
    return !send.empty() ? "cmi5: " + send : last_error_;
  }

  std::optional<CourseState> Latest() const override { return last_ ? last_ : launch_.state; }

  // Hidden (another tab, the phone locked): the state now. The queue goes on by itself; its
  // requests already carry keepalive, so a page that is then discarded still delivers them.
  void OnPageHidden() override {
    if (!connected_ || terminated_ || !last_ || launch_.review) return;
    PutState(true);
  }
  void OnPageHide() override {
    if (!connected_ || terminated_) return;
    if (course_ && last_) Save(*course_, *last_);
    Terminate();
    Cmi5Exit("");  // the page is leaving anyway: no navigation, but a reload sends nothing more
    Cmi5Flush();   // keepalive: the requests outlive the page
  }

 private:
  // The launch web/cmi5.js read, through the core's parsers; "" when it is usable, else why not.
  std::string ReadLaunch(const Course& course) {
    try {
      const std::string error = page_.at("error").get<std::string>();
      if (!error.empty()) return error;
      if (!page_.at("token").get<bool>()) return "no auth-token";
      // §9.3.8: nothing after terminated. A reload of a terminated launch learns on locally; the
      // next launch from the LMS picks up the newer local copy.
      session_ended_ = page_.at("sessionEnded").get<bool>();
      if (session_ended_)
        return "this launch's session has ended (the page was reloaded after it); launch the course from the LMS again";
      const nlohmann::json& l = page_.at("launch");
      const cmi5::ActorResult actor = cmi5::parse_actor(l.at("actor").get<std::string>());
      if (!actor.actor) return "the launch URL's actor: " + actor.error;
      const cmi5::LaunchDataResult data = cmi5::parse_launch_data(page_.at("launchData").get<std::string>());
      if (!data.data) return "LMS.LaunchData: " + data.error;
      launch_data_ = cmi5::Launch{*actor.actor, l.at("registration").get<std::string>(),
                                  l.at("activityId").get<std::string>(), *data.data};
      learner_id_ = actor.learner_id;
      learner_name_ = actor.learner_name;
      const cmi5::PreferencesResult prefs = cmi5::parse_learner_preferences(page_.at("preferences").get<std::string>(), course);
      if (prefs.preferences) launch_.language = prefs.preferences->language;
      else Log(1, "granice: cmi5LearnerPreferences ignored: " + prefs.error);
      const std::string doc = page_.at("state").get<std::string>();
      if (!doc.empty()) {
        cmi5::StateDocument d = cmi5::read_state_document(course, doc);
        if (!d.error.empty()) {
          // The next PUT replaces it: keep the LMS's copy in this browser first (nothing lost).
          const std::string backup = LocalStore::Key(course) + ".lrs-state.damaged." +
                                     std::to_string(static_cast<long long>(std::floor(NowSeconds())));
          const bool kept = StorageSet(backup, doc);
          Log(2, "granice: cmi5 state document " + std::string(cmi5::kStateId) + " refused: " + d.error +
                     (kept ? "; kept under " + backup : "; could not be kept in this browser"));
        }
        for (const std::string& s : d.dropped) Log(0, "granice: content changed, left out: " + s);
        lms_state_ = std::move(d.state);
        ledger_ = cmi5::start_session(d.sent);
      } else {
        ledger_ = cmi5::start_session({});
      }
      return {};
    } catch (const nlohmann::json::exception& e) {
      return std::string("web/cmi5.js handed over an unexpected launch (") + e.what() + ")";
    }
  }

  void Queue(const cmi5::Plan& p) {
    ledger_ = p.ledger;
    if (p.statements.empty()) return;
    Cmi5Send(nlohmann::json(p.statements).dump());
  }

  // The state document after the statements it accounts for; at most every kStatePutInterval
  // seconds while learning (the local copy has every step), at once when `now`.
  void PutState(bool now) {
    if (!connected_ || !course_ || !last_ || launch_.review) return;
    const double t = NowSeconds();
    if (!now && t - last_put_ < kStatePutInterval) {
      if (!put_scheduled_) {
        put_scheduled_ = true;
        ScheduleRetry(static_cast<int>((kStatePutInterval - (t - last_put_)) * 1000) + 10, &Cmi5Persistence::PutLater, this);
      }
      return;
    }
    last_put_ = t;
    Cmi5PutState(cmi5::write_state_document(*course_, *last_, ledger_.sent));
  }
  static void PutLater(void* self) {
    auto* p = static_cast<Cmi5Persistence*>(self);
    if (ActivePersistence() != p) return;
    p->put_scheduled_ = false;
    p->PutState(true);
  }

  void Terminate() {
    if (!connected_ || terminated_ || !course_) return;
    Queue(cmi5::plan_terminate(*course_, launch_data_, ledger_, Latest().value_or(CourseState{}), NowMs()));
    terminated_ = true;
    if (!launch_.review && last_) {
      last_put_ = NowSeconds();
      Cmi5PutState(cmi5::write_state_document(*course_, *last_, ledger_.sent));
    }
  }

  nlohmann::json page_;
  LocalStore local_;
  bool launched_ = false;
  bool connected_ = false;
  bool session_ended_ = false;  // a reload of a launch whose session was terminated (§9.3.8)
  bool terminated_ = false;
  bool put_scheduled_ = false;
  double last_put_ = 0;
  app::LaunchData launch_;
  cmi5::Launch launch_data_;
  cmi5::Ledger ledger_;
  std::optional<CourseState> lms_state_;
  std::string learner_id_;
  std::string learner_name_;
  const Course* course_ = nullptr;
  std::optional<CourseState> last_;
  std::string last_error_;
};

}  // namespace

std::unique_ptr<PagePersistence> CreateCmi5Persistence() {
  // Through string_view iterators, like core's parsers: a std::string argument instantiated
  // nlohmann's whole parser a second time (≈ 10 KB of the wasm).
  const std::string text = Cmi5LaunchJson();
  const std::string_view view = text;
  nlohmann::json page = nlohmann::json::parse(view.begin(), view.end(), nullptr, false);
  if (page.is_discarded()) return nullptr;  // no web/cmi5.js: not a cmi5 page
  // A launch URL with only some of the parameters is still meant as cmi5: say why it failed.
  const bool launch = page.contains("launch") && !page.at("launch").is_null();
  const bool error = page.contains("error") && page.at("error").is_string() && !page.at("error").get<std::string>().empty();
  if (!launch && !error) return nullptr;
  if (!launch) page["launch"] = nlohmann::json::object();
  return std::make_unique<Cmi5Persistence>(std::move(page));
}

}  // namespace granice::platform
