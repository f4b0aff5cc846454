// The reasons behind an evaluation, in the words of policy drafters: why a norm applies or
// does not, what an undetermined answer turns on, and the chain from a clash to the rule that
// settled it (norm → instrument, article → precedence rule or agreement).
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "eval/evaluator.h"

namespace nomos::eval {

class Reasons {
 public:
  Reasons(const Evaluator& evaluator, const Situation& situation, const Evaluation& evaluation)
      : ev_(evaluator), p_(evaluator.program()), s_(situation), e_(evaluation) {}

  /// "`approved`", "the date", "`purpose` (given only as `x`, one of its subcategories)".
  std::string unspecified(const Unspecified& u) const;
  /// The bare name an N4001 message names: "approved", "date".
  std::string unspecifiedName(const Unspecified& u) const;
  /// How to give it in a test: "give `approved` or `not approved`".
  std::string unspecifiedHelp(const Unspecified& u) const;

  /// "PIPL, article 41" or "" for a norm without `from`.
  std::string citation(Index norm) const { return p_.citation(p_.norms[norm]); }
  /// "`pipl_41` (PIPL, article 41; CN, statute)".
  std::string label(Index norm) const;
  /// The chain from a norm to its source: "PIPL, article 41 (CN, statute)".
  std::string source(Index norm) const;
  /// "forbids disclose".
  std::string says(Index norm) const;
  /// Why the norm does not apply here, as a clause: "its condition does not hold: `approved`
  /// holds".
  std::string whyNot(Index norm) const;
  /// Why the norm may or may not apply: "it depends on `approved`".
  std::string whyUnknown(const NormAnswer& a) const;
  /// What an undetermined `stands()` turns on.
  std::optional<Unspecified> standsDependsOn(const NormAnswer& a) const;

  /// "conflict", "contradiction", "deadline overlap".
  static const char* clashKind(analysis::PairRule r);
  /// "`pipl_41` forbids what `cloud_2713` obliges".
  std::string clashWhat(const ClashAnswer& c) const;
  /// "`uk_copo` prevails (agreement us_uk_data: US defers to GB)", or why it stands.
  std::string clashOutcome(const ClashAnswer& c) const;
  /// The precedence rule spelled out: "lex superior: PIPL is a statute, ... a regulation".
  std::string ruleDetail(const ClashAnswer& c) const;

  /// The situation in one line: "actor ServiceProvider, DataHandler; action disclose; data
  /// content, location CN; legal_process, not approved; date 2024-01-01".
  std::string situationText() const;

  /// A note at the norm's declaration: "`pipl_41` forbids it here (PIPL, article 41)".
  diag::Related normNote(Index norm, const std::string& what) const;
  /// Notes for a clash: both norms, and the agreement that decided it.
  void clashNotes(const ClashAnswer& c, std::vector<diag::Related>& out) const;

  std::string issuerName(Index norm) const { return p_.issuerName(p_.issuer(p_.norms[norm])); }
  std::string valueName(Index dim, Index value) const;

 private:
  const Evaluator& ev_;
  const model::Program& p_;
  const Situation& s_;
  const Evaluation& e_;
};

}  // namespace nomos::eval
