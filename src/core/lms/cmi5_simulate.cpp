#include "core/lms/cmi5_simulate.h"

#include <string>

#include "core/engines/simulate.h"

namespace granice::cmi5 {

Launch simulated_launch(const Course& course, const CourseState& st, std::uint64_t seed, std::uint64_t index,
                        int session, LaunchMode mode) {
  Launch l;
  // §9.2: an Agent with an account; the LMS's own home page and user id.
  l.actor = {{"objectType", "Agent"},
             {"name", st.learner_name},
             {"account", {{"homePage", "https://lms.example.com"}, {"name", st.learner_id}}}};
  const std::string learner = course.id + "|" + std::to_string(seed) + "|" + std::to_string(index);
  l.registration = name_uuid("registration|" + learner);
  l.activity_id = au_iri(course.id);
  LaunchData& d = l.data;
  d.session_id = name_uuid("session|" + learner + "|" + std::to_string(session));
  // §10.2.1: the LMS puts the session id and the publisher id (the AU's id in cmi5.xml) in the template.
  d.context_template = {{"contextActivities", {{"grouping", json::array({{{"id", au_iri(course.id)}}})}}},
                        {"extensions", {{iri::kSessionId, d.session_id}}}};
  d.mode = mode;
  d.move_on = course.assessment_required ? MoveOn::CompletedAndPassed : MoveOn::Completed;
  d.mastery_score = course.pass_mark / 100.0;
  return l;
}

std::vector<nlohmann::json> simulated_statements(const Course& course, std::uint64_t seed, std::uint64_t index,
                                                 LaunchMode mode) {
  std::vector<nlohmann::json> out;
  Launch launch;
  Ledger ledger;
  Sent sent;  // what the registration was sent: the State document's part
  CourseState before;
  int session = 0;
  auto take = [&](Plan p) {
    for (auto& s : p.statements) out.push_back(std::move(s));
    ledger = p.ledger;
  };
  simulate_learner(course, seed, index, [&](SimEvent e, const CourseState& st, std::int64_t now) {
    const std::int64_t ms = now * 1000;
    switch (e) {
      case SimEvent::Open:
      case SimEvent::Return:
        launch = simulated_launch(course, st, seed, index, ++session, mode);
        take(plan_initialize(course, launch, start_session(sent), st, ms));
        before = st;
        break;
      case SimEvent::Action:
        take(plan_step(course, launch, ledger, before, st, ms));
        before = st;
        break;
      case SimEvent::Leave:
      case SimEvent::Close:
        take(plan_terminate(course, launch, ledger, st, ms));
        sent = ledger.sent;
        break;
    }
  });
  return out;
}

}  // namespace granice::cmi5
