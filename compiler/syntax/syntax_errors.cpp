#include "syntax/syntax_errors.h"

#include <algorithm>

#include <fmt/format.h>

#include "syntax/syntax_messages.h"
#include "syntax/token_kinds.h"

namespace nomos::syntax {

namespace {

using P = NomosParser;

// Rules whose body is a list of items between braces.
bool isBlockRule(std::size_t rule) {
  return rule == P::RuleJurisdictionDecl || rule == P::RuleTaxonomyBlock ||
         rule == P::RuleInstrumentDecl || rule == P::RuleAgreementDecl || rule == P::RuleTestDecl;
}

antlr4::Token* previousOnChannel(ParseSession& s, std::size_t index) {
  while (index > 0) {
    --index;
    antlr4::Token* t = s.tokens->get(index);
    if (t->getChannel() == antlr4::Token::DEFAULT_CHANNEL) return t;
  }
  return nullptr;
}

std::size_t indexOf(ParseSession& s, const antlr4::Token* t) {
  std::size_t i = t->getTokenIndex();
  // A token the parser invented has no index; it stands where the current token is.
  if (i == INVALID_INDEX) return s.tokens->index();
  return i;
}

// One statement, one message: an error is an echo when no statement boundary separates it
// from the previous one, or when a lexical error was found earlier in its statement.
bool isEcho(ParseSession& s, std::size_t at) {
  if (s.lastSyntaxError >= 0) {
    auto last = static_cast<std::size_t>(s.lastSyntaxError);
    if (at <= last) return true;
    bool boundary = false;
    for (std::size_t i = last; i < at && !boundary; ++i) {
      antlr4::Token* t = s.tokens->get(i);
      boundary =
          t->getChannel() == antlr4::Token::DEFAULT_CHANNEL && isStatementBoundary(t->getType());
    }
    if (!boundary) return true;
  }
  if (s.lexicalErrors.empty()) return false;
  std::uint32_t statementStart = 0;
  for (std::size_t i = at; i > 0;) {
    --i;
    antlr4::Token* t = s.tokens->get(i);
    if (t->getChannel() == antlr4::Token::DEFAULT_CHANNEL && isStatementBoundary(t->getType())) {
      statementStart = static_cast<std::uint32_t>(t->getStopIndex() + 1);
      break;
    }
  }
  std::uint32_t end = s.span(s.tokens->get(at)).end;
  auto it = std::lower_bound(s.lexicalErrors.begin(), s.lexicalErrors.end(), statementStart);
  return it != s.lexicalErrors.end() && *it <= end;
}

bool onLaterLine(ParseSession& s, const antlr4::Token* before, const antlr4::Token* after) {
  auto a = s.span(before).end;
  auto b = s.span(after).begin;
  return b > a && s.text.substr(a, b - a).find('\n') != std::string_view::npos;
}

// `where data personal`: a bare name where a dimension test was probably meant.
bool followsBareConditionName(ParseSession& s, std::size_t at) {
  antlr4::Token* t = previousOnChannel(s, at);
  if (t == nullptr || t->getType() != P::Identifier) return false;
  std::size_t i = t->getTokenIndex();
  while (true) {
    antlr4::Token* before = previousOnChannel(s, i);
    if (before == nullptr) return false;
    if (before->getType() == P::DOT) {
      antlr4::Token* part = previousOnChannel(s, before->getTokenIndex());
      if (part == nullptr || part->getType() != P::Identifier) return false;
      i = part->getTokenIndex();
      continue;
    }
    switch (before->getType()) {
      case P::WHERE:
      case P::UNLESS:
      case P::AND:
      case P::OR:
      case P::NOT:
      case P::LPAREN:
      case P::OVER:
        return true;
      default:
        return false;
    }
  }
}

}  // namespace

void reportSyntaxError(ParseSession& s, const SyntaxProblem& problem) {
  antlr4::Token* found = problem.offending;
  std::size_t at = indexOf(s, found);
  if (found->getTokenIndex() == INVALID_INDEX) found = s.tokens->get(at);
  if (isEcho(s, at)) return;
  s.lastSyntaxError = static_cast<long long>(at);
  ++s.syntaxErrors;

  const auto& vocabulary = *s.vocabulary;
  const auto& expected = problem.expected;
  std::size_t type = found->getType();
  std::string_view text = s.textOf(found);
  antlr4::Token* previous = previousOnChannel(s, at);
  bool nameExpected = expected.contains(std::size_t{P::Identifier});

  // A statement that looks complete, followed by the next one: the `;` was forgotten.
  if (expected.contains(std::size_t{P::SEMI}) && previous != nullptr &&
      (problem.kind == SyntaxProblem::Kind::Missing || type == antlr4::Token::EOF ||
       type == P::RBRACE || startsTopLevel(type) || onLaterLine(s, previous, found))) {
    s.diags.report(diag::DiagId::MissingSemicolon, s.after(previous),
                   statementNoun(problem.context));
    return;
  }

  std::string wanted = describeExpected(expected, vocabulary);
  if (type == P::Identifier && !nameExpected) {
    if (auto keyword = suggestKeyword(text, expected, vocabulary)) {
      auto& d = s.diags.report(diag::DiagId::UnknownKeyword, s.span(found), text, wanted);
      d.help.push_back(fmt::format("did you mean `{}`?", *keyword));
      return;
    }
  }

  std::string message =
      problem.kind == SyntaxProblem::Kind::Missing
          ? fmt::format("expected {} before {}", wanted, describeFound(found, text, false))
          : fmt::format("expected {}, found {}", wanted, describeFound(found, text, nameExpected));
  auto& d = s.diags.report(diag::DiagId::SyntaxError, s.span(found), message);
  if (isKeyword(type) && nameExpected) {
    d.help.push_back(fmt::format(
        "`{}` is a reserved word and cannot be used as a name; choose another name", text));
  }
  if (type == P::SEMI && previous != nullptr && previous->getType() == P::RBRACE) {
    d.help.push_back("a block `{ … }` needs no `;` after it");
  } else if (type == P::SEMI && previous != nullptr && previous->getType() == P::SEMI) {
    d.help.push_back("remove the extra `;`");
  }
  if (type == P::Identifier && followsBareConditionName(s, at)) {
    d.help.push_back(fmt::format(
        "to test the value of a dimension, write `{} in {}`; to join two conditions, put "
        "`and` or `or` between them",
        s.textOf(previous), text));
  }
  if (type == P::Identifier && previous != nullptr && previous->getType() == P::Identifier &&
      expected.contains(std::size_t{P::COMMA})) {
    d.help.push_back("separate the items of a list with commas");
  }
  if ((type == P::GIVEN || type == P::EXPECT) && problem.context != nullptr &&
      problem.context->getRuleIndex() == P::RuleFile) {
    d.help.push_back("`given` and `expect` belong inside a block `test \"name\" { … }`");
  }
  if (problem.kind == SyntaxProblem::Kind::Missing && previous != nullptr &&
      previous->getType() == P::NEED) {
    d.help.push_back("an exemption is written `need not`");
  }
  if (type == P::StringLiteral && expected.contains(std::size_t{P::COLON})) {
    d.help.push_back("a declaration has one title; put `from` and the article after it");
  }
}

void NomosErrorStrategy::reportError(antlr4::Parser* parser,
                                     const antlr4::RecognitionException& e) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  antlr4::Token* offending = e.getOffendingToken();
  if (offending == nullptr) offending = parser->getCurrentToken();
  reportSyntaxError(session_, {SyntaxProblem::Kind::Unexpected, offending, e.getExpectedTokens(),
                               parser->getContext()});
}

