#include "backends/json_export.h"

namespace nomos::backends {

using model::Index;
using model::kNone;
using nlohmann::json;

std::string exportId(const model::DeclInfo& decl) {
  return decl.qualified.empty() ? decl.name : decl.qualified;
}

std::string_view deonticName(model::Modality m) {
  switch (m) {
    case model::Modality::Must:
      return "obligation";
    case model::Modality::MustNot:
      return "prohibition";
    case model::Modality::May:
      return "permission";
    case model::Modality::NeedNot:
      return "exemption";
  }
  return "obligation";
}

std::string_view findingKindName(analysis::FindingKind kind) {
  switch (kind) {
    case analysis::FindingKind::Conflict:
      return "conflict";
    case analysis::FindingKind::Contradiction:
      return "contradiction";
    case analysis::FindingKind::DeadlineOverlap:
      return "deadline-overlap";
    case analysis::FindingKind::Overlap:
      return "overlap";
    case analysis::FindingKind::Reach:
      return "reach";
    case analysis::FindingKind::NeverApplies:
      return "never-applies";
    case analysis::FindingKind::Redundant:
      return "redundant";
    case analysis::FindingKind::PrecedenceIgnored:
      return "precedence-ignored";
    case analysis::FindingKind::TooComplex:
      return "too-complex";
  }
  return "conflict";
}

std::string_view cmpOpText(model::CmpOp op) {
  switch (op) {
    case model::CmpOp::Lt:
      return "<";
    case model::CmpOp::Le:
      return "<=";
    case model::CmpOp::Gt:
      return ">";
    case model::CmpOp::Ge:
      return ">=";
    case model::CmpOp::Eq:
      return "==";
  }
  return "==";
}

namespace {

json dateJson(const std::optional<model::Date>& d) {
  return d ? json(model::formatDate(*d)) : json(nullptr);
}

json stringOrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

template <class Vec>
json idList(const Vec& decls, const std::vector<Index>& indices) {
  json out = json::array();
  for (Index i : indices) out.push_back(exportId(decls[i]));
  return out;
}

json issuerJson(const model::Program& p, model::Issuer i) {
  switch (i.kind) {
    case model::Issuer::Kind::Jurisdiction:
      return {{"kind", "jurisdiction"}, {"id", exportId(p.jurisdictions[i.index])}};
    case model::Issuer::Kind::Body:
      return {{"kind", "body"}, {"id", exportId(p.actors[i.index])}};
    case model::Issuer::Kind::None:
      break;
  }
  return nullptr;
}

class Exporter {
 public:
  Exporter(const model::Program& p, const JsonExportOptions& o) : p_(p), o_(o) {}

  /// The fields every declaration has.
  json decl(const model::DeclInfo& d) const {
    json out = {{"id", exportId(d)}, {"name", d.name}, {"title", d.title}, {"doc", d.doc}};
    out["module"] = d.module != kNone && d.module < p_.modules.size()
                        ? json(p_.modules[d.module].name)
                        : json(nullptr);
    if (o_.sources && d.span.valid() && d.span.file < o_.sources->size()) {
      auto lc = o_.sources->lineCol(d.span.file, d.span.begin);
      out["location"] = {
          {"file", o_.sources->path(d.span.file)}, {"line", lc.line}, {"column", lc.column}};
    }
    return out;
  }

