// Errors in declarations: duplicates, cycles, categories, levels, instruments.
#include "unit/sema/sema_fixture.h"

namespace nomos::sema::testing {

using model::kNone;

TEST_CASE("N2002: a name defined twice in one module, whatever the kinds") {
  auto c = compileText(
      "actor Company;\n"
      "fact Company;\n"
      "action act { sub; }\n"
      "action sub;\n",
      noLints());
  auto found = c->withCode("N2002");
  REQUIRE(found.size() == 2);
  CHECK(found[0]->message == "`Company` is already defined in this module");
  CHECK(c->at(found[0]->span) == "2:6");
  REQUIRE(found[0]->related.size() == 1);
  CHECK(c->at(found[0]->related[0].span) == "1:7");
  CHECK(found[0]->related[0].message == "first defined here, as an actor class");
  // A nested action is a module-level name too.
  CHECK(found[1]->message == "`sub` is already defined in this module");
  CHECK(c->at(found[1]->span) == "4:8");
  CHECK(c->at(found[1]->related.at(0).span) == "3:14");
}

TEST_CASE("N2002: the later definition is reported even when its kind is declared first") {
  // Facts are collected before jurisdictions internally; the report must follow the source.
  auto c = compileText("fact X;\njurisdiction X;\n", noLints());
  const auto& d = c->one("N2002");
  CHECK(c->at(d.span) == "2:14");
}

TEST_CASE("N2012: membership cycles name the cycle") {
  auto c = compileText(
      "jurisdiction A { members B; }\n"
      "jurisdiction B { members C; }\n"
      "jurisdiction C { members A; }\n",
      noLints());
  const auto& d = c->one("N2012");
  CHECK(d.message == "jurisdiction membership forms a cycle: A -> B -> C -> A");
  CHECK(c->at(d.span) == "3:26");
  REQUIRE(d.related.size() == 2);
  CHECK(d.related[0].message == "`A` lists `B` as a member here");
  CHECK(c->at(d.related[0].span) == "1:26");

  auto self = compileText("jurisdiction A { members A; }\n", noLints());
  CHECK(self->one("N2012").message == "jurisdiction membership forms a cycle: A -> A");
}

TEST_CASE("members: a name of another kind is an error, a declared jurisdiction is reused") {
  auto c = compileText(
      "actor Company;\n"
      "jurisdiction DE \"Germany\";\n"
      "jurisdiction EU { members DE, Company; }\n",
      noLints());
  const auto& d = c->one("N2003");
  CHECK(d.message == "`Company` is an actor class, but a jurisdiction is expected here");
  CHECK(c->at(d.span) == "3:31");
  const auto& p = *c->program;
  CHECK(p.jurisdictions.size() == 2);
  CHECK(p.jurisdictions[c->jurisdiction("DE")].title == "Germany");
  CHECK(p.jurisdictionWithin(c->jurisdiction("DE"), c->jurisdiction("EU")));
}

TEST_CASE("N2013: a category twice in one dimension; other dimensions may reuse it") {
  auto c = compileText(
      "dimension data { personal { health; } health; }\n"
      "dimension other { health; }\n",
      noLints());
  const auto& d = c->one("N2013");
  CHECK(d.message == "category `health` appears twice in dimension `data`");
  CHECK(c->at(d.span) == "1:39");
  CHECK(c->at(d.related.at(0).span) == "1:29");
}

TEST_CASE("N2020: actor classes that are their own ancestors") {
  auto c = compileText("actor A : B;\nactor B : A;\nactor C : C;\n", noLints());
  auto found = c->withCode("N2020");
  REQUIRE(found.size() == 2);
  CHECK(found[0]->message == "actor classes form a cycle: A -> B -> A");
  CHECK(c->at(found[0]->span) == "2:11");
  CHECK(found[0]->related.at(0).message == "`A` is declared a kind of `B` here");
  CHECK(found[1]->message == "actor classes form a cycle: C -> C");
}

TEST_CASE("levels: chains and ranks; N2021 for a level in two chains") {
  auto c = compileText("levels high > mid > low;\nlevels top > low;\nlevels solo;\n", noLints());
  const auto& d = c->one("N2021");
  CHECK(d.message == "level `low` is already ordered by another `levels` declaration");
  CHECK(c->at(d.span) == "2:14");
  CHECK(c->at(d.related.at(0).span) == "1:21");
  const auto& p = *c->program;
  CHECK(p.levels[c->level("high")].rank == 0);
  CHECK(p.levels[c->level("mid")].rank == 1);
  CHECK(p.levels[c->level("top")].chain == 1);
  CHECK(p.levels[c->level("solo")].chain == 2);
  CHECK(p.levels[c->level("solo")].rank == 0);
}

TEST_CASE("N2021 across modules") {
  TempTree t;
  auto main = t.write("main.nomos", "import base;\nlevels treaty > statute;\n");
  t.write("base.nomos", "levels statute > regulation;\n");
  auto c = compile({main}, noLints());
  const auto& d = c->one("N2021");
  CHECK(c->fileName(d.span) == "main.nomos");
  CHECK(c->at(d.span) == "2:17");
  CHECK(d.related.at(0).message == "`statute` is ordered here, in module `base`");
}

TEST_CASE("instruments: N2015, N2016, N2017, N2019, N2009") {
  auto c = compileText(
      "jurisdiction CN;\n"
      "actor Company;\n"
      "levels statute > regulation;\n"
      "instrument A { issuer CN; level statte; }\n"
      "instrument B { issuer CN; issuer CN; effective 2020-01-01; effective 2021-01-01; }\n"
      "instrument C { level statute; }\n"
      "instrument D { issuer Company; }\n"
      "instrument E { issuer CN; effective 2022-01-01; until 2021-12-31; }\n"
      "instrument F { issuer Nowhere; }\n",
      noLints());
  const auto& level = c->one("N2015");
  CHECK(level.message == "level `statte` is not declared in any `levels` declaration");
  CHECK(c->at(level.span) == "4:33");
  CHECK(level.help.at(0) == "did you mean `statute`?");

  auto dup = c->withCode("N2016");
  REQUIRE(dup.size() == 2);
  CHECK(dup[0]->message == "`issuer` is given more than once in instrument `B`");
  CHECK(c->at(dup[0]->span) == "5:34");
  CHECK(c->at(dup[0]->related.at(0).span) == "5:23");
  CHECK(dup[1]->message == "`effective` is given more than once in instrument `B`");
  CHECK(c->at(dup[1]->span) == "5:70");

  const auto& missing = c->one("N2017");
  CHECK(missing.message == "instrument `C` has no `issuer`");
  CHECK(c->at(missing.span) == "6:12");

  const auto& issuer = c->one("N2019");
  CHECK(issuer.message ==
        "`Company` is an actor class; an issuer must be a jurisdiction or a body");
  CHECK(c->at(issuer.span) == "7:23");
  CHECK(issuer.help.at(0) ==
        "to let one organisation issue rules, declare it as a body: `body Name : Company;`");

  const auto& dates = c->one("N2009");
  CHECK(dates.message == "`until 2021-12-31` is before `effective 2022-01-01`");
  CHECK(c->at(dates.span) == "8:55");
  CHECK(c->at(dates.related.at(0).span) == "8:37");

  const auto& unknown = c->one("N2001");
  CHECK(unknown.message == "unknown jurisdiction or body `Nowhere`");

  const auto& p = *c->program;
  CHECK(p.instruments[c->instrument("B")].effective == model::parseDate("2020-01-01"));
  CHECK(p.instruments[c->instrument("A")].level == kNone);
  CHECK(p.instruments[c->instrument("D")].issuer.kind == model::Issuer::Kind::None);
}

TEST_CASE("a body is an actor class under its named class, and an issuer") {
  auto c = compileText(
      "actor Company;\n"
      "body Acme : Company \"Acme Ltd.\";\n"
      "body Other : Company;\n"
      "instrument POLICY { issuer Acme; }\n",
      noLints());
  INFO(c->dump());
  CHECK(c->errors() == 0);
  const auto& p = *c->program;
  auto acme = c->actor("Acme");
  CHECK(p.actors[acme].isBody);
  CHECK(p.actors[acme].title == "Acme Ltd.");
  CHECK(p.actorWithin(acme, c->actor("Company")));
  CHECK(p.actorsDisjoint(acme, c->actor("Other")));
  CHECK(p.instruments[0].issuer == model::Issuer{model::Issuer::Kind::Body, acme});
  // Declared in source order, bodies among actors.
  CHECK(p.actors[0].name == "Company");
  CHECK(p.actors[1].name == "Acme");
}

TEST_CASE("declaration spans, titles and docs are kept") {
  auto c = compileText(
      "/// The People's Republic.\n"
      "jurisdiction CN \"China\";\n"
      "fact n : count \"how many\";\n",
      noLints());
  const auto& j = c->program->jurisdictions.at(0);
  CHECK(j.doc == "The People's Republic.");
  CHECK(j.title == "China");
  CHECK(c->text(j.span) == "CN");
  CHECK(c->text(j.declSpan).rfind("jurisdiction CN", 0) == 0);
  CHECK(j.module == 0);
  const auto& f = c->program->facts.at(0);
  CHECK(f.kind == model::FactKind::Count);
  CHECK(f.title == "how many");
}

}  // namespace nomos::sema::testing
