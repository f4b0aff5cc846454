#include "driver/evaluate.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "analysis/engine.h"
#include "diag/render.h"
#include "eval/answer.h"
#include "eval/test_report.h"
#include "eval/test_runner.h"
#include "source/file_io.h"

namespace nomos::driver {

namespace fs = std::filesystem;

namespace {

/// The front end only: parse, resolve. Returns an exit status when nothing may be evaluated.
std::optional<int> compileFrontEnd(Compilation& c, std::ostream& out, std::ostream& err) {
  if (!c.run()) {
    c.renderDiagnostics(err);
    return kExitUsage;
  }
  if (!c.frontEndOk() || c.program() == nullptr) {
    c.renderDiagnostics(out);
    return kExitErrors;
  }
  return std::nullopt;
}

Options frontEndOptions(const Options& options) {
  Options o = options;
  o.analyze = false;  // the evaluation prepares the regions it needs itself
  o.lints = false;    // warnings about the rule files are `nomos check`'s business
  return o;
}

bool isInput(const Compilation& c, const fs::path& target) {
  std::error_code ec;
  fs::path t = fs::weakly_canonical(target, ec);
  for (source::FileId id = 0; id < c.sources().size(); ++id) {
    if (fs::weakly_canonical(c.sources().path(id), ec) == t) return true;
  }
  for (const auto& p : c.options().paths) {
    if (fs::weakly_canonical(p, ec) == t) return true;
  }
  return false;
}

int reportIoFailure(Compilation& c, std::ostream& err, diag::DiagId id, const std::string& path,
                    const std::string& why) {
  auto& d = why.empty() ? c.diags().report(id, {}, path) : c.diags().report(id, {}, path, why);
  diag::renderText(err, c.sources(), d, diag::TextStyle{c.options().color});
  return kExitUsage;
}

/// An input stream for a path, "-" being standard input.
struct InputFile {
  std::ifstream file;
  std::istream* stream = nullptr;
  std::string error;

  explicit InputFile(const std::string& path) {
    if (path == "-") {
      stream = &std::cin;
      return;
    }
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      error = "it is a directory";
      return;
    }
    file.open(path, std::ios::binary);
    if (!file) {
      error = fs::exists(path, ec) ? "permission denied" : "no such file or directory";
      return;
    }
    stream = &file;
  }
};

void renderSituationErrors(Compilation& c, std::ostream& out,
                           const std::vector<std::string>& errors, bool json) {
  std::size_t mark = c.diags().size();
  for (const auto& e : errors) c.diags().report(diag::DiagId::InvalidSituation, {}, e);
  if (json) {
    nlohmann::json list = nlohmann::json::array();
    for (std::size_t i = mark; i < c.diags().size(); ++i)
      list.push_back(diag::diagnosticJson(c.sources(), c.diags().all()[i]));
    out << diag::jsonText(nlohmann::json{{"errors", std::move(list)}}) << "\n";
    return;
  }
  for (std::size_t i = mark; i < c.diags().size(); ++i) {
    diag::renderText(out, c.sources(), c.diags().all()[i], diag::TextStyle{c.options().color});
  }
}

std::vector<std::string> problemsOf(const model::Program& p, const eval::SituationInput& in) {
  std::vector<std::string> errors = in.errors;
  if (errors.empty()) {
    for (const auto& problem : eval::validate(p, in.situation)) errors.push_back(problem.message);
  }
  return errors;
}

/// `--situations`: one answer per line, in the order of the questions.
int evalBatch(Compilation& c, const eval::Evaluator& evaluator, const EvalOptions& eo,
              std::ostream& out, std::ostream& err) {
  InputFile input(eo.situationsFile);
  if (!input.stream)
    return reportIoFailure(c, err, diag::DiagId::CannotReadFile, eo.situationsFile, input.error);
  const auto& program = *c.program();
  eval::Vocabulary vocabulary(program);
  std::string line;
  std::size_t lineNo = 0, invalid = 0;
  std::string buffer;
  while (std::getline(*input.stream, line)) {
    ++lineNo;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    eval::SituationInput in;
    try {
      in = eval::situationFromJson(vocabulary, nlohmann::json::parse(line));
    } catch (const nlohmann::json::parse_error& e) {
      in.errors.push_back(fmt::format("line {} is not valid JSON: {}", lineNo, e.what()));
    }
    std::vector<std::string> errors = problemsOf(program, in);
    if (!errors.empty()) {
      ++invalid;
      if (eo.json) {
        nlohmann::json j = {{"line", lineNo}, {"error", {{"code", "N4003"}, {"messages", errors}}}};
        if (!in.id.is_null()) j["id"] = in.id;
        buffer += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      } else {
        std::string all;
        for (const auto& e : errors) all += (all.empty() ? "" : "; ") + e;
        buffer += fmt::format("{}: error[N4003]: invalid situation: {}",
                              in.id.is_null() ? std::to_string(lineNo) : in.id.dump(), all);
      }
      buffer += "\n";
      continue;
    }
    eval::Evaluation e = evaluator.evaluate(in.situation);
    if (eo.json) {
      nlohmann::json j = eval::answerJson(evaluator, in.situation, e, &c.sources());
      j["line"] = lineNo;
      if (!in.id.is_null()) j["id"] = in.id;
      buffer += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    } else {
      buffer += fmt::format("{}: {}", in.id.is_null() ? std::to_string(lineNo) : in.id.dump(),
                            eval::answerLine(evaluator, in.situation, e));
    }
    buffer += "\n";
    if (buffer.size() > (1u << 20)) {
      out << buffer;
      buffer.clear();
    }
  }
  out << buffer;
  if (invalid > 0) {
    err << fmt::format("nomos: {} of the situations {} invalid (N4003)\n", invalid,
                       invalid == 1 ? "is" : "are");
  }
  return invalid > 0 ? kExitErrors : kExitOk;
}

}  // namespace

