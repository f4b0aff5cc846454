// The precedence rules, in their order, and the pairs no rule may resolve.
#include <doctest/doctest.h>

#include "analysis_support.h"
#include "spec_world.h"

using namespace nomos;
using namespace nomos::analysis;
using namespace nomos::analysis::testing;
using P = ProgramBuilder;
using diag::DiagId;

namespace {

/// A resolved pair's note, checked to be the only pair finding.
const Finding& resolvedPair(const Run& run) {
  const Finding* f = run.only(DiagId::ConflictResolved);
  REQUIRE(f);
  CHECK(f->resolution.resolved);
  CHECK(f->severity == diag::Severity::Note);
  // A pair is never both reported and resolved.
  CHECK(run.count(DiagId::ConflictObligationProhibition) == 0);
  CHECK(run.count(DiagId::ContradictionPermissionProhibition) == 0);
  return *f;
}

}  // namespace

TEST_CASE("explicit prevails over within one issuer") {
  SpecWorld w;
  Index law = w.b.instrument("LAW", P::jur(w.CN), w.statute);
  Index a = w.b.norm("keep", law, w.Company, Modality::Must, w.store);
  Index b = w.b.norm("never_store", law, w.Company, Modality::MustNot, w.store);
  w.b.prevails(a, b);
  auto& program = w.b.finish();
  Run run = analyzeProgram(program);
  const Finding& f = resolvedPair(run);
  CHECK(f.resolution.winner == a);
  CHECK(f.resolution.rule == "prevails over");
  CHECK(f.resolution.pairCode == DiagId::ConflictObligationProhibition);
  CHECK(f.kind == FindingKind::Conflict);
  CHECK(f.message ==
        "conflict between `never_store` and `keep` is resolved: `keep` prevails (prevails over)");
  CHECK(run.count(DiagId::PrecedenceIgnored) == 0);
}

TEST_CASE("lex superior, then lex specialis, then lex posterior") {
  SUBCASE("lex superior: the higher level in the same chain") {
    SpecWorld w;
    Index statute = w.b.instrument("ACT", P::jur(w.CN), w.statute);
    Index reg = w.b.instrument("REG", P::jur(w.CN), w.regulation);
    w.b.norm("reg_must", reg, w.Company, Modality::Must, w.store);
    Index high = w.b.norm("act_must_not", statute, w.Company, Modality::MustNot, w.store);
    Run run = analyzeProgram(w.b.finish());
    CHECK(resolvedPair(run).resolution.winner == high);
    CHECK(resolvedPair(run).resolution.rule == "lex superior");
  }
  SUBCASE("levels of different chains do not compare") {
    SpecWorld w;
    Index other = w.b.levels({"binding", "advisory"});
    Index statute = w.b.instrument("ACT", P::jur(w.CN), w.statute);
    Index advice = w.b.instrument("ADVICE", P::jur(w.CN), other + 1);
    w.b.norm("advice_must", advice, w.Company, Modality::Must, w.store);
    w.b.norm("act_must_not", statute, w.Company, Modality::MustNot, w.store);
    Run run = analyzeProgram(w.b.finish());
    CHECK(run.count(DiagId::ConflictObligationProhibition) == 1);
    CHECK(run.count(DiagId::ConflictResolved) == 0);
  }
  SUBCASE("lex specialis: the norm strictly inside the other") {
    SpecWorld w;
    Index law = w.b.instrument("LAW", P::jur(w.CN), w.statute);
    Index general = w.b.norm("no_transfer", law, w.Company, Modality::MustNot, w.transfer);
    Index special = w.b.norm("disclose_on_warrant", law, w.ServiceProvider, Modality::Must,
                             w.disclose, P::is(w.legal_process));
    Run run = analyzeProgram(w.b.finish());
    const Finding& f = resolvedPair(run);
    CHECK(f.resolution.winner == special);
    CHECK(f.resolution.rule == "lex specialis");
    CHECK(f.second == general);
  }
  SUBCASE("not specialis when the regions only overlap: lex posterior decides") {
    SpecWorld w;
    Index old = w.b.instrument("OLD", P::jur(w.CN), w.statute, P::date(2010, 1, 1));
    Index recent = w.b.instrument("NEW", P::jur(w.CN), w.statute, P::date(2020, 1, 1));
    w.b.norm("old_must", old, w.Company, Modality::Must, w.store, P::in(w.location, {w.CN, w.US}));
    Index later = w.b.norm("new_must_not", recent, w.Company, Modality::MustNot, w.store,
                           P::in(w.location, {w.CN, w.EU}));
    Run run = analyzeProgram(w.b.finish());
    const Finding& f = resolvedPair(run);
    CHECK(f.resolution.winner == later);
    CHECK(f.resolution.rule == "lex posterior");
  }
  SUBCASE("same issuer with nothing to decide stands") {
    SpecWorld w;
    Index law = w.b.instrument("LAW", P::jur(w.CN), w.statute);
    w.b.norm("x", law, w.Company, Modality::Must, w.store, P::in(w.location, {w.CN, w.US}));
    w.b.norm("y", law, w.Company, Modality::MustNot, w.store, P::in(w.location, {w.CN, w.EU}));
    Run run = analyzeProgram(w.b.finish());
    const Finding* f = run.only(DiagId::ConflictObligationProhibition);
    REQUIRE(f);
    CHECK(f->witness->json()["dimensions"]["location"] == "CN");
    const diag::Diagnostic* d = run.diagnostic(DiagId::ConflictObligationProhibition);
    REQUIRE(d);
    CHECK(d->help.at(0).find("prevails over") != std::string::npos);
  }
}

