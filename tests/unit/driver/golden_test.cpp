// Golden tests: tests/golden/NAME.nomos (or a directory NAME/) checked in-process; the text
// output must equal NAME.expected. Files named fail_* must exit 1, the others 0 or 1 as their
// expectation says. UPDATE_GOLDEN=1 rewrites the expectations.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <set>

#include "driver/evaluate.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace nomos::testing;

namespace {

struct Golden {
  std::string name;
  fs::path input;  // relative to the source dir, as printed in messages
  fs::path expected;
};

std::vector<Golden> goldens() {
  std::vector<Golden> out;
  fs::path dir = sourceDir() / "tests" / "golden";
  std::set<fs::path> entries;
  for (const auto& e : fs::directory_iterator(dir)) entries.insert(e.path());
  for (const auto& p : entries) {
    bool isCase = (fs::is_regular_file(p) && p.extension() == ".nomos") ||
                  (fs::is_directory(p) && !p.filename().string().starts_with("_"));
    if (!isCase) continue;
    std::string name = p.stem().string();
    out.push_back({name, fs::relative(p, sourceDir()), dir / (name + ".expected")});
  }
  return out;
}

/// Does the case hold `test` blocks? Then `nomos test` runs on it too.
bool hasTests(const fs::path& input) {
  auto holds = [](const fs::path& file) {
    std::string text = readText(file);
    return text.starts_with("test \"") || text.find("\ntest \"") != std::string::npos;
  };
  if (fs::is_regular_file(input)) return holds(input);
  for (const auto& e : fs::recursive_directory_iterator(input)) {
    if (e.path().extension() == ".nomos" && holds(e.path())) return true;
  }
  return false;
}

CheckRun runTests(const fs::path& input) {
  nomos::driver::Options o;
  o.paths = {input.generic_string()};
  o.today = nomos::model::dateFromCivil(2026, 1, 1);
  std::ostringstream out, err;
  CheckRun r;
  r.status = nomos::driver::test(o, {}, out, err);
  r.out = out.str() + err.str();
  return r;
}

}  // namespace

TEST_SUITE("golden") {
  TEST_CASE("every golden case produces its expected output") {
    fs::current_path(sourceDir());  // paths in messages are relative to the repository
    bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
    auto cases = goldens();
    REQUIRE_FALSE(cases.empty());
    for (const auto& g : cases) {
      CAPTURE(g.name);
      auto run = runCheck({g.input.generic_string()});
      std::string actual = run.out + "exit status: " + std::to_string(run.status) + "\n";
      int worst = run.status;
      if (hasTests(g.input)) {
        auto tests = runTests(g.input);
        actual +=
            "--- nomos test\n" + tests.out + "exit status: " + std::to_string(tests.status) + "\n";
        worst = std::max(worst, tests.status);
      }
      if (update) {
        writeText(g.expected, actual);
        continue;
      }
      REQUIRE_MESSAGE(fs::exists(g.expected),
                      "missing " << g.expected.filename() << " (run with UPDATE_GOLDEN=1)");
      CHECK(actual == readText(g.expected));
      if (g.name.starts_with("fail_")) {
        CHECK_MESSAGE(worst == 1, g.name << " must fail with exit status 1");
      } else {
        CHECK_MESSAGE(worst != 2, g.name << " must not be an I/O failure");
      }
    }
  }

  TEST_CASE("every diagnostic code has at least one golden case") {
    std::string all;
    for (const auto& g : goldens()) {
      if (fs::exists(g.expected)) all += readText(g.expected);
    }
    std::vector<std::string> missing;
    for (const auto& info : nomos::diag::allDiagnostics()) {
      // Codes that need the file system in a special state are covered by the driver's
      // hostile-input tests instead of goldens.
      // N3071 needs more than 100,000 findings: its explain page's script (run by
      // explain_test.cpp) generates such an input instead.
      static const std::set<std::string_view> kNotGolden = {"N0001", "N0002", "N0003", "N0004",
                                                            "N0005", "N0006", "N3071"};
      if (kNotGolden.count(info.code)) continue;
      if (all.find(std::string("[") + std::string(info.code) + "]") == std::string::npos) {
        missing.emplace_back(info.code);
      }
    }
    CHECK_MESSAGE(missing.empty(),
                  "codes without a golden case: " << fmt::format("{}", fmt::join(missing, ", ")));
  }

  TEST_CASE("every bundled example gives exactly the findings its expectation lists") {
    // tests/golden-examples/NAME.expected pins `nomos check examples/NAME`; each example's
    // README lists the same findings in words.
    fs::current_path(sourceDir());
    bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
    std::set<fs::path> examples;
    for (const auto& e : fs::directory_iterator(sourceDir() / "examples")) {
      if (e.is_directory() && e.path().filename() != "tutorial")
        examples.insert(e.path().filename());
    }
    REQUIRE(examples.size() >= 5);
    for (const auto& name : examples) {
      CAPTURE(name);
      auto run = runCheck({"examples/" + name.string()});
      std::string actual = run.out + "exit status: " + std::to_string(run.status) + "\n";
      fs::path expected = sourceDir() / "tests" / "golden-examples" / (name.string() + ".expected");
      if (update) {
        writeText(expected, actual);
        continue;
      }
      REQUIRE_MESSAGE(fs::exists(expected),
                      "missing " << expected.filename() << " (run with UPDATE_GOLDEN=1)");
      CHECK(actual == readText(expected));
      CHECK(run.status != 2);
    }
  }
}
