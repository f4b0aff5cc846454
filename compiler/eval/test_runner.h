// `nomos test`: every `test` block of the program, evaluated and judged. Each test passes,
// fails (N4002: an expectation is false), or errs (N4001: the answer depends on what the
// situation leaves free; N4003: the situation cannot exist).
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "eval/assertions.h"
#include "eval/evaluator.h"

namespace nomos::eval {

enum class TestStatus : std::uint8_t { Passed, Failed, Error };
const char* testStatusName(TestStatus s);  // "passed", "failed", "error"

struct ExpectationReport {
  const model::Test::Expectation* expectation = nullptr;
  std::string text;  // "expect forbidden by pipl_41"
  ExpectationOutcome outcome;
};

struct TestReport {
  const model::Test* test = nullptr;
  TestStatus status = TestStatus::Passed;
  std::vector<ExpectationReport> expectations;
  /// N4001, N4002, N4003, each at the expectation (or the test) it is about.
  std::vector<diag::Diagnostic> diagnostics;
};

struct TestRun {
  std::vector<TestReport> tests;
  std::size_t passed = 0, failed = 0, errors = 0;
};

struct TestSelection {
  /// Only tests whose name contains this text (all when empty).
  std::string filter;
  /// Tests of library modules (the stdlib) are skipped unless this is set.
  bool includeLibraries = false;
};

/// Runs the program's tests in program order.
TestRun runTests(const Evaluator& evaluator, const TestSelection& selection = {});

/// Runs one test.
TestReport runTest(const Evaluator& evaluator, const model::Test& test);

}  // namespace nomos::eval