TEST_CASE("primacy: the enclosing jurisdiction's norm prevails") {
  SpecWorld w;
  Index gdpr = w.b.instrument("GDPR", P::jur(w.EU), w.regulation);
  Index bdsg =
      w.b.instrument("BDSG", P::jur(w.DE), w.statute);  // a higher level, but in a member state
  Index de = w.b.norm("de_must", bdsg, w.Company, Modality::Must, w.retain);
  Index eu = w.b.norm("eu_must_not", gdpr, w.Company, Modality::MustNot, w.retain);
  Run run = analyzeProgram(w.b.finish());
  const Finding& f = resolvedPair(run);
  CHECK(f.resolution.winner == eu);
  CHECK(f.resolution.rule == "primacy of EU");
  CHECK(f.first == eu);
  CHECK(f.second == de);
}

TEST_CASE("prevails over across unrelated issuers is ignored with a warning") {
  SpecWorld w;
  Index cn = w.b.instrument("CNLAW", P::jur(w.CN));
  Index us = w.b.instrument("USLAW", P::jur(w.US));
  Index a = w.b.norm("cn_must", cn, w.Company, Modality::Must, w.store);
  Index b = w.b.norm("us_must_not", us, w.Company, Modality::MustNot, w.store);
  w.b.prevails(a, b);
  auto& program = w.b.finish();
  Run run = analyzeProgram(program);
  const Finding* ignored = run.only(DiagId::PrecedenceIgnored);
  REQUIRE(ignored);
  CHECK(ignored->first == a);
  CHECK(ignored->second == b);
  const diag::Diagnostic* d = run.diagnostic(DiagId::PrecedenceIgnored);
  REQUIRE(d);
  CHECK(d->span == program.norms[a].prevailsSpans[0]);
  CHECK(run.count(DiagId::ConflictObligationProhibition) == 1);
  CHECK(run.count(DiagId::ConflictResolved) == 0);
}

TEST_CASE("agreements between unrelated issuers") {
  auto build = [](SpecWorld& w, bool partial, int normsFrom) {
    Index us = w.b.instrument("USLAW", P::jur(w.US), model::kNone, P::date(normsFrom, 1, 1));
    Index uk = w.b.instrument("UKLAW", P::jur(w.UK), model::kNone, P::date(normsFrom, 1, 1));
    w.b.norm("us_must", us, w.ServiceProvider, Modality::Must, w.disclose, P::is(w.legal_process));
    w.b.norm("uk_must_not", uk, w.Company, Modality::MustNot, w.disclose,
             partial ? P::in(w.residence, {w.UK, w.EU}) : P::in(w.residence, {w.UK}));
    Index ag = w.b.agreement("us_uk_data", {P::jur(w.US), P::jur(w.UK)}, P::date(2022, 10, 3));
    w.b.defers(ag, P::jur(w.US), P::jur(w.UK), P::in(w.residence, {w.UK}));
  };
  SUBCASE("covering the whole meeting region resolves it") {
    SpecWorld w;
    build(w, false, 2023);
    Run run = analyzeProgram(w.b.finish());
    const Finding& f = resolvedPair(run);
    CHECK(f.resolution.winner == 1);
    CHECK(f.resolution.rule == "agreement us_uk_data: US defers to UK");
    CHECK(f.resolution.agreement == 0);
  }
  SUBCASE("an agreement that takes effect after the norms meet covers only its own window") {
    SpecWorld w;
    build(w, false, 2019);
    Run run = analyzeProgram(w.b.finish());
    const Finding* f = run.only(DiagId::ConflictObligationProhibition);
    REQUIRE(f);
    REQUIRE(f->point->date);
    CHECK(*f->point->date < P::date(2022, 10, 3));
    CHECK(f->point->dims[w.residence] == w.UK);
  }
  SUBCASE("covering only part leaves the finding, with the witness in the rest") {
    SpecWorld w;
    build(w, true, 2019);
    Run run = analyzeProgram(w.b.finish());
    const Finding* f = run.only(DiagId::ConflictObligationProhibition);
    REQUIRE(f);
    CHECK_FALSE(f->resolution.resolved);
    REQUIRE(f->point);
    // The witness lies where the agreement does not reach: residence in the EU, or a date
    // before the agreement took effect.
    bool outsideUk = f->point->dims[w.residence] != w.UK;
    bool beforeAgreement = f->point->date && *f->point->date < P::date(2022, 10, 3);
    CHECK((outsideUk || beforeAgreement));
    const diag::Diagnostic* d = run.diagnostic(DiagId::ConflictObligationProhibition);
    REQUIRE(d);
    CHECK(d->related.size() == 3);
    CHECK(d->related[2].message ==
          "agreement `us_uk_data` settles only part of it: US defers to UK here");
  }
}

