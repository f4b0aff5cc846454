// `nomos export --format odrl`: W3C ODRL 2.2 in JSON-LD. One `Set` policy per instrument;
// each norm becomes a permission, prohibition or obligation whose assignee is its actor
// class, whose action is its action, and whose constraints are its condition (negations
// pushed inward, `or` as ODRL logical constraints). What ODRL cannot say (exemptions,
// sovereignty, agreements, precedence) is listed in docs/backends.md.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "model/program.h"

namespace nomos::backends {

inline constexpr std::string_view kOdrlContext = "http://www.w3.org/ns/odrl.jsonld";

struct OdrlOptions {
  /// The IRI that the `nomos:` prefix stands for: our profile's vocabulary (actions,
  /// actor classes, jurisdictions, categories, custom left operands) lives under it. An IRI
  /// that does not end in one of `:/?#[]@` gets a `#`, so JSON-LD can use it as a prefix.
  std::string vocabulary = "urn:nomos:";
};

nlohmann::json exportOdrl(const model::Program& program, const OdrlOptions& options = {});

}  // namespace nomos::backends
