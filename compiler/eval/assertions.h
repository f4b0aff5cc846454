// The assertions of a `test` block (LANGUAGE.md §7), judged against an evaluation. Each is
// three-valued: it holds, it does not, or it depends on what the situation leaves free.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "eval/evaluator.h"

namespace nomos::eval {

struct ExpectationOutcome {
  Truth holds = Truth::Yes;
  /// The assertion in words: "forbidden by `pipl_41`", "conflict between `a` and `b`".
  std::string expected;
  /// What holds instead (when it does not hold), with its reason.
  std::string found;
  /// What an undetermined answer turns on, and the norm (or claim) whose answer it is.
  std::optional<Unspecified> dependsOn;
  std::string dependsWhere;  // "whether `pipl_41` applies"
  /// The reason chain: notes at the norms, instruments and agreements involved.
  std::vector<diag::Related> notes;
};

ExpectationOutcome checkExpectation(const Evaluator& evaluator, const Situation& situation,
                                    const Evaluation& evaluation,
                                    const model::Test::Expectation& expectation);

/// "expect forbidden by pipl_41", as written.
std::string expectationText(const model::Program& program, const model::Test::Expectation& e);

}  // namespace nomos::eval
