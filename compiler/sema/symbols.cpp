#include "sema/symbols.h"

#include <algorithm>

namespace nomos::sema {

using model::Index;
using model::kNone;

std::string_view kindNoun(SymbolKind k) {
  switch (k) {
    case SymbolKind::Jurisdiction:
      return "jurisdiction";
    case SymbolKind::Dimension:
      return "dimension";
    case SymbolKind::Fact:
      return "fact";
    case SymbolKind::Action:
      return "action";
    case SymbolKind::ActorClass:
      return "actor class";
    case SymbolKind::Body:
      return "body";
    case SymbolKind::Level:
      return "level";
    case SymbolKind::Instrument:
      return "instrument";
    case SymbolKind::Norm:
      return "norm";
    case SymbolKind::Claim:
      return "sovereignty clause";
    case SymbolKind::Agreement:
      return "agreement";
  }
  return "declaration";
}

std::string_view kindWithArticle(SymbolKind k) {
  switch (k) {
    case SymbolKind::Jurisdiction:
      return "a jurisdiction";
    case SymbolKind::Dimension:
      return "a dimension";
    case SymbolKind::Fact:
      return "a fact";
    case SymbolKind::Action:
      return "an action";
    case SymbolKind::ActorClass:
      return "an actor class";
    case SymbolKind::Body:
      return "a body";
    case SymbolKind::Level:
      return "a level";
    case SymbolKind::Instrument:
      return "an instrument";
    case SymbolKind::Norm:
      return "a norm";
    case SymbolKind::Claim:
      return "a sovereignty clause";
    case SymbolKind::Agreement:
      return "an agreement";
  }
  return "a declaration";
}

SymbolTable::SymbolTable(const std::vector<LoadedModule>& modules)
    : scopes_(modules.size()), visible_(modules.size()) {
  for (const auto& m : modules) moduleNames_.push_back(m.name);
  // What importing module i shows: i itself and, transitively, its public imports.
  auto exported = [&](Index i, std::vector<Index>& out, std::vector<char>& seen) {
    std::vector<Index> stack{i};
    while (!stack.empty()) {
      Index cur = stack.back();
      stack.pop_back();
      if (seen[cur]) continue;
      seen[cur] = 1;
      out.push_back(cur);
      const auto& imports = modules[cur].imports;
      // Reversed so that the stack visits public imports in source order.
      for (auto it = imports.rbegin(); it != imports.rend(); ++it) {
        if (it->isPublic && it->module != kNone) stack.push_back(it->module);
      }
    }
  };
  for (Index m = 0; m < modules.size(); ++m) {
    std::vector<char> seen(modules.size(), 0);
    seen[m] = 1;  // a module always sees itself locally, never "through" an import
    for (const auto& imp : modules[m].imports) {
      if (imp.module != kNone) exported(imp.module, visible_[m], seen);
    }
  }
}

const Symbol* SymbolTable::declare(Symbol sym) {
  auto& scope = scopes_[sym.module];
  auto it = scope.find(sym.name);
  if (it != scope.end()) return &it->second;
  std::string key = sym.name;
  scope.emplace(std::move(key), std::move(sym));
  return nullptr;
}

const Symbol* SymbolTable::local(Index module, std::string_view name) const {
  const auto& scope = scopes_[module];
  auto it = scope.find(name);
  return it == scope.end() ? nullptr : &it->second;
}

Lookup SymbolTable::find(Index module, const ast::QualName& name) const {
  Lookup out;
  if (name.parts.empty()) return out;
  const std::string& last = name.parts.back();

  if (name.parts.size() == 1) {
    if (const Symbol* s = local(module, last)) {
      out.status = Lookup::Status::Found;
      out.symbol = s;
      return out;
    }
    for (Index v : visible_[module]) {
      const Symbol* s = local(v, last);
      if (!s) continue;
      if (!out.symbol) {
        out.symbol = s;
      } else if (s != out.symbol) {
        out.status = Lookup::Status::Ambiguous;
        out.other = s;
        return out;
      }
    }
    if (out.symbol) out.status = Lookup::Status::Found;
    return out;
  }

  std::string qualifier;
  for (std::size_t i = 0; i + 1 < name.parts.size(); ++i) {
    if (!qualifier.empty()) qualifier += '.';
    qualifier += name.parts[i];
  }
  std::vector<Index> candidates{module};
  candidates.insert(candidates.end(), visible_[module].begin(), visible_[module].end());
  Index target = kNone;
  for (Index c : candidates) {
    if (moduleNames_[c] == qualifier) {
      target = c;
      break;
    }
  }
  if (target == kNone) {
    // `pipl.PIPL` for cn.pipl: a suffix of the module path, if only one visible module fits.
    const std::string suffix = "." + qualifier;
    for (Index c : candidates) {
      const std::string& n = moduleNames_[c];
      if (n.size() > suffix.size() &&
          n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0) {
        if (target == kNone) {
          target = c;
        } else if (target != c) {
          out.status = Lookup::Status::Ambiguous;
          out.module = target;
          out.otherModule = c;
          return out;
        }
      }
    }
  }
  if (target == kNone) {
    out.status = Lookup::Status::UnknownModule;
    return out;
  }
  out.module = target;
  if (const Symbol* s = local(target, last)) {
    out.status = Lookup::Status::Found;
    out.symbol = s;
  }
  return out;
}

void SymbolTable::forEachVisible(Index module, const std::function<void(const Symbol&)>& fn) const {
  for (const auto& [name, sym] : scopes_[module]) fn(sym);
  for (Index v : visible_[module]) {
    for (const auto& [name, sym] : scopes_[v]) fn(sym);
  }
}

std::vector<Index> SymbolTable::hiddenProviders(Index module, std::string_view name) const {
  std::vector<Index> out;
  const auto& vis = visible_[module];
  for (Index m = 0; m < scopes_.size(); ++m) {
    if (m == module || std::find(vis.begin(), vis.end(), m) != vis.end()) continue;
    if (local(m, name)) out.push_back(m);
  }
  return out;
}

void SymbolTable::remap(SymbolKind kind, const std::vector<Index>& newIndex) {
  for (auto& scope : scopes_) {
    for (auto& [name, sym] : scope) {
      if (sym.kind == kind) sym.index = newIndex[sym.index];
    }
  }
}

}  // namespace nomos::sema
