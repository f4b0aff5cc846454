// `nomos`: flags in, driver options out. No logic lives here.
#include <unistd.h>

#include <cctype>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include "diag/diagnostic.h"
#include "diag/explain.h"
#include "driver/compilation.h"
#include "driver/evaluate.h"
#include "driver/outputs.h"
#include "model/date.h"

namespace {

using nomos::driver::Options;
using nomos::driver::OutputFormat;

bool isTerminal() { return isatty(1) != 0; }

/// Flags shared by every subcommand that compiles a repository.
struct CommonFlags {
  std::vector<std::string> paths;
  std::vector<std::string> roots;
  std::string color = "auto";
  std::string today;
  std::string stdlib;
  std::size_t maxFiles = 100000;
  unsigned jobs = 0;

  void add(CLI::App* cmd) {
    cmd->add_option("paths", paths, "Rule files or directories (every .nomos file below them)")
        ->required()
        ->type_name("PATH...");
    cmd->add_option("-I,--root", roots,
                    "Extra directory where imported modules are looked up (repeatable)")
        ->allow_extra_args(false)  // `-I dir rules/`: rules/ is a path, not a second root
        ->type_name("DIR");
    cmd->add_option("--color", color, "Colour the text output")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->type_name("auto|always|never");
    cmd->add_option("--today", today, "The date instruments are compared with (default: today)")
        ->type_name("YYYY-MM-DD");
    cmd->add_option("--stdlib", stdlib,
                    "Directory of the standard library (default: beside the binary)")
        ->type_name("DIR");
    cmd->add_option("--max-files", maxFiles,
                    "Refuse to read more .nomos files than this (default: 100000)")
        ->type_name("N");
    cmd->add_option("-j,--jobs", jobs,
                    "Threads that parse the input files (default: one per processor); the "
                    "output is the same for any number")
        ->check(CLI::Range(0u, 256u))
        ->type_name("N");
  }

  /// Fills `o`; returns an error text for a bad value.
  std::string apply(Options& o) const {
    o.paths = paths;
    o.roots = roots;
    o.stdlibDir = stdlib;
    o.maxFiles = maxFiles;
    o.jobs = jobs;
    o.color = color == "always" || (color == "auto" && isTerminal());
    if (!today.empty()) {
      auto d = nomos::model::parseDate(today);
      if (!d) return "--today expects a date such as 2025-01-31, got `" + today + "`";
      o.today = *d;
    }
    return {};
  }
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"nomos — check cyberspace governance rules for conflicts, and publish them"};
  app.set_version_flag("--version", std::string("nomos ") + NOMOS_VERSION);
  app.require_subcommand(1);
  app.footer(R"(Examples:
  nomos check examples/cross_border            check a rule repository
  nomos check rules/ --format json             findings as JSON for tools
  nomos check rules/ --format sarif > r.sarif  for code-scanning services
  nomos test examples/cross_border             run the test blocks
  nomos eval rules/ --situation case.json      what applies in one situation
  nomos explain N3001                          what a diagnostic means and how to fix it

Exit status: 0 no errors, 1 errors found (or warnings with --werror), 2 usage or I/O error.)");

