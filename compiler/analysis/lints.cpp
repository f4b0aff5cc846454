// The lints that need the region algebra: precedence declared across unrelated issuers,
// norms that can never apply, and norms another norm already says.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "analysis/analyzer.h"

namespace nomos::analysis::detail {

void Analyzer::checkPrecedenceDeclarations() {
  for (Index n = 0; n < program_.norms.size(); ++n) {
    const auto& src = norm(n);
    std::set<Index> seen;
    for (std::size_t k = 0; k < src.prevailsOver.size(); ++k) {
      Index target = src.prevailsOver[k];
      if (target >= program_.norms.size() || !seen.insert(target).second) continue;
      model::Issuer a = norms_[n].issuer, b = norms_[target].issuer;
      if (program_.issuersRelated(a, b)) continue;
      Finding f;
      f.kind = FindingKind::PrecedenceIgnored;
      f.code = diag::DiagId::PrecedenceIgnored;
      f.severity = diag::info(f.code).severity;
      f.first = n;
      f.second = target;
      diag::Span span = k < src.prevailsSpans.size() ? src.prevailsSpans[k] : src.span;
      auto& d = diags_.report(f.code, span, src.name, norm(target).name, program_.issuerName(a),
                              program_.issuerName(b));
      d.related.push_back({norm(target).span, relatedText(target, "is declared")});
      d.help.push_back(
          fmt::format("only norms of one issuer, or of a jurisdiction and its member, can prevail "
                      "over each other; an "
                      "`agreement` in which {} defers to {} expresses this between sovereigns",
                      program_.issuerName(b), program_.issuerName(a)));
      record(std::move(f), d);
    }
  }
}

void Analyzer::checkNeverApplies() {
  for (Index n = 0; n < program_.norms.size(); ++n) {
    const auto& p = norms_[n];
    if (!p.usable || !p.empty) continue;
    const auto& src = norm(n);
    std::string reason;
    if (p.emptySubject) {
      reason = fmt::format("no actor can be a `{}`: the class lies under classes declared disjoint",
                           program_.actors[src.subject].name);
    } else if (p.window.empty()) {
      reason = fmt::format("its window is empty: it takes effect on {} but ends on {}",
                           model::formatDate(model::Date{static_cast<std::int32_t>(p.window.lo)}),
                           model::formatDate(model::Date{static_cast<std::int32_t>(p.window.hi)}));
    } else {
      bool whereEmpty = false;
      try {
        whereEmpty = src.where && algebra_.condition(*src.where).empty();
      } catch (const RegionTooLarge&) {
      }
      if (whereEmpty || !src.unless) {
        reason = "its `where` condition can never hold";
      } else if (!src.where) {
        reason = "its `unless` condition always holds";
      } else {
        reason = "its `unless` clause excludes every situation its `where` clause describes";
      }
    }
    Finding f;
    f.kind = FindingKind::NeverApplies;
    f.code = diag::DiagId::NormNeverApplies;
    f.severity = diag::info(f.code).severity;
    f.first = n;
    auto& d = diags_.report(f.code, src.span, src.name, reason);
    d.help.push_back(fmt::format(
        "as written, `{}` binds no one; check its condition and dates, or remove it", src.name));
    record(std::move(f), d);
  }
}

void Analyzer::checkRedundancy() {
  const NormIndex& idx = *index_;
  for (Index n = 0; n < program_.norms.size(); ++n) {
    const auto& p = norms_[n];
    if (!p.usable || p.empty) continue;
    const auto& src = norm(n);
    // An obligation of a broader action is weaker, not stronger: only the same action makes
    // an obligation redundant. A prohibition, permission or exemption of a broader action
    // covers every narrower form.
    std::vector<Index> actions = src.modality == model::Modality::Must
                                     ? std::vector<Index>{src.action}
                                     : idx.ancestors(src.action);
    Index by = model::kNone;
    try {
      for (Index act : actions) {
        idx.forEachCandidate(src.modality, act, n, [&](Index j) {
          if (j == n || (by != model::kNone && j >= by)) return;
          const auto& q = norms_[j];
          const auto& other = norm(j);
          if (!(q.issuer == p.issuer) || other.withinHours != src.withinHours) return;
          if (!program_.actorWithin(src.subject, other.subject) || !q.window.contains(p.window))
            return;
          if (!algebra_.includes(q.condition, p.condition)) return;
          bool equal = act == src.action && program_.actorWithin(other.subject, src.subject) &&
                       p.window == q.window && algebra_.includes(p.condition, q.condition);
          if (equal && j > n) return;  // of two equal norms, the later one is reported
          by = j;
        });
      }
    } catch (const RegionTooLarge&) {
      reportTooComplex(n);
      continue;
    }
    if (by == model::kNone) continue;
    Finding f;
    f.kind = FindingKind::Redundant;
    f.code = diag::DiagId::NormRedundant;
    f.severity = diag::info(f.code).severity;
    f.first = n;
    f.second = by;
    auto& d = diags_.report(f.code, src.span, src.name, norm(by).name);
    d.related.push_back({norm(by).span, relatedText(by, "already says it")});
    d.related.push_back({src.span, relatedText(n, "says it again")});
    d.help.push_back(
        fmt::format("remove `{}`: `{}` governs every situation it does", src.name, norm(by).name));
    record(std::move(f), d);
  }
}

}  // namespace nomos::analysis::detail
