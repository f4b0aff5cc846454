// Property tests: the region algebra and the analysis against Z3 on random small programs.
// Each program has territory dimensions with membership, open and closed taxonomies, flags, a
// count and dated windows; conditions are random trees of and/or/not. Checked against Z3:
// emptiness, meeting, inclusion and complements of regions; the conflicts and never-applying
// norms `analyze` reports; whether an agreement covers a meeting. Z3 sees the same finite
// domains with explicit remainder values, encoded here from the model alone, and every
// witness is evaluated against the condition trees directly. A disagreement is a bug.
//
// NOMOS_PROPERTY_ITERATIONS raises the number of programs (default 2000).
#include <doctest/doctest.h>
#include <z3++.h>

#include <cstdlib>
#include <random>
#include <set>
#include <string>

#include "analysis/analysis.h"
#include "analysis/region.h"
#include "unit/analysis/program_builder.h"

using namespace nomos;
using namespace nomos::analysis;
using model::CmpOp;
using model::Condition;
using model::Index;
using model::Modality;
using nomos::analysis::testing::ProgramBuilder;
using P = ProgramBuilder;

namespace {

int iterations() {
  if (const char* env = std::getenv("NOMOS_PROPERTY_ITERATIONS")) {
    int n = std::atoi(env);
    if (n > 0) return n;
  }
  return 2000;
}

const model::Date kBase = model::dateFromCivil(2024, 1, 1);

/// A random program and the pieces the checks need.
class RandomProgram {
 public:
  explicit RandomProgram(std::uint64_t seed) : rng_(seed) { vocabulary(); }

  ProgramBuilder b;
  std::vector<Index> dims, flags, counts;
  Index process = 0, transfer = 0, disclose = 0, store = 0;
  std::vector<Index> subjects;

  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }

  Condition condition(int depth) {
    if (depth == 0 || chance(0.35)) return leaf();
    int pick = uniform(0, 4);
    if (pick == 0) return P::no(condition(depth - 1));
    std::vector<Condition> ops;
    int n = uniform(2, 3);
    for (int i = 0; i < n; ++i) ops.push_back(condition(depth - 1));
    return pick <= 2 ? P::all(std::move(ops)) : P::any(std::move(ops));
  }

  std::optional<Condition> maybeCondition(double p, int depth) {
    if (!chance(p)) return std::nullopt;
    return condition(depth);
  }

  void randomWindow(model::Norm& n) {
    if (chance(0.5)) n.effective = model::Date{kBase.days + uniform(0, 20)};
    if (chance(0.4)) n.until = model::Date{kBase.days + uniform(0, 20)};
  }

 private:
  void vocabulary() {
    int jurisdictions = uniform(2, 5);
    for (int j = 0; j < jurisdictions; ++j) {
      std::vector<Index> members;
      for (int k = 0; k < j; ++k) {
        if (chance(0.3)) members.push_back(static_cast<Index>(k));
      }
      Index id = b.jurisdiction("J" + std::to_string(j));
      // ProgramBuilder::jurisdiction takes an initializer list; wire members by hand.
      for (Index m : members) {
        b.p.jurisdictions[id].members.push_back(m);
        b.p.jurisdictions[m].memberOf.push_back(id);
      }
    }
    int territories = uniform(1, 2);
    for (int t = 0; t < territories; ++t) dims.push_back(b.territory("t" + std::to_string(t)));
    int taxonomies = uniform(1, 2);
    for (int t = 0; t < taxonomies + 1; ++t) {
      bool closed = t == taxonomies;  // the last one is closed
      Index d = b.taxonomy((closed ? "c" : "x") + std::to_string(t), closed);
      int categories = uniform(1, 5);
      for (int c = 0; c < categories; ++c) {
        Index parent = model::kNone;
        if (c > 0 && chance(0.5)) parent = static_cast<Index>(uniform(0, c - 1));
        b.category(d, "v" + std::to_string(c), parent);
      }
      dims.push_back(d);
    }
    flags.push_back(b.flag("f0"));
    flags.push_back(b.flag("f1"));
    counts.push_back(b.count("n0"));

    process = b.action("process");
    transfer = b.action("transfer", process);
    disclose = b.action("disclose", transfer);
    store = b.action("store", process);

    Index a = b.actor("A"), bb = b.actor("B"), c = b.actor("C");
    Index a1 = b.actor("A1", {a});
    if (chance(0.5)) b.disjoint({a, bb});
    if (chance(0.5)) b.disjoint({bb, c});
    subjects = {a, bb, c, a1};
  }