  json run(const analysis::Result* analysis) const {
    json out;
    out["format"] = kExportFormat;
    out["version"] = kExportVersion;
    out["generator"] = o_.generator;

    json modules = json::array();
    for (const auto& m : p_.modules) {
      json j = {{"name", m.name}, {"library", m.isLibrary}};
      if (o_.sources && m.file != source::kNoFile && m.file < o_.sources->size())
        j["file"] = o_.sources->path(m.file);
      modules.push_back(std::move(j));
    }
    out["modules"] = std::move(modules);

    json jurisdictions = json::array();
    for (const auto& j : p_.jurisdictions) {
      json e = decl(j);
      e["members"] = idList(p_.jurisdictions, j.members);
      e["memberOf"] = idList(p_.jurisdictions, j.memberOf);
      jurisdictions.push_back(std::move(e));
    }
    out["jurisdictions"] = std::move(jurisdictions);

    json dimensions = json::array();
    for (const auto& d : p_.dimensions) {
      json e = decl(d);
      e["kind"] = d.territory ? "territory" : "taxonomy";
      e["closed"] = d.closed;
      json cats = json::array();
      for (const auto& c : d.categories) {
        json children = json::array();
        for (Index ch : c.children) children.push_back(d.categories[ch].name);
        cats.push_back(
            {{"name", c.name},
             {"title", c.title},
             {"doc", c.doc},
             {"parent", c.parent == kNone ? json(nullptr) : json(d.categories[c.parent].name)},
             {"children", std::move(children)}});
      }
      e["categories"] = std::move(cats);
      dimensions.push_back(std::move(e));
    }
    out["dimensions"] = std::move(dimensions);

    json facts = json::array();
    for (const auto& f : p_.facts) {
      json e = decl(f);
      e["kind"] = f.kind == model::FactKind::Flag ? "flag" : "count";
      facts.push_back(std::move(e));
    }
    out["facts"] = std::move(facts);

    json actions = json::array();
    for (const auto& a : p_.actions) {
      json e = decl(a);
      e["parent"] = a.parent == kNone ? json(nullptr) : json(exportId(p_.actions[a.parent]));
      e["children"] = idList(p_.actions, a.children);
      actions.push_back(std::move(e));
    }
    out["actions"] = std::move(actions);
    json incompatible = json::array();
    for (const auto& s : p_.incompatibles) incompatible.push_back(idList(p_.actions, s.actions));
    out["incompatible"] = std::move(incompatible);

    json actors = json::array();
    for (const auto& a : p_.actors) {
      json e = decl(a);
      e["parents"] = idList(p_.actors, a.parents);
      e["body"] = a.isBody;
      actors.push_back(std::move(e));
    }
    out["actors"] = std::move(actors);
    json disjoint = json::array();
    for (const auto& s : p_.disjoints) disjoint.push_back(idList(p_.actors, s.actors));
    out["disjoint"] = std::move(disjoint);

    json levels = json::array();
    for (const auto& l : p_.levels) {
      json e = decl(l);
      e["chain"] = l.chain;
      e["rank"] = l.rank;
      levels.push_back(std::move(e));
    }
    out["levels"] = std::move(levels);

    json instruments = json::array();
    for (const auto& i : p_.instruments) {
      json e = decl(i);
      e["issuer"] = issuerJson(p_, i.issuer);
      e["level"] = i.level == kNone ? json(nullptr) : json(exportId(p_.levels[i.level]));
      e["effective"] = dateJson(i.effective);
      e["until"] = dateJson(i.until);
      instruments.push_back(std::move(e));
    }
    out["instruments"] = std::move(instruments);

    json norms = json::array();
    for (const auto& n : p_.norms) norms.push_back(norm(n));
    out["norms"] = std::move(norms);

    json claims = json::array();
    for (const auto& c : p_.claims) {
      json e = decl(c);
      e["jurisdiction"] = exportId(p_.jurisdictions[c.jurisdiction]);
      e["exclusive"] = c.exclusive;
      e["condition"] = conditionJson(p_, c.condition);
      claims.push_back(std::move(e));
    }
    out["claims"] = std::move(claims);

    json agreements = json::array();
    for (const auto& a : p_.agreements) {
      json e = decl(a);
      json parties = json::array();
      for (const auto& party : a.parties) parties.push_back(issuerJson(p_, party));
      e["parties"] = std::move(parties);
      e["effective"] = dateJson(a.effective);
      e["until"] = dateJson(a.until);
      json defs = json::array();
      for (const auto& d : a.deferences) {
        defs.push_back({{"from", issuerJson(p_, d.from)},
                        {"to", issuerJson(p_, d.to)},
                        {"condition", conditionJson(p_, d.condition)}});
      }
      e["deferences"] = std::move(defs);
      agreements.push_back(std::move(e));
    }
    out["agreements"] = std::move(agreements);

    json findings = json::array();
    if (analysis) {
      for (const auto& f : analysis->findings) findings.push_back(finding(f));
    }
    out["findings"] = std::move(findings);
    return out;
  }

