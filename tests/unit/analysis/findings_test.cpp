// Every kind of finding between norms, from programs built by hand.
#include <doctest/doctest.h>

#include "analysis_support.h"
#include "spec_world.h"

using namespace nomos;
using namespace nomos::analysis;
using namespace nomos::analysis::testing;
using P = ProgramBuilder;
using diag::DiagId;

TEST_CASE("pipl_41 x cloud_2713: an unresolved conflict with the spec's witness") {
  SpecWorld w;
  Index pipl = w.addPipl41();
  Index cloud = w.addCloud2713();
  auto& program = w.b.finish();
  Run run = analyzeProgram(program);

  const Finding* f = run.only(DiagId::ConflictObligationProhibition);
  REQUIRE(f);
  CHECK(f->kind == FindingKind::Conflict);
  CHECK(f->severity == diag::Severity::Error);
  CHECK_FALSE(f->resolution.resolved);
  CHECK(f->first == cloud);  // the later norm, which is also the obligation
  CHECK(f->second == pipl);
  REQUIRE(f->witness);
  const auto& j = f->witness->json();
  CHECK(j["actor"] == nlohmann::json::array({"ServiceProvider"}));
  CHECK(j["action"] == "disclose");
  CHECK(j["dimensions"]["data"] == "personal");
  CHECK(j["dimensions"]["location"] == "CN");
  CHECK(j["dimensions"]["recipient"] == "US");
  CHECK(j["dimensions"]["establishment"] == "US");
  CHECK(j["facts"]["legal_process"] == true);
  CHECK(j["facts"]["approved"] == false);
  CHECK(j["date"] == "2021-11-01");  // the first day both apply
  CHECK(f->witness->text ==
        "a ServiceProvider discloses personal data; location CN, recipient US, establishment US; "
        "legal_process, "
        "not approved; on 2021-11-01");

  const diag::Diagnostic* d = run.diagnostic(DiagId::ConflictObligationProhibition);
  REQUIRE(d);
  CHECK(d->span == program.norms[cloud].span);
  CHECK(d->message == "conflict: `cloud_2713` obliges what `pipl_41` forbids");
  REQUIRE(d->related.size() == 2);
  CHECK(d->related[0].span == program.norms[pipl].span);
  CHECK(d->related[0].message == "`pipl_41` forbids it here (PIPL, article 41)");
  CHECK(d->related[1].message == "`cloud_2713` obliges it here (CLOUD, article 18 U.S.C. 2713)");
  REQUIRE_FALSE(d->help.empty());
  CHECK(d->help[0].find("unrelated") != std::string::npos);
  CHECK(d->witness);
  // Nothing else: the two norms are not redundant, and no claims exist.
  CHECK(run.result.findings.size() == 1);
}

TEST_CASE("acme_1 x pipl_41: a body's rule against the law is an error at the rule") {
  SpecWorld w;
  Index pipl = w.addPipl41();
  Index acme = w.b.actor("AcmeCloud", {w.ServiceProvider}, /*body=*/true);
  Index policy = w.b.instrument("ACME_LE", P::body(acme), model::kNone, P::date(2024, 1, 1));
  Index acme1 = w.b.norm("acme_1", policy, acme, Modality::Must, w.disclose,
                         P::all({P::in(w.recipient, {w.US}), P::is(w.legal_process)}));
  w.b[acme1].article = "1";
  auto& program = w.b.finish();
  Run run = analyzeProgram(program);

  const Finding* f = run.only(DiagId::RuleConflictsWithLaw);
  REQUIRE(f);
  CHECK(f->first == acme1);
  CHECK(f->second == pipl);
  CHECK(f->severity == diag::Severity::Error);
  CHECK(run.count(DiagId::ConflictObligationProhibition) == 0);
  const diag::Diagnostic* d = run.diagnostic(DiagId::RuleConflictsWithLaw);
  REQUIRE(d);
  CHECK(d->span == program.norms[acme1].span);
  CHECK(d->message == "rule conflicts with law: `acme_1` obliges what is forbidden by `pipl_41`");
  CHECK(f->witness->json()["actor"] == nlohmann::json::array({"AcmeCloud"}));
  CHECK(f->witness->json()["dimensions"]["location"] == "CN");
  CHECK(f->witness->text.starts_with("AcmeCloud discloses personal data"));
}

