// `nomos test` and `nomos eval`: compile (the front end only; the evaluation prepares its own
// regions), then run the `test` blocks or answer situations. Front-end errors are printed and
// nothing is evaluated (exit 1); unreadable inputs exit 2.
#pragma once

#include <ostream>
#include <string>

#include "driver/compilation.h"
#include "eval/situation_input.h"

namespace nomos::driver {

enum class TestFormat { Text, Json, JUnit };

struct TestOptions {
  TestFormat format = TestFormat::Text;
  /// Only tests whose name contains this text.
  std::string filter;
  /// Where the report goes (written atomically); empty for standard output. The closing line
  /// `N passed, M failed` is printed to standard output either way.
  std::string output;
};

/// Exit status: 0 every test passed, 1 a test failed or could not be decided (or the rule
/// files have errors), 2 usage or I/O failure.
int test(const Options& options, const TestOptions& testOptions, std::ostream& out,
         std::ostream& err);

struct EvalOptions {
  /// A file holding one situation as a JSON object ("-": standard input).
  std::string situationFile;
  /// A JSON Lines file, one situation per line, answered one per line ("-": standard input).
  std::string situationsFile;
  /// The situation as flags, when neither file is given.
  eval::SituationFlags flags;
  bool json = false;
};

/// Exit status: 0 every situation was answered, 1 a situation was invalid (N4003) or the rule
/// files have errors, 2 usage or I/O failure.
int eval(const Options& options, const EvalOptions& evalOptions, std::ostream& out,
         std::ostream& err);

}  // namespace nomos::driver