  Condition leaf() {
    int kind = uniform(0, 9);
    if (kind == 0) return Condition{};  // true
    if (kind <= 5) {
      Index d = dims[static_cast<std::size_t>(uniform(0, static_cast<int>(dims.size()) - 1))];
      const auto& dim = b.p.dimensions[d];
      int range = dim.territory ? static_cast<int>(b.p.jurisdictions.size())
                                : static_cast<int>(dim.categories.size());
      int n = uniform(1, 2);
      Condition c = P::in(d, {});
      for (int i = 0; i < n; ++i) c.values.push_back(static_cast<Index>(uniform(0, range - 1)));
      return chance(0.3) ? P::no(c) : c;
    }
    if (kind <= 7) return P::is(flags[static_cast<std::size_t>(uniform(0, 1))]);
    static constexpr CmpOp ops[] = {CmpOp::Lt, CmpOp::Le, CmpOp::Gt, CmpOp::Ge, CmpOp::Eq};
    return P::cmp(counts[0], ops[uniform(0, 4)], uniform(0, 4));
  }

  std::mt19937_64 rng_;
};

// ------------------------------------------------------------------------- the oracle's view
// Value numbering, from the model alone: a territory dimension takes 0..J-1 (the
// jurisdictions) or J (an undeclared one); a taxonomy takes 0..C-1 (its categories) or C (a
// value no category names) when open, and only its leaves when closed.

bool jurisdictionIn(const model::Program& p, Index j, Index container) {
  // Walk memberOf upwards, independently of Program's closure.
  std::vector<Index> stack{j};
  std::set<Index> seen;
  while (!stack.empty()) {
    Index cur = stack.back();
    stack.pop_back();
    if (cur == container) return true;
    if (!seen.insert(cur).second) continue;
    for (Index up : p.jurisdictions[cur].memberOf) stack.push_back(up);
  }
  return false;
}

bool categoryIn(const model::Dimension& d, Index c, Index ancestor) {
  for (Index cur = c; cur != model::kNone; cur = d.categories[cur].parent) {
    if (cur == ancestor) return true;
  }
  return false;
}

/// Is `value` (a named value, or kNone for the remainder) one of `dim in values`?
bool valueIn(const model::Program& p, Index dimIndex, Index value,
             const std::vector<Index>& values) {
  if (value == model::kNone) return false;
  const auto& dim = p.dimensions[dimIndex];
  for (Index v : values) {
    if (dim.territory ? jurisdictionIn(p, value, v) : categoryIn(dim, value, v)) return true;
  }
  return false;
}

struct Situation {
  std::vector<Index> dims;
  std::vector<std::int64_t> facts;
  std::optional<model::Date> date;
};

bool holds(const model::Program& p, const Condition& c, const Situation& s) {
  switch (c.kind) {
    case Condition::Kind::True:
      return true;
    case Condition::Kind::In:
      return valueIn(p, c.dim, s.dims[c.dim], c.values);
    case Condition::Kind::Flag:
      return s.facts[c.fact] != 0;
    case Condition::Kind::Compare: {
      std::int64_t v = s.facts[c.fact];
      switch (c.op) {
        case CmpOp::Lt:
          return v < c.number;
        case CmpOp::Le:
          return v <= c.number;
        case CmpOp::Gt:
          return v > c.number;
        case CmpOp::Ge:
          return v >= c.number;
        case CmpOp::Eq:
          return v == c.number;
      }
      return false;
    }
    case Condition::Kind::And:
      for (const auto& op : c.operands) {
        if (!holds(p, op, s)) return false;
      }
      return true;
    case Condition::Kind::Or:
      for (const auto& op : c.operands) {
        if (holds(p, op, s)) return true;
      }
      return false;
    case Condition::Kind::Not:
      return !holds(p, c.operands.front(), s);
  }
  return false;
}

/// Does the norm apply at the situation (condition and window; subject and action aside)?
bool normHolds(const model::Program& p, const model::Norm& n, const Situation& s) {
  if (n.where && !holds(p, *n.where, s)) return false;
  if (n.unless && holds(p, *n.unless, s)) return false;
  model::Window w = p.window(n);
  if (!s.date) return w.from == model::kMinDate && w.to == model::kMaxDate;
  return w.from <= *s.date && *s.date <= w.to;
}