TEST_CASE("obligations and prohibitions by action taxonomy") {
  SpecWorld w;
  // Obligations from one issuer, prohibitions from an unrelated one: nothing resolves them.
  Index ins = w.b.instrument("LAW", P::jur(w.CN));
  Index other = w.b.instrument("OTHER", P::jur(w.US));
  Index mustDisclose = w.b.norm("must_disclose", ins, w.Company, Modality::Must, w.disclose);
  Index mustNotTransfer = w.b.norm("no_transfer", other, w.Company, Modality::MustNot, w.transfer);
  Index mustTransfer = w.b.norm("must_transfer", ins, w.Company, Modality::Must, w.transfer);
  Index mustNotAbroad =
      w.b.norm("no_abroad", other, w.Company, Modality::MustNot, w.transfer_abroad);
  auto& program = w.b.finish();
  Run run = analyzeProgram(program);
  auto conflicts = run.withCode(DiagId::ConflictObligationProhibition);
  // Every O(a) x F(b) with a ⊑ b is a conflict ...
  auto has = [&](Index o, Index fb) {
    for (const auto* c : conflicts) {
      if ((c->first == o && c->second == fb) || (c->first == fb && c->second == o)) return true;
    }
    return false;
  };
  CHECK(has(mustDisclose, mustNotTransfer));
  CHECK(has(mustTransfer, mustNotTransfer));
  // ... but an obligation of a broader action does not conflict with a prohibition of a
  // narrower one: transferring otherwise complies with both.
  CHECK_FALSE(has(mustTransfer, mustNotAbroad));
  CHECK_FALSE(has(mustDisclose, mustNotAbroad));
  CHECK(conflicts.size() == 2);
}

TEST_CASE("incompatible obligations, permissions and exemptions") {
  SpecWorld w;
  Index ins = w.b.instrument("LAW", P::jur(w.CN));
  Index other = w.b.instrument("OTHER", P::jur(w.US));
  Index mustDelete = w.b.norm("must_delete", ins, w.Company, Modality::Must, w.del);
  Index mustRetain = w.b.norm("must_retain", other, w.ServiceProvider, Modality::Must, w.retain);
  Index mayProcess = w.b.norm("may_process", other, w.Company, Modality::May, w.process);
  Index noAbroad = w.b.norm("no_abroad", ins, w.Company, Modality::MustNot, w.transfer_abroad);
  Index needNot = w.b.norm("need_not_process", other, w.Company, Modality::NeedNot, w.process);
  auto& program = w.b.finish();
  Run run = analyzeProgram(program);

  const Finding* inc = run.only(DiagId::ConflictIncompatibleObligations);
  REQUIRE(inc);
  CHECK(inc->first == mustRetain);
  CHECK(inc->second == mustDelete);
  CHECK(inc->witness->json()["action"] == "delete");
  CHECK(inc->witness->json()["incompatible_action"] == "retain");
  CHECK(inc->witness->json()["actor"] == nlohmann::json::array({"ServiceProvider"}));

  // may process x must not transfer abroad: a permission of a permits every form of a.
  const Finding* pf = run.only(DiagId::ContradictionPermissionProhibition);
  REQUIRE(pf);
  CHECK(pf->first == noAbroad);
  CHECK(pf->second == mayProcess);
  CHECK(pf->severity == diag::Severity::Warning);
  CHECK(pf->witness->json()["action"] == "transfer_abroad");

  // must delete x need not process (delete ⊑ process), across issuers: it stands.
  const Finding* oe = run.only(DiagId::ContradictionObligationExemption);
  REQUIRE(oe);
  CHECK(oe->first == needNot);
  CHECK(oe->second == mustDelete);
  // must retain x need not process, one issuer: the more specific obligation prevails.
  const Finding* settled = run.only(DiagId::ConflictResolved);
  REQUIRE(settled);
  CHECK(settled->resolution.pairCode == DiagId::ContradictionObligationExemption);
  CHECK(settled->resolution.winner == mustRetain);
  CHECK(settled->resolution.rule == "lex specialis");

  // may process x must delete / must retain: retain and delete are incompatible with each
  // other, and process is not incompatible with anything: no N3012 here.
  CHECK(run.count(DiagId::ContradictionPermissionIncompatible) == 0);
}

TEST_CASE("a permission of an action incompatible with an obligation") {
  SpecWorld w;
  Index ins = w.b.instrument("LAW", P::jur(w.CN));
  Index other = w.b.instrument("OTHER", P::jur(w.US));
  Index mayRetain = w.b.norm("may_retain", ins, w.Company, Modality::May, w.retain);
  Index mustDelete =
      w.b.norm("must_delete", other, w.Company, Modality::Must, w.del, P::in(w.data, {w.personal}));
  auto& program = w.b.finish();
  Run run = analyzeProgram(program);
  const Finding* f = run.only(DiagId::ContradictionPermissionIncompatible);
  REQUIRE(f);
  CHECK(f->first == mustDelete);
  CHECK(f->second == mayRetain);
  const diag::Diagnostic* d = run.diagnostic(DiagId::ContradictionPermissionIncompatible);
  REQUIRE(d);
  CHECK(
      d->message ==
      "contradiction: `may_retain` permits an action incompatible with what `must_delete` obliges");
  CHECK(d->related[0].message == "`may_retain` permits retain here (LAW)");
}

