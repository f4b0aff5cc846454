// Where candidate pairs come from: norms grouped by modality and action, with the action
// taxonomy's ancestors, descendants and incompatible pairs at hand, so that a check visits
// only norms whose actions are related as its rule requires, never all pairs of norms.
#pragma once

#include <array>
#include <vector>

#include "model/program.h"

namespace nomos::analysis {

using model::Index;

class NormIndex {
 public:
  /// Indexes the norms for which `include[n]` holds.
  NormIndex(const model::Program& program, const std::vector<bool>& include);

  /// Norms with this modality whose action is exactly `action`, in program order.
  const std::vector<Index>& with(model::Modality m, Index action) const {
    return byAction_[static_cast<std::size_t>(m)][action];
  }
  /// `action` and every action above it (a ⊑ each of them), nearest first.
  std::vector<Index> ancestors(Index action) const;
  /// Every action strictly below `action`.
  const std::vector<Index>& descendants(Index action) const { return descendants_[action]; }
  /// Every action declared incompatible with `action` (descendants included).
  const std::vector<Index>& incompatibleWith(Index action) const { return incompatible_[action]; }

 private:
  const model::Program& program_;
  std::array<std::vector<std::vector<Index>>, 4> byAction_;
  std::vector<std::vector<Index>> descendants_;
  std::vector<std::vector<Index>> incompatible_;
};

}  // namespace nomos::analysis
