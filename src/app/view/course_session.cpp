#include "app/view/course_session.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "app/view/strings.h"

namespace granice::view {

std::string FeedbackSummary(const Question& q, const QuestionResult& r, const std::string& lang) {
  std::string out = T(lang, r.grade.correct ? Str::Correct : r.grade.score > 0 ? Str::PartlyCorrect : Str::Incorrect);
  if (r.feedback.overall) out += " " + r.feedback.overall->in(lang);
  if (is_choice_type(q.type)) {
    for (const FeedbackItem& it : r.feedback.items)
      if (it.chosen && it.text) out += " " + it.text->in(lang);
  }
  return out;
}

const char* PageName(Page p) {
  switch (p) {
    case Page::NamePrompt: return "name";
    case Page::Home: return "home";
    case Page::Module: return "module";
    case Page::Lesson: return "lesson";
    case Page::Quiz: return "quiz";
    case Page::QuizResults: return "quiz-results";
    case Page::RolePlay: return "roleplay";
    case Page::Results: return "results";
    case Page::Certificate: return "certificate";
    case Page::Settings: return "settings";
  }
  return "home";
}

CourseSession::CourseSession(const Course& course, CourseState state, Clock clock)
    : course_(&course), state_(std::move(state)), clock_(std::move(clock)) {
  UseInterfaceStrings(course);   // what it announces and the screens show are the course's strings
  if (state_.learner_name.empty()) page_ = Page::NamePrompt;
}

const Module* CourseSession::module() const { return module_id_.empty() ? nullptr : course_->module(module_id_); }

void CourseSession::Changed() {
  touch(state_, clock_());
  if (on_change) on_change();
}

void CourseSession::Bookmark(Screen screen, int index) {
  state_.bookmark = {screen, screen == Screen::Assessment || screen == Screen::Results ? std::string() : module_id_,
                     index};
}

void CourseSession::CloseActivities() {
  match_run_ = {};
  quiz_.reset();
  quiz_id_.clear();
  roleplay_.reset();
}

// [SECTION] Navigation

void CourseSession::GoHome() {
  CloseActivities();
  module_id_.clear();
  page_ = Page::Home;
  Bookmark(Screen::Home, 0);
  Changed();
}

void CourseSession::OpenModule(const std::string& module_id) {
  if (!course_->module(module_id)) return;
  CloseActivities();
  module_id_ = module_id;
  page_ = Page::Module;
  Bookmark(Screen::Home, 0);
  Changed();
}

void CourseSession::OpenLesson(const std::string& module_id, int page) {
  const Module* m = course_->module(module_id);
  if (!m || m->pages.empty()) return;
  CloseActivities();
  module_id_ = module_id;
  const int last = static_cast<int>(m->pages.size()) - 1;
  lesson_page_ = page < 0 ? 0 : page > last ? last : page;
  page_ = Page::Lesson;
  view_page(state_, *course_, module_id_, lesson_page_, clock_());
  Bookmark(Screen::Lesson, lesson_page_);
  Changed();
}

void CourseSession::NextPage() {
  if (page_ == Page::Lesson) OpenLesson(module_id_, lesson_page_ + 1);
}

void CourseSession::PreviousPage() {
  if (page_ == Page::Lesson) OpenLesson(module_id_, lesson_page_ - 1);
}

void CourseSession::OpenSettings() {
  if (page_ == Page::Settings) return;
  before_settings_ = page_;
  page_ = Page::Settings;
}

void CourseSession::CloseSettings() {
  if (page_ == Page::Settings) page_ = before_settings_;
}

void CourseSession::OpenCertificate() {
  if (success_status(*course_, state_) != SuccessStatus::Passed) return;
  CloseActivities();
  page_ = Page::Certificate;
  Bookmark(Screen::Certificate, 0);
  Changed();
}

void CourseSession::Back() {
  switch (page_) {
    case Page::Settings: CloseSettings(); break;
    case Page::Lesson:
    case Page::QuizResults:
    case Page::RolePlay: OpenModule(module_id_); break;
    case Page::Quiz:
      if (in_assessment()) GoHome(); else OpenModule(module_id_);
      break;
    case Page::Module:
    case Page::Results:
    case Page::Certificate: GoHome(); break;
    case Page::Home:
    case Page::NamePrompt: break;
  }
}

std::string CourseSession::Location() const {
  std::string key = PageName(page_);
  if (const Module* m = module()) key += ":" + m->id;
  if (page_ == Page::Lesson) key += ":" + std::to_string(lesson_page_);
  if (page_ == Page::Quiz && quiz_) key += ":" + std::to_string(quiz_->index());
  return key;
}

bool CourseSession::Navigate(std::string_view key) {
  std::vector<std::string> part;
  for (std::size_t from = 0;;) {
    const std::size_t colon = key.find(':', from);
    part.emplace_back(key.substr(from, colon == std::string_view::npos ? std::string_view::npos : colon - from));
    if (colon == std::string_view::npos) break;
    from = colon + 1;
  }
  const std::string& name = part[0];
  const Module* m = part.size() > 1 ? course_->module(part[1]) : nullptr;
  // Then at most a number: the lesson page or the question.
  const std::size_t fixed = m ? 2 : 1;
  if (part.size() > fixed + 1) return false;
  int number = 0;
  if (part.size() == fixed + 1) {
    const std::string& n = part.back();
    if (n.empty() || n.size() > 6 || n.find_first_not_of("0123456789") != std::string::npos) return false;
    number = std::stoi(n);
  }
  if (page_ == Page::NamePrompt) return false;   // the name comes first, whatever history says
  const std::string was = Location();
  if (name == "home") GoHome();
  else if (name == "settings") OpenSettings();
  else if (name == "certificate") OpenCertificate();
  else if (name == "results") {
    const QuizProgress* p = find_quiz_progress(state_, *course_, course_->assessment.id);
    if (!p || !p->last_score) return false;
    CloseActivities();
    module_id_.clear();
    page_ = Page::Results;
  } else if (name == "module" && m) OpenModule(m->id);
  else if (name == "lesson" && m) {
    // As the pager allows: the pages seen and the next one (an old entry opens no unread page).
    const ModuleProgress* p = find_progress(state_, m->id);
    OpenLesson(m->id, std::min(number, p ? p->lesson.pages_seen : 0));
  } else if (name == "quiz") {
    const std::string quiz_id = m ? m->id : course_->assessment.id;
    if (Availability(quiz_id) == QuizAvailability::InProgress && StartQuiz(quiz_id)) {
      // Questions answered and the first open one, as Previous / Next allow; never past it.
      std::size_t open = 0;
      while (open + 1 < quiz_->size() && quiz_->submitted(open)) ++open;
      const std::size_t to = std::min(static_cast<std::size_t>(number), open);
      if (to != quiz_->index() && quiz_->go(to)) {
        shown_at_ = clock_();
        save_quiz(state_, *quiz_, shown_at_);
        state_.bookmark.index = static_cast<int>(to);
        Changed();
      }
    } else if (m) {
      OpenModule(m->id);
    } else {
      GoHome();
    }
  } else if (name == "quiz-results" && m) OpenModule(m->id);
  else if (name == "roleplay" && m) {
    const ModuleProgress* p = find_progress(state_, m->id);
    if (!(p && p->roleplay.in_progress && StartRolePlay(m->id))) OpenModule(m->id);
  } else {
    return false;
  }
  return Location() != was;   // false: this entry leads nowhere new (the page skips it)
}

bool CourseSession::HasResumePoint() const {
  const granice::Bookmark& b = state_.bookmark;
  return b.screen != Screen::Home || !b.module_id.empty();
}

bool CourseSession::Resume() {
  const granice::Bookmark b = state_.bookmark;
  switch (b.screen) {
    case Screen::Lesson: OpenLesson(b.module_id, b.index); return page_ == Page::Lesson;
    case Screen::Quiz: return StartQuiz(b.module_id);
    case Screen::RolePlay: return StartRolePlay(b.module_id);
    case Screen::Assessment: return StartQuiz(course_->assessment.id);
    case Screen::Results:
      CloseActivities();
      page_ = Page::Results;
      return true;
    case Screen::Certificate: OpenCertificate(); return page_ == Page::Certificate;
    case Screen::Home:
      if (!b.module_id.empty() && course_->module(b.module_id)) {
        OpenModule(b.module_id);
        return true;
      }
      return false;
  }
  return false;
}

void CourseSession::SetLanguage(const std::string& lang) {
  if (lang == state_.language) return;
  state_.language = lang;
  Changed();
}

void CourseSession::SetLearnerName(const std::string& name) {
  state_.learner_name = name;
  if (page_ == Page::NamePrompt) page_ = Page::Home;
  Changed();
}

void CourseSession::StartOver() {
  const std::int64_t now = clock_();
  const std::uint64_t seed = state_.seed * 6364136223846793005ULL + 1442695040888963407ULL + static_cast<std::uint64_t>(now);
  state_ = new_state(*course_, state_.learner_id, state_.learner_name, state_.language, seed, now);
  CloseActivities();
  module_id_.clear();
  last_result_.reset();
  page_ = state_.learner_name.empty() ? Page::NamePrompt : Page::Home;
  Changed();
}

// [SECTION] Quiz

QuizAvailability CourseSession::Availability(const std::string& quiz_id) const {
  return quiz_availability(*course_, state_, quiz_id);
}

bool CourseSession::StartQuiz(const std::string& quiz_id) {
  const bool assessment = quiz_id == course_->assessment.id;
  if (!assessment && !course_->module(quiz_id)) return false;
  std::optional<QuizSession> s = begin_quiz(*course_, state_, quiz_id, clock_());
  if (!s || s->empty()) return false;
  roleplay_.reset();
  match_run_ = {};
  quiz_ = std::move(s);
  quiz_id_ = quiz_id;
  if (!assessment) module_id_ = quiz_id;
  else module_id_.clear();
  page_ = Page::Quiz;
  shown_at_ = clock_();
  Bookmark(assessment ? Screen::Assessment : Screen::Quiz, static_cast<int>(quiz_->index()));
  Changed();
  return true;
}

void CourseSession::QuizEdited() {
  if (!quiz_) return;
  save_quiz(state_, *quiz_, clock_());
  Changed();
}

bool CourseSession::Match(int source, int target) {
  if (!quiz_ || quiz_->empty()) return false;   // a submitted answer is locked: answer() and match() refuse
  const Question& q = quiz_->current();
  if (match_run_.question_id == q.id && match_run_.source == source) {
    Response before;
    before.match = match_run_.before;
    quiz_->answer(before);   // back to the answers before this item's first choice in the run
  } else {
    match_run_ = {q.id, source, quiz_->response().match};
  }
  if (!quiz_->match(source, target)) return false;
  QuizEdited();
  return true;
}

std::optional<QuestionResult> CourseSession::SubmitAnswer() {
  if (!quiz_ || !quiz_->can_submit()) return std::nullopt;
  std::optional<QuestionResult> r = quiz_->submit();
  if (!r) return r;
  const std::int64_t now = clock_();
  record_answer(state_, *quiz_, quiz_->index(), static_cast<double>(now - shown_at_), now);
  if (announce) {
    const Question& q = quiz_->current();
    announce(in_assessment() ? std::string(T(lang(), Str::AnswerSaved)) : FeedbackSummary(q, *r, lang()));
  }
  Changed();
  return r;
}

void CourseSession::QuizNext() {
  if (!quiz_ || !quiz_->next()) return;
  shown_at_ = clock_();
  save_quiz(state_, *quiz_, shown_at_);
  state_.bookmark.index = static_cast<int>(quiz_->index());
  Changed();
}

void CourseSession::QuizPrevious() {
  if (!quiz_ || !quiz_->previous()) return;
  shown_at_ = clock_();
  save_quiz(state_, *quiz_, shown_at_);
  state_.bookmark.index = static_cast<int>(quiz_->index());
  Changed();
}

void CourseSession::FinishQuiz() {
  if (!quiz_) return;
  const bool assessment = in_assessment();
  last_result_ = finish_quiz(state_, *quiz_, clock_());
  quiz_.reset();
  page_ = assessment ? Page::Results : Page::QuizResults;
  if (assessment) {
    Bookmark(Screen::Results, 0);
  } else {
    Bookmark(Screen::Home, 0);   // resume at the module overview
  }
  Changed();
}

// [SECTION] Role-play

bool CourseSession::StartRolePlay(const std::string& module_id) {
  const Module* m = course_->module(module_id);
  if (!m || !m->roleplay) return false;
  std::optional<RolePlaySession> s = begin_roleplay(*course_, state_, module_id, clock_());
  if (!s || !s->valid()) return false;
  quiz_.reset();
  quiz_id_.clear();
  roleplay_ = std::move(s);
  module_id_ = module_id;
  page_ = Page::RolePlay;
  shown_at_ = clock_();
  Bookmark(Screen::RolePlay, 0);
  Changed();
  return true;
}

bool CourseSession::Choose(std::size_t choice) {
  if (!roleplay_ || !roleplay_->choose(choice)) return false;
  const std::int64_t now = clock_();
  record_choice(state_, module_id_, *roleplay_, static_cast<double>(now - shown_at_), now);
  shown_at_ = now;
  if (announce) {
    const RolePlayNode& n = roleplay_->node();
    std::string said;
    if (!n.client.empty()) said = n.client.in(lang());
    if (n.is_ending && !n.ending_title.empty()) said += (said.empty() ? "" : " ") + n.ending_title.in(lang());
    announce(said);
  }
  Changed();
  return true;
}

void CourseSession::RestartRolePlay() {
  if (!roleplay_) return;
  RolePlayProgress& p = progress(state_, module_id_).roleplay;
  p.in_progress = false;
  p.path.clear();
  StartRolePlay(module_id_);
}

// [SECTION] Summaries

int CourseSession::ModulesCompleted() const {
  int n = 0;
  for (const Module& m : course_->modules) {
    const ModuleStatus s = StatusOf(m);
    if (s == ModuleStatus::Completed || s == ModuleStatus::Passed) ++n;
  }
  return n;
}

void CourseSession::AddTime(double seconds) {
  if (!std::isfinite(seconds) || seconds <= 0) return;
  unbooked_seconds_ += std::min(seconds, 1e9);
  const double centis = std::floor(unbooked_seconds_ * 100.0 + 1e-6);
  if (centis < 1.0) return;
  unbooked_seconds_ = std::max(0.0, unbooked_seconds_ - centis / 100.0);
  add_time(state_, centis / 100.0);
}

void CourseSession::Restore(CourseState state) {
  CloseActivities();
  state_ = std::move(state);
  module_id_.clear();
  page_ = state_.learner_name.empty() ? Page::NamePrompt : Page::Home;
  if (page_ == Page::Home) Resume();
}

}  // namespace granice::view
