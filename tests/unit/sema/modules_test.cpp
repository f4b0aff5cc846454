// Module loading and visibility: roots, module names, imports (plain, public, ambiguous,
// cyclic, escaping), the stdlib, qualified names.
#include "unit/sema/sema_fixture.h"

namespace nomos::sema::testing {

using model::kNone;

namespace {

Options withRoot(const fs::path& root, bool lints = false) {
  Options o;
  o.roots.push_back(root);
  o.lints = lints;
  return o;
}

}  // namespace

TEST_CASE("a module is named by its path under its root, and may say so") {
  TempTree t;
  auto file = t.write("cn/pipl.nomos", "module cn.pipl;\njurisdiction CN;\n");
  auto c = compile({file}, withRoot(t.root()));
  INFO(c->dump());
  CHECK(c->errors() == 0);
  REQUIRE(c->program->modules.size() == 1);
  CHECK(c->program->modules[0].name == "cn.pipl");
  CHECK(c->program->jurisdictions.at(0).qualified == "cn.pipl.CN");
}

TEST_CASE("without a root, the file's directory is its root") {
  TempTree t;
  auto c = compile({t.write("rules/pipl.nomos", "jurisdiction CN;\n")}, noLints());
  CHECK(c->program->modules.at(0).name == "pipl");
  // ...unless its `module` line names the directories above it.
  auto d = compile({t.write("x/cn/law.nomos", "module cn.law;\njurisdiction CN;\n")}, noLints());
  CHECK(d->errors() == 0);
  CHECK(d->program->modules.at(0).name == "cn.law");
}

TEST_CASE("N2008: a module declaration that disagrees with the path") {
  TempTree t;
  auto c = compile({t.write("cn/pipl.nomos", "module cn.other;\njurisdiction CN;\n")},
                   withRoot(t.root()));
  const auto& d = c->one("N2008");
  CHECK(d.message == "module is declared as `cn.other` but its path says `cn.pipl`");
  CHECK(c->at(d.span) == "1:8");
  CHECK(c->text(d.span) == "cn.other");
  CHECK(c->program->modules.at(0).name == "cn.pipl");
}

TEST_CASE("N2008: an imported module that calls itself something else") {
  TempTree t;
  auto main = t.write("main.nomos", "import cn.common;\n");
  t.write("cn/common.nomos", "\nmodule cn.shared;\n");
  auto c = compile({main}, noLints());
  const auto& d = c->one("N2008");
  CHECK(d.message == "module is declared as `cn.shared` but its path says `cn.common`");
  CHECK(c->fileName(d.span) == "common.nomos");
  CHECK(c->at(d.span) == "2:8");
}

TEST_CASE("an import makes the imported module's names visible") {
  TempTree t;
  auto main = t.write("main.nomos",
                      "import cn.common;\n"
                      "action disclose;\n"
                      "norm n: Company must disclose;\n");
  t.write("cn/common.nomos", "actor Company;\n");
  auto c = compile({main}, noLints());
  INFO(c->dump());
  CHECK(c->errors() == 0);
  REQUIRE(c->program->modules.size() == 2);
  CHECK(c->program->modules[0].name == "main");
  CHECK(c->program->modules[1].name == "cn.common");
  CHECK(c->program->norms.at(0).subject == c->actor("Company"));
  CHECK(c->program->actors.at(0).module == 1);
}

TEST_CASE("imports are not transitive") {
  TempTree t;
  auto a = t.write("a.nomos", "import b;\naction act;\nnorm n: Deep must act;\n");
  t.write("b.nomos", "import c;\n");
  t.write("c.nomos", "actor Deep;\n");
  auto c = compile({a}, noLints());
  const auto& d = c->one("N2001");
  CHECK(d.message == "unknown actor class `Deep`");
  CHECK(c->at(d.span) == "3:9");
  REQUIRE(d.help.size() == 1);
  CHECK(d.help[0] ==
        "`Deep` is declared in module `c`, which is not imported here; add `import c;`");
}

TEST_CASE("`import public` re-exports, transitively") {
  TempTree t;
  auto a = t.write("a.nomos",
                   "import b;\naction act;\nnorm n: Deep must act;\nnorm m: Deeper must act;\n");
  t.write("b.nomos", "import public c;\n");
  t.write("c.nomos", "import public d;\nactor Deep;\n");
  t.write("d.nomos", "actor Deeper;\n");
  auto c = compile({a}, noLints());
  INFO(c->dump());
  CHECK(c->errors() == 0);
  CHECK(c->program->norms.at(0).subject == c->actor("Deep"));
  CHECK(c->program->norms.at(1).subject == c->actor("Deeper"));
}

TEST_CASE("N2004: a name two imports provide; qualified uses and local declarations are fine") {
  TempTree t;
  auto a = t.write("a.nomos",
                   "import b;\nimport c;\naction act;\n"
                   "norm n1: Company must act;\n"
                   "norm n2: b.Company must act;\n"
                   "norm n3: c.Company must act;\n");
  t.write("b.nomos", "actor Company;\n");
  t.write("c.nomos", "actor Company;\n");
  auto c = compile({a}, noLints());
  const auto& d = c->one("N2004");
  CHECK(d.message == "`Company` is ambiguous: it is provided by both `b` and `c`");
  CHECK(c->at(d.span) == "4:10");
  CHECK(d.related.size() == 2);
  CHECK(d.help.at(0) == "say which one you mean: `b.Company` or `c.Company`");
  CHECK(c->errors() == 1);
  const auto& p = *c->program;
  CHECK(p.norms[1].subject != p.norms[2].subject);
  CHECK(p.actors[p.norms[1].subject].module == c->module("b"));
  CHECK(p.actors[p.norms[2].subject].module == c->module("c"));

  // A local declaration shadows both.
  TempTree u;
  auto a2 = u.write(
      "a.nomos", "import b;\nimport c;\nactor Company;\naction act;\nnorm n: Company must act;\n");
  u.write("b.nomos", "actor Company;\n");
  u.write("c.nomos", "actor Company;\n");
  auto c2 = compile({a2}, noLints());
  CHECK(c2->errors() == 0);
  CHECK(c2->program->actors[c2->program->norms.at(0).subject].module == 0);
}

TEST_CASE("the same name re-exported along two paths is one declaration, not ambiguous") {
  TempTree t;
  auto a = t.write("a.nomos", "import b;\nimport c;\naction act;\nnorm n: Company must act;\n");
  t.write("b.nomos", "import public base;\n");
  t.write("c.nomos", "import public base;\n");
  t.write("base.nomos", "actor Company;\n");
  auto c = compile({a}, noLints());
  INFO(c->dump());
  CHECK(c->errors() == 0);
  CHECK(c->program->modules.size() == 4);  // base loaded once
  CHECK(c->sm.size() == 4);
}

TEST_CASE("qualified names: the full module path, or an unambiguous tail of it") {
  TempTree t;
  auto main = t.write("main.nomos",
                      "import cn.pipl;\naction act;\n"
                      "norm n1: cn.pipl.Company must act;\n"
                      "norm n2: pipl.Company must act;\n"
                      "norm n3: cn.pipl.Compny must act;\n"
                      "norm n4: us.cloud.Company must act;\n");
  t.write("cn/pipl.nomos", "actor Company;\n");
  t.write("us/cloud.nomos", "actor Company;\n");
  auto c = compile({main}, noLints());
  const auto& p = *c->program;
  CHECK(p.norms[0].subject == c->actor("Company"));
  CHECK(p.norms[1].subject == p.norms[0].subject);
  auto unknown = c->withCode("N2001");
  REQUIRE(unknown.size() == 2);
  CHECK(unknown[0]->message == "unknown actor class `cn.pipl.Compny`");
  CHECK(unknown[0]->help.at(0) == "did you mean `cn.pipl.Company`?");
  CHECK(c->at(unknown[0]->span) == "5:10");
  // us.cloud is not loaded at all: an unknown module.
  CHECK(unknown[1]->message == "unknown module `us.cloud`");
  CHECK(c->at(unknown[1]->span) == "6:10");
}

TEST_CASE("a qualified name into a loaded module that is not imported") {
  TempTree t;
  auto a = t.write("a.nomos", "import b;\naction act;\nnorm n: c.Deep must act;\n");
  t.write("b.nomos", "import c;\n");
  t.write("c.nomos", "actor Deep;\n");
  auto c = compile({a}, noLints());
  const auto& d = c->one("N2001");
  CHECK(d.message == "unknown module `c`");
  CHECK(d.help.at(0) == "module `c` is not imported here; add `import c;`");
}

TEST_CASE("N2005: cyclic imports name the cycle") {
  TempTree t;
  auto a = t.write("a.nomos", "import b;\njurisdiction A;\n");
  t.write("b.nomos", "import c;\n");
  t.write("c.nomos", "// c closes the loop\nimport a;\n");
  auto c = compile({a}, noLints());
  const auto& d = c->one("N2005");
  CHECK(d.message == "cyclic import: a -> b -> c -> a");
  CHECK(c->fileName(d.span) == "c.nomos");
  CHECK(c->at(d.span) == "2:8");
  CHECK(c->program->modules.size() == 3);

  auto self = compileText("import main;\n", noLints());
  CHECK(self->one("N2005").message == "cyclic import: main -> main");
}

TEST_CASE("after a failed import, names it may have provided are not reported") {
  TempTree t;
  auto main =
      t.write("main.nomos",
              "import missing;\naction act;\n"
              "norm n1: Company must act;\n"          // perhaps from `missing`: quiet
              "norm n2: missing.Company must act;\n"  // likewise
              "norm n3: main.Nothing must act;\n");   // qualified into a loaded module: reported
  auto c = compile({main}, noLints());
  CHECK(c->count("N2007") == 1);
  const auto& d = c->one("N2001");
  CHECK(d.message == "unknown actor class `main.Nothing`");
}

TEST_CASE("N2007: a module that does not exist, with a suggestion") {
  TempTree t;
  auto main = t.write("main.nomos", "import cn.comon;\nimport nowhere.at_all;\n");
  t.write("cn/common.nomos", "");
  auto c = compile({main}, noLints());
  auto found = c->withCode("N2007");
  REQUIRE(found.size() == 2);
  CHECK(found[0]->message == "module `cn.comon` not found");
  CHECK(c->at(found[0]->span) == "1:8");
  CHECK(found[0]->help.at(0) == "did you mean `cn.common`?");
  CHECK(found[1]->message == "module `nowhere.at_all` not found");
  CHECK(found[1]->help.at(0) ==
        "`import nowhere.at_all` looks for `nowhere/at_all.nomos` under each root directory");
}

TEST_CASE("N2006: an import that leaves its root through a symbolic link") {
  TempTree t;
  t.write("outside/secret.nomos", "actor Secret;\n");
  auto main = t.write("repo/main.nomos", "import lib.secret;\n");
  fs::create_directory_symlink(t.path("outside"), t.path("repo/lib"));
  auto c = compile({main}, noLints());
  const auto& d = c->one("N2006");
  CHECK(d.message == "import `lib.secret` resolves outside its root");
  CHECK(c->at(d.span) == "1:8");
  CHECK(c->program->modules.size() == 1);  // never loaded
  CHECK(c->program->actors.empty());
}

TEST_CASE("a symbolic link that stays inside the root is fine") {
  TempTree t;
  t.write("repo/real/x.nomos", "actor X;\n");
  auto main = t.write("repo/main.nomos", "import alias.x;\n");
  fs::create_directory_symlink(t.path("repo/real"), t.path("repo/alias"));
  auto c = compile({main}, noLints());
  INFO(c->dump());
  CHECK(c->errors() == 0);
  CHECK(c->program->modules.size() == 2);
}

TEST_CASE("N2006 and N2023 for import paths the grammar cannot write but an AST can hold") {
  // The grammar only produces identifiers; sema still guards against `..` and path-like
  // parts, in case another front end (or a future grammar) produces them.
  TempTree t;
  t.write("secret.nomos", "actor Secret;\n");
  auto main = t.write("repo/main.nomos", "import placeholder;\nimport other;\n");
  auto c = std::make_unique<Compiled>();
  Compiled* cp = c.get();
  ParseFn parse = [cp](source::FileId id, diag::DiagnosticEngine& diags) {
    ast::File f = syntax::parseFile(cp->sm, id, diags);
    if (f.imports.size() == 2) {
      f.imports[0].name.parts = {"..", "secret"};
      f.imports[1].name.parts = {"/etc", "passwd"};
    }
    return f;
  };
  Options o = noLints();
  cp->program = build({main}, o, cp->sm, cp->diags, parse);
  CHECK(cp->one("N2006").message == "import `...secret` resolves outside its root");
  CHECK(cp->one("N2023").message == "import `/etc.passwd` must be a module name, not a file path");
  CHECK(cp->program->modules.size() == 1);
}

TEST_CASE("N2023: an import written as a file path") {
  TempTree t;
  t.write("common.nomos", "");
  auto c =
      compile({t.write("main.nomos", "import \"/rules/cn/common.nomos\";\nimport \"common\";\n")},
              noLints());
  auto found = c->withCode("N2023");
  REQUIRE(found.size() == 2);
  CHECK(found[0]->message ==
        "import `/rules/cn/common.nomos` must be a module name, not a file path");
  CHECK(c->at(found[0]->span) == "1:8");
  // Even a quoted path that looks like a module name is a path.
  CHECK(found[1]->message == "import `common` must be a module name, not a file path");
  CHECK(c->program->modules.size() == 1);
}

TEST_CASE("inputs given together share the outermost input directory as their root") {
  // As `nomos check dir` gives main.nomos, cn/common.nomos and us/common.nomos.
  TempTree t;
  auto main = t.write("main.nomos",
                      "import cn.common;\nimport us.common;\n"
                      "norm n: cn.common.Company must act;\n");
  auto cn = t.write("cn/common.nomos", "actor Company;\naction act;\n");
  auto us = t.write("us/common.nomos", "actor Company;\n");
  auto c = compile({us, main, cn}, noLints());
  INFO(c->dump());
  CHECK(c->errors() == 0);
  std::vector<std::string> names;
  for (const auto& m : c->program->modules) names.push_back(m.name);
  CHECK(names == std::vector<std::string>{"cn.common", "main", "us.common"});
  CHECK(c->program->norms.at(0).subject == 0);
  CHECK(c->program->actors.at(0).qualified == "cn.common.Company");
}

TEST_CASE("N0001: an input file that cannot be read") {
  TempTree t;
  auto c = compile({t.path("missing.nomos")}, noLints());
  const auto& d = c->one("N0001");
  CHECK(d.message ==
        fmt::format("cannot read `{}`: no such file", t.path("missing.nomos").generic_string()));
  CHECK_FALSE(d.span.valid());
  CHECK(c->program->modules.empty());
}

TEST_CASE("each file is loaded once, in a deterministic order") {
  TempTree t;
  auto z = t.write("z.nomos", "import shared;\n");
  auto a = t.write("a.nomos", "import m2;\nimport shared;\n");
  t.write("m2.nomos", "import shared;\n");
  t.write("shared.nomos", "jurisdiction S;\n");
  // Inputs in any order, some twice, one also imported.
  auto c = compile({z, a, t.path("shared.nomos"), a}, noLints());
  INFO(c->dump());
  CHECK(c->errors() == 0);
  std::vector<std::string> names;
  for (const auto& m : c->program->modules) names.push_back(m.name);
  // The inputs first, then what they import.
  CHECK(names == std::vector<std::string>{"a", "shared", "z", "m2"});
  CHECK(c->sm.size() == 4);
  CHECK(c->program->jurisdictions.size() == 1);
}

TEST_CASE("a `module` line makes the directory above its path a root for imports") {
  // Neither directory above the files is a root, and the importer comes first in path order.
  TempTree t;
  auto main = t.write("rules/a/main.nomos",
                      "module a.main;\nimport z.lib;\naction act;\nnorm n: Z must act;\n");
  auto lib = t.write("rules/z/lib.nomos", "module z.lib;\nactor Z;\n");
  auto c = compile({lib, main}, noLints());
  INFO(c->dump());
  CHECK(c->errors() == 0);
  REQUIRE(c->program->modules.size() == 2);
  CHECK(c->program->modules[0].name == "a.main");
  CHECK(c->program->modules[1].name == "z.lib");
  CHECK(c->program->norms.at(0).subject == c->actor("Z"));
}

TEST_CASE("N2025: two files that would be the same module") {
  TempTree t;
  auto one = t.write("one/rules.nomos", "jurisdiction A;\n");
  auto two = t.write("two/rules.nomos", "jurisdiction B;\n");
  auto c = compile({one, two}, noLints());
  const auto& d = c->one("N2025");
  CHECK(d.message == fmt::format("module `rules` is defined by two files: `{}` and `{}`",
                                 one.generic_string(), two.generic_string()));
  CHECK(c->fileName(d.span) == "rules.nomos");
  REQUIRE(d.related.size() == 1);
  CHECK(d.related[0].span.file != d.span.file);
}

TEST_CASE("the standard library: std re-exports its parts, and is a library") {
  TempTree t;
  t.write("stdlib/std.nomos", "module std;\nimport public std.actors;\n");
  t.write("stdlib/std/actors.nomos", "actor Company;\nactor Unused;\n");
  auto main = t.write("repo/main.nomos", "import std;\naction act;\nnorm n: Company must act;\n");
  Options o;
  o.stdlibDir = t.path("stdlib");
  auto c = compile({main}, o);
  INFO(c->dump());
  CHECK(c->errors() == 0);
  const auto& p = *c->program;
  REQUIRE(p.modules.size() == 3);
  CHECK(p.modules[1].name == "std");
  CHECK(p.modules[1].isLibrary);
  CHECK(p.modules[2].name == "std.actors");
  CHECK(p.modules[2].isLibrary);
  CHECK_FALSE(p.modules[0].isLibrary);
  // Library declarations are never reported unused.
  CHECK(c->count("N2501") == 0);
  // std.x is looked up only in the stdlib directory.
  auto missing = t.write("repo/other.nomos", "import std.nothing;\n");
  auto d = compile({missing}, o);
  CHECK(d->one("N2007").message == "module `std.nothing` not found");
}

TEST_CASE("a `members` name is the imported jurisdiction when one is visible") {
  TempTree t;
  auto main = t.write("main.nomos", "import eu;\njurisdiction DACH { members DE, AT, CH; }\n");
  t.write("eu.nomos", "jurisdiction EU { members DE, FR; }\n");
  auto c = compile({main}, noLints());
  INFO(c->dump());
  CHECK(c->errors() == 0);
  const auto& p = *c->program;
  std::vector<std::string> names;
  for (const auto& j : p.jurisdictions) names.push_back(j.qualified);
  CHECK(names ==
        std::vector<std::string>{"main.DACH", "main.AT", "main.CH", "eu.EU", "eu.DE", "eu.FR"});
  auto de = c->jurisdiction("DE");
  CHECK(p.jurisdictionWithin(de, c->jurisdiction("DACH")));
  CHECK(p.jurisdictionWithin(de, c->jurisdiction("EU")));
  CHECK(p.jurisdictions[de].memberOf.size() == 2);
}

}  // namespace nomos::sema::testing
