// parseFile: bytes → checks → tokens (syntax/lexer.h) → parse tree → AST. The parse tree lives only
// inside this function.
#include "syntax/parser.h"

#include <memory>
#include <mutex>

#include <antlr4-runtime.h>

#include "NomosParser.h"
#include "syntax/byte_char_stream.h"
#include "syntax/doc_comments.h"
#include "syntax/lexical_checks.h"
#include "syntax/lexer.h"
#include "syntax/lowering.h"
#include "syntax/parse_session.h"
#include "syntax/syntax_errors.h"

namespace nomos::syntax {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// The ANTLR 4.9 C++ runtime shares its prediction caches (DFA states, prediction contexts)
// between all parsers of a grammar and is not safe to use from two threads at once (it
// counts context nodes in a plain global, among others; fixed only in 4.10). Files may be
// parsed on several threads, so everything that runs the ATN simulator holds this lock:
// creating the parser and parsing. Reading the input, the lexer (ours), the checks, the
// lowering and freeing the tree run in parallel.
std::mutex antlrMutex;

// SLL prediction is fast and right for nearly every input; a file it cannot parse is
// parsed again with full LL prediction, which also does the error reporting and recovery.
gen::NomosParser::FileContext* parseTwoStage(gen::NomosParser& parser,
                                             antlr4::CommonTokenStream& tokens,
                                             ParseSession& session) {
  auto* interpreter = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
  interpreter->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  try {
    return parser.file();
  } catch (const antlr4::ParseCancellationException&) {
  }
  tokens.seek(0);
  parser.reset();  // also frees the partial tree
  interpreter->setPredictionMode(antlr4::atn::PredictionMode::LL);
  parser.setErrorHandler(std::make_shared<NomosErrorStrategy>(session));
  return parser.file();
}

}  // namespace

ast::File parseFile(const source::SourceManager& sm, source::FileId file,
                    diag::DiagnosticEngine& diags, const ParseOptions& options) {
  ParseSession session(sm, file, diags, options);
  const std::size_t mark = diags.size();

  std::vector<ByteRange> invalidUtf8 = checkEncoding(session);
  std::size_t start =
      session.text.substr(0, kByteOrderMark.size()) == kByteOrderMark ? kByteOrderMark.size() : 0;
  ByteCharStream input(session.text, start, sm.path(file));
  NomosTokenSource lexer(&input, session.text);
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  session.tokens = &tokens;

  std::unique_ptr<gen::NomosParser> parser;
  {
    std::lock_guard<std::mutex> lock(antlrMutex);
    parser = std::make_unique<gen::NomosParser>(&tokens);
  }
  parser->removeErrorListeners();
  session.vocabulary = &parser->getVocabulary();

  checkTokens(session, invalidUtf8);
  if (!checkNesting(session)) {
    ast::File empty;
    empty.file = file;
    return empty;
  }

  gen::NomosParser::FileContext* tree = nullptr;
  {
    std::lock_guard<std::mutex> lock(antlrMutex);
    tree = parseTwoStage(*parser, tokens, session);
  }
  DocComments docs(session);
  Lowering lowering(session, docs);
  ast::File result = lowering.lowerFile(tree);
  // A misplaced doc comment is worth a warning only in a file that otherwise parses: in a
  // broken one it is usually the declaration that is misplaced.
  if (diags.errorCountSince(mark) == 0) docs.reportUnattached();
  return result;
}

}  // namespace nomos::syntax
