// The AST of modules, vocabulary declarations, instruments and tests.
#include <doctest/doctest.h>

#include "syntax_test_util.h"

namespace nomos::syntax::test {

TEST_CASE("module and imports") {
  auto p = parse("module cn.pipl;\nimport std;\nimport public cn.common;\n");
  REQUIRE_MESSAGE(p->diags.size() == 0, p->dump());
  REQUIRE(p->ast.module.has_value());
  CHECK(p->ast.module->name.parts == std::vector<std::string>{"cn", "pipl"});
  CHECK(p->text(p->ast.module->span) == "module cn.pipl;");
  REQUIRE(p->ast.imports.size() == 2);
  CHECK_FALSE(p->ast.imports[0].isPublic);
  CHECK(p->ast.imports[1].isPublic);
  CHECK(p->ast.imports[1].name.str() == "cn.common");
  CHECK(p->ast.file == p->file);

  // A file path is kept as the one part of the name, for sema to reject (N2023).
  auto path = parse("import \"/rules/cn/common.nomos\";");
  REQUIRE_MESSAGE(path->diags.size() == 0, path->dump());
  REQUIRE(path->ast.imports.size() == 1);
  CHECK(path->ast.imports[0].name.parts == std::vector<std::string>{"/rules/cn/common.nomos"});
  CHECK(path->text(path->ast.imports[0].name.span) == "\"/rules/cn/common.nomos\"");
}

TEST_CASE("jurisdictions, dimensions and facts") {
  auto p = parse(
      "jurisdiction CN \"People's Republic of China\";\n"
      "jurisdiction EU \"European Union\" { members DE, FR; members IE; }\n"
      "jurisdiction XX;\n"
      "dimension location : territory \"where\";\n"
      "closed dimension purpose \"purpose\" { law_enforcement; commercial \"business\"; }\n"
      "dimension data \"category\" {\n"
      "  personal { sensitive \"special\" { biometric; health; } }\n"
      "  public_info;\n"
      "}\n"
      "fact approved \"approved\";\n"
      "fact individuals : count \"number\";\n");
  REQUIRE_MESSAGE(p->diags.size() == 0, p->dump());
  const auto& f = p->ast;
  REQUIRE(f.jurisdictions.size() == 3);
  CHECK(f.jurisdictions[0].title == "People's Republic of China");
  REQUIRE(f.jurisdictions[1].members.size() == 3);
  CHECK(f.jurisdictions[1].members[2].text == "IE");
  CHECK(p->text(f.jurisdictions[1].members[2].span) == "IE");
  CHECK(f.jurisdictions[2].title.empty());

  REQUIRE(f.dimensions.size() == 3);
  CHECK(f.dimensions[0].territory);
  CHECK_FALSE(f.dimensions[0].closed);
  CHECK(f.dimensions[0].categories.empty());
  CHECK(f.dimensions[1].closed);
  REQUIRE(f.dimensions[1].categories.size() == 2);
  CHECK(f.dimensions[1].categories[1].title == "business");
  const auto& data = f.dimensions[2];
  REQUIRE(data.categories.size() == 2);
  CHECK(data.categories[0].name.text == "personal");
  REQUIRE(data.categories[0].children.size() == 1);
  const auto& sensitive = data.categories[0].children[0];
  CHECK(sensitive.title == "special");
  REQUIRE(sensitive.children.size() == 2);
  CHECK(sensitive.children[1].name.text == "health");
  CHECK(p->text(sensitive.span) == "sensitive \"special\" { biometric; health; }");
  CHECK(data.categories[1].children.empty());

  REQUIRE(f.facts.size() == 2);
  CHECK_FALSE(f.facts[0].isCount);
  CHECK(f.facts[1].isCount);
  CHECK(f.facts[1].title == "number");
}

TEST_CASE("actions, actors, levels and bodies") {
  auto p = parse(
      "action process \"process\" { collect; transfer { transfer_abroad; disclose \"disclose\"; } "
      "}\n"
      "incompatible delete, retain, archive.keep;\n"
      "actor Company \"company\";\n"
      "actor Hybrid : Company, lib.Government \"both\";\n"
      "disjoint Government, Company;\n"
      "levels statute;\n"
      "levels constitution > statute > regulation;\n"
      "body AcmeCloud : ServiceProvider \"Acme Cloud Ltd.\";\n");
  REQUIRE_MESSAGE(p->diags.size() == 0, p->dump());
  const auto& f = p->ast;
  REQUIRE(f.actions.size() == 1);
  REQUIRE(f.actions[0].children.size() == 2);
  CHECK(f.actions[0].children[1].children[1].title == "disclose");
  REQUIRE(f.incompatibles.size() == 1);
  CHECK(f.incompatibles[0].actions.size() == 3);
  REQUIRE(f.actors.size() == 2);
  CHECK(f.actors[0].parents.empty());
  REQUIRE(f.actors[1].parents.size() == 2);
  CHECK(f.actors[1].parents[1].str() == "lib.Government");
  CHECK(f.actors[1].title == "both");
  CHECK(f.disjoints[0].actors.size() == 2);
  REQUIRE(f.levels.size() == 2);
  CHECK(f.levels[0].levels.size() == 1);
  REQUIRE(f.levels[1].levels.size() == 3);
  CHECK(f.levels[1].levels[0].text == "constitution");
  REQUIRE(f.bodies.size() == 1);
  CHECK(f.bodies[0].actorClass.str() == "ServiceProvider");
  CHECK(f.bodies[0].title == "Acme Cloud Ltd.");
}

TEST_CASE("instrument fields in any order, every occurrence kept") {
  auto p = parse(
      "instrument PIPL \"t\" { effective 2021-11-01; level statute; issuer CN; until 2030-12-31; "
      "issuer US; }\n"
      "instrument ACME { issuer AcmeCloud; }\n");
  REQUIRE_MESSAGE(p->diags.size() == 0, p->dump());
  const auto& in = p->ast.instruments[0];
  REQUIRE(in.issuer.size() == 2);
  CHECK(in.issuer[0].str() == "CN");
  CHECK(in.issuer[1].str() == "US");
  REQUIRE(in.level.size() == 1);
  REQUIRE(in.effective.size() == 1);
  CHECK(in.effective[0].day == 1);
  REQUIRE(in.until.size() == 1);
  CHECK(in.until[0].month == 12);
  CHECK(p->ast.instruments[1].level.empty());
  CHECK(p->ast.instruments[1].title.empty());
}

TEST_CASE("test blocks: given items and expectations") {
  auto p = parse(
      "test \"CLOUD Act \\\"warrant\\\"\" {\n"
      "  given Company, ServiceProvider doing disclose;\n"
      "  given data personal, location CN, legal_process, not approved, individuals 1_500;\n"
      "  given date 2024-01-01, doing lib.transfer;\n"
      "  expect forbidden by pipl_41;\n"
      "  expect obliged;\n"
      "  expect permitted;\n"
      "  expect exempt by n;\n"
      "  expect conflict pipl_41, cloud_2713;\n"
      "  expect not applicable acme_1;\n"
      "  expect overlap cn_data, us_providers;\n"
      "  expect resolved a, b by a;\n"
      "}\n");
  REQUIRE_MESSAGE(p->diags.size() == 0, p->dump());
  REQUIRE(p->ast.tests.size() == 1);
  const ast::Test& t = p->ast.tests[0];
  CHECK(t.name == "CLOUD Act \"warrant\"");
  using G = ast::GivenItem::Kind;
  REQUIRE(t.given.size() == 10);
  CHECK(t.given[0].kind == G::Name);
  CHECK(t.given[0].name.str() == "Company");
  CHECK(t.given[1].kind == G::Name);
  CHECK(t.given[2].kind == G::Doing);
  CHECK(t.given[2].name.str() == "disclose");
  CHECK(p->text(t.given[2].span) == "doing disclose");
  CHECK(t.given[3].kind == G::Value);
  CHECK(t.given[3].name.str() == "data");
  CHECK(t.given[3].value.str() == "personal");
  CHECK(p->text(t.given[3].span) == "data personal");
  CHECK(t.given[5].kind == G::Name);
  CHECK(t.given[5].name.str() == "legal_process");
  CHECK(t.given[6].kind == G::NotFlag);
  CHECK(t.given[6].name.str() == "approved");
  CHECK(t.given[7].kind == G::Count);
  CHECK(t.given[7].number == 1500);
  CHECK(t.given[8].kind == G::Date);
  CHECK(t.given[8].date.year == 2024);
  CHECK(t.given[9].kind == G::Doing);
  CHECK(t.given[9].name.str() == "lib.transfer");

  using E = ast::Expectation::Kind;
  using S = ast::Expectation::Status;
  REQUIRE(t.expectations.size() == 8);
  CHECK(t.expectations[0].kind == E::Status);
  CHECK(t.expectations[0].status == S::Forbidden);
  REQUIRE(t.expectations[0].by.has_value());
  CHECK(t.expectations[0].by->str() == "pipl_41");
  CHECK(p->text(t.expectations[0].span) == "expect forbidden by pipl_41");
  CHECK(t.expectations[1].status == S::Obliged);
  CHECK_FALSE(t.expectations[1].by.has_value());
  CHECK(t.expectations[2].status == S::Permitted);
  CHECK(t.expectations[3].status == S::Exempt);
  CHECK(t.expectations[4].kind == E::Conflict);
  REQUIRE(t.expectations[4].names.size() == 2);
  CHECK(t.expectations[4].names[1].str() == "cloud_2713");
  CHECK(t.expectations[5].kind == E::NotApplicable);
  CHECK(t.expectations[5].names.size() == 1);
  CHECK(t.expectations[6].kind == E::Overlap);
  CHECK(t.expectations[6].names.size() == 2);
  CHECK(t.expectations[7].kind == E::Resolved);
  CHECK(t.expectations[7].names.size() == 2);
  REQUIRE(t.expectations[7].by.has_value());
  CHECK(t.expectations[7].by->str() == "a");
}

TEST_CASE("doc comments attach to the declaration directly after them") {
  auto p = parse(
      "//// not a doc comment\n"
      "/// First line.\n"
      "///   indented second line\n"
      "///\n"
      "/// after an empty line\n"
      "jurisdiction CN;\n"
      "fact plain;\n"
      "dimension data {\n"
      "  /// Personal data.\n"
      "  personal { /// Special categories.\n"
      "    sensitive; }\n"
      "}\n"
      "/// Tested.\n"
      "test \"t\" { expect obliged; }\n");
  REQUIRE_MESSAGE(p->diags.size() == 0, p->dump());
  CHECK(p->ast.jurisdictions[0].doc ==
        "First line.\n  indented second line\n\nafter an empty line");
  CHECK(p->ast.facts[0].doc.empty());
  const auto& personal = p->ast.dimensions[0].categories[0];
  CHECK(personal.doc == "Personal data.");
  CHECK(personal.children[0].doc == "Special categories.");
  CHECK(p->ast.dimensions[0].doc.empty());
  CHECK(p->ast.tests[0].doc == "Tested.");
}

TEST_CASE("spans are byte offsets, also after non-ASCII text") {
  std::string text =
      "jurisdiction CN \"中华人民共和国\"; // 注释\n"
      "/* Ünïcödé */ norm x: Company must disclose where recipient in CN;\n";
  auto p = parse(text);
  REQUIRE_MESSAGE(p->diags.size() == 0, p->dump());
  const ast::Norm& n = p->ast.norms[0];
  CHECK(n.name.span.begin == text.find("x:"));
  CHECK(p->text(n.name.span) == "x");
  CHECK(p->text(n.span) == "norm x: Company must disclose where recipient in CN;");
  CHECK(p->text(n.where->span) == "recipient in CN");
  CHECK(p->ast.jurisdictions[0].title == "中华人民共和国");
  auto lc = p->sm.lineCol(p->file, n.name.span.begin);
  CHECK(lc.line == 2);
  CHECK(lc.column == 20);
}

TEST_CASE("a byte order mark is skipped; CRLF line endings work") {
  std::string text = "\xEF\xBB\xBF/// Doc.\r\nfact a;\r\nnorm n: X must y\r\n  where a;\r\n";
  auto p = parse(text);
  REQUIRE_MESSAGE(p->diags.size() == 0, p->dump());
  CHECK(p->ast.facts[0].doc == "Doc.");
  CHECK(p->ast.facts[0].span.begin == text.find("fact"));
  CHECK(p->text(p->ast.norms[0].span) == "norm n: X must y\r\n  where a;");

  auto broken = parse(
      "\xEF\xBB\xBF"
      "fact a;\r\nfact b;\r\nnorm n: X shall y;\r\n");
  CHECK(broken->codes() == std::vector<std::string>{"N1001@3:11"});
}

TEST_CASE("strings: escapes decoded") {
  auto p = parse("fact f \"a \\\"quoted\\\" word, a back\\\\slash\\nand a new line\";");
  REQUIRE_MESSAGE(p->diags.size() == 0, p->dump());
  CHECK(p->ast.facts[0].title == "a \"quoted\" word, a back\\slash\nand a new line");
}

}  // namespace nomos::syntax::test
