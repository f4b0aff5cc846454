// The analysis opened up for evaluating single situations (compiler/eval): every norm's,
// claim's and deference's region is prepared once, exactly as `nomos check` prepares it, and a
// clash met in a situation is classified by the same pair rules and settled by the same
// precedence rules (Analyzer::resolve). There is no second evaluator: a situation is a Box of
// the same algebra, and "a norm applies" is box-in-region.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/analysis.h"
#include "analysis/analyzer.h"
#include "analysis/box.h"
#include "analysis/domain.h"
#include "analysis/region.h"

namespace nomos::analysis {

using detail::PairRule;

/// A pair of norms ordered as their rule names them: `x` plays the first role (the
/// obligation or the permission), `y` the second.
struct RuledPair {
  PairRule rule = PairRule::ObligationProhibition;
  Index x = model::kNone;
  Index y = model::kNone;
};

/// How a clash between two norms comes out in one situation.
struct SituationClash {
  RuledPair pair;
  /// The precedence rules' answer. For an agreement, only the situations at hand count.
  Resolution resolution;
  /// A body's rule against a jurisdiction's law: the law prevails (`prevailing`), but the
  /// clash is not resolved into a note: it stands as an error at the body's rule (N3003).
  bool bodyVersusLaw = false;
  /// The norm that prevails in the situation (the resolution's winner, or the law against a
  /// body); kNone when nothing decides between them.
  Index prevailing = model::kNone;
  /// Agreements settle part of the situations at hand and not the rest: the answer depends on
  /// what the situation leaves free, among `dependsOnDims` / `dependsOnFacts`.
  bool undetermined = false;
  std::vector<Index> dependsOnDims, dependsOnFacts;
  /// Why nothing resolves it, in the analysis's words.
  std::string help;
};

class Engine {
 public:
  /// Prepares the regions. Norms too complex to analyse are reported to `diags` (N3070) and
  /// left unusable, as in `nomos check`.
  Engine(const model::Program& program, diag::DiagnosticEngine& diags, const Options& options = {});
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  const model::Program& program() const { return program_; }
  const Domains& domains() const;
  const Algebra& algebra() const;

  /// Could the norm's subject, action and condition be analysed?
  bool usable(Index norm) const;
  /// Where ∧ ¬unless, at any date.
  const Region& condition(Index norm) const;
  /// The norm's time window in day numbers (kAllDates when open).
  Range window(Index norm) const;
  model::Issuer issuer(Index norm) const;
  /// The dimensions and facts its `where` and `unless` mention, in order of appearance.
  const std::vector<Index>& mentionedDims(Index norm) const;
  const std::vector<Index>& mentionedFacts(Index norm) const;

  bool claimUsable(Index claim) const;
  const Region& claimRegion(Index claim) const;

  /// The rule by which `a` and `b` clash where both apply (LANGUAGE.md §6: O×F with a ⊑ b,
  /// incompatible obligations, P×F, O×E, P×O incompatible, different deadlines), ordered as
  /// the rule names the pair; nullopt when they do not clash.
  std::optional<RuledPair> pairRule(Index a, Index b) const;

  /// Settles a clash met in `where`: the situations at hand in which both norms apply (a
  /// subset of both regions, dates included). Rules 1-3 (explicit precedence, lex superior,
  /// specialis, posterior, primacy) come from Analyzer::resolve; rule 4 asks whether the
  /// agreements in force cover `where` rather than the norms' whole meeting region.
  SituationClash resolveIn(const RuledPair& pair, const Region& where);

 private:
  const model::Program& program_;
  std::unique_ptr<detail::Analyzer> analyzer_;
  /// Rules 1-3 do not depend on the situation: their answer is kept per pair.
  std::unordered_map<std::uint64_t, detail::PairOutcome> cache_;
};

}  // namespace nomos::analysis
