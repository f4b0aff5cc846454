// Helpers for the syntax tests: parse a string, look at what came out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ast/ast.h"
#include "diag/diagnostic.h"
#include "source/source_manager.h"
#include "syntax/parser.h"

namespace nomos::syntax::test {

struct Parsed {
  source::SourceManager sm;
  diag::DiagnosticEngine diags;
  source::FileId file = source::kNoFile;
  ast::File ast;

  /// The source text a span covers.
  std::string_view text(source::Span s) const {
    return sm.text(s.file).substr(s.begin, s.end - s.begin);
  }
  /// "CODE@line:column" for every diagnostic, in source order.
  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const auto* d : diags.sorted(sm)) {
      auto lc = sm.lineCol(d->span.file, d->span.begin);
      out.push_back(std::string(d->code()) + "@" + std::to_string(lc.line) + ":" +
                    std::to_string(lc.column));
    }
    return out;
  }
  /// Every diagnostic rendered on one line each, for failure messages.
  std::string dump() const {
    std::string out;
    for (const auto* d : diags.sorted(sm)) {
      auto lc = sm.lineCol(d->span.file, d->span.begin);
      out += std::string(d->code()) + "@" + std::to_string(lc.line) + ":" +
             std::to_string(lc.column) + " " + d->message;
      for (const auto& h : d->help) out += " [help: " + h + "]";
      out += "\n";
    }
    return out;
  }
  const diag::Diagnostic* first() const {
    auto all = diags.sorted(sm);
    return all.empty() ? nullptr : all.front();
  }
};

inline std::unique_ptr<Parsed> parse(std::string text, ParseOptions options = {}) {
  auto p = std::make_unique<Parsed>();
  p->file = p->sm.add("test.nomos", std::move(text));
  p->ast = parseFile(p->sm, p->file, p->diags, options);
  return p;
}

}  // namespace nomos::syntax::test
