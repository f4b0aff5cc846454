#include "analysis/engine.h"

#include <algorithm>

#include <fmt/format.h>

namespace nomos::analysis {

namespace detail {

/// The one door into the Analyzer's private state (declared its friend in analyzer.h).
class EngineAccess {
 public:
  static void prepare(Analyzer& a) {
    a.prepareNorms();
    a.prepareClaimsAndAgreements();
  }
  static const Domains& domains(const Analyzer& a) { return a.domains_; }
  static const Algebra& algebra(const Analyzer& a) { return a.algebra_; }
  static const std::vector<PreparedNorm>& norms(const Analyzer& a) { return a.norms_; }
  static const std::vector<PreparedClaim>& claims(const Analyzer& a) { return a.claims_; }
  static const std::vector<PreparedDeference>& deferences(const Analyzer& a) {
    return a.deferences_;
  }
  static PairOutcome resolve(Analyzer& a, PairRule rule, Index x, Index y, const Box& meet) {
    return a.resolve(rule, x, y, meet);
  }
};

}  // namespace detail

namespace {

using detail::EngineAccess;
using model::Modality;

std::string joinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

void addUnique(std::vector<Index>& to, const std::vector<Index>& from) {
  for (Index i : from) {
    if (std::find(to.begin(), to.end(), i) == to.end()) to.push_back(i);
  }
}

}  // namespace

Engine::Engine(const model::Program& program, diag::DiagnosticEngine& diags, const Options& options)
    : program_(program), analyzer_(std::make_unique<detail::Analyzer>(program, diags, options)) {
  EngineAccess::prepare(*analyzer_);
}

Engine::~Engine() = default;

const Domains& Engine::domains() const { return EngineAccess::domains(*analyzer_); }
const Algebra& Engine::algebra() const { return EngineAccess::algebra(*analyzer_); }

bool Engine::usable(Index norm) const { return EngineAccess::norms(*analyzer_)[norm].usable; }
const Region& Engine::condition(Index norm) const {
  return EngineAccess::norms(*analyzer_)[norm].condition;
}
Range Engine::window(Index norm) const { return EngineAccess::norms(*analyzer_)[norm].window; }
model::Issuer Engine::issuer(Index norm) const {
  return EngineAccess::norms(*analyzer_)[norm].issuer;
}
const std::vector<Index>& Engine::mentionedDims(Index norm) const {
  return EngineAccess::norms(*analyzer_)[norm].dims;
}
const std::vector<Index>& Engine::mentionedFacts(Index norm) const {
  return EngineAccess::norms(*analyzer_)[norm].facts;
}

bool Engine::claimUsable(Index claim) const {
  return EngineAccess::claims(*analyzer_)[claim].usable;
}
const Region& Engine::claimRegion(Index claim) const {
  return EngineAccess::claims(*analyzer_)[claim].region;
}

std::optional<RuledPair> Engine::pairRule(Index a, Index b) const {
  if (a == b) return std::nullopt;
  const auto& na = program_.norms[a];
  const auto& nb = program_.norms[b];
  auto within = [&](Index x, Index y) {
    return program_.actionWithin(program_.norms[x].action, program_.norms[y].action);
  };
  auto incompatible = [&](Index x, Index y) {
    return program_.actionsIncompatible(program_.norms[x].action, program_.norms[y].action);
  };
  // Each rule is tried with the pair in both orders, as checkPairs visits it from either side.
  for (int flip = 0; flip < 2; ++flip) {
    Index x = flip ? b : a, y = flip ? a : b;
    Modality mx = flip ? nb.modality : na.modality, my = flip ? na.modality : nb.modality;
    if (mx == Modality::Must && my == Modality::MustNot && within(x, y)) {
      return RuledPair{PairRule::ObligationProhibition, x, y};
    }
    if (mx == Modality::May && my == Modality::MustNot && (within(x, y) || within(y, x))) {
      return RuledPair{PairRule::PermissionProhibition, x, y};
    }
    if (mx == Modality::Must && my == Modality::NeedNot && within(x, y)) {
      return RuledPair{PairRule::ObligationExemption, x, y};
    }
    if (mx == Modality::May && my == Modality::Must && incompatible(x, y)) {
      return RuledPair{PairRule::PermissionIncompatible, x, y};
    }
  }
  if (na.modality == Modality::Must && nb.modality == Modality::Must) {
    Index x = std::min(a, b), y = std::max(a, b);
    if (incompatible(a, b)) return RuledPair{PairRule::IncompatibleObligations, x, y};
    if (na.action == nb.action && na.withinHours && nb.withinHours &&
        *na.withinHours != *nb.withinHours) {
      return RuledPair{PairRule::Deadline, x, y};
    }
  }
  return std::nullopt;
}

SituationClash Engine::resolveIn(const RuledPair& pair, const Region& where) {
  SituationClash out;
  out.pair = pair;
  const Index x = pair.x, y = pair.y;
  const model::Issuer ix = issuer(x), iy = issuer(y);
  using Kind = model::Issuer::Kind;

  if (pair.rule == PairRule::Deadline) {
    const auto& nx = program_.norms[x];
    const auto& ny = program_.norms[y];
    const auto& stricter = *nx.withinHours <= *ny.withinHours ? nx : ny;
    out.help =
        fmt::format("acting within {} satisfies both norms",
                    stricter.withinText.empty() ? fmt::format("{} hours", *stricter.withinHours)
                                                : stricter.withinText);
    return out;
  }

  // A body's rule against the law: the law prevails, and the body must change its rule.
  bool xBody = ix.kind == Kind::Body, yBody = iy.kind == Kind::Body;
  if ((xBody && iy.kind == Kind::Jurisdiction) || (yBody && ix.kind == Kind::Jurisdiction)) {
    out.bodyVersusLaw = true;
    out.prevailing = xBody ? y : x;
    Index body = xBody ? x : y;
    out.help = fmt::format(
        "the law prevails over {}'s own rules: `{}` must change so that it does not apply where "
        "`{}` does",
        program_.issuerName(xBody ? ix : iy), program_.norms[body].name,
        program_.norms[out.prevailing].name);
    return out;
  }

  // Rules 1-3 hold within one legal order and do not depend on the situation.
  if (program_.issuersRelated(ix, iy)) {
    std::uint64_t key = (std::uint64_t{x} << 32) | y;
    auto it = cache_.find(key);
    if (it == cache_.end()) {
      detail::PairOutcome outcome;
      Box meet;
      if (!where.empty()) meet = where.boxes.front();
      try {
        outcome = EngineAccess::resolve(*analyzer_, pair.rule, x, y, meet);
      } catch (const RegionTooLarge&) {
        outcome.help = "the norms are too complex to compare (N3070)";
      }
      it = cache_.emplace(key, std::move(outcome)).first;
    }
    out.resolution = it->second.resolution;
    out.help = it->second.help;
    if (out.resolution.resolved) out.prevailing = out.resolution.winner;
    return out;
  }

  // Rule 4, unrelated issuers: agreements in force whose deferences cover the situations at
  // hand. Covering part of them leaves the answer to what the situation does not say.
  const auto& deferences = EngineAccess::deferences(*analyzer_);
  const Algebra& alg = algebra();
  Region toY, toX;
  std::vector<Index> yAgreements, xAgreements;
  bool anyMet = false;
  try {
    for (const auto& d : deferences) {
      if (!d.usable) continue;
      bool forward = d.from == ix && d.to == iy, backward = d.from == iy && d.to == ix;
      if ((!forward && !backward) || !alg.meets(where, d.cover)) continue;
      anyMet = true;
      (forward ? toY : toX) = alg.unite(forward ? toY : toX, d.cover);
      auto& list = forward ? yAgreements : xAgreements;
      if (std::find(list.begin(), list.end(), d.agreement) == list.end())
        list.push_back(d.agreement);
      addUnique(out.dependsOnDims, d.dims);
      addUnique(out.dependsOnFacts, d.facts);
    }
    auto settle = [&](Index winner, const std::vector<Index>& agreements, model::Issuer from,
                      model::Issuer to) {
      std::vector<std::string> names;
      for (Index a : agreements) names.push_back(program_.agreements[a].name);
      out.resolution.resolved = true;
      out.resolution.winner = winner;
      out.resolution.agreement = agreements.front();
      out.resolution.rule =
          fmt::format("{} {}: {} defers to {}", names.size() > 1 ? "agreements" : "agreement",
                      joinNames(names), program_.issuerName(from), program_.issuerName(to));
      out.prevailing = winner;
      out.dependsOnDims.clear();
      out.dependsOnFacts.clear();
    };
    if (!toY.empty() && alg.includes(toY, where)) {
      settle(y, yAgreements, ix, iy);
      return out;
    }
    if (!toX.empty() && alg.includes(toX, where)) {
      settle(x, xAgreements, iy, ix);
      return out;
    }
  } catch (const RegionTooLarge&) {
    out.help = "the agreements are too complex to compare with this situation (N3070)";
    return out;
  }
  if (anyMet) {
    out.undetermined = true;
    out.help = fmt::format(
        "the agreements between {} and {} settle some of these situations and not others: the "
        "answer depends on "
        "what the situation leaves unspecified",
        program_.issuerName(ix), program_.issuerName(iy));
    return out;
  }
  out.dependsOnDims.clear();
  out.dependsOnFacts.clear();
  out.help = fmt::format(
      "no precedence rule or agreement resolves it: {} and {} are unrelated issuers, and no "
      "agreement in force "
      "between them covers this situation",
      program_.issuerName(ix), program_.issuerName(iy));
  return out;
}

}  // namespace nomos::analysis
