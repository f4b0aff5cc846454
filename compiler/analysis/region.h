// The region algebra: a condition as a set of situations, kept as a union of boxes over the
// program's finite domains (domain.h). Every operation is exact. Operations that could grow
// without bound (normal forms, complements, inclusion tests) stop at a budget derived from
// `maxBoxes` and throw RegionTooLarge, so a hostile condition costs a diagnostic, never the
// machine's memory.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <vector>

#include "analysis/box.h"
#include "analysis/domain.h"
#include "model/program.h"

namespace nomos::analysis {

/// A union of boxes; empty when it holds no box (stored boxes are never empty).
struct Region {
  std::vector<Box> boxes;

  bool empty() const { return boxes.empty(); }
  static Region universe() { return Region{{Box{}}}; }
  static Region nothing() { return Region{}; }
};

class RegionTooLarge : public std::runtime_error {
 public:
  RegionTooLarge() : std::runtime_error("region exceeds the box budget") {}
};

class Algebra {
 public:
  Algebra(const Domains& domains, std::size_t maxBoxes)
      : domains_(domains), maxBoxes_(maxBoxes ? maxBoxes : 1) {}

  const Domains& domains() const { return domains_; }
  std::size_t maxBoxes() const { return maxBoxes_; }

  /// The situations where `c` holds (or fails, when `negated`).
  Region condition(const model::Condition& c, bool negated = false) const;
  /// A norm's condition: where ∧ ¬unless, at any date.
  Region normCondition(const model::Norm& n) const;
  /// A sovereignty claim's or deference's condition as a region.
  Region claimCondition(const model::Condition& c) const { return condition(c); }

  /// r with every box's dates narrowed to `dates` (empty boxes dropped).
  static Region restrictDates(Region r, Range dates);

  Region intersect(const Region& a, const Region& b) const;
  Region unite(const Region& a, const Region& b) const;
  Region subtract(const Region& a, const Region& b) const;
  Region complement(const Region& a) const { return subtract(Region::universe(), a); }

  /// Do the regions share a situation? The first pair of boxes that meet, in order, as
  /// their intersection; nullopt when disjoint. Allocates only the answer.
  std::optional<Box> firstMeet(const Region& a, const Region& b) const;
  bool meets(const Region& a, const Region& b) const { return firstMeet(a, b).has_value(); }
  /// A box of situations of `inner` that `cover` misses (the first, in a deterministic
  /// order); nullopt when inner ⊆ cover.
  std::optional<Box> uncovered(const Region& inner, const Region& cover) const;
  std::optional<Box> uncovered(const Box& inner, const Region& cover) const;
  bool includes(const Region& outer, const Region& inner) const { return !uncovered(inner, outer); }

  /// Drops boxes contained in others and merges boxes that differ in one component.
  void simplify(std::vector<Box>& boxes) const;

 private:
  void guard(std::vector<Box>& boxes) const;
  Region compare(const model::Condition& c, bool negated) const;

  const Domains& domains_;
  std::size_t maxBoxes_;
};

}  // namespace nomos::analysis
