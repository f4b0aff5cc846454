#include "syntax/parse_session.h"

namespace nomos::syntax {

namespace {
bool isReal(const antlr4::Token* t) {
  return t != nullptr && t->getStartIndex() != INVALID_INDEX && t->getTokenIndex() != INVALID_INDEX;
}
}  // namespace

source::Span ParseSession::span(const antlr4::Token* token) const {
  if (!isReal(token)) return {file, 0, 0};
  auto begin = static_cast<std::uint32_t>(token->getStartIndex());
  if (token->getType() == antlr4::Token::EOF) return {file, begin, begin};
  return {file, begin, static_cast<std::uint32_t>(token->getStopIndex() + 1)};
}

source::Span ParseSession::span(const antlr4::Token* first, const antlr4::Token* last) const {
  if (!isReal(first)) return span(last);
  source::Span a = span(first);
  if (!isReal(last) || last->getTokenIndex() < first->getTokenIndex()) return a;
  return a.to(span(last));
}

source::Span ParseSession::span(antlr4::ParserRuleContext* ctx) const {
  if (ctx == nullptr) return {file, 0, 0};
  return span(ctx->getStart(), ctx->getStop());
}

std::string_view ParseSession::textOf(const antlr4::Token* token) const {
  source::Span s = span(token);
  return text.substr(s.begin, s.end - s.begin);
}

source::Span ParseSession::after(const antlr4::Token* token) const {
  source::Span s = span(token);
  return {file, s.end, s.end};
}

}  // namespace nomos::syntax
