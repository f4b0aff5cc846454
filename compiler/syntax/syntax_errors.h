// Syntax errors: ANTLR's recovery, our words. The error strategy replaces ANTLR's reporting
// entirely (none of its English reaches the user) and keeps recovery at statement level.
#pragma once

#include <antlr4-runtime.h>

#include "syntax/parse_session.h"

namespace nomos::syntax {

/// One syntax error as the parser met it.
struct SyntaxProblem {
  enum class Kind {
    Unexpected,  // the token cannot come here
    Missing,     // a single token is missing before the offending one
    Extra,       // the offending token is one too many
  };
  Kind kind = Kind::Unexpected;
  antlr4::Token* offending = nullptr;
  antlr4::misc::IntervalSet expected;
  const antlr4::RuleContext* context = nullptr;
};

/// Reports N1001, N1003 or N1004, unless an error was already reported for the same
/// statement (one mistake, one message).
void reportSyntaxError(ParseSession& session, const SyntaxProblem& problem);

class NomosErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  explicit NomosErrorStrategy(ParseSession& session) : session_(session) {}

  void reportError(antlr4::Parser* parser, const antlr4::RecognitionException& e) override;
  /// Between top-level declarations, skips whatever cannot start one, statement by
  /// statement, so that one stray word does not swallow the rest of the file.
  void sync(antlr4::Parser* parser) override;

 protected:
  void reportUnwantedToken(antlr4::Parser* parser) override;
  void reportMissingToken(antlr4::Parser* parser) override;
  /// Recovery inside a declaration never runs past the start of the next one.
  antlr4::misc::IntervalSet getErrorRecoverySet(antlr4::Parser* parser) override;

 private:
  bool syncBlockItems(antlr4::Parser* parser);
  void skipStatement(antlr4::Parser* parser);
  ParseSession& session_;
};

}  // namespace nomos::syntax
