// The region algebra on its own: open-world remainders, closed dimensions, territory
// membership, counts, complements, inclusion and witnesses.
#include <doctest/doctest.h>

#include "analysis/region.h"
#include "analysis/point.h"
#include "analysis/witness.h"
#include "spec_world.h"

using namespace nomos;
using namespace nomos::analysis;
using namespace nomos::analysis::testing;
using P = ProgramBuilder;

namespace {

struct Fixture {
  SpecWorld w;
  model::Program& program;
  Domains domains;
  Algebra algebra;
  explicit Fixture(std::size_t maxBoxes = 4096)
      : program(w.b.finish()), domains(program), algebra(domains, maxBoxes) {}
  Region region(const model::Condition& c) { return algebra.condition(c); }
  Point witness(const Region& r) {
    REQUIRE_FALSE(r.empty());
    return pickPoint(r.boxes.front(), domains);
  }
};

}  // namespace

TEST_CASE("open world: a category without its named subcategories is satisfiable") {
  Fixture f;
  auto& w = f.w;
  Region r = f.region(P::all({P::in(w.data, {w.personal}), P::notIn(w.data, {w.sensitive})}));
  CHECK_FALSE(r.empty());
  CHECK(f.witness(r).dims[w.data] == w.personal);
  // Every leaf of `sensitive` excluded still leaves `sensitive` itself (its remainder).
  Region s = f.region(
      P::all({P::in(w.data, {w.sensitive}), P::notIn(w.data, {w.biometric, w.health, w.minors})}));
  REQUIRE_FALSE(s.empty());
  CHECK(f.witness(s).dims[w.data] == w.sensitive);
  // Outside every named category lies the dimension's remainder.
  Region o = f.region(P::notIn(w.data, {w.personal, w.important, w.public_info}));
  REQUIRE_FALSE(o.empty());
  CHECK(f.witness(o).dims[w.data] == model::kNone);
}

TEST_CASE("closed dimensions have no remainder") {
  SpecWorld w;
  Index kind = w.b.taxonomy("kind", /*closed=*/true);
  Index a = w.b.category(kind, "a");
  Index a1 = w.b.category(kind, "a1", a);
  Index a2 = w.b.category(kind, "a2", a);
  Index bb = w.b.category(kind, "b");
  Index open = w.b.taxonomy("open");
  Index o = w.b.category(open, "o");
  Index o1 = w.b.category(open, "o1", o);
  auto& program = w.b.finish();
  Domains domains(program);
  Algebra algebra(domains, 64);
  CHECK(domains.atomCount(kind) == 3);  // a1, a2, b
  CHECK(algebra.condition(P::all({P::in(kind, {a}), P::notIn(kind, {a1, a2})})).empty());
  CHECK(algebra.condition(P::notIn(kind, {a, bb})).empty());
  CHECK(algebra
            .condition(P::notIn(w.purpose,
                                {w.law_enforcement, w.national_security, w.commercial, w.research}))
            .empty());
  // The same shapes in an open dimension are satisfiable.
  CHECK_FALSE(algebra.condition(P::all({P::in(open, {o}), P::notIn(open, {o1})})).empty());
  CHECK_FALSE(algebra.condition(P::notIn(open, {o})).empty());
  // A closed interior category is exactly its children.
  Region ra = algebra.condition(P::in(kind, {a}));
  Region rc = algebra.condition(P::in(kind, {a1, a2}));
  CHECK(algebra.includes(ra, rc));
  CHECK(algebra.includes(rc, ra));
}

TEST_CASE("territory: undeclared jurisdictions and transitive membership") {
  Fixture f;
  auto& w = f.w;
  // `recipient not in CN` holds for a recipient in a jurisdiction never declared.
  Region notDeclared = f.region(P::notIn(w.recipient, {w.CN, w.US, w.EU, w.UK}));
  REQUIRE_FALSE(notDeclared.empty());
  CHECK(f.witness(notDeclared).dims[w.recipient] == model::kNone);
  // A named value is preferred when there is one.
  CHECK(f.witness(f.region(P::notIn(w.recipient, {w.CN}))).dims[w.recipient] == w.US);

  Region eu = f.region(P::in(w.location, {w.EU}));
  CHECK(f.algebra.includes(eu, f.region(P::in(w.location, {w.IE}))));
  CHECK_FALSE(f.algebra.includes(f.region(P::in(w.location, {w.IE})), eu));
  CHECK(f.region(P::all({P::in(w.location, {w.IE}), P::notIn(w.location, {w.EU})})).empty());
  // EU minus all its named members is EU's own atom.
  Region euOnly =
      f.region(P::all({P::in(w.location, {w.EU}), P::notIn(w.location, {w.DE, w.FR, w.IE, w.NL})}));
  REQUIRE_FALSE(euOnly.empty());
  CHECK(f.witness(euOnly).dims[w.location] == w.EU);
  // Two territory dimensions are independent.
  CHECK_FALSE(f.region(P::all({P::in(w.location, {w.CN}), P::in(w.recipient, {w.US})})).empty());
}

TEST_CASE("members of members are within the outer jurisdiction") {
  ProgramBuilder b;
  Index bavaria = b.jurisdiction("BY");
  Index de = b.jurisdiction("DE", {bavaria});
  Index eu = b.jurisdiction("EU", {de});
  Index loc = b.territory("location");
  auto& program = b.finish();
  Domains domains(program);
  Algebra algebra(domains, 64);
  CHECK(algebra.includes(algebra.condition(P::in(loc, {eu})),
                         algebra.condition(P::in(loc, {bavaria}))));
  CHECK(algebra.condition(P::all({P::in(loc, {bavaria}), P::notIn(loc, {eu})})).empty());
}

