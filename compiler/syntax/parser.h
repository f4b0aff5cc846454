// The only entry point into ANTLR-generated code: parse one file into the AST. Syntax and
// lexical errors are reported as coded diagnostics; the returned File holds whatever could be
// recovered.
#pragma once

#include "ast/ast.h"
#include "diag/diagnostic.h"
#include "source/source_manager.h"

namespace nomos::syntax {

struct ParseOptions {
  /// Deeper nesting (parentheses, taxonomy blocks) is rejected with N1010 before the
  /// recursive parser runs, so hostile input cannot overflow the stack.
  unsigned maxDepth = 200;
};

ast::File parseFile(const source::SourceManager& sm, source::FileId file,
                    diag::DiagnosticEngine& diags, const ParseOptions& options = {});

}  // namespace nomos::syntax
