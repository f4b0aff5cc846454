// A single situation: one value per dimension, per fact, and a date. Witnesses are points
// picked from non-empty regions.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/box.h"
#include "analysis/domain.h"
#include "model/program.h"

namespace nomos::analysis {

struct Point {
  /// Per dimension: a category or jurisdiction index; kNone for the unnamed remainder
  /// (a value no category names, an undeclared jurisdiction). An interior category means
  /// "that category and none of its named children".
  std::vector<Index> dims;
  /// Per fact: a flag's 0 or 1, or a count.
  std::vector<std::int64_t> facts;
  /// The date; nullopt when the region does not depend on it (no window bounds it).
  std::optional<model::Date> date;
};

/// A point of a non-empty box, picked deterministically: the lowest atom of each value set
/// (a named value before the remainder), a free flag false, the lowest count, and the first
/// day of the date interval (its last when open below).
Point pickPoint(const Box& box, const Domains& domains);

/// The dimensions and facts a condition mentions, appended in order of first appearance
/// (each at most once across calls on the same vectors).
void collectMentions(const model::Condition& c, std::vector<Index>& dims,
                     std::vector<Index>& facts);

}  // namespace nomos::analysis
