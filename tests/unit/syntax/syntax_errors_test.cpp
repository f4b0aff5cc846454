// Syntax errors: the right code, at the right place, in the user's words; one message per
// mistake; several mistakes all reported.
#include <doctest/doctest.h>

#include "syntax_test_util.h"

namespace nomos::syntax::test {

namespace {
bool hasHelp(const diag::Diagnostic& d, std::string_view text) {
  for (const auto& h : d.help) {
    if (h.find(text) != std::string::npos) return true;
  }
  return false;
}
}  // namespace

TEST_CASE("N1001: a word that is not a modality") {
  auto p = parse(
      "norm a \"t\" from PIPL article \"41\":\n  Company shall disclose where data in personal;\n");
  REQUIRE(p->codes() == std::vector<std::string>{"N1001@2:11"});
  const auto* d = p->first();
  CHECK(d->message ==
        "expected a modality (`must`, `must not`, `may` or `need not`), found `shall`");
  CHECK(p->text(d->span) == "shall");
  CHECK(d->severity == diag::Severity::Error);
}

TEST_CASE("N1001: a reserved word where a name is expected") {
  auto p = parse("fact count \"how many\";");
  REQUIRE(p->codes() == std::vector<std::string>{"N1001@1:6"});
  CHECK(p->first()->message == "expected a name, found the reserved word `count`");
  CHECK(hasHelp(*p->first(), "reserved word"));
}

TEST_CASE("N1002: `may not`") {
  auto p = parse("fact a;\nnorm b: Company may not disclose;\n");
  REQUIRE(p->codes() == std::vector<std::string>{"N1002@2:17"});
  const auto* d = p->first();
  CHECK(p->text(d->span) == "may not");
  CHECK(hasHelp(*d, "write `must not` for a prohibition or `need not` for an exemption"));
}

TEST_CASE("N1003: a missing `;` points just after the previous token") {
  auto p = parse("norm c: Company must disclose\nnorm d: Company must disclose;\n");
  REQUIRE(p->codes() == std::vector<std::string>{"N1003@1:30"});
  const auto* d = p->first();
  CHECK(d->message == "expected `;` after the norm");
  CHECK(d->span.begin == d->span.end);
  CHECK(d->span.begin == 29);
  // Recovery: the next norm is still there.
  REQUIRE(p->ast.norms.size() == 2);
  CHECK(p->ast.norms[1].name.text == "d");

  auto field = parse("instrument I { issuer CN level statute; }");
  REQUIRE(field->codes() == std::vector<std::string>{"N1003@1:25"});
  CHECK(field->first()->message == "expected `;` after the `issuer` field");

  auto last = parse("import std");
  REQUIRE(last->codes() == std::vector<std::string>{"N1003@1:11"});
  CHECK(last->first()->message == "expected `;` after the import");
}

TEST_CASE("N1004: a misspelt keyword gets a suggestion") {
  auto top = parse("fact a;\nsoverignty x of CN over location in CN;\n");
  REQUIRE(top->codes() == std::vector<std::string>{"N1004@2:1"});
  CHECK(top->first()->message.find("unknown word `soverignty`") == 0);
  CHECK(hasHelp(*top->first(), "did you mean `sovereignty`?"));

  auto clause = parse("norm e: Company must disclose whre data in personal;");
  REQUIRE(clause->codes() == std::vector<std::string>{"N1004@1:31"});
  CHECK(hasHelp(*clause->first(), "did you mean `where`?"));

  auto capital = parse("Norm g: X must y;");
  REQUIRE(capital->codes() == std::vector<std::string>{"N1004@1:1"});
  CHECK(hasHelp(*capital->first(), "did you mean `norm`?"));

  auto expectation = parse("test \"t\" { expect forbiden by x; expect overlp a, b; }");
  REQUIRE(expectation->codes() == std::vector<std::string>{"N1004@1:19", "N1004@1:41"});
  CHECK(hasHelp(*expectation->first(), "did you mean `forbidden`?"));
}

TEST_CASE("N1001 with a hint: a dimension tested without `in`") {
  auto p = parse("norm e: Company must disclose where data personal;");
  REQUIRE(p->codes() == std::vector<std::string>{"N1001@1:42"});
  CHECK(hasHelp(*p->first(), "write `data in personal`"));
}

TEST_CASE("N1005: invalid UTF-8 is reported at the first bad byte and parsing goes on") {
  auto p = parse("jurisdiction K \"caf\xE9\";\nfact a\nfact b;\n");
  REQUIRE(p->codes() == std::vector<std::string>{"N1005@1:20", "N1003@2:7"});
  CHECK(p->first()->span.end - p->first()->span.begin == 1);
  CHECK(p->ast.jurisdictions.size() == 1);
}

TEST_CASE("N1006: impossible dates") {
  auto p = parse("instrument I { issuer CN; effective 2021-02-30; until 2021-1-5; }");
  REQUIRE(p->codes() == std::vector<std::string>{"N1006@1:37", "N1006@1:55"});
  CHECK(p->first()->message == "`2021-02-30` is not a valid calendar date");
  CHECK(hasHelp(*p->first(), "2021-02 has 28 days"));
  CHECK(p->text(p->first()->span) == "2021-02-30");
  auto leap = parse("instrument I { issuer CN; effective 2024-02-29; }");
  CHECK(leap->diags.size() == 0);
}

TEST_CASE("N1007: integers beyond int64") {
  auto p = parse("norm a: X must y where n >= 9_223_372_036_854_775_808;");
  REQUIRE(p->codes() == std::vector<std::string>{"N1007@1:29"});
  auto max = parse("norm a: X must y where n >= 9_223_372_036_854_775_807;");
  REQUIRE(max->diags.size() == 0);
  CHECK(max->ast.norms[0].where->number == INT64_MAX);
  auto days = parse("norm a: X must y within 999999999999999999 days;");
  CHECK(days->codes() == std::vector<std::string>{"N1007@1:25"});
}

TEST_CASE("N1008: unterminated string; the line is still parsed") {
  auto p = parse("jurisdiction L \"unterminated;\nfact m;\n");
  REQUIRE(p->codes() == std::vector<std::string>{"N1008@1:16"});
  CHECK(p->text(p->first()->span) == "\"unterminated;");
  CHECK(p->ast.facts.size() == 1);
}

TEST_CASE("N1009: unterminated block comment") {
  auto p = parse("fact a;\n  /* never closed\nfact b;\n");
  REQUIRE(p->codes() == std::vector<std::string>{"N1009@2:3"});
  CHECK(p->text(p->first()->span) == "/*");
  CHECK(p->ast.facts.size() == 1);
}

TEST_CASE("N1010: deep nesting is refused before parsing") {
  std::string deep = "fact a;\nnorm a: X must y where " + std::string(10000, '(') + "a" +
                     std::string(10000, ')') + ";";
  auto p = parse(deep);
  REQUIRE(p->codes() == std::vector<std::string>{"N1010@2:224"});
  CHECK(p->first()->message == "nesting deeper than 200 levels");
  CHECK(p->ast.facts.empty());  // the file is not parsed at all

  std::string nots = "norm a: X must y where ";
  for (int i = 0; i < 100000; ++i) nots += "not ";
  auto q = parse(nots + "a;");
  CHECK(q->codes().size() == 1);
  CHECK(q->first()->code() == "N1010");

  std::string braces = "dimension d {";
  for (int i = 0; i < 5000; ++i) braces += " a {";
  auto r = parse(braces + std::string(5001, '}'));
  CHECK(r->first()->code() == "N1010");

  ParseOptions shallow;
  shallow.maxDepth = 3;
  CHECK(parse("norm a: X must y where (((a)));", shallow)->diags.size() == 0);
  CHECK(parse("norm a: X must y where ((((a))));", shallow)->codes() ==
        std::vector<std::string>{"N1010@1:27"});
}

TEST_CASE("N1011: unknown escape") {
  auto p = parse("jurisdiction CN \"a\\tb\";");
  REQUIRE(p->codes() == std::vector<std::string>{"N1011@1:19"});
  CHECK(p->text(p->first()->span) == "\\t");
  CHECK(p->ast.jurisdictions[0].title == "a\\tb");
}

TEST_CASE("N1012: stray characters, NUL included") {
  auto p = parse(std::string("fact a @;\nfact w\0;\nfact q \"nul \0 inside\";\n", 40));
  REQUIRE(p->codes() == std::vector<std::string>{"N1012@1:8", "N1012@2:7", "N1012@3:13"});
  CHECK(p->first()->message == "unexpected character `@`");
  CHECK(p->diags.sorted(p->sm)[1]->message == "unexpected character NUL (U+0000)");

  auto smart = parse("fact z \xE2\x80\x9Ctitle\xE2\x80\x9D;");
  REQUIRE(smart->codes() == std::vector<std::string>{"N1012@1:8", "N1012@1:14"});
  CHECK(hasHelp(*smart->first(), "straight double quotes"));
  CHECK(smart->text(smart->first()->span) == "\xE2\x80\x9C");

  auto ops = parse("norm c: X must y where a && b;");
  REQUIRE(ops->codes() == std::vector<std::string>{"N1012@1:26"});
  CHECK(hasHelp(*ops->first(), "write `and`"));
}

TEST_CASE("N1013: a doc comment that documents nothing") {
  auto p = parse("/// Floating.\n\nfact a;\n/// At the end.\n/// Two lines.\n");
  REQUIRE(p->codes() == std::vector<std::string>{"N1013@1:1", "N1013@4:1"});
  CHECK(p->first()->severity == diag::Severity::Warning);
  CHECK(p->ast.facts[0].doc.empty());
  CHECK(p->text(p->diags.sorted(p->sm)[1]->span) == "/// At the end.\n/// Two lines.");
}

TEST_CASE("N1014 and N1015: clause order and repetition") {
  auto order = parse("norm a: X must y within 72 hours where b;");
  REQUIRE(order->codes() == std::vector<std::string>{"N1014@1:34"});
  CHECK(order->first()->message == "the `where` clause must come before `within`");
  REQUIRE(order->first()->related.size() == 1);
  CHECK(order->text(order->first()->related[0].span) == "within 72 hours");
  CHECK(order->ast.norms[0].where.has_value());

  auto twice = parse("norm a: X must y where b where c;");
  REQUIRE(twice->codes() == std::vector<std::string>{"N1015@1:26"});
  CHECK(hasHelp(*twice->first(), "with `and`"));
}

TEST_CASE("order of module, imports and declarations") {
  auto p = parse("fact a;\nimport std;\nmodule m;\n");
  REQUIRE(p->codes() == std::vector<std::string>{"N1001@2:1", "N1001@3:1"});
  CHECK(p->first()->message == "imports must come before the declarations");
  CHECK(p->diags.sorted(p->sm)[1]->message == "the `module` line must come first in the file");
}

TEST_CASE("lists that need two names") {
  auto p = parse("incompatible delete;\ndisjoint A;\nagreement x between US { }\n");
  CHECK(p->codes() == std::vector<std::string>{"N1001@1:14", "N1001@2:10", "N1001@3:21"});
}

TEST_CASE("several mistakes in one file are all reported, each once") {
  auto p = parse(
      "norm a: Company shall disclose where x in y and approved;\n"  // one error, not a cascade
      "fact ok;\n"
      "norm b: Company must disclose where (a or b;\n"
      "jurisdiction EU { members A, B; };\n"
      "norm i: X must y where a and;\n"
      "norm j: X must y where a;\n"
      "dimension d { a { b; }\n");
  std::vector<std::string> expected = {"N1001@1:17", "N1001@3:44", "N1001@4:34", "N1001@5:29",
                                       "N1001@8:1"};
  CHECK_MESSAGE(p->codes() == expected, p->dump());
  CHECK(p->ast.facts.size() == 1);
  bool hasJ = false;
  for (const auto& n : p->ast.norms) hasJ = hasJ || n.name.text == "j";
  CHECK(hasJ);
}

TEST_CASE("a mistake inside a block is skipped up to the next item; the block survives") {
  auto p = parse(
      "test \"t\" { given A; expct forbidden; expect obliged; exect permitted; }\nfact after;\n");
  REQUIRE(p->codes() == std::vector<std::string>{"N1004@1:21", "N1004@1:54"});
  REQUIRE(p->ast.tests.size() == 1);
  CHECK(p->ast.tests[0].given.size() == 1);
  CHECK(p->ast.tests[0].expectations.size() == 1);
  CHECK(p->ast.facts.size() == 1);

  auto in = parse("instrument I { issuer CN; isuer US level statute; level rule; }");
  REQUIRE(in->codes() == std::vector<std::string>{"N1004@1:27"});
  REQUIRE(in->ast.instruments.size() == 1);
  CHECK(in->ast.instruments[0].issuer.size() == 1);
  CHECK(in->ast.instruments[0].level.size() == 1);
}

TEST_CASE("what is left of a declaration whose first line is lost is one error") {
  auto p = parse("fact a;\n  collect; store; use;\n  transfer { abroad; }\n}\naction report;\n");
  REQUIRE(p->codes() == std::vector<std::string>{"N1001@2:3"});
  CHECK(p->ast.actions.size() == 1);
}

TEST_CASE("ANTLR's own messages never reach the user") {
  const char* inputs[] = {
      "norm",
      "norm a",
      "norm a:",
      "norm a: X",
      "norm a: X must",
      "}",
      "{ { {",
      "norm a: X must y where (",
      ";;;",
      "test",
      "test \"x\" {",
      "test \"x\" { given ; }",
      "expect obliged;",
      "instrument I { issuer }",
      "agreement a {",
      "dimension d : territory territory;",
      "sovereignty s of CN over;",
      "levels a >;",
      "body B;",
      "closed fact x;",
      "norm a: X must y within 3;",
      "norm a: X must y within hours;",
      "norm a: X must y prevails over;",
  };
  for (std::string input : inputs) {
    CAPTURE(input);
    auto p = parse(input);
    CHECK(p->diags.hasErrors());
    for (const auto& d : p->diags.all()) {
      for (const char* english :
           {"mismatched", "extraneous", "viable", "expecting", "<EOF>", "token recognition",
            "missing '", "Identifier", "StringLiteral", "SEMI"}) {
        CHECK_MESSAGE(d.message.find(english) == std::string::npos, d.message);
      }
      CHECK(d.span.valid());
      CHECK(d.span.end <= p->sm.text(p->file).size());
    }
  }
}

}  // namespace nomos::syntax::test
