#include "driver/outputs.h"

#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "backends/documents.h"
#include "backends/json_export.h"
#include "backends/odrl_export.h"
#include "diag/render.h"
#include "source/file_io.h"

namespace nomos::driver {

namespace fs = std::filesystem;

namespace {

bool samePath(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) {
    bool same = fs::equivalent(a, b, ec);
    if (!ec) return same;
  }
  return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

/// Is `target` one of the inputs (a file read, or a path given on the command line)?
bool isInput(const Compilation& c, const fs::path& target) {
  for (const auto& in : c.inputFiles()) {
    if (samePath(in, target)) return true;
  }
  for (const auto& p : c.options().paths) {
    if (samePath(p, target)) return true;
  }
  for (source::FileId id = 0; id < c.sources().size(); ++id) {
    if (samePath(c.sources().path(id), target)) return true;  // imported modules too
  }
  return false;
}

/// Compiles; returns an exit status when nothing may be written, nullopt to go on.
std::optional<int> compileForOutput(Compilation& c, std::ostream& err, std::string_view what) {
  if (!c.run()) {
    c.renderDiagnostics(err);
    return kExitUsage;
  }
  if (!c.frontEndOk() || c.program() == nullptr) {
    c.renderDiagnostics(err);
    err << fmt::format("nomos: no {} written: fix the errors above first\n", what);
    return kExitErrors;
  }
  return std::nullopt;
}

int reportFailure(Compilation& c, std::ostream& err, diag::DiagId id, const std::string& path,
                  std::string why = {}) {
  if (why.empty()) {
    c.diags().report(id, {}, path);
  } else {
    c.diags().report(id, {}, path, why);
  }
  diag::TextStyle style{c.options().color};
  diag::renderText(err, c.sources(), c.diags().all().back(), style);
  return kExitUsage;
}

/// "; the analysis found 1 error and 2 warnings (see the findings)" or "".
std::string findingsNote(const analysis::Result& r) {
  std::size_t errors = 0, warnings = 0;
  for (const auto& f : r.findings) {
    errors += f.severity == diag::Severity::Error;
    warnings += f.severity == diag::Severity::Warning;
  }
  if (errors == 0 && warnings == 0) return {};
  return fmt::format("; the analysis found {} error{} and {} warning{}, shown in the findings",
                     errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
}

}  // namespace

int doc(const Options& options, const DocOptions& docOptions, std::ostream& out,
        std::ostream& err) {
  Compilation c(options);
  if (auto status = compileForOutput(c, err, "documents")) return *status;

  backends::DocumentOptions dopts;
  dopts.format = docOptions.markdown ? backends::DocFormat::Markdown : backends::DocFormat::Html;
  dopts.generator = std::string("nomos ") + NOMOS_VERSION;
  dopts.single = docOptions.output == "-";

  if (dopts.single) {
    auto files = backends::renderDocuments(*c.program(), c.analysis(), dopts);
    for (const auto& f : files) out << f.contents;
    return kExitOk;
  }

  fs::path dir(docOptions.output);
  if (isInput(c, dir)) return reportFailure(c, err, diag::DiagId::OutputIsInput, dir.string());
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    return reportFailure(c, err, diag::DiagId::CannotWriteFile, dir.string(),
                         "it exists and is not a directory");
  }
  // Every page is produced before the first is written, so a failure leaves no half set.
  auto files = backends::renderDocuments(*c.program(), c.analysis(), dopts);
  for (const auto& f : files) {
    if (f.name.empty() || f.name.find('/') != std::string::npos || f.name.starts_with(".")) {
      return reportFailure(c, err, diag::DiagId::CannotWriteFile, f.name, "not a plain file name");
    }
    if (isInput(c, dir / f.name))
      return reportFailure(c, err, diag::DiagId::OutputIsInput, (dir / f.name).string());
  }
  fs::create_directories(dir, ec);
  if (ec) return reportFailure(c, err, diag::DiagId::CannotWriteFile, dir.string(), ec.message());
  for (const auto& f : files) {
    if (auto why = source::writeFileAtomic(dir / f.name, f.contents); !why.empty()) {
      return reportFailure(c, err, diag::DiagId::CannotWriteFile, (dir / f.name).string(), why);
    }
  }
  err << fmt::format("nomos: wrote {} page{} to {}{}\n", files.size(), files.size() == 1 ? "" : "s",
                     dir.string(), findingsNote(c.analysis()));
  return kExitOk;
}

int exportRules(const Options& options, const ExportOptions& exportOptions, std::ostream& out,
                std::ostream& err) {
  Compilation c(options);
  if (auto status = compileForOutput(c, err, "export")) return *status;

  nlohmann::json doc;
  if (exportOptions.odrl) {
    backends::OdrlOptions o;
    if (!exportOptions.vocabulary.empty()) o.vocabulary = exportOptions.vocabulary;
    doc = backends::exportOdrl(*c.program(), o);
  } else {
    backends::JsonExportOptions o;
    o.sources = &c.sources();
    o.generator = std::string("nomos ") + NOMOS_VERSION;
    doc = backends::exportJson(*c.program(), &c.analysis(), o);
  }
  std::string text = doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  if (exportOptions.output == "-" || exportOptions.output.empty()) {
    out << text;
    return kExitOk;
  }
  fs::path file(exportOptions.output);
  if (isInput(c, file)) return reportFailure(c, err, diag::DiagId::OutputIsInput, file.string());
  std::error_code ec;
  if (fs::is_directory(file, ec)) {
    return reportFailure(c, err, diag::DiagId::CannotWriteFile, file.string(), "it is a directory");
  }
  if (auto why = source::writeFileAtomic(file, text); !why.empty()) {
    return reportFailure(c, err, diag::DiagId::CannotWriteFile, file.string(), why);
  }
  err << fmt::format("nomos: wrote {}{}\n", file.string(), findingsNote(c.analysis()));
  return kExitOk;
}

}  // namespace nomos::driver