/// Does the norm apply at the situation on some date it allows? A point without a date stands
/// for every date: then it is outside a norm only if the condition fails.
bool appliesSomewhere(const model::Program& p, const model::Norm& n, const Situation& s) {
  if (n.where && !holds(p, *n.where, s)) return false;
  if (n.unless && holds(p, *n.unless, s)) return false;
  model::Window w = p.window(n);
  if (!s.date) return !w.empty();
  return w.from <= *s.date && *s.date <= w.to;
}

/// A witness must name real values: a closed dimension never takes an interior category or
/// the remainder.
bool wellFormed(const model::Program& p, const Situation& s) {
  for (Index d = 0; d < p.dimensions.size(); ++d) {
    const auto& dim = p.dimensions[d];
    if (dim.territory || !dim.closed) continue;
    if (s.dims[d] == model::kNone || !dim.categories[s.dims[d]].children.empty()) return false;
  }
  for (Index f = 0; f < p.facts.size(); ++f) {
    if (p.facts[f].kind == model::FactKind::Count && s.facts[f] < 0) return false;
    if (p.facts[f].kind == model::FactKind::Flag && s.facts[f] != 0 && s.facts[f] != 1)
      return false;
  }
  return true;
}

Situation toSituation(const Point& pt) { return {pt.dims, pt.facts, pt.date}; }

class Oracle {
 public:
  explicit Oracle(const model::Program& p) : p_(p) {
    for (Index d = 0; d < p.dimensions.size(); ++d)
      dims_.push_back(ctx_.int_const(("d" + std::to_string(d)).c_str()));
    for (Index f = 0; f < p.facts.size(); ++f) {
      bool flag = p.facts[f].kind == model::FactKind::Flag;
      facts_.push_back(flag ? ctx_.bool_const(("f" + std::to_string(f)).c_str())
                            : ctx_.int_const(("n" + std::to_string(f)).c_str()));
    }
    date_ = std::make_unique<z3::expr>(ctx_.int_const("date"));
  }

  z3::expr domain() {
    z3::expr_vector parts(ctx_);
    for (Index d = 0; d < p_.dimensions.size(); ++d) {
      const auto& dim = p_.dimensions[d];
      if (dim.territory) {
        parts.push_back(dims_[d] >= 0 && dims_[d] <= static_cast<int>(p_.jurisdictions.size()));
      } else if (!dim.closed) {
        parts.push_back(dims_[d] >= 0 && dims_[d] <= static_cast<int>(dim.categories.size()));
      } else {
        z3::expr_vector leaves(ctx_);
        for (Index c = 0; c < dim.categories.size(); ++c) {
          if (dim.categories[c].children.empty()) leaves.push_back(dims_[d] == static_cast<int>(c));
        }
        parts.push_back(z3::mk_or(leaves));
      }
    }
    for (Index f = 0; f < p_.facts.size(); ++f) {
      if (p_.facts[f].kind == model::FactKind::Count) parts.push_back(facts_[f] >= 0);
    }
    return z3::mk_and(parts);
  }

  z3::expr encode(const Condition& c) {
    switch (c.kind) {
      case Condition::Kind::True:
        return ctx_.bool_val(true);
      case Condition::Kind::In: {
        const auto& dim = p_.dimensions[c.dim];
        std::size_t named = dim.territory ? p_.jurisdictions.size() : dim.categories.size();
        z3::expr_vector options(ctx_);
        for (Index k = 0; k < named; ++k) {
          if (valueIn(p_, c.dim, k, c.values))
            options.push_back(dims_[c.dim] == static_cast<int>(k));
        }
        return options.empty() ? ctx_.bool_val(false) : z3::mk_or(options);
      }
      case Condition::Kind::Flag:
        return facts_[c.fact];
      case Condition::Kind::Compare: {
        z3::expr v = facts_[c.fact];
        z3::expr n = ctx_.int_val(static_cast<int64_t>(c.number));
        switch (c.op) {
          case CmpOp::Lt:
            return v < n;
          case CmpOp::Le:
            return v <= n;
          case CmpOp::Gt:
            return v > n;
          case CmpOp::Ge:
            return v >= n;
          case CmpOp::Eq:
            return v == n;
        }
        return ctx_.bool_val(false);
      }
      case Condition::Kind::And:
      case Condition::Kind::Or: {
        z3::expr_vector ops(ctx_);
        for (const auto& op : c.operands) ops.push_back(encode(op));
        return c.kind == Condition::Kind::And ? z3::mk_and(ops) : z3::mk_or(ops);
      }
      case Condition::Kind::Not:
        return !encode(c.operands.front());
    }
    return ctx_.bool_val(false);
  }