void NomosErrorStrategy::reportUnwantedToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  reportSyntaxError(session_, {SyntaxProblem::Kind::Extra, parser->getCurrentToken(),
                               getExpectedTokens(parser), parser->getContext()});
}

void NomosErrorStrategy::reportMissingToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  reportSyntaxError(session_, {SyntaxProblem::Kind::Missing, parser->getCurrentToken(),
                               getExpectedTokens(parser), parser->getContext()});
}

antlr4::misc::IntervalSet NomosErrorStrategy::getErrorRecoverySet(antlr4::Parser* parser) {
  antlr4::misc::IntervalSet set = DefaultErrorStrategy::getErrorRecoverySet(parser);
  for (std::size_t t = P::ACTION; t <= P::WITHIN; ++t) {
    if (startsTopLevel(t)) set.add(static_cast<ssize_t>(t));
  }
  set.add(-1);  // EOF
  // Stop at the end of the broken statement, so that the next one is parsed (and checked).
  set.add(static_cast<ssize_t>(P::SEMI));
  return set;
}

void NomosErrorStrategy::sync(antlr4::Parser* parser) {
  auto* ctx = parser->getContext();
  if (ctx != nullptr && isBlockRule(ctx->getRuleIndex())) {
    if (!syncBlockItems(parser)) DefaultErrorStrategy::sync(parser);
    return;
  }
  if (ctx == nullptr || ctx->getRuleIndex() != P::RuleFile) {
    DefaultErrorStrategy::sync(parser);
    return;
  }
  antlr4::TokenStream* in = parser->getTokenStream();
  bool reported = false;
  while (true) {
    std::size_t la = in->LA(1);
    if (la == antlr4::Token::EOF || startsTopLevel(la)) return;
    if (inErrorRecoveryMode(parser) && !reported) {
      // The rest of a declaration whose error is already reported: skip it quietly. What
      // follows it gets its own report.
      skipStatement(parser);
      endErrorCondition(parser);
      continue;
    }
    if (!inErrorRecoveryMode(parser)) {
      beginErrorCondition(parser);
      antlr4::misc::IntervalSet expected;
      for (std::size_t t = P::ACTION; t <= P::WITHIN; ++t) {
        if (startsTopLevel(t)) expected.add(static_cast<ssize_t>(t));
      }
      reportSyntaxError(session_, {SyntaxProblem::Kind::Unexpected, in->LT(1), expected, ctx});
      reported = true;
    }
    // Everything up to the next declaration is one mistake (often a declaration whose
    // first line was lost): one report for all of it.
    skipStatement(parser);
  }
}

