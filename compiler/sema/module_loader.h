// Module loading: reads the input files and, transitively, every module they import, each
// file once. Resolves `import a.b` to a/b.nomos under the roots (std and std.* under the
// stdlib directory), refuses imports that leave their root, and reports cyclic imports.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "ast/ast.h"
#include "diag/diagnostic.h"
#include "model/program.h"
#include "sema/sema.h"
#include "source/source_manager.h"

namespace nomos::sema {

struct LoadedImport {
  model::Index module = model::kNone;  // kNone when the import could not be resolved
  bool isPublic = false;
  ast::QualName name;
};

struct LoadedModule {
  std::string name;  // "cn.pipl"
  source::FileId file = source::kNoFile;
  bool isLibrary = false;
  std::filesystem::path canonical;
  ast::File ast;
  std::vector<LoadedImport> imports;  // in source order
  /// Where the parser reported errors in this file. Declarations around them are what the
  /// parser could recover, so sema does not pile follow-on errors on them.
  std::vector<source::Span> syntaxErrors;
  bool hasFailedImport() const {
    for (const auto& i : imports) {
      if (i.module == model::kNone) return true;
    }
    return false;
  }
};

struct LoadedProgram {
  /// In load order: the inputs sorted by path, then the files they import that are not
  /// inputs, depth-first, each import in source order.
  std::vector<LoadedModule> modules;
  /// Every module after the modules it imports (cyclic edges ignored).
  std::vector<model::Index> dependencyOrder;
};

LoadedProgram loadModules(const std::vector<std::filesystem::path>& inputs, const Options& options,
                          source::SourceManager& sm, diag::DiagnosticEngine& diags,
                          const ParseFn& parse);

}  // namespace nomos::sema
