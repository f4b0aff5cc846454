// Lowering of the file structure and of every declaration but norms and tests.
#include <fmt/format.h>

#include "syntax/lowering.h"

namespace nomos::syntax {

ast::File Lowering::lowerFile(P::FileContext* file) {
  ast::File out;
  out.file = s_.file;
  if (file == nullptr) return out;
  bool sawImport = false;
  bool sawDeclaration = false;
  for (auto* item : file->topLevel()) {
    if (auto* m = item->moduleDecl()) {
      ast::Module module{qualName(m->qualName()), span(m)};
      if (out.module) {
        auto& d = s_.diags.report(diag::DiagId::SyntaxError, module.span,
                                  "a file has only one `module` line");
        d.related.push_back({out.module->span, "the module is named here"});
      } else {
        if (sawImport || sawDeclaration) {
          auto& d = s_.diags.report(diag::DiagId::SyntaxError, module.span,
                                    "the `module` line must come first in the file");
          d.help.push_back("move it above the imports and declarations");
        }
        out.module = std::move(module);
      }
    } else if (auto* i = item->importDecl()) {
      ast::Import import{qualName(i->qualName()), i->PUBLIC() != nullptr, span(i)};
      if (i->path != nullptr) {
        // `import "a/b.nomos"`: the path becomes the one part of the name; sema rejects it.
        import.name.parts = {stringValue(i->path)};
        import.name.span = span(i->path);
      }
      if (sawDeclaration) {
        auto& d = s_.diags.report(diag::DiagId::SyntaxError, import.span,
                                  "imports must come before the declarations");
        d.help.push_back(
            fmt::format("move `import {};` up, after the `module` line", import.name.str()));
      }
      out.imports.push_back(std::move(import));
      sawImport = true;
    } else if (auto* decl = item->declaration()) {
      lowerDeclaration(decl, out);
      sawDeclaration = true;
    }
  }
  return out;
}

void Lowering::lowerDeclaration(P::DeclarationContext* ctx, ast::File& out) {
  if (auto* c = ctx->jurisdictionDecl()) out.jurisdictions.push_back(lowerJurisdiction(c));
  if (auto* c = ctx->dimensionDecl()) out.dimensions.push_back(lowerDimension(c));
  if (auto* c = ctx->factDecl()) out.facts.push_back(lowerFact(c));
  if (auto* c = ctx->actionDecl()) out.actions.push_back(lowerAction(c));
  if (auto* c = ctx->incompatibleDecl()) out.incompatibles.push_back(lowerIncompatible(c));
  if (auto* c = ctx->actorDecl()) out.actors.push_back(lowerActor(c));
  if (auto* c = ctx->disjointDecl()) out.disjoints.push_back(lowerDisjoint(c));
  if (auto* c = ctx->levelsDecl()) out.levels.push_back(lowerLevels(c));
  if (auto* c = ctx->bodyDecl()) out.bodies.push_back(lowerBody(c));
  if (auto* c = ctx->instrumentDecl()) out.instruments.push_back(lowerInstrument(c));
  if (auto* c = ctx->normDecl()) out.norms.push_back(lowerNorm(c));
  if (auto* c = ctx->sovereigntyDecl()) out.sovereignties.push_back(lowerSovereignty(c));
  if (auto* c = ctx->agreementDecl()) out.agreements.push_back(lowerAgreement(c));
  if (auto* c = ctx->testDecl()) out.tests.push_back(lowerTest(c));
}

ast::Jurisdiction Lowering::lowerJurisdiction(P::JurisdictionDeclContext* ctx) {
  ast::Jurisdiction j;
  j.doc = doc(ctx);
  j.name = ident(ctx->name);
  j.title = title(ctx->title());
  for (auto* members : ctx->membersClause()) {
    for (auto* member : members->Identifier()) j.members.push_back(ident(member->getSymbol()));
  }
  j.span = span(ctx);
  return j;
}

ast::Dimension Lowering::lowerDimension(P::DimensionDeclContext* ctx) {
  ast::Dimension d;
  d.doc = doc(ctx);
  d.name = ident(ctx->name);
  d.closed = ctx->CLOSED() != nullptr;
  d.territory = ctx->TERRITORY() != nullptr;
  d.title = title(ctx->title());
  d.categories = lowerTaxonomy(ctx->taxonomyBlock());
  d.span = span(ctx);
  return d;
}

// Recursion is bounded: checkNesting has limited the depth of braces.
std::vector<ast::TaxonomyNode> Lowering::lowerTaxonomy(P::TaxonomyBlockContext* ctx) {
  std::vector<ast::TaxonomyNode> nodes;
  if (ctx == nullptr) return nodes;
  for (auto* n : ctx->taxonomyNode()) {
    ast::TaxonomyNode node;
    node.doc = doc(n);
    node.name = ident(n->name);
    node.title = title(n->title());
    node.children = lowerTaxonomy(n->taxonomyBlock());
    node.span = span(n);
    nodes.push_back(std::move(node));
  }
  return nodes;
}

ast::Fact Lowering::lowerFact(P::FactDeclContext* ctx) {
  ast::Fact f;
  f.doc = doc(ctx);
  f.name = ident(ctx->name);
  f.isCount = ctx->COUNT() != nullptr;
  f.title = title(ctx->title());
  f.span = span(ctx);
  return f;
}

ast::Action Lowering::lowerAction(P::ActionDeclContext* ctx) {
  ast::Action a;
  a.doc = doc(ctx);
  a.name = ident(ctx->name);
  a.title = title(ctx->title());
  a.children = lowerTaxonomy(ctx->taxonomyBlock());
  a.span = span(ctx);
  return a;
}

ast::Incompatible Lowering::lowerIncompatible(P::IncompatibleDeclContext* ctx) {
  ast::Incompatible i;
  i.doc = doc(ctx);
  i.actions = nameList(ctx->nameList());
  requireTwo(i.actions, "`incompatible` needs at least two actions, separated by commas");
  i.span = span(ctx);
  return i;
}

ast::Actor Lowering::lowerActor(P::ActorDeclContext* ctx) {
  ast::Actor a;
  a.doc = doc(ctx);
  a.name = ident(ctx->name);
  a.parents = nameList(ctx->parents);
  a.title = title(ctx->title());
  a.span = span(ctx);
  return a;
}

ast::Disjoint Lowering::lowerDisjoint(P::DisjointDeclContext* ctx) {
  ast::Disjoint d;
  d.doc = doc(ctx);
  d.actors = nameList(ctx->nameList());
  requireTwo(d.actors, "`disjoint` needs at least two actor classes, separated by commas");
  d.span = span(ctx);
  return d;
}

ast::Levels Lowering::lowerLevels(P::LevelsDeclContext* ctx) {
  ast::Levels l;
  l.doc = doc(ctx);
  for (auto* level : ctx->Identifier()) l.levels.push_back(ident(level->getSymbol()));
  l.span = span(ctx);
  return l;
}

ast::Body Lowering::lowerBody(P::BodyDeclContext* ctx) {
  ast::Body b;
  b.doc = doc(ctx);
  b.name = ident(ctx->name);
  b.actorClass = qualName(ctx->actorClass);
  b.title = title(ctx->title());
  b.span = span(ctx);
  return b;
}

ast::Instrument Lowering::lowerInstrument(P::InstrumentDeclContext* ctx) {
  ast::Instrument in;
  in.doc = doc(ctx);
  in.name = ident(ctx->name);
  in.title = title(ctx->title());
  for (auto* field : ctx->instrumentField()) {
    if (auto* f = dynamic_cast<P::IssuerFieldContext*>(field)) {
      in.issuer.push_back(qualName(f->qualName()));
    } else if (auto* f = dynamic_cast<P::LevelFieldContext*>(field)) {
      in.level.push_back(qualName(f->qualName()));
    } else if (auto* f = dynamic_cast<P::EffectiveFieldContext*>(field)) {
      if (f->DateLiteral()) in.effective.push_back(date(f->DateLiteral()->getSymbol()));
    } else if (auto* f = dynamic_cast<P::UntilFieldContext*>(field)) {
      if (f->DateLiteral()) in.until.push_back(date(f->DateLiteral()->getSymbol()));
    }
  }
  in.span = span(ctx);
  return in;
}

ast::Sovereignty Lowering::lowerSovereignty(P::SovereigntyDeclContext* ctx) {
  ast::Sovereignty sv;
  sv.doc = doc(ctx);
  sv.name = ident(ctx->name);
  sv.jurisdiction = qualName(ctx->jurisdiction);
  sv.exclusive = ctx->EXCLUSIVE() != nullptr;
  sv.condition = lowerCondition(ctx->condition());
  sv.span = span(ctx);
  return sv;
}

ast::Agreement Lowering::lowerAgreement(P::AgreementDeclContext* ctx) {
  ast::Agreement a;
  a.doc = doc(ctx);
  a.name = ident(ctx->name);
  a.title = title(ctx->title());
  a.parties = nameList(ctx->parties);
  requireTwo(a.parties, "an agreement needs at least two parties, separated by commas");
  for (auto* item : ctx->agreementItem()) {
    if (auto* e = dynamic_cast<P::AgreementEffectiveContext*>(item)) {
      if (e->DateLiteral()) a.effective.push_back(date(e->DateLiteral()->getSymbol()));
    } else if (auto* u = dynamic_cast<P::AgreementUntilContext*>(item)) {
      if (u->DateLiteral()) a.until.push_back(date(u->DateLiteral()->getSymbol()));
    } else if (auto* d = dynamic_cast<P::DeferenceContext*>(item)) {
      ast::Deference deference;
      deference.from = qualName(d->from);
      deference.to = qualName(d->to);
      deference.condition = lowerCondition(d->condition());
      deference.span = span(d);
      a.deferences.push_back(std::move(deference));
    }
  }
  a.span = span(ctx);
  return a;
}

}  // namespace nomos::syntax