// Inside `{ … }`, a statement that cannot start an item is skipped up to the next item (or
// the closing brace), so the block and the declaration it belongs to survive the mistake.
bool NomosErrorStrategy::syncBlockItems(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return false;
  antlr4::misc::IntervalSet expected = parser->getExpectedTokens();
  if (!expected.contains(std::size_t{P::RBRACE})) return false;  // not at the list of items
  antlr4::TokenStream* in = parser->getTokenStream();
  std::size_t la = in->LA(1);
  if (expected.contains(la) || la == antlr4::Token::EOF || startsTopLevel(la)) return false;
  beginErrorCondition(parser);
  reportSyntaxError(session_,
                    {SyntaxProblem::Kind::Unexpected, in->LT(1), expected, parser->getContext()});
  int depth = 0;
  while (true) {
    la = in->LA(1);
    if (la == antlr4::Token::EOF || startsTopLevel(la) || (depth == 0 && la == P::RBRACE)) break;
    parser->consume();
    if (la == P::LBRACE) {
      ++depth;
    } else if (la == P::RBRACE) {
      --depth;
    } else if (la == P::SEMI && depth == 0 && expected.contains(in->LA(1))) {
      break;
    }
  }
  endErrorCondition(parser);
  return true;
}

// Skips to the end of the statement: past a `;` or a balanced `{ … }` block, or up to the
// next token that starts a declaration. A run of `;` is one stray statement.
void NomosErrorStrategy::skipStatement(antlr4::Parser* parser) {
  antlr4::TokenStream* in = parser->getTokenStream();
  if (in->LA(1) == P::SEMI) {
    while (in->LA(1) == P::SEMI) parser->consume();
    return;
  }
  int depth = 0;
  for (bool first = true;; first = false) {
    std::size_t la = in->LA(1);
    if (la == antlr4::Token::EOF || (!first && startsTopLevel(la))) return;
    parser->consume();
    if (la == P::LBRACE) {
      ++depth;
    } else if (la == P::RBRACE) {
      if (depth <= 1) return;
      --depth;
    } else if (la == P::SEMI && depth == 0) {
      return;
    }
  }
}

}  // namespace nomos::syntax
