#include "analysis/analysis.h"

#include <algorithm>

#include "analysis/analyzer.h"

namespace nomos::analysis {

namespace detail {

namespace {

/// Findings come out grouped by check, in the order the checks run.
int phaseOf(FindingKind k) {
  switch (k) {
    case FindingKind::TooComplex:
      return 0;
    case FindingKind::PrecedenceIgnored:
      return 1;
    case FindingKind::NeverApplies:
      return 2;
    case FindingKind::Conflict:
    case FindingKind::Contradiction:
    case FindingKind::DeadlineOverlap:
      return 3;
    case FindingKind::Redundant:
      return 4;
    case FindingKind::Overlap:
      return 5;
    case FindingKind::Reach:
      return 6;
  }
  return 7;
}

}  // namespace

Analyzer::Analyzer(const model::Program& program, diag::DiagnosticEngine& diags,
                   const Options& options)
    : program_(program),
      diags_(diags),
      options_(options),
      domains_(program),
      algebra_(domains_, options.maxBoxes) {}

Result Analyzer::run() {
  prepareNorms();
  prepareClaimsAndAgreements();
  checkPrecedenceDeclarations();
  checkNeverApplies();

  std::vector<bool> eligible(norms_.size());
  for (std::size_t n = 0; n < norms_.size(); ++n)
    eligible[n] = norms_[n].usable && !norms_[n].empty;
  index_.emplace(program_, eligible, keyAtoms(eligible));

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

std::vector<std::vector<std::uint32_t>> Analyzer::keyAtoms(
    const std::vector<bool>& eligible) const {
  // The key is the dimension the most norms constrain in every box (often where the act
  // takes place): it splits the candidate lists best.
  std::vector<std::size_t> constraining(program_.dimensions.size(), 0);
  for (std::size_t n = 0; n < norms_.size(); ++n) {
    if (!eligible[n]) continue;
    const auto& boxes = norms_[n].condition.boxes;
    for (const auto& c : boxes.front().dims) {
      bool everywhere =
          std::all_of(boxes.begin(), boxes.end(), [&](const Box& b) { return b.dimAtoms(c.dim); });
      if (everywhere) ++constraining[c.dim];
    }
  }
  std::vector<std::vector<std::uint32_t>> keys(norms_.size());
  auto best = std::max_element(constraining.begin(), constraining.end());
  if (best == constraining.end() || *best == 0) return keys;
  Index key = static_cast<Index>(best - constraining.begin());
  for (std::size_t n = 0; n < norms_.size(); ++n) {
    if (!eligible[n]) continue;
    AtomSet atoms(domains_.atomCount(key));
    bool free = false;
    for (const auto& b : norms_[n].condition.boxes) {
      const AtomSet* s = b.dimAtoms(key);
      if (!s) {
        free = true;
        break;
      }
      atoms |= *s;
    }
    if (free || atoms.all()) continue;
    for (std::uint32_t a = atoms.first(); a < atoms.size(); ++a) {
      if (atoms.test(a)) keys[n].push_back(a);
    }
  }
  return keys;
}

}  // namespace detail

Result analyze(const model::Program& program, diag::DiagnosticEngine& diags,
               const Options& options) {
  detail::Analyzer analyzer(program, diags, options);
  return analyzer.run();
}

}  // namespace nomos::analysis
