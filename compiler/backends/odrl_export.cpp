#include "backends/odrl_export.h"

#include <set>

#include <fmt/format.h>

#include "backends/json_export.h"

namespace nomos::backends {

using model::Condition;
using model::Index;
using model::kNone;
using nlohmann::json;

namespace {

class OdrlExporter {
 public:
  explicit OdrlExporter(const model::Program& p) : p_(p) {}

  json run() {
    json graph = json::array();
    for (Index i = 0; i < p_.instruments.size(); ++i) {
      json policy = instrumentPolicy(i);
      if (!policy.is_null()) graph.push_back(std::move(policy));
    }
    // Norms without `from` have no instrument: they form one policy of their own.
    json loose = policy(nullptr, "nomos:policy:unattributed");
    bool any = false;
    for (Index n = 0; n < p_.norms.size(); ++n) {
      if (p_.norms[n].instrument == kNone) any = addRule(loose, n) || any;
    }
    if (any) graph.push_back(std::move(loose));
    for (auto& node : vocabulary()) graph.push_back(std::move(node));
    return graph;
  }

 private:
  static std::string iri(std::string_view kind, const model::DeclInfo& d) {
    return fmt::format("nomos:{}:{}", kind, exportId(d));
  }
  std::string categoryIri(Index dim, Index cat) const {
    return fmt::format("nomos:category:{}/{}", exportId(p_.dimensions[dim]),
                       p_.dimensions[dim].categories[cat].name);
  }
  std::string issuerIri(model::Issuer i) const {
    if (i.kind == model::Issuer::Kind::Jurisdiction)
      return iri("jurisdiction", p_.jurisdictions[i.index]);
    if (i.kind == model::Issuer::Kind::Body) return iri("actor", p_.actors[i.index]);
    return {};
  }

  /// ODRL's own left operands where the meaning matches; our profile's otherwise.
  std::string leftOperand(Index dim) {
    const auto& d = p_.dimensions[dim];
    if (d.territory && d.name == "location") return "spatial";
    if (!d.territory && d.name == "purpose") return "purpose";
    usedDimensions_.insert(dim);
    return iri("dimension", d);
  }

  json policy(const model::Instrument* ins, std::string uid) const {
    json out = {{"@type", "Set"}, {"uid", std::move(uid)}, {"profile", "nomos:profile"}};
    if (ins) {
      out["dct:identifier"] = ins->name;
      if (!ins->title.empty()) out["dct:title"] = ins->title;
      if (!ins->doc.empty()) out["dct:description"] = ins->doc;
      if (ins->issuer.kind != model::Issuer::Kind::None) out["assigner"] = issuerIri(ins->issuer);
      if (ins->level != kNone) out["nomos:level"] = {{"@id", iri("level", p_.levels[ins->level])}};
    }
    return out;
  }

  json instrumentPolicy(Index i) {
    const auto& ins = p_.instruments[i];
    json out = policy(&ins, iri("instrument", ins));
    bool any = false;
    for (Index n = 0; n < p_.norms.size(); ++n) {
      if (p_.norms[n].instrument == i) any = addRule(out, n) || any;
    }
    // ODRL requires at least one rule in a policy: an instrument without norms has none.
    return any ? out : json(nullptr);
  }

  /// Adds norm `n` under the property of its modality; false when it adds nothing.
  bool addRule(json& policy, Index n) {
    const auto& norm = p_.norms[n];
    json rule = {{"uid", iri("norm", norm)},
                 {"assignee", iri("actor", p_.actors[norm.subject])},
                 {"action", iri("action", p_.actions[norm.action])}};
    usedActors_.insert(norm.subject);
    usedActions_.insert(norm.action);
    // ODRL requires a target on permissions and prohibitions. Nomos norms govern acts, not
    // assets: the data they concern is described by the constraints instead.
    if (norm.modality != model::Modality::Must) rule["target"] = "nomos:asset:any";
    if (!norm.title.empty()) rule["dct:title"] = norm.title;
    if (!norm.doc.empty()) rule["dct:description"] = norm.doc;
    if (auto cite = p_.citation(norm); !cite.empty()) rule["dct:bibliographicCitation"] = cite;

    json constraints = json::array();
    // `where C unless U` is C ∧ ¬U.
    if (norm.where) conjuncts(*norm.where, false, constraints);
    if (norm.unless) conjuncts(*norm.unless, true, constraints);
    model::Window w = p_.window(norm);
    if (w.from != model::kMinDate) constraints.push_back(dateConstraint("gteq", w.from));
    if (w.to != model::kMaxDate) constraints.push_back(dateConstraint("lteq", w.to));
    if (norm.withinHours) {
      constraints.push_back(
          {{"leftOperand", "elapsedTime"},
           {"operator", "lteq"},
           {"rightOperand",
            {{"@value", fmt::format("PT{}H", *norm.withinHours)}, {"@type", "xsd:duration"}}}});
    }
    if (!constraints.empty()) rule["constraint"] = std::move(constraints);
    if (!norm.prevailsOver.empty()) {
      json over = json::array();
      for (Index o : norm.prevailsOver) over.push_back({{"@id", iri("norm", p_.norms[o])}});
      rule["nomos:prevailsOver"] = std::move(over);
    }
    const char* property = "obligation";
    switch (norm.modality) {
      case model::Modality::Must:
        property = "obligation";
        break;
      case model::Modality::MustNot:
        property = "prohibition";
        break;
      case model::Modality::May:
        property = "permission";
        break;
      // ODRL has no "permission to omit": kept in our profile's own property, which ODRL
      // processors ignore.
      case model::Modality::NeedNot:
        property = "nomos:exemption";
        break;
    }
    policy[property].push_back(std::move(rule));
    return true;
  }

