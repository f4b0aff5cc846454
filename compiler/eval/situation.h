// A situation as `nomos test` and `nomos eval` see it: the `given` part of a test, or the
// same read from flags or JSON. It becomes one Box of the analysis's algebra: a value fixes
// its dimension to that value's own atom, a flag or count is fixed, the date is fixed, and
// everything not given stays free.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/box.h"
#include "analysis/domain.h"
#include "model/program.h"

namespace nomos::eval {

using model::Index;

struct Situation {
  /// The actor belongs to these classes, their ancestors, and no other class.
  std::vector<Index> actorClasses;
  Index action = model::kNone;
  std::vector<model::Test::DimValue> values;
  std::vector<model::Test::FactValue> facts;
  std::optional<model::Date> date;
  source::Span span;  // the test, when it comes from one

  static Situation fromTest(const model::Test& t);
};

/// Why a situation cannot exist (N4003), in the user's words, with where to look.
struct SituationProblem {
  std::string message;
  source::Span span;
  std::string help;
};

/// The problems that make `s` impossible: classes declared disjoint (or two bodies), a value
/// of another dimension, a dimension or fact given twice, a count below zero, a flag given a
/// number. Empty when the situation can exist.
std::vector<SituationProblem> validate(const model::Program& program, const Situation& s);

/// The situation as a box. A category with named children given as a value means its own
/// atom ("that category and none of its named subcategories"); in a closed dimension, where
/// such a category has no atom of its own, it means "one of its subcategories, not said which".
analysis::Box situationBox(const analysis::Domains& domains, const Situation& s);

/// The classes the actor belongs to, per actor class: the given ones and their ancestors.
std::vector<char> actorMembership(const model::Program& program, const Situation& s);

}  // namespace nomos::eval
