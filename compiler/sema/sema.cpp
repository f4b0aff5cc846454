#include "sema/sema.h"

#include "sema/module_loader.h"
#include "sema/program_builder.h"

namespace nomos::sema {

using model::Index;

ProgramBuilder::ProgramBuilder(const Options& options, source::SourceManager& sm,
                               diag::DiagnosticEngine& diags, LoadedProgram& loaded)
    : options_(options),
      sm_(sm),
      diags_(diags),
      loaded_(loaded),
      program_(std::make_unique<model::Program>()),
      symbols_(loaded.modules) {}

std::unique_ptr<model::Program> ProgramBuilder::build() {
  const auto moduleCount = static_cast<Index>(loaded_.modules.size());
  for (const auto& lm : loaded_.modules)
    program_->modules.push_back(model::Module{lm.name, lm.file, lm.isLibrary});
  decls_.resize(moduleCount);
  pending_.resize(moduleCount);

  for (Index m = 0; m < moduleCount; ++m) {
    declareModule(m);
    registerPending(m);
  }
  // A `members` name may be declared implicitly by an imported module: imports first.
  for (Index m : loaded_.dependencyOrder) declareImplicitMembers(m);
  orderJurisdictions();

  const model::Program& p = *program_;
  memberSpans_.resize(p.jurisdictions.size());
  parentSpans_.resize(p.actors.size());
  instrumentDateSpans_.resize(p.instruments.size());
  const std::size_t sizes[kSymbolKindCount] = {
      p.jurisdictions.size(), p.dimensions.size(), p.facts.size(),     p.actions.size(),
      p.actors.size(),        p.actors.size(),     p.levels.size(),    p.instruments.size(),
      p.norms.size(),         p.claims.size(),     p.agreements.size()};
  for (std::size_t k = 0; k < kSymbolKindCount; ++k) used_[k].assign(sizes[k], 0);

  // Instruments before norms: a norm's dates are checked against its instrument's.
  for (Index m = 0; m < moduleCount; ++m) {
    resolveVocabulary(m);
    resolveInstruments(m);
  }
  for (Index m = 0; m < moduleCount; ++m) {
    resolveNorms(m);
    resolveClaimsAndAgreements(m);
    resolveTests(m);
  }
  checkMembershipCycles();
  checkActorCycles();
  if (options_.lints) runLints();

  program_->finalize();
  return std::move(program_);
}

std::unique_ptr<model::Program> build(const std::vector<std::filesystem::path>& inputs,
                                      const Options& options, source::SourceManager& sm,
                                      diag::DiagnosticEngine& diags, const ParseFn& parse) {
  LoadedProgram loaded = loadModules(inputs, options, sm, diags, parse);
  return ProgramBuilder(options, sm, diags, loaded).build();
}

}  // namespace nomos::sema
