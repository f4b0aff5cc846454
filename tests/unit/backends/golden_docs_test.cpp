// Golden tests of the Markdown documents: each tests/golden-docs/NAME.nomos (or directory
// NAME/) rendered as one Markdown document (`nomos doc --format markdown -o -`) must equal
// NAME.md. UPDATE_GOLDEN=1 rewrites the expectations; review the diff.
#include <doctest/doctest.h>

#include <cstdlib>
#include <set>

#include "backend_support.h"
#include "backends/documents.h"

namespace fs = std::filesystem;
using namespace nomos;

TEST_SUITE("backends.golden") {
  TEST_CASE("every golden-docs case renders its expected Markdown") {
    fs::path dir = testing::sourceDir() / "tests" / "golden-docs";
    std::set<fs::path> cases;
    for (const auto& e : fs::directory_iterator(dir)) {
      // examples/ holds the expectations of the bundled examples (the next test case), not a case.
      if (e.is_directory() && e.path().filename() == "examples") continue;
      if ((e.is_regular_file() && e.path().extension() == ".nomos") || e.is_directory())
        cases.insert(e.path());
    }
    REQUIRE(cases.size() >= 3);
    bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
    for (const auto& input : cases) {
      std::string name = input.stem().string();
      CAPTURE(name);
      auto c = testing::compileFiles({input.string()});
      backends::DocumentOptions o;
      o.format = backends::DocFormat::Markdown;
      o.single = true;
      o.generator = "nomos";  // no version: goldens survive a release
      auto files = backends::renderDocuments(*c->program(), c->analysis(), o);
      REQUIRE(files.size() == 1);
      fs::path expected = dir / (name + ".md");
      if (update) {
        testing::writeText(expected, files[0].contents);
        continue;
      }
      REQUIRE_MESSAGE(fs::exists(expected),
                      "missing " << expected.filename() << " (run with UPDATE_GOLDEN=1)");
      CHECK(files[0].contents == testing::readText(expected));
    }
  }

  TEST_CASE("three bundled examples render their expected Markdown") {
    // The examples are what users read first; their documents are pinned too, so a change
    // in wording or in the findings shows up in review.
    fs::path dir = testing::sourceDir() / "tests" / "golden-docs" / "examples";
    bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
    for (const char* name : {"cross_border", "incident_reporting", "company_policy"}) {
      CAPTURE(name);
      fs::current_path(
          testing::sourceDir());  // relative paths: the documents name no machine's folders
      auto c = testing::compileFiles({std::string("examples/") + name});
      REQUIRE(c->program() != nullptr);
      backends::DocumentOptions o;
      o.format = backends::DocFormat::Markdown;
      o.single = true;
      o.generator = "nomos";
      auto files = backends::renderDocuments(*c->program(), c->analysis(), o);
      REQUIRE(files.size() == 1);
      fs::path expected = dir / (std::string(name) + ".md");
      if (update) {
        testing::writeText(expected, files[0].contents);
        continue;
      }
      REQUIRE_MESSAGE(fs::exists(expected),
                      "missing " << expected.filename() << " (run with UPDATE_GOLDEN=1)");
      CHECK(files[0].contents == testing::readText(expected));
    }
  }
}
