// Every ```nomos block of LANGUAGE.md must parse and resolve. The blocks of §3–§7 are one
// running example, so they are checked together as one file; the §2 block declares its own
// module and imports, so it gets a root with the fixture module it names.
#include <doctest/doctest.h>

#include <regex>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace nomos::testing;

namespace {

std::vector<std::string> nomosBlocks(const std::string& text) {
  std::vector<std::string> blocks;
  std::size_t pos = 0;
  while ((pos = text.find("```nomos\n", pos)) != std::string::npos) {
    pos += 9;
    std::size_t end = text.find("\n```", pos);
    if (end == std::string::npos) break;
    blocks.push_back(text.substr(pos, end - pos + 1));
    pos = end + 4;
  }
  return blocks;
}

std::size_t countErrors(const nomos::driver::Compilation& c, std::string_view codePrefix) {
  std::size_t n = 0;
  for (const auto& d : c.diags().all()) {
    if (d.severity == nomos::diag::Severity::Error && d.code().starts_with(codePrefix)) ++n;
  }
  return n;
}

}  // namespace

TEST_SUITE("spec") {
  TEST_CASE("LANGUAGE.md has the examples this test expects") {
    auto blocks = nomosBlocks(readText(languageSpec()));
    CHECK(blocks.size() >= 6);
    REQUIRE_FALSE(blocks.empty());
    CHECK(blocks[0].find("module cn.pipl;") != std::string::npos);
  }

  TEST_CASE("the module example resolves with its fixture imports") {
    auto blocks = nomosBlocks(readText(languageSpec()));
    REQUIRE_FALSE(blocks.empty());
    fs::path root = scratchDir("spec-modules");
    writeText(root / "cn" / "pipl.nomos", blocks[0]);
    writeText(root / "cn" / "common.nomos",
              "/// Shared Chinese vocabulary (fixture).\njurisdiction CN \"People's Republic of "
              "China\";\n");
    nomos::driver::Options o;
    o.paths = {(root / "cn" / "pipl.nomos").string()};
    o.roots = {root.string()};
    o.today = nomos::model::dateFromCivil(2026, 1, 1);
    nomos::driver::Compilation c(o);
    REQUIRE(c.run());
    std::ostringstream out;
    c.renderDiagnostics(out);
    CAPTURE(out.str());
    CHECK(!c.diags().hasErrors());
    REQUIRE(c.program() != nullptr);
    CHECK(c.program()->modules.size() >= 3);  // cn.pipl, cn.common, std (and its parts)
  }

  TEST_CASE("the running example of sections 3 to 7 parses and resolves") {
    auto blocks = nomosBlocks(readText(languageSpec()));
    REQUIRE(blocks.size() >= 2);
    std::string program;
    for (std::size_t i = 1; i < blocks.size(); ++i) program += blocks[i] + "\n";
    fs::path root = scratchDir("spec-running");
    writeText(root / "spec.nomos", program);
    nomos::driver::Options o;
    o.paths = {(root / "spec.nomos").string()};
    o.today = nomos::model::dateFromCivil(2026, 1, 1);
    nomos::driver::Compilation c(o);
    REQUIRE(c.run());
    std::ostringstream out;
    c.renderDiagnostics(out);
    CAPTURE(out.str());
    CHECK(countErrors(c, "N1") == 0);
    CHECK(countErrors(c, "N2") == 0);
    CHECK(c.frontEndOk());
    REQUIRE(c.program() != nullptr);
    CHECK(c.program()->norms.size() == 3);  // pipl_41, cloud_2713, acme_1
    CHECK(c.program()->tests.size() == 1);
  }

  TEST_CASE("the spec's two norms conflict, unresolved, with the witness it describes") {
    auto blocks = nomosBlocks(readText(languageSpec()));
    REQUIRE(blocks.size() >= 2);
    std::string program;
    for (std::size_t i = 1; i < blocks.size(); ++i) program += blocks[i] + "\n";
    fs::path root = scratchDir("spec-conflict");
    writeText(root / "spec.nomos", program);
    auto run = runCheck({(root / "spec.nomos").string()}, nomos::driver::OutputFormat::Json);
    auto j = nlohmann::json::parse(run.out);
    CHECK(run.status == 1);
    bool found = false;
    for (const auto& d : j["diagnostics"]) {
      std::string msg = d["message"];
      if (d["code"] == "N3001" && msg.find("pipl_41") != std::string::npos &&
          msg.find("cloud_2713") != std::string::npos) {
        found = true;
        const auto& w = d["witness"];
        CHECK(w["dimensions"]["location"] == "CN");
        CHECK(w["dimensions"]["recipient"] == "US");
        CHECK(w["dimensions"]["establishment"] == "US");
        CHECK(w["facts"]["legal_process"] == true);
        CHECK(w["facts"]["approved"] == false);
        CHECK(w["action"] == "disclose");
      }
    }
    CHECK(found);
  }
}

TEST_CASE("the standard library checks clean, and importing it adds no unused-declaration noise") {
  nomos::driver::Options o;
  o.paths = {(sourceDir() / "stdlib").string()};
  o.stdlibDir = (sourceDir() / "stdlib").string();
  o.today = nomos::model::dateFromCivil(2026, 1, 1);
  nomos::driver::Compilation c(o);
  REQUIRE(c.run());
  std::ostringstream out;
  c.renderDiagnostics(out);
  CAPTURE(out.str());
  CHECK(c.diags().size() == 0);

  auto dir = scratchDir("stdlib-import");
  writeText(dir / "main.nomos",
            "import std;\ninstrument PIPL \"PIPL\" { issuer CN; level statute; }\n"
            "/// Art. 41.\nnorm pipl_41 \"No disclosure abroad\" from PIPL article \"41\":\n"
            "  Company must not disclose where location in CN and recipient not in CN;\n");
  auto run = runCheck({(dir / "main.nomos").string()}, nomos::driver::OutputFormat::Json);
  auto j = nlohmann::json::parse(run.out);
  CAPTURE(run.out);
  CHECK(j["summary"]["errors"] == 0);
  CHECK(j["summary"]["warnings"] == 0);
}
