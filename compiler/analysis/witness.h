// Turns a witness point into what a policy drafter reads: structured JSON and one line of
// plain words ("a ServiceProvider discloses personal data; location CN, recipient US;
// legal_process, not approved; on 2021-11-01").
#pragma once

#include <string>
#include <vector>

#include "analysis/point.h"
#include "diag/diagnostic.h"
#include "model/program.h"

namespace nomos::analysis {

/// Who does what in the witness. Empty actors / actions: the witness is about situations
/// alone (sovereignty claims). Two actions: an incompatible pair, both demanded at once.
struct WitnessActs {
  std::vector<Index> actors;
  std::vector<Index> actions;
};

/// Renders only `dims` and `facts` (the ones the involved conditions mention), in that order,
/// flags that hold before flags that do not.
diag::Witness renderWitness(const model::Program& program, const Point& point,
                            const WitnessActs& acts, const std::vector<Index>& dims,
                            const std::vector<Index>& facts);

/// The JSON value that stands for a dimension's unnamed remainder.
inline constexpr const char* kRemainderValue = "(other)";

}  // namespace nomos::analysis
