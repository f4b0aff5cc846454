// The precedence rules of LANGUAGE.md §6, tried in order: explicit `prevails over`; for one
// issuer lex superior, lex specialis, lex posterior; primacy of an enclosing jurisdiction;
// for unrelated issuers, agreements that cover the whole meeting region.
#include <algorithm>

#include <fmt/format.h>

#include "analysis/analyzer.h"

namespace nomos::analysis::detail {

namespace {

bool declaresPrevails(const model::Norm& n, Index other) {
  return std::find(n.prevailsOver.begin(), n.prevailsOver.end(), other) != n.prevailsOver.end();
}

Resolution won(Index winner, std::string rule) {
  Resolution r;
  r.resolved = true;
  r.winner = winner;
  r.rule = std::move(rule);
  return r;
}

}  // namespace

bool Analyzer::moreSpecific(Index a, Index b) {
  const auto& na = norm(a);
  const auto& nb = norm(b);
  if (!program_.actorWithin(na.subject, nb.subject) || !program_.actionWithin(na.action, nb.action))
    return false;
  if (!algebra_.includes(norms_[b].condition, norms_[a].condition)) return false;
  bool reverse = program_.actorWithin(nb.subject, na.subject) &&
                 program_.actionWithin(nb.action, na.action) &&
                 algebra_.includes(norms_[a].condition, norms_[b].condition);
  return !reverse;  // strictly inside
}

PairOutcome Analyzer::resolve(PairRule /*rule*/, Index x, Index y, const Box& meet) {
  PairOutcome out;
  out.witness = meet;
  const model::Issuer ix = norms_[x].issuer, iy = norms_[y].issuer;
  const std::string nx = program_.issuerName(ix), ny = program_.issuerName(iy);

  // 1. Explicit precedence, honoured only within one legal order.
  bool xOverY = declaresPrevails(norm(x), y), yOverX = declaresPrevails(norm(y), x);
  if (program_.issuersRelated(ix, iy) && xOverY != yOverX) {
    out.resolution = won(xOverY ? x : y, "prevails over");
    return out;
  }

  // 2. One issuer: superior level, then the more specific norm, then the later one.
  if (ix == iy) {
    Index lx = norm(x).instrument != model::kNone ? program_.instruments[norm(x).instrument].level
                                                  : model::kNone;
    Index ly = norm(y).instrument != model::kNone ? program_.instruments[norm(y).instrument].level
                                                  : model::kNone;
    if (lx != model::kNone && ly != model::kNone && lx < program_.levels.size() &&
        ly < program_.levels.size()) {
      const auto& a = program_.levels[lx];
      const auto& b = program_.levels[ly];
      if (a.chain == b.chain && a.rank != b.rank) {
        out.resolution = won(a.rank < b.rank ? x : y, "lex superior");
        return out;
      }
    }
    if (moreSpecific(x, y)) {
      out.resolution = won(x, "lex specialis");
      return out;
    }
    if (moreSpecific(y, x)) {
      out.resolution = won(y, "lex specialis");
      return out;
    }
    model::Date ex = program_.window(norm(x)).from, ey = program_.window(norm(y)).from;
    if (ex != model::kMinDate && ey != model::kMinDate && ex != ey) {
      out.resolution = won(ex > ey ? x : y, "lex posterior");
      return out;
    }
    out.help = fmt::format(
        "both norms come from {} and no precedence rule decides between them: add `prevails over` "
        "to the "
        "norm that should win, or narrow one of them",
        nx);
    return out;
  }

  // 3. Primacy: the enclosing jurisdiction's law prevails over its member's.
  if (program_.issuerEncloses(ix, iy)) {
    out.resolution = won(x, "primacy of " + nx);
    return out;
  }
  if (program_.issuerEncloses(iy, ix)) {
    out.resolution = won(y, "primacy of " + ny);
    return out;
  }

  // 4. Unrelated issuers: agreements in force that cover the whole meeting region.
  Region meeting = Algebra::restrictDates(
      algebra_.intersect(norms_[x].condition, norms_[y].condition), meet.dates);
  Region toY, toX;  // where x's issuer defers to y's, and the other way round
  std::vector<Index> yAgreements, xAgreements;
  for (Index k = 0; k < deferences_.size(); ++k) {
    const auto& d = deferences_[k];
    if (!d.usable) continue;
    bool forward = d.from == ix && d.to == iy, backward = d.from == iy && d.to == ix;
    if (!forward && !backward) continue;
    if (!algebra_.meets(meeting, d.cover)) continue;
    out.deferences.push_back(k);
    (forward ? toY : toX) = algebra_.unite(forward ? toY : toX, d.cover);
    (forward ? yAgreements : xAgreements).push_back(d.agreement);
  }
  auto ruleText = [&](const std::vector<Index>& agreements, const std::string& from,
                      const std::string& to) {
    std::vector<std::string> names;
    for (Index a : agreements) {
      if (std::find(names.begin(), names.end(), program_.agreements[a].name) == names.end()) {
        names.push_back(program_.agreements[a].name);
      }
    }
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    return fmt::format("{} {}: {} defers to {}", names.size() > 1 ? "agreements" : "agreement",
                       list, from, to);
  };
  if (!toY.empty() && algebra_.includes(toY, meeting)) {
    out.resolution = won(y, ruleText(yAgreements, nx, ny));
    out.resolution.agreement = yAgreements.front();
    return out;
  }
  if (!toX.empty() && algebra_.includes(toX, meeting)) {
    out.resolution = won(x, ruleText(xAgreements, ny, nx));
    out.resolution.agreement = xAgreements.front();
    return out;
  }
  if (!out.deferences.empty()) {
    std::optional<Box> rest = algebra_.uncovered(meeting, algebra_.unite(toY, toX));
    if (!rest) {
      // Each part of the meeting is settled, some one way, some the other: resolved, by the
      // first deference in the program.
      const auto& first = deferences_[out.deferences.front()];
      bool favoursY = first.from == ix;
      std::vector<Index> all = yAgreements;
      all.insert(all.end(), xAgreements.begin(), xAgreements.end());
      out.resolution = won(favoursY ? y : x, ruleText(all, program_.issuerName(first.from),
                                                      program_.issuerName(first.to)));
      out.resolution.agreement = first.agreement;
      return out;
    }
    out.witness = *rest;
    out.help = fmt::format(
        "the agreements between {} and {} settle only part of the situations where both norms "
        "apply; "
        "the situation below is not covered",
        nx, ny);
    return out;
  }
  out.help = fmt::format(
      "no precedence rule or agreement resolves it: {} and {} are unrelated issuers; an "
      "`agreement` in which "
      "one defers to the other where both norms apply would, or narrow one norm with `where` or "
      "`unless`",
      nx, ny);
  return out;
}

}  // namespace nomos::analysis::detail
