// The ODRL 2.2 export: one Set policy per instrument, rules per modality, constraints from
// conditions. (tests/scripts/check_exports.sh expands it with a JSON-LD processor.)
#include <doctest/doctest.h>

#include "backend_support.h"
#include "backends/odrl_export.h"

using namespace nomos;
using namespace nomos::backends;
using nlohmann::json;

namespace {

const json& node(const json& graph, std::string_view id) {
  for (const auto& n : graph) {
    if (n.value("uid", "") == id || n.value("@id", "") == id) return n;
  }
  FAIL("no node " << id);
  static json none;
  return none;
}

}  // namespace

TEST_SUITE("backends.odrl") {
  TEST_CASE("policies, rules and constraints of the spec example") {
    auto c = testing::compileSpecExample();
    json j = exportOdrl(*c->program());
    REQUIRE(j["@context"].is_array());
    CHECK(j["@context"][0] == "http://www.w3.org/ns/odrl.jsonld");
    CHECK(j["@context"][1]["nomos"] == "urn:nomos:");
    const json& graph = j["@graph"];

    const json& pipl = node(graph, "nomos:instrument:spec_cross_border.PIPL");
    CHECK(pipl["@type"] == "Set");
    CHECK(pipl["profile"] == "nomos:profile");
    CHECK(pipl["assigner"] == "nomos:jurisdiction:spec_cross_border.CN");
    CHECK(pipl["dct:title"] ==
          "Personal Information Protection Law of the People's Republic of China");
    REQUIRE(pipl["prohibition"].size() == 1);
    REQUIRE(pipl["obligation"].size() == 1);
    const json& p41 = pipl["prohibition"][0];
    CHECK(p41["uid"] == "nomos:norm:spec_cross_border.pipl_41");
    CHECK(p41["assignee"] == "nomos:actor:spec_cross_border.Company");
    CHECK(p41["action"] == "nomos:action:spec_cross_border.disclose");
    CHECK(p41["target"] == "nomos:asset:any");
    CHECK(p41["dct:bibliographicCitation"] == "PIPL, article 41");
    // where data in personal and location in CN and recipient not in CN unless approved;
    // from the instrument's effective date.
    const json& cs = p41["constraint"];
    REQUIRE(cs.size() == 5);
    CHECK(cs[0] ==
          json{{"leftOperand", "nomos:dimension:spec_cross_border.data"},
               {"operator", "isAnyOf"},
               {"rightOperand", {{{"@id", "nomos:category:spec_cross_border.data/personal"}}}}});
    CHECK(cs[1]["leftOperand"] == "spatial");  // location: where the act takes place
    CHECK(cs[1]["operator"] == "isAnyOf");
    CHECK(cs[2]["leftOperand"] == "nomos:dimension:spec_cross_border.recipient");
    CHECK(cs[2]["operator"] == "isNoneOf");
    CHECK(cs[3] == json{{"leftOperand", "nomos:fact:spec_cross_border.approved"},
                        {"operator", "eq"},
                        {"rightOperand", false}});
    CHECK(cs[4]["leftOperand"] == "dateTime");
    CHECK(cs[4]["operator"] == "gteq");
    CHECK(cs[4]["rightOperand"]["@value"] == "2021-11-01");

    const json& p40 = pipl["obligation"][0];
    CHECK_FALSE(p40.contains("target"));
    CHECK(p40["constraint"][1] == json{{"leftOperand", "nomos:fact:spec_cross_border.individuals"},
                                       {"operator", "gteq"},
                                       {"rightOperand", 1000000}});

    // The profile's vocabulary: the action hierarchy and the actor classes.
    CHECK(node(graph, "nomos:action:spec_cross_border.disclose")["includedIn"] ==
          "nomos:action:spec_cross_border.transfer");
    CHECK(node(graph, "nomos:action:spec_cross_border.transfer")["includedIn"] ==
          "nomos:action:spec_cross_border.process");
    CHECK(node(graph, "nomos:actor:spec_cross_border.ServiceProvider")["@type"] ==
          "PartyCollection");
    CHECK(node(graph, "nomos:dimension:spec_cross_border.recipient")["@type"] == "LeftOperand");
  }

  TEST_CASE("or, negated conjunctions, exemptions, deadlines and precedence") {
    auto c = testing::compileText("odrl_logic", R"(
jurisdiction CN; jurisdiction US;
dimension location : territory "where";
closed dimension purpose "purpose" { research; commercial; }
fact approved "approved";
fact users : count "users";
action act "act";
action report "report";
actor A "actor";
instrument R "Rules" { issuer CN; effective 2020-01-01; until 2030-12-31; }
norm r1 from R: A may act where location in US or purpose in research;
norm r2 from R: A must not act where not (approved and users < 5);
norm r3 from R: A need not report where approved;
norm r4 from R: A must report within 72 hours prevails over r5;
norm r5 from R: A must report within 24 hours;
)");
    json j = exportOdrl(*c->program(), OdrlOptions{"https://rules.example.org/vocab#"});
    CHECK(j["@context"][1]["nomos"] == "https://rules.example.org/vocab#");
    CHECK(exportOdrl(*c->program(),
                     OdrlOptions{"https://rules.example.org/vocab"})["@context"][1]["nomos"] ==
          "https://rules.example.org/vocab#");
    const json& policy = node(j["@graph"], "nomos:instrument:odrl_logic.R");

    const json& r1 = policy["permission"][0]["constraint"];
    REQUIRE(r1[0].contains("or"));
    CHECK(r1[0]["or"][0]["leftOperand"] == "spatial");
    CHECK(r1[0]["or"][1]["leftOperand"] == "purpose");

    // not (approved and users < 5) = not approved or users >= 5
    const json& r2 = policy["prohibition"][0]["constraint"][0]["or"];
    CHECK(r2[0] == json{{"leftOperand", "nomos:fact:odrl_logic.approved"},
                        {"operator", "eq"},
                        {"rightOperand", false}});
    CHECK(r2[1]["operator"] == "gteq");
    CHECK(r2[1]["rightOperand"] == 5);

    // ODRL has no exemption: kept under our profile's property.
    CHECK(policy["permission"].size() == 1);  // r1 only: the exemption is not a permission
    REQUIRE(policy["nomos:exemption"].size() == 1);
    CHECK(policy["nomos:exemption"][0]["action"] == "nomos:action:odrl_logic.report");

    const json& r4 = policy["obligation"][0];
    bool deadline = false, until = false;
    for (const auto& con : r4["constraint"]) {
      if (con["leftOperand"] == "elapsedTime") {
        deadline = con["operator"] == "lteq" && con["rightOperand"]["@value"] == "PT72H";
      }
      if (con["leftOperand"] == "dateTime" && con["operator"] == "lteq")
        until = con["rightOperand"]["@value"] == "2030-12-31";
    }
    CHECK(deadline);
    CHECK(until);
    CHECK(r4["nomos:prevailsOver"][0]["@id"] == "nomos:norm:odrl_logic.r5");
  }
}
