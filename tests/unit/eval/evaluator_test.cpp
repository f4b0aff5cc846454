// The evaluation of single situations: what a situation means as a box, when a norm applies,
// what an undetermined answer turns on, and how clashes are settled there.
#include <doctest/doctest.h>

#include "eval/reasons.h"
#include "eval_support.h"

using namespace nomos::testing;
using nomos::eval::Truth;
using nomos::eval::Unspecified;

namespace {

const char* kVocabulary = R"(
jurisdiction CN "China";
jurisdiction US "United States";
jurisdiction EU "European Union" { members DE, FR; }
dimension location : territory "where the data is stored";
dimension data "category of data" { personal { sensitive { health; } } public_info; }
closed dimension purpose "purpose" { security { police; military; } commercial; }
fact approved "approved";
fact individuals : count "number of individuals";
action process "process" { transfer { transfer_abroad; disclose "disclose"; } delete "delete"; retain "retain"; }
incompatible delete, retain;
actor Company "company";
actor Citizen "citizen";
disjoint Company, Citizen;
actor Provider : Company "provider";
levels statute > regulation;
instrument LAW "a statute" { issuer CN; level statute; effective 2020-01-01; }
instrument REG "a regulation" { issuer CN; level regulation; effective 2020-01-01; }
instrument US_LAW "a US statute" { issuer US; level statute; effective 2019-01-01; }
instrument EU_LAW "an EU regulation" { issuer EU; level statute; }
instrument DE_LAW "a German statute" { issuer DE; level statute; }
)";

std::string program(const std::string& norms) { return std::string(kVocabulary) + norms; }

}  // namespace