  // ---- check
  CommonFlags checkFlags;
  std::string checkFormat = "text";
  bool werror = false;
  bool noAnalysis = false;
  CLI::App* check =
      app.add_subcommand("check", "Parse, resolve and analyse rule files; print every finding");
  checkFlags.add(check);
  check->add_option("--format", checkFormat, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif"}))
      ->type_name("text|json|sarif");
  check->add_flag("--werror", werror, "Treat warnings as errors for the exit status");
  check->add_flag("--no-analysis", noAnalysis,
                  "Parse and resolve only: report syntax and name errors, skip the conflict, "
                  "overlap and reach checks (a fast first pass while drafting)");
  check->footer(R"(Examples:
  nomos check examples/cross_border
  nomos check -I shared/ rules/eu rules/cn --werror)");

  // ---- explain
  std::string explainCode;
  bool explainList = false;
  CLI::App* explain =
      app.add_subcommand("explain", "Explain a diagnostic code: meaning, example, fix");
  explain->add_option("code", explainCode, "A diagnostic code such as N3001")->type_name("CODE");
  explain->add_flag("--list", explainList, "List every diagnostic code");

  // ---- doc
  CommonFlags docFlags;
  nomos::driver::DocOptions docOptions;
  std::string docFormat = "html";
  CLI::App* docCmd = app.add_subcommand(
      "doc", "Write policy documents: one page per instrument, an index, the findings");
  docFlags.add(docCmd);
  docCmd
      ->add_option("-o,--output", docOptions.output,
                   "Directory for the pages, or - for one document on stdout")
      ->required()
      ->type_name("DIR|-");
  docCmd->add_option("--format", docFormat, "Page format")
      ->check(CLI::IsMember({"html", "markdown", "md"}))
      ->type_name("html|markdown");
  docCmd->footer(R"(Documents are written even when the analysis finds conflicts (they show them);
nothing is written when the rule files have syntax or name errors.
Examples:
  nomos doc examples/cross_border -o site/
  nomos doc rules/ --format markdown -o - > RULES.md)");

  // ---- export
  CommonFlags exportFlags;
  nomos::driver::ExportOptions exportOptions;
  std::string exportFormat = "json";
  CLI::App* exportCmd =
      app.add_subcommand("export", "Export the resolved rules as JSON (nomos-export) or W3C ODRL");
  exportFlags.add(exportCmd);
  exportCmd->add_option("--format", exportFormat, "Export format")
      ->check(CLI::IsMember({"json", "odrl"}))
      ->type_name("json|odrl");
  exportCmd->add_option("-o,--output", exportOptions.output, "Output file (default: stdout)")
      ->type_name("FILE|-");
  exportCmd
      ->add_option("--vocabulary", exportOptions.vocabulary,
                   "ODRL: IRI the nomos: prefix stands for (default urn:nomos:)")
      ->type_name("IRI");
  exportCmd->footer(R"(Examples:
  nomos export examples/cross_border --format json -o rules.json
  nomos export rules/ --format odrl -o policies.jsonld)");

  // ---- test
  CommonFlags testFlags;
  nomos::driver::TestOptions testOptions;
  std::string testFormat = "text";
  CLI::App* testCmd = app.add_subcommand(
      "test", "Run the `test` blocks of rule files: PASS/FAIL per test, then `N passed, M failed`");
  testFlags.add(testCmd);
  testCmd->add_option("--format", testFormat, "Report format")
      ->check(CLI::IsMember({"text", "json", "junit"}))
      ->type_name("text|json|junit");
  testCmd->add_option("--filter", testOptions.filter, "Run only the tests whose name contains TEXT")
      ->type_name("TEXT");
  testCmd
      ->add_option("-o,--output", testOptions.output,
                   "Write the report to FILE; the closing line still goes to stdout")
      ->type_name("FILE");
  testCmd->footer(
      R"(Exit status: 0 every test passed, 1 a test failed or could not be decided, 2 usage or I/O error.
Examples:
  nomos test examples/cross_border
  nomos test rules/ --filter "CLOUD Act"
  nomos test rules/ --format junit -o test-results.xml)");

  // ---- eval
  CommonFlags evalFlags;
  nomos::driver::EvalOptions evalOptions;
  std::string evalFormat = "text";
  CLI::App* evalCmd = app.add_subcommand(
      "eval", "Evaluate a situation: the norms that apply, the status per issuer, the conflicts");
  evalFlags.add(evalCmd);
  auto* situationOpt = evalCmd
                           ->add_option("--situation", evalOptions.situationFile,
                                        "A JSON file holding one situation (- for stdin)")
                           ->type_name("FILE");
  auto* situationsOpt =
      evalCmd
          ->add_option(
              "--situations", evalOptions.situationsFile,
              "A JSON Lines file, one situation per line; one answer per line (- for stdin)")
          ->type_name("FILE");
  situationOpt->excludes(situationsOpt);
  auto* actorOpt = evalCmd
                       ->add_option("--actor", evalOptions.flags.actors,
                                    "An actor class the actor belongs to (repeatable)")
                       ->allow_extra_args(false)
                       ->type_name("CLASS");
  auto* actionOpt = evalCmd->add_option("--action", evalOptions.flags.action, "The action done")
                        ->type_name("ACTION");
  auto* setOpt =
      evalCmd->add_option("--set", evalOptions.flags.sets, "A dimension's value (repeatable)")
          ->allow_extra_args(false)
          ->type_name("DIM=VALUE");
  auto* factOpt =
      evalCmd
          ->add_option("--fact", evalOptions.flags.facts,
                       "A fact: NAME (true), NAME=false, NAME=N for a count (repeatable)")
          ->allow_extra_args(false)
          ->type_name("NAME[=VALUE]");
  auto* dateOpt = evalCmd
                      ->add_option("--date", evalOptions.flags.date,
                                   "The date of the situation (default: unspecified)")
                      ->type_name("YYYY-MM-DD");
  for (auto* flag : {actorOpt, actionOpt, setOpt, factOpt, dateOpt}) {
    flag->excludes(situationOpt);
    flag->excludes(situationsOpt);
  }
  evalCmd->add_option("--format", evalFormat, "Answer format")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("text|json");
  evalCmd->footer(
      R"(What the situation does not give is unspecified: an answer that depends on it says so.
Examples:
  nomos eval examples/cross_border --actor ServiceProvider --action disclose \
      --set location=CN --set recipient=US --fact legal_process --fact approved=false --date 2024-01-01
  nomos eval rules/ --situation case.json --format json
  nomos eval rules/ --situations cases.jsonl --format json > answers.jsonl)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : nomos::driver::kExitUsage;
  }

