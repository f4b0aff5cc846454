#include "analysis/box.h"

#include <algorithm>

namespace nomos::analysis {

namespace {

template <class V>
auto findKey(V& v, Index key) {
  using C = typename std::remove_const_t<V>::value_type;
  return std::lower_bound(v.begin(), v.end(), key, [](const C& c, Index k) {
    if constexpr (requires { c.dim; }) {
      return c.dim < k;
    } else {
      return c.fact < k;
    }
  });
}

template <class C>
Index keyOf(const C& c) {
  if constexpr (requires { c.dim; }) {
    return c.dim;
  } else {
    return c.fact;
  }
}

/// Inserts, replaces or (when `drop`) removes the entry with `key`.
template <class C>
void upsert(std::vector<C>& v, C value, bool drop) {
  Index key = keyOf(value);
  auto it = findKey(v, key);
  bool present = it != v.end() && keyOf(*it) == key;
  if (drop) {
    if (present) v.erase(it);
  } else if (present) {
    *it = std::move(value);
  } else {
    v.insert(it, std::move(value));
  }
}

/// The parts of `whole` outside `r`: up to two intervals.
void rangeOutside(Range whole, Range r, Range out[2], int& n) {
  n = 0;
  if (r.lo > whole.lo) out[n++] = {whole.lo, std::min(whole.hi, r.lo - 1)};
  if (r.hi < whole.hi) out[n++] = {std::max(whole.lo, r.hi + 1), whole.hi};
  if (n == 2 && out[0].empty()) out[0] = out[--n];
  if (n >= 1 && out[n - 1].empty()) --n;
}

Range intersectRange(Range a, Range b) { return {std::max(a.lo, b.lo), std::min(a.hi, b.hi)}; }

}  // namespace

const AtomSet* Box::dimAtoms(Index dim) const {
  auto it = findKey(dims, dim);
  return it != dims.end() && it->dim == dim ? &it->atoms : nullptr;
}

std::optional<bool> Box::flag(Index fact) const {
  auto it = findKey(flags, fact);
  if (it != flags.end() && it->fact == fact) return it->value;
  return std::nullopt;
}

Range Box::count(Index fact) const {
  auto it = findKey(counts, fact);
  return it != counts.end() && it->fact == fact ? it->range : kAllCounts;
}

void Box::setDim(Index dim, AtomSet atoms) {
  bool full = atoms.all();
  upsert(dims, DimConstraint{dim, std::move(atoms)}, full);
}

void Box::setFlag(Index fact, bool value) { upsert(flags, FlagConstraint{fact, value}, false); }

void Box::setCount(Index fact, Range range) {
  upsert(counts, CountConstraint{fact, range}, range == kAllCounts);
}

bool intersects(const Box& a, const Box& b) {
  if (!a.dates.overlaps(b.dates)) return false;
  for (auto i = a.dims.begin(), j = b.dims.begin(); i != a.dims.end() && j != b.dims.end();) {
    if (i->dim < j->dim) {
      ++i;
    } else if (j->dim < i->dim) {
      ++j;
    } else {
      if (!i->atoms.intersects(j->atoms)) return false;
      ++i, ++j;
    }
  }
  for (auto i = a.flags.begin(), j = b.flags.begin(); i != a.flags.end() && j != b.flags.end();) {
    if (i->fact < j->fact) {
      ++i;
    } else if (j->fact < i->fact) {
      ++j;
    } else {
      if (i->value != j->value) return false;
      ++i, ++j;
    }
  }
  for (auto i = a.counts.begin(), j = b.counts.begin();
       i != a.counts.end() && j != b.counts.end();) {
    if (i->fact < j->fact) {
      ++i;
    } else if (j->fact < i->fact) {
      ++j;
    } else {
      if (!i->range.overlaps(j->range)) return false;
      ++i, ++j;
    }
  }
  return true;
}

std::optional<Box> intersect(const Box& a, const Box& b) {
  if (!intersects(a, b)) return std::nullopt;
  Box r;
  r.dates = intersectRange(a.dates, b.dates);
  r.dims.reserve(a.dims.size() + b.dims.size());
  for (auto i = a.dims.begin(), j = b.dims.begin(); i != a.dims.end() || j != b.dims.end();) {
    if (j == b.dims.end() || (i != a.dims.end() && i->dim < j->dim)) {
      r.dims.push_back(*i++);
    } else if (i == a.dims.end() || j->dim < i->dim) {
      r.dims.push_back(*j++);
    } else {
      r.dims.push_back(*i);
      r.dims.back().atoms &= j->atoms;
      ++i, ++j;
    }
  }
  r.flags.reserve(a.flags.size() + b.flags.size());
  std::merge(a.flags.begin(), a.flags.end(), b.flags.begin(), b.flags.end(),
             std::back_inserter(r.flags));
  r.flags.erase(std::unique(r.flags.begin(), r.flags.end()), r.flags.end());
  for (auto i = a.counts.begin(), j = b.counts.begin();
       i != a.counts.end() || j != b.counts.end();) {
    if (j == b.counts.end() || (i != a.counts.end() && i->fact < j->fact)) {
      r.counts.push_back(*i++);
    } else if (i == a.counts.end() || j->fact < i->fact) {
      r.counts.push_back(*j++);
    } else {
      r.counts.push_back({i->fact, intersectRange(i->range, j->range)});
      ++i, ++j;
    }
  }
  return r;
}

bool contains(const Box& outer, const Box& inner) {
  if (!outer.dates.contains(inner.dates)) return false;
  for (const auto& c : outer.dims) {
    const AtomSet* s = inner.dimAtoms(c.dim);
    if (!s || !s->subsetOf(c.atoms)) return false;
  }
  for (const auto& c : outer.flags) {
    if (inner.flag(c.fact) != c.value) return false;
  }
  for (const auto& c : outer.counts) {
    if (!c.range.contains(inner.count(c.fact))) return false;
  }
  return true;
}

void subtract(const Box& a, const Box& b, std::vector<Box>& out) {
  if (!intersects(a, b)) {
    out.push_back(a);
    return;
  }
  // Peel off, one constraint of b at a time, the part of `cur` that violates it; what is left
  // at the end is a ∩ b. The pieces are disjoint by construction.
  Box cur = a;
  for (const auto& c : b.dims) {
    const AtomSet* mine = cur.dimAtoms(c.dim);
    AtomSet have = mine ? *mine : AtomSet(c.atoms.size(), true);
    AtomSet outside = have.minus(c.atoms);
    if (!outside.none()) {
      Box piece = cur;
      piece.setDim(c.dim, std::move(outside));
      out.push_back(std::move(piece));
    }
    have &= c.atoms;
    cur.setDim(c.dim, std::move(have));
  }
  for (const auto& c : b.flags) {
    if (!cur.flag(c.fact)) {
      Box piece = cur;
      piece.setFlag(c.fact, !c.value);
      out.push_back(std::move(piece));
      cur.setFlag(c.fact, c.value);
    }
  }
  for (const auto& c : b.counts) {
    Range have = cur.count(c.fact);
    Range parts[2];
    int n = 0;
    rangeOutside(have, c.range, parts, n);
    for (int k = 0; k < n; ++k) {
      Box piece = cur;
      piece.setCount(c.fact, parts[k]);
      out.push_back(std::move(piece));
    }
    cur.setCount(c.fact, intersectRange(have, c.range));
  }
  Range parts[2];
  int n = 0;
  rangeOutside(cur.dates, b.dates, parts, n);
  for (int k = 0; k < n; ++k) {
    Box piece = cur;
    piece.dates = parts[k];
    out.push_back(std::move(piece));
  }
}

std::optional<Box> tryMerge(const Box& a, const Box& b) {
  // Components in which the boxes differ; more than one and the union is not a box.
  int differences = 0;
  Box r = a;
  if (a.dates != b.dates) {
    if (!(a.dates.lo <= b.dates.hi + 1 && b.dates.lo <= a.dates.hi + 1)) return std::nullopt;
    r.dates = {std::min(a.dates.lo, b.dates.lo), std::max(a.dates.hi, b.dates.hi)};
    ++differences;
  }
  // Dimensions: the same keys with one set differing, or one key only in one box (free in
  // the other: then the union is the free one, a = b elsewhere means b ⊇ a).
  {
    auto i = a.dims.begin(), j = b.dims.begin();
    while (i != a.dims.end() || j != b.dims.end()) {
      if (j == b.dims.end() || (i != a.dims.end() && i->dim < j->dim)) {
        r.setDim(i->dim, AtomSet(i->atoms.size(), true));
        ++i;
      } else if (i == a.dims.end() || j->dim < i->dim) {
        ++j;  // r (a copy of a) already leaves it free
      } else {
        if (i->atoms != j->atoms) {
          AtomSet u = i->atoms;
          u |= j->atoms;
          r.setDim(i->dim, std::move(u));
        } else {
          ++i, ++j;
          continue;
        }
        ++i, ++j;
      }
      if (++differences > 1) return std::nullopt;
    }
  }
  {
    auto i = a.flags.begin(), j = b.flags.begin();
    while (i != a.flags.end() || j != b.flags.end()) {
      if (j == b.flags.end() || (i != a.flags.end() && i->fact < j->fact)) {
        upsert(r.flags, *i, true);
        ++i;
      } else if (i == a.flags.end() || j->fact < i->fact) {
        ++j;
      } else {
        bool same = i->value == j->value;
        if (!same) upsert(r.flags, *i, true);
        ++i, ++j;
        if (same) continue;
      }
      if (++differences > 1) return std::nullopt;
    }
  }
  {
    auto i = a.counts.begin(), j = b.counts.begin();
    while (i != a.counts.end() || j != b.counts.end()) {
      if (j == b.counts.end() || (i != a.counts.end() && i->fact < j->fact)) {
        r.setCount(i->fact, kAllCounts);
        ++i;
      } else if (i == a.counts.end() || j->fact < i->fact) {
        ++j;
      } else {
        Index fact = i->fact;
        Range x = i->range, y = j->range;
        ++i, ++j;
        if (x == y) continue;
        // Adjacent or overlapping intervals unite into one.
        bool touch = x.lo <= (y.hi == INT64_MAX ? y.hi : y.hi + 1) &&
                     y.lo <= (x.hi == INT64_MAX ? x.hi : x.hi + 1);
        if (!touch) return std::nullopt;
        r.setCount(fact, {std::min(x.lo, y.lo), std::max(x.hi, y.hi)});
      }
      if (++differences > 1) return std::nullopt;
    }
  }
  return r;
}

}  // namespace nomos::analysis
