// A box: the situations in which every dimension takes a value from its own set, every
// constrained flag has one value, every constrained count lies in one interval, and the date
// lies in one interval. A region is a union of boxes (region.h).
//
// Invariants: constraint lists are sorted by dimension or fact and never hold an
// unconstraining entry (a full value set, a count interval covering all counts), so "absent"
// always means "any value". A stored box is never empty.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/atom_set.h"
#include "model/date.h"
#include "model/program.h"

namespace nomos::analysis {

using model::Index;

/// An inclusive integer interval.
struct Range {
  std::int64_t lo = 0;
  std::int64_t hi = 0;
  bool empty() const { return hi < lo; }
  bool contains(const Range& o) const { return lo <= o.lo && o.hi <= hi; }
  bool overlaps(const Range& o) const { return lo <= o.hi && o.lo <= hi; }
  friend bool operator==(const Range&, const Range&) = default;
  friend auto operator<=>(const Range&, const Range&) = default;
};

/// Counts are non-negative integers.
inline constexpr Range kAllCounts{0, INT64_MAX};
inline constexpr Range kAllDates{model::kMinDate.days, model::kMaxDate.days};

struct DimConstraint {
  Index dim = model::kNone;
  AtomSet atoms;
  friend bool operator==(const DimConstraint&, const DimConstraint&) = default;
  friend auto operator<=>(const DimConstraint&, const DimConstraint&) = default;
};

struct FlagConstraint {
  Index fact = model::kNone;
  bool value = false;
  friend bool operator==(const FlagConstraint&, const FlagConstraint&) = default;
  friend auto operator<=>(const FlagConstraint&, const FlagConstraint&) = default;
};

struct CountConstraint {
  Index fact = model::kNone;
  Range range;
  friend bool operator==(const CountConstraint&, const CountConstraint&) = default;
  friend auto operator<=>(const CountConstraint&, const CountConstraint&) = default;
};

struct Box {
  std::vector<DimConstraint> dims;
  std::vector<FlagConstraint> flags;
  std::vector<CountConstraint> counts;
  Range dates = kAllDates;

  /// The value set of `dim` in this box, or nullptr when the box leaves it free.
  const AtomSet* dimAtoms(Index dim) const;
  /// The flag's value, or nullopt when free.
  std::optional<bool> flag(Index fact) const;
  /// The count's interval (kAllCounts when free).
  Range count(Index fact) const;

  /// Constrain (replace) one component; an unconstraining value removes the entry.
  void setDim(Index dim, AtomSet atoms);
  void setFlag(Index fact, bool value);
  void setCount(Index fact, Range range);

  /// Is this box unconstrained in every component?
  bool isUniverse() const {
    return dims.empty() && flags.empty() && counts.empty() && dates == kAllDates;
  }

  friend bool operator==(const Box&, const Box&) = default;
  friend auto operator<=>(const Box&, const Box&) = default;
};

/// The intersection, or nullopt when it is empty.
std::optional<Box> intersect(const Box& a, const Box& b);
/// Do the boxes share a situation? (No allocation.)
bool intersects(const Box& a, const Box& b);
/// Is every situation of `inner` in `outer`?
bool contains(const Box& outer, const Box& inner);
/// Appends to `out` disjoint boxes whose union is a \ b.
void subtract(const Box& a, const Box& b, std::vector<Box>& out);
/// The union of a and b when it is itself a box (they differ in one component only).
std::optional<Box> tryMerge(const Box& a, const Box& b);

}  // namespace nomos::analysis
