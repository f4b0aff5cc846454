// Helpers for the backends' tests: compile rule text in-process (through a scratch file, as
// the driver reads files) and keep the compilation alive for the backends to read.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "driver/compilation.h"
#include "model/date.h"

namespace nomos::testing {

inline std::filesystem::path sourceDir() { return NOMOS_SOURCE_DIR; }

inline std::string readText(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void writeText(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << text;
}

/// A fresh empty directory under the build tree.
inline std::filesystem::path scratchDir(const std::string& name) {
  auto dir = std::filesystem::path(NOMOS_BINARY_DIR) / "test-scratch" / "backends" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

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
inline std::unique_ptr<driver::Compilation> compileText(const std::string& name, const std::string& text) {
  auto dir = scratchDir("src-" + name);
  auto file = dir / (name + ".nomos");
  writeText(file, text);
  return compileFiles({file.string()});
}

/// The language design's cross-border example (tests/golden-docs/spec_cross_border.nomos).
inline std::unique_ptr<driver::Compilation> compileSpecExample() {
  return compileFiles({(sourceDir() / "tests" / "golden-docs" / "spec_cross_border.nomos").string()});
}

}  // namespace nomos::testing
