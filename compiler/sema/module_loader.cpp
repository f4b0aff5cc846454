#include "sema/module_loader.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <system_error>

#include <fmt/format.h>

#include "sema/suggest.h"
#include "source/file_io.h"
#include "support/parallel.h"

namespace nomos::sema {

namespace fs = std::filesystem;
using diag::DiagId;
using model::Index;
using model::kNone;

namespace {

/// A directory's canonical form without a trailing separator, or its absolute normal form
/// when it does not exist (so a missing root still compares sensibly).
fs::path canonicalDir(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(p.empty() ? fs::path(".") : p, ec);
  if (ec) c = fs::absolute(p, ec).lexically_normal();
  if (c.has_relative_path() && c.filename().empty()) c = c.parent_path();
  return c;
}

/// Is `path` equal to or below `root`? Both canonical, compared component by component so
/// that `/a/bc` is not taken to be inside `/a/b`.
bool isWithin(const fs::path& path, const fs::path& root) {
  auto r = root.begin();
  auto p = path.begin();
  for (; r != root.end(); ++r, ++p) {
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}

/// cn/pipl.nomos -> cn.pipl
std::string nameFromRelative(const fs::path& rel) {
  std::string out;
  for (auto it = rel.begin(); it != rel.end(); ++it) {
    bool last = std::next(it) == rel.end();
    if (!out.empty()) out += '.';
    out += last ? it->stem().string() : it->string();
  }
  return out;
}

bool isIdentifier(const std::string& s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

/// Does the file's path end with the module path, as .../cn/pipl.nomos ends with cn.pipl?
bool pathEndsWith(const fs::path& file, const std::vector<std::string>& parts) {
  if (parts.empty() || file.stem().string() != parts.back()) return false;
  fs::path dir = file.parent_path();
  for (std::size_t i = parts.size() - 1; i-- > 0;) {
    if (dir.filename().string() != parts[i]) return false;
    dir = dir.parent_path();
  }
  return true;
}

class Loader {
 public:
  Loader(const Options& options, source::SourceManager& sm, diag::DiagnosticEngine& diags,
         const ParseFn& parse)
      : options_(options), sm_(sm), diags_(diags), parse_(parse) {}

  LoadedProgram run(const std::vector<fs::path>& inputs);

 private:
  struct Root {
    fs::path given;      // as the user named it, for messages
    fs::path canonical;  // for containment checks
  };
  struct Located {
    enum class Status : std::uint8_t { Found, Escapes, NotFound };
    Status status = Status::NotFound;
    fs::path path;       // as found under the root
    fs::path canonical;  // where it really is
    const Root* root = nullptr;
  };

  void addRoot(std::vector<Root>& roots, const fs::path& dir);
  void loadInputs(const std::vector<fs::path>& sorted);
  Index loadFile(std::string display, std::string contents, const fs::path& canonical);
  Index addModule(source::FileId id, ast::File file, const diag::DiagnosticEngine& diags,
                  const fs::path& canonical);
  void registerName(Index m, std::string name);
  std::string inputModuleName(Index m);
  void loadImports(Index m);
  void resolveImport(Index m, std::size_t k);
  Located locate(const ast::QualName& name) const;
  std::vector<std::string> knownModuleNames(const ast::QualName& name) const;
  bool isStdlibFile(const fs::path& canonical) const {
    return stdlib_ && isWithin(canonical, stdlib_->canonical);
  }

  const Options& options_;
  source::SourceManager& sm_;
  diag::DiagnosticEngine& diags_;
  const ParseFn& parse_;

  std::vector<Root> explicitRoots_;  // options.roots
  std::vector<Root> roots_;          // options.roots, then the input directories
  std::optional<Root> stdlib_;
  std::map<fs::path, Index> byPath_;
  std::map<std::string, Index, std::less<>> byName_;
  // Per module: its imports are not resolved yet, being resolved (on the stack), or done.
  enum class ImportState : std::uint8_t { Pending, InProgress, Done };
  std::vector<ImportState> importState_;
  std::vector<Index> stack_;
  LoadedProgram out_;
};

void Loader::addRoot(std::vector<Root>& roots, const fs::path& dir) {
  Root r{dir.empty() ? fs::path(".") : dir, canonicalDir(dir)};
  for (const auto& existing : roots) {
    if (existing.canonical == r.canonical) return;
  }
  roots.push_back(std::move(r));
}

LoadedProgram Loader::run(const std::vector<fs::path>& inputs) {
  for (const auto& r : options_.roots) addRoot(explicitRoots_, r);
  roots_ = explicitRoots_;
  if (!options_.stdlibDir.empty())
    stdlib_ = Root{options_.stdlibDir, canonicalDir(options_.stdlibDir)};

  std::vector<fs::path> sorted = inputs;
  std::sort(sorted.begin(), sorted.end(), [](const fs::path& a, const fs::path& b) {
    return a.generic_string() < b.generic_string();
  });
  for (const auto& input : sorted) addRoot(roots_, input.parent_path());

  loadInputs(sorted);
  const auto inputCount = static_cast<Index>(out_.modules.size());
  // `module cn.pipl;` in some/dir/cn/pipl.nomos makes some/dir a root, for every input.
  for (Index m = 0; m < inputCount; ++m) {
    const auto& mod = out_.modules[m];
    if (!mod.ast.module || !pathEndsWith(mod.canonical, mod.ast.module->name.parts)) continue;
    fs::path root = mod.canonical.parent_path();
    for (std::size_t i = 1; i < mod.ast.module->name.parts.size(); ++i) root = root.parent_path();
    addRoot(roots_, root);
  }
  for (Index m = 0; m < inputCount; ++m) registerName(m, inputModuleName(m));
  // Every input is named (and every root known) before any import is followed, so that what
  // an import finds does not depend on the order of the inputs.
  for (Index m = 0; m < inputCount; ++m) {
    if (importState_[m] == ImportState::Pending) loadImports(m);
  }
  return std::move(out_);
}

void Loader::loadInputs(const std::vector<fs::path>& sorted) {
  // Read every input first (in order, each file once), then parse them on `jobs` threads,
  // then add the modules and their diagnostics in the order of the inputs, so that the result
  // is the same as parsing them one after another.
  struct Input {
    fs::path canonical;
    source::FileId file = source::kNoFile;
    std::optional<std::string> readError;
    std::string display;
    ast::File ast;
    diag::DiagnosticEngine diags;
  };
  std::vector<Input> inputs;
  std::set<fs::path> seen;
  for (const auto& input : sorted) {
    std::error_code ec;
    fs::path canonical = fs::canonical(input, ec);
    if (ec) canonical = fs::absolute(input, ec).lexically_normal();
    if (seen.count(canonical)) continue;  // named twice
    Input& in = inputs.emplace_back();
    in.canonical = canonical;
    in.display = input.generic_string();
    auto read = source::readFile(input);
    if (!read.contents) {
      in.readError = read.error;  // reported for each name it is given, as before
      continue;
    }
    seen.insert(canonical);
    in.file = sm_.add(in.display, std::move(*read.contents));
  }

  // Largest files first, so that no thread is left with a big one at the end.
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i].file != source::kNoFile) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return sm_.text(inputs[a].file).size() > sm_.text(inputs[b].file).size();
  });
  support::forEachIndex(std::max(1u, options_.jobs), order.size(), [&](std::size_t k) {
    Input& in = inputs[order[k]];
    in.ast = parse_(in.file, in.diags);
  });

