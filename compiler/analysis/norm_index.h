// Where candidate pairs come from: norms grouped by modality and action, with the action
// taxonomy's ancestors, descendants and incompatible pairs at hand, so that a check visits
// only norms whose actions are related as its rule requires, never all pairs of norms.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "model/program.h"

namespace nomos::analysis {

using model::Index;

class NormIndex {
 public:
  /// Indexes the norms for which `include[n]` holds. `keys[n]` lists, sorted, the atoms of
  /// one key dimension that norm n's region can take, or is empty when the region leaves
  /// that dimension free. Two norms whose key atoms are disjoint never meet, so lookups skip
  /// them without looking at their regions.
  NormIndex(const model::Program& program, const std::vector<bool>& include,
            std::vector<std::vector<std::uint32_t>> keys);

  /// Calls fn(j) once for every indexed norm j with modality `m` and action exactly
  /// `action` that may meet norm `query` on the key dimension.
  template <class F>
  void forEachCandidate(model::Modality m, Index action, Index query, F&& fn) const {
    const Group& g = groups_[static_cast<std::size_t>(m)][action];
    const auto& q = keys_[query];
    if (q.empty()) {
      for (Index j : g.all) fn(j);
      return;
    }
    for (Index j : g.free) fn(j);
    if (g.keyed.empty()) return;
    if (++stamp_ == 0) {
      std::fill(seen_.begin(), seen_.end(), 0);
      stamp_ = 1;
    }
    for (std::uint32_t atom : q) {
      auto lo = std::lower_bound(g.keyed.begin(), g.keyed.end(),
                                 std::pair<std::uint32_t, Index>{atom, 0});
      for (auto it = lo; it != g.keyed.end() && it->first == atom; ++it) {
        if (seen_[it->second] == stamp_) continue;
        seen_[it->second] = stamp_;
        fn(it->second);
      }
    }
  }

  /// `action` and every action above it (a ⊑ each of them), nearest first.
  std::vector<Index> ancestors(Index action) const;
  /// Every action strictly below `action`.
  const std::vector<Index>& descendants(Index action) const { return descendants_[action]; }
  /// Every action declared incompatible with `action` (descendants included).
  const std::vector<Index>& incompatibleWith(Index action) const { return incompatible_[action]; }

 private:
  struct Group {
    std::vector<Index> all;                              // program order
    std::vector<Index> free;                             // leave the key dimension free
    std::vector<std::pair<std::uint32_t, Index>> keyed;  // (key atom, norm), sorted
  };

  const model::Program& program_;
  std::vector<std::vector<std::uint32_t>> keys_;
  std::array<std::vector<Group>, 4> groups_;
  std::vector<std::vector<Index>> descendants_;
  std::vector<std::vector<Index>> incompatible_;
  mutable std::vector<std::uint32_t> seen_;
  mutable std::uint32_t stamp_ = 0;
};

}  // namespace nomos::analysis