TEST_CASE("counts are non-negative integers") {
  Fixture f;
  auto& w = f.w;
  CHECK(f.region(P::all({P::cmp(w.individuals, CmpOp::Ge, 1000),
                         P::cmp(w.individuals, CmpOp::Lt, 1000)}))
            .empty());
  CHECK(f.region(P::cmp(w.individuals, CmpOp::Lt, 0)).empty());
  CHECK(f.region(P::all({P::cmp(w.individuals, CmpOp::Gt, 5), P::cmp(w.individuals, CmpOp::Lt, 7)}))
            .boxes.size() == 1);
  Region six =
      f.region(P::all({P::cmp(w.individuals, CmpOp::Gt, 5), P::cmp(w.individuals, CmpOp::Lt, 7)}));
  CHECK(f.witness(six).facts[w.individuals] == 6);
  Region notFive = f.region(P::no(P::cmp(w.individuals, CmpOp::Eq, 5)));
  CHECK(notFive.boxes.size() == 2);
  CHECK(f.algebra.includes(f.region(P::cmp(w.individuals, CmpOp::Le, 4)),
                           f.region(P::cmp(w.individuals, CmpOp::Lt, 5))));
  // `x >= 0` holds for every count.
  CHECK(f.region(P::cmp(w.individuals, CmpOp::Ge, 0)).boxes.front().isUniverse());
}

TEST_CASE("complement, subtraction and inclusion agree") {
  Fixture f;
  auto& w = f.w;
  Region a =
      f.region(P::any({P::all({P::in(w.data, {w.personal}), P::is(w.approved)}),
                       P::all({P::in(w.location, {w.EU}), P::cmp(w.individuals, CmpOp::Ge, 10)})}));
  Region notA = f.algebra.complement(a);
  CHECK(f.algebra.intersect(a, notA).empty());
  CHECK(f.algebra.includes(f.algebra.unite(a, notA), Region::universe()));
  // The complement computed by the algebra equals the negated condition's normal form.
  Region negated = f.algebra.condition(
      P::no(P::any({P::all({P::in(w.data, {w.personal}), P::is(w.approved)}),
                    P::all({P::in(w.location, {w.EU}), P::cmp(w.individuals, CmpOp::Ge, 10)})})));
  CHECK(f.algebra.includes(notA, negated));
  CHECK(f.algebra.includes(negated, notA));

  Region sensitive = f.region(P::in(w.data, {w.sensitive}));
  Region personal = f.region(P::in(w.data, {w.personal}));
  CHECK(f.algebra.includes(personal, sensitive));
  CHECK_FALSE(f.algebra.includes(sensitive, personal));
  std::optional<Box> miss = f.algebra.uncovered(personal, sensitive);
  REQUIRE(miss);
  CHECK(pickPoint(*miss, f.domains).dims[w.data] == w.personal);
  CHECK(f.algebra.subtract(sensitive, personal).empty());
}

TEST_CASE("a normal form beyond the budget throws instead of growing") {
  SpecWorld w;
  std::vector<Index> flags;
  for (int i = 0; i < 14; ++i) flags.push_back(w.b.flag("f" + std::to_string(i)));
  auto& program = w.b.finish();
  Domains domains(program);
  Algebra algebra(domains, 100);
  // (f0 or g0) and (f1 or g1) ... with distinct flags: 2^6 = 64 boxes fit, 2^7 do not.
  auto product = [&](int pairs) {
    std::vector<model::Condition> ands;
    for (int i = 0; i < pairs; ++i)
      ands.push_back(P::any({P::is(flags[2 * i]), P::is(flags[2 * i + 1])}));
    return P::all(ands);
  };
  CHECK(algebra.condition(product(6)).boxes.size() <= 100);
  CHECK_THROWS_AS(algebra.condition(product(7)), RegionTooLarge);
}

TEST_CASE("witness text and json use plain words") {
  Fixture f;
  auto& w = f.w;
  Region r =
      f.region(P::all({P::in(w.data, {w.personal}), P::in(w.location, {w.CN}),
                       P::notIn(w.recipient, {w.CN, w.US, w.EU, w.UK}), P::is(w.legal_process),
                       P::no(P::is(w.approved)), P::cmp(w.individuals, CmpOp::Ge, 1500)}));
  Box box = r.boxes.front();
  box.dates = {P::date(2024, 1, 1).days, kAllDates.hi};
  Point pt = pickPoint(box, f.domains);
  WitnessActs acts{{w.ServiceProvider}, {w.disclose}};
  diag::Witness wit = renderWitness(f.program, pt, acts, {w.data, w.location, w.recipient},
                                    {w.approved, w.legal_process, w.individuals});
  CHECK(
      wit.text ==
      "a ServiceProvider discloses personal data; location CN, recipient other than CN, US, EU, …; "
      "legal_process, not approved, individuals 1500; on 2024-01-01");
  CHECK(wit.json()["actor"] == nlohmann::json::array({"ServiceProvider"}));
  CHECK(wit.json()["action"] == "disclose");
  CHECK(wit.json()["dimensions"]["data"] == "personal");
  CHECK(wit.json()["dimensions"]["recipient"] == kRemainderValue);
  CHECK(wit.json()["facts"]["approved"] == false);
  CHECK(wit.json()["facts"]["individuals"] == 1500);
  CHECK(wit.json()["date"] == "2024-01-01");
}
