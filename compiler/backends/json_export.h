// `nomos export --format json`: the whole resolved program (vocabularies, instruments,
// norms with their condition trees, claims, agreements) and the analysis's findings, in the
// versioned "nomos-export" format. docs/schema/export.schema.json is its JSON Schema and
// docs/backends.md describes it; json_import.h reads it back.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "analysis/analysis.h"
#include "model/program.h"
#include "source/source_manager.h"

namespace nomos::backends {

inline constexpr std::string_view kExportFormat = "nomos-export";
inline constexpr int kExportVersion = 1;

struct JsonExportOptions {
  /// When set, declarations carry their source location (file, line, column).
  const source::SourceManager* sources = nullptr;
  std::string generator = "nomos";
};

/// `analysis` may be null (no "findings" are then exported: an empty array).
nlohmann::json exportJson(const model::Program& program, const analysis::Result* analysis,
                          const JsonExportOptions& options = {});

/// The identifier a declaration is referred to by: its qualified name (its name when a
/// hand-built program has none).
std::string exportId(const model::DeclInfo& decl);

/// A condition tree with resolved references (see docs/backends.md).
nlohmann::json conditionJson(const model::Program& program, const model::Condition& condition);

/// "obligation", "prohibition", "permission", "exemption".
std::string_view deonticName(model::Modality m);
/// "conflict", "contradiction", "deadline-overlap", "overlap", "reach", "never-applies",
/// "redundant", "precedence-ignored", "too-complex".
std::string_view findingKindName(analysis::FindingKind kind);
/// "<", "<=", ">", ">=", "==".
std::string_view cmpOpText(model::CmpOp op);

}  // namespace nomos::backends
