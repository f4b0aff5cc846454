#include "model/program.h"

#include <functional>

namespace nomos::model {

namespace {

std::size_t wordsFor(std::size_t n) { return (n + 63) / 64; }

bool testBit(const std::vector<std::uint64_t>& m, std::size_t words, Index row, Index col) {
  return (m[row * words + col / 64] >> (col % 64)) & 1U;
}
void setBit(std::vector<std::uint64_t>& m, std::size_t words, Index row, Index col) {
  m[row * words + col / 64] |= std::uint64_t{1} << (col % 64);
}

/// Reflexive-transitive closure of a parent relation, tolerant of cycles (sema reports those).
void closeOver(std::size_t n, const std::function<const std::vector<Index>&(Index)>& parents,
               std::vector<std::uint64_t>& out, std::size_t& words) {
  words = wordsFor(n);
  out.assign(n * words, 0);
  for (Index i = 0; i < n; ++i) {
    std::vector<Index> stack{i};
    while (!stack.empty()) {
      Index cur = stack.back();
      stack.pop_back();
      if (testBit(out, words, i, cur)) continue;
      setBit(out, words, i, cur);
      for (Index p : parents(cur)) stack.push_back(p);
    }
  }
}

}  // namespace

std::string_view modalityText(Modality m) {
  switch (m) {
    case Modality::Must:
      return "must";
    case Modality::MustNot:
      return "must not";
    case Modality::May:
      return "may";
    case Modality::NeedNot:
      return "need not";
  }
  return "must";
}

void Program::finalize() {
  closeOver(
      jurisdictions.size(),
      [&](Index i) -> const std::vector<Index>& { return jurisdictions[i].memberOf; }, jurWithin_,
      jurWords_);
  std::vector<std::vector<Index>> actionParents(actions.size());
  for (Index i = 0; i < actions.size(); ++i) {
    if (actions[i].parent != kNone) actionParents[i].push_back(actions[i].parent);
  }
  closeOver(
      actions.size(), [&](Index i) -> const std::vector<Index>& { return actionParents[i]; },
      actionWithin_, actionWords_);
  closeOver(
      actors.size(), [&](Index i) -> const std::vector<Index>& { return actors[i].parents; },
      actorWithin_, actorWords_);

  // Disjointness: declared pairs, inherited by every subclass; two distinct bodies hold
  // different organisations.
  actorDisjoint_.assign(actors.size() * actorWords_, 0);
  for (const auto& set : disjoints) {
    for (Index x : set.actors) {
      for (Index y : set.actors) {
        if (x == y) continue;
        for (Index a = 0; a < actors.size(); ++a) {
          if (!actorWithin(a, x)) continue;
          for (Index b = 0; b < actors.size(); ++b) {
            if (actorWithin(b, y)) setBit(actorDisjoint_, actorWords_, a, b);
          }
        }
      }
    }
  }
  for (Index a = 0; a < actors.size(); ++a) {
    for (Index b = 0; b < actors.size(); ++b) {
      if (a != b && actors[a].isBody && actors[b].isBody) setBit(actorDisjoint_, actorWords_, a, b);
    }
  }

  actionIncompatible_.assign(actions.size() * actionWords_, 0);
  for (const auto& set : incompatibles) {
    for (Index x : set.actions) {
      for (Index y : set.actions) {
        if (x == y) continue;
        for (Index a = 0; a < actions.size(); ++a) {
          if (!actionWithin(a, x)) continue;
          for (Index b = 0; b < actions.size(); ++b) {
            if (actionWithin(b, y)) setBit(actionIncompatible_, actionWords_, a, b);
          }
        }
      }
    }
  }
}

bool Program::jurisdictionWithin(Index j, Index container) const {
  return testBit(jurWithin_, jurWords_, j, container);
}
bool Program::actionWithin(Index a, Index ancestor) const {
  return testBit(actionWithin_, actionWords_, a, ancestor);
}
bool Program::actorWithin(Index c, Index ancestor) const {
  return testBit(actorWithin_, actorWords_, c, ancestor);
}
bool Program::actorsDisjoint(Index a, Index b) const {
  return testBit(actorDisjoint_, actorWords_, a, b);
}
bool Program::actionsIncompatible(Index a, Index b) const {
  return testBit(actionIncompatible_, actionWords_, a, b);
}

bool Program::categoryWithin(Index dim, Index c, Index ancestor) const {
  const auto& cats = dimensions[dim].categories;
  for (Index cur = c; cur != kNone; cur = cats[cur].parent) {
    if (cur == ancestor) return true;
  }
  return false;
}

bool Program::issuerEncloses(Issuer outer, Issuer inner) const {
  return outer.kind == Issuer::Kind::Jurisdiction && inner.kind == Issuer::Kind::Jurisdiction &&
         outer.index != inner.index && jurisdictionWithin(inner.index, outer.index);
}

bool Program::issuersRelated(Issuer a, Issuer b) const {
  return a == b || issuerEncloses(a, b) || issuerEncloses(b, a);
}

Window Program::window(const Norm& n) const {
  Window w;
  const Instrument* ins = n.instrument == kNone ? nullptr : &instruments[n.instrument];
  if (n.effective) {
    w.from = *n.effective;
  } else if (ins && ins->effective) {
    w.from = *ins->effective;
  }
  if (n.until) {
    w.to = *n.until;
  } else if (ins && ins->until) {
    w.to = *ins->until;
  }
  return w;
}

Issuer Program::issuer(const Norm& n) const {
  return n.instrument == kNone ? Issuer{} : instruments[n.instrument].issuer;
}

std::string Program::issuerName(Issuer i) const {
  switch (i.kind) {
    case Issuer::Kind::Jurisdiction:
      return jurisdictions[i.index].name;
    case Issuer::Kind::Body:
      return actors[i.index].name;
    case Issuer::Kind::None:
      break;
  }
  return "(no issuer)";
}

std::string Program::citation(const Norm& n) const {
  if (n.instrument == kNone) return {};
  std::string out = instruments[n.instrument].name;
  if (!n.article.empty()) out += ", article " + n.article;
  return out;
}

}  // namespace nomos::model
