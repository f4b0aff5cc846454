// `test` blocks (given items, expectations, N2024) and the lints N2501–N2503.
#include "unit/sema/sema_fixture.h"

namespace nomos::sema::testing {

using model::kNone;

namespace {

constexpr std::string_view kVocabulary =
    "jurisdiction CN;\n"
    "dimension location : territory;\n"
    "dimension data { personal { health; } }\n"
    "fact approved;\n"
    "fact individuals : count;\n"
    "actor Company;\n"
    "action process { disclose; }\n"
    "norm n: Company must not disclose;\n"
    "sovereignty s of CN over location in CN;\n";

std::unique_ptr<Compiled> withVocabulary(std::string_view rest) {
  return compileText(std::string(kVocabulary) + std::string(rest), noLints());
}

}  // namespace

TEST_CASE("given items: classes, flags, counts, values, action, date") {
  auto c = withVocabulary(
      "test \"t\" {\n"
      "  given Company doing process, approved, individuals 1500, location CN, data health date "
      "2024-02-29;\n"
      "  expect forbidden by n;\n"
      "  expect not applicable n;\n"
      "  expect overlap s, s;\n"
      "}\n");
  INFO(c->dump());
  CHECK(c->errors() == 0);
  const auto& t = c->program->tests.at(0);
  CHECK(t.module == 0);
  CHECK(t.actorClasses == std::vector<model::Index>{c->actor("Company")});
  CHECK(t.action == c->action("process"));
  REQUIRE(t.facts.size() == 2);
  CHECK(t.facts[0].fact == c->fact("approved"));
  CHECK(t.facts[0].value == 1);
  CHECK(t.facts[1].value == 1500);
  REQUIRE(t.values.size() == 2);
  CHECK(t.values[0].value == c->jurisdiction("CN"));
  CHECK(t.values[1].dim == c->dimension("data"));
  CHECK(t.values[1].value == 1);
  CHECK(t.date == model::parseDate("2024-02-29"));
  REQUIRE(t.expectations.size() == 3);
  CHECK(t.expectations[1].kind == model::Test::ExpectKind::NotApplicable);
  CHECK(t.expectations[1].refs == std::vector<model::Index>{c->norm("n")});
  CHECK(t.expectations[2].kind == model::Test::ExpectKind::Overlap);
  CHECK(t.expectations[2].refs == std::vector<model::Index>{c->claim("s"), c->claim("s")});
}

TEST_CASE("N2024: an item given twice") {
  auto c = withVocabulary(
      "test \"t\" {\n"
      "  given Company, Company, approved, not approved;\n"
      "  given data personal, data health doing process doing disclose;\n"
      "  given date 2024-01-01 date 2024-01-02;\n"
      "}\n");
  auto found = c->withCode("N2024");
  REQUIRE(found.size() == 5);
  CHECK(found[0]->message == "`Company` is given more than once in this test");
  CHECK(c->at(found[0]->span) == "11:18");
  CHECK(c->at(found[0]->related.at(0).span) == "11:9");
  CHECK(found[1]->message == "`approved` is given more than once in this test");
  CHECK(c->at(found[1]->span) == "11:41");
  CHECK(found[2]->message == "`data` is given more than once in this test");
  CHECK(found[3]->message == "`doing` is given more than once in this test");
  CHECK(found[4]->message == "`date` is given more than once in this test");
  const auto& t = c->program->tests.at(0);
  CHECK(t.actorClasses.size() == 1);
  CHECK(t.action == c->action("process"));
  CHECK(t.date == model::parseDate("2024-01-01"));
}

TEST_CASE("given items of the wrong kind") {
  auto c = withVocabulary(
      "test \"t\" {\n"
      "  given disclose, individuals, not individuals, approved 3, data CN, n;\n"
      "  expect conflict s, n;\n"
      "}\n");
  auto kinds = c->withCode("N2003");
  REQUIRE(kinds.size() == 3);
  CHECK(kinds[0]->message ==
        "`disclose` is an action, but an actor class or a flag fact is expected here");
  CHECK(kinds[0]->help.at(0) == "give the action with `doing`: `doing disclose`");
  CHECK(kinds[1]->message == "`n` is a norm, but an actor class or a flag fact is expected here");
  CHECK(kinds[2]->message == "`s` is a sovereignty clause, but a norm is expected here");
  auto facts = c->withCode("N2011");
  REQUIRE(facts.size() == 3);
  CHECK(facts[0]->message ==
        "`individuals` is a count fact; give its number, as in `individuals 1500`");
  CHECK(c->at(facts[0]->span) == "11:19");
  CHECK(facts[2]->message ==
        "`approved` is a flag fact; give it as `approved` or `not approved`, not as a number");
  CHECK(c->one("N2014").message == "`CN` is not a value of dimension `data`");
}

TEST_CASE("N2501: unused declarations, by sensible rules") {
  auto c = compileText(
      "jurisdiction CN;\n"                                    // used as issuer
      "jurisdiction Lonely;\n"                                // unused
      "jurisdiction EU { members DE, FR; }\n"                 // DE used, so EU and FR are too
      "jurisdiction ASEAN { members SG; }\n"                  // unused: reported once, at ASEAN
      "dimension location : territory;\n"                     // used
      "dimension idle { a; }\n"                               // unused
      "fact approved;\n"                                      // used in a condition
      "fact spare;\n"                                         // unused
      "action process { transfer { disclose; } collect; }\n"  // disclose used: the whole tree is
      "action report { quickly; }\n"                          // unused: reported at report only
      "actor Company;\n"                                      // used as a parent of a used class
      "actor ServiceProvider : Company;\n"                    // used as a subject
      "actor Citizen;\n"                                      // unused
      "actor Minor : Citizen;\n"                              // unused, under an unused class
      "levels statute > regulation;\n"                        // statute used: the chain is
      "levels old > older;\n"                                 // unused chain
      "instrument I { issuer CN; level statute; }\n"          // used
      "instrument J { issuer CN; }\n"                         // unused
      "norm n from I: ServiceProvider must disclose where location in DE and approved;\n");
  auto unused = c->withCode("N2501");
  std::vector<std::string> messages;
  for (const auto* d : unused) messages.push_back(c->at(d->span) + " " + d->message);
  CHECK(messages == std::vector<std::string>{
                        "2:14 jurisdiction `Lonely` is declared but never used",
                        "4:14 jurisdiction `ASEAN` is declared but never used",
                        "6:11 dimension `idle` is declared but never used",
                        "8:6 fact `spare` is declared but never used",
                        "10:8 action `report` is declared but never used",
                        "13:7 actor class `Citizen` is declared but never used",
                        "16:8 level `old` is declared but never used",
                        "16:14 level `older` is declared but never used",
                        "18:12 instrument `J` is declared but never used",
                    });
  for (const auto* d : unused) CHECK(d->severity == diag::Severity::Warning);
  CHECK(c->count("N2502") == 0);
}

TEST_CASE("N2501: uses in tests, incompatible, disjoint and bodies count") {
  auto c = compileText(
      "jurisdiction CN;\n"
      "dimension location : territory;\n"
      "fact f;\n"
      "action a; action b;\n"
      "incompatible a, b;\n"
      "actor X; actor Y;\n"
      "disjoint X, Y;\n"
      "actor Company;\n"
      "body Acme : Company;\n"
      "instrument I { issuer Acme; }\n"
      "norm n from I: Company must a;\n"
      "test \"t\" { given location CN, f; }\n");
  INFO(c->dump());
  CHECK(c->count("N2501") == 0);
}

TEST_CASE("N2502: a norm without `from`; N2503: an instrument past its `until`") {
  Options o;
  o.today = *model::parseDate("2025-06-01");
  auto c = compileText(
      "jurisdiction CN;\n"
      "actor Company;\n"
      "action act;\n"
      "instrument Old { issuer CN; until 2025-05-31; }\n"
      "instrument Current { issuer CN; until 2025-06-01; }\n"
      "norm bare: Company must act;\n"
      "norm cited from Old: Company must act;\n"
      "norm cited2 from Current: Company must act;\n",
      o);
  const auto& bare = c->one("N2502");
  CHECK(bare.message == "norm `bare` has no `from` clause, so it cites no instrument");
  CHECK(c->at(bare.span) == "6:6");
  CHECK(bare.severity == diag::Severity::Warning);
  const auto& old = c->one("N2503");
  CHECK(old.message == "instrument `Old` ceased to apply on 2025-05-31 (today is 2025-06-01)");
  CHECK(c->at(old.span) == "4:12");
  CHECK(c->at(old.related.at(0).span) == "4:35");
  CHECK(c->count("N2501") == 0);
}

TEST_CASE("N2501 is not reported after errors, which may hide the uses") {
  auto c = compileText("actor Company;\naction act;\nfact f;\nnorm n: Compny must act;\n");
  CHECK(c->count("N2001") == 1);
  CHECK(c->count("N2501") == 0);
  CHECK(c->count("N2502") == 1);  // the other lints do not depend on resolution
}

TEST_CASE("no follow-on errors from a declaration the parser could only partly recover") {
  auto c = compileText(
      "actor Company;\naction disclose;\njurisdiction CN;\n"
      "instrument PIPL { issuer CN; }\n"
      "norm a from PIPL: Company shall disclose;\n"
      "norm b from PIPL: Compny must disclose;\n");
  INFO(c->dump());
  CHECK(c->errors() >= 2);
  CHECK(c->count("N2001") == 1);  // only `Compny`, in the norm that parsed
  CHECK(c->at(c->one("N2001").span) == "6:19");
  for (const auto* d : c->diags.sorted(c->sm)) {
    if (d->code().rfind("N2", 0) == 0) CHECK(c->at(d->span).rfind("6:", 0) == 0);
  }
}

TEST_CASE("lints are off when asked") {
  auto c = compileText("jurisdiction Lonely;\nactor A;\naction x;\nnorm n: A must x;\n", noLints());
  CHECK(c->diags.size() == 0);
}

}  // namespace nomos::sema::testing
