// Name lookup with its diagnostics: unknown names (with "did you mean"), names of the wrong
// kind, names two imports both provide, issuers.
#include <algorithm>

#include "sema/program_builder.h"
#include "sema/suggest.h"

namespace nomos::sema {

using diag::DiagId;
using model::Index;
using model::kNone;

namespace {

std::string qualifierOf(const ast::QualName& name) {
  std::string out;
  for (std::size_t i = 0; i + 1 < name.parts.size(); ++i) {
    if (!out.empty()) out += '.';
    out += name.parts[i];
  }
  return out;
}

}  // namespace

bool ProgramBuilder::damaged(Index m, source::Span declSpan) const {
  for (const auto& e : loaded_.modules[m].syntaxErrors) {
    // Inclusive end: a missing `;` is reported just after the declaration.
    if (e.file == declSpan.file && e.begin >= declSpan.begin && e.begin <= declSpan.end)
      return true;
  }
  return false;
}

void ProgramBuilder::markUsed(const Symbol& sym) {
  SymbolKind kind = sym.kind == SymbolKind::Body ? SymbolKind::ActorClass : sym.kind;
  auto& used = used_[static_cast<std::size_t>(kind)];
  if (sym.index < used.size()) used[sym.index] = 1;
}

std::optional<model::Date> ProgramBuilder::toDate(const ast::Date& d) const {
  // The parser has already reported an impossible date (N1006).
  if (!model::isValidDate(d.year, d.month, d.day)) return std::nullopt;
  return model::dateFromCivil(d.year, d.month, d.day);
}

void ProgramBuilder::addDeclaredHere(diag::Diagnostic& d, const Symbol& sym) const {
  d.related.push_back(
      {sym.span, fmt::format("`{}` is declared here, as {}", sym.name, kindWithArticle(sym.kind))});
}

const Symbol* ProgramBuilder::findAny(Index m, const ast::QualName& name, const Expected& what) {
  // A name lost to a syntax error has already been reported by the parser.
  if (name.parts.empty()) return nullptr;
  Lookup found = symbols_.find(m, name);
  switch (found.status) {
    case Lookup::Status::Found:
      return found.symbol;
    case Lookup::Status::Ambiguous: {
      if (found.symbol) {
        const std::string& a = symbols_.moduleName(found.symbol->module);
        const std::string& b = symbols_.moduleName(found.other->module);
        auto& d = sink().report(DiagId::AmbiguousName, name.span, name.str(), a, b);
        d.related.push_back({found.symbol->span, fmt::format("`{}` declares it here", a)});
        d.related.push_back({found.other->span, fmt::format("`{}` declares it here", b)});
        d.help.push_back(fmt::format("say which one you mean: `{}.{}` or `{}.{}`", a, name.str(), b,
                                     name.str()));
      } else {
        const std::string& a = symbols_.moduleName(found.module);
        const std::string& b = symbols_.moduleName(found.otherModule);
        auto& d = sink().report(DiagId::AmbiguousName, name.span, qualifierOf(name), a, b);
        d.help.push_back(fmt::format("write the module's full name: `{}.{}` or `{}.{}`", a,
                                     name.parts.back(), b, name.parts.back()));
      }
      return nullptr;
    }
    case Lookup::Status::UnknownModule:
      // After a failed import the module may well be the one that could not be loaded.
      if (!loaded_.modules[m].hasFailedImport()) reportUnknownModule(m, name);
      return nullptr;
    case Lookup::Status::NotFound:
      // ...and an unqualified name may be one that module would have provided.
      if (found.module != kNone || !loaded_.modules[m].hasFailedImport())
        reportUnknown(m, name, what, found.module);
      return nullptr;
  }
  return nullptr;
}

const Symbol* ProgramBuilder::resolve(Index m, const ast::QualName& name, const Expected& what,
                                      bool countsAsUse) {
  const Symbol* sym = findAny(m, name, what);
  if (!sym) return nullptr;
  if (!(what.kinds & kindBit(sym->kind))) {
    reportWrongKind(name, *sym, what);
    return nullptr;
  }
  if (countsAsUse) markUsed(*sym);
  return sym;
}

void ProgramBuilder::reportUnknownModule(Index m, const ast::QualName& name) {
  const std::string qualifier = qualifierOf(name);
  auto& d = sink().report(DiagId::UnknownName, name.span, "module", qualifier);
  for (const auto& mod : loaded_.modules) {
    if (mod.name == qualifier) {
      d.help.push_back(
          fmt::format("module `{}` is not imported here; add `import {};`", qualifier, qualifier));
      return;
    }
  }
  std::vector<std::string> candidates{symbols_.moduleName(m)};
  for (Index v : symbols_.visibleModules(m)) candidates.push_back(symbols_.moduleName(v));
  if (auto best = closestName(qualifier, candidates)) {
    d.help.push_back(fmt::format("did you mean `{}.{}`?", *best, name.parts.back()));
  }
}

void ProgramBuilder::reportUnknown(Index m, const ast::QualName& name, const Expected& what,
                                   Index inModule) {
  const std::string& last = name.parts.back();
  bool isLevel = what.kinds == kindBit(SymbolKind::Level);
  auto& d = isLevel ? sink().report(DiagId::UnknownLevel, name.span, name.str())
                    : sink().report(DiagId::UnknownName, name.span, what.noun, name.str());

  std::vector<std::string> candidates;
  auto consider = [&](const Symbol& sym) {
    if (what.kinds & kindBit(sym.kind)) candidates.push_back(sym.name);
  };
  if (inModule != kNone) {
    // Qualified: suggest among the names of the module it names.
    symbols_.forEachVisible(inModule, [&](const Symbol& sym) {
      if (sym.module == inModule) consider(sym);
    });
  } else {
    symbols_.forEachVisible(m, consider);
    // The name exists, in a module that is loaded but not imported here.
    for (Index hidden : symbols_.hiddenProviders(m, last)) {
      const Symbol* sym = symbols_.local(hidden, last);
      if (!(what.kinds & kindBit(sym->kind))) continue;
      const std::string& mod = symbols_.moduleName(hidden);
      d.help.push_back(fmt::format(
          "`{}` is declared in module `{}`, which is not imported here; add `import {};`", last,
          mod, mod));
      d.related.push_back({sym->span, fmt::format("`{}` is declared here", last)});
      return;
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  if (auto best = closestName(last, candidates)) {
    std::string qualifier = qualifierOf(name);
    d.help.push_back(
        fmt::format("did you mean `{}{}{}`?", qualifier, qualifier.empty() ? "" : ".", *best));
  } else if (isLevel) {
    d.help.push_back(
        "declare the order of legal force first, as in `levels statute > regulation;`");
  }
}

diag::Diagnostic& ProgramBuilder::reportWrongKind(const ast::QualName& name, const Symbol& sym,
                                                  const Expected& what) {
  auto& d = sink().report(DiagId::WrongKind, name.span, name.str(), kindWithArticle(sym.kind),
                          what.withArticle);
  addDeclaredHere(d, sym);
  return d;
}

std::optional<model::Issuer> ProgramBuilder::resolveIssuer(Index m, const ast::QualName& name) {
  const Symbol* sym = findAny(m, name, expect::kIssuer);
  if (!sym) return std::nullopt;
  switch (sym->kind) {
    case SymbolKind::Jurisdiction:
      markUsed(*sym);
      return model::Issuer{model::Issuer::Kind::Jurisdiction, sym->index};
    case SymbolKind::Body:
      markUsed(*sym);
      return model::Issuer{model::Issuer::Kind::Body, sym->index};
    default: {
      auto& d =
          sink().report(DiagId::InvalidIssuer, name.span, name.str(), kindWithArticle(sym->kind));
      addDeclaredHere(d, *sym);
      if (sym->kind == SymbolKind::ActorClass) {
        d.help.push_back(fmt::format(
            "to let one organisation issue rules, declare it as a body: `body Name : {};`",
            name.str()));
      }
      return std::nullopt;
    }
  }
}

}  // namespace nomos::sema
