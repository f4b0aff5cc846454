#include "eval/evaluator.h"

#include <algorithm>

namespace nomos::eval {

namespace {

using analysis::Box;
using analysis::Range;
using analysis::Region;

/// Is the item left free by the box (or, for a dimension, given only as a group of values)?
bool leftFree(const Box& box, const Unspecified& u, const analysis::Domains& domains) {
  switch (u.kind) {
    case Unspecified::Kind::Dimension: {
      const analysis::AtomSet* atoms = box.dimAtoms(u.index);
      return atoms == nullptr || atoms->count() > 1;
    }
    case Unspecified::Kind::Fact: {
      const auto& program = domains.program();
      if (program.facts[u.index].kind == model::FactKind::Flag)
        return !box.flag(u.index).has_value();
      Range r = box.count(u.index);
      return r.lo != r.hi;
    }
    case Unspecified::Kind::Date:
      return box.dates.lo != box.dates.hi;
    case Unspecified::Kind::TooComplex:
      return true;
  }
  return true;
}

/// Does some box of `inner` narrow the item further than `box` does?
bool narrowed(const Region& inner, const Box& box, const Unspecified& u) {
  for (const Box& b : inner.boxes) {
    switch (u.kind) {
      case Unspecified::Kind::Dimension: {
        const analysis::AtomSet* mine = b.dimAtoms(u.index);
        const analysis::AtomSet* given = box.dimAtoms(u.index);
        if (mine && (!given || !(*mine == *given))) return true;
        break;
      }
      case Unspecified::Kind::Fact:
        if (b.flag(u.index).has_value() && !box.flag(u.index).has_value()) return true;
        if (b.count(u.index) != box.count(u.index)) return true;
        break;
      case Unspecified::Kind::Date:
        if (b.dates != box.dates) return true;
        break;
      case Unspecified::Kind::TooComplex:
        break;
    }
  }
  return false;
}

Range intersectRange(Range a, Range b) { return {std::max(a.lo, b.lo), std::min(a.hi, b.hi)}; }

}  // namespace

Status statusOf(model::Modality m) {
  switch (m) {
    case model::Modality::Must:
      return Status::Obliged;
    case model::Modality::MustNot:
      return Status::Forbidden;
    case model::Modality::May:
      return Status::Permitted;
    case model::Modality::NeedNot:
      return Status::Exempt;
  }
  return Status::Obliged;
}

const char* statusName(Status s) {
  switch (s) {
    case Status::Obliged:
      return "obliged";
    case Status::Forbidden:
      return "forbidden";
    case Status::Permitted:
      return "permitted";
    case Status::Exempt:
      return "exempt";
  }
  return "obliged";
}

Truth ClashAnswer::unresolved() const {
  if (clash.pair.rule == analysis::PairRule::Deadline) return Truth::No;
  if (clash.undetermined) return Truth::Unknown;
  return truthOf(!clash.resolution.resolved);
}

const NormAnswer* Evaluation::find(Index norm) const {
  auto it = std::lower_bound(norms.begin(), norms.end(), norm,
                             [](const NormAnswer& a, Index n) { return a.norm < n; });
  return it != norms.end() && it->norm == norm ? &*it : nullptr;
}

const ClashAnswer* Evaluation::clashBetween(Index a, Index b) const {
  for (const auto& c : clashes) {
    const auto& p = c.clash.pair;
    if ((p.x == a && p.y == b) || (p.x == b && p.y == a)) return &c;
  }
  return nullptr;
}

Evaluator::Evaluator(analysis::Engine& engine) : engine_(engine) {
  const auto& p = engine.program();
  byAction_.assign(p.actions.size(), {});
  for (Index n = 0; n < p.norms.size(); ++n) {
    if (p.norms[n].action < p.actions.size()) byAction_[p.norms[n].action].push_back(n);
  }
  incompatible_.assign(p.actions.size(), {});
  if (!p.incompatibles.empty()) {
    for (Index a = 0; a < p.actions.size(); ++a) {
      for (Index b = 0; b < p.actions.size(); ++b) {
        if (p.actionsIncompatible(a, b)) incompatible_[a].push_back(b);
      }
    }
  }
}

Truth Evaluator::regionTruth(const Region& region, const Box& box, const std::vector<Index>& dims,
                             const std::vector<Index>& facts,
                             std::optional<Unspecified>* dependsOn) const {
  bool meets = false;
  for (const Box& b : region.boxes) {
    if (analysis::contains(b, box)) return Truth::Yes;
    if (!meets && analysis::intersects(b, box)) meets = true;
  }
  if (!meets) return Truth::No;
  const auto& alg = engine_.algebra();
  Region inside;
  try {
    if (!alg.uncovered(box, region)) return Truth::Yes;  // covered by several boxes together
    inside = alg.intersect(region, Region{{box}});
  } catch (const analysis::RegionTooLarge&) {
    if (dependsOn) *dependsOn = Unspecified{Unspecified::Kind::TooComplex, model::kNone};
    return Truth::Unknown;
  }
  if (dependsOn) {
    std::vector<Unspecified> items;
    for (Index d : dims) items.push_back({Unspecified::Kind::Dimension, d});
    for (Index f : facts) items.push_back({Unspecified::Kind::Fact, f});
    const auto& domains = engine_.domains();
    std::optional<Unspecified> firstFree;
    for (const auto& u : items) {
      if (!leftFree(box, u, domains)) continue;
      if (!firstFree) firstFree = u;
      if (narrowed(inside, box, u)) {
        *dependsOn = u;
        return Truth::Unknown;
      }
    }
    *dependsOn = firstFree.value_or(Unspecified{Unspecified::Kind::TooComplex, model::kNone});
  }
  return Truth::Unknown;
}

Truth Evaluator::conditionHolds(Index norm, const Box& box,
                                std::optional<Unspecified>* dependsOn) const {
  Range w = engine_.window(norm);
  Truth inWindow = Truth::Yes;
  if (!w.contains(box.dates)) inWindow = w.overlaps(box.dates) ? Truth::Unknown : Truth::No;
  if (inWindow == Truth::No) return Truth::No;
  if (!engine_.usable(norm)) {
    if (dependsOn) *dependsOn = Unspecified{Unspecified::Kind::TooComplex, model::kNone};
    return Truth::Unknown;
  }
  Truth cond = regionTruth(engine_.condition(norm), box, engine_.mentionedDims(norm),
                           engine_.mentionedFacts(norm), dependsOn);
  if (cond == Truth::Yes && inWindow == Truth::Unknown && dependsOn)
    *dependsOn = Unspecified{Unspecified::Kind::Date};
  return cond && inWindow;
}

Truth Evaluator::claimHolds(const Evaluation& e, Index claim,
                            std::optional<Unspecified>* dependsOn) const {
  if (!engine_.claimUsable(claim)) {
    if (dependsOn) *dependsOn = Unspecified{Unspecified::Kind::TooComplex, model::kNone};
    return Truth::Unknown;
  }
  std::vector<Index> dims, facts;
  analysis::collectMentions(program().claims[claim].condition, dims, facts);
  return regionTruth(engine_.claimRegion(claim), e.box, dims, facts, dependsOn);
}

Evaluation Evaluator::evaluate(const Situation& s) const {
  const auto& p = program();
  Evaluation e;
  e.box = situationBox(engine_.domains(), s);
  e.actorIn = actorMembership(p, s);
  e.action = s.action;

  auto consider = [&](Index n, bool precluded) {
    Index subject = p.norms[n].subject;
    if (subject >= e.actorIn.size() || !e.actorIn[subject]) return;
    std::optional<Unspecified> dep;
    Truth t = conditionHolds(n, e.box, &dep);
    if (t == Truth::No) return;
    NormAnswer ans;
    ans.norm = n;
    ans.precluded = precluded;
    ans.applies = t;
    if (t == Truth::Unknown) ans.dependsOn = dep;
    e.norms.push_back(ans);
  };
  // Candidates: norms on the action or an action above it (doing a is doing its parent),
  // whose subject the actor belongs to; then the obligations the action precludes.
  if (s.action < p.actions.size()) {
    for (Index a = s.action, steps = 0; a < p.actions.size() && steps <= p.actions.size();
         a = p.actions[a].parent, ++steps) {
      for (Index n : byAction_[a]) consider(n, false);
    }
    for (Index b : incompatible_[s.action]) {
      for (Index n : byAction_[b]) {
        if (p.norms[n].modality == model::Modality::Must && !p.actionWithin(s.action, b))
          consider(n, true);
      }
    }
  }
  std::sort(e.norms.begin(), e.norms.end(), [](const NormAnswer& a, const NormAnswer& b) {
    return a.norm != b.norm ? a.norm < b.norm : a.precluded < b.precluded;
  });
  e.norms.erase(
      std::unique(e.norms.begin(), e.norms.end(),
                  [](const NormAnswer& a, const NormAnswer& b) { return a.norm == b.norm; }),
      e.norms.end());

  const auto& alg = engine_.algebra();
  for (std::size_t i = 0; i < e.norms.size(); ++i) {
    for (std::size_t j = i + 1; j < e.norms.size(); ++j) {
      Index ni = e.norms[i].norm, nj = e.norms[j].norm;
      auto rp = engine_.pairRule(ni, nj);
      if (!rp) continue;
      // A precluded obligation clashes only as what the action precludes.
      bool incompatibleRule = rp->rule == analysis::PairRule::IncompatibleObligations ||
                              rp->rule == analysis::PairRule::PermissionIncompatible;
      if ((e.norms[i].precluded || e.norms[j].precluded) && !incompatibleRule) continue;
      Range dates =
          intersectRange(intersectRange(e.box.dates, engine_.window(ni)), engine_.window(nj));
      Region where;
      if (e.norms[i].applies == Truth::Yes && e.norms[j].applies == Truth::Yes) {
        Box b = e.box;
        b.dates = dates;
        where.boxes.push_back(std::move(b));
      } else {
        try {
          where = alg.intersect(alg.intersect(engine_.condition(ni), engine_.condition(nj)),
                                Region{{e.box}});
        } catch (const analysis::RegionTooLarge&) {
          where = Region{{e.box}};
        }
        where = analysis::Algebra::restrictDates(std::move(where), dates);
        if (where.empty()) continue;  // never both at once here
      }
      ClashAnswer c;
      c.clash = engine_.resolveIn(*rp, where);
      c.meets = e.norms[i].applies && e.norms[j].applies;
      if (c.clash.undetermined) {
        for (Index d : c.clash.dependsOnDims) {
          Unspecified u{Unspecified::Kind::Dimension, d};
          if (!c.dependsOn && leftFree(e.box, u, engine_.domains())) c.dependsOn = u;
        }
        for (Index f : c.clash.dependsOnFacts) {
          Unspecified u{Unspecified::Kind::Fact, f};
          if (!c.dependsOn && leftFree(e.box, u, engine_.domains())) c.dependsOn = u;
        }
        if (!c.dependsOn) c.dependsOn = Unspecified{Unspecified::Kind::Date};
      }
      std::size_t index = e.clashes.size();
      auto setAside = [&](NormAnswer& loser, Truth by) {
        Truth before = loser.overridden;
        loser.overridden = loser.overridden || by;
        if (before == Truth::No && loser.overridden != Truth::No) loser.overriddenBy = index;
        if (before == Truth::Unknown && loser.overridden == Truth::Yes) loser.overriddenBy = index;
      };
      NormAnswer& ai = e.norms[i];
      NormAnswer& aj = e.norms[j];
      if (c.clash.prevailing == ni) {
        setAside(aj, ai.applies);
      } else if (c.clash.prevailing == nj) {
        setAside(ai, aj.applies);
      } else if (c.clash.undetermined) {
        setAside(ai, Truth::Unknown);
        setAside(aj, Truth::Unknown);
      }
      e.clashes.push_back(std::move(c));
    }
  }
  return e;
}

}  // namespace nomos::eval
