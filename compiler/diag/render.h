// Renderers: the same structured diagnostics as text for people, JSON for tools.
#pragma once

#include <ostream>
#include <vector>

#include <nlohmann/json.hpp>

#include "diag/diagnostic.h"

namespace nomos::diag {

struct TextStyle {
  bool color = false;
};

/// `file:line:col: error[N1001]: message`, the source line with a caret underline, `note:`
/// blocks for related spans, `help:` lines, the witness, and a pointer to `nomos explain`.
void renderText(std::ostream& out, const source::SourceManager& sm, const Diagnostic& d,
                const TextStyle& style);

/// "2 errors, 1 warning" (or "no problems found").
std::string summaryLine(const DiagnosticEngine& diags);

/// {"file", "line", "column", "endLine", "endColumn"} of a span (null when the span is unset).
nlohmann::json spanJson(const source::SourceManager& sm, Span span);
nlohmann::json diagnosticJson(const source::SourceManager& sm, const Diagnostic& d);
/// The whole `--format json` document (schema: docs/schema/diagnostics.schema.json).
nlohmann::json diagnosticsJson(const source::SourceManager& sm, const DiagnosticEngine& diags);

/// SARIF 2.1.0 (one run; rules for the codes used; results with related locations and witnesses).
nlohmann::json diagnosticsSarif(const source::SourceManager& sm, const DiagnosticEngine& diags,
                                std::string_view version);

/// A JSON document as text. Messages quote the user's source, which may hold bytes that are not
/// UTF-8 (each already reported as N1005): they become U+FFFD instead of throwing.
std::string jsonText(const nlohmann::json& j, int indent = 2);

}  // namespace nomos::diag
