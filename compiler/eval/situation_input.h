// Situations for `nomos eval`, read from a JSON object (docs/schema/situation.schema.json) or
// from command-line flags, with names looked up in the program's vocabulary.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "eval/situation.h"

namespace nomos::eval {

/// Name lookup over the declarations a situation names: a qualified name (`cn.pipl.x`) or a
/// plain one, which must then be unique.
class Vocabulary {
 public:
  explicit Vocabulary(const model::Program& program);

  /// Each returns the index, or sets `error` to a sentence for the user.
  std::optional<Index> actor(const std::string& name, std::string& error) const;
  std::optional<Index> action(const std::string& name, std::string& error) const;
  std::optional<Index> dimension(const std::string& name, std::string& error) const;
  std::optional<Index> fact(const std::string& name, std::string& error) const;
  /// A value of `dim`: a category of a taxonomy dimension, or a jurisdiction.
  std::optional<Index> value(Index dim, const std::string& name, std::string& error) const;

  const model::Program& program() const { return program_; }

 private:
  using Table = std::unordered_map<std::string, std::vector<Index>>;
  std::optional<Index> find(const Table& t, const std::string& kind, const std::string& name,
                            std::string& error, const std::vector<std::string>& qualified) const;

  const model::Program& program_;
  Table actors_, actions_, dims_, facts_, jurisdictions_;
  std::vector<std::string> actorQ_, actionQ_, dimQ_, factQ_, jurQ_;
};

/// A situation read from input, or why it could not be (N4003).
struct SituationInput {
  Situation situation;
  nlohmann::json id;  // echoed in the answer (null when absent)
  std::vector<std::string> errors;
};

SituationInput situationFromJson(const Vocabulary& vocabulary, const nlohmann::json& j);

/// The flags of `nomos eval`: `--actor C` (repeatable), `--action A`, `--set dim=value`,
/// `--fact name[=true|false|N]`, `--date D`.
struct SituationFlags {
  std::vector<std::string> actors;
  std::string action;
  std::vector<std::string> sets;
  std::vector<std::string> facts;
  std::string date;
};

SituationInput situationFromFlags(const Vocabulary& vocabulary, const SituationFlags& flags);

}  // namespace nomos::eval