TEST_CASE("agreement coverage is exact in space and time") {
  SpecWorld w;
  Index us = w.b.instrument("USLAW", P::jur(w.US), model::kNone, P::date(2023, 1, 1));
  Index uk = w.b.instrument("UKLAW", P::jur(w.UK), model::kNone, P::date(2023, 1, 1));
  w.b.norm("us_must", us, w.ServiceProvider, Modality::Must, w.disclose, P::is(w.legal_process));
  Index ukNorm = w.b.norm("uk_must_not", uk, w.Company, Modality::MustNot, w.disclose,
                          P::in(w.residence, {w.UK, w.EU}));
  // In force from 2022, before both norms: covers the UK part entirely; the EU part is not
  // covered, so the finding stands with a witness whose residence is in the EU.
  Index ag = w.b.agreement("us_uk_data", {P::jur(w.US), P::jur(w.UK)}, P::date(2022, 10, 3));
  w.b.defers(ag, P::jur(w.US), P::jur(w.UK), P::in(w.residence, {w.UK}));
  Run run = analyzeProgram(w.b.finish());
  const Finding* f = run.only(DiagId::ConflictObligationProhibition);
  REQUIRE(f);
  CHECK(f->first == ukNorm);
  Index residence = f->point->dims[w.residence];
  REQUIRE(residence != model::kNone);
  CHECK(w.b.p.jurisdictionWithin(residence, w.EU));
  CHECK(f->witness->json()["dimensions"]["residence"] == w.b.p.jurisdictions[residence].name);
}

TEST_CASE("an agreement no longer in force does not resolve") {
  SpecWorld w;
  Index us = w.b.instrument("USLAW", P::jur(w.US), model::kNone, P::date(2023, 1, 1));
  Index uk = w.b.instrument("UKLAW", P::jur(w.UK), model::kNone, P::date(2023, 1, 1));
  w.b.norm("us_must", us, w.ServiceProvider, Modality::Must, w.disclose);
  w.b.norm("uk_must_not", uk, w.Company, Modality::MustNot, w.disclose, P::in(w.residence, {w.UK}));
  Index ag = w.b.agreement("expired", {P::jur(w.US), P::jur(w.UK)}, P::date(2020, 1, 1),
                           P::date(2022, 12, 31));
  w.b.defers(ag, P::jur(w.US), P::jur(w.UK), P::in(w.residence, {w.UK}));
  Run run = analyzeProgram(w.b.finish());
  const Finding* f = run.only(DiagId::ConflictObligationProhibition);
  REQUIRE(f);
  CHECK_FALSE(f->resolution.resolved);
}

TEST_CASE("a body's rule against the law is never resolved") {
  SpecWorld w;
  Index acme = w.b.actor("AcmeCloud", {w.ServiceProvider}, /*body=*/true);
  Index policy = w.b.instrument("ACME", P::body(acme));
  Index law = w.b.instrument("LAW", P::jur(w.US));
  Index rule = w.b.norm("acme_may", policy, acme, Modality::May, w.transfer);
  Index statute = w.b.norm("no_abroad", law, w.Company, Modality::MustNot, w.transfer_abroad);
  w.b.prevails(rule, statute);  // a rule cannot set aside the law
  Index ag = w.b.agreement("pact", {P::body(acme), P::jur(w.US)});
  w.b.defers(ag, P::jur(w.US), P::body(acme), P::in(w.location, {w.US}));
  auto& program = w.b.finish();
  Run run = analyzeProgram(program);
  const Finding* f = run.only(DiagId::RuleContradictsLaw);
  REQUIRE(f);
  CHECK(f->first == rule);
  CHECK(f->second == statute);
  CHECK(f->severity == diag::Severity::Warning);
  CHECK(f->message == "rule contradicts law: `acme_may` permits what is forbidden by `no_abroad`");
  CHECK(run.count(DiagId::ConflictResolved) == 0);
  CHECK(run.count(DiagId::PrecedenceIgnored) == 1);
}

TEST_CASE("two bodies' rules conflict as unrelated issuers and an agreement can settle them") {
  SpecWorld w;
  Index acme = w.b.actor("AcmeCloud", {w.ServiceProvider}, true);
  Index beta = w.b.actor("BetaHost", {w.ServiceProvider}, true);
  Index pa = w.b.instrument("ACME", P::body(acme));
  Index pb = w.b.instrument("BETA", P::body(beta));
  w.b.norm("acme_must", pa, w.Company, Modality::Must, w.store);
  Index b = w.b.norm("beta_must_not", pb, w.Company, Modality::MustNot, w.store);
  Index ag = w.b.agreement("hosting", {P::body(acme), P::body(beta)});
  w.b.defers(ag, P::body(acme), P::body(beta), model::Condition{});
  Run run = analyzeProgram(w.b.finish());
  const Finding& f = resolvedPair(run);
  CHECK(f.resolution.winner == b);
}
