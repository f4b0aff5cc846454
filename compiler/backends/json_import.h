// Reads a "nomos-export" document back into a model::Program and its findings: the
// round-trip check of the export format, and a way for tools to load an exported rule set
// without the sources.
#pragma once

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "analysis/analysis.h"
#include "model/program.h"

namespace nomos::backends {

struct ImportedProgram {
  std::unique_ptr<model::Program> program;  // null on error; finalized otherwise
  analysis::Result findings;
  std::string error;  // what is wrong with the document, in plain words
};

/// Spans are not part of the format: imported declarations have none.
ImportedProgram importJson(const nlohmann::json& document);

}  // namespace nomos::backends
