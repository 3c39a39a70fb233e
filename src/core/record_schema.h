// What a progress record may hold: the limits and enum names shared by from_record()
// (record.cpp) and the fast reader (record_fast.cpp), kept in one place so the two readers
// cannot drift apart. Internal to the core.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>

#include "core/course_state.h"
#include "core/model.h"

namespace granice::record_schema {

inline constexpr int kMaxDepth = 32;              // deeper nesting is refused before parsing
inline constexpr std::size_t kMaxString = 4096;   // bytes of one text field (after unescaping)
inline constexpr std::size_t kMaxArray = 1024;
inline constexpr std::size_t kMaxModules = 256;
inline constexpr std::size_t kMaxAnswers = 512;   // answers, last_answers, role-play paths
inline constexpr std::size_t kMaxInts = 512;      // selected, order, match
inline constexpr std::size_t kMaxCorrectResponses = 16;
inline constexpr std::size_t kMaxRubric = 64;
inline constexpr std::int64_t kMaxCount = 1 << 30;
inline constexpr int kMaxIndex = 255;              // option, item and role-play choice indices
inline constexpr std::int64_t kMaxRubricScore = 1000000;
inline constexpr double kMaxTotalTime = 1e12;
inline constexpr double kMaxLatency = 1e9;

inline constexpr std::pair<const char*, Screen> kScreens[] = {
    {"home", Screen::Home},         {"lesson", Screen::Lesson},         {"quiz", Screen::Quiz},
    {"roleplay", Screen::RolePlay}, {"assessment", Screen::Assessment}, {"results", Screen::Results},
    {"certificate", Screen::Certificate}};
inline constexpr std::pair<const char*, Outcome> kOutcomes[] = {
    {"good", Outcome::Good}, {"partial", Outcome::Partial}, {"poor", Outcome::Poor}};
inline constexpr std::pair<const char*, InteractionType> kTypes[] = {{"choice", InteractionType::Choice},
                                                                     {"true-false", InteractionType::TrueFalse},
                                                                     {"sequencing", InteractionType::Sequencing},
                                                                     {"matching", InteractionType::Matching},
                                                                     {"other", InteractionType::Other}};
inline constexpr std::pair<const char*, InteractionResult> kResults[] = {{"correct", InteractionResult::Correct},
                                                                         {"incorrect", InteractionResult::Incorrect},
                                                                         {"neutral", InteractionResult::Neutral}};

}  // namespace granice::record_schema