  for (auto& in : inputs) {
    if (in.readError) {
      diags_.report(DiagId::CannotReadFile, source::Span{}, in.display, *in.readError);
      continue;
    }
    Index m = addModule(in.file, std::move(in.ast), in.diags, in.canonical);
    diags_.append(std::move(in.diags));
    out_.modules[m].isLibrary = isStdlibFile(in.canonical);
  }
}

Index Loader::loadFile(std::string display, std::string contents, const fs::path& canonical) {
  source::FileId id = sm_.add(std::move(display), std::move(contents));
  diag::DiagnosticEngine diags;
  ast::File file = parse_(id, diags);
  Index m = addModule(id, std::move(file), diags, canonical);
  diags_.append(std::move(diags));
  return m;
}

Index Loader::addModule(source::FileId id, ast::File file, const diag::DiagnosticEngine& diags,
                        const fs::path& canonical) {
  file.file = id;
  auto m = static_cast<Index>(out_.modules.size());
  LoadedModule lm;
  for (const auto& d : diags.all()) {
    if (d.severity == diag::Severity::Error && d.span.file == id) lm.syntaxErrors.push_back(d.span);
  }
  lm.file = id;
  lm.canonical = canonical;
  lm.ast = std::move(file);
  out_.modules.push_back(std::move(lm));
  byPath_[canonical] = m;
  importState_.push_back(ImportState::Pending);
  return m;
}

void Loader::registerName(Index m, std::string name) {
  auto& mod = out_.modules[m];
  mod.name = std::move(name);
  auto [it, inserted] = byName_.emplace(mod.name, m);
  if (inserted) return;
  auto nameSpan = [](const LoadedModule& lm) {
    return lm.ast.module ? lm.ast.module->name.span : source::Span{lm.file, 0, 0};
  };
  const LoadedModule& first = out_.modules[it->second];
  auto& d = diags_.report(DiagId::DuplicateModule, nameSpan(mod), mod.name, sm_.path(first.file),
                          sm_.path(mod.file));
  d.related.push_back({nameSpan(first), "the other file is here"});
  d.help.push_back("give one of the files another name or place it under another directory");
}

