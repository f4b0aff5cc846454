// Shared by the fuzz targets: run the whole `check` pipeline on one program text, render
// every output into memory, and fail loudly on anything a user could never be allowed to see.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "diag/render.h"
#include "driver/compilation.h"

namespace nomos::fuzz {

/// A private directory in shared memory for the one input file each run writes.
inline const std::filesystem::path& scratchFile() {
  static const std::filesystem::path file = [] {
    std::filesystem::path base =
        std::filesystem::exists("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
    auto dir = base / ("nomos-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return dir / "input.nomos";
  }();
  return file;
}

inline void runPipeline(std::string_view text) {
  {
    std::ofstream out(scratchFile(), std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
  }
  driver::Options options;
  options.paths = {scratchFile().string()};
  options.today = model::dateFromCivil(2026, 1, 1);
  driver::Compilation c(options);
  c.run();
  std::ostringstream sink;
  c.renderDiagnostics(sink);  // text, with snippets and carets
  sink << diag::jsonText(diag::diagnosticsJson(c.sources(), c.diags()), -1);
  // The SARIF rules carry the explain pages, which do not depend on the input: serialising
  // them on every run cost most of the time, so only the results are written out.
  auto sarif = diag::diagnosticsSarif(c.sources(), c.diags(), "fuzz");
  sink << diag::jsonText(sarif["runs"][0]["results"], -1);
  if (sarif["runs"][0]["tool"]["driver"]["rules"].size() > c.diags().all().size()) std::abort();
  // Every diagnostic must carry a registered code and, when it is about the file, a span
  // inside the file.
  for (const auto& d : c.diags().all()) {
    if (d.code().empty()) std::abort();
    if (d.span.valid() && d.span.end > c.sources().text(d.span.file).size()) std::abort();
    if (d.span.valid() && d.span.begin > d.span.end) std::abort();
  }
}

}  // namespace nomos::fuzz
