#include "analysis/region.h"

#include <algorithm>

namespace nomos::analysis {

namespace {

using model::CmpOp;
using model::Condition;

/// Pairwise simplification is quadratic; above this many boxes only exact duplicates go.
constexpr std::size_t kSimplifyLimit = 256;

std::int64_t saturatingAdd(std::int64_t x, std::int64_t d) {
  if (d > 0 && x > INT64_MAX - d) return INT64_MAX;
  if (d < 0 && x < INT64_MIN - d) return INT64_MIN;
  return x + d;
}

/// The integers (not yet limited to counts) that satisfy `x op n`, as up to two intervals.
int compareRanges(CmpOp op, std::int64_t n, bool negated, Range out[2]) {
  if (negated) {
    switch (op) {
      case CmpOp::Lt:
        op = CmpOp::Ge;
        break;
      case CmpOp::Le:
        op = CmpOp::Gt;
        break;
      case CmpOp::Gt:
        op = CmpOp::Le;
        break;
      case CmpOp::Ge:
        op = CmpOp::Lt;
        break;
      case CmpOp::Eq:
        out[0] = {INT64_MIN, saturatingAdd(n, -1)};
        out[1] = {saturatingAdd(n, 1), INT64_MAX};
        if (n == INT64_MIN) out[0] = {1, 0};
        if (n == INT64_MAX) out[1] = {1, 0};
        return 2;
    }
  }
  switch (op) {
    case CmpOp::Lt:
      out[0] = n == INT64_MIN ? Range{1, 0} : Range{INT64_MIN, n - 1};
      break;
    case CmpOp::Le:
      out[0] = {INT64_MIN, n};
      break;
    case CmpOp::Gt:
      out[0] = n == INT64_MAX ? Range{1, 0} : Range{n + 1, INT64_MAX};
      break;
    case CmpOp::Ge:
      out[0] = {n, INT64_MAX};
      break;
    case CmpOp::Eq:
      out[0] = {n, n};
      break;
  }
  return 1;
}

Range clampToCounts(Range r) {
  return {std::max(r.lo, kAllCounts.lo), std::min(r.hi, kAllCounts.hi)};
}

}  // namespace

void Algebra::guard(std::vector<Box>& boxes) const {
  if (boxes.size() <= maxBoxes_) return;
  simplify(boxes);
  if (boxes.size() > maxBoxes_) throw RegionTooLarge();
}

Region Algebra::compare(const Condition& c, bool negated) const {
  const auto& facts = domains_.program().facts;
  if (c.fact >= facts.size()) return Region::universe();
  Range parts[2];
  int n = compareRanges(c.op, c.number, negated, parts);
  Region r;
  if (facts[c.fact].kind == model::FactKind::Flag) {
    // A yes/no fact compared with a number (sema should not let this through): 0 or 1.
    bool no = false, yes = false;
    for (int k = 0; k < n; ++k) {
      no = no || (parts[k].lo <= 0 && 0 <= parts[k].hi);
      yes = yes || (parts[k].lo <= 1 && 1 <= parts[k].hi);
    }
    if (no && yes) return Region::universe();
    if (no || yes) {
      Box b;
      b.setFlag(c.fact, yes);
      r.boxes.push_back(std::move(b));
    }
    return r;
  }
  for (int k = 0; k < n; ++k) {
    Range range = clampToCounts(parts[k]);
    if (range.empty()) continue;
    Box b;
    b.setCount(c.fact, range);
    r.boxes.push_back(std::move(b));
  }
  return r;
}

Region Algebra::condition(const Condition& c, bool negated) const {
  const auto& program = domains_.program();
  switch (c.kind) {
    case Condition::Kind::True:
      return negated ? Region::nothing() : Region::universe();
    case Condition::Kind::In: {
      if (c.dim >= program.dimensions.size()) return Region::universe();
      AtomSet set(domains_.atomCount(c.dim));
      for (Index v : c.values) set |= domains_.valueAtoms(c.dim, v);
      if (negated) set = set.complement();
      if (set.none()) return Region::nothing();
      Box b;
      b.setDim(c.dim, std::move(set));
      return Region{{std::move(b)}};
    }
    case Condition::Kind::Flag: {
      if (c.fact >= program.facts.size()) return Region::universe();
      Box b;
      if (program.facts[c.fact].kind == model::FactKind::Count) {
        // A count used as a yes/no fact: "some".
        b.setCount(c.fact, negated ? Range{0, 0} : Range{1, INT64_MAX});
      } else {
        b.setFlag(c.fact, !negated);
      }
      return Region{{std::move(b)}};
    }
    case Condition::Kind::Compare:
      return compare(c, negated);
    case Condition::Kind::Not:
      if (c.operands.empty()) return negated ? Region::universe() : Region::nothing();
      return condition(c.operands.front(), !negated);
    case Condition::Kind::And:
    case Condition::Kind::Or: {
      // De Morgan: a negated conjunction is a disjunction of negations and vice versa.
      bool conjunction = (c.kind == Condition::Kind::And) != negated;
      if (conjunction) {
        Region r = Region::universe();
        for (const auto& op : c.operands) {
          r = intersect(r, condition(op, negated));
          if (r.empty()) break;
        }
        return r;
      }
      Region r;
      for (const auto& op : c.operands) {
        Region part = condition(op, negated);
        for (auto& b : part.boxes) r.boxes.push_back(std::move(b));
        guard(r.boxes);
      }
      simplify(r.boxes);
      return r;
    }
  }
  return Region::universe();
}

Region Algebra::normCondition(const model::Norm& n) const {
  Region r = n.where ? condition(*n.where) : Region::universe();
  if (n.unless && !r.empty()) r = intersect(r, condition(*n.unless, true));
  return r;
}

Region Algebra::restrictDates(Region r, Range dates) {
  std::vector<Box> kept;
  kept.reserve(r.boxes.size());
  for (auto& b : r.boxes) {
    b.dates = {std::max(b.dates.lo, dates.lo), std::min(b.dates.hi, dates.hi)};
    if (!b.dates.empty()) kept.push_back(std::move(b));
  }
  return Region{std::move(kept)};
}

Region Algebra::intersect(const Region& a, const Region& b) const {
  Region r;
  for (const auto& x : a.boxes) {
    for (const auto& y : b.boxes) {
      if (auto z = analysis::intersect(x, y)) {
        r.boxes.push_back(std::move(*z));
        guard(r.boxes);
      }
    }
  }
  if (a.boxes.size() > 1 && b.boxes.size() > 1) simplify(r.boxes);
  return r;
}

Region Algebra::unite(const Region& a, const Region& b) const {
  Region r = a;
  r.boxes.insert(r.boxes.end(), b.boxes.begin(), b.boxes.end());
  guard(r.boxes);
  simplify(r.boxes);
  return r;
}

Region Algebra::subtract(const Region& a, const Region& b) const {
  std::vector<Box> pieces = a.boxes;
  for (const auto& cut : b.boxes) {
    std::vector<Box> next;
    for (const auto& p : pieces) {
      analysis::subtract(p, cut, next);
      guard(next);
    }
    pieces = std::move(next);
    if (pieces.empty()) break;
  }
  simplify(pieces);
  return Region{std::move(pieces)};
}

std::optional<Box> Algebra::firstMeet(const Region& a, const Region& b) const {
  for (const auto& x : a.boxes) {
    for (const auto& y : b.boxes) {
      if (intersects(x, y)) return analysis::intersect(x, y);
    }
  }
  return std::nullopt;
}

std::optional<Box> Algebra::uncovered(const Box& inner, const Region& cover) const {
  // Depth-first: a piece is covered when the first cover box it meets contains it, or when
  // every piece of it outside that box is covered by the later cover boxes (the earlier ones
  // missed the whole piece already). The stack holds (piece, first cover box to try).
  std::vector<std::pair<Box, std::size_t>> stack;
  stack.emplace_back(inner, 0);
  std::size_t budget = maxBoxes_ * 64;
  std::vector<Box> pieces;
  while (!stack.empty()) {
    auto [piece, from] = std::move(stack.back());
    stack.pop_back();
    std::size_t k = from;
    while (k < cover.boxes.size() && !intersects(piece, cover.boxes[k])) ++k;
    if (k == cover.boxes.size()) return piece;
    if (contains(cover.boxes[k], piece)) continue;
    pieces.clear();
    analysis::subtract(piece, cover.boxes[k], pieces);
    if (pieces.size() > budget) throw RegionTooLarge();
    budget -= pieces.size();
    for (auto it = pieces.rbegin(); it != pieces.rend(); ++it)
      stack.emplace_back(std::move(*it), k + 1);
  }
  return std::nullopt;
}

std::optional<Box> Algebra::uncovered(const Region& inner, const Region& cover) const {
  for (const auto& b : inner.boxes) {
    if (auto miss = uncovered(b, cover)) return miss;
  }
  return std::nullopt;
}

void Algebra::simplify(std::vector<Box>& boxes) const {
  if (boxes.size() < 2) return;
  if (boxes.size() > kSimplifyLimit) {
    std::sort(boxes.begin(), boxes.end());
    boxes.erase(std::unique(boxes.begin(), boxes.end()), boxes.end());
    return;
  }
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
      for (std::size_t j = i + 1; j < boxes.size(); ++j) {
        std::optional<Box> merged;
        if (contains(boxes[i], boxes[j])) {
          merged = boxes[i];
        } else if (contains(boxes[j], boxes[i])) {
          merged = boxes[j];
        } else {
          merged = tryMerge(boxes[i], boxes[j]);
        }
        if (!merged) continue;
        boxes[i] = std::move(*merged);
        boxes.erase(boxes.begin() + static_cast<std::ptrdiff_t>(j));
        changed = true;
        --j;
      }
    }
  }
}

}  // namespace nomos::analysis