  static json dateConstraint(const char* op, model::Date d) {
    return {{"leftOperand", "dateTime"},
            {"operator", op},
            {"rightOperand", {{"@value", model::formatDate(d)}, {"@type", "xsd:date"}}}};
  }

  /// Appends the constraints whose conjunction is `c` (negated when `negated`).
  void conjuncts(const Condition& c, bool negated, json& out) {
    bool isAnd =
        (c.kind == Condition::Kind::And && !negated) || (c.kind == Condition::Kind::Or && negated);
    if (isAnd) {
      for (const auto& o : c.operands) conjuncts(o, negated, out);
    } else if (c.kind == Condition::Kind::Not && !c.operands.empty()) {
      conjuncts(c.operands[0], !negated, out);
    } else if (c.kind != Condition::Kind::True || negated) {
      out.push_back(constraint(c, negated));
    }
  }

  /// One constraint in negation normal form: ODRL has no `not`, so negation becomes the
  /// opposite operator and De Morgan's laws turn it into `and`/`or`.
  json constraint(const Condition& c, bool negated) {
    switch (c.kind) {
      case Condition::Kind::True:
        // Only reached negated: a condition that never holds.
        return {{"leftOperand", "nomos:never"}, {"operator", "eq"}, {"rightOperand", true}};
      case Condition::Kind::In: {
        const auto& d = p_.dimensions[c.dim];
        json values = json::array();
        for (Index v : c.values) {
          values.push_back({{"@id", d.territory ? iri("jurisdiction", p_.jurisdictions[v])
                                                : categoryIri(c.dim, v)}});
          if (d.territory) usedJurisdictions_.insert(v);
        }
        if (!d.territory) usedCategoryDims_.insert(c.dim);
        return {{"leftOperand", leftOperand(c.dim)},
                {"operator", negated ? "isNoneOf" : "isAnyOf"},
                {"rightOperand", std::move(values)}};
      }
      case Condition::Kind::Flag:
        usedFacts_.insert(c.fact);
        return {{"leftOperand", iri("fact", p_.facts[c.fact])},
                {"operator", "eq"},
                {"rightOperand", !negated}};
      case Condition::Kind::Compare: {
        usedFacts_.insert(c.fact);
        std::string_view op;
        switch (c.op) {
          case model::CmpOp::Lt:
            op = negated ? "gteq" : "lt";
            break;
          case model::CmpOp::Le:
            op = negated ? "gt" : "lteq";
            break;
          case model::CmpOp::Gt:
            op = negated ? "lteq" : "gt";
            break;
          case model::CmpOp::Ge:
            op = negated ? "lt" : "gteq";
            break;
          case model::CmpOp::Eq:
            op = negated ? "neq" : "eq";
            break;
        }
        return {{"leftOperand", iri("fact", p_.facts[c.fact])},
                {"operator", op},
                {"rightOperand", c.number}};
      }
      case Condition::Kind::Not:
        if (c.operands.empty()) return constraint(Condition{}, !negated);
        return constraint(c.operands[0], !negated);
      case Condition::Kind::And:
      case Condition::Kind::Or: {
        bool isAnd = (c.kind == Condition::Kind::And) != negated;
        json parts = json::array();
        for (const auto& o : c.operands) parts.push_back(constraint(o, negated));
        if (parts.size() == 1) return parts[0];
        return {{isAnd ? "and" : "or", std::move(parts)}};
      }
    }
    return json::object();
  }

