#include "analysis/point.h"

#include <algorithm>

namespace nomos::analysis {

Point pickPoint(const Box& box, const Domains& domains) {
  const auto& program = domains.program();
  Point p;
  p.dims.resize(program.dimensions.size());
  for (Index d = 0; d < program.dimensions.size(); ++d) {
    const AtomSet* atoms = box.dimAtoms(d);
    std::uint32_t atom = atoms ? atoms->first() : 0;
    p.dims[d] = domains.atomValue(d, atom);
  }
  p.facts.resize(program.facts.size());
  for (Index f = 0; f < program.facts.size(); ++f) {
    if (program.facts[f].kind == model::FactKind::Flag) {
      p.facts[f] = box.flag(f).value_or(false) ? 1 : 0;
    } else {
      p.facts[f] = box.count(f).lo;
    }
  }
  if (box.dates.lo != kAllDates.lo) {
    p.date = model::Date{static_cast<std::int32_t>(box.dates.lo)};
  } else if (box.dates.hi != kAllDates.hi) {
    p.date = model::Date{static_cast<std::int32_t>(box.dates.hi)};
  }
  return p;
}

void collectMentions(const model::Condition& c, std::vector<Index>& dims,
                     std::vector<Index>& facts) {
  auto add = [](std::vector<Index>& v, Index x) {
    if (x != model::kNone && std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
  };
  switch (c.kind) {
    case model::Condition::Kind::In:
      add(dims, c.dim);
      break;
    case model::Condition::Kind::Flag:
    case model::Condition::Kind::Compare:
      add(facts, c.fact);
      break;
    default:
      break;
  }
  for (const auto& op : c.operands) collectMentions(op, dims, facts);
}

}  // namespace nomos::analysis
