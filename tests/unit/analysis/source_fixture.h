// Analysis tests from source text: writes one module to a temporary directory, runs the real
// parser and sema over it, then the analysis.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "analysis/analysis.h"
#include "diag/diagnostic.h"
#include "model/program.h"
#include "sema/sema.h"
#include "source/source_manager.h"
#include "syntax/parser.h"

namespace nomos::analysis::testing {

struct Analysed {
  source::SourceManager sm;
  diag::DiagnosticEngine diags;
  std::unique_ptr<model::Program> program;
  Result result;

  template <class Vec>
  static model::Index find(const Vec& v, std::string_view name) {
    for (model::Index i = 0; i < v.size(); ++i) {
      if (v[i].name == name) return i;
    }
    return model::kNone;
  }
  model::Index norm(std::string_view n) const { return find(program->norms, n); }
  model::Index claim(std::string_view n) const { return find(program->claims, n); }

  std::vector<const Finding*> withCode(diag::DiagId id) const {
    std::vector<const Finding*> out;
    for (const auto& f : result.findings) {
      if (f.code == id) out.push_back(&f);
    }
    return out;
  }
  /// The text a span covers.
  std::string text(source::Span span) const {
    return std::string(sm.text(span.file).substr(span.begin, span.end - span.begin));
  }
  std::string dump() const {
    std::string out;
    for (const auto* d : diags.sorted(sm)) out += fmt::format("{} {}\n", d->code(), d->message);
    return out;
  }
};

/// Compiles `text` as the module main.nomos and analyses it; fails the test if the front
/// end reports an error.
inline std::unique_ptr<Analysed> analyseText(std::string_view text, Options options = {}) {
  namespace fs = std::filesystem;
  std::random_device rd;
  fs::path root =
      fs::temp_directory_path() / fmt::format("nomos-analysis-{:08x}{:08x}", rd(), rd());
  fs::create_directories(root);
  fs::path file = root / "main.nomos";
  {
    std::ofstream out(file, std::ios::binary);
    out << text;
  }
  auto a = std::make_unique<Analysed>();
  Analysed* raw = a.get();
  sema::Options so;
  so.lints = false;
  sema::ParseFn parse = [raw](source::FileId id, diag::DiagnosticEngine& diags) {
    return syntax::parseFile(raw->sm, id, diags);
  };
  a->program = sema::build({file}, so, a->sm, a->diags, parse);
  std::error_code ec;
  fs::remove_all(root, ec);
  INFO(a->dump());
  REQUIRE_FALSE(a->diags.hasErrors());
  a->result = analyze(*a->program, a->diags, options);
  return a;
}

}  // namespace nomos::analysis::testing
