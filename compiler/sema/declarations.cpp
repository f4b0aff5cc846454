// Pass 1 and 2 of the ProgramBuilder: every named declaration gets its model entry and its
// place in the module's namespace; jurisdictions named only in `members` lists are declared
// where they are first listed.
#include <algorithm>
#include <numeric>

#include "sema/program_builder.h"

namespace nomos::sema {

using diag::DiagId;
using model::Index;
using model::kNone;

model::DeclInfo ProgramBuilder::declInfo(Index m, const ast::Ident& name, const std::string& title,
                                         const std::string& doc, source::Span declSpan) const {
  model::DeclInfo info;
  info.name = name.text;
  const std::string& moduleName = loaded_.modules[m].name;
  info.qualified = moduleName.empty() ? name.text : moduleName + "." + name.text;
  info.title = title;
  info.doc = doc;
  info.span = name.span;
  info.declSpan = declSpan;
  info.module = m;
  return info;
}

void ProgramBuilder::addPending(Index m, SymbolKind kind, Index index, const ast::Ident& name) {
  if (name.text.empty()) return;  // lost to a syntax error, already reported
  pending_[m].push_back(Symbol{kind, index, m, name.text, name.span});
}

void ProgramBuilder::declareModule(Index m) {
  const ast::File& f = loaded_.modules[m].ast;
  model::Program& p = *program_;
  ModuleDecls& d = decls_[m];

  for (const auto& j : f.jurisdictions) {
    model::Jurisdiction mj;
    static_cast<model::DeclInfo&>(mj) = declInfo(m, j.name, j.title, j.doc, j.span);
    auto index = static_cast<Index>(p.jurisdictions.size());
    p.jurisdictions.push_back(std::move(mj));
    implicitJurisdiction_.push_back(0);
    d.jurisdictions.push_back(index);
    addPending(m, SymbolKind::Jurisdiction, index, j.name);
  }
  for (const auto& dim : f.dimensions) declareDimension(m, dim);
  for (const auto& fact : f.facts) {
    model::Fact mf;
    static_cast<model::DeclInfo&>(mf) = declInfo(m, fact.name, fact.title, fact.doc, fact.span);
    mf.kind = fact.isCount ? model::FactKind::Count : model::FactKind::Flag;
    auto index = static_cast<Index>(p.facts.size());
    p.facts.push_back(std::move(mf));
    addPending(m, SymbolKind::Fact, index, fact.name);
  }
  for (const auto& action : f.actions) {
    ast::TaxonomyNode root{action.name, action.title, action.children, action.doc, action.span};
    declareActionTree(m, root, kNone);
  }

  // Actor classes and bodies share one vector; keep them in source order.
  std::size_t ai = 0, bi = 0;
  while (ai < f.actors.size() || bi < f.bodies.size()) {
    bool takeActor = bi == f.bodies.size() ||
                     (ai < f.actors.size() && f.actors[ai].span.begin <= f.bodies[bi].span.begin);
    auto index = static_cast<Index>(p.actors.size());
    model::ActorClass ac;
    if (takeActor) {
      const auto& a = f.actors[ai++];
      static_cast<model::DeclInfo&>(ac) = declInfo(m, a.name, a.title, a.doc, a.span);
      d.actors.push_back(index);
      addPending(m, SymbolKind::ActorClass, index, a.name);
    } else {
      const auto& b = f.bodies[bi++];
      static_cast<model::DeclInfo&>(ac) = declInfo(m, b.name, b.title, b.doc, b.span);
      ac.isBody = true;
      d.bodies.push_back(index);
      addPending(m, SymbolKind::Body, index, b.name);
    }
    p.actors.push_back(std::move(ac));
  }

  for (const auto& chain : f.levels) {
    auto chainIndex = static_cast<Index>(levelsChainModule_.size());
    levelsChainModule_.push_back(m);
    std::vector<Index> indices;
    int rank = 0;
    for (const auto& level : chain.levels) {
      model::Level ml;
      static_cast<model::DeclInfo&>(ml) = declInfo(m, level, "", chain.doc, chain.span);
      ml.chain = chainIndex;
      ml.rank = rank++;
      auto index = static_cast<Index>(p.levels.size());
      p.levels.push_back(std::move(ml));
      indices.push_back(index);
      addPending(m, SymbolKind::Level, index, level);
    }
    d.levels.push_back(std::move(indices));
  }

  for (const auto& ins : f.instruments) {
    model::Instrument mi;
    static_cast<model::DeclInfo&>(mi) = declInfo(m, ins.name, ins.title, ins.doc, ins.span);
    auto index = static_cast<Index>(p.instruments.size());
    p.instruments.push_back(std::move(mi));
    d.instruments.push_back(index);
    addPending(m, SymbolKind::Instrument, index, ins.name);
  }
  for (const auto& norm : f.norms) {
    model::Norm mn;
    static_cast<model::DeclInfo&>(mn) = declInfo(m, norm.name, norm.title, norm.doc, norm.span);
    auto index = static_cast<Index>(p.norms.size());
    p.norms.push_back(std::move(mn));
    d.norms.push_back(index);
    addPending(m, SymbolKind::Norm, index, norm.name);
  }
  for (const auto& claim : f.sovereignties) {
    model::SovereigntyClaim mc;
    static_cast<model::DeclInfo&>(mc) = declInfo(m, claim.name, "", claim.doc, claim.span);
    auto index = static_cast<Index>(p.claims.size());
    p.claims.push_back(std::move(mc));
    d.claims.push_back(index);
    addPending(m, SymbolKind::Claim, index, claim.name);
  }
  for (const auto& agreement : f.agreements) {
    model::Agreement ma;
    static_cast<model::DeclInfo&>(ma) =
        declInfo(m, agreement.name, agreement.title, agreement.doc, agreement.span);
    auto index = static_cast<Index>(p.agreements.size());
    p.agreements.push_back(std::move(ma));
    d.agreements.push_back(index);
    addPending(m, SymbolKind::Agreement, index, agreement.name);
  }
}

void ProgramBuilder::declareDimension(Index m, const ast::Dimension& dim) {
  model::Dimension md;
  static_cast<model::DeclInfo&>(md) = declInfo(m, dim.name, dim.title, dim.doc, dim.span);
  md.territory = dim.territory;
  md.closed = dim.closed;
  auto index = static_cast<Index>(program_->dimensions.size());
  program_->dimensions.push_back(std::move(md));
  categoryIndex_.emplace_back();
  addCategories(index, dim.categories, kNone);
  addPending(m, SymbolKind::Dimension, index, dim.name);
}

void ProgramBuilder::addCategories(Index dim, const std::vector<ast::TaxonomyNode>& nodes,
                                   Index parent) {
  for (const auto& node : nodes) {
    auto& md = program_->dimensions[dim];
    auto index = static_cast<Index>(md.categories.size());
    auto [it, inserted] = categoryIndex_[dim].emplace(node.name.text, index);
    if (!inserted) {
      auto& d = sink().report(DiagId::DuplicateCategory, node.name.span, node.name.text, md.name);
      d.related.push_back({md.categories[it->second].span, "first listed here"});
      d.help.push_back("a category name must be unique within its dimension, at every depth");
    }
    md.categories.push_back(
        model::Category{node.name.text, node.title, node.doc, node.name.span, parent, {}});
    if (parent == kNone) {
      md.roots.push_back(index);
    } else {
      md.categories[parent].children.push_back(index);
    }
    addCategories(dim, node.children, index);
  }
}

void ProgramBuilder::declareActionTree(Index m, const ast::TaxonomyNode& node, Index parent) {
  model::Action ma;
  static_cast<model::DeclInfo&>(ma) = declInfo(m, node.name, node.title, node.doc, node.span);
  ma.parent = parent;
  auto index = static_cast<Index>(program_->actions.size());
  program_->actions.push_back(std::move(ma));
  if (parent != kNone) program_->actions[parent].children.push_back(index);
  addPending(m, SymbolKind::Action, index, node.name);
  for (const auto& child : node.children) declareActionTree(m, child, index);
}

void ProgramBuilder::registerPending(Index m) {
  // In source order, so that the second of two definitions is the one reported.
  auto& pending = pending_[m];
  std::stable_sort(pending.begin(), pending.end(),
                   [](const Symbol& a, const Symbol& b) { return a.span.begin < b.span.begin; });
  for (auto& sym : pending) {
    const Symbol* first = symbols_.declare(sym);
    if (!first) continue;
    if (sym.kind == SymbolKind::Level && first->kind == SymbolKind::Level &&
        program_->levels[sym.index].chain != program_->levels[first->index].chain) {
      auto& d = sink().report(DiagId::DuplicateLevel, sym.span, sym.name);
      d.related.push_back({first->span, fmt::format("`{}` is ordered here", sym.name)});
      d.help.push_back("each level belongs to one chain; list it in only one `levels` declaration");
      continue;
    }
    auto& d = sink().report(DiagId::DuplicateDefinition, sym.span, sym.name);
    d.related.push_back(
        {first->span, fmt::format("first defined here, as {}", kindWithArticle(first->kind))});
    d.help.push_back(
        "rename one of them; names are shared by every kind of declaration in a module");
  }
  pending.clear();
}

void ProgramBuilder::declareImplicitMembers(Index m) {
  const ast::File& f = loaded_.modules[m].ast;
  for (const auto& j : f.jurisdictions) {
    for (const auto& member : j.members) {
      if (member.text.empty()) continue;
      ast::QualName name{{member.text}, member.span};
      if (symbols_.find(m, name).status != Lookup::Status::NotFound) continue;
      model::Jurisdiction mj;
      static_cast<model::DeclInfo&>(mj) = declInfo(m, member, "", "", member.span);
      auto index = static_cast<Index>(program_->jurisdictions.size());
      program_->jurisdictions.push_back(std::move(mj));
      implicitJurisdiction_.push_back(1);
      symbols_.declare(Symbol{SymbolKind::Jurisdiction, index, m, member.text, member.span});
    }
  }
}

void ProgramBuilder::orderJurisdictions() {
  // Implicit members were appended module by module in dependency order; put every
  // jurisdiction back in load order and source order (EU, then DE, FR, ... listed in it).
  auto& js = program_->jurisdictions;
  std::vector<Index> order(js.size());
  std::iota(order.begin(), order.end(), Index{0});
  std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) {
    if (js[a].module != js[b].module) return js[a].module < js[b].module;
    return js[a].span.begin < js[b].span.begin;
  });
  std::vector<Index> newIndex(js.size());
  std::vector<model::Jurisdiction> sorted;
  std::vector<char> implicit;
  sorted.reserve(js.size());
  for (Index pos = 0; pos < order.size(); ++pos) {
    newIndex[order[pos]] = pos;
    sorted.push_back(std::move(js[order[pos]]));
    implicit.push_back(implicitJurisdiction_[order[pos]]);
  }
  js = std::move(sorted);
  implicitJurisdiction_ = std::move(implicit);
  symbols_.remap(SymbolKind::Jurisdiction, newIndex);
  for (auto& d : decls_) {
    for (auto& j : d.jurisdictions) j = newIndex[j];
  }
}

}  // namespace nomos::sema
