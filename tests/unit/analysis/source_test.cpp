// The analysis on programs written as source text, through the real parser and sema: the
// running example of LANGUAGE.md §3-§5 and a few shapes that only source can show.
#include <doctest/doctest.h>

#include "analysis/witness.h"
#include "source_fixture.h"

using namespace nomos;
using namespace nomos::analysis;
using namespace nomos::analysis::testing;
using diag::DiagId;

namespace {

// LANGUAGE.md §3, §4 and §5, as one module.
constexpr std::string_view kSpecProgram = R"nomos(
jurisdiction CN "People's Republic of China";
jurisdiction US "United States";
jurisdiction EU "European Union" { members DE, FR, IE, NL; }
jurisdiction UK "United Kingdom";

dimension location : territory "where the act takes place or the data is stored";
dimension residence : territory "where the data subject resides";
dimension establishment : territory "where the actor is established";
dimension recipient : territory "jurisdiction of whoever receives the data";
dimension sector "economic sector of the activity" { critical_infrastructure { energy; finance; telecom; } commerce; }
dimension data "category of data" {
  personal { sensitive { biometric; health; minors; } }
  important { core; }
  public_info;
}
closed dimension purpose "purpose of the request" { law_enforcement; national_security; commercial; research; }

fact approved "approved by the competent authority";
fact legal_process "served with a warrant, subpoena or court order";
fact individuals : count "number of individuals whose data is handled";

action process "process" {
  collect; store; use;
  transfer { transfer_abroad; disclose "disclose"; }
  delete "delete"; retain "retain";
}
action report_incident "report a security incident";
incompatible delete, retain;

actor Government "government";
actor Company "Internet company";
actor Citizen "individual citizen";
disjoint Government, Company, Citizen;
actor CIIOperator : Company "critical information infrastructure operator";
actor ServiceProvider : Company "electronic communication or remote computing service provider";

levels constitution > statute > regulation > rule > guideline;

instrument PIPL "Personal Information Protection Law of the People's Republic of China" {
  issuer CN;
  level statute;
  effective 2021-11-01;
}

norm pipl_41 "No provision to foreign authorities without approval"
  from PIPL article "41":
  Company must not disclose
    where data in personal and location in CN and recipient not in CN
    unless approved;

instrument CLOUD "Clarifying Lawful Overseas Use of Data Act" { issuer US; level statute; effective 2018-03-23; }

norm cloud_2713 "Disclose regardless of where the data is stored"
  from CLOUD article "18 U.S.C. 2713":
  ServiceProvider must disclose
    where establishment in US and recipient in US and legal_process;

body AcmeCloud : ServiceProvider "Acme Cloud Ltd.";

instrument ACME_LE "Acme policy on law-enforcement requests" { issuer AcmeCloud; effective 2024-01-01; }

norm acme_1 "Answer US warrants for all data" from ACME_LE article "1":
  AcmeCloud must disclose where recipient in US and legal_process;

sovereignty cn_data of CN over location in CN or (data in personal and residence in CN);
sovereignty us_providers of US over establishment in US;
sovereignty cn_cii of CN exclusive over location in CN and sector in critical_infrastructure;

agreement us_uk_data "US–UK Data Access Agreement" between US, UK {
  effective 2022-10-03;
  US defers to UK where residence in UK;
}
)nomos";

}  // namespace

TEST_CASE("the LANGUAGE.md example, from source") {
  auto a = analyseText(kSpecProgram);
  INFO(a->dump());
  const auto& program = *a->program;

  // pipl_41 x cloud_2713: an unresolved conflict, reported at cloud_2713.
  auto conflicts = a->withCode(DiagId::ConflictObligationProhibition);
  REQUIRE(conflicts.size() == 1);
  const Finding& c = *conflicts.front();
  CHECK(c.first == a->norm("cloud_2713"));
  CHECK(c.second == a->norm("pipl_41"));
  const auto& j = c.witness->json();
  CHECK(j["actor"] == nlohmann::json::array({"ServiceProvider"}));
  CHECK(j["action"] == "disclose");
  CHECK(j["dimensions"]["data"] == "personal");
  CHECK(j["dimensions"]["location"] == "CN");
  CHECK(j["dimensions"]["recipient"] == "US");
  CHECK(j["dimensions"]["establishment"] == "US");
  CHECK(j["facts"]["legal_process"] == true);
  CHECK(j["facts"]["approved"] == false);
  CHECK(a->text(program.norms[c.first].span) == "cloud_2713");

  // acme_1 x pipl_41: the body's rule conflicts with the law, at acme_1.
  auto rule = a->withCode(DiagId::RuleConflictsWithLaw);
  REQUIRE(rule.size() == 1);
  CHECK(rule.front()->first == a->norm("acme_1"));
  CHECK(rule.front()->second == a->norm("pipl_41"));
  CHECK(rule.front()->witness->json()["actor"] == nlohmann::json::array({"AcmeCloud"}));
  CHECK(rule.front()->witness->json()["date"] == "2024-01-01");

  // The claims: cn_data and us_providers overlap; cn_cii is exclusive.
  auto overlap = a->withCode(DiagId::JurisdictionOverlap);
  REQUIRE(overlap.size() == 1);
  CHECK(program.claims[overlap.front()->first].name == "us_providers");
  CHECK(program.claims[overlap.front()->second].name == "cn_data");
  auto exclusive = a->withCode(DiagId::ExclusiveOverlap);
  REQUIRE(exclusive.size() == 1);
  CHECK(program.claims[exclusive.front()->first].name == "cn_cii");

  // Both laws stay within their issuers' claims; a body's rule has no reach check.
  CHECK(a->withCode(DiagId::NormBeyondReach).empty());
  CHECK(a->result.findings.size() == 4);
}

TEST_CASE("from source: open world, closed dimensions and undeclared jurisdictions") {
  auto a = analyseText(R"nomos(
jurisdiction CN "China";
jurisdiction US "United States";
dimension recipient : territory "recipient";
dimension data "data" { personal { sensitive; } public_info; }
closed dimension purpose "purpose" { inquiry { criminal; civil; } research; }
action disclose "disclose";
actor Company "company";
instrument A "A" { issuer CN; }
instrument B "B" { issuer US; }

// Personal data that is not sensitive, sent somewhere other than CN and US.
norm a_must "a" from A: Company must disclose where data in personal and data not in sensitive;
norm b_must_not "b" from B: Company must not disclose where recipient not in {CN, US};

// A closed dimension: an inquiry that is neither criminal nor civil does not exist.
norm never "never" from A: Company must disclose where purpose in inquiry and purpose not in {criminal, civil};
)nomos");
  INFO(a->dump());
  auto conflicts = a->withCode(DiagId::ConflictObligationProhibition);
  REQUIRE(conflicts.size() == 1);
  const Finding& c = *conflicts.front();
  CHECK(c.witness->json()["dimensions"]["data"] == "personal");
  CHECK(c.witness->json()["dimensions"]["recipient"] == kRemainderValue);
  CHECK(c.witness->text.find("recipient other than CN, US") != std::string::npos);
  auto never = a->withCode(DiagId::NormNeverApplies);
  REQUIRE(never.size() == 1);
  CHECK(never.front()->first == a->norm("never"));
}
