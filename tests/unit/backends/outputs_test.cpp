// `nomos doc` and `nomos export` through the driver: what is written, when, and where not.
#include <doctest/doctest.h>

#include "backend_support.h"
#include "driver/outputs.h"

namespace fs = std::filesystem;
using namespace nomos;

namespace {

struct Run {
  int status = 0;
  std::string out, err;
};

Run runDoc(std::vector<std::string> paths, driver::DocOptions d) {
  std::ostringstream out, err;
  Run r;
  r.status = driver::doc(testing::optionsFor(std::move(paths)), d, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

Run runExport(std::vector<std::string> paths, driver::ExportOptions e) {
  std::ostringstream out, err;
  Run r;
  r.status = driver::exportRules(testing::optionsFor(std::move(paths)), e, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

std::string specPath() {
  return (testing::sourceDir() / "tests" / "golden-docs" / "spec_cross_border.nomos").string();
}

}  // namespace

TEST_SUITE("backends.outputs") {
  TEST_CASE("doc writes the pages even though the analysis found conflicts") {
    auto dir = testing::scratchDir("backends/doc-out") / "site";
    auto r = runDoc({specPath()}, {dir.string(), false});
    CHECK(r.status == 0);
    CHECK(fs::exists(dir / "index.html"));
    CHECK(fs::exists(dir / "pipl.html"));
    CHECK(fs::exists(dir / "cloud.html"));
    CHECK(r.err.find("wrote 3 pages") != std::string::npos);
    CHECK(r.err.find("2 errors") != std::string::npos);
    // No temporary files are left behind.
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++files;
    CHECK(files == 3);
  }

  TEST_CASE("doc refuses to write anything when the rule files have errors") {
    auto src = testing::scratchDir("backends/doc-bad");
    testing::writeText(src / "bad.nomos", "actor A;\nnorm n: A must frobnicate;\n");
    auto dir = src / "site";
    auto r = runDoc({(src / "bad.nomos").string()}, {dir.string(), false});
    CHECK(r.status == 1);
    CHECK_FALSE(fs::exists(dir));
    CHECK(r.err.find("frobnicate") != std::string::npos);
    CHECK(r.err.find("no documents written") != std::string::npos);
  }

  TEST_CASE("doc refuses an output that is one of the inputs") {
    auto src = testing::scratchDir("backends/doc-input");
    testing::writeText(src / "spec_cross_border.nomos", testing::readText(specPath()));
    auto r = runDoc({(src / "spec_cross_border.nomos").string()},
                    {(src / "spec_cross_border.nomos").string(), false});
    CHECK(r.status == 2);
    CHECK(r.err.find("N0003") != std::string::npos);
    CHECK(testing::readText(src / "spec_cross_border.nomos") == testing::readText(specPath()));

    // A directory given as input is not an output directory either.
    r = runDoc({src.string()}, {src.string(), true});
    CHECK(r.status == 2);
    CHECK(r.err.find("N0003") != std::string::npos);
    CHECK_FALSE(fs::exists(src / "index.md"));
  }

  TEST_CASE("doc -o - writes one Markdown document to standard output") {
    auto r = runDoc({specPath()}, {"-", true});
    CHECK(r.status == 0);
    CHECK(r.out.starts_with("# Rules and findings"));
    CHECK(r.out.find("<a id=\"pipl_41\"></a>") != std::string::npos);
    CHECK(r.out.find("<a id=\"cloud_2713\"></a>") != std::string::npos);
  }

  TEST_CASE("export writes JSON or ODRL to a file or to standard output") {
    auto dir = testing::scratchDir("backends/export-out");
    auto r = runExport({specPath()}, {(dir / "rules.json").string(), false, {}});
    CHECK(r.status == 0);
    auto j = nlohmann::json::parse(testing::readText(dir / "rules.json"));
    CHECK(j["format"] == "nomos-export");
    CHECK(j["norms"].size() == 3);

    r = runExport({specPath()}, {"-", true, "https://example.org/v#"});
    CHECK(r.status == 0);
    auto o = nlohmann::json::parse(r.out);
    CHECK(o["@context"][1]["nomos"] == "https://example.org/v#");

    r = runExport({specPath()}, {specPath(), false, {}});
    CHECK(r.status == 2);
    CHECK(r.err.find("N0003") != std::string::npos);
  }
}
