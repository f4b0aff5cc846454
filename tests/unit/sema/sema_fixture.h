// Test support: writes modules into a fresh temporary directory, runs sema over them with the
// real parser, and looks things up in the result.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "diag/diagnostic.h"
#include "model/program.h"
#include "sema/sema.h"
#include "source/source_manager.h"
#include "syntax/parser.h"

namespace nomos::sema::testing {

namespace fs = std::filesystem;

/// A temporary directory, removed with everything in it when the test ends.
class TempTree {
 public:
  TempTree() {
    std::random_device rd;
    root_ = fs::temp_directory_path() / fmt::format("nomos-sema-{:08x}{:08x}", rd(), rd());
    fs::create_directories(root_);
  }
  ~TempTree() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;

  const fs::path& root() const { return root_; }
  fs::path path(const std::string& rel) const { return root_ / rel; }

  fs::path write(const std::string& rel, std::string_view text) const {
    fs::path p = root_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << text;
    return p;
  }

 private:
  fs::path root_;
};

/// One run of sema, with everything its spans point into.
struct Compiled {
  source::SourceManager sm;
  diag::DiagnosticEngine diags;
  std::unique_ptr<model::Program> program;

  std::vector<const diag::Diagnostic*> withCode(std::string_view code) const {
    std::vector<const diag::Diagnostic*> out;
    for (const auto* d : diags.sorted(sm)) {
      if (d->code() == code) out.push_back(d);
    }
    return out;
  }
  /// The only diagnostic with `code`; fails the test if there is not exactly one.
  const diag::Diagnostic& one(std::string_view code) const {
    auto found = withCode(code);
    INFO("all diagnostics:\n" << dump());
    REQUIRE_MESSAGE(found.size() == 1, "expected exactly one ", code);
    return *found.front();
  }
  std::size_t count(std::string_view code) const { return withCode(code).size(); }
  std::size_t errors() const { return diags.count(diag::Severity::Error); }

  /// "line:column" of a span's start.
  std::string at(source::Span span) const {
    if (!span.valid()) return "<no location>";
    auto lc = sm.lineCol(span.file, span.begin);
    return fmt::format("{}:{}", lc.line, lc.column);
  }
  std::string text(source::Span span) const {
    return std::string(sm.text(span.file).substr(span.begin, span.end - span.begin));
  }
  std::string fileName(source::Span span) const {
    return fs::path(sm.path(span.file)).filename().string();
  }

  std::string dump() const {
    std::string out;
    for (const auto* d : diags.sorted(sm)) {
      out += fmt::format("{} {} {}: {}\n", d->span.valid() ? sm.path(d->span.file) : "-",
                         at(d->span), d->code(), d->message);
      for (const auto& r : d->related)
        out += fmt::format("    related {}: {}\n", at(r.span), r.message);
      for (const auto& h : d->help) out += fmt::format("    help: {}\n", h);
    }
    return out;
  }

  template <class Vec>
  static model::Index find(const Vec& v, std::string_view name) {
    for (model::Index i = 0; i < v.size(); ++i) {
      if (v[i].name == name) return i;
    }
    return model::kNone;
  }
  model::Index jurisdiction(std::string_view n) const { return find(program->jurisdictions, n); }
  model::Index action(std::string_view n) const { return find(program->actions, n); }
  model::Index actor(std::string_view n) const { return find(program->actors, n); }
  model::Index norm(std::string_view n) const { return find(program->norms, n); }
  model::Index fact(std::string_view n) const { return find(program->facts, n); }
  model::Index dimension(std::string_view n) const { return find(program->dimensions, n); }
  model::Index instrument(std::string_view n) const { return find(program->instruments, n); }
  model::Index level(std::string_view n) const { return find(program->levels, n); }
  model::Index claim(std::string_view n) const { return find(program->claims, n); }
  model::Index module(std::string_view n) const { return find(program->modules, n); }
};

inline std::unique_ptr<Compiled> compile(const std::vector<fs::path>& inputs,
                                         Options options = {}) {
  auto out = std::make_unique<Compiled>();
  Compiled* c = out.get();
  ParseFn parse = [c](source::FileId id, diag::DiagnosticEngine& diags) {
    return syntax::parseFile(c->sm, id, diags);
  };
  c->program = build(inputs, options, c->sm, c->diags, parse);
  return out;
}

/// One module, `main.nomos`, alone in a temporary directory.
inline std::unique_ptr<Compiled> compileText(std::string_view text, Options options = {}) {
  TempTree tree;
  return compile({tree.write("main.nomos", text)}, std::move(options));
}

/// Lints off, for tests about errors that should not drown in warnings.
inline Options noLints() {
  Options o;
  o.lints = false;
  return o;
}

inline fs::path fixture(const std::string& rel) {
  return fs::path(NOMOS_SOURCE_DIR) / "tests/unit/sema/fixtures" / rel;
}

}  // namespace nomos::sema::testing
