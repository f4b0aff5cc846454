// Golden tests of `nomos eval` and `nomos test` output: tests/golden-eval/cases.json lists the
// commands; NAME.expected holds what each prints (stdout, then its exit status). Run from the
// repository so that paths print relative to it. UPDATE_GOLDEN=1 rewrites the expectations.
#include <doctest/doctest.h>

#include <cstdlib>

#include "eval_support.h"

namespace fs = std::filesystem;
using namespace nomos::testing;

namespace {

CommandRun runCase(const nlohmann::json& c) {
  std::vector<std::string> paths = c["paths"].get<std::vector<std::string>>();
  std::string format = c.value("format", "text");
  if (c["command"] == "test") {
    nomos::driver::TestOptions to;
    to.format = format == "json"    ? nomos::driver::TestFormat::Json
                : format == "junit" ? nomos::driver::TestFormat::JUnit
                                    : nomos::driver::TestFormat::Text;
    to.filter = c.value("filter", "");
    return runTestCommand(paths, to);
  }
  nomos::driver::EvalOptions eo;
  eo.json = format == "json";
  eo.situationFile = c.value("situation", "");
  eo.situationsFile = c.value("situations", "");
  if (c.contains("flags")) {
    const auto& f = c["flags"];
    eo.flags.actors = f.value("actor", std::vector<std::string>{});
    eo.flags.action = f.value("action", "");
    eo.flags.sets = f.value("set", std::vector<std::string>{});
    eo.flags.facts = f.value("fact", std::vector<std::string>{});
    eo.flags.date = f.value("date", "");
  }
  return runEvalCommand(paths, eo);
}

}  // namespace

TEST_SUITE("golden") {
  TEST_CASE("every eval and test case prints its expected output") {
    fs::current_path(sourceDir());
    fs::path dir = sourceDir() / "tests" / "golden-eval";
    auto cases = nlohmann::json::parse(readText(dir / "cases.json"));
    REQUIRE(cases.size() >= 8);
    bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
    for (const auto& c : cases) {
      std::string name = c["name"];
      CAPTURE(name);
      auto run = runCase(c);
      std::string actual = run.out + "exit status: " + std::to_string(run.status) + "\n";
      fs::path expected = dir / (name + ".expected");
      if (update) {
        writeText(expected, actual);
        continue;
      }
      REQUIRE_MESSAGE(fs::exists(expected),
                      "missing " << expected.filename() << " (run with UPDATE_GOLDEN=1)");
      CHECK(actual == readText(expected));
    }
  }

  TEST_CASE("the CLOUD Act situation shows both norms, their conflict and its chain") {
    fs::current_path(sourceDir());
    nomos::driver::EvalOptions eo;
    eo.situationFile = "tests/golden-eval/cloud_act.json";
    auto text = runEvalCommand({"examples/cross_border"}, eo);
    CHECK(text.status == 0);
    CHECK(text.out.find("  pipl_41 forbids disclose → PIPL, article 41 (CN, statute)\n") !=
          std::string::npos);
    CHECK(text.out.find(
              "  cloud_2713 obliges disclose → CLOUD, article 18 U.S.C. 2713 (US, statute)\n") !=
          std::string::npos);
    CHECK(text.out.find("  conflict: `cloud_2713` obliges what `pipl_41` forbids\n") !=
          std::string::npos);
    CHECK(text.out.find("→ unresolved: no precedence rule or agreement resolves it") !=
          std::string::npos);

    eo.json = true;
    auto json = runEvalCommand({"examples/cross_border"}, eo);
    auto j = nlohmann::json::parse(json.out);
    std::vector<std::string> norms;
    for (const auto& n : j["norms"]) norms.push_back(n["norm"]);
    CHECK(std::find(norms.begin(), norms.end(), "pipl_41") != norms.end());
    CHECK(std::find(norms.begin(), norms.end(), "cloud_2713") != norms.end());
    bool found = false;
    for (const auto& c : j["clashes"]) {
      if (c["norms"] == nlohmann::json::array({"cloud_2713", "pipl_41"})) {
        found = true;
        CHECK(c["kind"] == "conflict");
        CHECK(c["resolved"] == false);
      }
    }
    CHECK(found);
  }
}
