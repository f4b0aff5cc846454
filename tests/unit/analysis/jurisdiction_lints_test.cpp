// Sovereignty overlap and reach, and the lints that need regions: never-applies, redundant,
// too complex.
#include <doctest/doctest.h>

#include <memory>

#include "analysis_support.h"
#include "spec_world.h"

using namespace nomos;
using namespace nomos::analysis;
using namespace nomos::analysis::testing;
using P = ProgramBuilder;
using diag::DiagId;

TEST_CASE("sovereignty claims of unrelated jurisdictions overlap") {
  SpecWorld w;
  // LANGUAGE.md §5.
  Index cnData =
      w.b.claim("cn_data", w.CN,
                P::any({P::in(w.location, {w.CN}),
                        P::all({P::in(w.data, {w.personal}), P::in(w.residence, {w.CN})})}));
  Index usProviders = w.b.claim("us_providers", w.US, P::in(w.establishment, {w.US}));
  Index cnCii = w.b.claim("cn_cii", w.CN,
                          P::all({P::in(w.location, {w.CN}), P::in(w.sector, {w.critical})}), true);
  auto& program = w.b.finish();
  Run run = analyzeProgram(program);

  const Finding* plain = run.only(DiagId::JurisdictionOverlap);
  REQUIRE(plain);
  CHECK(plain->first == usProviders);
  CHECK(plain->second == cnData);
  CHECK(plain->severity == diag::Severity::Warning);
  CHECK(plain->message == "sovereignty claims overlap: `us_providers` of US and `cn_data` of CN");
  CHECK(plain->witness->json()["dimensions"]["location"] == "CN");
  CHECK(plain->witness->json()["dimensions"]["establishment"] == "US");
  CHECK(plain->witness->json().contains("actor") == false);

  const Finding* exclusive = run.only(DiagId::ExclusiveOverlap);
  REQUIRE(exclusive);
  CHECK(exclusive->first == cnCii);
  CHECK(exclusive->second == usProviders);
  CHECK(exclusive->severity == diag::Severity::Error);
  CHECK(exclusive->point->dims[w.sector] == w.critical);
  CHECK(run.diagnostic(DiagId::ExclusiveOverlap)->span == program.claims[cnCii].span);
  CHECK(run.result.findings.size() == 2);
}

TEST_CASE("claims of a jurisdiction and its member, or of disjoint situations, do not overlap") {
  SpecWorld w;
  w.b.claim("eu_gdpr", w.EU, P::in(w.location, {w.EU}), true);
  w.b.claim("ie_dpa", w.IE, P::in(w.location, {w.IE}));
  w.b.claim("uk_only", w.UK, P::in(w.location, {w.UK}));
  w.b.claim("us_abroad", w.US,
            P::notIn(w.location, {w.CN, w.US, w.EU, w.UK}));  // undeclared places only
  Run run = analyzeProgram(w.b.finish());
  CHECK(run.result.findings.empty());
}

TEST_CASE("a norm reaching beyond its issuer's claims") {
  SpecWorld w;
  w.b.claim("cn_data", w.CN,
            P::any({P::in(w.location, {w.CN}),
                    P::all({P::in(w.data, {w.personal}), P::in(w.residence, {w.CN})})}));
  Index pipl = w.addPipl41();  // location in CN: inside the claim
  Index law = w.b.instrument("CSL", P::jur(w.CN), w.statute, P::date(2017, 6, 1));
  Index wide = w.b.norm("csl_store", law, w.CIIOperator, Modality::Must, w.store,
                        P::in(w.data, {w.important}));
  Index us = w.b.instrument("USLAW", P::jur(w.US));
  w.b.norm("no_claims_no_reach", us, w.Company, Modality::Must, w.collect);  // US claims nothing
  auto& program = w.b.finish();
  Run run = analyzeProgram(program);
  const Finding* f = run.only(DiagId::NormBeyondReach);
  REQUIRE(f);
  CHECK(f->first == wide);
  CHECK(f->first != pipl);
  CHECK(f->message ==
        "norm `csl_store` reaches beyond the issuer's claimed sovereignty: CN claims no authority "
        "over some "
        "situations it governs");
  // The witness lies outside the claim: important data stored outside CN.
  REQUIRE(f->point);
  CHECK(f->point->dims[w.data] == w.important);
  CHECK(f->point->dims[w.location] != w.CN);
  CHECK(f->witness->json()["actor"] == nlohmann::json::array({"CIIOperator"}));
  CHECK(f->witness->json()["date"] == "2017-06-01");
  const diag::Diagnostic* d = run.diagnostic(DiagId::NormBeyondReach);
  REQUIRE(d);
  REQUIRE(d->related.size() == 1);
  CHECK(d->related[0].message == "CN claims authority through `cn_data` here");
}