TEST_SUITE("evaluation") {
  TEST_CASE("a category given as a value means that category and none of its named subcategories") {
    auto e = evaluateText("atoms", program(R"(
norm personal_rule from LAW article "1": Company must not disclose where data in personal;
norm sensitive_rule from LAW article "2": Company must not disclose where data in sensitive;
norm health_rule from LAW article "3": Company must not disclose where data in health;
)"));
    auto personal = e->evaluate(
        R"({"actor": ["Company"], "action": "disclose", "dimensions": {"data": "personal"}, "date": "2024-01-01"})");
    CHECK(personal.applies(e->norm("personal_rule")) == Truth::Yes);
    CHECK(personal.applies(e->norm("sensitive_rule")) == Truth::No);
    auto health = e->evaluate(
        R"({"actor": ["Company"], "action": "disclose", "dimensions": {"data": "health"}, "date": "2024-01-01"})");
    CHECK(health.applies(e->norm("personal_rule")) == Truth::Yes);
    CHECK(health.applies(e->norm("sensitive_rule")) == Truth::Yes);
    CHECK(health.applies(e->norm("health_rule")) == Truth::Yes);
  }

  TEST_CASE(
      "a jurisdiction given as a value includes none of its members; a member is within its "
      "union") {
    auto e = evaluateText("territory", program(R"(
norm eu_rule from EU_LAW article "1": Company must not transfer where location in EU;
norm de_rule from DE_LAW article "1": Company must not transfer where location in DE;
)"));
    auto de = e->evaluate(
        R"({"actor": ["Company"], "action": "transfer", "dimensions": {"location": "DE"}})");
    CHECK(de.applies(e->norm("eu_rule")) == Truth::Yes);
    CHECK(de.applies(e->norm("de_rule")) == Truth::Yes);
    auto eu = e->evaluate(
        R"({"actor": ["Company"], "action": "transfer", "dimensions": {"location": "EU"}})");
    CHECK(eu.applies(e->norm("eu_rule")) == Truth::Yes);
    CHECK(eu.applies(e->norm("de_rule")) == Truth::No);
  }

  TEST_CASE("a group of values of a closed dimension leaves open which of them") {
    auto e = evaluateText("closed", program(R"(
norm police_rule from LAW article "1": Company need not disclose where purpose in police;
norm security_rule from LAW article "2": Company need not disclose where purpose in security;
)"));
    auto ev = e->evaluate(
        R"({"actor": ["Company"], "action": "disclose", "dimensions": {"purpose": "security"}, "date": "2024-01-01"})");
    CHECK(ev.applies(e->norm("security_rule")) == Truth::Yes);
    REQUIRE(ev.applies(e->norm("police_rule")) == Truth::Unknown);
    const auto* a = ev.find(e->norm("police_rule"));
    REQUIRE(a->dependsOn.has_value());
    CHECK(a->dependsOn->kind == Unspecified::Kind::Dimension);
    CHECK(e->program().dimensions[a->dependsOn->index].name == "purpose");
  }

  TEST_CASE(
      "the actor belongs to its classes and their ancestors, and the action to its ancestors") {
    auto e = evaluateText("classes", program(R"(
norm company_rule from LAW article "1": Company must not transfer;
norm citizen_rule from LAW article "2": Citizen must not transfer;
norm provider_rule from LAW article "3": Provider must not process;
norm abroad_rule from LAW article "4": Provider must not transfer_abroad;
)"));
    nomos::eval::Situation s =
        e->situation(R"({"actor": ["Provider"], "action": "transfer", "date": "2024-01-01"})");
    auto ev = e->evaluator->evaluate(s);
    CHECK(ev.applies(e->norm("company_rule")) == Truth::Yes);
    CHECK(ev.applies(e->norm("provider_rule")) == Truth::Yes);
    CHECK(ev.applies(e->norm("citizen_rule")) == Truth::No);
    CHECK(ev.applies(e->norm("abroad_rule")) == Truth::No);
    nomos::eval::Reasons reasons(*e->evaluator, s, ev);
    CHECK(reasons.whyNot(e->norm("citizen_rule")) ==
          "it binds `Citizen`, and the actor is `Provider`");
    CHECK(reasons.whyNot(e->norm("abroad_rule")) ==
          "it is about `transfer_abroad`, a narrower action than `transfer`");
  }

  TEST_CASE(
      "what a situation leaves free makes an answer that turns on it undetermined, and names it") {
    auto e = evaluateText("free", program(R"(
norm approval_rule from LAW article "1": Company must not disclose where location in CN unless approved;
norm count_rule from LAW article "2": Company must not disclose where individuals > 1000;
norm timeless from LAW article "3": Company must not disclose effective 2000-01-01;
norm unconditional "no dates, no condition": Company must not disclose;
)"));
    auto ev = e->evaluate(
        R"({"actor": ["Company"], "action": "disclose", "dimensions": {"location": "CN"}})");
    auto dependsOn = [&](const char* norm) {
      const auto* a = ev.find(e->norm(norm));
      REQUIRE(a != nullptr);
      REQUIRE(a->applies == Truth::Unknown);
      REQUIRE(a->dependsOn.has_value());
      return *a->dependsOn;
    };
    CHECK(dependsOn("approval_rule") == Unspecified{Unspecified::Kind::Fact, 0});
    CHECK(dependsOn("count_rule") == Unspecified{Unspecified::Kind::Fact, 1});
    CHECK(dependsOn("timeless").kind == Unspecified::Kind::Date);
    CHECK(ev.applies(e->norm("unconditional")) == Truth::Yes);

    // Given, the facts decide; a location outside CN decides approval_rule whatever `approved` is.
    auto given = e->evaluate(
        R"({"actor": ["Company"], "action": "disclose", "dimensions": {"location": "CN"},
                                 "facts": {"approved": false, "individuals": 5000}, "date": "2024-01-01"})");
    CHECK(given.applies(e->norm("approval_rule")) == Truth::Yes);
    CHECK(given.applies(e->norm("count_rule")) == Truth::Yes);
    CHECK(given.applies(e->norm("timeless")) == Truth::Yes);
    auto elsewhere = e->evaluate(
        R"({"actor": ["Company"], "action": "disclose", "dimensions": {"location": "US"}})");
    CHECK(elsewhere.applies(e->norm("approval_rule")) == Truth::No);
  }

  TEST_CASE("clashes are settled as the analysis settles them, and the loser is set aside") {
    auto e = evaluateText("precedence", program(R"(
norm law_forbids from LAW article "1": Company must not transfer where location in CN;
norm reg_permits from REG article "1": Company may disclose where location in CN;
norm us_orders from US_LAW article "1": Provider must disclose where location in CN;
norm eu_forbids from EU_LAW article "1": Company must not transfer where location in DE;
norm de_permits from DE_LAW article "1": Company may transfer where location in DE;
)"));
    auto cn = e->evaluate(
        R"({"actor": ["Provider"], "action": "disclose", "dimensions": {"location": "CN"}, "date": "2024-01-01"})");
    const auto* superior = cn.clashBetween(e->norm("reg_permits"), e->norm("law_forbids"));
    REQUIRE(superior != nullptr);
    CHECK(superior->clash.resolution.resolved);
    CHECK(superior->clash.resolution.rule == "lex superior");
    CHECK(superior->clash.prevailing == e->norm("law_forbids"));
    CHECK(cn.find(e->norm("reg_permits"))->stands() == Truth::No);
    const auto* unrelated = cn.clashBetween(e->norm("us_orders"), e->norm("law_forbids"));
    REQUIRE(unrelated != nullptr);
    CHECK_FALSE(unrelated->clash.resolution.resolved);
    CHECK(unrelated->unresolved() == Truth::Yes);
    CHECK(cn.find(e->norm("law_forbids"))->stands() == Truth::Yes);
    CHECK(cn.find(e->norm("us_orders"))->stands() == Truth::Yes);

    auto de = e->evaluate(
        R"({"actor": ["Company"], "action": "transfer", "dimensions": {"location": "DE"}, "date": "2024-01-01"})");
    const auto* primacy = de.clashBetween(e->norm("de_permits"), e->norm("eu_forbids"));
    REQUIRE(primacy != nullptr);
    CHECK(primacy->clash.resolution.rule == "primacy of EU");
    CHECK(de.find(e->norm("de_permits"))->stands() == Truth::No);
  }

  TEST_CASE(
      "an agreement decides a clash where it covers the situation, not elsewhere, and leaves it "
      "open when unsaid") {
    auto e = evaluateText("agreement", program(R"(
norm cn_forbids from LAW article "1": Company must not disclose where location in CN;
norm us_orders from US_LAW article "1": Company must disclose where location in CN;
agreement cn_us "a fictional agreement" between CN, US {
  effective 2021-01-01;
  CN defers to US where approved;
}
)"));
    // The agreement covers only part of where the norms meet: `nomos check` keeps the
    // conflict, but in a situation inside the part it covers, the US norm prevails.
    auto covered = e->evaluate(
        R"({"actor": ["Company"], "action": "disclose", "dimensions": {"location": "CN"},
                                   "facts": {"approved": true}, "date": "2024-01-01"})");
    const auto* c = covered.clashBetween(e->norm("us_orders"), e->norm("cn_forbids"));
    REQUIRE(c != nullptr);
    CHECK(c->clash.resolution.resolved);
    CHECK(c->clash.prevailing == e->norm("us_orders"));
    CHECK(c->clash.resolution.rule == "agreement cn_us: CN defers to US");

    auto outside = e->evaluate(
        R"({"actor": ["Company"], "action": "disclose", "dimensions": {"location": "CN"},
                                   "facts": {"approved": false}, "date": "2024-01-01"})");
    c = outside.clashBetween(e->norm("us_orders"), e->norm("cn_forbids"));
    REQUIRE(c != nullptr);
    CHECK(c->unresolved() == Truth::Yes);

    auto before = e->evaluate(
        R"({"actor": ["Company"], "action": "disclose", "dimensions": {"location": "CN"},
                                  "facts": {"approved": true}, "date": "2020-06-01"})");
    c = before.clashBetween(e->norm("us_orders"), e->norm("cn_forbids"));
    REQUIRE(c != nullptr);
    CHECK_MESSAGE(c->unresolved() == Truth::Yes, "the agreement is not in force yet");

    auto open = e->evaluate(
        R"({"actor": ["Company"], "action": "disclose", "dimensions": {"location": "CN"}, "date": "2024-01-01"})");
    c = open.clashBetween(e->norm("us_orders"), e->norm("cn_forbids"));
    REQUIRE(c != nullptr);
    CHECK(c->unresolved() == Truth::Unknown);
    REQUIRE(c->dependsOn.has_value());
    CHECK(e->program().facts[c->dependsOn->index].name == "approved");
    CHECK(open.find(e->norm("cn_forbids"))->stands() == Truth::Unknown);
  }

  TEST_CASE(
      "an obligation the action precludes takes part in clashes, not in the action's status") {
    auto e = evaluateText("precluded", program(R"(
norm keep from REG article "1": Company must retain where location in CN;
norm erase from LAW article "2": Company must delete where location in CN;
)"));
    auto ev = e->evaluate(
        R"({"actor": ["Company"], "action": "retain", "dimensions": {"location": "CN"}, "date": "2024-01-01"})");
    const auto* erase = ev.find(e->norm("erase"));
    REQUIRE(erase != nullptr);
    CHECK(erase->precluded);
    CHECK(ev.applies(e->norm("erase")) == Truth::No);
    const auto* c = ev.clashBetween(e->norm("keep"), e->norm("erase"));
    REQUIRE(c != nullptr);
    CHECK(c->clash.pair.rule == nomos::analysis::PairRule::IncompatibleObligations);
    CHECK(c->clash.resolution.rule == "lex superior");
    CHECK(ev.find(e->norm("keep"))->stands() == Truth::No);
  }

  TEST_CASE("a body's rule against the law: the law prevails, and the clash stands") {
    auto e = evaluateText("body", program(R"(
body Acme : Provider "Acme";
instrument ACME "Acme policy" { issuer Acme; effective 2020-01-01; }
norm acme_1 from ACME article "1": Acme must disclose where location in CN;
norm law_forbids from LAW article "1": Company must not disclose where location in CN;
test "Acme in China" {
  given Acme doing disclose;
  given location CN, date 2024-01-01;
  expect forbidden by law_forbids;
  expect conflict acme_1, law_forbids;
}
test "Acme in China, as if resolved" {
  given Acme doing disclose;
  given location CN, date 2024-01-01;
  expect resolved acme_1, law_forbids by law_forbids;
}
)"));
    auto ev = e->evaluate(
        R"({"actor": ["Acme"], "action": "disclose", "dimensions": {"location": "CN"}, "date": "2024-01-01"})");
    const auto* c = ev.clashBetween(e->norm("acme_1"), e->norm("law_forbids"));
    REQUIRE(c != nullptr);
    CHECK(c->clash.bodyVersusLaw);
    CHECK(c->clash.prevailing == e->norm("law_forbids"));
    CHECK(ev.find(e->norm("acme_1"))->stands() == Truth::No);

    auto pass = nomos::eval::runTest(*e->evaluator, e->test("Acme in China"));
    CHECK(pass.status == nomos::eval::TestStatus::Passed);
    auto fail = nomos::eval::runTest(*e->evaluator, e->test("Acme in China, as if resolved"));
    REQUIRE(fail.status == nomos::eval::TestStatus::Failed);
    REQUIRE(fail.diagnostics.size() == 1);
    CHECK(fail.diagnostics[0].message.find("a body's rule against the law is not resolved") !=
          std::string::npos);
  }

  TEST_CASE("sovereignty claims hold or not in the situation (expect overlap)") {
    auto e = evaluateText("claims", program(R"(
sovereignty cn_data of CN over location in CN;
sovereignty us_data of US over approved;
test "both claim" {
  given location CN, approved;
  expect overlap cn_data, us_data;
}
test "one claims" {
  given location CN, not approved;
  expect overlap cn_data, us_data;
}
test "left open" {
  given location CN;
  expect overlap cn_data, us_data;
}
)"));
    CHECK(nomos::eval::runTest(*e->evaluator, e->test("both claim")).status ==
          nomos::eval::TestStatus::Passed);
    auto one = nomos::eval::runTest(*e->evaluator, e->test("one claims"));
    REQUIRE(one.status == nomos::eval::TestStatus::Failed);
    CHECK(one.diagnostics[0].message.find("`us_data` of US does not cover this situation") !=
          std::string::npos);
    auto open = nomos::eval::runTest(*e->evaluator, e->test("left open"));
    REQUIRE(open.status == nomos::eval::TestStatus::Error);
    CHECK(open.diagnostics[0].code() == "N4001");
    CHECK(open.diagnostics[0].message ==
          "the answer depends on `approved`, which the situation leaves unspecified");
  }

  TEST_CASE("an assertion that the given values decide passes though other facts are free") {
    auto e = evaluateText("decided", program(R"(
norm a from LAW article "1": Company must not disclose where location in CN unless approved;
test "outside China, approval does not matter" {
  given Company doing disclose;
  given location US, date 2024-01-01;
  expect not applicable a;
}
test "inside China it does" {
  given Company doing disclose;
  given location CN, date 2024-01-01;
  expect not applicable a;
}
)"));
    CHECK(nomos::eval::runTest(*e->evaluator, e->test("outside China, approval does not matter"))
              .status == nomos::eval::TestStatus::Passed);
    auto inside = nomos::eval::runTest(*e->evaluator, e->test("inside China it does"));
    CHECK(inside.status == nomos::eval::TestStatus::Error);
    REQUIRE(inside.diagnostics.size() == 1);
    CHECK(inside.diagnostics[0].code() == "N4001");
  }
  TEST_CASE(
      "an assertion that holds whatever a free flag is passes; one that fails whatever it is "
      "fails") {
    auto e = evaluateText("whatever", program(R"(
norm a from LAW article "1": Company must not disclose where location in CN unless approved;
norm b from LAW article "2": Company must not disclose where location in CN and approved;
norm c from LAW article "3": Company must not disclose where location in CN and approved and individuals > 10;
norm p from REG article "4": Company may disclose where location in CN and approved;
test "forbidden either way" {
  given Company doing disclose;
  given location CN, date 2024-01-01;
  expect forbidden;
}
test "never permitted" {
  given Company doing disclose;
  given location CN, date 2024-01-01;
  expect permitted;
}
test "a count is not enumerated" {
  given Company doing disclose;
  given location CN, approved, date 2024-01-01;
  expect forbidden by c;
}
)"));
    CHECK(nomos::eval::runTest(*e->evaluator, e->test("forbidden either way")).status ==
          nomos::eval::TestStatus::Passed);
    // Without approval `p` does not apply; with it, the statute `b` sets the regulation aside.
    auto never = nomos::eval::runTest(*e->evaluator, e->test("never permitted"));
    REQUIRE(never.status == nomos::eval::TestStatus::Failed);
    CHECK(never.diagnostics[0].message.find("; it fails for every value of `approved`") !=
          std::string::npos);
    auto count = nomos::eval::runTest(*e->evaluator, e->test("a count is not enumerated"));
    REQUIRE(count.status == nomos::eval::TestStatus::Error);
    CHECK(count.diagnostics[0].message ==
          "the answer depends on `individuals`, which the situation leaves unspecified");
  }
}
