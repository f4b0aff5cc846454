// The finite domain of every dimension, once the program is known.
//
// A taxonomy dimension's atoms are its categories, where an interior category's atom means
// "this category and none of its named children", plus one remainder atom ("a value no
// category names") for an open dimension. A closed dimension has neither: its interior
// categories own no atom and there is no remainder. All territory dimensions share one
// domain: one atom per jurisdiction ("in it and in none of its named members") plus the
// remainder, an undeclared jurisdiction. The remainder, where present, is the last atom, so
// the lowest atom of a set is a named value whenever the set holds one.
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/atom_set.h"
#include "model/program.h"

namespace nomos::analysis {

using model::Index;

class Domains {
 public:
  explicit Domains(const model::Program& program);

  std::uint32_t atomCount(Index dim) const { return domainOf(dim).atoms; }
  AtomSet all(Index dim) const { return AtomSet(atomCount(dim), true); }
  /// The atoms of `dim in value`; `value` is a category (taxonomy) or jurisdiction
  /// (territory). An out-of-range value has no atoms.
  const AtomSet& valueAtoms(Index dim, Index value) const;
  /// The category or jurisdiction an atom stands for; kNone for the remainder.
  Index atomValue(Index dim, std::uint32_t atom) const { return domainOf(dim).atomValue[atom]; }
  /// Does the dimension have a remainder atom?
  bool hasRemainder(Index dim) const { return domainOf(dim).remainder; }

  const model::Program& program() const { return *program_; }

 private:
  struct Domain {
    std::uint32_t atoms = 0;
    bool remainder = false;
    std::vector<Index> atomValue;    // per atom
    std::vector<AtomSet> valueSets;  // per category or jurisdiction
  };
  const Domain& domainOf(Index dim) const { return domains_[domainIndex_[dim]]; }
  Domain buildTerritory() const;
  Domain buildTaxonomy(const model::Dimension& d) const;

  const model::Program* program_;
  std::vector<Domain> domains_;             // [0] is the territory domain
  std::vector<std::uint32_t> domainIndex_;  // per dimension
  AtomSet noAtoms_;
};

}  // namespace nomos::analysis
