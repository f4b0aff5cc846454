// `nomos test` and `nomos eval` as commands, in-process: the bundled examples' tests, the
// report formats, batches of situations, and what they do with bad input.
#include <doctest/doctest.h>

#include "eval_support.h"

namespace fs = std::filesystem;
using namespace nomos::testing;
using nomos::driver::TestFormat;

namespace {

const char* kFailing = R"(jurisdiction CN "China";
dimension location : territory "where the data is stored";
fact approved "approved";
action disclose "disclose";
actor Company "company";
instrument PIPL "PIPL" { issuer CN; effective 2021-11-01; }
norm pipl_41 "No provision abroad" from PIPL article "41":
  Company must not disclose where location in CN unless approved;
test "forbidden without approval" {
  given Company doing disclose;
  given location CN, not approved, date 2024-01-01;
  expect forbidden by pipl_41;
}
test "wrongly expected <permitted> & \"quoted\"" {
  given Company doing disclose;
  given location CN, not approved, date 2024-01-01;
  expect permitted;
}
test "left open" {
  given Company doing disclose;
  given location CN, date 2024-01-01;
  expect forbidden;
}
)";

fs::path failingFile() {
  auto file = scratchDir("eval/failing") / "rules.nomos";
  writeText(file, kFailing);
  return file;
}

}  // namespace

