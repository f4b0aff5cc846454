// The README's first rule file and the output it shows must stay true.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace nomos::testing;

TEST_CASE("the README's first rule file gives the output the README shows") {
  std::string readme = readText(sourceDir() / "README.md");
  auto codeStart = readme.find("```nomos\n");
  REQUIRE(codeStart != std::string::npos);
  codeStart += 9;
  std::string program = readme.substr(codeStart, readme.find("```", codeStart) - codeStart);
  const std::string prompt = "$ nomos check first.nomos\n";
  auto outStart = readme.find(prompt);
  REQUIRE(outStart != std::string::npos);
  outStart += prompt.size();
  std::string shown = readme.substr(outStart, readme.find("```", outStart) - outStart);

  auto dir = scratchDir("readme");
  writeText(dir / "first.nomos", program);
  std::filesystem::current_path(dir);
  auto run = runCheck({"first.nomos"});
  std::filesystem::current_path(sourceDir());
  CHECK(run.status == 1);
  CHECK(run.out == shown);
}
