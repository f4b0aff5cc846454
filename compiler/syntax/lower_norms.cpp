// Lowering of norms and conditions.
#include <array>
#include <typeinfo>

#include <fmt/format.h>

#include "syntax/lowering.h"

namespace nomos::syntax {

namespace {

// The clauses of a norm in the order LANGUAGE.md §4 prescribes.
enum ClauseRank { kWhere, kUnless, kWithin, kEffective, kUntil, kPrevails, kClauseCount };
constexpr std::array<const char*, kClauseCount> kClauseNames = {
    "where", "unless", "within", "effective", "until", "prevails over"};

/// `ctx` as the context of one labelled alternative, or null. The alternative is first
/// guessed from its first token and then confirmed by exact type: comparing the type of the
/// same class is a pointer comparison, where each failed dynamic_cast walked the class
/// hierarchy comparing type names (a tenth of the front end's time).
template <class T, class Base>
T* as(Base* ctx) {
  return ctx != nullptr && typeid(*ctx) == typeid(T) ? static_cast<T*>(ctx) : nullptr;
}

int rankOf(NomosParser::NormClauseContext* clause) {
  using P = NomosParser;
  switch (clause->getStart()->getType()) {
    case P::WHERE:
      return as<P::WhereClauseContext>(clause) ? kWhere : -1;
    case P::UNLESS:
      return as<P::UnlessClauseContext>(clause) ? kUnless : -1;
    case P::WITHIN:
      return as<P::WithinClauseContext>(clause) ? kWithin : -1;
    case P::EFFECTIVE:
      return as<P::EffectiveClauseContext>(clause) ? kEffective : -1;
    case P::UNTIL:
      return as<P::UntilClauseContext>(clause) ? kUntil : -1;
    case P::PREVAILS:
      return as<P::PrevailsClauseContext>(clause) ? kPrevails : -1;
    default:
      return -1;
  }
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
    // rankOf confirmed the exact type of the clause.
    switch (rank) {
      case kWhere:
        n.where = lowerCondition(static_cast<P::WhereClauseContext*>(clause)->condition());
        break;
      case kUnless:
        n.unless = lowerCondition(static_cast<P::UnlessClauseContext*>(clause)->condition());
        break;
      case kWithin:
        n.within = duration(static_cast<P::WithinClauseContext*>(clause)->duration());
        break;
      case kEffective:
        if (auto* d = static_cast<P::EffectiveClauseContext*>(clause)->DateLiteral())
          n.effective = date(d->getSymbol());
        break;
      case kUntil:
        if (auto* d = static_cast<P::UntilClauseContext*>(clause)->DateLiteral())
          n.until = date(d->getSymbol());
        break;
      case kPrevails:
        n.prevailsOver = nameList(static_cast<P::PrevailsClauseContext*>(clause)->nameList());
        break;
      default:
        break;
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
  if (ctx != nullptr && ctx->getStart()->getType() == P::LPAREN) {
    if (auto* p = as<P::ParenthesizedConditionContext>(ctx)) return lowerCondition(p->condition());
  }
  auto* tested = as<P::TestedConditionContext>(ctx);
  if (tested == nullptr) return makeCondition(ast::Condition::Kind::Flag, span(ctx));
  ast::Condition c = makeCondition(ast::Condition::Kind::Flag, span(ctx));
  c.subject = qualName(tested->subject);
  P::ConditionTestContext* test = tested->conditionTest();
  const bool membershipFirst = test != nullptr && (test->getStart()->getType() == P::NOT ||
                                                   test->getStart()->getType() == P::IN);
  P::MembershipTestContext* membership =
      membershipFirst ? as<P::MembershipTestContext>(test) : nullptr;
  if (membership != nullptr) {
    c.kind = ast::Condition::Kind::In;
    c.negated = membership->NOT() != nullptr;
    if (auto* values = membership->valueSet()) {
      for (auto* v : values->qualName()) c.values.push_back(qualName(v));
    }
  } else if (auto* count = as<P::CountTestContext>(test)) {
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
