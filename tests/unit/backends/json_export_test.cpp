// The nomos-export JSON: its content, and the round trip through json_import.
#include <doctest/doctest.h>

#include <set>

#include "backend_support.h"
#include "backends/json_export.h"
#include "backends/json_import.h"

using namespace nomos;
using namespace nomos::backends;
using nlohmann::json;

namespace {

const json& byName(const json& list, std::string_view name) {
  for (const auto& e : list) {
    if (e.at("name") == name) return e;
  }
  FAIL("nothing named " << name);
  static json none;
  return none;
}

/// Structural equality of two condition trees over two programs, by names.
bool sameCondition(const model::Program& pa, const model::Condition& a, const model::Program& pb,
                   const model::Condition& b) {
  if (a.kind != b.kind || a.operands.size() != b.operands.size()) return false;
  using K = model::Condition::Kind;
  if (a.kind == K::In) {
    const auto& da = pa.dimensions[a.dim];
    const auto& db = pb.dimensions[b.dim];
    if (da.name != db.name || a.values.size() != b.values.size()) return false;
    for (std::size_t i = 0; i < a.values.size(); ++i) {
      std::string va =
          da.territory ? pa.jurisdictions[a.values[i]].name : da.categories[a.values[i]].name;
      std::string vb =
          db.territory ? pb.jurisdictions[b.values[i]].name : db.categories[b.values[i]].name;
      if (va != vb) return false;
    }
  }
  if ((a.kind == K::Flag || a.kind == K::Compare) && pa.facts[a.fact].name != pb.facts[b.fact].name)
    return false;
  if (a.kind == K::Compare && (a.op != b.op || a.number != b.number)) return false;
  for (std::size_t i = 0; i < a.operands.size(); ++i) {
    if (!sameCondition(pa, a.operands[i], pb, b.operands[i])) return false;
  }
  return true;
}

void checkRoundTrip(const driver::Compilation& c) {
  const auto& original = *c.program();
  json exported = exportJson(original, &c.analysis());
  auto imported = importJson(json::parse(exported.dump()));
  REQUIRE_MESSAGE(imported.program, imported.error);
  const auto& p = *imported.program;

  REQUIRE(p.norms.size() == original.norms.size());
  for (std::size_t i = 0; i < p.norms.size(); ++i) {
    const auto& a = original.norms[i];
    const auto& b = p.norms[i];
    CAPTURE(a.name);
    CHECK(b.name == a.name);
    CHECK(b.title == a.title);
    CHECK(b.doc == a.doc);
    CHECK(b.modality == a.modality);
    CHECK(p.actors[b.subject].name == original.actors[a.subject].name);
    CHECK(p.actions[b.action].name == original.actions[a.action].name);
    CHECK(p.citation(b) == original.citation(a));
    CHECK(b.withinHours == a.withinHours);
    CHECK(b.effective == a.effective);
    CHECK(b.until == a.until);
    CHECK(b.prevailsOver == a.prevailsOver);
    REQUIRE(b.where.has_value() == a.where.has_value());
    if (a.where) CHECK(sameCondition(original, *a.where, p, *b.where));
    REQUIRE(b.unless.has_value() == a.unless.has_value());
    if (a.unless) CHECK(sameCondition(original, *a.unless, p, *b.unless));
  }
  REQUIRE(p.claims.size() == original.claims.size());
  for (std::size_t i = 0; i < p.claims.size(); ++i) {
    CHECK(sameCondition(original, original.claims[i].condition, p, p.claims[i].condition));
  }
  // The derived relations are rebuilt: the same action and actor hierarchies.
  for (model::Index x = 0; x < p.actions.size(); ++x) {
    for (model::Index y = 0; y < p.actions.size(); ++y) {
      CHECK(p.actionWithin(x, y) == original.actionWithin(x, y));
      CHECK(p.actionsIncompatible(x, y) == original.actionsIncompatible(x, y));
    }
  }
  for (model::Index x = 0; x < p.actors.size(); ++x) {
    for (model::Index y = 0; y < p.actors.size(); ++y)
      CHECK(p.actorsDisjoint(x, y) == original.actorsDisjoint(x, y));
  }
  CHECK(imported.findings.findings.size() == c.analysis().findings.size());
  // Exporting the imported program gives the same document, findings included.
  CHECK(exportJson(p, &imported.findings) == exported);
}

}  // namespace

