// The examples of LANGUAGE.md resolve without errors, into the model the rest of the
// compiler reads.
#include "unit/sema/sema_fixture.h"

namespace nomos::sema::testing {

using model::kNone;

TEST_CASE("the LANGUAGE.md examples resolve without errors") {
  auto c = compile({fixture("spec/language.nomos")});
  INFO(c->dump());
  CHECK(c->errors() == 0);
  const auto& p = *c->program;
  REQUIRE(p.modules.size() == 1);
  CHECK(p.modules[0].name == "language");
  CHECK_FALSE(p.modules[0].isLibrary);
  CHECK(p.norms.size() == 3);
  CHECK(p.instruments.size() == 3);
  CHECK(p.claims.size() == 3);
  CHECK(p.agreements.size() == 1);
  CHECK(p.tests.size() == 1);
}

TEST_CASE("jurisdictions: members are declared where listed, membership is transitive") {
  auto c = compile({fixture("spec/language.nomos")});
  const auto& p = *c->program;
  // In source order, the implicit members right after the union that lists them.
  std::vector<std::string> names;
  for (const auto& j : p.jurisdictions) names.push_back(j.name);
  CHECK(names == std::vector<std::string>{"CN", "US", "EU", "DE", "FR", "IE", "NL", "UK"});
  auto eu = c->jurisdiction("EU"), ie = c->jurisdiction("IE"), cn = c->jurisdiction("CN");
  CHECK(p.jurisdictionWithin(ie, eu));
  CHECK(p.jurisdictionWithin(eu, eu));
  CHECK_FALSE(p.jurisdictionWithin(eu, ie));
  CHECK_FALSE(p.jurisdictionWithin(cn, eu));
  CHECK(p.jurisdictions[eu].members.size() == 4);
  CHECK(p.jurisdictions[ie].memberOf == std::vector<model::Index>{eu});
  CHECK(p.jurisdictions[eu].title == "European Union");
  CHECK(c->text(p.jurisdictions[ie].span) == "IE");
  CHECK(p.jurisdictions[eu].qualified == "language.EU");
}

TEST_CASE("actions: nested actions are top-level names with parent links") {
  auto c = compile({fixture("spec/language.nomos")});
  const auto& p = *c->program;
  auto process = c->action("process"), transfer = c->action("transfer"),
       disclose = c->action("disclose");
  auto del = c->action("delete"), retain = c->action("retain");
  REQUIRE(disclose != kNone);
  CHECK(p.actions[disclose].parent == transfer);
  CHECK(p.actions[transfer].parent == process);
  CHECK(p.actionWithin(disclose, process));
  CHECK_FALSE(p.actionWithin(process, disclose));
  CHECK_FALSE(p.actionWithin(c->action("collect"), transfer));
  CHECK(p.actions[disclose].title == "disclose");
  CHECK(p.actions[process].doc ==
        "Actions are a taxonomy too: doing a child action is doing its parent.");
  CHECK(p.actionsIncompatible(del, retain));
  CHECK_FALSE(p.actionsIncompatible(del, disclose));
  // The norm's action is the nested one.
  CHECK(p.norms[c->norm("pipl_41")].action == disclose);
}

TEST_CASE("dimensions: categories are scoped, parents before children") {
  auto c = compile({fixture("spec/language.nomos")});
  const auto& p = *c->program;
  const auto& data = p.dimensions[c->dimension("data")];
  CHECK_FALSE(data.territory);
  CHECK_FALSE(data.closed);
  REQUIRE(data.categories.size() == 8);
  CHECK(data.categories[0].name == "personal");
  CHECK(data.categories[1].name == "sensitive");
  CHECK(data.categories[1].parent == 0);
  CHECK(data.roots.size() == 3);
  CHECK(p.categoryWithin(c->dimension("data"), 2 /* biometric */, 0 /* personal */));
  CHECK(p.dimensions[c->dimension("purpose")].closed);
  CHECK(p.dimensions[c->dimension("location")].territory);
  CHECK(p.dimensions[c->dimension("location")].categories.empty());
}

TEST_CASE("actor classes, disjointness and the body as actor and issuer") {
  auto c = compile({fixture("spec/language.nomos")});
  const auto& p = *c->program;
  auto company = c->actor("Company"), sp = c->actor("ServiceProvider"),
       acme = c->actor("AcmeCloud");
  auto gov = c->actor("Government");
  REQUIRE(acme != kNone);
  CHECK(p.actors[acme].isBody);
  CHECK(p.actors[acme].parents == std::vector<model::Index>{sp});
  CHECK(p.actorWithin(acme, company));
  CHECK(p.actorsDisjoint(c->actor("CIIOperator"), gov));
  CHECK_FALSE(p.actorsDisjoint(sp, c->actor("CIIOperator")));
  const auto& acmeLe = p.instruments[c->instrument("ACME_LE")];
  CHECK(acmeLe.issuer.kind == model::Issuer::Kind::Body);
  CHECK(acmeLe.issuer.index == acme);
  CHECK(acmeLe.level == kNone);
  CHECK(p.norms[c->norm("acme_1")].subject == acme);
  CHECK(p.issuerName(acmeLe.issuer) == "AcmeCloud");
}

TEST_CASE("instruments, levels and norms carry what the source says") {
  auto c = compile({fixture("spec/language.nomos")});
  const auto& p = *c->program;
  const auto& pipl = p.instruments[c->instrument("PIPL")];
  CHECK(pipl.issuer == model::Issuer{model::Issuer::Kind::Jurisdiction, c->jurisdiction("CN")});
  REQUIRE(pipl.level != kNone);
  CHECK(p.levels[pipl.level].name == "statute");
  CHECK(p.levels[pipl.level].rank == 1);
  CHECK(p.levels[c->level("guideline")].rank == 4);
  CHECK(p.levels[c->level("guideline")].chain == p.levels[pipl.level].chain);
  REQUIRE(pipl.effective.has_value());
  CHECK(model::formatDate(*pipl.effective) == "2021-11-01");
  CHECK_FALSE(pipl.until.has_value());

  const auto& n = p.norms[c->norm("pipl_41")];
  CHECK(n.instrument == c->instrument("PIPL"));
  CHECK(n.article == "41");
  CHECK(n.subject == c->actor("Company"));
  CHECK(n.modality == model::Modality::MustNot);
  CHECK(n.title == "No provision to foreign authorities without approval");
  CHECK(n.doc.find("Without the approval of the competent authorities") == 0);
  CHECK(c->text(n.span) == "pipl_41");
  CHECK(c->text(n.declSpan).rfind("norm pipl_41", 0) == 0);
  CHECK(p.citation(n) == "PIPL, article 41");

  // where data in personal and location in CN and recipient not in CN
  REQUIRE(n.where.has_value());
  const auto& w = *n.where;
  REQUIRE(w.kind == model::Condition::Kind::And);
  REQUIRE(w.operands.size() == 3);
  CHECK(w.operands[0].kind == model::Condition::Kind::In);
  CHECK(w.operands[0].dim == c->dimension("data"));
  CHECK(w.operands[0].values == std::vector<model::Index>{0});
  CHECK(w.operands[1].values == std::vector<model::Index>{c->jurisdiction("CN")});
  REQUIRE(w.operands[2].kind == model::Condition::Kind::Not);
  CHECK(w.operands[2].operands.at(0).kind == model::Condition::Kind::In);
  CHECK(w.operands[2].operands.at(0).dim == c->dimension("recipient"));
  REQUIRE(n.unless.has_value());
  CHECK(n.unless->kind == model::Condition::Kind::Flag);
  CHECK(n.unless->fact == c->fact("approved"));
}

TEST_CASE("sovereignty clauses and agreements") {
  auto c = compile({fixture("spec/language.nomos")});
  const auto& p = *c->program;
  const auto& cii = p.claims[c->claim("cn_cii")];
  CHECK(cii.exclusive);
  CHECK(cii.jurisdiction == c->jurisdiction("CN"));
  CHECK(cii.condition.kind == model::Condition::Kind::And);
  CHECK_FALSE(p.claims[c->claim("cn_data")].exclusive);
  CHECK(p.claims[c->claim("cn_data")].condition.kind == model::Condition::Kind::Or);

  const auto& a = p.agreements.at(0);
  CHECK(a.name == "us_uk_data");
  REQUIRE(a.parties.size() == 2);
  CHECK(p.issuerName(a.parties[1]) == "UK");
  REQUIRE(a.deferences.size() == 1);
  CHECK(a.deferences[0].from.index == c->jurisdiction("US"));
  CHECK(a.deferences[0].to.index == c->jurisdiction("UK"));
  CHECK(a.deferences[0].condition.kind == model::Condition::Kind::In);
  CHECK(model::formatDate(*a.effective) == "2022-10-03");
}

TEST_CASE("tests: given items go where their names say") {
  auto c = compile({fixture("spec/language.nomos")});
  const auto& p = *c->program;
  const auto& t = p.tests.at(0);
  CHECK(t.name == "CLOUD Act warrant for personal data stored in China");
  CHECK(t.actorClasses ==
        std::vector<model::Index>{c->actor("Company"), c->actor("ServiceProvider")});
  CHECK(t.action == c->action("disclose"));
  REQUIRE(t.values.size() == 4);
  CHECK(t.values[0].dim == c->dimension("data"));
  CHECK(t.values[0].value == 0);
  CHECK(t.values[1].value == c->jurisdiction("CN"));
  REQUIRE(t.facts.size() == 2);
  CHECK(t.facts[0].fact == c->fact("legal_process"));
  CHECK(t.facts[0].value == 1);
  CHECK(t.facts[1].fact == c->fact("approved"));
  CHECK(t.facts[1].value == 0);
  REQUIRE(t.date.has_value());
  CHECK(model::formatDate(*t.date) == "2024-01-01");
  REQUIRE(t.expectations.size() == 2);
  CHECK(t.expectations[0].kind == model::Test::ExpectKind::Status);
  CHECK(t.expectations[0].status == model::Test::Status::Forbidden);
  CHECK(t.expectations[0].by == c->norm("pipl_41"));
  CHECK(t.expectations[1].kind == model::Test::ExpectKind::Conflict);
  CHECK(t.expectations[1].refs ==
        std::vector<model::Index>{c->norm("pipl_41"), c->norm("cloud_2713")});
}

}  // namespace nomos::sema::testing
