// "Did you mean" suggestions: the closest known name within a small edit distance.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nomos::sema {

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
/// adjacent characters each cost one, so `Compnay` is one edit from `Company`.
std::size_t editDistance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if it is close enough to be a plausible typo (about one
/// edit per three characters, at least one). Ties go to the alphabetically first candidate so
/// the suggestion does not depend on declaration order. `word` itself is never suggested.
std::optional<std::string> closestName(std::string_view word,
                                       const std::vector<std::string>& candidates);

}  // namespace nomos::sema
