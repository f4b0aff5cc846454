// Pass 3d: `test` blocks. Each `given` item is resolved by what its name is: an actor class
// joins the actor's classes, a flag fact is set, a dimension takes a value; an item may be
// given once. Expectations name norms (or sovereignty clauses for `expect overlap`).
#include <map>

#include "sema/program_builder.h"

namespace nomos::sema {

using diag::DiagId;
using model::Index;
using model::kNone;

namespace {

model::Test::ExpectKind toExpectKind(ast::Expectation::Kind k) {
  switch (k) {
    case ast::Expectation::Kind::Status:
      return model::Test::ExpectKind::Status;
    case ast::Expectation::Kind::Conflict:
      return model::Test::ExpectKind::Conflict;
    case ast::Expectation::Kind::NotApplicable:
      return model::Test::ExpectKind::NotApplicable;
    case ast::Expectation::Kind::Overlap:
      return model::Test::ExpectKind::Overlap;
    case ast::Expectation::Kind::Resolved:
      return model::Test::ExpectKind::Resolved;
  }
  return model::Test::ExpectKind::Status;
}

model::Test::Status toStatus(ast::Expectation::Status s) {
  switch (s) {
    case ast::Expectation::Status::Obliged:
      return model::Test::Status::Obliged;
    case ast::Expectation::Status::Forbidden:
      return model::Test::Status::Forbidden;
    case ast::Expectation::Status::Permitted:
      return model::Test::Status::Permitted;
    case ast::Expectation::Status::Exempt:
      return model::Test::Status::Exempt;
  }
  return model::Test::Status::Obliged;
}

}  // namespace

void ProgramBuilder::resolveTests(Index m) {
  const ast::File& f = loaded_.modules[m].ast;
  std::map<std::string, source::Span> testNames;
  for (const auto& t : f.tests) {
    DamageScope scope(*this, m, t.span);
    if (auto [it, inserted] = testNames.emplace(t.name, t.span); !inserted) {
      auto& d = sink().report(DiagId::DuplicateDefinition, t.span, t.name);
      d.related.push_back({it->second, "a test with this name is first defined here"});
      d.help.push_back("give each test its own name, so that its result can be told apart");
    }

    model::Test mt;
    mt.name = t.name;
    mt.doc = t.doc;
    mt.span = t.span;
    mt.module = m;

    // What has been given, keyed by what it sets, for N2024.
    std::map<std::string, source::Span> given;
    auto firstTime = [&](const std::string& key, const std::string& shown, source::Span span) {
      auto [it, inserted] = given.emplace(key, span);
      if (inserted) return true;
      auto& d = sink().report(DiagId::DuplicateGiven, span, shown);
      d.related.push_back({it->second, "first given here"});
      d.help.push_back("a situation has one value for each thing; remove one of them");
      return false;
    };
    auto countMisuse = [&](const ast::GivenItem& item, const Symbol& sym) {
      auto& d = sink().report(DiagId::FactMisuse, item.name.span, item.name.str(), "count",
                              fmt::format("give its number, as in `{} 1500`", item.name.str()));
      addDeclaredHere(d, sym);
    };
    auto factKey = [](Index fact) { return "fact:" + std::to_string(fact); };

    for (const auto& item : t.given) {
      switch (item.kind) {
        case ast::GivenItem::Kind::Name: {
          const Symbol* sym = findAny(m, item.name, expect::kGiven);
          if (!sym) break;
          if (sym->kind == SymbolKind::ActorClass || sym->kind == SymbolKind::Body) {
            markUsed(*sym);
            if (firstTime("actor:" + std::to_string(sym->index), item.name.str(), item.name.span)) {
              mt.actorClasses.push_back(sym->index);
            }
          } else if (sym->kind == SymbolKind::Fact) {
            if (program_->facts[sym->index].kind == model::FactKind::Count) {
              countMisuse(item, *sym);
              break;
            }
            markUsed(*sym);
            if (firstTime(factKey(sym->index), item.name.str(), item.name.span)) {
              mt.facts.push_back({sym->index, 1, item.span});
            }
          } else {
            auto& d = reportWrongKind(item.name, *sym, expect::kGiven);
            if (sym->kind == SymbolKind::Action) {
              d.help.push_back(
                  fmt::format("give the action with `doing`: `doing {}`", item.name.str()));
            } else if (sym->kind == SymbolKind::Dimension) {
              d.help.push_back(
                  fmt::format("give the dimension a value, as in `{} VALUE`", item.name.str()));
            } else if (sym->kind == SymbolKind::Jurisdiction) {
              d.help.push_back(
                  fmt::format("give it as the value of a territory dimension, as in `location {}`",
                              item.name.str()));
            }
          }
          break;
        }
        case ast::GivenItem::Kind::NotFlag:
        case ast::GivenItem::Kind::Count: {
          const Symbol* sym = resolve(m, item.name, expect::kFact);
          if (!sym) break;
          bool isCount = program_->facts[sym->index].kind == model::FactKind::Count;
          if (item.kind == ast::GivenItem::Kind::NotFlag && isCount) {
            countMisuse(item, *sym);
            break;
          }
          if (item.kind == ast::GivenItem::Kind::Count && !isCount) {
            auto& d = sink().report(
                DiagId::FactMisuse, item.name.span, item.name.str(), "flag",
                fmt::format("give it as `{0}` or `not {0}`, not as a number", item.name.str()));
            addDeclaredHere(d, *sym);
            break;
          }
          if (firstTime(factKey(sym->index), item.name.str(), item.name.span)) {
            mt.facts.push_back({sym->index, isCount ? item.number : 0, item.span});
          }
          break;
        }
        case ast::GivenItem::Kind::Value: {
          const Symbol* dim = resolve(m, item.name, expect::kDimension);
          if (!dim) break;
          auto value = resolveDimensionValue(m, dim->index, item.value);
          if (!value) break;
          if (firstTime("dim:" + std::to_string(dim->index), item.name.str(), item.name.span)) {
            mt.values.push_back({dim->index, *value, item.span});
          }
          break;
        }
        case ast::GivenItem::Kind::Doing: {
          const Symbol* action = resolve(m, item.name, expect::kAction);
          if (action && firstTime("doing", "doing", item.span)) mt.action = action->index;
          break;
        }
        case ast::GivenItem::Kind::Date: {
          auto date = toDate(item.date);
          if (date && firstTime("date", "date", item.span)) mt.date = *date;
          break;
        }
      }
    }

    for (const auto& e : t.expectations) {
      model::Test::Expectation me;
      me.kind = toExpectKind(e.kind);
      me.status = toStatus(e.status);
      me.span = e.span;
      const Expected& what =
          e.kind == ast::Expectation::Kind::Overlap ? expect::kClaim : expect::kNorm;
      for (const auto& name : e.names) {
        if (const Symbol* sym = resolve(m, name, what)) me.refs.push_back(sym->index);
      }
      if (e.by) {
        if (const Symbol* sym = resolve(m, *e.by, expect::kNorm)) me.by = sym->index;
      }
      mt.expectations.push_back(std::move(me));
    }
    program_->tests.push_back(std::move(mt));
  }
}

}  // namespace nomos::sema
