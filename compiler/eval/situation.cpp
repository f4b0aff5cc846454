#include "eval/situation.h"

#include <fmt/format.h>

namespace nomos::eval {

Situation Situation::fromTest(const model::Test& t) {
  Situation s;
  s.actorClasses = t.actorClasses;
  s.action = t.action;
  s.values = t.values;
  s.facts = t.facts;
  s.date = t.date;
  s.span = t.span;
  return s;
}

std::vector<SituationProblem> validate(const model::Program& program, const Situation& s) {
  std::vector<SituationProblem> out;
  const auto& classes = s.actorClasses;
  for (std::size_t i = 0; i < classes.size(); ++i) {
    for (std::size_t j = i + 1; j < classes.size(); ++j) {
      Index a = classes[i], b = classes[j];
      if (a == b || !program.actorsDisjoint(a, b)) continue;
      const auto& ca = program.actors[a];
      const auto& cb = program.actors[b];
      SituationProblem p;
      p.span = s.span;
      if (ca.isBody && cb.isBody) {
        p.message = fmt::format(
            "the actor cannot be both `{}` and `{}`: they are two different organisations", ca.name,
            cb.name);
        p.help = "give the classes of one actor";
      } else {
        p.message =
            fmt::format("the actor cannot be both `{}` and `{}`: the classes are declared disjoint",
                        ca.name, cb.name);
        p.help = fmt::format(
            "give classes one actor can have; if such an actor really exists, the `disjoint` "
            "declaration is wrong");
      }
      out.push_back(std::move(p));
    }
  }
  for (std::size_t i = 0; i < s.values.size(); ++i) {
    const auto& v = s.values[i];
    if (v.dim >= program.dimensions.size()) continue;
    const auto& dim = program.dimensions[v.dim];
    std::size_t limit = dim.territory ? program.jurisdictions.size() : dim.categories.size();
    if (v.value >= limit) {
      out.push_back({fmt::format("the value given is not a value of dimension `{}`", dim.name),
                     v.span.valid() ? v.span : s.span, ""});
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (s.values[j].dim == v.dim) {
        out.push_back({fmt::format("`{}` is given more than once", dim.name),
                       v.span.valid() ? v.span : s.span,
                       "a situation has one value for each dimension"});
      }
    }
  }
  for (std::size_t i = 0; i < s.facts.size(); ++i) {
    const auto& f = s.facts[i];
    if (f.fact >= program.facts.size()) continue;
    const auto& fact = program.facts[f.fact];
    source::Span span = f.span.valid() ? f.span : s.span;
    if (fact.kind == model::FactKind::Count && f.value < 0) {
      out.push_back({fmt::format("`{}` counts something, so it cannot be {}", fact.name, f.value),
                     span, "counts are whole numbers from 0 up"});
    }
    if (fact.kind == model::FactKind::Flag && f.value != 0 && f.value != 1) {
      out.push_back({fmt::format("`{}` is a yes/no fact, not a number", fact.name), span,
                     fmt::format("give it as `{0}` or `not {0}`", fact.name)});
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (s.facts[j].fact == f.fact) {
        out.push_back({fmt::format("`{}` is given more than once", fact.name), span,
                       "a situation has one value for each fact"});
      }
    }
  }
  return out;
}

analysis::Box situationBox(const analysis::Domains& domains, const Situation& s) {
  analysis::Box box;
  for (const auto& v : s.values) {
    const analysis::AtomSet& within = domains.valueAtoms(v.dim, v.value);
    analysis::AtomSet own(within.size());
    for (std::uint32_t a = within.first(); a < within.size(); ++a) {
      if (within.test(a) && domains.atomValue(v.dim, a) == v.value) own.set(a);
    }
    // A closed dimension's group of values owns no atom: the situation says "one of them".
    box.setDim(v.dim, own.none() ? within : own);
  }
  const auto& program = domains.program();
  for (const auto& f : s.facts) {
    if (f.fact >= program.facts.size()) continue;
    if (program.facts[f.fact].kind == model::FactKind::Flag) {
      box.setFlag(f.fact, f.value != 0);
    } else {
      box.setCount(f.fact, {f.value, f.value});
    }
  }
  if (s.date) box.dates = {s.date->days, s.date->days};
  return box;
}

std::vector<char> actorMembership(const model::Program& program, const Situation& s) {
  std::vector<char> in(program.actors.size(), 0);
  for (Index c = 0; c < program.actors.size(); ++c) {
    for (Index g : s.actorClasses) {
      if (g < program.actors.size() && program.actorWithin(g, c)) {
        in[c] = 1;
        break;
      }
    }
  }
  return in;
}

}  // namespace nomos::eval