  /// A norm's region: its condition and its window.
  z3::expr norm(const model::Norm& n) {
    z3::expr e = ctx_.bool_val(true);
    if (n.where) e = e && encode(*n.where);
    if (n.unless) e = e && !encode(*n.unless);
    model::Window w = p_.window(n);
    if (w.from != model::kMinDate) e = e && *date_ >= w.from.days;
    if (w.to != model::kMaxDate) e = e && *date_ <= w.to.days;
    return e;
  }

  /// A deference's coverage: its condition, on the dates its agreement is in force.
  z3::expr agreement(const Condition& c, std::optional<model::Date> from,
                     std::optional<model::Date> until) {
    z3::expr e = encode(c);
    if (from) e = e && *date_ >= from->days;
    if (until) e = e && *date_ <= until->days;
    return e;
  }

  bool sat(const z3::expr& e) {
    if (!solver_) {
      // One incremental solver per program: the domain once, each query in its own scope.
      solver_ = std::make_unique<z3::solver>(ctx_, "QF_LIA");
      solver_->add(domain());
    }
    solver_->push();
    solver_->add(e);
    auto r = solver_->check();
    solver_->pop();
    REQUIRE(r != z3::unknown);
    return r == z3::sat;
  }

 private:
  const model::Program& p_;
  z3::context ctx_;
  std::vector<z3::expr> dims_, facts_;
  std::unique_ptr<z3::expr> date_;
  std::unique_ptr<z3::solver> solver_;
};

struct Tally {
  int meets = 0, disjoint = 0, included = 0, notIncluded = 0, skipped = 0;
};

/// The algebra: emptiness, meeting, inclusion, complement and witnesses of random norms.
void checkAlgebra(RandomProgram& gen, Tally& tally) {
  for (int i = 0; i < 4; ++i) {
    Index n = gen.b.norm("n" + std::to_string(i), model::kNone, gen.subjects[0], Modality::Must,
                         gen.store, gen.maybeCondition(0.9, 3), gen.maybeCondition(0.3, 2));
    gen.randomWindow(gen.b[n]);
  }
  const model::Program& p = gen.b.finish();
  Domains domains(p);
  Algebra algebra(domains, 4096);
  Oracle z3(p);

  std::vector<Region> regions;
  try {
    for (const auto& n : p.norms) {
      model::Window w = p.window(n);
      regions.push_back(Algebra::restrictDates(algebra.normCondition(n), {w.from.days, w.to.days}));
    }
  } catch (const RegionTooLarge&) {
    ++tally.skipped;
    return;
  }

  for (Index i = 0; i < p.norms.size(); ++i) {
    const auto& ni = p.norms[i];
    INFO("norm " << i);
    CHECK(regions[i].empty() == !z3.sat(z3.norm(ni)));
    for (const auto& box : regions[i].boxes) {
      Situation s = toSituation(pickPoint(box, domains));
      CHECK(wellFormed(p, s));
      CHECK(normHolds(p, ni, s));
    }
    try {
      Region outside = algebra.complement(regions[i]);
      CHECK(outside.empty() == !z3.sat(!z3.norm(ni)));
      if (!outside.empty()) {
        Situation s = toSituation(pickPoint(outside.boxes.front(), domains));
        CHECK(wellFormed(p, s));
        CHECK_FALSE(appliesSomewhere(p, ni, s));
      }
    } catch (const RegionTooLarge&) {
      ++tally.skipped;
    }

    for (Index j = 0; j < p.norms.size(); ++j) {
      if (i == j) continue;
      const auto& nj = p.norms[j];
      INFO("pair " << i << ", " << j);
      bool oracleMeets = z3.sat(z3.norm(ni) && z3.norm(nj));
      std::optional<Box> meet = algebra.firstMeet(regions[i], regions[j]);
      CHECK(meet.has_value() == oracleMeets);
      CHECK(algebra.intersect(regions[i], regions[j]).empty() == !oracleMeets);
      if (meet) {
        ++tally.meets;
        Situation s = toSituation(pickPoint(*meet, domains));
        CHECK(wellFormed(p, s));
        CHECK(normHolds(p, ni, s));
        CHECK(normHolds(p, nj, s));
      } else {
        ++tally.disjoint;
      }

      bool oracleIncluded = !z3.sat(z3.norm(ni) && !z3.norm(nj));
      std::optional<Box> miss;
      try {
        miss = algebra.uncovered(regions[i], regions[j]);
      } catch (const RegionTooLarge&) {
        ++tally.skipped;
        continue;
      }
      CHECK(!miss.has_value() == oracleIncluded);
      if (miss) {
        ++tally.notIncluded;
        Situation s = toSituation(pickPoint(*miss, domains));
        CHECK(wellFormed(p, s));
        CHECK(normHolds(p, ni, s));
        CHECK_FALSE(appliesSomewhere(p, nj, s));
      } else {
        ++tally.included;
      }
    }
  }
}