  /// Our profile's terms that the policies use, so a reader can look up their titles and
  /// the action and actor hierarchies.
  std::vector<json> vocabulary() {
    std::vector<json> out;
    out.push_back({{"@id", "nomos:profile"},
                   {"dct:title", "Nomos profile of ODRL: cyberspace governance norms"},
                   {"dct:description",
                    "Actions, actor classes, jurisdictions, data categories and left operands "
                    "declared in Nomos "
                    "rule files. Membership in a jurisdiction or category includes its members and "
                    "subcategories."}});
    // Ancestors too: the hierarchy is what makes "doing transfer_abroad is doing transfer" visible.
    for (Index a : std::set<Index>(usedActions_)) {
      for (Index cur = p_.actions[a].parent; cur != kNone; cur = p_.actions[cur].parent)
        usedActions_.insert(cur);
    }
    for (Index a : usedActions_) {
      const auto& act = p_.actions[a];
      json node = {{"@id", iri("action", act)}, {"@type", "Action"}, {"dct:identifier", act.name}};
      if (!act.title.empty()) node["dct:title"] = act.title;
      if (act.parent != kNone) node["includedIn"] = iri("action", p_.actions[act.parent]);
      out.push_back(std::move(node));
    }
    std::set<Index> actors = usedActors_;
    for (bool grew = true; grew;) {
      grew = false;
      for (Index a : std::set<Index>(actors)) {
        for (Index parent : p_.actors[a].parents) grew = actors.insert(parent).second || grew;
      }
    }
    for (Index a : actors) {
      const auto& act = p_.actors[a];
      json node = {{"@id", iri("actor", act)},
                   {"@type", act.isBody ? "Party" : "PartyCollection"},
                   {"dct:identifier", act.name}};
      if (!act.title.empty()) node["dct:title"] = act.title;
      if (!act.parents.empty()) {
        json parents = json::array();
        for (Index parent : act.parents) parents.push_back(iri("actor", p_.actors[parent]));
        node["partOf"] = std::move(parents);
      }
      out.push_back(std::move(node));
    }
    for (Index j : usedJurisdictions_) {
      const auto& jur = p_.jurisdictions[j];
      json node = {{"@id", iri("jurisdiction", jur)}, {"dct:identifier", jur.name}};
      if (!jur.title.empty()) node["dct:title"] = jur.title;
      out.push_back(std::move(node));
    }
    for (Index d : usedDimensions_) {
      const auto& dim = p_.dimensions[d];
      json node = {
          {"@id", iri("dimension", dim)}, {"@type", "LeftOperand"}, {"dct:identifier", dim.name}};
      if (!dim.title.empty()) node["dct:title"] = dim.title;
      out.push_back(std::move(node));
    }
    for (Index d : usedCategoryDims_) {
      const auto& dim = p_.dimensions[d];
      for (Index c = 0; c < dim.categories.size(); ++c) {
        const auto& cat = dim.categories[c];
        json node = {{"@id", categoryIri(d, c)}, {"dct:identifier", cat.name}};
        if (!cat.title.empty()) node["dct:title"] = cat.title;
        if (cat.parent != kNone) node["skos:broader"] = {{"@id", categoryIri(d, cat.parent)}};
        out.push_back(std::move(node));
      }
    }
    for (Index f : usedFacts_) {
      const auto& fact = p_.facts[f];
      json node = {
          {"@id", iri("fact", fact)}, {"@type", "LeftOperand"}, {"dct:identifier", fact.name}};
      if (!fact.title.empty()) node["dct:title"] = fact.title;
      out.push_back(std::move(node));
    }
    return out;
  }

  const model::Program& p_;
  std::set<Index> usedActions_, usedActors_, usedJurisdictions_, usedDimensions_, usedCategoryDims_,
      usedFacts_;
};

}  // namespace

json exportOdrl(const model::Program& program, const OdrlOptions& options) {
  // JSON-LD 1.1 expands `nomos:x` only when the prefix's IRI ends in a general delimiter.
  std::string vocabulary = options.vocabulary;
  if (vocabulary.empty() ||
      std::string_view(":/?#[]@").find(vocabulary.back()) == std::string_view::npos) {
    vocabulary += '#';
  }
  json context = json::array({kOdrlContext, {{"nomos", vocabulary}}});
  json graph = OdrlExporter(program).run();
  return {{"@context", std::move(context)}, {"@graph", std::move(graph)}};
}

}  // namespace nomos::backends