std::string Loader::inputModuleName(Index m) {
  const auto& mod = out_.modules[m];
  auto nameUnder = [&](const Root& root) -> std::optional<std::string> {
    if (!isWithin(mod.canonical, root.canonical) || mod.canonical == root.canonical)
      return std::nullopt;
    return nameFromRelative(mod.canonical.lexically_relative(root.canonical));
  };
  // The names the file has under each root that holds it: the given roots in order, then the
  // other roots (input directories, directories named by `module` lines) outermost first, so
  // that with main.nomos and cn/common.nomos given together the latter is cn.common.
  std::vector<std::string> candidates;
  for (const auto& root : explicitRoots_) {
    if (auto name = nameUnder(root)) candidates.push_back(*name);
  }
  std::vector<const Root*> others;
  for (std::size_t i = explicitRoots_.size(); i < roots_.size(); ++i) others.push_back(&roots_[i]);
  std::stable_sort(others.begin(), others.end(), [&](const Root* a, const Root* b) {
    auto depth = [](const fs::path& p) { return std::distance(p.begin(), p.end()); };
    return depth(a->canonical) < depth(b->canonical);
  });
  for (const Root* root : others) {
    if (auto name = nameUnder(*root)) candidates.push_back(*name);
  }
  if (candidates.empty()) candidates.push_back(mod.canonical.stem().string());
  if (!mod.ast.module || mod.ast.module->name.parts.empty()) return candidates.front();

  const auto& declared = mod.ast.module->name;
  std::string text = declared.str();
  if (std::find(candidates.begin(), candidates.end(), text) != candidates.end()) return text;
  auto& d = diags_.report(DiagId::ModuleNameMismatch, declared.span, text, candidates.front());
  d.help.push_back(
      fmt::format("a module's name is its path under the root directory; write `module {};` or "
                  "move the file",
                  candidates.front()));
  return candidates.front();
}

void Loader::loadImports(Index m) {
  importState_[m] = ImportState::InProgress;
  stack_.push_back(m);
  for (std::size_t k = 0; k < out_.modules[m].ast.imports.size(); ++k) resolveImport(m, k);
  stack_.pop_back();
  importState_[m] = ImportState::Done;
  out_.dependencyOrder.push_back(m);
}

Loader::Located Loader::locate(const ast::QualName& name) const {
  Located out;
  bool isStd = name.parts.front() == "std";
  std::vector<const Root*> search;
  if (isStd) {
    if (stdlib_) search.push_back(&*stdlib_);
  } else {
    for (const auto& r : roots_) search.push_back(&r);
  }
  // std -> std.nomos, std.x -> std/x.nomos, a.b -> a/b.nomos: the same rule everywhere.
  fs::path rel;
  for (std::size_t i = 0; i + 1 < name.parts.size(); ++i) rel /= name.parts[i];
  rel /= name.parts.back() + ".nomos";
  for (const Root* root : search) {
    fs::path candidate = root->given / rel;
    std::error_code ec;
    if (!fs::exists(candidate, ec)) continue;
    fs::path canonical = fs::canonical(candidate, ec);
    if (ec) continue;
    out.path = candidate.lexically_normal();
    out.canonical = canonical;
    out.root = root;
    out.status =
        isWithin(canonical, root->canonical) ? Located::Status::Found : Located::Status::Escapes;
    return out;
  }
  return out;
}

