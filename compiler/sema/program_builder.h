// Builds the model::Program from the loaded modules, in passes:
//   1. declare   every named declaration in its module's namespace (declarations.cpp);
//   2. implicit  jurisdictions named only in `members` (declarations.cpp);
//   3. resolve   every reference: vocabulary (vocabulary.cpp), instruments, norms, claims and
//                agreements (rules.cpp), conditions (conditions.cpp), tests (tests.cpp);
//   4. check     membership and actor-class cycles (vocabulary.cpp);
//   5. lint      unused declarations, norms without `from`, expired instruments (lints.cpp).
// Name lookup with its diagnostics (unknown, wrong kind, ambiguous) is in resolver.cpp.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "model/program.h"
#include "sema/module_loader.h"
#include "sema/sema.h"
#include "sema/symbols.h"
#include "source/source_manager.h"

namespace nomos::sema {

/// What a reference must name, in the words of the messages.
struct Expected {
  KindSet kinds;
  std::string_view noun;         // "unknown actor class `X`"
  std::string_view withArticle;  // "... but an actor class is expected here"
};

namespace expect {
inline constexpr Expected kJurisdiction{kindBit(SymbolKind::Jurisdiction), "jurisdiction",
                                        "a jurisdiction"};
inline constexpr Expected kDimension{kindBit(SymbolKind::Dimension), "dimension", "a dimension"};
inline constexpr Expected kFact{kindBit(SymbolKind::Fact), "fact", "a fact"};
inline constexpr Expected kAction{kindBit(SymbolKind::Action), "action", "an action"};
inline constexpr Expected kActorClass{kindBit(SymbolKind::ActorClass) | kindBit(SymbolKind::Body),
                                      "actor class", "an actor class"};
inline constexpr Expected kLevel{kindBit(SymbolKind::Level), "level", "a level"};
inline constexpr Expected kInstrument{kindBit(SymbolKind::Instrument), "instrument",
                                      "an instrument"};
inline constexpr Expected kNorm{kindBit(SymbolKind::Norm), "norm", "a norm"};
inline constexpr Expected kClaim{kindBit(SymbolKind::Claim), "sovereignty clause",
                                 "a sovereignty clause"};
inline constexpr Expected kIssuer{kindBit(SymbolKind::Jurisdiction) | kindBit(SymbolKind::Body),
                                  "jurisdiction or body", "a jurisdiction or a body"};
inline constexpr Expected kGiven{
    kindBit(SymbolKind::ActorClass) | kindBit(SymbolKind::Body) | kindBit(SymbolKind::Fact),
    "actor class or fact", "an actor class or a flag fact"};
}  // namespace expect

class ProgramBuilder {
 public:
  ProgramBuilder(const Options& options, source::SourceManager& sm, diag::DiagnosticEngine& diags,
                 LoadedProgram& loaded);
  std::unique_ptr<model::Program> build();

 private:
  using Index = model::Index;

  /// Model indices of a module's declarations, parallel to its ast::File vectors.
  struct ModuleDecls {
    std::vector<Index> jurisdictions;
    std::vector<Index> actors;
    std::vector<Index> bodies;
    std::vector<std::vector<Index>> levels;  // per `levels` declaration
    std::vector<Index> instruments;
    std::vector<Index> norms;
    std::vector<Index> claims;
    std::vector<Index> agreements;
  };

  /// Where diagnostics go: nowhere while resolving a declaration the parser could only
  /// partly recover (see DamageScope).
  diag::DiagnosticEngine& sink() { return quiet_ ? discarded_ : diags_; }
  bool damaged(Index m, source::Span declSpan) const;
  /// Silences sink() for its lifetime if the declaration at `declSpan` holds a syntax error.
  class DamageScope {
   public:
    DamageScope(ProgramBuilder& b, Index m, source::Span declSpan) : b_(b), old_(b.quiet_) {
      b.quiet_ = old_ || b.damaged(m, declSpan);
    }
    ~DamageScope() { b_.quiet_ = old_; }
    DamageScope(const DamageScope&) = delete;
    DamageScope& operator=(const DamageScope&) = delete;

