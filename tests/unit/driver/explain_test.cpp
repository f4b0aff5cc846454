// Every diagnostic code has an explain page, and the first ```nomos example on the page
// really triggers that code when checked.
#include <doctest/doctest.h>

#include <cstdlib>
#include <set>

#include "diag/explain.h"
#include "driver/evaluate.h"
#include "test_support.h"

using namespace nomos::testing;

namespace {

std::string firstBlock(std::string_view page, std::string_view fence) {
  auto start = page.find(fence);
  if (start == std::string_view::npos) return {};
  start += fence.size();
  auto end = page.find("\n```", start);
  return std::string(
      page.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start + 1));
}

}  // namespace

TEST_CASE("every diagnostic code has an explain page with a title naming the code") {
  for (const auto& info : nomos::diag::allDiagnostics()) {
    CAPTURE(info.code);
    auto page = nomos::diag::explainPage(info.code);
    REQUIRE(page.has_value());
    CHECK(page->starts_with("# " + std::string(info.code) + ": "));
  }
}

TEST_CASE("the example of every explain page triggers its code") {
  // N0xxx are about files and paths; their pages show shell examples instead.
  for (const auto& info : nomos::diag::allDiagnostics()) {
    if (info.code.starts_with("N0")) continue;
    CAPTURE(info.code);
    INFO(info.code);
    auto page = nomos::diag::explainPage(info.code);
    REQUIRE(page.has_value());
    std::string example = firstBlock(*page, "```nomos\n");
    auto dir = scratchDir("explain-" + std::string(info.code));
    if (example.empty()) {
      // Codes about several files show a shell session instead: run it with this nomos.
      std::string script = firstBlock(*page, "```sh\n");
      CHECK_MESSAGE(!script.empty(), "the page has neither a ```nomos nor a ```sh example");
      if (script.empty()) continue;
      writeText(dir / "example.sh", script);
      std::string cmd = "cd '" + dir.string() + "' && PATH='" + NOMOS_BINARY_DIR +
                        "/bin':\"$PATH\" bash example.sh > output.txt 2>&1";
      [[maybe_unused]] int status = std::system(cmd.c_str());
      std::string output = readText(dir / "output.txt");
      CHECK_MESSAGE(output.find("[" + std::string(info.code) + "]") != std::string::npos,
                    "the example printed: " << output);
      continue;
    }
    // A page cannot hold invalid UTF-8; that one example is made here, as its page describes.
    if (info.code == "N1005") example = "jurisdiction CN \"China\xff\";\n";
    writeText(dir / "example.nomos", example);
    if (info.code.starts_with("N4")) {
      // Test results come from `nomos test`, not `nomos check`.
      nomos::driver::Options o;
      o.paths = {(dir / "example.nomos").string()};
      o.today = nomos::model::dateFromCivil(2026, 1, 1);
      nomos::driver::TestOptions to;
      to.format = nomos::driver::TestFormat::Json;
      std::ostringstream out, err;
      nomos::driver::test(o, to, out, err);
      auto j = nlohmann::json::parse(out.str());
      std::set<std::string> codes;
      for (const auto& t : j["tests"]) {
        for (const auto& d : t["diagnostics"]) codes.insert(d["code"].get<std::string>());
      }
      CHECK_MESSAGE(codes.count(std::string(info.code)) == 1, "nomos test gave " << out.str());
      continue;
    }
    auto run = runCheck({(dir / "example.nomos").string()}, nomos::driver::OutputFormat::Json);
    auto j = nlohmann::json::parse(run.out);
    std::set<std::string> codes;
    for (const auto& d : j["diagnostics"]) codes.insert(d["code"].get<std::string>());
    CHECK_MESSAGE(codes.count(std::string(info.code)) == 1,
                  "the example gave " << j["summary"].dump());
  }
}
