// Conflicts, contradictions and deadline overlaps between pairs of norms, and the helpers
// every check shares for reporting.
#include <algorithm>

#include <fmt/format.h>

#include "analysis/analyzer.h"

namespace nomos::analysis::detail {

namespace {

using model::Modality;

struct RuleInfo {
  diag::DiagId code;      // between norms of jurisdictions (or of bodies)
  diag::DiagId bodyCode;  // a body's rule against a jurisdiction's law
  FindingKind kind;
  const char* word;
};

RuleInfo ruleInfo(PairRule r) {
  using diag::DiagId;
  switch (r) {
    case PairRule::ObligationProhibition:
      return {DiagId::ConflictObligationProhibition, DiagId::RuleConflictsWithLaw,
              FindingKind::Conflict, "conflict"};
    case PairRule::IncompatibleObligations:
      return {DiagId::ConflictIncompatibleObligations, DiagId::RuleConflictsWithLaw,
              FindingKind::Conflict, "conflict"};
    case PairRule::PermissionProhibition:
      return {DiagId::ContradictionPermissionProhibition, DiagId::RuleContradictsLaw,
              FindingKind::Contradiction, "contradiction"};
    case PairRule::ObligationExemption:
      return {DiagId::ContradictionObligationExemption, DiagId::RuleContradictsLaw,
              FindingKind::Contradiction, "contradiction"};
    case PairRule::PermissionIncompatible:
      return {DiagId::ContradictionPermissionIncompatible, DiagId::RuleContradictsLaw,
              FindingKind::Contradiction, "contradiction"};
    case PairRule::Deadline:
      return {DiagId::DeadlineOverlap, DiagId::DeadlineOverlap, FindingKind::DeadlineOverlap,
              "deadline overlap"};
  }
  return {DiagId::ConflictObligationProhibition, DiagId::RuleConflictsWithLaw,
          FindingKind::Conflict, "conflict"};
}

/// The middle of "rule conflicts with law: `acme_1` obliges what is forbidden by `pipl_41`".
/// `bodyIsX` says whether the body's norm plays the first role of the rule.
const char* bodyPhrase(PairRule r, bool bodyIsX) {
  switch (r) {
    case PairRule::ObligationProhibition:
      return bodyIsX ? "obliges what is forbidden by" : "forbids what is obliged by";
    case PairRule::IncompatibleObligations:
      return "obliges an action incompatible with what is obliged by";
    case PairRule::PermissionProhibition:
      return bodyIsX ? "permits what is forbidden by" : "forbids what is permitted by";
    case PairRule::ObligationExemption:
      return bodyIsX ? "obliges what is exempted by" : "exempts what is obliged by";
    case PairRule::PermissionIncompatible:
      return bodyIsX ? "permits an action incompatible with what is obliged by"
                     : "obliges an action incompatible with what is permitted by";
    case PairRule::Deadline:
      break;
  }
  return "clashes with";
}

const char* modalityVerb(Modality m) {
  switch (m) {
    case Modality::Must:
      return "obliges";
    case Modality::MustNot:
      return "forbids";
    case Modality::May:
      return "permits";
    case Modality::NeedNot:
      return "exempts";
  }
  return "obliges";
}

bool incompatibleRule(PairRule r) {
  return r == PairRule::IncompatibleObligations || r == PairRule::PermissionIncompatible;
}

}  // namespace

void Analyzer::prepareNorms() {
  norms_.resize(program_.norms.size());
  for (Index n = 0; n < program_.norms.size(); ++n) {
    const auto& src = program_.norms[n];
    auto& p = norms_[n];
    p.issuer = program_.issuer(src);
    model::Window w = program_.window(src);
    p.window = {w.from.days, w.to.days};
    if (src.where) collectMentions(*src.where, p.dims, p.facts);
    if (src.unless) collectMentions(*src.unless, p.dims, p.facts);
    if (src.subject >= program_.actors.size() || src.action >= program_.actions.size()) continue;
    try {
      p.condition = algebra_.normCondition(src);
    } catch (const RegionTooLarge&) {
      reportTooComplex(n);
      continue;
    }
    p.usable = true;
    // A subject under two disjoint classes holds no actor (Program::actorsDisjoint is then
    // true of the class with itself).
    p.emptySubject = program_.actorsDisjoint(src.subject, src.subject);
    p.empty = p.condition.empty() || p.window.empty() || p.emptySubject;
  }
}

void Analyzer::checkPairs() {
  const NormIndex& idx = *index_;
  for (Index n = 0; n < program_.norms.size(); ++n) {
    if (!norms_[n].usable || norms_[n].empty) continue;
    const auto& src = norm(n);
    Index a = src.action;
    auto each = [&](Modality m, Index action, auto&& fn) {
      idx.forEachCandidate(m, action, n, fn);
    };
    if (src.modality == Modality::Must) {
      for (Index up : idx.ancestors(a)) {
        each(Modality::MustNot, up,
             [&](Index j) { considerPair(PairRule::ObligationProhibition, n, j); });
        each(Modality::NeedNot, up,
             [&](Index j) { considerPair(PairRule::ObligationExemption, n, j); });
      }
      for (Index b : idx.incompatibleWith(a)) {
        each(Modality::Must, b, [&](Index j) {
          if (j > n) considerPair(PairRule::IncompatibleObligations, n, j);
        });
      }
      if (src.withinHours) {
        each(Modality::Must, a, [&](Index j) {
          const auto& other = norm(j);
          if (j > n && other.withinHours && *other.withinHours != *src.withinHours) {
            considerPair(PairRule::Deadline, n, j);
          }
        });
      }
    } else if (src.modality == Modality::May) {
      for (Index up : idx.ancestors(a)) {
        each(Modality::MustNot, up,
             [&](Index j) { considerPair(PairRule::PermissionProhibition, n, j); });
      }
      for (Index down : idx.descendants(a)) {
        each(Modality::MustNot, down,
             [&](Index j) { considerPair(PairRule::PermissionProhibition, n, j); });
      }
      for (Index b : idx.incompatibleWith(a)) {
        each(Modality::Must, b,
             [&](Index j) { considerPair(PairRule::PermissionIncompatible, n, j); });
      }
    }
  }
  reportSuppressedPairs();
}

void Analyzer::considerPair(PairRule rule, Index x, Index y) {
  if (x == y) return;
  const auto& px = norms_[x];
  const auto& py = norms_[y];
  if (program_.actorsDisjoint(norm(x).subject, norm(y).subject)) return;
  Range dates{std::max(px.window.lo, py.window.lo), std::min(px.window.hi, py.window.hi)};
  if (dates.empty()) return;
  std::optional<Box> meet = algebra_.firstMeet(px.condition, py.condition);
  if (!meet) return;
  meet->dates = dates;
  // Past the limit a meeting pair is only counted: resolving it would cost time for a
  // finding nobody will see.
  if (!pairBudgetLeft(std::max(x, y))) return;
  if (rule == PairRule::Deadline) {
    reportDeadline(x, y, *meet);
    return;
  }
  using Kind = model::Issuer::Kind;
  bool bodyVersusLaw = (px.issuer.kind == Kind::Body && py.issuer.kind == Kind::Jurisdiction) ||
                       (px.issuer.kind == Kind::Jurisdiction && py.issuer.kind == Kind::Body);
  PairOutcome outcome;
  if (bodyVersusLaw) {
    outcome.witness = *meet;  // the law always prevails: nothing to resolve
  } else {
    try {
      outcome = resolve(rule, x, y, *meet);
    } catch (const RegionTooLarge&) {
      reportTooComplex(px.condition.boxes.size() >= py.condition.boxes.size() ? x : y);
      return;
    }
  }
  reportPair(rule, x, y, outcome, bodyVersusLaw);
}

bool Analyzer::pairBudgetLeft(Index first) {
  if (options_.maxPairFindings == 0 || pairFindings_ < options_.maxPairFindings) {
    ++pairFindings_;
    return true;
  }
  if (suppressedPairs_++ == 0) firstSuppressed_ = first;
  return false;
}

void Analyzer::reportSuppressedPairs() {
  if (suppressedPairs_ == 0) return;
  Finding f;
  f.kind = FindingKind::TooComplex;
  f.code = diag::DiagId::TooManyFindings;
  f.severity = diag::info(f.code).severity;
  f.first = firstSuppressed_;
  auto& d = diags_.report(f.code, norm(firstSuppressed_).span, suppressedPairs_,
                          options_.maxPairFindings);
  d.help.push_back("resolve the findings shown first, or raise the limit");
  record(std::move(f), d);
}

void Analyzer::reportPair(PairRule rule, Index x, Index y, const PairOutcome& outcome,
                          bool bodyVersusLaw) {
  RuleInfo info = ruleInfo(rule);
  // Reported at the body's norm (it must change), else at the later norm in the program.
  Index first = std::max(x, y);
  if (bodyVersusLaw) first = norms_[x].issuer.kind == model::Issuer::Kind::Body ? x : y;
  Index other = first == x ? y : x;

  Finding f;
  f.kind = info.kind;
  f.first = first;
  f.second = other;
  f.point = pickPoint(outcome.witness, domains_);

  std::vector<const std::vector<Index>*> dims{&norms_[std::min(x, y)].dims,
                                              &norms_[std::max(x, y)].dims};
  std::vector<const std::vector<Index>*> facts{&norms_[std::min(x, y)].facts,
                                               &norms_[std::max(x, y)].facts};
  if (!outcome.resolution.resolved) {
    for (Index d : outcome.deferences) {
      dims.push_back(&deferences_[d].dims);
      facts.push_back(&deferences_[d].facts);
    }
  }
  f.witness =
      witnessFor(outcome.witness, *f.point, actsFor(x, y, incompatibleRule(rule)), dims, facts);

  diag::Span span = norm(first).span;
  diag::Diagnostic* d = nullptr;
  if (outcome.resolution.resolved) {
    f.code = diag::DiagId::ConflictResolved;
    f.severity = diag::Severity::Note;
    f.resolution = outcome.resolution;
    f.resolution.pairCode = info.code;
    d = &diags_.report(f.code, span, info.word, norm(first).name, norm(other).name,
                       norm(outcome.resolution.winner).name, outcome.resolution.rule);
  } else if (bodyVersusLaw) {
    f.code = info.bodyCode;
    f.severity = diag::info(f.code).severity;
    d = &diags_.report(f.code, span, norm(first).name, bodyPhrase(rule, first == x),
                       norm(other).name);
    d->help.push_back(
        fmt::format("the law prevails over {}'s own rules: change `{}` so that it does not apply "
                    "where `{}` does "
                    "(for example with an `unless` clause)",
                    program_.issuerName(norms_[first].issuer), norm(first).name, norm(other).name));
  } else {
    f.code = info.code;
    f.severity = diag::info(f.code).severity;
    if (rule == PairRule::IncompatibleObligations) {
      d = &diags_.report(f.code, span, norm(first).name, norm(other).name);
    } else {
      d = &diags_.report(f.code, span, norm(x).name, norm(y).name);
    }
    if (!outcome.help.empty()) d->help.push_back(outcome.help);
  }

  auto what = [&](Index n) {
    std::string verb = modalityVerb(norm(n).modality);
    return incompatibleRule(rule) ? verb + " " + program_.actions[norm(n).action].name
                                  : verb + " it";
  };
  d->related.push_back({norm(other).span, relatedText(other, what(other))});
  d->related.push_back({span, relatedText(first, what(first))});
  if (!outcome.resolution.resolved) {
    for (Index k : outcome.deferences) {
      const auto& def = program_.agreements[deferences_[k].agreement];
      d->related.push_back(
          {deferences_[k].span.valid() ? deferences_[k].span : def.span,
           fmt::format("agreement `{}` settles only part of it: {} defers to {} here", def.name,
                       program_.issuerName(deferences_[k].from),
                       program_.issuerName(deferences_[k].to))});
    }
  }
  record(std::move(f), *d);
}

void Analyzer::reportDeadline(Index x, Index y, const Box& meet) {
  Index first = std::max(x, y), other = std::min(x, y);
  auto deadline = [&](Index n) {
    const auto& src = norm(n);
    return src.withinText.empty() ? fmt::format("{} hours", *src.withinHours) : src.withinText;
  };
  Index stricter = *norm(first).withinHours < *norm(other).withinHours ? first : other;
  Finding f;
  f.kind = FindingKind::DeadlineOverlap;
  f.code = diag::DiagId::DeadlineOverlap;
  f.severity = diag::Severity::Note;
  f.first = first;
  f.second = other;
  f.point = pickPoint(meet, domains_);
  f.witness =
      witnessFor(meet, *f.point, actsFor(x, y, false), {&norms_[other].dims, &norms_[first].dims},
                 {&norms_[other].facts, &norms_[first].facts});
  auto& d = diags_.report(f.code, norm(first).span, norm(first).name, norm(other).name,
                          deadline(first), deadline(other), norm(stricter).name);
  d.related.push_back(
      {norm(other).span, relatedText(other, "obliges it within " + deadline(other))});
  d.related.push_back(
      {norm(first).span, relatedText(first, "obliges it within " + deadline(first))});
  d.help.push_back(fmt::format("acting within {} satisfies both norms", deadline(stricter)));
  record(std::move(f), d);
}

void Analyzer::reportTooComplex(Index n) {
  auto& p = norms_[n];
  if (p.tooComplexReported) return;
  p.tooComplexReported = true;
  Finding f;
  f.kind = FindingKind::TooComplex;
  f.code = diag::DiagId::RegionTooLarge;
  f.severity = diag::info(f.code).severity;
  f.first = n;
  auto& d = diags_.report(f.code, norm(n).span, norm(n).name, options_.maxBoxes);
  d.help.push_back("split the norm into several norms with simpler conditions");
  record(std::move(f), d);
}

std::string Analyzer::relatedText(Index n, const std::string& what) const {
  std::string cite = program_.citation(norm(n));
  if (cite.empty()) return fmt::format("`{}` {} here", norm(n).name, what);
  return fmt::format("`{}` {} here ({})", norm(n).name, what, cite);
}

WitnessActs Analyzer::actsFor(Index x, Index y, bool bothActions) const {
  Index early = std::min(x, y), late = std::max(x, y);
  Index se = norm(early).subject, sl = norm(late).subject;
  WitnessActs acts;
  if (program_.actorWithin(se, sl)) {
    acts.actors = {se};
  } else if (program_.actorWithin(sl, se)) {
    acts.actors = {sl};
  } else {
    acts.actors = {se, sl};
  }
  Index ae = norm(early).action, al = norm(late).action;
  if (bothActions) {
    acts.actions = {ae, al};
  } else {
    acts.actions = {program_.actionWithin(ae, al) ? ae : al};  // the more specific
  }
  return acts;
}

diag::Witness Analyzer::witnessFor(const Box& box, const Point& point, const WitnessActs& acts,
                                   const std::vector<const std::vector<Index>*>& dims,
                                   const std::vector<const std::vector<Index>*>& facts) const {
  std::vector<Index> ds, fs;
  for (const auto* list : dims) {
    for (Index d : *list) {
      if (box.dimAtoms(d) && std::find(ds.begin(), ds.end(), d) == ds.end()) ds.push_back(d);
    }
  }
  for (const auto* list : facts) {
    for (Index f : *list) {
      bool constrained = box.flag(f).has_value() || box.count(f) != kAllCounts;
      if (constrained && std::find(fs.begin(), fs.end(), f) == fs.end()) fs.push_back(f);
    }
  }
  return renderWitness(program_, point, acts, ds, fs);
}

Finding& Analyzer::record(Finding finding, diag::Diagnostic& d) {
  if (finding.witness) d.witness = finding.witness;
  finding.message = d.message;
  findings_.push_back(std::move(finding));
  return findings_.back();
}

}  // namespace nomos::analysis::detail