  if (check->parsed()) {
    Options o;
    if (auto err = checkFlags.apply(o); !err.empty()) {
      std::cerr << "nomos: error: " << err << "\n";
      return nomos::driver::kExitUsage;
    }
    o.werror = werror;
    o.analyze = !noAnalysis;
    o.freeAtEnd = false;  // the process ends after this command
    o.format = checkFormat == "json"    ? OutputFormat::Json
               : checkFormat == "sarif" ? OutputFormat::Sarif
                                        : OutputFormat::Text;
    return nomos::driver::check(o, std::cout, std::cerr);
  }

  if (explain->parsed()) {
    if (explainList) {
      for (const auto& i : nomos::diag::allDiagnostics()) {
        std::cout << i.code << "  " << nomos::diag::severityName(i.severity) << "  " << i.name
                  << "\n";
      }
      return 0;
    }
    if (explainCode.empty()) {
      std::cerr << "nomos: error: give a code (e.g. `nomos explain N3001`) or --list\n";
      return nomos::driver::kExitUsage;
    }
    for (char& ch : explainCode)
      ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));  // n3001 too
    auto page = nomos::diag::explainPage(explainCode);
    if (!page) {
      std::cerr << "nomos: error: no diagnostic has the code `" << explainCode
                << "`; `nomos explain --list` lists them\n";
      return nomos::driver::kExitUsage;
    }
    std::cout << *page;
    return 0;
  }

  if (testCmd->parsed() || evalCmd->parsed()) {
    Options o;
    const CommonFlags& flags = testCmd->parsed() ? testFlags : evalFlags;
    if (auto err = flags.apply(o); !err.empty()) {
      std::cerr << "nomos: error: " << err << "\n";
      return nomos::driver::kExitUsage;
    }
    if (testCmd->parsed()) {
      testOptions.format = testFormat == "json"    ? nomos::driver::TestFormat::Json
                           : testFormat == "junit" ? nomos::driver::TestFormat::JUnit
                                                   : nomos::driver::TestFormat::Text;
      return nomos::driver::test(o, testOptions, std::cout, std::cerr);
    }
    evalOptions.json = evalFormat == "json";
    return nomos::driver::eval(o, evalOptions, std::cout, std::cerr);
  }

  if (docCmd->parsed() || exportCmd->parsed()) {
    Options o;
    const CommonFlags& flags = docCmd->parsed() ? docFlags : exportFlags;
    if (auto err = flags.apply(o); !err.empty()) {
      std::cerr << "nomos: error: " << err << "\n";
      return nomos::driver::kExitUsage;
    }
    o.color = o.color && isatty(2) != 0;  // diagnostics go to stderr here
    if (docCmd->parsed()) {
      docOptions.markdown = docFormat != "html";
      return nomos::driver::doc(o, docOptions, std::cout, std::cerr);
    }
    exportOptions.odrl = exportFormat == "odrl";
    return nomos::driver::exportRules(o, exportOptions, std::cout, std::cerr);
  }
  return 0;
}
