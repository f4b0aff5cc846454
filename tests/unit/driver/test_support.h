// Helpers for the driver's tests: run a compilation in-process and capture its output.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "driver/compilation.h"
#include "model/date.h"

namespace nomos::testing {

inline std::filesystem::path sourceDir() { return NOMOS_SOURCE_DIR; }

/// The spec: ../shared/LANGUAGE.md beside the repository, else the committed copy.
inline std::filesystem::path languageSpec() {
  auto shared = sourceDir().parent_path() / "shared" / "LANGUAGE.md";
  if (std::filesystem::exists(shared)) return shared;
  return sourceDir() / "tests" / "spec" / "LANGUAGE.md";
}

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

struct CheckRun {
  int status = 0;
  std::string out;
};

/// Runs `nomos check` in-process with a fixed date, no colour.
inline CheckRun runCheck(std::vector<std::string> paths,
                         driver::OutputFormat format = driver::OutputFormat::Text,
                         std::vector<std::string> roots = {}, unsigned jobs = 1) {
  driver::Options o;
  o.paths = std::move(paths);
  o.roots = std::move(roots);
  o.jobs = jobs;
  o.today = model::dateFromCivil(2026, 1, 1);
  o.format = format;
  std::ostringstream out, err;
  CheckRun r;
  r.status = driver::check(o, out, err);
  r.out = out.str() + err.str();
  return r;
}

/// A fresh empty directory under the build tree's temp area.
inline std::filesystem::path scratchDir(const std::string& name) {
  auto dir = std::filesystem::path(NOMOS_BINARY_DIR) / "test-scratch" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace nomos::testing