/// The whole analysis: with every norm from its own body and no agreement, nothing resolves,
/// so an O(a) x F(b) pair is reported exactly when a ⊑ b, the subjects may coincide and the
/// regions meet; a norm is reported as never applying exactly when its region is empty.
void checkConflicts(RandomProgram& gen) {
  const int count = gen.uniform(3, 7);
  std::vector<Index> issuers;
  for (int i = 0; i < count; ++i) {
    issuers.push_back(gen.b.actor("Body" + std::to_string(i), {}, /*body=*/true));
  }
  const Index actions[] = {gen.process, gen.transfer, gen.disclose, gen.store};
  for (int i = 0; i < count; ++i) {
    Index ins =
        gen.b.instrument("I" + std::to_string(i), P::body(issuers[static_cast<std::size_t>(i)]));
    Modality m = gen.chance(0.5) ? Modality::Must : Modality::MustNot;
    Index n = gen.b.norm(
        "n" + std::to_string(i), ins, gen.subjects[static_cast<std::size_t>(gen.uniform(0, 3))], m,
        actions[gen.uniform(0, 3)], gen.maybeCondition(0.9, 3), gen.maybeCondition(0.2, 1));
    gen.randomWindow(gen.b[n]);
  }
  const model::Program& p = gen.b.finish();
  Oracle z3(p);
  diag::DiagnosticEngine diags;
  Result result = analyze(p, diags);

  std::set<std::pair<Index, Index>> expected, actual;
  std::set<Index> expectedEmpty, actualEmpty;
  for (Index i = 0; i < p.norms.size(); ++i) {
    if (!z3.sat(z3.norm(p.norms[i]))) expectedEmpty.insert(i);
  }
  for (Index i = 0; i < p.norms.size(); ++i) {
    const auto& o = p.norms[i];
    if (o.modality != Modality::Must || expectedEmpty.count(i)) continue;
    for (Index j = 0; j < p.norms.size(); ++j) {
      const auto& f = p.norms[j];
      if (f.modality != Modality::MustNot || expectedEmpty.count(j)) continue;
      if (!p.actionWithin(o.action, f.action) || p.actorsDisjoint(o.subject, f.subject)) continue;
      if (z3.sat(z3.norm(o) && z3.norm(f))) expected.insert({i, j});
    }
  }
  for (const auto& f : result.findings) {
    if (f.code == diag::DiagId::NormNeverApplies) actualEmpty.insert(f.first);
    if (f.code == diag::DiagId::RegionTooLarge) return;  // left out on purpose
    if (f.code != diag::DiagId::ConflictObligationProhibition) continue;
    Index o = p.norms[f.first].modality == Modality::Must ? f.first : f.second;
    Index fb = o == f.first ? f.second : f.first;
    actual.insert({o, fb});
    REQUIRE(f.point);
    Situation s = toSituation(*f.point);
    CHECK(wellFormed(p, s));
    CHECK(normHolds(p, p.norms[o], s));
    CHECK(normHolds(p, p.norms[fb], s));
  }
  CHECK(expected == actual);
  CHECK(expectedEmpty == actualEmpty);
}

