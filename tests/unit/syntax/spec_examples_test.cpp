// Every code block of LANGUAGE.md is part of the language contract: each must parse
// without a single diagnostic. The reserved words listed in §1 must all be reserved.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "syntax_test_util.h"

namespace nomos::syntax::test {
namespace {

std::string readLanguageSpec() {
  // The design contract lives beside the repository (../shared) or, once copied in, in docs/.
  for (const char* relative : {"/../shared/LANGUAGE.md", "/tests/spec/LANGUAGE.md"}) {
    std::filesystem::path path = std::string(NOMOS_SOURCE_DIR) + relative;
    std::ifstream in(path);
    if (!in) continue;
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  return {};
}

std::vector<std::string> nomosBlocks(const std::string& markdown) {
  std::vector<std::string> blocks;
  std::regex fence("```nomos\\n([\\s\\S]*?)```");
  for (std::sregex_iterator it(markdown.begin(), markdown.end(), fence), end; it != end; ++it) {
    blocks.push_back((*it)[1].str());
  }
  return blocks;
}

std::vector<std::string> reservedWords(const std::string& markdown) {
  const std::string marker = "so `IN` is a name): `";
  auto begin = markdown.find(marker);
  if (begin == std::string::npos) return {};
  begin += marker.size();
  auto end = markdown.find('`', begin);
  std::istringstream words(markdown.substr(begin, end - begin));
  std::vector<std::string> out;
  for (std::string w; words >> w;) out.push_back(w);
  return out;
}

}  // namespace

TEST_CASE("every nomos block of LANGUAGE.md parses without diagnostics") {
  std::string spec = readLanguageSpec();
  REQUIRE_MESSAGE(!spec.empty(), "LANGUAGE.md not found in ../shared/ or tests/spec/");
  auto blocks = nomosBlocks(spec);
  REQUIRE(blocks.size() >= 7);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    CAPTURE(i);
    auto p = parse(blocks[i]);
    CHECK_MESSAGE(p->diags.size() == 0, p->dump());
  }

  // All of them together, as one file, with what they declare.
  std::string all;
  for (const auto& b : blocks) all += b + "\n";
  auto p = parse(all);
  CHECK_MESSAGE(p->diags.size() == 0, p->dump());
  const ast::File& f = p->ast;
  REQUIRE(f.module.has_value());
  CHECK(f.module->name.str() == "cn.pipl");
  CHECK(f.imports.size() == 2);
  CHECK(f.jurisdictions.size() == 4);
  CHECK(f.dimensions.size() == 7);
  CHECK(f.facts.size() == 3);
  CHECK(f.actions.size() == 2);
  CHECK(f.incompatibles.size() == 1);
  CHECK(f.actors.size() == 5);
  CHECK(f.disjoints.size() == 1);
  CHECK(f.levels.size() == 1);
  CHECK(f.bodies.size() == 1);
  CHECK(f.instruments.size() == 3);
  CHECK(f.norms.size() == 3);
  CHECK(f.sovereignties.size() == 3);
  CHECK(f.agreements.size() == 1);
  CHECK(f.tests.size() == 1);
}

TEST_CASE("the reserved words of LANGUAGE.md §1 cannot be names; their capitalised forms can") {
  std::string spec = readLanguageSpec();
  REQUIRE(!spec.empty());
  auto words = reservedWords(spec);
  REQUIRE(words.size() > 50);
  for (const auto& w : words) {
    CAPTURE(w);
    auto reserved = parse("fact " + w + ";");
    REQUIRE(reserved->diags.size() >= 1);
    CHECK(reserved->first()->code() == "N1001");
    std::string upper = w;
    upper[0] = static_cast<char>(upper[0] - 'a' + 'A');
    auto name = parse("fact " + upper + ";");
    CHECK_MESSAGE(name->diags.size() == 0, name->dump());
    REQUIRE(name->ast.facts.size() == 1);
    CHECK(name->ast.facts[0].name.text == upper);
  }
}

}  // namespace nomos::syntax::test
