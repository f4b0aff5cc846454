#include "eval/test_runner.h"

#include <fmt/format.h>

#include "eval/reasons.h"
#include "eval/situation.h"

namespace nomos::eval {

const char* testStatusName(TestStatus s) {
  switch (s) {
    case TestStatus::Passed: return "passed";
    case TestStatus::Failed: return "failed";
    case TestStatus::Error: return "error";
  }
  return "error";
}

TestReport runTest(const Evaluator& evaluator, const model::Test& test) {
  const auto& program = evaluator.program();
  TestReport report;
  report.test = &test;
  diag::DiagnosticEngine diags;

  Situation situation = Situation::fromTest(test);
  std::vector<SituationProblem> problems = validate(program, situation);
  bool needsAction = false;
  for (const auto& x : test.expectations) needsAction |= x.kind != model::Test::ExpectKind::Overlap;
  if (needsAction && situation.action == model::kNone) {
    problems.push_back({"the test names no action, and its expectations are about one", test.span,
                        "name the action with `doing`, as in `given Company doing disclose;`"});
  }
  if (!problems.empty()) {
    report.status = TestStatus::Error;
    for (const auto& p : problems) {
      auto& d = diags.report(diag::DiagId::InvalidSituation, p.span, p.message);
      if (!p.help.empty()) d.help.push_back(p.help);
    }
    report.diagnostics.assign(diags.all().begin(), diags.all().end());
    return report;
  }

  Evaluation evaluation = evaluator.evaluate(situation);
  Reasons reasons(evaluator, situation, evaluation);
  bool failed = false, undetermined = false;
  for (const auto& x : test.expectations) {
    ExpectationReport r;
    r.expectation = &x;
    r.text = expectationText(program, x);
    r.outcome = checkExpectation(evaluator, situation, evaluation, x);
    if (r.outcome.holds == Truth::No) {
      failed = true;
      auto& d = diags.report(diag::DiagId::TestFailed, x.span, test.name,
                             fmt::format("expected {}, but {}", r.outcome.expected, r.outcome.found));
      d.related = r.outcome.notes;
      d.help.push_back("the situation: " + reasons.situationText());
      d.help.push_back("if the test states the law correctly, the norms are wrong; otherwise fix the expectation");
    } else if (r.outcome.holds == Truth::Unknown) {
      undetermined = true;
      Unspecified u = r.outcome.dependsOn.value_or(Unspecified{Unspecified::Kind::TooComplex, model::kNone});
      auto& d = diags.report(diag::DiagId::TestUnderspecified, x.span, reasons.unspecifiedName(u));
      d.related = r.outcome.notes;
      if (!r.outcome.dependsWhere.empty()) {
        d.help.push_back(fmt::format("{} depends on {}, and the test does not say: {}", r.outcome.dependsWhere,
                                     reasons.unspecified(u), reasons.unspecifiedHelp(u)));
      } else {
        d.help.push_back(reasons.unspecifiedHelp(u));
      }
    }
    report.expectations.push_back(std::move(r));
  }
  report.status = failed ? TestStatus::Failed : undetermined ? TestStatus::Error : TestStatus::Passed;
  report.diagnostics.assign(diags.all().begin(), diags.all().end());
  return report;
}

TestRun runTests(const Evaluator& evaluator, const TestSelection& selection) {
  const auto& program = evaluator.program();
  TestRun run;
  for (const auto& t : program.tests) {
    if (!selection.includeLibraries && t.module < program.modules.size() && program.modules[t.module].isLibrary) continue;
    if (!selection.filter.empty() && t.name.find(selection.filter) == std::string::npos) continue;
    run.tests.push_back(runTest(evaluator, t));
    switch (run.tests.back().status) {
      case TestStatus::Passed: ++run.passed; break;
      case TestStatus::Failed: ++run.failed; break;
      case TestStatus::Error: ++run.errors; break;
    }
  }
  return run;
}

}  // namespace nomos::eval
