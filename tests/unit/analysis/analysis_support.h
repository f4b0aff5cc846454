// Running the analysis in tests and picking findings out of its result.
#pragma once

#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "diag/diagnostic.h"

namespace nomos::analysis::testing {

struct Run {
  diag::DiagnosticEngine diags;
  Result result;

  std::vector<const Finding*> withCode(diag::DiagId id) const {
    std::vector<const Finding*> out;
    for (const auto& f : result.findings) {
      if (f.code == id) out.push_back(&f);
    }
    return out;
  }
  const Finding* only(diag::DiagId id) const {
    auto all = withCode(id);
    return all.size() == 1 ? all.front() : nullptr;
  }
  /// The diagnostic reported with this code (the only one).
  const diag::Diagnostic* diagnostic(diag::DiagId id) const {
    const diag::Diagnostic* found = nullptr;
    for (const auto& d : diags.all()) {
      if (d.id != id) continue;
      if (found) return nullptr;
      found = &d;
    }
    return found;
  }
  std::size_t count(diag::DiagId id) const { return withCode(id).size(); }
};

inline Run analyzeProgram(const model::Program& program, Options options = {}) {
  Run run;
  run.result = analyze(program, run.diags, options);
  return run;
}

}  // namespace nomos::analysis::testing
