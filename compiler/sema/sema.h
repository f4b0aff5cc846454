// Semantic analysis: load the modules (roots, imports, cycles, no escapes), build symbol
// tables, resolve every name, check kinds and values, run the lints that need no analysis,
// and build the immutable model::Program.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

#include "ast/ast.h"
#include "diag/diagnostic.h"
#include "model/program.h"
#include "source/source_manager.h"

namespace nomos::sema {

struct Options {
  /// Directories under which `import a.b` is looked up as a/b.nomos. The directory of each
  /// input file is a root too.
  std::vector<std::filesystem::path> roots;
  /// Where `import std` and `import std.x` are found (std.nomos, std/x.nomos).
  std::filesystem::path stdlibDir;
  /// For the "instrument past its until" lint.
  model::Date today;
  /// Run the lints (unused declarations, missing `from`, expired instrument).
  bool lints = true;
  /// Threads that parse the input files (imports found later are parsed one by one). The
  /// result does not depend on it: each file's diagnostics are kept apart and merged in the
  /// order of the files.
  unsigned jobs = 1;
};

/// Parses one file that sema has added to the SourceManager, reporting into `diags`. Provided
/// by the driver, so sema never depends on the parser. With `jobs` > 1 it is called from
/// several threads at once, each call with its own `diags`.
using ParseFn = std::function<ast::File(source::FileId, diag::DiagnosticEngine& diags)>;

/// Loads `inputs` (files, already expanded from directories) and everything they import.
/// Always returns a finalized Program; if errors were reported it may be incomplete and later
/// phases should not run.
std::unique_ptr<model::Program> build(const std::vector<std::filesystem::path>& inputs,
                                      const Options& options, source::SourceManager& sm,
                                      diag::DiagnosticEngine& diags, const ParseFn& parse);

}  // namespace nomos::sema
