// Lowering of norms and conditions.
#include <array>

#include <fmt/format.h>

#include "syntax/lowering.h"

namespace nomos::syntax {

namespace {

// The clauses of a norm in the order LANGUAGE.md §4 prescribes.
enum ClauseRank { kWhere, kUnless, kWithin, kEffective, kUntil, kPrevails, kClauseCount };
constexpr std::array<const char*, kClauseCount> kClauseNames = {
    "where", "unless", "within", "effective", "until", "prevails over"};

int rankOf(NomosParser::NormClauseContext* clause) {
  using P = NomosParser;
  if (dynamic_cast<P::WhereClauseContext*>(clause)) return kWhere;
  if (dynamic_cast<P::UnlessClauseContext*>(clause)) return kUnless;
  if (dynamic_cast<P::WithinClauseContext*>(clause)) return kWithin;
  if (dynamic_cast<P::EffectiveClauseContext*>(clause)) return kEffective;
  if (dynamic_cast<P::UntilClauseContext*>(clause)) return kUntil;
  if (dynamic_cast<P::PrevailsClauseContext*>(clause)) return kPrevails;
  return -1;
}

const char* duplicateHelp(int rank) {
  switch (rank) {
    case kWhere:
      return "join the conditions into one with `and`";
    case kUnless:
      return "join the exceptions into one with `or`";
    case kPrevails:
      return "name every norm in one clause: `prevails over a, b`";
    default:
      return "keep one of them";
  }
}

ast::Condition makeCondition(ast::Condition::Kind kind, ast::Span span) {
  ast::Condition c;
  c.kind = kind;
  c.span = span;
  return c;
}

}  // namespace

ast::Norm Lowering::lowerNorm(P::NormDeclContext* ctx) {
  ast::Norm n;
  n.doc = doc(ctx);
  n.name = ident(ctx->name);
  n.title = title(ctx->title());
  if (auto* citation = ctx->citation()) {
    n.from = qualName(citation->instrument);
    if (citation->article != nullptr) {
      n.article = stringValue(citation->article);
      n.articleSpan = span(citation->article);
    }
  }
  n.subject = qualName(ctx->subject);
  lowerModality(ctx->modality(), n);
  n.action = qualName(ctx->action);

  std::array<P::NormClauseContext*, kClauseCount> seen{};
  int latest = -1;
  for (auto* clause : ctx->normClause()) {
    int rank = rankOf(clause);
    if (rank < 0) continue;
    if (seen[rank] != nullptr) {
      auto& d = s_.diags.report(diag::DiagId::DuplicateClause, span(clause), kClauseNames[rank]);
      d.related.push_back({span(seen[rank]), "the first one is here"});
      d.help.push_back(duplicateHelp(rank));
      continue;
    }
    if (rank < latest) {
      auto& d = s_.diags.report(diag::DiagId::ClauseOrder, span(clause), kClauseNames[rank],
                                kClauseNames[latest]);
      d.related.push_back(
          {span(seen[latest]), fmt::format("the `{}` clause is here", kClauseNames[latest])});
      d.help.push_back(
          "a norm's clauses come in this order: where, unless, within, effective, until, prevails "
          "over");
    }
    seen[rank] = clause;
    latest = std::max(latest, rank);
    if (auto* c = dynamic_cast<P::WhereClauseContext*>(clause)) {
      n.where = lowerCondition(c->condition());
    } else if (auto* c = dynamic_cast<P::UnlessClauseContext*>(clause)) {
      n.unless = lowerCondition(c->condition());
    } else if (auto* c = dynamic_cast<P::WithinClauseContext*>(clause)) {
      n.within = duration(c->duration());
    } else if (auto* c = dynamic_cast<P::EffectiveClauseContext*>(clause)) {
      if (c->DateLiteral()) n.effective = date(c->DateLiteral()->getSymbol());
    } else if (auto* c = dynamic_cast<P::UntilClauseContext*>(clause)) {
      if (c->DateLiteral()) n.until = date(c->DateLiteral()->getSymbol());
    } else if (auto* c = dynamic_cast<P::PrevailsClauseContext*>(clause)) {
      n.prevailsOver = nameList(c->nameList());
    }
  }
  n.span = span(ctx);
  return n;
}

void Lowering::lowerModality(P::ModalityContext* ctx, ast::Norm& norm) {
  if (ctx == nullptr) return;
  norm.modalitySpan = span(ctx);
  bool negated = ctx->NOT() != nullptr;
  if (ctx->MUST() != nullptr) {
    norm.modality = negated ? ast::Modality::MustNot : ast::Modality::Must;
  } else if (ctx->NEED() != nullptr) {
    norm.modality = ast::Modality::NeedNot;
  } else if (ctx->MAY() != nullptr) {
    norm.modality = ast::Modality::May;
    if (negated) {
      auto& d = s_.diags.report(diag::DiagId::MayNot, norm.modalitySpan);
      d.help.push_back("write `must not` for a prohibition or `need not` for an exemption");
      norm.modality = ast::Modality::MustNot;
    }
  }
}

ast::Condition Lowering::lowerCondition(P::ConditionContext* ctx) {
  if (ctx == nullptr) return makeCondition(ast::Condition::Kind::Flag, s_.span(0u, 0u));
  auto parts = ctx->andCondition();
  if (parts.size() == 1) return lowerAnd(parts.front());
  ast::Condition c = makeCondition(ast::Condition::Kind::Or, span(ctx));
  for (auto* part : parts) c.operands.push_back(lowerAnd(part));
  return c;
}

ast::Condition Lowering::lowerAnd(P::AndConditionContext* ctx) {
  auto parts = ctx->notCondition();
  if (parts.size() == 1) return lowerNot(parts.front());
  ast::Condition c = makeCondition(ast::Condition::Kind::And, span(ctx));
  for (auto* part : parts) c.operands.push_back(lowerNot(part));
  return c;
}

ast::Condition Lowering::lowerNot(P::NotConditionContext* ctx) {
  ast::Condition c = lowerPrimary(ctx->primaryCondition());
  auto nots = ctx->NOT();
  for (auto it = nots.rbegin(); it != nots.rend(); ++it) {
    ast::Condition negation =
        makeCondition(ast::Condition::Kind::Not, s_.span((*it)->getSymbol(), ctx->getStop()));
    negation.operands.push_back(std::move(c));
    c = std::move(negation);
  }
  return c;
}

ast::Condition Lowering::lowerPrimary(P::PrimaryConditionContext* ctx) {
  if (auto* p = dynamic_cast<P::ParenthesizedConditionContext*>(ctx))
    return lowerCondition(p->condition());
  auto* tested = dynamic_cast<P::TestedConditionContext*>(ctx);
  if (tested == nullptr) return makeCondition(ast::Condition::Kind::Flag, span(ctx));
  ast::Condition c = makeCondition(ast::Condition::Kind::Flag, span(ctx));
  c.subject = qualName(tested->subject);
  if (auto* membership = dynamic_cast<P::MembershipTestContext*>(tested->conditionTest())) {
    c.kind = ast::Condition::Kind::In;
    c.negated = membership->NOT() != nullptr;
    if (auto* values = membership->valueSet()) {
      for (auto* v : values->qualName()) c.values.push_back(qualName(v));
    }
  } else if (auto* count = dynamic_cast<P::CountTestContext*>(tested->conditionTest())) {
    c.kind = ast::Condition::Kind::Compare;
    if (auto* cmp = count->comparison()) {
      switch (cmp->getStart()->getType()) {
        case P::GE:
          c.op = ast::CmpOp::Ge;
          break;
        case P::GT:
          c.op = ast::CmpOp::Gt;
          break;
        case P::LE:
          c.op = ast::CmpOp::Le;
          break;
        case P::LT:
          c.op = ast::CmpOp::Lt;
          break;
        default:
          c.op = ast::CmpOp::Eq;
          break;
      }
    }
    if (count->IntegerLiteral()) c.number = integer(count->IntegerLiteral()->getSymbol());
  }
  return c;
}

}  // namespace nomos::syntax
