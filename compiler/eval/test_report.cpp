#include "eval/test_report.h"

#include <map>
#include <sstream>

#include <fmt/format.h>

#include "diag/render.h"

namespace nomos::eval {

namespace {

std::string fileOf(const source::SourceManager& sm, const model::Test& t) {
  return t.span.valid() ? sm.path(t.span.file) : std::string();
}

std::uint32_t lineOf(const source::SourceManager& sm, source::Span span) {
  return span.valid() ? sm.lineCol(span.file, span.begin).line : 0;
}

std::string renderDiagnostics(const source::SourceManager& sm, const TestReport& t, bool color) {
  std::ostringstream out;
  for (const auto& d : t.diagnostics) diag::renderText(out, sm, d, diag::TextStyle{color});
  return out.str();
}

std::string xmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // XML 1.0 admits no control characters but tab, newline and carriage return; colour
        // codes never reach here, but a name could hold anything.
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += fmt::format("\\x{:02x}", c);
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

/// The first diagnostic's message, for the failure element's `message` attribute.
std::string headline(const TestReport& t) {
  return t.diagnostics.empty() ? std::string() : t.diagnostics.front().message;
}

}  // namespace

std::string closingLine(const TestRun& run) {
  return fmt::format("{} passed, {} failed", run.passed, run.failed + run.errors);
}

void renderTestText(std::ostream& out, const source::SourceManager& sm, const TestRun& run,
                    bool color) {
  for (const auto& t : run.tests) {
    const char* word = t.status == TestStatus::Passed   ? "PASS"
                       : t.status == TestStatus::Failed ? "FAIL"
                                                        : "ERROR";
    const char* paint = t.status == TestStatus::Passed ? "\x1b[1;32m" : "\x1b[1;31m";
    if (color) {
      out << paint << word << "\x1b[0m " << t.test->name << "\n";
    } else {
      out << word << " " << t.test->name << "\n";
    }
    if (t.status == TestStatus::Passed) continue;
    out << renderDiagnostics(sm, t, color);
  }
  if (run.errors > 0) {
    out << fmt::format("{} test{} could not be decided (N4001, N4003) and count{} as failed\n",
                       run.errors, run.errors == 1 ? "" : "s", run.errors == 1 ? "s" : "");
  }
  if (run.tests.empty()) out << "no tests found\n";
  out << closingLine(run) << "\n";
}

nlohmann::json testRunJson(const source::SourceManager& sm, const TestRun& run) {
  nlohmann::json tests = nlohmann::json::array();
  for (const auto& t : run.tests) {
    nlohmann::json expectations = nlohmann::json::array();
    for (const auto& x : t.expectations) {
      const char* status = x.outcome.holds == Truth::Yes  ? "passed"
                           : x.outcome.holds == Truth::No ? "failed"
                                                          : "undetermined";
      nlohmann::json e = {
          {"expect", x.text}, {"line", lineOf(sm, x.expectation->span)}, {"status", status}};
      if (x.outcome.holds == Truth::No) e["found"] = x.outcome.found;
      expectations.push_back(std::move(e));
    }
    nlohmann::json diags = nlohmann::json::array();
    for (const auto& d : t.diagnostics) diags.push_back(diag::diagnosticJson(sm, d));
    tests.push_back({{"name", t.test->name},
                     {"file", fileOf(sm, *t.test)},
                     {"line", lineOf(sm, t.test->span)},
                     {"status", testStatusName(t.status)},
                     {"expectations", std::move(expectations)},
                     {"diagnostics", std::move(diags)}});
  }
  return {{"tests", std::move(tests)},
          {"summary",
           {{"total", run.tests.size()},
            {"passed", run.passed},
            {"failed", run.failed},
            {"errors", run.errors}}}};
}

std::string testRunJUnit(const source::SourceManager& sm, const TestRun& run) {
  // Suites by file, in the order their first test was run.
  std::vector<std::string> order;
  std::map<std::string, std::vector<const TestReport*>> byFile;
  for (const auto& t : run.tests) {
    std::string file = fileOf(sm, *t.test);
    if (!byFile.count(file)) order.push_back(file);
    byFile[file].push_back(&t);
  }
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format(
      "<testsuites name=\"nomos test\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n",
      run.tests.size(), run.failed, run.errors);
  for (const auto& file : order) {
    const auto& tests = byFile[file];
    std::size_t failures = 0, errors = 0;
    for (const auto* t : tests) {
      failures += t->status == TestStatus::Failed;
      errors += t->status == TestStatus::Error;
    }
    out << fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n",
                       xmlEscape(file), tests.size(), failures, errors);
    for (const auto* t : tests) {
      out << fmt::format("    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\"",
                         xmlEscape(t->test->name), xmlEscape(file), xmlEscape(file),
                         lineOf(sm, t->test->span));
      if (t->status == TestStatus::Passed) {
        out << "/>\n";
        continue;
      }
      const char* element = t->status == TestStatus::Failed ? "failure" : "error";
      std::string type = t->diagnostics.empty() ? "" : std::string(t->diagnostics.front().code());
      out << ">\n"
          << fmt::format("      <{} message=\"{}\" type=\"{}\">{}</{}>\n", element,
                         xmlEscape(headline(*t)), type, xmlEscape(renderDiagnostics(sm, *t, false)),
                         element)
          << "    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
  return out.str();
}

}  // namespace nomos::eval
