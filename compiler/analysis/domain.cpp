#include "analysis/domain.h"

namespace nomos::analysis {

Domains::Domains(const model::Program& program) : program_(&program) {
  domains_.push_back(buildTerritory());
  domainIndex_.reserve(program.dimensions.size());
  for (const auto& d : program.dimensions) {
    if (d.territory) {
      domainIndex_.push_back(0);
    } else {
      domainIndex_.push_back(static_cast<std::uint32_t>(domains_.size()));
      domains_.push_back(buildTaxonomy(d));
    }
  }
}

const AtomSet& Domains::valueAtoms(Index dim, Index value) const {
  const Domain& d = domainOf(dim);
  return value < d.valueSets.size() ? d.valueSets[value] : noAtoms_;
}

Domains::Domain Domains::buildTerritory() const {
  const auto& jurs = program_->jurisdictions;
  Domain d;
  d.atoms = static_cast<std::uint32_t>(jurs.size() + 1);
  d.remainder = true;
  for (Index j = 0; j < jurs.size(); ++j) d.atomValue.push_back(j);
  d.atomValue.push_back(model::kNone);
  // Each jurisdiction's set: itself and everything below it, walking `members` downwards
  // (membership may be a DAG; a cycle, which sema reports, just stops at visited nodes).
  d.valueSets.assign(jurs.size(), AtomSet(d.atoms));
  for (Index j = 0; j < jurs.size(); ++j) {
    AtomSet& set = d.valueSets[j];
    std::vector<Index> stack{j};
    while (!stack.empty()) {
      Index cur = stack.back();
      stack.pop_back();
      if (cur >= jurs.size() || set.test(cur)) continue;
      set.set(cur);
      for (Index m : jurs[cur].members) stack.push_back(m);
    }
  }
  return d;
}

Domains::Domain Domains::buildTaxonomy(const model::Dimension& dim) const {
  const auto& cats = dim.categories;
  Domain d;
  std::vector<std::uint32_t> atomOf(cats.size(), UINT32_MAX);
  for (Index c = 0; c < cats.size(); ++c) {
    if (dim.closed && !cats[c].children.empty()) continue;  // closed: no remainder below it
    atomOf[c] = static_cast<std::uint32_t>(d.atomValue.size());
    d.atomValue.push_back(c);
  }
  // A closed dimension that names nothing would make every situation impossible; give it
  // a remainder instead so that an ill-formed declaration cannot silence every check.
  d.remainder = !dim.closed || d.atomValue.empty();
  if (d.remainder) d.atomValue.push_back(model::kNone);
  d.atoms = static_cast<std::uint32_t>(d.atomValue.size());

  // Each atom belongs to its own category and to every ancestor's set. The walk is bounded
  // so that a malformed parent cycle cannot hang it.
  d.valueSets.assign(cats.size(), AtomSet(d.atoms));
  for (Index c = 0; c < cats.size(); ++c) {
    if (atomOf[c] == UINT32_MAX) continue;
    Index cur = c;
    for (std::size_t steps = 0; cur != model::kNone && cur < cats.size() && steps <= cats.size();
         ++steps) {
      d.valueSets[cur].set(atomOf[c]);
      cur = cats[cur].parent;
    }
  }
  return d;
}

}  // namespace nomos::analysis
