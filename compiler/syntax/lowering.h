// Lowering: the ANTLR parse tree of one file into the plain AST of compiler/ast. Also the
// checks a grammar expresses poorly and a message can explain well: literal values (dates,
// integers, escapes), the order of a file's parts and of a norm's clauses, `may not`.
// Works on trees with syntax errors too: every child may be missing.
#pragma once

#include <optional>
#include <string>

#include "ast/ast.h"
#include "syntax/doc_comments.h"
#include "syntax/parse_session.h"
#include "syntax/token_kinds.h"

namespace nomos::syntax {

class Lowering {
 public:
  Lowering(ParseSession& session, DocComments& docs) : s_(session), docs_(docs) {}

  ast::File lowerFile(NomosParser::FileContext* file);

 private:
  using P = NomosParser;

  // lower_declarations.cpp
  void lowerDeclaration(P::DeclarationContext* ctx, ast::File& out);
  ast::Jurisdiction lowerJurisdiction(P::JurisdictionDeclContext* ctx);
  ast::Dimension lowerDimension(P::DimensionDeclContext* ctx);
  std::vector<ast::TaxonomyNode> lowerTaxonomy(P::TaxonomyBlockContext* ctx);
  ast::Fact lowerFact(P::FactDeclContext* ctx);
  ast::Action lowerAction(P::ActionDeclContext* ctx);
  ast::Incompatible lowerIncompatible(P::IncompatibleDeclContext* ctx);
  ast::Actor lowerActor(P::ActorDeclContext* ctx);
  ast::Disjoint lowerDisjoint(P::DisjointDeclContext* ctx);
  ast::Levels lowerLevels(P::LevelsDeclContext* ctx);
  ast::Body lowerBody(P::BodyDeclContext* ctx);
  ast::Instrument lowerInstrument(P::InstrumentDeclContext* ctx);
  ast::Sovereignty lowerSovereignty(P::SovereigntyDeclContext* ctx);
  ast::Agreement lowerAgreement(P::AgreementDeclContext* ctx);

  // lower_norms.cpp
  ast::Norm lowerNorm(P::NormDeclContext* ctx);
  void lowerModality(P::ModalityContext* ctx, ast::Norm& norm);
  ast::Condition lowerCondition(P::ConditionContext* ctx);
  ast::Condition lowerAnd(P::AndConditionContext* ctx);
  ast::Condition lowerNot(P::NotConditionContext* ctx);
  ast::Condition lowerPrimary(P::PrimaryConditionContext* ctx);

  // lower_tests.cpp
  ast::Test lowerTest(P::TestDeclContext* ctx);
  ast::GivenItem lowerGivenItem(P::GivenItemContext* ctx);
  ast::GivenItem lowerKeywordGivenItem(P::KeywordGivenItemContext* ctx);
  std::optional<ast::Expectation> lowerExpectation(P::ExpectStatementContext* ctx);

  // lower_literals.cpp
  ast::Ident ident(antlr4::Token* token);
  ast::QualName qualName(P::QualNameContext* ctx);
  std::vector<ast::QualName> nameList(P::NameListContext* ctx);
  /// Decodes `\"`, `\\` and `\n`; N1011 for any other escape.
  std::string stringValue(antlr4::Token* token);
  std::string title(P::TitleContext* ctx);
  /// N1006 for a date that is not YYYY-MM-DD or not a day of the calendar.
  ast::Date date(antlr4::Token* token);
  /// N1007 beyond int64.
  std::int64_t integer(antlr4::Token* token);
  std::optional<ast::Duration> duration(P::DurationContext* ctx);
  /// N1001 for a list that must name two things or more but names one: `what` says what
  /// the message says what is missing.
  void requireTwo(const std::vector<ast::QualName>& names, std::string_view what);
  std::string doc(antlr4::ParserRuleContext* ctx) {
    return ctx ? docs_.take(ctx->getStart()) : std::string();
  }
  ast::Span span(antlr4::ParserRuleContext* ctx) const { return s_.span(ctx); }
  ast::Span span(antlr4::Token* token) const { return s_.span(token); }
  ast::Span span(antlr4::tree::TerminalNode* node) const {
    return s_.span(node ? node->getSymbol() : nullptr);
  }

  ParseSession& s_;
  DocComments& docs_;
};

}  // namespace nomos::syntax
