// The reports of `nomos test`: text for people (one line per test, the diagnostics of each
// failure, and the closing line `N passed, M failed` that CI reads), JSON for tools, and JUnit
// XML for CI services.
#pragma once

#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "eval/test_runner.h"
#include "source/source_manager.h"

namespace nomos::eval {

/// `PASS name` / `FAIL name` / `ERROR name`, each failure's diagnostics, then the closing
/// line. Errors (N4001, N4003) count as failures there: the line is read by CI.
void renderTestText(std::ostream& out, const source::SourceManager& sm, const TestRun& run,
                    bool color);

/// "3 passed, 1 failed".
std::string closingLine(const TestRun& run);

/// {"tests": [{name, file, line, status, expectations, diagnostics}], "summary": {...}}.
nlohmann::json testRunJson(const source::SourceManager& sm, const TestRun& run);

/// JUnit XML: one <testsuite> per file, one <testcase> per test, <failure> / <error> with the
/// rendered diagnostics.
std::string testRunJUnit(const source::SourceManager& sm, const TestRun& run);

}  // namespace nomos::eval
