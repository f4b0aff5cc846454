// Pass 3c: conditions. `dim in V` checks that V is a value of the dimension (a jurisdiction
// for a territory dimension, one of its own categories otherwise); facts are used as their
// kind allows (flags bare, counts compared with a number).
#include <algorithm>

#include "sema/program_builder.h"
#include "sema/suggest.h"

namespace nomos::sema {

using diag::DiagId;
using model::Index;
using model::kNone;

model::Condition ProgramBuilder::resolveCondition(Index m, const ast::Condition& c) {
  model::Condition out;
  out.span = c.span;
  switch (c.kind) {
    case ast::Condition::Kind::In: {
      model::Condition in;
      in.span = c.span;
      if (const Symbol* dim = resolve(m, c.subject, expect::kDimension)) {
        in.kind = model::Condition::Kind::In;
        in.dim = dim->index;
        for (const auto& value : c.values) {
          auto v = resolveDimensionValue(m, dim->index, value);
          if (v && std::find(in.values.begin(), in.values.end(), *v) == in.values.end())
            in.values.push_back(*v);
        }
      }
      if (!c.negated) return in;
      out.kind = model::Condition::Kind::Not;
      out.operands.push_back(std::move(in));
      return out;
    }
    case ast::Condition::Kind::Flag:
    case ast::Condition::Kind::Compare: {
      const Symbol* sym = resolve(m, c.subject, expect::kFact);
      if (!sym) return out;
      const model::Fact& fact = program_->facts[sym->index];
      bool isCount = fact.kind == model::FactKind::Count;
      if (c.kind == ast::Condition::Kind::Flag) {
        if (isCount) {
          auto& d = sink().report(
              DiagId::FactMisuse, c.subject.span, c.subject.str(), "count",
              fmt::format("compare it with a number, as in `{} >= 1`", c.subject.str()));
          addDeclaredHere(d, *sym);
          return out;
        }
        out.kind = model::Condition::Kind::Flag;
      } else {
        if (!isCount) {
          auto& d = sink().report(
              DiagId::FactMisuse, c.subject.span, c.subject.str(), "flag",
              fmt::format("it is either true or false, so write `{0}` or `not {0}` instead of "
                          "comparing it with a number",
                          c.subject.str()));
          addDeclaredHere(d, *sym);
          return out;
        }
        out.kind = model::Condition::Kind::Compare;
        out.op = static_cast<model::CmpOp>(c.op);
        out.number = c.number;
      }
      out.fact = sym->index;
      return out;
    }
    case ast::Condition::Kind::And:
    case ast::Condition::Kind::Or:
    case ast::Condition::Kind::Not:
      out.kind = c.kind == ast::Condition::Kind::And  ? model::Condition::Kind::And
                 : c.kind == ast::Condition::Kind::Or ? model::Condition::Kind::Or
                                                      : model::Condition::Kind::Not;
      for (const auto& operand : c.operands) out.operands.push_back(resolveCondition(m, operand));
      return out;
  }
  return out;
}

void ProgramBuilder::reportNotAJurisdiction(Index m, Index dim, const ast::QualName& value) {
  const model::Dimension& md = program_->dimensions[dim];
  const std::string& name = value.parts.back();
  auto& d = sink().report(DiagId::ValueNotInDimension, value.span, value.str(), md.name);
  for (Index hidden : symbols_.hiddenProviders(m, name)) {
    const Symbol* sym = symbols_.local(hidden, name);
    if (sym->kind != SymbolKind::Jurisdiction) continue;
    const std::string& mod = symbols_.moduleName(hidden);
    d.help.push_back(
        fmt::format("jurisdiction `{}` is declared in module `{}`, which is not imported here; add "
                    "`import {};`",
                    name, mod, mod));
    return;
  }
  std::vector<std::string> candidates;
  symbols_.forEachVisible(m, [&](const Symbol& sym) {
    if (sym.kind == SymbolKind::Jurisdiction) candidates.push_back(sym.name);
  });
  std::sort(candidates.begin(), candidates.end());
  if (auto best = closestName(name, candidates)) {
    d.help.push_back(fmt::format("did you mean `{}`?", *best));
    return;
  }
  for (Index other = 0; other < program_->dimensions.size(); ++other) {
    if (categoryIndex_[other].count(name)) {
      d.help.push_back(
          fmt::format("`{}` is a category of dimension `{}`; `{}` is a territory dimension, whose "
                      "values are jurisdictions",
                      name, program_->dimensions[other].name, md.name));
      return;
    }
  }
  d.help.push_back(fmt::format(
      "`{}` is a territory dimension: its values are jurisdictions; declare `jurisdiction "
      "{};` if `{}` is one",
      md.name, name, name));
}

std::optional<Index> ProgramBuilder::resolveDimensionValue(Index m, Index dim,
                                                           const ast::QualName& value) {
  const model::Dimension& md = program_->dimensions[dim];
  if (value.parts.empty()) return std::nullopt;  // lost to a syntax error, already reported
  if (md.territory) {
    if (value.parts.size() == 1 && symbols_.find(m, value).status == Lookup::Status::NotFound) {
      if (!loaded_.modules[m].hasFailedImport()) reportNotAJurisdiction(m, dim, value);
      return std::nullopt;
    }
    const Symbol* sym = findAny(m, value, expect::kJurisdiction);
    if (!sym) return std::nullopt;
    if (sym->kind != SymbolKind::Jurisdiction) {
      auto& d = sink().report(DiagId::ValueNotInDimension, value.span, value.str(), md.name);
      addDeclaredHere(d, *sym);
      d.help.push_back(
          fmt::format("`{}` is a territory dimension: its values are jurisdictions", md.name));
      return std::nullopt;
    }
    markUsed(*sym);
    return sym->index;
  }

  // Categories are scoped to their dimension: `personal`, or a path `personal.sensitive`,
  // optionally behind the dimension's own name (`data.personal`).
  const auto& index = categoryIndex_[dim];
  std::vector<std::string> parts = value.parts;
  if (parts.size() > 1 && parts.front() == md.name) parts.erase(parts.begin());
  Index found = kNone;
  if (auto it = index.find(parts.front()); it != index.end()) {
    found = it->second;
    for (std::size_t i = 1; i < parts.size() && found != kNone; ++i) {
      Index next = kNone;
      for (Index child : md.categories[found].children) {
        if (md.categories[child].name == parts[i]) next = child;
      }
      found = next;
    }
  }
  if (found != kNone) return found;

  auto& d = sink().report(DiagId::ValueNotInDimension, value.span, value.str(), md.name);
  d.related.push_back({md.span, fmt::format("dimension `{}` is declared here", md.name)});
  std::vector<std::string> names;
  for (const auto& cat : md.categories) names.push_back(cat.name);
  std::sort(names.begin(), names.end());
  if (auto best = closestName(value.parts.back(), names)) {
    d.help.push_back(fmt::format("did you mean `{}`?", *best));
    return std::nullopt;
  }
  // Perhaps a category of another dimension, or a name of another kind.
  const std::string& last = value.parts.back();
  for (Index other = 0; other < program_->dimensions.size(); ++other) {
    if (other != dim && categoryIndex_[other].count(last)) {
      d.help.push_back(fmt::format("`{}` is a category of dimension `{}`", last,
                                   program_->dimensions[other].name));
      return std::nullopt;
    }
  }
  if (md.categories.empty()) {
    d.help.push_back(fmt::format("dimension `{}` declares no categories", md.name));
  } else {
    std::vector<std::string> roots;
    for (Index r : md.roots) roots.push_back("`" + md.categories[r].name + "`");
    d.help.push_back(
        fmt::format("the values of `{}` are its categories: {}", md.name, fmt::join(roots, ", ")));
  }
  return std::nullopt;
}

}  // namespace nomos::sema
