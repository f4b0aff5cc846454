// A compilation: options in, the phases run in order (load+parse+resolve, analysis), stop
// after the first phase that reported an error. Everything a test needs runs in-process
// through this class; compiler/cli only turns flags into Options.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "diag/diagnostic.h"
#include "diag/render.h"
#include "model/program.h"
#include "source/source_manager.h"

namespace nomos::driver {

enum class OutputFormat { Text, Json, Sarif };

struct Options {
  std::vector<std::string> paths;    // files or directories (all .nomos below them)
  std::vector<std::string> roots;    // -I / --root
  std::string stdlibDir;             // empty: found beside the executable
  std::optional<model::Date> today;  // default: the system date
  bool lints = true;
  bool analyze = true;
  bool color = false;
  bool werror = false;
  OutputFormat format = OutputFormat::Text;
  /// Guards against pointing nomos at the wrong directory (N0006).
  std::size_t maxFiles = 100000;
  /// Threads that parse the input files and render the text output; 0: one per processor.
  unsigned jobs = 1;
  /// False when the process exits right after `check`: its memory is then not freed.
  bool freeAtEnd = true;
};

/// Exit statuses, as documented for pipelines.
inline constexpr int kExitOk = 0;
inline constexpr int kExitErrors = 1;
inline constexpr int kExitUsage = 2;

class Compilation {
 public:
  explicit Compilation(Options options);
  ~Compilation();

  /// Runs the phases. Returns false when an input could not be found or read at all (exit 2).
  bool run();

  const Options& options() const { return options_; }
  const source::SourceManager& sources() const { return sm_; }
  diag::DiagnosticEngine& diags() { return diags_; }
  const diag::DiagnosticEngine& diags() const { return diags_; }
  /// Null when loading failed before sema.
  const model::Program* program() const { return program_.get(); }
  const analysis::Result& analysis() const { return analysis_; }
  const std::vector<std::filesystem::path>& inputFiles() const { return inputs_; }
  /// Did the front end (parse + sema) finish without errors, so later phases could run?
  bool frontEndOk() const { return frontEndOk_; }

  /// 0 no errors; 1 errors (or warnings with werror); 2 when run() returned false.
  int exitStatus() const;

  /// Prints the diagnostics in the chosen format (text ends with a summary line).
  void renderDiagnostics(std::ostream& out) const;

 private:
  bool expandInputs();
  /// Options::jobs with 0 replaced by the number of processors.
  unsigned jobs() const;
  void renderTextInParallel(std::ostream& out, const std::vector<const diag::Diagnostic*>& sorted,
                            const diag::TextStyle& style) const;

  Options options_;
  source::SourceManager sm_;
  diag::DiagnosticEngine diags_;
  std::unique_ptr<model::Program> program_;
  analysis::Result analysis_;
  std::vector<std::filesystem::path> inputs_;
  std::vector<std::filesystem::path> dirRoots_;
  bool ioFailed_ = false;
  bool frontEndOk_ = false;
};

/// Where `import std` is found: $NOMOS_STDLIB, then ../share/nomos/stdlib beside the running
/// executable, then the install prefix.
std::filesystem::path findStdlib();

/// Today's date in UTC.
model::Date systemToday();

/// `nomos check`: compile, print diagnostics to `out`, return the exit status.
int check(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace nomos::driver