int test(const Options& options, const TestOptions& to, std::ostream& out, std::ostream& err) {
  Options o = frontEndOptions(options);
  if (to.format == TestFormat::Json) o.format = OutputFormat::Json;
  Compilation c(o);
  if (auto status = compileFrontEnd(c, out, err)) return *status;

  diag::DiagnosticEngine regionDiags;  // a norm too complex to analyse makes its tests undecided
  analysis::Engine engine(*c.program(), regionDiags);
  eval::Evaluator evaluator(engine);
  eval::TestSelection selection;
  selection.filter = to.filter;
  eval::TestRun run = eval::runTests(evaluator, selection);

  std::string report;
  switch (to.format) {
    case TestFormat::Text: {
      std::ostringstream text;
      eval::renderTestText(text, c.sources(), run, o.color && to.output.empty());
      report = text.str();
      break;
    }
    case TestFormat::Json:
      report = eval::testRunJson(c.sources(), run)
                   .dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
               "\n";
      break;
    case TestFormat::JUnit:
      report = eval::testRunJUnit(c.sources(), run);
      break;
  }
  if (to.output.empty() || to.output == "-") {
    out << report;
  } else {
    fs::path file(to.output);
    if (isInput(c, file))
      return reportIoFailure(c, err, diag::DiagId::OutputIsInput, file.string(), "");
    std::error_code ec;
    if (fs::is_directory(file, ec)) {
      return reportIoFailure(c, err, diag::DiagId::CannotWriteFile, file.string(),
                             "it is a directory");
    }
    if (auto why = source::writeFileAtomic(file, report); !why.empty()) {
      return reportIoFailure(c, err, diag::DiagId::CannotWriteFile, file.string(), why);
    }
    if (to.format != TestFormat::Text) {
      for (const auto& t : run.tests) {
        if (t.status != eval::TestStatus::Passed)
          out << (t.status == eval::TestStatus::Failed ? "FAIL " : "ERROR ") << t.test->name
              << "\n";
      }
    }
    out << eval::closingLine(run) << "\n";
  }
  return run.failed + run.errors > 0 ? kExitErrors : kExitOk;
}

int eval(const Options& options, const EvalOptions& eo, std::ostream& out, std::ostream& err) {
  const auto& f = eo.flags;
  if (eo.situationFile.empty() && eo.situationsFile.empty() && f.actors.empty() &&
      f.action.empty() && f.sets.empty() && f.facts.empty() && f.date.empty()) {
    err << "nomos: error: give a situation: --situation FILE, --situations FILE, or --actor CLASS "
           "--action ACTION "
           "[--set DIM=VALUE] [--fact NAME[=VALUE]] [--date DATE]\n";
    return kExitUsage;
  }
  Options o = frontEndOptions(options);
  if (eo.json) o.format = OutputFormat::Json;
  Compilation c(o);
  if (auto status = compileFrontEnd(c, out, err)) return *status;

  diag::DiagnosticEngine regionDiags;
  analysis::Engine engine(*c.program(), regionDiags);
  eval::Evaluator evaluator(engine);
  if (!eo.situationsFile.empty()) return evalBatch(c, evaluator, eo, out, err);

  const auto& program = *c.program();
  eval::Vocabulary vocabulary(program);
  eval::SituationInput in;
  if (!eo.situationFile.empty()) {
    InputFile input(eo.situationFile);
    if (!input.stream)
      return reportIoFailure(c, err, diag::DiagId::CannotReadFile, eo.situationFile, input.error);
    std::stringstream text;
    text << input.stream->rdbuf();
    try {
      in = eval::situationFromJson(vocabulary, nlohmann::json::parse(text.str()));
    } catch (const nlohmann::json::parse_error& e) {
      in.errors.push_back(fmt::format("`{}` is not valid JSON: {}", eo.situationFile, e.what()));
    }
  } else {
    in = eval::situationFromFlags(vocabulary, eo.flags);
  }
  std::vector<std::string> errors = problemsOf(program, in);
  if (!errors.empty()) {
    renderSituationErrors(c, out, errors, eo.json);
    return kExitErrors;
  }
  eval::Evaluation e = evaluator.evaluate(in.situation);
  if (eo.json) {
    nlohmann::json j = eval::answerJson(evaluator, in.situation, e, &c.sources());
    if (!in.id.is_null()) j["id"] = in.id;
    out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    eval::renderAnswerText(out, evaluator, in.situation, e, &c.sources());
  }
  return kExitOk;
}

}  // namespace nomos::driver
