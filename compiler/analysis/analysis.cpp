#include "analysis/analysis.h"

#include <algorithm>

#include "analysis/analyzer.h"

namespace nomos::analysis {

namespace detail {

namespace {

/// Findings come out grouped by check, in the order the checks run.
int phaseOf(FindingKind k) {
  switch (k) {
    case FindingKind::TooComplex: return 0;
    case FindingKind::PrecedenceIgnored: return 1;
    case FindingKind::NeverApplies: return 2;
    case FindingKind::Conflict:
    case FindingKind::Contradiction:
    case FindingKind::DeadlineOverlap: return 3;
    case FindingKind::Redundant: return 4;
    case FindingKind::Overlap: return 5;
    case FindingKind::Reach: return 6;
  }
  return 7;
}

}  // namespace

Analyzer::Analyzer(const model::Program& program, diag::DiagnosticEngine& diags, const Options& options)
    : program_(program), diags_(diags), options_(options), domains_(program), algebra_(domains_, options.maxBoxes) {}

Result Analyzer::run() {
  prepareNorms();
  prepareClaimsAndAgreements();
  checkPrecedenceDeclarations();
  checkNeverApplies();

  std::vector<bool> eligible(norms_.size());
  for (std::size_t n = 0; n < norms_.size(); ++n) eligible[n] = norms_[n].usable && !norms_[n].empty;
  index_.emplace(program_, eligible);

  checkPairs();
  checkRedundancy();
  checkClaimOverlaps();
  checkReach();

  std::stable_sort(findings_.begin(), findings_.end(), [](const Finding& a, const Finding& b) {
    auto key = [](const Finding& f) {
      return std::tuple(phaseOf(f.kind), f.first, f.second, static_cast<int>(f.code));
    };
    return key(a) < key(b);
  });
  return Result{std::move(findings_)};
}

}  // namespace detail

Result analyze(const model::Program& program, diag::DiagnosticEngine& diags, const Options& options) {
  detail::Analyzer analyzer(program, diags, options);
  return analyzer.run();
}

}  // namespace nomos::analysis
