// Builds model::Program values by hand for the analysis tests, so they do not depend on the
// parser or sema. Every declaration gets its own span (file 0, a distinct offset), so tests
// can check where a diagnostic points.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "model/program.h"

namespace nomos::analysis::testing {

using model::CmpOp;
using model::Condition;
using model::Index;
using model::Modality;

class ProgramBuilder {
 public:
  model::Program p;

  source::Span nextSpan() {
    offset_ += 10;
    return {0, offset_, offset_ + 5};
  }

  Index jurisdiction(const std::string& name, std::initializer_list<Index> members = {}) {
    model::Jurisdiction j;
    named(j, name);
    j.members = members;
    Index id = static_cast<Index>(p.jurisdictions.size());
    for (Index m : members) p.jurisdictions[m].memberOf.push_back(id);
    p.jurisdictions.push_back(j);
    return id;
  }

  Index territory(const std::string& name) {
    model::Dimension d;
    named(d, name);
    d.territory = true;
    p.dimensions.push_back(d);
    return static_cast<Index>(p.dimensions.size() - 1);
  }
  Index taxonomy(const std::string& name, bool closed = false) {
    model::Dimension d;
    named(d, name);
    d.closed = closed;
    p.dimensions.push_back(d);
    return static_cast<Index>(p.dimensions.size() - 1);
  }
  Index category(Index dim, const std::string& name, Index parent = model::kNone) {
    auto& d = p.dimensions[dim];
    model::Category c;
    c.name = name;
    c.parent = parent;
    Index id = static_cast<Index>(d.categories.size());
    if (parent == model::kNone) {
      d.roots.push_back(id);
    } else {
      d.categories[parent].children.push_back(id);
    }
    d.categories.push_back(c);
    return id;
  }

  Index flag(const std::string& name) { return fact(name, model::FactKind::Flag); }
  Index count(const std::string& name) { return fact(name, model::FactKind::Count); }

  Index action(const std::string& name, Index parent = model::kNone) {
    model::Action a;
    named(a, name);
    a.parent = parent;
    Index id = static_cast<Index>(p.actions.size());
    if (parent != model::kNone) p.actions[parent].children.push_back(id);
    p.actions.push_back(a);
    return id;
  }
  void incompatible(std::initializer_list<Index> actions) {
    p.incompatibles.push_back({actions, nextSpan()});
  }

  Index actor(const std::string& name, std::initializer_list<Index> parents = {},
              bool body = false) {
    model::ActorClass a;
    named(a, name);
    a.parents = parents;
    a.isBody = body;
    p.actors.push_back(a);
    return static_cast<Index>(p.actors.size() - 1);
  }
  void disjoint(std::initializer_list<Index> actors) {
    p.disjoints.push_back({actors, nextSpan()});
  }

  /// One `levels` chain, highest first; returns the first level's index.
  Index levels(std::initializer_list<std::string> names) {
    Index first = static_cast<Index>(p.levels.size());
    int rank = 0;
    for (const auto& n : names) {
      model::Level l;
      named(l, n);
      l.chain = chains_;
      l.rank = rank++;
      p.levels.push_back(l);
    }
    ++chains_;
    return first;
  }

  Index instrument(const std::string& name, model::Issuer issuer, Index level = model::kNone,
                   std::optional<model::Date> effective = {},
                   std::optional<model::Date> until = {}) {
    model::Instrument i;
    named(i, name);
    i.issuer = issuer;
    i.level = level;
    i.effective = effective;
    i.until = until;
    p.instruments.push_back(i);
    return static_cast<Index>(p.instruments.size() - 1);
  }

  Index norm(const std::string& name, Index instrument, Index subject, Modality m, Index action,
             std::optional<Condition> where = {}, std::optional<Condition> unless = {}) {
    model::Norm n;
    named(n, name);
    n.instrument = instrument;
    n.subject = subject;
    n.modality = m;
    n.action = action;
    n.where = std::move(where);
    n.unless = std::move(unless);
    p.norms.push_back(std::move(n));
    return static_cast<Index>(p.norms.size() - 1);
  }
  model::Norm& operator[](Index n) { return p.norms[n]; }
  void prevails(Index winner, Index loser) {
    p.norms[winner].prevailsOver.push_back(loser);
    p.norms[winner].prevailsSpans.push_back(nextSpan());
  }

  Index claim(const std::string& name, Index jurisdiction, Condition c, bool exclusive = false) {
    model::SovereigntyClaim s;
    named(s, name);
    s.jurisdiction = jurisdiction;
    s.exclusive = exclusive;
    s.condition = std::move(c);
    p.claims.push_back(std::move(s));
    return static_cast<Index>(p.claims.size() - 1);
  }

  Index agreement(const std::string& name, std::vector<model::Issuer> parties,
                  std::optional<model::Date> effective = {},
                  std::optional<model::Date> until = {}) {
    model::Agreement a;
    named(a, name);
    a.parties = std::move(parties);
    a.effective = effective;
    a.until = until;
    p.agreements.push_back(std::move(a));
    return static_cast<Index>(p.agreements.size() - 1);
  }
  void defers(Index agreement, model::Issuer from, model::Issuer to, Condition c) {
    p.agreements[agreement].deferences.push_back({from, to, std::move(c), nextSpan()});
  }

  model::Program& finish() {
    p.finalize();
    return p;
  }

  // ------------------------------------------------------------------ conditions
  static Condition in(Index dim, std::initializer_list<Index> values) {
    Condition c;
    c.kind = Condition::Kind::In;
    c.dim = dim;
    c.values = values;
    return c;
  }
  static Condition notIn(Index dim, std::initializer_list<Index> values) {
    return no(in(dim, values));
  }
  static Condition is(Index fact) {
    Condition c;
    c.kind = Condition::Kind::Flag;
    c.fact = fact;
    return c;
  }
  static Condition cmp(Index fact, CmpOp op, std::int64_t n) {
    Condition c;
    c.kind = Condition::Kind::Compare;
    c.fact = fact;
    c.op = op;
    c.number = n;
    return c;
  }
  static Condition no(Condition x) {
    Condition c;
    c.kind = Condition::Kind::Not;
    c.operands.push_back(std::move(x));
    return c;
  }
  static Condition all(std::vector<Condition> xs) {
    Condition c;
    c.kind = Condition::Kind::And;
    c.operands = std::move(xs);
    return c;
  }
  static Condition any(std::vector<Condition> xs) {
    Condition c;
    c.kind = Condition::Kind::Or;
    c.operands = std::move(xs);
    return c;
  }

  static model::Issuer jur(Index j) { return {model::Issuer::Kind::Jurisdiction, j}; }
  static model::Issuer body(Index actor) { return {model::Issuer::Kind::Body, actor}; }
  static model::Date date(int y, int m, int d) { return model::dateFromCivil(y, m, d); }

 private:
  template <class D>
  void named(D& d, const std::string& name) {
    d.name = name;
    d.qualified = name;
    d.span = nextSpan();
    d.declSpan = d.span;
  }
  Index fact(const std::string& name, model::FactKind kind) {
    model::Fact f;
    named(f, name);
    f.kind = kind;
    p.facts.push_back(f);
    return static_cast<Index>(p.facts.size() - 1);
  }

  std::uint32_t offset_ = 0;
  Index chains_ = 0;
};

}  // namespace nomos::analysis::testing
