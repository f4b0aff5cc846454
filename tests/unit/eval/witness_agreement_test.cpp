// The evaluation agrees with the analysis: in the witness of every conflict, contradiction
// and resolved pair that `nomos check` finds, both norms apply, their clash meets there, and
// it comes out resolved exactly when the analysis resolved it (same winner).
#include <doctest/doctest.h>

#include "analysis/analysis.h"
#include "eval_support.h"

namespace fs = std::filesystem;
using namespace nomos::testing;
using nomos::eval::Truth;

namespace {

void crossCheck(const std::vector<std::string>& paths, std::size_t& checked) {
  auto e = evaluateFiles(paths);
  nomos::diag::DiagnosticEngine diags;
  auto result = nomos::analysis::analyze(e->program(), diags);
  for (const auto& f : result.findings) {
    bool pair = f.kind == nomos::analysis::FindingKind::Conflict ||
                f.kind == nomos::analysis::FindingKind::Contradiction;
    if (!pair || !f.witness || f.second == nomos::model::kNone) continue;
    nlohmann::json w = f.witness->json();
    if (!w.contains("actor") || !w.contains("action")) continue;
    nlohmann::json s = {{"actor", w["actor"]},
                        {"action", w["action"].is_array() ? w["action"][0] : w["action"]},
                        {"facts", w.value("facts", nlohmann::json::object())}};
    nlohmann::json dims = nlohmann::json::object();
    nlohmann::json given = w.value("dimensions", nlohmann::json::object());
    for (const auto& [k, v] : given.items()) {
      if (v != nomos::analysis::kRemainderValue) dims[k] = v;  // an unnamed value stays free
    }
    s["dimensions"] = dims;
    if (w.contains("date")) s["date"] = w["date"];
    CAPTURE(f.message);
    CAPTURE(s.dump());
    auto ev = e->evaluate(s.dump());
    const auto* a = ev.find(f.first);
    const auto* b = ev.find(f.second);
    REQUIRE(a != nullptr);
    REQUIRE(b != nullptr);
    CHECK(a->applies == Truth::Yes);
    CHECK(b->applies == Truth::Yes);
    const auto* c = ev.clashBetween(f.first, f.second);
    REQUIRE(c != nullptr);
    CHECK(c->clash.resolution.resolved == f.resolution.resolved);
    if (f.resolution.resolved) CHECK(c->clash.resolution.winner == f.resolution.winner);
    ++checked;
  }
}

}  // namespace

TEST_CASE(
    "the witnesses of the analysis's pair findings are situations where eval finds the same "
    "clash") {
  std::size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(sourceDir() / "examples")) {
    bool own = false;
    if (!entry.is_directory()) continue;
    for (const auto& f : fs::directory_iterator(entry.path()))
      own |= f.path().extension() == ".nomos";
    if (own) crossCheck({entry.path().string()}, checked);
  }
  for (const auto& entry : fs::directory_iterator(sourceDir() / "tests" / "golden")) {
    std::string name = entry.path().filename().string();
    bool pairCase = name.starts_with("fail_conflict") || name.starts_with("note_resolved") ||
                    name.starts_with("warn_contradiction") || name.starts_with("fail_agreement") ||
                    name.starts_with("note_lex") || name.starts_with("note_prevails");
    if (pairCase && entry.path().extension() == ".nomos")
      crossCheck({entry.path().string()}, checked);
  }
  CHECK(checked >= 20);
}