 private:
  json norm(const model::Norm& n) const {
    json e = decl(n);
    e["instrument"] =
        n.instrument == kNone ? json(nullptr) : json(exportId(p_.instruments[n.instrument]));
    e["article"] = stringOrNull(n.article);
    e["citation"] = stringOrNull(p_.citation(n));
    e["issuer"] = issuerJson(p_, p_.issuer(n));
    e["subject"] = exportId(p_.actors[n.subject]);
    e["modality"] = model::modalityText(n.modality);
    e["deontic"] = deonticName(n.modality);
    e["action"] = exportId(p_.actions[n.action]);
    e["where"] = n.where ? conditionJson(p_, *n.where) : json(nullptr);
    e["unless"] = n.unless ? conditionJson(p_, *n.unless) : json(nullptr);
    e["within"] =
        n.withinHours ? json{{"hours", *n.withinHours}, {"text", n.withinText}} : json(nullptr);
    e["effective"] = dateJson(n.effective);
    e["until"] = dateJson(n.until);
    model::Window w = p_.window(n);
    e["window"] = {
        {"from", w.from == model::kMinDate ? json(nullptr) : json(model::formatDate(w.from))},
        {"to", w.to == model::kMaxDate ? json(nullptr) : json(model::formatDate(w.to))}};
    e["prevailsOver"] = idList(p_.norms, n.prevailsOver);
    return e;
  }

  json finding(const analysis::Finding& f) const {
    bool claims = f.kind == analysis::FindingKind::Overlap;
    auto ref = [&](Index i) -> json {
      if (i == kNone) return nullptr;
      if (claims) return i < p_.claims.size() ? json(exportId(p_.claims[i])) : json(nullptr);
      return i < p_.norms.size() ? json(exportId(p_.norms[i])) : json(nullptr);
    };
    json e = {{"kind", findingKindName(f.kind)},
              {"code", diag::info(f.code).code},
              {"severity", diag::severityName(f.severity)},
              {"subjects", claims ? "claims" : "norms"},
              {"first", ref(f.first)},
              {"second", ref(f.second)},
              {"message", f.message}};
    e["resolution"] = {
        {"resolved", f.resolution.resolved},
        {"winner", f.resolution.winner < p_.norms.size()
                       ? json(exportId(p_.norms[f.resolution.winner]))
                       : json(nullptr)},
        {"rule", stringOrNull(f.resolution.rule)},
        {"pairCode",
         f.resolution.resolved ? json(diag::info(f.resolution.pairCode).code) : json(nullptr)},
        {"agreement", f.resolution.agreement < p_.agreements.size()
                          ? json(exportId(p_.agreements[f.resolution.agreement]))
                          : json(nullptr)}};
    e["witness"] =
        f.witness ? json{{"situation", f.witness->hasJson() ? f.witness->json() : json::object()},
                         {"text", f.witness->text}}
                  : json(nullptr);
    return e;
  }

  const model::Program& p_;
  const JsonExportOptions& o_;
};

}  // namespace

json conditionJson(const model::Program& p, const model::Condition& c) {
  using K = model::Condition::Kind;
  switch (c.kind) {
    case K::True:
      return {{"op", "true"}};
    case K::In: {
      const auto& dim = p.dimensions[c.dim];
      json values = json::array();
      for (Index v : c.values)
        values.push_back(dim.territory ? exportId(p.jurisdictions[v]) : dim.categories[v].name);
      return {{"op", "in"}, {"dimension", exportId(dim)}, {"values", std::move(values)}};
    }
    case K::Flag:
      return {{"op", "flag"}, {"fact", exportId(p.facts[c.fact])}};
    case K::Compare:
      return {{"op", "compare"},
              {"fact", exportId(p.facts[c.fact])},
              {"cmp", cmpOpText(c.op)},
              {"value", c.number}};
    case K::And:
    case K::Or:
    case K::Not: {
      json args = json::array();
      for (const auto& o : c.operands) args.push_back(conditionJson(p, o));
      return {{"op", c.kind == K::And  ? "and"
                     : c.kind == K::Or ? "or"
                                       : "not"},
              {"args", std::move(args)}};
    }
  }
  return {{"op", "true"}};
}

json exportJson(const model::Program& program, const analysis::Result* analysis,
                const JsonExportOptions& options) {
  return Exporter(program, options).run(analysis);
}

}  // namespace nomos::backends
