// The analysis pass's working state: every norm's region prepared once, the candidate index,
// and the checks, each in its own file (pair_checks.cpp, resolution.cpp, jurisdiction_checks.cpp,
// lints.cpp). Internal to compiler/analysis; others call analysis::analyze.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "analysis/domain.h"
#include "analysis/norm_index.h"
#include "analysis/region.h"
#include "analysis/witness.h"

namespace nomos::analysis::detail {

struct PreparedNorm {
  bool usable = false;        // subject, action and condition could be analysed
  bool empty = false;         // the norm can never apply
  bool emptySubject = false;  // its subject class lies under two disjoint classes
  bool tooComplexReported = false;
  Region condition;  // where ∧ ¬unless, any date
  Range window = kAllDates;
  model::Issuer issuer;
  std::vector<Index> dims, facts;  // mentioned by its conditions, in order
};

struct PreparedDeference {
  bool usable = false;
  model::Issuer from, to;
  Index agreement = model::kNone;
  source::Span span;  // the `A defers to B where C` clause
  Region cover;       // the deference's condition, within the agreement's window
  std::vector<Index> dims, facts;
};

struct PreparedClaim {
  bool usable = false;
  Region region;
  std::vector<Index> dims, facts;
};

/// The six ways two norms can clash (LANGUAGE.md §6).
enum class PairRule : std::uint8_t {
  ObligationProhibition,    // O(a) × F(b), a ⊑ b
  IncompatibleObligations,  // O(a) × O(b), incompatible
  PermissionProhibition,    // P(a) × F(b), a ⊑ b or b ⊑ a
  ObligationExemption,      // O(a) × E(b), a ⊑ b
  PermissionIncompatible,   // P(a) × O(b), incompatible
  Deadline,                 // O(a within d1) × O(a within d2)
};

/// How a meeting pair came out of the precedence rules.
struct PairOutcome {
  Resolution resolution;
  /// Where the witness is drawn from: the meeting region, or its part no agreement covers.
  Box witness;
  std::vector<Index> deferences;  // agreements' deferences that cover part of the meeting
  std::string help;
};

class Analyzer {
 public:
  Analyzer(const model::Program& program, diag::DiagnosticEngine& diags, const Options& options);
  Result run();

 private:
  friend class EngineAccess;  // analysis/engine.cpp: evaluation reuses the prepared regions and
                              // resolve
  // analysis.cpp
  std::vector<std::vector<std::uint32_t>> keyAtoms(const std::vector<bool>& eligible) const;

  // pair_checks.cpp
  void prepareNorms();
  void checkPairs();
  void considerPair(PairRule rule, Index x, Index y);
  void reportPair(PairRule rule, Index x, Index y, const PairOutcome& outcome, bool bodyVersusLaw);
  void reportDeadline(Index x, Index y, const Box& meet);
  bool pairBudgetLeft(Index first);
  void reportSuppressedPairs();

  // resolution.cpp
  PairOutcome resolve(PairRule rule, Index x, Index y, const Box& meet);
  bool moreSpecific(Index a, Index b);  // lex specialis: a strictly inside b

  // jurisdiction_checks.cpp
  void prepareClaimsAndAgreements();
  void checkClaimOverlaps();
  void checkReach();

  // lints.cpp
  void checkPrecedenceDeclarations();
  void checkNeverApplies();
  void checkRedundancy();

  // Shared helpers (pair_checks.cpp).
  void reportTooComplex(Index norm);
  const model::Norm& norm(Index n) const { return program_.norms[n]; }
  std::string relatedText(Index n, const std::string& what) const;
  WitnessActs actsFor(Index x, Index y, bool bothActions) const;
  /// The witness of a point picked from `box`: it shows the dimensions and facts the involved
  /// conditions mention and the box constrains (what the box leaves free does not matter).
  diag::Witness witnessFor(const Box& box, const Point& point, const WitnessActs& acts,
                           const std::vector<const std::vector<Index>*>& dims,
                           const std::vector<const std::vector<Index>*>& facts) const;
  Finding& record(Finding finding, diag::Diagnostic& d);

  const model::Program& program_;
  diag::DiagnosticEngine& diags_;
  Options options_;
  Domains domains_;
  Algebra algebra_;
  std::vector<PreparedNorm> norms_;
  std::vector<PreparedClaim> claims_;
  std::vector<PreparedDeference> deferences_;
  std::optional<NormIndex> index_;
  std::vector<Finding> findings_;
  std::size_t pairFindings_ = 0;
  std::size_t suppressedPairs_ = 0;
  Index firstSuppressed_ = model::kNone;
};

}  // namespace nomos::analysis::detail
