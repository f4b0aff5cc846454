// Errors in norms, conditions, sovereignty clauses and agreements.
#include "unit/sema/sema_fixture.h"

namespace nomos::sema::testing {

using model::kNone;

namespace {

// Nine lines of vocabulary; the cases below start at line 10.
constexpr std::string_view kVocabulary =
    "jurisdiction CN;\n"
    "jurisdiction US;\n"
    "jurisdiction UK;\n"
    "dimension location : territory;\n"
    "dimension data { personal { health; } public_info; }\n"
    "fact approved;\n"
    "fact individuals : count;\n"
    "actor Company;\n"
    "action process { disclose; }\n";

std::unique_ptr<Compiled> withVocabulary(std::string_view rest) {
  return compileText(std::string(kVocabulary) + std::string(rest), noLints());
}

}  // namespace

TEST_CASE("N2001: unknown names, with a suggestion of the right kind") {
  auto c = withVocabulary(
      "norm n1: Compnay must disclose;\n"
      "norm n2: Company must dsclose;\n"
      "norm n3: Company must disclose where aproved;\n"
      "norm n4: Company must disclose where locaton in CN;\n"
      "norm n5: Company must disclose where location in XX;\n");
  auto found = c->withCode("N2001");
  REQUIRE(found.size() == 4);
  CHECK(found[0]->message == "unknown actor class `Compnay`");
  CHECK(c->at(found[0]->span) == "10:10");
  CHECK(found[0]->help.at(0) == "did you mean `Company`?");
  CHECK(found[1]->message == "unknown action `dsclose`");
  CHECK(c->at(found[1]->span) == "11:23");
  CHECK(found[1]->help.at(0) == "did you mean `disclose`?");
  CHECK(found[2]->message == "unknown fact `aproved`");
  CHECK(found[2]->help.at(0) == "did you mean `approved`?");
  CHECK(found[3]->message == "unknown dimension `locaton`");
  CHECK(found[3]->help.at(0) == "did you mean `location`?");
  // A territory dimension's values are jurisdictions: an unknown one is no value of it.
  const auto& value = c->one("N2014");
  CHECK(value.message == "`XX` is not a value of dimension `location`");
  CHECK(c->at(value.span) == "14:50");
  CHECK(value.help.at(0) ==
        "`location` is a territory dimension: its values are jurisdictions; declare `jurisdiction "
        "XX;` if `XX` is "
        "one");
}

TEST_CASE("N2014 on a territory dimension: suggestions") {
  auto c = withVocabulary(
      "norm n1: Company must disclose where location in CM;\n"
      "norm n2: Company must disclose where location in health;\n");
  auto found = c->withCode("N2014");
  REQUIRE(found.size() == 2);
  CHECK(found[0]->help.at(0) == "did you mean `CN`?");
  CHECK(found[1]->message == "`health` is not a value of dimension `location`");
  CHECK(found[1]->help.at(0) ==
        "`health` is a category of dimension `data`; `location` is a territory dimension, whose "
        "values are "
        "jurisdictions");
}

TEST_CASE("N2001: a suggestion is only made for names of the expected kind") {
  // `Company` is close to `company` but is an actor class, not an action.
  auto c = withVocabulary("norm n: Company must company;\n");
  const auto& d = c->one("N2001");
  CHECK(d.message == "unknown action `company`");
  CHECK(d.help.empty());
}

TEST_CASE("N2003: a name of the wrong kind") {
  auto c = withVocabulary(
      "instrument PIPL { issuer CN; }\n"
      "norm n1: PIPL must disclose;\n"
      "norm n2: Company must approved;\n"
      "norm n3 from Company: Company must disclose;\n");
  auto found = c->withCode("N2003");
  REQUIRE(found.size() == 3);
  CHECK(found[0]->message == "`PIPL` is an instrument, but an actor class is expected here");
  CHECK(c->at(found[0]->span) == "11:10");
  REQUIRE(found[0]->related.size() == 1);
  CHECK(c->at(found[0]->related[0].span) == "10:12");
  CHECK(found[1]->message == "`approved` is a fact, but an action is expected here");
  CHECK(found[2]->message == "`Company` is an actor class, but an instrument is expected here");
  CHECK(c->at(found[2]->span) == "13:14");
}

TEST_CASE("N2010: `within` only on `must`") {
  auto c = withVocabulary(
      "norm ok: Company must disclose within 72 hours;\n"
      "norm n1: Company may disclose within 72 hours;\n"
      "norm n2: Company must not disclose within 1 day;\n");
  auto found = c->withCode("N2010");
  REQUIRE(found.size() == 2);
  CHECK(found[0]->message == "`within` gives a deadline, so it only fits a `must` norm, not `may`");
  CHECK(c->at(found[0]->span).rfind("11:", 0) == 0);
  CHECK(c->text(found[0]->span).find("72 hours") != std::string::npos);
  CHECK(found[1]->message ==
        "`within` gives a deadline, so it only fits a `must` norm, not `must not`");
  const auto& ok = c->program->norms.at(0);
  CHECK(ok.withinHours == 72);
  CHECK(ok.withinText == "72 hours");
}

TEST_CASE("N2011: flags are not compared, counts are not used bare") {
  auto c = withVocabulary(
      "norm n1: Company must disclose where individuals;\n"
      "norm n2: Company must disclose where approved >= 3;\n"
      "norm n3: Company must disclose where individuals >= 1000 and not approved;\n");
  auto found = c->withCode("N2011");
  REQUIRE(found.size() == 2);
  CHECK(found[0]->message ==
        "`individuals` is a count fact; compare it with a number, as in `individuals >= 1`");
  CHECK(c->at(found[0]->span) == "10:38");
  CHECK(found[1]->message ==
        "`approved` is a flag fact; it is either true or false, so write `approved` or `not "
        "approved` instead "
        "of comparing it with a number");
  CHECK(c->at(found[1]->span) == "11:38");
  const auto& w = *c->program->norms.at(2).where;
  REQUIRE(w.kind == model::Condition::Kind::And);
  CHECK(w.operands[0].kind == model::Condition::Kind::Compare);
  CHECK(w.operands[0].op == model::CmpOp::Ge);
  CHECK(w.operands[0].number == 1000);
  CHECK(w.operands[0].fact == c->fact("individuals"));
  CHECK(w.operands[1].kind == model::Condition::Kind::Not);
}

TEST_CASE("N2014: a value that is not one of the dimension's") {
  auto c = withVocabulary(
      "norm n1: Company must disclose where data in CN;\n"
      "norm n2: Company must disclose where location in Company;\n"
      "norm n3: Company must disclose where data in personl;\n"
      "norm n4: Company must disclose where data in {personal, health, public_info};\n"
      "norm n5: Company must disclose where data in personal.health;\n");
  auto found = c->withCode("N2014");
  REQUIRE(found.size() == 3);
  CHECK(found[0]->message == "`CN` is not a value of dimension `data`");
  CHECK(c->at(found[0]->span) == "10:46");
  CHECK(found[0]->help.at(0) ==
        "the values of `data` are its categories: `personal`, `public_info`");
  CHECK(found[1]->message == "`Company` is not a value of dimension `location`");
  CHECK(found[1]->help.at(0) ==
        "`location` is a territory dimension: its values are jurisdictions");
  CHECK(found[2]->message == "`personl` is not a value of dimension `data`");
  CHECK(found[2]->help.at(0) == "did you mean `personal`?");
  const auto& p = *c->program;
  const auto& n4 = *p.norms[3].where;
  CHECK(n4.kind == model::Condition::Kind::In);
  CHECK(n4.values == std::vector<model::Index>{0, 1, 2});
  CHECK(p.norms[4].where->values == std::vector<model::Index>{1});
}

TEST_CASE("N2018: a norm that prevails over itself; prevails over other norms") {
  auto c = withVocabulary(
      "norm a: Company must disclose prevails over b, a;\n"
      "norm b: Company may disclose;\n");
  const auto& d = c->one("N2018");
  CHECK(d.message == "norm `a` cannot prevail over itself");
  CHECK(c->at(d.span) == "10:48");
  const auto& a = c->program->norms.at(0);
  CHECK(a.prevailsOver == std::vector<model::Index>{1});
  REQUIRE(a.prevailsSpans.size() == 1);
  CHECK(c->text(a.prevailsSpans[0]) == "b");
}

TEST_CASE("norm dates: N2009 within the norm and against its instrument") {
  auto c = withVocabulary(
      "instrument I { issuer CN; effective 2020-01-01; until 2025-12-31; }\n"
      "norm n1 from I: Company must disclose effective 2024-01-01 until 2023-01-01;\n"
      "norm n2 from I: Company must disclose until 2019-06-30;\n"
      "norm n3 from I: Company must disclose effective 2026-01-01;\n"
      "norm ok from I: Company must disclose effective 2021-01-01;\n");
  auto found = c->withCode("N2009");
  REQUIRE(found.size() == 3);
  CHECK(found[0]->message == "`until 2023-01-01` is before `effective 2024-01-01`");
  CHECK(found[1]->message == "`until 2019-06-30` is before `effective 2020-01-01`");
  CHECK(c->at(found[1]->related.at(0).span) == "10:37");
  CHECK(found[2]->message == "`until 2025-12-31` is before `effective 2026-01-01`");
  const auto& p = *c->program;
  CHECK(p.window(p.norms[3]).from == *model::parseDate("2021-01-01"));
  CHECK(p.window(p.norms[3]).to == *model::parseDate("2025-12-31"));
}

TEST_CASE("sovereignty clauses need a jurisdiction") {
  auto c = withVocabulary(
      "body Acme : Company;\n"
      "sovereignty s1 of Acme over location in CN;\n"
      "sovereignty s2 of CN over location in CN;\n");
  const auto& d = c->one("N2003");
  CHECK(d.message == "`Acme` is a body, but a jurisdiction is expected here");
  CHECK(c->at(d.span) == "11:19");
  CHECK(c->program->claims.at(1).jurisdiction == c->jurisdiction("CN"));
}

TEST_CASE("agreements: parties are issuers; N2022 for a deference by a non-party") {
  auto c = withVocabulary(
      "body Acme : Company;\n"
      "agreement a between US, UK, Acme {\n"
      "  effective 2022-10-03;\n"
      "  effective 2023-01-01;\n"
      "  US defers to CN where location in CN;\n"
      "  Acme defers to UK where location in UK;\n"
      "}\n"
      "agreement b between US, Company { effective 2022-01-01; }\n");
  const auto& party = c->one("N2022");
  CHECK(party.message == "`CN` is not a party to agreement `a`");
  CHECK(c->at(party.span) == "14:16");
  const auto& dup = c->one("N2026");
  CHECK(dup.message == "`effective` is given more than once in agreement `a`");
  CHECK(c->at(dup.span) == "13:13");
  const auto& issuer = c->one("N2019");
  CHECK(issuer.message ==
        "`Company` is an actor class; an issuer must be a jurisdiction or a body");
  const auto& a = c->program->agreements.at(0);
  REQUIRE(a.parties.size() == 3);
  CHECK(a.parties[2] == model::Issuer{model::Issuer::Kind::Body, c->actor("Acme")});
  REQUIRE(a.deferences.size() == 1);  // the deference to a non-party is dropped
  CHECK(a.deferences[0].from.kind == model::Issuer::Kind::Body);
}

}  // namespace nomos::sema::testing