TEST_CASE("norms that can never apply say why") {
  SpecWorld w;
  Index law = w.b.instrument("LAW", P::jur(w.CN));
  Index window = w.b.norm("backwards", law, w.Company, Modality::Must, w.store);
  w.b[window].effective = P::date(2025, 1, 1);
  w.b[window].until = P::date(2024, 12, 31);
  Index never = w.b.norm("never", law, w.Company, Modality::Must, w.store,
                         P::all({P::in(w.location, {w.IE}), P::notIn(w.location, {w.EU})}));
  Index unless = w.b.norm("always_excused", law, w.Company, Modality::Must, w.use,
                          P::in(w.data, {w.sensitive}), P::in(w.data, {w.personal}));
  Index closed = w.b.norm(
      "closed_gap", law, w.Company, Modality::Must, w.collect,
      P::notIn(w.purpose, {w.law_enforcement, w.national_security, w.commercial, w.research}));
  // One day is a window: `until` is inclusive.
  Index oneDay = w.b.norm("one_day", law, w.Company, Modality::Must, w.retain);
  w.b[oneDay].effective = P::date(2024, 1, 1);
  w.b[oneDay].until = P::date(2024, 1, 1);
  auto& program = w.b.finish();
  Run run = analyzeProgram(program);
  auto found = run.withCode(DiagId::NormNeverApplies);
  REQUIRE(found.size() == 4);
  CHECK(found[0]->first == window);
  CHECK(found[0]->message ==
        "norm `backwards` can never apply: its window is empty: it takes effect on 2025-01-01 but "
        "ends on 2024-12-31");
  CHECK(found[1]->first == never);
  CHECK(found[1]->message == "norm `never` can never apply: its `where` condition can never hold");
  CHECK(found[2]->first == unless);
  CHECK(found[2]->message ==
        "norm `always_excused` can never apply: its `unless` clause excludes every situation its "
        "`where` clause "
        "describes");
  CHECK(found[3]->first == closed);
  // Empty norms take part in nothing else.
  CHECK(run.result.findings.size() == 4);
}

TEST_CASE("redundant norms") {
  SpecWorld w;
  Index law = w.b.instrument("LAW", P::jur(w.CN));
  Index other = w.b.instrument("OTHER", P::jur(w.US));
  Index broad = w.b.norm("no_transfer", law, w.Company, Modality::MustNot, w.transfer);
  Index narrow = w.b.norm("no_disclose_cn", law, w.ServiceProvider, Modality::MustNot, w.disclose,
                          P::in(w.location, {w.CN}));
  w.b.norm("us_no_disclose", other, w.ServiceProvider, Modality::MustNot,
           w.disclose);  // another issuer
  Index twinA = w.b.norm("twin_a", law, w.Company, Modality::Must, w.store, P::is(w.approved));
  Index twinB =
      w.b.norm("twin_b", law, w.Company, Modality::Must, w.store, P::no(P::no(P::is(w.approved))));
  // An obligation of a broader action is weaker: must transfer does not make must disclose
  // redundant, nor the reverse.
  w.b.norm("must_disclose", law, w.Company, Modality::Must, w.disclose);
  w.b.norm("must_transfer", law, w.Company, Modality::Must, w.transfer);
  // A different deadline is a different norm.
  Index fast = w.b.norm("store_fast", law, w.Company, Modality::Must, w.store, P::is(w.approved));
  w.b[fast].withinHours = 24;
  auto& program = w.b.finish();
  Run run = analyzeProgram(program);
  auto found = run.withCode(DiagId::NormRedundant);
  REQUIRE(found.size() == 2);
  CHECK(found[0]->first == narrow);
  CHECK(found[0]->second == broad);
  CHECK(found[0]->message ==
        "norm `no_disclose_cn` is redundant: `no_transfer` of the same issuer already says the "
        "same wherever it "
        "applies");
  CHECK(found[1]->first == twinB);  // of two equal norms, only the later one
  CHECK(found[1]->second == twinA);
}

TEST_CASE("a condition beyond the box budget is reported and left out") {
  SpecWorld w;
  std::vector<Index> flags;
  for (int i = 0; i < 16; ++i) flags.push_back(w.b.flag("f" + std::to_string(i)));
  std::vector<model::Condition> ands;
  for (int i = 0; i < 8; ++i)
    ands.push_back(P::any({P::is(flags[2 * i]), P::is(flags[2 * i + 1])}));
  Index law = w.b.instrument("LAW", P::jur(w.CN));
  Index other = w.b.instrument("OTHER", P::jur(w.US));
  Index huge = w.b.norm("huge", law, w.Company, Modality::Must, w.store, P::all(ands));
  w.b.norm("plain", other, w.Company, Modality::MustNot, w.store);
  auto& program = w.b.finish();
  Options options;
  options.maxBoxes = 64;
  Run run = analyzeProgram(program, options);
  const Finding* f = run.only(DiagId::RegionTooLarge);
  REQUIRE(f);
  CHECK(f->first == huge);
  CHECK(f->message ==
        "the condition of `huge` is too complex to analyse (its normal form exceeds 64 boxes)");
  CHECK(run.count(DiagId::ConflictObligationProhibition) == 0);
  // With room for its 256 boxes, the same program has its conflict.
  options.maxBoxes = 1024;
  Run roomy = analyzeProgram(program, options);
  CHECK(roomy.count(DiagId::RegionTooLarge) == 0);
  CHECK(roomy.count(DiagId::ConflictObligationProhibition) == 1);
}

TEST_CASE("findings are deterministic") {
  auto build = [] {
    auto w = std::make_unique<SpecWorld>();
    w->addPipl41();
    w->addCloud2713();
    Index law = w->b.instrument("LAW", P::jur(w->US));
    w->b.norm("us_may", law, w->Company, Modality::May, w->transfer);
    w->b.claim("cn_data", w->CN, P::in(w->location, {w->CN}));
    w->b.claim("us_providers", w->US, P::in(w->establishment, {w->US}));
    w->b.finish();
    return w;
  };
  auto a = build();
  auto b = build();
  Run ra = analyzeProgram(a->b.p);
  Run rb = analyzeProgram(b->b.p);
  REQUIRE(ra.result.findings.size() == rb.result.findings.size());
  CHECK(ra.result.findings.size() >= 4);
  for (std::size_t i = 0; i < ra.result.findings.size(); ++i) {
    CHECK(ra.result.findings[i].message == rb.result.findings[i].message);
    CHECK(ra.result.findings[i].witness->text == rb.result.findings[i].witness->text);
  }
}