TEST_SUITE("backends.json") {
  TEST_CASE("the export holds the resolved program in the documented shape") {
    auto c = testing::compileSpecExample();
    json j = exportJson(*c->program(), &c->analysis());
    CHECK(j["format"] == "nomos-export");
    CHECK(j["version"] == 1);
    CHECK(j["norms"].size() == 3);

    const json& eu = byName(j["jurisdictions"], "EU");
    CHECK(eu["members"].size() == 4);
    CHECK(byName(j["jurisdictions"], "IE")["memberOf"] == json::array({eu["id"]}));
    const json& data = byName(j["dimensions"], "data");
    CHECK(data["kind"] == "taxonomy");
    CHECK(byName(data["categories"], "sensitive")["parent"] == "personal");
    CHECK(byName(j["dimensions"], "purpose")["closed"] == true);
    CHECK(byName(j["actions"], "disclose")["parent"] == byName(j["actions"], "transfer")["id"]);
    CHECK(byName(j["actors"], "ServiceProvider")["parents"] ==
          json::array({byName(j["actors"], "Company")["id"]}));
    CHECK(j["disjoint"].size() == 1);
    CHECK(byName(j["levels"], "statute")["rank"] == 1);
    CHECK(byName(j["instruments"], "PIPL")["issuer"]["kind"] == "jurisdiction");

    const json& n = byName(j["norms"], "pipl_41");
    CHECK(n["modality"] == "must not");
    CHECK(n["deontic"] == "prohibition");
    CHECK(n["subject"] == byName(j["actors"], "Company")["id"]);
    CHECK(n["citation"] == "PIPL, article 41");
    CHECK(n["window"]["from"] == "2021-11-01");
    CHECK(n["window"]["to"].is_null());
    // where data in personal and location in CN and recipient not in CN
    const json& where = n["where"];
    CHECK(where["op"] == "and");
    REQUIRE(where["args"].size() == 3);
    CHECK(where["args"][0] ==
          json{{"op", "in"}, {"dimension", data["id"]}, {"values", {"personal"}}});
    CHECK(where["args"][2]["op"] == "not");
    CHECK(where["args"][2]["args"][0]["values"] ==
          json::array({byName(j["jurisdictions"], "CN")["id"]}));
    CHECK(n["unless"] == json{{"op", "flag"}, {"fact", byName(j["facts"], "approved")["id"]}});

    // The conflict, with both norms and the witness.
    bool found = false;
    for (const auto& f : j["findings"]) {
      if (f["code"] != "N3001") continue;
      found = true;
      CHECK(f["kind"] == "conflict");
      CHECK(f["severity"] == "error");
      CHECK(f["subjects"] == "norms");
      std::set<std::string> pair{f["first"].get<std::string>(), f["second"].get<std::string>()};
      std::set<std::string> expected{n["id"].get<std::string>(),
                                     byName(j["norms"], "cloud_2713")["id"].get<std::string>()};
      CHECK(pair == expected);
      CHECK(f["resolution"]["resolved"] == false);
      CHECK(f["witness"]["situation"]["action"] == "disclose");
      CHECK(!f["witness"]["text"].get<std::string>().empty());
    }
    CHECK(found);
  }

  TEST_CASE("declarations carry their source location when the sources are given") {
    auto c = testing::compileSpecExample();
    JsonExportOptions o;
    o.sources = &c->sources();
    json j = exportJson(*c->program(), &c->analysis(), o);
    const json& loc = byName(j["norms"], "pipl_41")["location"];
    CHECK(loc["file"].get<std::string>().ends_with("spec_cross_border.nomos"));
    CHECK(loc["line"] == 55);
    CHECK(byName(j["modules"], "spec_cross_border")["file"].get<std::string>().ends_with(
        "spec_cross_border.nomos"));
  }

  TEST_CASE("round trip: the spec example") { checkRoundTrip(*testing::compileSpecExample()); }

  TEST_CASE("round trip: the golden-docs cases") {
    for (const char* name : {"company_rules", "incident_reporting"}) {
      CAPTURE(name);
      auto file = testing::sourceDir() / "tests" / "golden-docs" / (std::string(name) + ".nomos");
      checkRoundTrip(*testing::compileFiles({file.string()}));
    }
  }

  TEST_CASE("round trip: every bundled example") {
    std::size_t n = 0;
    for (const auto& e : std::filesystem::directory_iterator(testing::sourceDir() / "examples")) {
      if (!e.is_directory()) continue;
      CAPTURE(e.path().filename().string());
      checkRoundTrip(*testing::compileFiles({e.path().string()}));
      ++n;
    }
    CHECK(n >= 3);
  }

  TEST_CASE("the reader rejects what is not a valid export, saying why") {
    auto c = testing::compileSpecExample();
    json good = exportJson(*c->program(), &c->analysis());

    json wrongVersion = good;
    wrongVersion["version"] = 2;
    auto r = importJson(wrongVersion);
    CHECK(r.program == nullptr);
    CHECK(r.error.find("version 2") != std::string::npos);

    json danglingRef = good;
    danglingRef["norms"][0]["subject"] = "nowhere.Nobody";
    r = importJson(danglingRef);
    CHECK(r.program == nullptr);
    CHECK(r.error.find("unknown actor `nowhere.Nobody`") != std::string::npos);

    json badCondition = good;
    badCondition["norms"][0]["where"] = json{{"op", "xor"}};
    r = importJson(badCondition);
    CHECK(r.error.find("unknown condition operator `xor`") != std::string::npos);

    json missingField = good;
    missingField["norms"][0].erase("action");
    r = importJson(missingField);
    CHECK(r.program == nullptr);
    CHECK(r.error.find("malformed export") != std::string::npos);

    CHECK(importJson(json{{"format", "something-else"}}).error.find("not a nomos-export") !=
          std::string::npos);
  }
}
