// The plain-language wording: norms, conditions, claims, deferences, witnesses.
#include <doctest/doctest.h>

#include "backend_support.h"
#include "backends/phrase.h"

using namespace nomos;
using namespace nomos::backends;

namespace {

/// Links every term to "#kind-index" and records nothing else.
struct FakeLinker final : Linker {
  std::string term(const TermRef& ref) override {
    return "#t" + std::to_string(static_cast<int>(ref.kind)) + "-" + std::to_string(ref.index);
  }
  std::string norm(model::Index n) override { return "#n" + std::to_string(n); }
};

model::Index normNamed(const model::Program& p, std::string_view name) {
  for (model::Index i = 0; i < p.norms.size(); ++i) {
    if (p.norms[i].name == name) return i;
  }
  FAIL("no norm " << name);
  return model::kNone;
}

}  // namespace

TEST_SUITE("backends.phrase") {
  TEST_CASE("word helpers") {
    CHECK(humanize("transfer_abroad") == "transfer abroad");
    CHECK(indefiniteArticle("Internet company") == "an");
    CHECK(indefiniteArticle("government") == "a");
    CHECK(indefiniteArticle("individual citizen") == "an");
    CHECK(indefiniteArticle("university") == "a");
    CHECK(indefiniteArticle("FBI agent") == "an");
    CHECK(indefiniteArticle("CII operator") == "a");
    CHECK(longDate(model::dateFromCivil(2021, 11, 1)) == "1 November 2021");
    CHECK(groupDigits(1000000) == "1,000,000");
    CHECK(groupDigits(999) == "999");
    CHECK(groupDigits(1000) == "1,000");
  }

  TEST_CASE("a norm reads as an English provision built from the declared titles") {
    auto c = testing::compileSpecExample();
    const auto& p = *c->program();
    FakeLinker linker;
    Phraser ph(p, linker);
    CHECK(ph.norm(p.norms[normNamed(p, "pipl_41")]).plain() ==
          "An Internet company must not disclose, where the category of data is personal, the act "
          "takes place or "
          "the data is stored in CN and the jurisdiction of whoever receives the data is outside "
          "CN, unless "
          "approved by the competent authority.");
    CHECK(ph.norm(p.norms[normNamed(p, "cloud_2713")]).plain() ==
          "An electronic communication or remote computing service provider must disclose, where "
          "the actor is "
          "established in US, the jurisdiction of whoever receives the data is in US and served "
          "with a warrant, "
          "subpoena or court order.");
    CHECK(ph.norm(p.norms[normNamed(p, "pipl_40")]).plain() ==
          "A critical information infrastructure operator must store, where the category of data "
          "is personal, the "
          "number of individuals whose data is handled is at least 1,000,000 and the act takes "
          "place or the data "
          "is stored in CN.");
  }

  TEST_CASE("terms are links, with the declared name as tooltip") {
    auto c = testing::compileSpecExample();
    const auto& p = *c->program();
    FakeLinker linker;
    Phraser ph(p, linker);
    Phrase s = ph.norm(p.norms[normNamed(p, "pipl_41")]);
    bool subjectLinked = false, jurisdictionLinked = false;
    for (const auto& piece : s.pieces()) {
      if (piece.text == "Internet company")
        subjectLinked = piece.href.starts_with("#t0-") && piece.tip == "Company";
      if (piece.text == "CN")
        jurisdictionLinked = piece.href.starts_with("#t2-") && !piece.tip.empty();
    }
    CHECK(subjectLinked);
    CHECK(jurisdictionLinked);
  }

  TEST_CASE("sovereignty clauses and deferences in words") {
    auto c = testing::compileSpecExample();
    const auto& p = *c->program();
    FakeLinker linker;
    Phraser ph(p, linker);
    REQUIRE(p.claims.size() == 3);
    CHECK(ph.claim(p.claims[0]).plain() ==
          "CN claims authority over situations where the act takes place or the data is stored in "
          "CN or (the "
          "category of data is personal and the data subject resides in CN).");
    CHECK(ph.claim(p.claims[2]).plain() ==
          "CN claims exclusive authority over situations where the act takes place or the data is "
          "stored in CN "
          "and the economic sector of the activity is critical infrastructure.");
    REQUIRE(p.agreements.size() == 1);
    CHECK(ph.deference(p.agreements[0].deferences[0]).plain() ==
          "US defers to UK where the data subject resides in UK: there, UK's norms prevail over "
          "US's.");
  }

  TEST_CASE("negation is pushed inward and reads positively") {
    auto c = testing::compileText("negations", R"(
jurisdiction CN; jurisdiction US;
dimension location : territory "where the data is stored";
dimension data "category of data" { personal; important; public_info; }
fact approved "approved by the regulator";
fact urgent "the request is urgent";
fact users : count "number of users";
action share "share data";
actor Firm "firm";
instrument R "Rules" { issuer CN; }
norm r1 "one" from R article "1":
  Firm must not share where not (location in CN and data in {personal, important}) or not approved;
norm r2 "two" from R article "2":
  Firm may share where not urgent and not users >= 10 and users == 3;
)");
    const auto& p = *c->program();
    FakeLinker linker;
    Phraser ph(p, linker);
    CHECK(ph.norm(p.norms[0]).plain() ==
          "A firm must not share data, where the data is stored outside CN, the category of data "
          "is neither "
          "personal nor important or not approved by the regulator.");
    CHECK(ph.norm(p.norms[1]).plain() ==
          "A firm may share data, where it is not the case that the request is urgent, the number "
          "of users is "
          "less than 10 and the number of users is exactly 3.");
  }

  TEST_CASE("deadlines, own dates and untitled declarations") {
    auto c = testing::compileText("deadlines", R"(
jurisdiction EU;
action report_incident;
actor ServiceProvider;
actor AcmeCloud_parent "cloud provider";
body Acme : AcmeCloud_parent "Acme Cloud Ltd.";
fact big_breach;
instrument NIS "Network and Information Security" { issuer EU; effective 2023-01-16; }
norm nis_23 "Report within a day" from NIS article "23":
  ServiceProvider must report_incident where big_breach within 24 hours effective 2024-10-18 until 2030-12-31;
norm acme_1 "Acme reports" from NIS article "24":
  Acme must report_incident within 72 hours;
)");
    const auto& p = *c->program();
    FakeLinker linker;
    Phraser ph(p, linker);
    CHECK(ph.norm(p.norms[0]).plain() ==
          "A service provider must report incident within 24 hours, where big breach holds, from "
          "18 October 2024 "
          "until 31 December 2030.");
    CHECK(ph.norm(p.norms[1]).plain() == "Acme Cloud Ltd. must report incident within 72 hours.");
  }

  TEST_CASE("witness situations in words, from the structured witness") {
    auto c = testing::compileSpecExample();
    const auto& p = *c->program();
    FakeLinker linker;
    Phraser ph(p, linker);
    nlohmann::json w = {
        {"actor", {"Company", "ServiceProvider"}},
        {"action", "disclose"},
        {"dimensions", {{"data", "personal"}, {"location", "CN"}, {"recipient", "(other)"}}},
        {"facts", {{"approved", false}, {"individuals", 12}}},
        {"date", "2024-01-01"}};
    CHECK(ph.witness(w, "fallback").plain() ==
          "an electronic communication or remote computing service provider doing disclose, where "
          "the category "
          "of data is personal, the act takes place or the data is stored in CN, the jurisdiction "
          "of whoever "
          "receives the data is in a jurisdiction the rules do not name, not approved by the "
          "competent authority "
          "and the number of individuals whose data is handled is exactly 12, on 1 January 2024");
    nlohmann::json claimsOnly = {{"dimensions", {{"establishment", "US"}}},
                                 {"facts", nlohmann::json::object()}};
    CHECK(ph.witness(claimsOnly, "fallback").plain() ==
          "a situation where the actor is established in US");
    CHECK(ph.witness(nlohmann::json(), "as the analysis wrote it").plain() ==
          "as the analysis wrote it");
  }
}
