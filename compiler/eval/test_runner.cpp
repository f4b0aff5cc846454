#include "eval/test_runner.h"

#include <fmt/format.h>

#include "eval/reasons.h"
#include "eval/situation.h"

namespace nomos::eval {

namespace {

/// How many extra evaluations one expectation may spend on trying the values of what the
/// situation leaves free.
constexpr int kSplitBudget = 64;

/// The situations that give `u` each of its values, when it has few: a flag's two values,
/// the leaves of a closed dimension (within the group given, if one was). Empty when the item
/// cannot be enumerated (an open dimension has unnamed values, a count or a date has many).
std::vector<Situation> splits(const model::Program& p, const Situation& s, const Unspecified& u) {
  std::vector<Situation> out;
  if (u.kind == Unspecified::Kind::Fact && p.facts[u.index].kind == model::FactKind::Flag) {
    for (int v = 0; v < 2; ++v) {
      Situation c = s;
      c.facts.push_back({u.index, v, {}});
      out.push_back(std::move(c));
    }
  } else if (u.kind == Unspecified::Kind::Dimension && p.dimensions[u.index].closed) {
    const auto& dim = p.dimensions[u.index];
    Index group = model::kNone;
    for (const auto& v : s.values) {
      if (v.dim == u.index) group = v.value;
    }
    for (Index c = 0; c < dim.categories.size(); ++c) {
      if (!dim.categories[c].children.empty()) continue;
      if (group != model::kNone && !p.categoryWithin(u.index, c, group)) continue;
      Situation sub = s;
      std::erase_if(sub.values, [&](const model::Test::DimValue& v) { return v.dim == u.index; });
      sub.values.push_back({u.index, c, {}});
      out.push_back(std::move(sub));
    }
  }
  return out;
}

/// Judges an expectation; when the answer turns on a free flag or a closed dimension, tries
/// each of its values: an assertion that holds (or fails) whatever they are is decided.
ExpectationOutcome judge(const Evaluator& evaluator, const Situation& s, const Evaluation* given,
                         const model::Test::Expectation& x, int& budget) {
  Evaluation local;
  if (!given) {
    local = evaluator.evaluate(s);
    given = &local;
  }
  ExpectationOutcome out = checkExpectation(evaluator, s, *given, x);
  if (out.holds != Truth::Unknown || !out.dependsOn || budget <= 0) return out;
  std::vector<Situation> cases = splits(evaluator.program(), s, *out.dependsOn);
  if (cases.empty() || static_cast<int>(cases.size()) > budget) return out;
  budget -= static_cast<int>(cases.size());
  std::optional<ExpectationOutcome> first;
  for (const auto& c : cases) {
    ExpectationOutcome r = judge(evaluator, c, nullptr, x, budget);
    if (r.holds == Truth::Unknown || (first && first->holds != r.holds)) return out;
    if (!first) first = std::move(r);
  }
  if (first->holds == Truth::No) {
    Reasons reasons(evaluator, s, *given);
    first->found +=
        fmt::format("; it fails for every value of {}", reasons.unspecified(*out.dependsOn));
  }
  return *first;
}

}  // namespace

const char* testStatusName(TestStatus s) {
  switch (s) {
    case TestStatus::Passed:
      return "passed";
    case TestStatus::Failed:
      return "failed";
    case TestStatus::Error:
      return "error";
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
    int budget = kSplitBudget;
    r.outcome = judge(evaluator, situation, &evaluation, x, budget);
    if (r.outcome.holds == Truth::No) {
      failed = true;
      auto& d =
          diags.report(diag::DiagId::TestFailed, x.span, test.name,
                       fmt::format("expected {}, but {}", r.outcome.expected, r.outcome.found));
      d.related = r.outcome.notes;
      d.help.push_back("the situation: " + reasons.situationText());
      d.help.push_back(
          "if the test states the law correctly, the norms are wrong; otherwise fix the "
          "expectation");
    } else if (r.outcome.holds == Truth::Unknown) {
      undetermined = true;
      Unspecified u =
          r.outcome.dependsOn.value_or(Unspecified{Unspecified::Kind::TooComplex, model::kNone});
      auto& d = diags.report(diag::DiagId::TestUnderspecified, x.span, reasons.unspecifiedName(u));
      d.related = r.outcome.notes;
      if (!r.outcome.dependsWhere.empty()) {
        d.help.push_back(fmt::format("{} depends on {}, and the test does not say: {}",
                                     r.outcome.dependsWhere, reasons.unspecified(u),
                                     reasons.unspecifiedHelp(u)));
      } else {
        d.help.push_back(reasons.unspecifiedHelp(u));
      }
    }
    report.expectations.push_back(std::move(r));
  }
  report.status = failed         ? TestStatus::Failed
                  : undetermined ? TestStatus::Error
                                 : TestStatus::Passed;
  report.diagnostics.assign(diags.all().begin(), diags.all().end());
  return report;
}

TestRun runTests(const Evaluator& evaluator, const TestSelection& selection) {
  const auto& program = evaluator.program();
  TestRun run;
  for (const auto& t : program.tests) {
    if (!selection.includeLibraries && t.module < program.modules.size() &&
        program.modules[t.module].isLibrary)
      continue;
    if (!selection.filter.empty() && t.name.find(selection.filter) == std::string::npos) continue;
    run.tests.push_back(runTest(evaluator, t));
    switch (run.tests.back().status) {
      case TestStatus::Passed:
        ++run.passed;
        break;
      case TestStatus::Failed:
        ++run.failed;
        break;
      case TestStatus::Error:
        ++run.errors;
        break;
    }
  }
  return run;
}

}  // namespace nomos::eval
