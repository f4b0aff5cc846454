// Pass 5: lints that need no analysis. What counts as used:
// - a jurisdiction named anywhere (issuer, value, claim, party, test), and every jurisdiction
//   linked to a used one by membership: listing a country in a union is part of declaring
//   what the union is;
// - an action taxonomy when any action in it is named (it is declared as a whole, like the
//   categories of a dimension, which are not linted one by one);
// - an actor class named anywhere, and the ancestors of one that is (a subclass's actors
//   belong to the parent class);
// - a dimension, fact or instrument named anywhere; a level when any level of its chain is.
// Only the topmost declaration of an unused hierarchy is reported, and nothing declared in a
// library module or implicitly by a `members` list.
#include "sema/program_builder.h"

namespace nomos::sema {

using diag::DiagId;
using model::Index;
using model::kNone;

void ProgramBuilder::runLints() {
  const model::Program& p = *program_;
  // After an error, a reference that failed to resolve may be what would have used a
  // declaration: "never used" would then be wrong, or at best noise.
  const bool reportUnused = !diags_.hasErrors();
  auto isLibrary = [&](const model::DeclInfo& d) {
    return d.module == kNone || p.modules[d.module].isLibrary;
  };
  auto used = [&](SymbolKind k) -> std::vector<char>& {
    return used_[static_cast<std::size_t>(k)];
  };
  auto unused = [&](std::string_view kind, const model::DeclInfo& d) {
    if (!reportUnused) return;
    auto& diag = diags_.report(DiagId::UnusedDeclaration, d.span, kind, d.name);
    diag.help.push_back("remove it, or use it in a norm, a sovereignty clause or a test");
  };

  // Jurisdictions: spread use along membership, both ways.
  {
    std::vector<char> reach = used(SymbolKind::Jurisdiction);
    std::vector<Index> stack;
    for (Index j = 0; j < reach.size(); ++j) {
      if (reach[j]) stack.push_back(j);
    }
    while (!stack.empty()) {
      Index j = stack.back();
      stack.pop_back();
      for (const auto* links : {&p.jurisdictions[j].members, &p.jurisdictions[j].memberOf}) {
        for (Index k : *links) {
          if (!reach[k]) {
            reach[k] = 1;
            stack.push_back(k);
          }
        }
      }
    }
    for (Index j = 0; j < p.jurisdictions.size(); ++j) {
      const auto& jd = p.jurisdictions[j];
      if (reach[j] || implicitJurisdiction_[j] || isLibrary(jd) || !jd.memberOf.empty()) continue;
      unused("jurisdiction", jd);
    }
  }

  // Actions: a taxonomy is declared as a whole, like a dimension's categories, so it is
  // reported (at its root) only when no action in it is used.
  {
    std::vector<char> treeUsed(p.actions.size(), 0);
    for (Index a = 0; a < p.actions.size(); ++a) {
      if (!used(SymbolKind::Action)[a]) continue;
      Index root = a;
      while (p.actions[root].parent != kNone) root = p.actions[root].parent;
      treeUsed[root] = 1;
    }
    for (Index a = 0; a < p.actions.size(); ++a) {
      const auto& ad = p.actions[a];
      if (ad.parent == kNone && !treeUsed[a] && !isLibrary(ad)) unused("action", ad);
    }
  }

  // Actor classes: ancestors of used classes are used.
  {
    std::vector<char> reach = used(SymbolKind::ActorClass);
    std::vector<Index> stack;
    for (Index c = 0; c < reach.size(); ++c) {
      if (reach[c]) stack.push_back(c);
    }
    while (!stack.empty()) {
      Index c = stack.back();
      stack.pop_back();
      for (Index parent : p.actors[c].parents) {
        if (!reach[parent]) {
          reach[parent] = 1;
          stack.push_back(parent);
        }
      }
    }
    for (Index c = 0; c < p.actors.size(); ++c) {
      const auto& cd = p.actors[c];
      if (reach[c] || isLibrary(cd)) continue;
      bool parentUnused = false;
      for (Index parent : cd.parents) parentUnused = parentUnused || !reach[parent];
      if (!parentUnused) unused(cd.isBody ? "body" : "actor class", cd);
    }
  }

  for (Index i = 0; i < p.dimensions.size(); ++i) {
    if (!used(SymbolKind::Dimension)[i] && !isLibrary(p.dimensions[i]))
      unused("dimension", p.dimensions[i]);
  }
  for (Index i = 0; i < p.facts.size(); ++i) {
    if (!used(SymbolKind::Fact)[i] && !isLibrary(p.facts[i])) unused("fact", p.facts[i]);
  }
  for (Index i = 0; i < p.instruments.size(); ++i) {
    if (!used(SymbolKind::Instrument)[i] && !isLibrary(p.instruments[i]))
      unused("instrument", p.instruments[i]);
  }

  // Levels: a chain is used as a whole.
  {
    std::vector<char> chainUsed(levelsChainModule_.size(), 0);
    for (Index l = 0; l < p.levels.size(); ++l) {
      if (used(SymbolKind::Level)[l]) chainUsed[p.levels[l].chain] = 1;
    }
    for (Index l = 0; l < p.levels.size(); ++l) {
      if (!chainUsed[p.levels[l].chain] && !isLibrary(p.levels[l])) unused("level", p.levels[l]);
    }
  }

  for (const auto& n : p.norms) {
    if (isLibrary(n) || n.instrument != kNone) continue;
    auto& d = diags_.report(DiagId::NormWithoutSource, n.span, n.name);
    d.help.push_back(
        "add `from INSTRUMENT article \"N\"` after the title, so documents can cite its source");
  }

  for (Index i = 0; i < p.instruments.size(); ++i) {
    const auto& ins = p.instruments[i];
    if (isLibrary(ins) || !ins.until || !(*ins.until < options_.today)) continue;
    auto& d = diags_.report(DiagId::InstrumentExpired, ins.span, ins.name,
                            model::formatDate(*ins.until), model::formatDate(options_.today));
    d.related.push_back({instrumentDateSpans_[i].second, "its `until` date is here"});
    d.help.push_back(
        "its norms no longer apply; remove the instrument or correct its `until` date");
  }
}

}  // namespace nomos::sema
