// Helpers for the backends' tests: compile rule text in-process (through a scratch file, as
// the driver reads files) and keep the compilation alive for the backends to read.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "driver/compilation.h"
#include "model/date.h"
#include "unit/driver/test_support.h"

namespace nomos::testing {

inline driver::Options optionsFor(std::vector<std::string> paths) {
  driver::Options o;
  o.paths = std::move(paths);
  o.today = model::dateFromCivil(2026, 1, 1);
  o.stdlibDir = (sourceDir() / "stdlib").string();
  return o;
}

/// Compiles the given files; the front end must succeed.
inline std::unique_ptr<driver::Compilation> compileFiles(std::vector<std::string> paths) {
  auto c = std::make_unique<driver::Compilation>(optionsFor(std::move(paths)));
  REQUIRE(c->run());
  if (!c->frontEndOk()) {
    std::ostringstream out;
    c->renderDiagnostics(out);
    FAIL("the front end failed:\n" << out.str());
  }
  REQUIRE(c->program() != nullptr);
  return c;
}

/// Compiles one file of rule text.
inline std::unique_ptr<driver::Compilation> compileText(const std::string& name,
                                                        const std::string& text) {
  auto dir = scratchDir("backends/src-" + name);
  auto file = dir / (name + ".nomos");
  writeText(file, text);
  return compileFiles({file.string()});
}

/// The language design's cross-border example (tests/golden-docs/spec_cross_border.nomos).
inline std::unique_ptr<driver::Compilation> compileSpecExample() {
  return compileFiles(
      {(sourceDir() / "tests" / "golden-docs" / "spec_cross_border.nomos").string()});
}

}  // namespace nomos::testing