   private:
    ProgramBuilder& b_;
    bool old_;
  };

  // declarations.cpp
  void declareModule(Index m);
  void declareDimension(Index m, const ast::Dimension& d);
  void addCategories(Index dim, const std::vector<ast::TaxonomyNode>& nodes, Index parent);
  void declareActionTree(Index m, const ast::TaxonomyNode& node, Index parent);
  model::DeclInfo declInfo(Index m, const ast::Ident& name, const std::string& title,
                           const std::string& doc, source::Span declSpan) const;
  void addPending(Index m, SymbolKind kind, Index index, const ast::Ident& name);
  void registerPending(Index m);
  void declareImplicitMembers(Index m);
  void orderJurisdictions();

  // resolver.cpp
  /// Looks `name` up as written in module `m`; reports an unknown or ambiguous name (in the
  /// words of `what`) and returns nullptr. The symbol found may be of any kind.
  const Symbol* findAny(Index m, const ast::QualName& name, const Expected& what);
  /// findAny, then N2003 if the kind is wrong. `countsAsUse` is false for references that
  /// do not make a declaration used for the unused-declaration lint (see lints.cpp).
  const Symbol* resolve(Index m, const ast::QualName& name, const Expected& what,
                        bool countsAsUse = true);
  void reportUnknown(Index m, const ast::QualName& name, const Expected& what, Index inModule);
  diag::Diagnostic& reportWrongKind(const ast::QualName& name, const Symbol& sym,
                                    const Expected& what);
  void reportUnknownModule(Index m, const ast::QualName& name);
  void addDeclaredHere(diag::Diagnostic& d, const Symbol& sym) const;
  std::optional<model::Issuer> resolveIssuer(Index m, const ast::QualName& name);
  void markUsed(const Symbol& sym);
  std::optional<model::Date> toDate(const ast::Date& d) const;

  // vocabulary.cpp
  void resolveVocabulary(Index m);
  void checkMembershipCycles();
  void checkActorCycles();

  // rules.cpp
  void resolveInstruments(Index m);
  void resolveNorms(Index m);
  void resolveClaimsAndAgreements(Index m);
  void checkDateOrder(const std::optional<model::Date>& effective, source::Span effectiveSpan,
                      const std::optional<model::Date>& until, source::Span untilSpan);

  // conditions.cpp
  model::Condition resolveCondition(Index m, const ast::Condition& c);
  std::optional<Index> resolveDimensionValue(Index m, Index dim, const ast::QualName& value);
  void reportNotAJurisdiction(Index m, Index dim, const ast::QualName& value);

  // tests.cpp
  void resolveTests(Index m);

  // lints.cpp
  void runLints();

  const Options& options_;
  source::SourceManager& sm_;
  diag::DiagnosticEngine& diags_;
  LoadedProgram& loaded_;
  std::unique_ptr<model::Program> program_;
  SymbolTable symbols_;

  std::vector<ModuleDecls> decls_;            // per module
  std::vector<std::vector<Symbol>> pending_;  // per module, before registration
  std::vector<std::map<std::string, Index, std::less<>>> categoryIndex_;  // per dimension
  std::vector<char> implicitJurisdiction_;              // declared only by a `members` list
  std::vector<std::vector<source::Span>> memberSpans_;  // per jurisdiction, parallel to members
  std::vector<std::vector<source::Span>> parentSpans_;  // per actor class, parallel to parents
  std::vector<Index> levelsChainModule_;                // per chain: its module
  std::vector<std::pair<source::Span, source::Span>> instrumentDateSpans_;  // effective, until
  std::array<std::vector<char>, kSymbolKindCount> used_;
  bool quiet_ = false;
  diag::DiagnosticEngine discarded_;
};

}  // namespace nomos::sema
