// The answer of `nomos eval` for one situation: the norms that apply (with citations), the
// status of the action per issuer after resolution, and the clashes met there with the chain
// of reasons. Text for people, JSON for tools (docs/schema/eval-answer.schema.json).
#pragma once

#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "eval/evaluator.h"
#include "source/source_manager.h"

namespace nomos::eval {

/// The status of the action for one issuer: what the norms that stand there make it.
struct IssuerStatus {
  model::Issuer issuer;
  struct Entry {
    Status status = Status::Obliged;
    std::vector<Index> norms;
    bool certain = true;  // false: whether it stands depends on what the situation leaves free
  };
  std::vector<Entry> entries;  // empty: no rule stands
};

/// Issuers in order of their first applying norm.
std::vector<IssuerStatus> statusByIssuer(const model::Program& program, const Evaluation& e);

/// The full answer for people. `sm` (may be null) locates the norms.
void renderAnswerText(std::ostream& out, const Evaluator& evaluator, const Situation& s,
                      const Evaluation& e, const source::SourceManager* sm);

/// One line per answer, for batches: "CN forbidden (pipl_41); US obliged (cloud_2713); ...".
std::string answerLine(const Evaluator& evaluator, const Situation& s, const Evaluation& e);

nlohmann::json answerJson(const Evaluator& evaluator, const Situation& s, const Evaluation& e,
                          const source::SourceManager* sm);

/// The situation as the JSON of docs/schema/situation.schema.json.
nlohmann::json situationJson(const model::Program& program, const Situation& s);

}  // namespace nomos::eval
