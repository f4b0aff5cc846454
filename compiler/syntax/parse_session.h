// What the steps of parsing one file share: the buffer, where diagnostics go, the tokens,
// and which errors were already reported, so that one mistake gets one message.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include <antlr4-runtime.h>

#include "diag/diagnostic.h"
#include "source/source_manager.h"
#include "syntax/parser.h"

namespace nomos::syntax {

struct ParseSession {
  ParseSession(const source::SourceManager& sm, source::FileId file, diag::DiagnosticEngine& diags,
               const ParseOptions& options)
      : sm(sm), file(file), text(sm.text(file)), diags(diags), options(options) {}

  const source::SourceManager& sm;
  source::FileId file;
  std::string_view text;
  diag::DiagnosticEngine& diags;
  const ParseOptions& options;

  antlr4::BufferedTokenStream* tokens = nullptr;
  const antlr4::dfa::Vocabulary* vocabulary = nullptr;

  /// Where lexical errors were reported (byte offsets, ascending): a syntax error in the
  /// same statement is usually their echo and is not reported.
  std::vector<std::uint32_t> lexicalErrors;
  /// Token index of the last reported syntax error; -1 if none.
  long long lastSyntaxError = -1;
  std::size_t syntaxErrors = 0;

  source::Span span(std::uint32_t begin, std::uint32_t end) const { return {file, begin, end}; }
  /// The bytes of a token; an empty span at the start of the file for tokens the parser
  /// invented while recovering from an error.
  source::Span span(const antlr4::Token* token) const;
  source::Span span(const antlr4::Token* first, const antlr4::Token* last) const;
  source::Span span(antlr4::ParserRuleContext* ctx) const;
  std::string_view textOf(const antlr4::Token* token) const;
  /// The empty span just after a token.
  source::Span after(const antlr4::Token* token) const;
};

}  // namespace nomos::syntax
