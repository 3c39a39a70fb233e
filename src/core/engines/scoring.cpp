#include "core/engines/scoring.h"

#include <algorithm>

#include "core/text/fnv.h"

namespace granice {

bool is_choice_type(QuestionType t) {
  return t == QuestionType::SingleChoice || t == QuestionType::BestReply || t == QuestionType::TrueFalse ||
         t == QuestionType::MultipleResponse;
}

bool is_single_answer(QuestionType t) {
  return t == QuestionType::SingleChoice || t == QuestionType::BestReply || t == QuestionType::TrueFalse;
}

Response blank_response(const Question& q) {
  Response r;
  if (q.type == QuestionType::Matching) r.match.assign(q.pairs.size(), -1);
  return r;
}

Response correct_response(const Question& q) {
  Response r;
  if (is_choice_type(q.type)) {
    for (std::size_t i = 0; i < q.options.size(); ++i)
      if (q.options[i].correct) r.selected.push_back(static_cast<int>(i));
  } else if (q.type == QuestionType::Ordering) {
    for (std::size_t i = 0; i < q.items.size(); ++i) r.order.push_back(static_cast<int>(i));
  } else {
    for (std::size_t i = 0; i < q.pairs.size(); ++i) r.match.push_back(static_cast<int>(i));
  }
  return r;
}

static bool in_range(int v, std::size_t n) { return v >= 0 && static_cast<std::size_t>(v) < n; }

bool fits(const Question& q, const Response& r) {
  if (is_choice_type(q.type)) {
    if (!r.order.empty() || !r.match.empty()) return false;
    if (is_single_answer(q.type) && r.selected.size() > 1) return false;
    for (std::size_t i = 0; i < r.selected.size(); ++i) {
      if (!in_range(r.selected[i], q.options.size())) return false;
      if (i > 0 && r.selected[i] <= r.selected[i - 1]) return false;
    }
    return true;
  }
  if (q.type == QuestionType::Ordering) {
    if (!r.selected.empty() || !r.match.empty()) return false;
    if (r.order.empty()) return true;
    if (r.order.size() != q.items.size()) return false;
    std::vector<bool> seen(q.items.size(), false);
    for (int v : r.order) {
      if (!in_range(v, q.items.size()) || seen[static_cast<std::size_t>(v)]) return false;
      seen[static_cast<std::size_t>(v)] = true;
    }
    return true;
  }
  // matching
  if (!r.selected.empty() || !r.order.empty()) return false;
  if (r.match.size() != q.pairs.size()) return false;
  std::vector<bool> used(q.pairs.size(), false);
  for (int v : r.match) {
    if (v == -1) continue;
    if (!in_range(v, q.pairs.size()) || used[static_cast<std::size_t>(v)]) return false;
    used[static_cast<std::size_t>(v)] = true;
  }
  return true;
}

Response normalized(const Question& q, const Response& r) {
  if (fits(q, r)) return r;
  Response out = blank_response(q);
  if (is_choice_type(q.type)) {
    for (int v : r.selected)
      if (in_range(v, q.options.size())) out.selected.push_back(v);
    std::sort(out.selected.begin(), out.selected.end());
    out.selected.erase(std::unique(out.selected.begin(), out.selected.end()), out.selected.end());
    if (is_single_answer(q.type) && out.selected.size() > 1) out.selected.erase(out.selected.begin() + 1, out.selected.end());
  } else if (q.type == QuestionType::Ordering) {
    // keep a valid permutation only; anything else means "not arranged yet"
  } else {
    std::vector<bool> used(q.pairs.size(), false);
    for (std::size_t i = 0; i < out.match.size() && i < r.match.size(); ++i) {
      int v = r.match[i];
      if (in_range(v, q.pairs.size()) && !used[static_cast<std::size_t>(v)]) {
        out.match[i] = v;
        used[static_cast<std::size_t>(v)] = true;
      }
    }
  }
  return out;
}

bool is_complete(const Question& q, const Response& r) {
  if (!fits(q, r)) return false;
  if (is_choice_type(q.type)) return !r.selected.empty();
  if (q.type == QuestionType::Ordering) return r.order.size() == q.items.size();
  return std::all_of(r.match.begin(), r.match.end(), [](int v) { return v >= 0; });
}

Grade grade(const Question& q, const Response& raw) {
  const Response r = normalized(q, raw);
  Grade g;
  g.possible = q.points;
  double score = 0.0;
  switch (q.type) {
    case QuestionType::SingleChoice:
    case QuestionType::BestReply:
    case QuestionType::TrueFalse:
      score = (r.selected.size() == 1 && q.options[static_cast<std::size_t>(r.selected[0])].correct) ? 1.0 : 0.0;
      break;
    case QuestionType::MultipleResponse: {
      int n_correct = 0;
      for (const auto& o : q.options) n_correct += o.correct ? 1 : 0;
      int right = 0, wrong = 0;
      for (int v : r.selected) (q.options[static_cast<std::size_t>(v)].correct ? right : wrong)++;
      score = n_correct > 0 ? std::max(0.0, static_cast<double>(right - wrong) / n_correct) : 0.0;
      break;
    }
    case QuestionType::Ordering: {
      if (q.items.empty() || r.order.size() != q.items.size()) break;
      int in_place = 0;
      for (std::size_t i = 0; i < r.order.size(); ++i) in_place += (r.order[i] == static_cast<int>(i)) ? 1 : 0;
      score = static_cast<double>(in_place) / static_cast<double>(q.items.size());
      break;
    }
    case QuestionType::Matching: {
      if (q.pairs.empty()) break;
      int right = 0;
      for (std::size_t i = 0; i < r.match.size(); ++i) right += (r.match[i] == static_cast<int>(i)) ? 1 : 0;
      score = static_cast<double>(right) / static_cast<double>(q.pairs.size());
      break;
    }
  }
  g.score = std::clamp(score, 0.0, 1.0);
  g.correct = g.score >= 1.0;
  g.earned = g.score * q.points;
  return g;
}

Feedback feedback_for(const Question& q, const Response& raw) {
  const Response r = normalized(q, raw);
  Feedback f;
  f.correct = grade(q, r).correct;
  if (is_choice_type(q.type)) {
    for (std::size_t i = 0; i < q.options.size(); ++i) {
      FeedbackItem it;
      it.index = static_cast<int>(i);
      it.chosen = std::find(r.selected.begin(), r.selected.end(), static_cast<int>(i)) != r.selected.end();
      it.correct = q.options[i].correct;
      it.text = q.options[i].feedback.empty() ? nullptr : &q.options[i].feedback;
      f.items.push_back(it);
    }
    return f;
  }
  const LocalText& overall = f.correct ? q.feedback_correct : q.feedback_incorrect;
  f.overall = overall.empty() ? nullptr : &overall;
  if (q.type == QuestionType::Ordering) {
    for (std::size_t i = 0; i < r.order.size(); ++i) {
      FeedbackItem it;
      it.index = r.order[i];
      it.chosen = true;
      it.correct = r.order[i] == static_cast<int>(i);
      f.items.push_back(it);
    }
  } else {
    for (std::size_t i = 0; i < q.pairs.size(); ++i) {
      FeedbackItem it;
      it.index = static_cast<int>(i);
      it.chosen = i < r.match.size() && r.match[i] >= 0;
      it.correct = i < r.match.size() && r.match[i] == static_cast<int>(i);
      it.text = q.pairs[i].feedback.empty() ? nullptr : &q.pairs[i].feedback;
      f.items.push_back(it);
    }
  }
  return f;
}

const char* scorm_interaction_type(QuestionType t) {
  switch (t) {
    case QuestionType::TrueFalse: return "true-false";
    case QuestionType::Ordering: return "sequencing";
    case QuestionType::Matching: return "matching";
    default: return "choice";
  }
}

std::string scorm_response(const Question& q, const Response& raw) {
  const Response r = normalized(q, raw);
  std::string out;
  auto sep = [&out](const char* s) {
    if (!out.empty()) out += s;
  };
  if (is_choice_type(q.type)) {
    for (int v : r.selected) {
      sep("[,]");
      out += q.options[static_cast<std::size_t>(v)].id;
    }
  } else if (q.type == QuestionType::Ordering) {
    for (int v : r.order) {
      sep("[,]");
      out += q.items[static_cast<std::size_t>(v)].id;
    }
  } else {
    for (std::size_t i = 0; i < r.match.size(); ++i) {
      if (r.match[i] < 0) continue;
      sep("[,]");
      out += q.pairs[i].id;
      out += "[.]";
      out += q.pairs[static_cast<std::size_t>(r.match[i])].id;
    }
  }
  return out;
}

Response wrong_response(const Question& q, Rng& rng) {
  Response r = correct_response(q);
  if (is_choice_type(q.type)) {
    std::vector<int> wrong;
    for (std::size_t i = 0; i < q.options.size(); ++i)
      if (!q.options[i].correct) wrong.push_back(static_cast<int>(i));
    if (is_single_answer(q.type)) {
      if (wrong.empty()) return r;
      // One distractor is the favourite (60 %), the rest share what is left.
      const std::size_t fav = static_cast<std::size_t>(fnv1a64(q.id + "/fav") % wrong.size());
      const std::size_t pick = rng.chance(0.6) ? fav : static_cast<std::size_t>(rng.below(wrong.size()));
      r.selected = {wrong[pick]};
    } else {
      // multiple_response: one option flipped (a missed correct one or an extra wrong one).
      const int n = static_cast<int>(q.options.size());
      const int flip = rng.range(0, n - 1);
      auto it = std::find(r.selected.begin(), r.selected.end(), flip);
      if (it != r.selected.end()) r.selected.erase(it);
      else r.selected.push_back(flip);
      std::sort(r.selected.begin(), r.selected.end());
      if (r.selected.empty() && !wrong.empty()) r.selected.push_back(wrong.front());
    }
  } else if (q.type == QuestionType::Ordering) {
    if (r.order.size() >= 2) {
      const std::size_t i = static_cast<std::size_t>(rng.below(r.order.size() - 1));
      std::swap(r.order[i], r.order[i + 1]);
    }
  } else if (r.match.size() >= 2) {
    const std::size_t i = static_cast<std::size_t>(rng.below(r.match.size() - 1));
    std::swap(r.match[i], r.match[i + 1]);
  }
  return r;
}

}  // namespace granice
