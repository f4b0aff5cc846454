// Lowering of `test` blocks.
#include <fmt/format.h>

#include "syntax/lowering.h"
#include "syntax/syntax_messages.h"

namespace nomos::syntax {

namespace {
constexpr const char* kExpectations =
    "an expectation (`obliged`, `forbidden`, `permitted`, `exempt`, `conflict`, `not applicable`, "
    "`overlap` or "
    "`resolved`)";
}  // namespace

ast::Test Lowering::lowerTest(P::TestDeclContext* ctx) {
  ast::Test t;
  t.doc = doc(ctx);
  if (ctx->name != nullptr) t.name = stringValue(ctx->name);
  for (auto* statement : ctx->testStatement()) {
    if (auto* given = dynamic_cast<P::GivenStatementContext*>(statement)) {
      // Items with and without a comma before them interleave: keep the source order.
      for (auto* child : given->children) {
        if (auto* item = dynamic_cast<P::GivenItemContext*>(child)) {
          t.given.push_back(lowerGivenItem(item));
        } else if (auto* keywordItem = dynamic_cast<P::KeywordGivenItemContext*>(child)) {
          t.given.push_back(lowerKeywordGivenItem(keywordItem));
        }
      }
    } else if (auto* expect = dynamic_cast<P::ExpectStatementContext*>(statement)) {
      if (auto e = lowerExpectation(expect)) t.expectations.push_back(std::move(*e));
    }
  }
  t.span = span(ctx);
  return t;
}

ast::GivenItem Lowering::lowerGivenItem(P::GivenItemContext* ctx) {
  if (auto* keywordItem = ctx->keywordGivenItem()) return lowerKeywordGivenItem(keywordItem);
  ast::GivenItem item;
  item.span = span(ctx);
  item.name = qualName(ctx->qualName(0));
  if (ctx->NOT() != nullptr) {
    item.kind = ast::GivenItem::Kind::NotFlag;
  } else if (ctx->value != nullptr) {
    item.kind = ast::GivenItem::Kind::Value;
    item.value = qualName(ctx->value);
  } else if (ctx->IntegerLiteral() != nullptr) {
    item.kind = ast::GivenItem::Kind::Count;
    item.number = integer(ctx->IntegerLiteral()->getSymbol());
  } else {
    item.kind = ast::GivenItem::Kind::Name;
  }
  return item;
}

ast::GivenItem Lowering::lowerKeywordGivenItem(P::KeywordGivenItemContext* ctx) {
  ast::GivenItem item;
  item.span = span(ctx);
  if (ctx->DOING() != nullptr) {
    item.kind = ast::GivenItem::Kind::Doing;
    item.name = qualName(ctx->qualName());
  } else {
    item.kind = ast::GivenItem::Kind::Date;
    if (ctx->DateLiteral() != nullptr) item.date = date(ctx->DateLiteral()->getSymbol());
  }
  return item;
}

std::optional<ast::Expectation> Lowering::lowerExpectation(P::ExpectStatementContext* ctx) {
  auto* x = ctx->expectation();
  if (x == nullptr) return std::nullopt;
  ast::Expectation e;
  e.span = s_.span(ctx->getStart(), x->getStop());
  if (auto* st = dynamic_cast<P::StatusExpectationContext*>(x)) {
    e.kind = ast::Expectation::Kind::Status;
    switch (st->status() ? st->status()->getStart()->getType() : std::size_t{P::OBLIGED}) {
      case P::FORBIDDEN:
        e.status = ast::Expectation::Status::Forbidden;
        break;
      case P::PERMITTED:
        e.status = ast::Expectation::Status::Permitted;
        break;
      case P::EXEMPT:
        e.status = ast::Expectation::Status::Exempt;
        break;
      default:
        e.status = ast::Expectation::Status::Obliged;
        break;
    }
    if (st->by != nullptr) e.by = qualName(st->by);
    return e;
  }
  if (auto* c = dynamic_cast<P::ConflictExpectationContext*>(x)) {
    e.kind = ast::Expectation::Kind::Conflict;
    e.names = nameList(c->nameList());
    requireTwo(e.names, "`expect conflict` names the two norms in conflict, separated by a comma");
    return e;
  }
  if (auto* n = dynamic_cast<P::NotApplicableExpectationContext*>(x)) {
    e.kind = ast::Expectation::Kind::NotApplicable;
    e.names.push_back(qualName(n->qualName()));
    return e;
  }
  auto* w = dynamic_cast<P::WordExpectationContext*>(x);
  if (w == nullptr || w->word == nullptr) return std::nullopt;
  std::string_view word = s_.textOf(w->word);
  e.names = nameList(w->nameList());
  if (word == "overlap" || word == "resolved") {
    bool overlap = word == "overlap";
    e.kind = overlap ? ast::Expectation::Kind::Overlap : ast::Expectation::Kind::Resolved;
    const char* what =
        overlap ? "the two sovereignty claims that overlap" : "the two norms in conflict";
    if (e.names.empty()) {
      s_.diags.report(diag::DiagId::SyntaxError, s_.after(w->word),
                      fmt::format("expected {} after `{}`", what, word));
      return std::nullopt;
    }
    requireTwo(e.names, fmt::format("`expect {}` names {}, separated by a comma", word, what));
    if (overlap && w->by != nullptr) {
      s_.diags.report(
          diag::DiagId::SyntaxError, span(w->by),
          "`expect overlap` takes no `by`: overlapping claims are not resolved by a norm");
    } else if (!overlap && w->by == nullptr) {
      auto& d = s_.diags.report(diag::DiagId::SyntaxError, s_.after(x->getStop()),
                                "expected `by` and the norm that prevails");
      d.help.push_back("write `expect resolved n1, n2 by n1;`");
    }
    if (w->by != nullptr) e.by = qualName(w->by);
    return e;
  }
  static const std::vector<std::string> kWords = {"overlap",   "resolved",  "obliged",
                                                  "forbidden", "permitted", "exempt",
                                                  "conflict",  "applicable"};
  if (auto suggestion = closestWord(word, kWords)) {
    auto& d = s_.diags.report(diag::DiagId::UnknownKeyword, span(w->word), word, kExpectations);
    d.help.push_back(fmt::format("did you mean `{}`?",
                                 *suggestion == "applicable" ? "not applicable" : *suggestion));
  } else {
    s_.diags.report(diag::DiagId::SyntaxError, span(w->word),
                    fmt::format("expected {}, found `{}`", kExpectations, word));
  }
  return std::nullopt;
}

}  // namespace nomos::syntax