TEST_CASE("deadline overlap names the stricter deadline") {
  SpecWorld w;
  Index ins = w.b.instrument("LAW", P::jur(w.CN));
  Index slow = w.b.norm("report_72", ins, w.Company, Modality::Must, w.report_incident);
  Index fast = w.b.norm("report_24", ins, w.CIIOperator, Modality::Must, w.report_incident,
                        P::in(w.sector, {w.critical}));
  w.b[slow].withinHours = 72;
  w.b[slow].withinText = "72 hours";
  w.b[fast].withinHours = 24;
  w.b[fast].withinText = "24 hours";
  Index same = w.b.norm("report_72_again", ins, w.Citizen, Modality::Must, w.report_incident);
  w.b[same].withinHours = 24;  // Citizens and Companies are disjoint: never meets report_72
  auto& program = w.b.finish();
  Run run = analyzeProgram(program);
  const Finding* f = run.only(DiagId::DeadlineOverlap);
  REQUIRE(f);
  CHECK(f->first == fast);
  CHECK(f->second == slow);
  CHECK(f->severity == diag::Severity::Note);
  CHECK(f->message ==
        "deadlines overlap: `report_24` and `report_72` oblige the same action within 24 hours and "
        "72 hours; the "
        "stricter, `report_24`, applies");
  CHECK(f->witness->json()["actor"] == nlohmann::json::array({"CIIOperator"}));
  CHECK(f->witness->json()["dimensions"]["sector"] == "critical_infrastructure");
}

TEST_CASE("no finding where the norms cannot meet") {
  SpecWorld w;
  Index cn = w.b.instrument("CNLAW", P::jur(w.CN));
  Index us = w.b.instrument("USLAW", P::jur(w.US), model::kNone, P::date(2020, 1, 1),
                            P::date(2020, 12, 31));
  Index us2 = w.b.instrument("USLAW2", P::jur(w.US), model::kNone, P::date(2021, 1, 1));
  // Disjoint actor classes.
  w.b.norm("gov_must", cn, w.Government, Modality::Must, w.disclose);
  w.b.norm("company_must_not", us2, w.ServiceProvider, Modality::MustNot, w.disclose);
  // Disjoint regions.
  w.b.norm("cn_only", cn, w.Company, Modality::MustNot, w.store, P::in(w.location, {w.CN}));
  w.b.norm("us_only", us2, w.Company, Modality::Must, w.store, P::in(w.location, {w.EU, w.US}));
  // Disjoint windows (2020 vs from 2021).
  w.b.norm("in_2020", us, w.Company, Modality::Must, w.collect);
  w.b.norm("from_2021", us2, w.Company, Modality::MustNot, w.collect);
  auto& program = w.b.finish();
  Run run = analyzeProgram(program);
  for (const auto& f : run.result.findings) {
    CHECK_MESSAGE(f.kind != FindingKind::Conflict, f.message);
    CHECK_MESSAGE(f.kind != FindingKind::Contradiction, f.message);
  }
  CHECK(run.count(DiagId::ConflictResolved) == 0);
}

TEST_CASE("overlapping actor classes meet; the witness lists both") {
  SpecWorld w;
  Index vendor = w.b.actor("Vendor");  // not declared disjoint from Company
  Index cn = w.b.instrument("CNLAW", P::jur(w.CN));
  Index us = w.b.instrument("USLAW", P::jur(w.US));
  w.b.norm("a", cn, w.Company, Modality::Must, w.store);
  w.b.norm("b", us, vendor, Modality::MustNot, w.store);
  auto& program = w.b.finish();
  Run run = analyzeProgram(program);
  const Finding* f = run.only(DiagId::ConflictObligationProhibition);
  REQUIRE(f);
  CHECK(f->witness->json()["actor"] == nlohmann::json::array({"Company", "Vendor"}));
  CHECK(f->witness->text.starts_with("a Company that is also a Vendor stores"));
}

TEST_CASE("pair findings beyond the limit are counted, not materialised") {
  SpecWorld w;
  Index cn = w.b.instrument("CNLAW", P::jur(w.CN));
  Index us = w.b.instrument("USLAW", P::jur(w.US));
  for (int i = 0; i < 3; ++i) {
    w.b.norm("must_" + std::to_string(i), cn, w.Company, Modality::Must, w.store,
             P::in(w.location, {w.EU}));
    w.b.norm("must_not_" + std::to_string(i), us, w.Company, Modality::MustNot, w.store);
  }
  auto& program = w.b.finish();
  Run all = analyzeProgram(program);
  CHECK(all.count(DiagId::ConflictObligationProhibition) == 9);
  CHECK(all.count(DiagId::TooManyFindings) == 0);
  Options options;
  options.maxPairFindings = 4;
  Run limited = analyzeProgram(program, options);
  CHECK(limited.count(DiagId::ConflictObligationProhibition) == 4);
  const Finding* f = limited.only(DiagId::TooManyFindings);
  REQUIRE(f);
  CHECK(f->kind == FindingKind::TooComplex);
  CHECK(f->message ==
        "5 more conflicts, contradictions and resolved pairs were found but not reported (the "
        "limit is 4)");
}