/// Agreements: an O x F pair of unrelated jurisdictions is resolved, for the issuer deferred
/// to, exactly when the deference (its condition within the agreement's window) covers every
/// situation where both norms apply; otherwise the conflict stands and its witness lies
/// outside what the agreement covers.
void checkAgreement(RandomProgram& gen, Tally& tally) {
  Index x = gen.b.jurisdiction("X"), y = gen.b.jurisdiction("Y");  // members of nothing
  Index ix = gen.b.instrument("IX", P::jur(x)), iy = gen.b.instrument("IY", P::jur(y));
  Index o = gen.b.norm("o", ix, gen.subjects[0], Modality::Must, gen.disclose,
                       gen.maybeCondition(0.8, 2), gen.maybeCondition(0.2, 1));
  Index f = gen.b.norm("f", iy, gen.subjects[0], Modality::MustNot, gen.transfer,
                       gen.maybeCondition(0.8, 2));
  gen.randomWindow(gen.b[o]);
  gen.randomWindow(gen.b[f]);
  std::optional<model::Date> from, until;
  if (gen.chance(0.3)) from = model::Date{kBase.days + gen.uniform(0, 10)};
  if (gen.chance(0.2)) until = model::Date{kBase.days + gen.uniform(10, 20)};
  Index ag = gen.b.agreement("pact", {P::jur(x), P::jur(y)}, from, until);
  // Shallow and often broad, so that full coverage happens often enough to be tested.
  Condition cover = gen.chance(0.2) ? Condition{} : gen.condition(1);
  bool towardsF = gen.chance(0.5);  // which issuer defers to which
  gen.b.defers(ag, P::jur(towardsF ? x : y), P::jur(towardsF ? y : x), cover);
  const model::Program& p = gen.b.finish();

  Oracle z3(p);
  z3::expr both = z3.norm(p.norms[o]) && z3.norm(p.norms[f]);
  bool meets = z3.sat(both);
  bool covered = meets && !z3.sat(both && !z3.agreement(cover, from, until));

  diag::DiagnosticEngine diags;
  Result result = analyze(p, diags);
  const Finding* pair = nullptr;
  for (const auto& fd : result.findings) {
    if (fd.code == diag::DiagId::RegionTooLarge) return;
    if (fd.kind == FindingKind::Conflict) pair = &fd;
  }
  CHECK((pair != nullptr) == meets);
  if (!pair) {
    ++tally.disjoint;
    return;
  }
  CHECK(pair->resolution.resolved == covered);
  ++(covered ? tally.included : tally.notIncluded);
  if (covered) {
    CHECK(pair->resolution.winner == (towardsF ? f : o));
    return;
  }
  REQUIRE(pair->point);
  Situation s = toSituation(*pair->point);
  CHECK(wellFormed(p, s));
  CHECK(normHolds(p, p.norms[o], s));
  CHECK(normHolds(p, p.norms[f], s));
  bool inForce =
      s.date ? (!from || *from <= *s.date) && (!until || *s.date <= *until) : (!from && !until);
  CHECK_FALSE((inForce && holds(p, cover, s)));
}

}  // namespace

TEST_CASE("agreement coverage agrees with Z3 on random programs") {
  const int n = iterations();
  Tally tally;
  for (int i = 0; i < n; ++i) {
    INFO("program seed " << i);
    RandomProgram gen(static_cast<std::uint64_t>(i) * 15485863 + 3);
    checkAgreement(gen, tally);
  }
  MESSAGE("no meeting " << tally.disjoint << ", resolved " << tally.included << ", standing "
                        << tally.notIncluded);
  CHECK(tally.included > n / 20);
  CHECK(tally.notIncluded > n / 4);
}

TEST_CASE("region algebra agrees with Z3 on random programs") {
  const int n = iterations();
  Tally tally;
  for (int i = 0; i < n; ++i) {
    INFO("program seed " << i);
    RandomProgram gen(static_cast<std::uint64_t>(i) * 7919 + 1);
    checkAlgebra(gen, tally);
  }
  MESSAGE("meets " << tally.meets << ", disjoint " << tally.disjoint << ", included "
                   << tally.included << ", not included " << tally.notIncluded << ", skipped "
                   << tally.skipped);
  // The generator must exercise both answers of every question, or the test proves little.
  CHECK(tally.meets > n);
  CHECK(tally.disjoint > n / 4);
  CHECK(tally.included > n / 4);
  CHECK(tally.notIncluded > n);
  CHECK(tally.skipped == 0);
}

TEST_CASE("conflicts and never-applying norms agree with Z3 on random programs") {
  const int n = iterations();
  for (int i = 0; i < n; ++i) {
    INFO("program seed " << i);
    RandomProgram gen(static_cast<std::uint64_t>(i) * 104729 + 7);
    checkConflicts(gen);
  }
}
