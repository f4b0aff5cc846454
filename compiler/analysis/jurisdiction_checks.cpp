// Sovereignty: overlapping claims of unrelated jurisdictions, and norms that reach beyond
// every claim of their issuer.
#include <fmt/format.h>

#include "analysis/analyzer.h"

namespace nomos::analysis::detail {

namespace {

/// How many of the issuer's claims a reach finding points at.
constexpr std::size_t kClaimsShown = 3;

}  // namespace

void Analyzer::prepareClaimsAndAgreements() {
  auto tooComplex = [&](const std::string& name, diag::Span span) {
    Finding f;
    f.kind = FindingKind::TooComplex;
    f.code = diag::DiagId::RegionTooLarge;
    f.severity = diag::info(f.code).severity;
    auto& d = diags_.report(f.code, span, name, options_.maxBoxes);
    d.help.push_back("split the condition into several simpler declarations");
    record(std::move(f), d);
  };

  claims_.resize(program_.claims.size());
  for (Index c = 0; c < program_.claims.size(); ++c) {
    const auto& src = program_.claims[c];
    auto& p = claims_[c];
    collectMentions(src.condition, p.dims, p.facts);
    if (src.jurisdiction >= program_.jurisdictions.size()) continue;
    try {
      p.region = algebra_.claimCondition(src.condition);
      p.usable = true;
    } catch (const RegionTooLarge&) {
      tooComplex(src.name, src.span);
    }
  }

  for (Index a = 0; a < program_.agreements.size(); ++a) {
    const auto& ag = program_.agreements[a];
    Range window{ag.effective ? ag.effective->days : kAllDates.lo,
                 ag.until ? ag.until->days : kAllDates.hi};
    for (const auto& def : ag.deferences) {
      PreparedDeference p;
      p.from = def.from;
      p.to = def.to;
      p.agreement = a;
      p.span = def.span;
      collectMentions(def.condition, p.dims, p.facts);
      try {
        p.cover = Algebra::restrictDates(algebra_.claimCondition(def.condition), window);
        p.usable = true;
      } catch (const RegionTooLarge&) {
        tooComplex(ag.name, def.span.valid() ? def.span : ag.span);
      }
      deferences_.push_back(std::move(p));
    }
  }
}

void Analyzer::checkClaimOverlaps() {
  // Claims are few (a handful per jurisdiction), so every pair is examined.
  const auto& claims = program_.claims;
  for (Index j = 0; j < claims.size(); ++j) {
    if (!claims_[j].usable) continue;
    for (Index i = 0; i < j; ++i) {
      if (!claims_[i].usable) continue;
      Index ji = claims[i].jurisdiction, jj = claims[j].jurisdiction;
      if (ji == jj || program_.jurisdictionWithin(ji, jj) || program_.jurisdictionWithin(jj, ji))
        continue;
      std::optional<Box> meet = algebra_.firstMeet(claims_[i].region, claims_[j].region);
      if (!meet) continue;
      bool exclusive = claims[i].exclusive || claims[j].exclusive;
      Finding f;
      f.kind = FindingKind::Overlap;
      f.code = exclusive ? diag::DiagId::ExclusiveOverlap : diag::DiagId::JurisdictionOverlap;
      f.severity = diag::info(f.code).severity;
      f.first = j;
      f.second = i;
      f.point = pickPoint(*meet, domains_);
      f.witness = witnessFor(*meet, *f.point, {}, {&claims_[i].dims, &claims_[j].dims},
                             {&claims_[i].facts, &claims_[j].facts});
      const std::string nameI = program_.jurisdictions[ji].name,
                        nameJ = program_.jurisdictions[jj].name;
      auto& d = diags_.report(f.code, claims[j].span, claims[j].name, nameJ, claims[i].name, nameI);
      d.related.push_back({claims[i].span, fmt::format("`{}` claims authority for {} here",
                                                       claims[i].name, nameI)});
      if (exclusive) {
        const auto& excl = claims[j].exclusive ? claims[j] : claims[i];
        d.help.push_back(
            fmt::format("`{}` is exclusive: no other jurisdiction may claim these situations; "
                        "narrow one of the claims",
                        excl.name));
      } else {
        d.help.push_back(
            fmt::format("both {} and {} claim these situations; an `agreement` can say whose norms "
                        "prevail where they meet",
                        nameJ, nameI));
      }
      record(std::move(f), d);
    }
  }
}

void Analyzer::checkReach() {
  // Each jurisdiction's claims, united once. A jurisdiction with an unanalysable claim is
  // left out: its reach cannot be decided.
  std::vector<std::vector<Index>> claimsOf(program_.jurisdictions.size());
  std::vector<bool> decidable(program_.jurisdictions.size(), true);
  for (Index c = 0; c < program_.claims.size(); ++c) {
    Index j = program_.claims[c].jurisdiction;
    if (j >= claimsOf.size()) continue;
    claimsOf[j].push_back(c);
    if (!claims_[c].usable) decidable[j] = false;
  }
  std::vector<std::optional<Region>> cover(program_.jurisdictions.size());

  for (Index n = 0; n < program_.norms.size(); ++n) {
    const auto& p = norms_[n];
    if (!p.usable || p.empty || p.issuer.kind != model::Issuer::Kind::Jurisdiction) continue;
    Index j = p.issuer.index;
    if (j >= claimsOf.size() || claimsOf[j].empty() || !decidable[j]) continue;
    std::optional<Box> rest;
    try {
      if (!cover[j]) {
        Region all;
        for (Index c : claimsOf[j]) all = algebra_.unite(all, claims_[c].region);
        cover[j] = std::move(all);
      }
      rest = algebra_.uncovered(p.condition, *cover[j]);
    } catch (const RegionTooLarge&) {
      reportTooComplex(n);
      continue;
    }
    if (!rest) continue;
    rest->dates = p.window;

    Finding f;
    f.kind = FindingKind::Reach;
    f.code = diag::DiagId::NormBeyondReach;
    f.severity = diag::info(f.code).severity;
    f.first = n;
    f.point = pickPoint(*rest, domains_);
    std::vector<const std::vector<Index>*> dims{&p.dims}, facts{&p.facts};
    for (Index c : claimsOf[j]) {
      dims.push_back(&claims_[c].dims);
      facts.push_back(&claims_[c].facts);
    }
    WitnessActs acts{{norm(n).subject}, {norm(n).action}};
    f.witness = witnessFor(*rest, *f.point, acts, dims, facts);
    const std::string issuer = program_.jurisdictions[j].name;
    auto& d = diags_.report(f.code, norm(n).span, norm(n).name, issuer);
    for (std::size_t k = 0; k < claimsOf[j].size() && k < kClaimsShown; ++k) {
      const auto& claim = program_.claims[claimsOf[j][k]];
      d.related.push_back(
          {claim.span, fmt::format("{} claims authority through `{}` here", issuer, claim.name)});
    }
    d.help.push_back(
        fmt::format("limit `{}` with a `where` clause to situations {} claims, or widen {}'s "
                    "sovereignty claims to cover them",
                    norm(n).name, issuer, issuer));
    record(std::move(f), d);
  }
}

}  // namespace nomos::analysis::detail
