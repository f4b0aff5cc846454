// Symbol tables: one namespace per module holding every named declaration (jurisdictions,
// dimensions, facts, actions, actor classes and bodies, levels, instruments, norms,
// sovereignty clauses, agreements), and the visibility rules of LANGUAGE.md §2.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ast/ast.h"
#include "model/program.h"
#include "sema/module_loader.h"

namespace nomos::sema {

enum class SymbolKind : std::uint8_t {
  Jurisdiction,
  Dimension,
  Fact,
  Action,
  ActorClass,
  Body,  // an actor class (index into Program::actors) that is also an issuer
  Level,
  Instrument,
  Norm,
  Claim,  // a sovereignty clause
  Agreement,
};
inline constexpr std::size_t kSymbolKindCount = 11;

using KindSet = std::uint32_t;
constexpr KindSet kindBit(SymbolKind k) { return KindSet{1} << static_cast<unsigned>(k); }

/// "actor class"
std::string_view kindNoun(SymbolKind k);
/// "an actor class"
std::string_view kindWithArticle(SymbolKind k);

struct Symbol {
  SymbolKind kind = SymbolKind::Jurisdiction;
  model::Index index = model::kNone;  // into the Program vector of its kind
  model::Index module = model::kNone;
  std::string name;
  source::Span span;  // the declared name
};

struct Lookup {
  enum class Status : std::uint8_t {
    Found,
    NotFound,       // no visible declaration has that name
    Ambiguous,      // two imports provide it: `symbol` and `other`
    UnknownModule,  // the qualifier names no visible module
  };
  Status status = Status::NotFound;
  const Symbol* symbol = nullptr;
  const Symbol* other = nullptr;
  /// Qualified names: the module searched (NotFound) or the two candidates (Ambiguous, as
  /// module indices in `symbol`-less form).
  model::Index module = model::kNone;
  model::Index otherModule = model::kNone;
};

class SymbolTable {
 public:
  /// Computes which modules each module sees: its imports and, through `import public`,
  /// what they re-export.
  explicit SymbolTable(const std::vector<LoadedModule>& modules);

  /// Adds `sym` to its module's namespace. Returns nullptr, or the declaration already
  /// holding that name (and then adds nothing).
  const Symbol* declare(Symbol sym);
  const Symbol* local(model::Index module, std::string_view name) const;

  /// Resolves `name` as written in `module`: local declarations first, then what the imports
  /// provide. `a.b.x` names x in the visible module a.b (or, if no module has that full name,
  /// in the one visible module whose name ends in `.a.b`).
  Lookup find(model::Index module, const ast::QualName& name) const;

  /// Calls `fn` for every declaration visible unqualified in `module`.
  void forEachVisible(model::Index module, const std::function<void(const Symbol&)>& fn) const;
  /// Loaded modules that declare `name` but are not visible from `module`.
  std::vector<model::Index> hiddenProviders(model::Index module, std::string_view name) const;
  const std::vector<model::Index>& visibleModules(model::Index module) const {
    return visible_[module];
  }
  const std::string& moduleName(model::Index module) const { return moduleNames_[module]; }

  /// Renumbers the symbols of one kind after their Program vector was reordered.
  void remap(SymbolKind kind, const std::vector<model::Index>& newIndex);

 private:
  std::vector<std::map<std::string, Symbol, std::less<>>> scopes_;
  std::vector<std::vector<model::Index>> visible_;  // excluding the module itself
  std::vector<std::string> moduleNames_;
};

}  // namespace nomos::sema
