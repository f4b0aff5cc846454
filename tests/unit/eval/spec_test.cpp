// LANGUAGE.md §7: the spec's test block passes against the spec's norms, and changing a norm
// makes it fail with a message that says why.
#include <doctest/doctest.h>

#include "eval_support.h"

using namespace nomos::testing;

namespace {

/// Runs `nomos test` on rule text; returns the run.
CommandRun testText(const std::string& name, const std::string& text) {
  auto file = scratchDir("eval/spec-" + name) / "spec.nomos";
  writeText(file, text);
  return runTestCommand({file.string()});
}

}  // namespace

TEST_SUITE("spec") {
  TEST_CASE("the test block of LANGUAGE.md §7 passes against its norms") {
    std::string text = specExample();
    REQUIRE(text.find("test \"CLOUD Act warrant for personal data stored in China\"") !=
            std::string::npos);
    auto run = testText("as-written", text);
    CAPTURE(run.out);
    CHECK(run.status == 0);
    CHECK(run.out.find("PASS CLOUD Act warrant for personal data stored in China\n") !=
          std::string::npos);
    CHECK(run.out.ends_with("1 passed, 0 failed\n"));
  }

  TEST_CASE(
      "a prohibition turned into a permission fails `expect forbidden by pipl_41`, saying so") {
    std::string text =
        replaced(specExample(), "Company must not disclose\n    where data in personal",
                 "Company may disclose\n    where data in personal");
    auto run = testText("pipl-permits", text);
    CAPTURE(run.out);
    CHECK(run.status == 1);
    CHECK(run.out.find("FAIL CLOUD Act warrant for personal data stored in China") !=
          std::string::npos);
    CHECK(run.out.find("error[N4002]") != std::string::npos);
    CHECK(run.out.find(
              "expected forbidden by `pipl_41`, but `pipl_41` makes it permitted, not forbidden") !=
          std::string::npos);
    // The permission and the obligation do not clash, so the expected conflict is gone too.
    CHECK(run.out.find("expected conflict between `pipl_41` and `cloud_2713`, but `pipl_41` and "
                       "`cloud_2713` do not "
                       "clash") != std::string::npos);
    CHECK(run.out.ends_with("0 passed, 1 failed\n"));
  }

  TEST_CASE(
      "a narrower condition on the CLOUD Act makes the expected conflict fail with the condition's "
      "reason") {
    std::string text =
        replaced(specExample(), "where establishment in US and recipient in US and legal_process",
                 "where establishment in US and recipient in UK and legal_process");
    auto run = testText("cloud-narrowed", text);
    CAPTURE(run.out);
    CHECK(run.status == 1);
    CHECK(run.out.find(
              "`cloud_2713` does not apply: its condition does not hold: `recipient` is `US`") !=
          std::string::npos);
    // The expectation about pipl_41 still holds: only the conflict fails.
    CHECK(run.out.find("expected forbidden by") == std::string::npos);
  }

  TEST_CASE(
      "an agreement that makes China defer resolves the conflict, and the test says by which "
      "rule") {
    std::string text = specExample() +
                       "agreement cn_us \"a fictional agreement\" between CN, US {\n"
                       "  effective 2020-01-01;\n"
                       "  CN defers to US where legal_process;\n"
                       "}\n";
    auto run = testText("cn-defers", text);
    CAPTURE(run.out);
    CHECK(run.status == 1);
    CHECK(run.out.find("`pipl_41` applies but is set aside: conflict `cloud_2713` obliges what "
                       "`pipl_41` forbids, "
                       "resolved: `cloud_2713` prevails (agreement cn_us: CN defers to US)") !=
          std::string::npos);
    CHECK(run.out.find("their conflict is resolved: `cloud_2713` prevails (agreement cn_us: CN "
                       "defers to US)") != std::string::npos);
    CHECK(run.out.find("note: agreement `cn_us` decides it") != std::string::npos);
  }

  TEST_CASE("removing the date makes the test depend on it (N4001), not pass") {
    std::string text = replaced(specExample(), "  given date 2024-01-01;\n", "");
    auto run = testText("no-date", text);
    CAPTURE(run.out);
    CHECK(run.status == 1);
    CHECK(run.out.find("ERROR CLOUD Act warrant for personal data stored in China") !=
          std::string::npos);
    CHECK(run.out.find("error[N4001]: the answer depends on `date`") != std::string::npos);
  }
}
