// The analysis: exact conflict, contradiction, deadline, jurisdiction-overlap and reach checks
// over the resolved program, resolution by the law's precedence rules, and the lints that need
// the region algebra. Every finding is also reported to the DiagnosticEngine, with both spans,
// the citations and the witness.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/point.h"
#include "diag/diagnostic.h"
#include "model/program.h"

namespace nomos::analysis {

enum class FindingKind : std::uint8_t {
  Conflict,           // compliance impossible (error; N3001, N3002, N3003 for a body's rule vs law)
  Contradiction,      // permission vs prohibition etc. (warning; N3010-N3013)
  DeadlineOverlap,    // same obligation, different `within` (note; N3020)
  Overlap,            // two sovereignty claims (warning N3030 / error N3031)
  Reach,              // a norm beyond its issuer's claims (warning; N3040)
  NeverApplies,       // empty region (warning; N3050)
  Redundant,          // contained in another of the same issuer (warning; N3051)
  PrecedenceIgnored,  // `prevails over` across unrelated issuers (warning; N3061)
  TooComplex,         // too large to analyse: a condition beyond the box budget (N3070), or
                      // pair findings beyond Options::maxPairFindings, counted only (N3071)
};

/// How a conflict or contradiction was settled, if it was.
struct Resolution {
  bool resolved = false;
  model::Index winner = model::kNone;  // the prevailing norm
  std::string rule;                    // "prevails over", "lex superior", "lex specialis",
                                       // "lex posterior", "primacy of EU", "agreement us_uk_data"
  model::Index agreement = model::kNone;
  /// What the pair was before it was resolved (N3001 ... N3012); `Finding::code` is then
  /// N3060, the note that was reported.
  diag::DiagId pairCode = diag::DiagId::ConflictObligationProhibition;
};

struct Finding {
  FindingKind kind = FindingKind::Conflict;
  diag::DiagId code = diag::DiagId::ConflictObligationProhibition;
  diag::Severity severity = diag::Severity::Error;
  /// Norms, or sovereignty claims for Overlap. `second` is kNone for one-norm findings.
  model::Index first = model::kNone;
  model::Index second = model::kNone;
  Resolution resolution;  // resolved findings are reported as N3060 notes
  std::optional<diag::Witness> witness;
  /// The witness as a complete situation (a value for every dimension and fact, and the
  /// date), for tools that evaluate it. `witness` shows only the values that matter: those the
  /// involved conditions constrain there; any value of the others gives a witness too.
  std::optional<Point> point;
  std::string message;  // as reported
};

struct Options {
  /// A condition whose normal form would exceed this many boxes is reported (N3070) and
  /// left out of the analysis instead of exhausting memory.
  std::size_t maxBoxes = 4096;
  /// Pair findings (conflicts, contradictions, deadline overlaps, resolved pairs) beyond this
  /// many are counted and summarised in one N3071 warning instead of being materialised, so
  /// a pathological corpus cannot exhaust memory. 0 means no limit.
  std::size_t maxPairFindings = 100000;
};

struct Result {
  std::vector<Finding> findings;  // deterministic order
};

Result analyze(const model::Program& program, diag::DiagnosticEngine& diags,
               const Options& options = {});

}  // namespace nomos::analysis