TEST_SUITE("commands") {
  TEST_CASE("the test blocks of every bundled example pass") {
    // An example is a rule repository; one without rule files of its own (the tutorial) is a
    // series of them, one per subfolder.
    std::vector<fs::path> repositories;
    for (const auto& entry : fs::directory_iterator(sourceDir() / "examples")) {
      if (!entry.is_directory()) continue;
      bool own = false;
      for (const auto& f : fs::directory_iterator(entry.path()))
        own |= f.path().extension() == ".nomos";
      if (own) {
        repositories.push_back(entry.path());
        continue;
      }
      for (const auto& sub : fs::directory_iterator(entry.path())) {
        if (sub.is_directory()) repositories.push_back(sub.path());
      }
    }
    std::size_t examples = 0;
    for (const auto& repository : repositories) {
      ++examples;
      CAPTURE(repository.string());
      auto run = runTestCommand({repository.string()});
      if (run.out.starts_with("no tests found")) continue;
      CAPTURE(run.out);
      CHECK(run.status == 0);
      CHECK(run.out.find(" passed, 0 failed\n") != std::string::npos);
      CHECK(run.out.find("PASS ") != std::string::npos);
    }
    CHECK(examples >= 5);
  }

  TEST_CASE("text report: a line per test, the diagnostics of failures, the closing line") {
    auto run = runTestCommand({failingFile().string()});
    CAPTURE(run.out);
    CHECK(run.status == 1);
    CHECK(run.out.starts_with(
        "PASS forbidden without approval\nFAIL wrongly expected <permitted> & \"quoted\"\n"));
    CHECK(run.out.find("error[N4002]: test `wrongly expected <permitted> & \"quoted\"` failed: "
                       "expected permitted, but "
                       "it is forbidden by `pipl_41`") != std::string::npos);
    CHECK(run.out.find("ERROR left open\n") != std::string::npos);
    CHECK(run.out.find("error[N4001]: the answer depends on `approved`") != std::string::npos);
    CHECK(run.out.ends_with("1 passed, 2 failed\n"));
  }

  TEST_CASE("--filter runs only the tests whose name contains the text") {
    nomos::driver::TestOptions to;
    to.filter = "without approval";
    auto run = runTestCommand({failingFile().string()}, to);
    CHECK(run.status == 0);
    CHECK(run.out == "PASS forbidden without approval\n1 passed, 0 failed\n");
  }

  TEST_CASE("JSON report: tests, expectations and a summary") {
    nomos::driver::TestOptions to;
    to.format = TestFormat::Json;
    auto run = runTestCommand({failingFile().string()}, to);
    auto j = nlohmann::json::parse(run.out);
    REQUIRE(j["tests"].size() == 3);
    CHECK(j["tests"][0]["status"] == "passed");
    CHECK(j["tests"][1]["status"] == "failed");
    CHECK(j["tests"][1]["expectations"][0]["status"] == "failed");
    CHECK(j["tests"][1]["diagnostics"][0]["code"] == "N4002");
    CHECK(j["tests"][2]["status"] == "error");
    CHECK(j["tests"][2]["expectations"][0]["status"] == "undetermined");
    CHECK(j["summary"] ==
          nlohmann::json{{"total", 3}, {"passed", 1}, {"failed", 1}, {"errors", 1}});
  }

  TEST_CASE("JUnit report written to a file; the closing line still goes to stdout") {
    auto out = scratchDir("eval/junit") / "report.xml";
    nomos::driver::TestOptions to;
    to.format = TestFormat::JUnit;
    to.output = out.string();
    auto run = runTestCommand({failingFile().string()}, to);
    CHECK(run.status == 1);
    CHECK(run.out.ends_with("1 passed, 2 failed\n"));
    std::string xml = readText(out);
    CHECK(xml.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"nomos test\" tests=\"3\" "
        "failures=\"1\" errors=\"1\">"));
    CHECK(xml.find(
              "<testcase name=\"wrongly expected &lt;permitted&gt; &amp; &quot;quoted&quot;\"") !=
          std::string::npos);
    CHECK(xml.find("<failure message=\"test `wrongly expected &lt;permitted&gt;") !=
          std::string::npos);
    CHECK(xml.find("<error message=\"the answer depends on `approved`") != std::string::npos);
  }

  TEST_CASE("the report is never written over an input") {
    auto file = failingFile();
    std::string before = readText(file);
    nomos::driver::TestOptions to;
    to.output = file.string();
    auto run = runTestCommand({file.string()}, to);
    CHECK(run.status == 2);
    CHECK(run.err.find("[N0003]") != std::string::npos);
    CHECK(readText(file) == before);
  }

  TEST_CASE("rule files with errors: the diagnostics, no test run, exit 1") {
    auto file = scratchDir("eval/broken") / "rules.nomos";
    writeText(file, std::string(kFailing) + "norm broken from NOWHERE: Company must disclose;\n");
    auto run = runTestCommand({file.string()});
    CHECK(run.status == 1);
    CHECK(run.out.find("[N2001]") != std::string::npos);
    CHECK(run.out.find("PASS") == std::string::npos);
    CHECK(run.out.find("passed,") == std::string::npos);
  }

  TEST_CASE("eval of one situation from flags; invalid flags are N4003 errors") {
    nomos::driver::EvalOptions eo;
    eo.flags.actors = {"Company"};
    eo.flags.action = "disclose";
    eo.flags.sets = {"location=CN"};
    eo.flags.facts = {"approved=false"};
    eo.flags.date = "2024-01-01";
    auto run = runEvalCommand({failingFile().string()}, eo);
    CAPTURE(run.out);
    CHECK(run.status == 0);
    CHECK(run.out.find("pipl_41 forbids disclose → PIPL, article 41 (CN)") != std::string::npos);
    CHECK(run.out.find("  CN: forbidden (pipl_41)\n") != std::string::npos);

    eo.flags.sets = {"location=Atlantis", "nowhere=CN"};
    eo.flags.facts = {"approved=maybe"};
    auto bad = runEvalCommand({failingFile().string()}, eo);
    CHECK(bad.status == 1);
    CHECK(
        bad.out.find(
            "error[N4003]: invalid situation: `Atlantis` is not a value of dimension `location`") !=
        std::string::npos);
    CHECK(bad.out.find("unknown dimension `nowhere`") != std::string::npos);
    CHECK(bad.out.find("`approved` is a yes/no fact") != std::string::npos);
  }

  TEST_CASE(
      "eval of a batch: one JSON answer per line, ids echoed, a bad line answered with its error") {
    auto dir = scratchDir("eval/batch");
    writeText(dir / "cases.jsonl",
              "{\"id\": 1, \"actor\": [\"Company\"], \"action\": \"disclose\", \"dimensions\": "
              "{\"location\": \"CN\"}, "
              "\"facts\": {\"approved\": false}, \"date\": \"2024-01-01\"}\n"
              "\n"
              "{\"id\": \"two\", \"actor\": [\"Company\"], \"action\": \"disclose\", "
              "\"dimensions\": {\"location\": \"CN\"}}\n"
              "{\"id\": 3, \"actor\": [\"Nobody\"], \"action\": \"disclose\"}\n"
              "not json\n");
    nomos::driver::EvalOptions eo;
    eo.situationsFile = (dir / "cases.jsonl").string();
    eo.json = true;
    auto run = runEvalCommand({failingFile().string()}, eo);
    CHECK(run.status == 1);
    std::vector<nlohmann::json> answers;
    std::istringstream lines(run.out);
    for (std::string line; std::getline(lines, line);)
      answers.push_back(nlohmann::json::parse(line));
    REQUIRE(answers.size() == 4);
    CHECK(answers[0]["id"] == 1);
    CHECK(answers[0]["issuers"][0]["status"] == nlohmann::json::array({"forbidden"}));
    CHECK(answers[1]["id"] == "two");
    CHECK(answers[1]["line"] == 3);
    CHECK(answers[1]["norms"][0]["applies"] == "depends");
    CHECK(answers[1]["norms"][0]["dependsOn"] == "approved");
    CHECK(answers[2]["id"] == 3);
    CHECK(answers[2]["error"]["code"] == "N4003");
    CHECK(answers[2]["error"]["messages"][0] == "unknown actor class `Nobody`");
    CHECK(answers[3]["line"] == 5);
    CHECK(answers[3]["error"]["code"] == "N4003");
  }

  TEST_CASE("eval of an unreadable situation file is an I/O failure") {
    nomos::driver::EvalOptions eo;
    eo.situationFile = (scratchDir("eval/missing") / "none.json").string();
    auto run = runEvalCommand({failingFile().string()}, eo);
    CHECK(run.status == 2);
    CHECK(run.err.find("[N0001]") != std::string::npos);
  }
}
