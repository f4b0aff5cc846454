// The AST of norms and conditions: every part where it belongs, with spans on the right text.
#include <doctest/doctest.h>

#include "syntax_test_util.h"

namespace nomos::syntax::test {

using Kind = ast::Condition::Kind;

namespace {
const ast::Condition& whereOf(const Parsed& p) {
  REQUIRE(p.ast.norms.size() == 1);
  REQUIRE(p.ast.norms[0].where.has_value());
  return *p.ast.norms[0].where;
}

std::unique_ptr<Parsed> parseCondition(const std::string& condition) {
  auto p = parse("norm n: X must y where " + condition + ";");
  REQUIRE_MESSAGE(p->diags.size() == 0, p->dump());
  return p;
}
}  // namespace

TEST_CASE("a norm's parts: LANGUAGE.md pipl_41") {
  auto p = parse(
      "/// Without the approval of the competent authorities, handlers shall not provide personal\n"
      "/// information stored within the territory to foreign judicial or law-enforcement bodies.\n"
      "norm pipl_41 \"No provision to foreign authorities without approval\"\n"
      "  from PIPL article \"41\":\n"
      "  Company must not disclose\n"
      "    where data in personal and location in CN and recipient not in CN\n"
      "    unless approved;\n");
  REQUIRE_MESSAGE(p->diags.size() == 0, p->dump());
  REQUIRE(p->ast.norms.size() == 1);
  const ast::Norm& n = p->ast.norms[0];
  CHECK(n.name.text == "pipl_41");
  CHECK(p->text(n.name.span) == "pipl_41");
  CHECK(n.title == "No provision to foreign authorities without approval");
  REQUIRE(n.from.has_value());
  CHECK(n.from->str() == "PIPL");
  REQUIRE(n.article.has_value());
  CHECK(*n.article == "41");
  CHECK(p->text(n.articleSpan) == "\"41\"");
  CHECK(n.subject.str() == "Company");
  CHECK(n.modality == ast::Modality::MustNot);
  CHECK(p->text(n.modalitySpan) == "must not");
  CHECK(n.action.str() == "disclose");
  CHECK(p->text(n.action.span) == "disclose");
  CHECK(n.doc ==
        "Without the approval of the competent authorities, handlers shall not provide personal\n"
        "information stored within the territory to foreign judicial or law-enforcement bodies.");
  CHECK(p->text(n.span).substr(0, 12) == "norm pipl_41");
  CHECK(p->text(n.span).substr(p->text(n.span).size() - 16) == "unless approved;");

  // where C unless U: two separate conditions, C a flat conjunction.
  REQUIRE(n.where.has_value());
  const ast::Condition& where = *n.where;
  CHECK(where.kind == Kind::And);
  CHECK(p->text(where.span) == "data in personal and location in CN and recipient not in CN");
  REQUIRE(where.operands.size() == 3);
  CHECK(where.operands[0].kind == Kind::In);
  CHECK(where.operands[0].subject.str() == "data");
  REQUIRE(where.operands[0].values.size() == 1);
  CHECK(where.operands[0].values[0].str() == "personal");
  CHECK_FALSE(where.operands[0].negated);
  CHECK(p->text(where.operands[0].span) == "data in personal");
  CHECK(where.operands[2].kind == Kind::In);
  CHECK(where.operands[2].negated);
  CHECK(p->text(where.operands[2].span) == "recipient not in CN");
  REQUIRE(n.unless.has_value());
  CHECK(n.unless->kind == Kind::Flag);
  CHECK(n.unless->subject.str() == "approved");
  CHECK(p->text(n.unless->span) == "approved");
  CHECK_FALSE(n.within.has_value());
  CHECK_FALSE(n.effective.has_value());
  CHECK(n.prevailsOver.empty());
}

TEST_CASE("the four modalities") {
  struct Case {
    const char* text;
    ast::Modality modality;
  };
  for (auto c : {Case{"must", ast::Modality::Must}, Case{"must not", ast::Modality::MustNot},
                 Case{"may", ast::Modality::May}, Case{"need not", ast::Modality::NeedNot}}) {
    CAPTURE(c.text);
    auto p = parse(std::string("norm n: X ") + c.text + " y;");
    REQUIRE_MESSAGE(p->diags.size() == 0, p->dump());
    CHECK(p->ast.norms[0].modality == c.modality);
    CHECK(p->text(p->ast.norms[0].modalitySpan) == c.text);
  }
}

TEST_CASE("every clause of a norm, in order") {
  auto p = parse(
      "norm n \"t\" from cn.pipl.PIPL article \"Art. 38 \\\"(1)\\\"\": CIIOperator must "
      "report_incident\n"
      "  where a unless b within 72 hours effective 2021-11-01 until 2030-12-31 prevails over m1, "
      "lib.m2;");
  REQUIRE_MESSAGE(p->diags.size() == 0, p->dump());
  const ast::Norm& n = p->ast.norms[0];
  REQUIRE(n.from.has_value());
  CHECK(n.from->parts == std::vector<std::string>{"cn", "pipl", "PIPL"});
  CHECK(p->text(n.from->span) == "cn.pipl.PIPL");
  CHECK(*n.article == "Art. 38 \"(1)\"");
  REQUIRE(n.within.has_value());
  CHECK(n.within->hours == 72);
  CHECK(n.within->text == "72 hours");
  CHECK(p->text(n.within->span) == "72 hours");
  REQUIRE(n.effective.has_value());
  CHECK(n.effective->year == 2021);
  CHECK(n.effective->month == 11);
  CHECK(n.effective->day == 1);
  CHECK(p->text(n.effective->span) == "2021-11-01");
  REQUIRE(n.until.has_value());
  CHECK(n.until->year == 2030);
  REQUIRE(n.prevailsOver.size() == 2);
  CHECK(n.prevailsOver[1].str() == "lib.m2");
}

TEST_CASE("durations are kept in hours") {
  for (auto [text, hours] :
       {std::pair{"1 hour", 1}, std::pair{"24 hours", 24}, std::pair{"1 day", 24},
        std::pair{"30 days", 720}, std::pair{"1_000 hours", 1000}}) {
    CAPTURE(text);
    auto p = parse(std::string("norm n: X must y within ") + text + ";");
    REQUIRE_MESSAGE(p->diags.size() == 0, p->dump());
    CHECK(p->ast.norms[0].within->hours == hours);
    CHECK(p->ast.norms[0].within->text == text);
  }
}

TEST_CASE("condition precedence: not > and > or") {
  auto p = parseCondition("a or b and not c");
  const auto& c = whereOf(*p);
  REQUIRE(c.kind == Kind::Or);
  REQUIRE(c.operands.size() == 2);
  CHECK(c.operands[0].kind == Kind::Flag);
  CHECK(c.operands[0].subject.str() == "a");
  const auto& conj = c.operands[1];
  REQUIRE(conj.kind == Kind::And);
  CHECK(p->text(conj.span) == "b and not c");
  REQUIRE(conj.operands.size() == 2);
  CHECK(conj.operands[0].subject.str() == "b");
  REQUIRE(conj.operands[1].kind == Kind::Not);
  CHECK(p->text(conj.operands[1].span) == "not c");
  REQUIRE(conj.operands[1].operands.size() == 1);
  CHECK(conj.operands[1].operands[0].subject.str() == "c");
}

TEST_CASE("parentheses group; chains of one operator are flat") {
  auto p = parseCondition("(a or b) and c and d");
  const auto& c = whereOf(*p);
  REQUIRE(c.kind == Kind::And);
  REQUIRE(c.operands.size() == 3);
  CHECK(c.operands[0].kind == Kind::Or);
  CHECK(p->text(c.operands[0].span) == "a or b");
  CHECK(p->text(c.span) == "(a or b) and c and d");

  auto q = parseCondition("not (a and b)");
  const auto& n = whereOf(*q);
  REQUIRE(n.kind == Kind::Not);
  CHECK(n.operands[0].kind == Kind::And);

  auto r = parseCondition("not not a");
  const auto& nn = whereOf(*r);
  REQUIRE(nn.kind == Kind::Not);
  REQUIRE(nn.operands[0].kind == Kind::Not);
  CHECK(nn.operands[0].operands[0].kind == Kind::Flag);
  CHECK(r->text(nn.span) == "not not a");
  CHECK(r->text(nn.operands[0].span) == "not a");
}

TEST_CASE("membership in a set of values, negated") {
  auto p = parseCondition("recipient not in {US, eu.DE, UK}");
  const auto& c = whereOf(*p);
  REQUIRE(c.kind == Kind::In);
  CHECK(c.negated);
  CHECK(c.subject.str() == "recipient");
  REQUIRE(c.values.size() == 3);
  CHECK(c.values[1].str() == "eu.DE");
  CHECK(p->text(c.values[1].span) == "eu.DE");
  CHECK(p->text(c.span) == "recipient not in {US, eu.DE, UK}");

  auto q = parseCondition("not data in sensitive");
  const auto& n = whereOf(*q);
  REQUIRE(n.kind == Kind::Not);
  CHECK(n.operands[0].kind == Kind::In);
  CHECK_FALSE(n.operands[0].negated);
}

TEST_CASE("count comparisons") {
  struct Case {
    const char* op;
    ast::CmpOp expected;
  };
  for (auto c : {Case{">=", ast::CmpOp::Ge}, Case{">", ast::CmpOp::Gt}, Case{"<=", ast::CmpOp::Le},
                 Case{"<", ast::CmpOp::Lt}, Case{"==", ast::CmpOp::Eq}}) {
    CAPTURE(c.op);
    auto p = parseCondition(std::string("individuals ") + c.op + " 1_000_000");
    const auto& cond = whereOf(*p);
    CHECK(cond.kind == Kind::Compare);
    CHECK(cond.subject.str() == "individuals");
    CHECK(cond.op == c.expected);
    CHECK(cond.number == 1000000);
    CHECK(p->text(cond.span) == std::string("individuals ") + c.op + " 1_000_000");
  }
}

TEST_CASE("sovereignty clauses and agreements") {
  auto p = parse(
      "sovereignty cn_cii of CN exclusive over location in CN and sector in "
      "critical_infrastructure;\n"
      "sovereignty us of US over establishment in US;\n"
      "agreement us_uk \"US–UK\" between US, UK, EU {\n"
      "  effective 2022-10-03;\n"
      "  until 2032-10-03;\n"
      "  US defers to UK where residence in UK;\n"
      "  UK defers to US where residence in US or approved;\n"
      "}\n");
  REQUIRE_MESSAGE(p->diags.size() == 0, p->dump());
  REQUIRE(p->ast.sovereignties.size() == 2);
  const auto& s = p->ast.sovereignties[0];
  CHECK(s.name.text == "cn_cii");
  CHECK(s.jurisdiction.str() == "CN");
  CHECK(s.exclusive);
  CHECK(s.condition.kind == Kind::And);
  CHECK_FALSE(p->ast.sovereignties[1].exclusive);
  REQUIRE(p->ast.agreements.size() == 1);
  const auto& a = p->ast.agreements[0];
  CHECK(a.title == "US–UK");
  CHECK(a.parties.size() == 3);
  REQUIRE(a.effective.size() == 1);
  CHECK(a.effective[0].year == 2022);
  REQUIRE(a.until.size() == 1);
  REQUIRE(a.deferences.size() == 2);
  CHECK(a.deferences[0].from.str() == "US");
  CHECK(a.deferences[0].to.str() == "UK");
  CHECK(a.deferences[0].condition.kind == Kind::In);
  CHECK(a.deferences[1].condition.kind == Kind::Or);
  CHECK(p->text(a.deferences[0].span) == "US defers to UK where residence in UK;");
}

}  // namespace nomos::syntax::test
