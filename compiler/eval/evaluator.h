// Evaluation of one situation against a program: which norms apply there, which clashes meet
// there and how the precedence rules settle them, and so which norms stand. Everything is
// asked of the analysis (analysis/engine.h): the situation is a box, a norm applies when the
// box lies inside its region, clashes follow the analysis's pair rules and resolution.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "analysis/engine.h"
#include "eval/situation.h"
#include "eval/truth.h"

namespace nomos::eval {

using Status = model::Test::Status;

/// The status a norm gives the action: must → obliged, must not → forbidden, ...
Status statusOf(model::Modality m);
/// "obliged", "forbidden", "permitted", "exempt".
const char* statusName(Status s);

/// A norm that applies in the situation, or may, depending on what it leaves free.
struct NormAnswer {
  Index norm = model::kNone;
  /// Not about the action done but an obligation it precludes (`must delete` while the actor
  /// retains, the two declared incompatible): it takes part in clashes (incompatible
  /// obligations, permission against an incompatible obligation), not in the action's status,
  /// and it does not "apply" in the sense of `expect not applicable`.
  bool precluded = false;
  Truth applies = Truth::Yes;            // never No: those are not listed
  std::optional<Unspecified> dependsOn;  // when applies is Unknown
  /// Set aside by a norm that prevails over it here (Unknown: depends on the situation).
  Truth overridden = Truth::No;
  std::size_t overriddenBy = SIZE_MAX;  // the clash that sets it aside (first one)
  /// Applies and is not set aside.
  Truth stands() const { return applies && !overridden; }
};

/// A clash between two norms that both apply (or may) in the situation.
struct ClashAnswer {
  analysis::SituationClash clash;
  Truth meets = Truth::Yes;              // do both norms apply?
  std::optional<Unspecified> dependsOn;  // what an undetermined resolution depends on
  /// Is it a conflict or contradiction that nothing resolves (an error at a body's rule
  /// against the law included)? Unknown when the agreements leave it open.
  Truth unresolved() const;
};

struct Evaluation {
  analysis::Box box;
  std::vector<char> actorIn;  // per actor class
  Index action = model::kNone;
  std::vector<NormAnswer> norms;  // program order
  std::vector<ClashAnswer> clashes;

  /// The norm's answer, precluded obligations included; nullptr when it does not bear on the
  /// situation at all.
  const NormAnswer* find(Index norm) const;
  /// Only a norm about the action done (not a precluded obligation).
  const NormAnswer* findApplying(Index norm) const {
    const NormAnswer* a = find(norm);
    return a && !a->precluded ? a : nullptr;
  }
  Truth applies(Index norm) const {
    const NormAnswer* a = findApplying(norm);
    return a ? a->applies : Truth::No;
  }
  /// The clash between two norms (either order), or nullptr.
  const ClashAnswer* clashBetween(Index a, Index b) const;
};

class Evaluator {
 public:
  /// Indexes the norms by action, once per program.
  explicit Evaluator(analysis::Engine& engine);

  analysis::Engine& engine() const { return engine_; }
  const model::Program& program() const { return engine_.program(); }

  /// Evaluates a valid situation (see validate()).
  Evaluation evaluate(const Situation& s) const;

  /// Does the sovereignty claim cover the situation?
  Truth claimHolds(const Evaluation& e, Index claim,
                   std::optional<Unspecified>* dependsOn = nullptr) const;

  /// Does the norm's condition and time window hold in `box` (subject and action aside)?
  Truth conditionHolds(Index norm, const analysis::Box& box,
                       std::optional<Unspecified>* dependsOn) const;

 private:
  /// Is `box` inside, outside or across `region`? On Unknown, names the first item the
  /// region's condition mentions that the box leaves free and the answer turns on.
  Truth regionTruth(const analysis::Region& region, const analysis::Box& box,
                    const std::vector<Index>& dims, const std::vector<Index>& facts,
                    std::optional<Unspecified>* dependsOn) const;

  analysis::Engine& engine_;
  std::vector<std::vector<Index>> byAction_;      // norms per action, program order
  std::vector<std::vector<Index>> incompatible_;  // per action: the actions it precludes
};

}  // namespace nomos::eval
