// Helpers for the evaluation's tests: compile rule text in-process (through a scratch file, as
// the driver reads files), evaluate situations, and run `nomos test` / `nomos eval` in-process.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/engine.h"
#include "driver/compilation.h"
#include "driver/evaluate.h"
#include "eval/evaluator.h"
#include "eval/situation_input.h"
#include "eval/test_runner.h"
#include "model/date.h"
#include "unit/driver/test_support.h"

namespace nomos::testing {

inline driver::Options optionsFor(std::vector<std::string> paths) {
  driver::Options o;
  o.paths = std::move(paths);
  o.today = model::dateFromCivil(2026, 1, 1);
  o.stdlibDir = (sourceDir() / "stdlib").string();
  return o;
}

/// The ```nomos blocks of a Markdown page.
inline std::vector<std::string> nomosBlocks(const std::string& text) {
  std::vector<std::string> blocks;
  std::size_t pos = 0;
  while ((pos = text.find("```nomos\n", pos)) != std::string::npos) {
    pos += 9;
    std::size_t end = text.find("\n```", pos);
    if (end == std::string::npos) break;
    blocks.push_back(text.substr(pos, end - pos + 1));
    pos = end + 4;
  }
  return blocks;
}

/// LANGUAGE.md §3–§7 as one file: the running example and its test (the §2 block declares a
/// module of its own and is left out).
inline std::string specExample() {
  auto blocks = nomosBlocks(readText(languageSpec()));
  std::string text;
  for (std::size_t i = 1; i < blocks.size(); ++i) text += blocks[i] + "\n";
  return text;
}

/// A compiled program with its evaluator, kept alive together.
struct Evaluated {
  std::unique_ptr<driver::Compilation> compilation;
  diag::DiagnosticEngine regionDiags;
  std::unique_ptr<analysis::Engine> engine;
  std::unique_ptr<eval::Evaluator> evaluator;

  const model::Program& program() const { return *compilation->program(); }

  /// A situation from JSON text; the situation must be valid.
  eval::Situation situation(const std::string& json) const {
    eval::Vocabulary vocabulary(program());
    auto in = eval::situationFromJson(vocabulary, nlohmann::json::parse(json));
    std::string errors;
    for (const auto& e : in.errors) errors += e + "\n";
    for (const auto& p : eval::validate(program(), in.situation)) errors += p.message + "\n";
    REQUIRE_MESSAGE(errors.empty(), errors);
    return in.situation;
  }
  eval::Evaluation evaluate(const std::string& json) const {
    return evaluator->evaluate(situation(json));
  }

  model::Index norm(const std::string& name) const {
    for (model::Index n = 0; n < program().norms.size(); ++n) {
      if (program().norms[n].name == name) return n;
    }
    FAIL("no norm " << name);
    return model::kNone;
  }
  const model::Test& test(const std::string& name) const {
    for (const auto& t : program().tests) {
      if (t.name == name) return t;
    }
    FAIL("no test " << name);
    return program().tests.front();
  }
};

inline std::unique_ptr<Evaluated> evaluateFiles(std::vector<std::string> paths) {
  auto e = std::make_unique<Evaluated>();
  driver::Options o = optionsFor(std::move(paths));
  o.analyze = false;
  e->compilation = std::make_unique<driver::Compilation>(o);
  REQUIRE(e->compilation->run());
  if (!e->compilation->frontEndOk()) {
    std::ostringstream out;
    e->compilation->renderDiagnostics(out);
    FAIL("the front end failed:\n" << out.str());
  }
  e->engine = std::make_unique<analysis::Engine>(*e->compilation->program(), e->regionDiags);
  e->evaluator = std::make_unique<eval::Evaluator>(*e->engine);
  return e;
}

/// Compiles one file of rule text.
inline std::unique_ptr<Evaluated> evaluateText(const std::string& name, const std::string& text) {
  auto file = scratchDir("eval/src-" + name) / (name + ".nomos");
  writeText(file, text);
  return evaluateFiles({file.string()});
}

struct CommandRun {
  int status = 0;
  std::string out;
  std::string err;
};

/// `nomos test PATHS` in-process.
inline CommandRun runTestCommand(std::vector<std::string> paths, driver::TestOptions to = {}) {
  CommandRun r;
  std::ostringstream out, err;
  r.status = driver::test(optionsFor(std::move(paths)), to, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

/// `nomos eval PATHS` in-process.
inline CommandRun runEvalCommand(std::vector<std::string> paths, const driver::EvalOptions& eo) {
  CommandRun r;
  std::ostringstream out, err;
  r.status = driver::eval(optionsFor(std::move(paths)), eo, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

/// Replaces the one occurrence of `from` in `text` (the test fails if there is none).
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find(from);
  REQUIRE_MESSAGE(pos != std::string::npos, "the text has no `" << from << "`");
  return text.replace(pos, from.size(), to);
}

}  // namespace nomos::testing