void Loader::resolveImport(Index m, std::size_t k) {
  const ast::Import imp = out_.modules[m].ast.imports[k];
  LoadedImport result{kNone, imp.isPublic, imp.name};
  auto finish = [&](Index target) {
    result.module = target;
    out_.modules[m].imports.push_back(result);
  };
  if (imp.name.parts.empty()) return finish(kNone);
  // The parser keeps `import "cn/common.nomos"` as a one-part name; its quote gives it away.
  std::string_view text = sm_.text(out_.modules[m].file);
  bool quoted = imp.name.span.file == out_.modules[m].file && imp.name.span.begin < text.size() &&
                text[imp.name.span.begin] == '"';
  for (const auto& part : imp.name.parts) {
    if (quoted || (part != ".." && !isIdentifier(part))) {
      auto& d = diags_.report(DiagId::AbsoluteImport, imp.name.span, imp.name.str());
      d.help.push_back(
          "name the module by its path under a root, with dots: `import cn.pipl;` for "
          "cn/pipl.nomos");
      return finish(kNone);
    }
  }
  const std::string name = imp.name.str();
  Located loc = locate(imp.name);
  Index target = kNone;
  switch (loc.status) {
    case Located::Status::Escapes: {
      auto& d = diags_.report(DiagId::ImportEscapesRoot, imp.name.span, name);
      // Named relative to the root, so the message holds no machine's folders.
      d.help.push_back(
          fmt::format("`{}` leads to `{}`, which is outside the root `{}`", name,
                      loc.canonical.lexically_relative(loc.root->canonical).generic_string(),
                      loc.root->given.generic_string()));
      return finish(kNone);
    }
    case Located::Status::Found: {
      if (auto it = byPath_.find(loc.canonical); it != byPath_.end()) {
        target = it->second;
        break;
      }
      auto read = source::readFile(loc.path);
      if (!read.contents) {
        diags_.report(DiagId::CannotReadFile, imp.name.span, loc.path.generic_string(), read.error);
        return finish(kNone);
      }
      target = loadFile(loc.path.generic_string(), std::move(*read.contents), loc.canonical);
      auto& mod = out_.modules[target];
      mod.isLibrary = imp.name.parts.front() == "std" || isStdlibFile(loc.canonical);
      if (mod.ast.module && !mod.ast.module->name.parts.empty() &&
          mod.ast.module->name.str() != name) {
        auto& d = diags_.report(DiagId::ModuleNameMismatch, mod.ast.module->name.span,
                                mod.ast.module->name.str(), name);
        d.help.push_back(fmt::format(
            "it is imported as `{}`; write `module {};` or remove the declaration", name, name));
      }
      registerName(target, name);
      loadImports(target);
      break;
    }
    case Located::Status::NotFound: {
      // A file named as an input may declare a module name that no root gives it.
      if (auto it = byName_.find(name); it != byName_.end()) {
        target = it->second;
        break;
      }
      auto& d = diags_.report(DiagId::ModuleNotFound, imp.name.span, name);
      if (auto best = closestName(name, knownModuleNames(imp.name))) {
        d.help.push_back(fmt::format("did you mean `{}`?", *best));
      } else if (imp.name.parts.front() == "std") {
        d.help.push_back(stdlib_ ? fmt::format("the standard library at `{}` has no such module",
                                               stdlib_->given.generic_string())
                                 : std::string("no standard library directory is configured"));
      } else {
        d.help.push_back(fmt::format("`import {}` looks for `{}.nomos` under each root directory",
                                     name, fmt::join(imp.name.parts, "/")));
      }
      return finish(kNone);
    }
  }

  if (importState_[target] == ImportState::Pending) {
    loadImports(target);  // an input file, loaded but not yet followed
  } else if (importState_[target] == ImportState::InProgress) {
    auto start = std::find(stack_.begin(), stack_.end(), target);
    std::string cycle;
    for (auto it = start; it != stack_.end(); ++it) cycle += out_.modules[*it].name + " -> ";
    cycle += out_.modules[target].name;
    auto& d = diags_.report(DiagId::CyclicImport, imp.name.span, cycle);
    d.help.push_back(
        "modules cannot import each other; move what they share into a module both import");
  }
  finish(target);
}

std::vector<std::string> Loader::knownModuleNames(const ast::QualName& name) const {
  std::vector<std::string> out;
  for (const auto& [n, index] : byName_) out.push_back(n);
  std::string prefix;
  fs::path dir;
  for (std::size_t i = 0; i + 1 < name.parts.size(); ++i) {
    prefix += name.parts[i] + ".";
    dir /= name.parts[i];
  }
  auto scan = [&](const Root& root, const fs::path& sub, const std::string& pre) {
    std::error_code ec;
    fs::directory_iterator it(root.given / sub, ec), end;
    // A bounded look: suggestions must never make a missing import slow.
    for (int seen = 0; !ec && it != end && seen < 2000; it.increment(ec), ++seen) {
      if (it->path().extension() == ".nomos") out.push_back(pre + it->path().stem().string());
    }
  };
  for (const auto& root : roots_) scan(root, dir, prefix);
  if (stdlib_) {
    scan(*stdlib_, dir, prefix);
    if (name.parts.size() == 1) scan(*stdlib_, fs::path(), "");
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

LoadedProgram loadModules(const std::vector<fs::path>& inputs, const Options& options,
                          source::SourceManager& sm, diag::DiagnosticEngine& diags,
                          const ParseFn& parse) {
  return Loader(options, sm, diags, parse).run(inputs);
}

}  // namespace nomos::sema
