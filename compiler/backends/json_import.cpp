#include "backends/json_import.h"

#include <map>
#include <stdexcept>

#include <fmt/format.h>

#include "backends/json_export.h"

namespace nomos::backends {

using model::Index;
using model::kNone;
using nlohmann::json;

namespace {

struct ImportError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::optional<model::Date> dateOf(const json& j, std::string_view what) {
  if (j.is_null()) return std::nullopt;
  auto d = model::parseDate(j.get<std::string>());
  if (!d) throw ImportError(fmt::format("{} `{}` is not a date", what, j.get<std::string>()));
  return d;
}

class Importer {
 public:
  explicit Importer(const json& doc) : doc_(doc) {}

  ImportedProgram run() {
    ImportedProgram out;
    if (doc_.value("format", "") != kExportFormat)
      throw ImportError("not a nomos-export document (\"format\")");
    if (doc_.value("version", 0) != kExportVersion) {
      throw ImportError(
          fmt::format("export version {} is not supported (this reader knows version {})",
                      doc_.value("version", 0), kExportVersion));
    }
    auto& p = *(out.program = std::make_unique<model::Program>());
    for (const auto& m : doc_.at("modules")) {
      moduleIds_[m.at("name").get<std::string>()] = static_cast<Index>(p.modules.size());
      p.modules.push_back(
          {m.at("name").get<std::string>(), source::kNoFile, m.value("library", false)});
    }
    // First pass: every declaration gets its index, so references may point forward.
    declare(p.jurisdictions, "jurisdictions", jurisdictions_);
    declare(p.dimensions, "dimensions", dimensions_);
    declare(p.facts, "facts", facts_);
    declare(p.actions, "actions", actions_);
    declare(p.actors, "actors", actors_);
    declare(p.levels, "levels", levels_);
    declare(p.instruments, "instruments", instruments_);
    declare(p.norms, "norms", norms_);
    declare(p.claims, "claims", claims_);
    declare(p.agreements, "agreements", agreements_);

    for (std::size_t i = 0; i < p.jurisdictions.size(); ++i) {
      const auto& j = doc_["jurisdictions"][i];
      p.jurisdictions[i].members = refs(j.at("members"), jurisdictions_, "jurisdiction");
      p.jurisdictions[i].memberOf = refs(j.at("memberOf"), jurisdictions_, "jurisdiction");
    }
    for (std::size_t i = 0; i < p.dimensions.size(); ++i)
      dimension(p.dimensions[i], doc_["dimensions"][i]);
    for (std::size_t i = 0; i < p.facts.size(); ++i) {
      p.facts[i].kind =
          doc_["facts"][i].at("kind") == "count" ? model::FactKind::Count : model::FactKind::Flag;
    }
    for (std::size_t i = 0; i < p.actions.size(); ++i) {
      const auto& a = doc_["actions"][i];
      p.actions[i].parent = a.at("parent").is_null() ? kNone : ref(a["parent"], actions_, "action");
      p.actions[i].children = refs(a.at("children"), actions_, "action");
    }
    for (const auto& s : doc_.at("incompatible"))
      p.incompatibles.push_back({refs(s, actions_, "action"), {}});
    for (std::size_t i = 0; i < p.actors.size(); ++i) {
      const auto& a = doc_["actors"][i];
      p.actors[i].parents = refs(a.at("parents"), actors_, "actor");
      p.actors[i].isBody = a.value("body", false);
    }
    for (const auto& s : doc_.at("disjoint"))
      p.disjoints.push_back({refs(s, actors_, "actor"), {}});
    for (std::size_t i = 0; i < p.levels.size(); ++i) {
      p.levels[i].chain = doc_["levels"][i].at("chain").get<Index>();
      p.levels[i].rank = doc_["levels"][i].at("rank").get<int>();
    }
    for (std::size_t i = 0; i < p.instruments.size(); ++i) {
      const auto& j = doc_["instruments"][i];
      auto& ins = p.instruments[i];
      ins.issuer = issuer(j.at("issuer"));
      ins.level = j.at("level").is_null() ? kNone : ref(j["level"], levels_, "level");
      ins.effective = dateOf(j.at("effective"), "effective");
      ins.until = dateOf(j.at("until"), "until");
    }
    for (std::size_t i = 0; i < p.norms.size(); ++i) norm(p.norms[i], doc_["norms"][i]);
    for (std::size_t i = 0; i < p.claims.size(); ++i) {
      const auto& j = doc_["claims"][i];
      p.claims[i].jurisdiction = ref(j.at("jurisdiction"), jurisdictions_, "jurisdiction");
      p.claims[i].exclusive = j.value("exclusive", false);
      p.claims[i].condition = condition(j.at("condition"));
    }
    for (std::size_t i = 0; i < p.agreements.size(); ++i) {
      const auto& j = doc_["agreements"][i];
      auto& ag = p.agreements[i];
      for (const auto& party : j.at("parties")) ag.parties.push_back(issuer(party));
      ag.effective = dateOf(j.at("effective"), "effective");
      ag.until = dateOf(j.at("until"), "until");
      for (const auto& d : j.at("deferences")) {
        ag.deferences.push_back(
            {issuer(d.at("from")), issuer(d.at("to")), condition(d.at("condition")), {}});
      }
    }
    p.finalize();
    for (const auto& f : doc_.value("findings", json::array()))
      out.findings.findings.push_back(finding(f));
    return out;
  }

 private:
  using Ids = std::map<std::string, Index>;

  template <class Vec>
  void declare(Vec& decls, const char* key, Ids& ids) {
    for (const auto& j : doc_.at(key)) {
      auto& d = decls.emplace_back();
      d.name = j.at("name").get<std::string>();
      std::string id = j.at("id").get<std::string>();
      d.qualified = id;
      d.title = j.value("title", "");
      d.doc = j.value("doc", "");
      if (j.contains("module") && j["module"].is_string()) {
        auto it = moduleIds_.find(j["module"].get<std::string>());
        d.module = it == moduleIds_.end() ? kNone : it->second;
      }
      if (!ids.emplace(id, static_cast<Index>(decls.size() - 1)).second) {
        throw ImportError(fmt::format("`{}` is declared twice in \"{}\"", id, key));
      }
    }
  }

  static Index ref(const json& j, const Ids& ids, std::string_view what) {
    auto it = ids.find(j.get<std::string>());
    if (it == ids.end())
      throw ImportError(fmt::format("unknown {} `{}`", what, j.get<std::string>()));
    return it->second;
  }

  static std::vector<Index> refs(const json& j, const Ids& ids, std::string_view what) {
    std::vector<Index> out;
    for (const auto& e : j) out.push_back(ref(e, ids, what));
    return out;
  }

  model::Issuer issuer(const json& j) const {
    if (j.is_null()) return {};
    if (j.at("kind") == "jurisdiction")
      return {model::Issuer::Kind::Jurisdiction, ref(j.at("id"), jurisdictions_, "jurisdiction")};
    if (j.at("kind") == "body")
      return {model::Issuer::Kind::Body, ref(j.at("id"), actors_, "body")};
    throw ImportError(fmt::format("unknown issuer kind {}", j.at("kind").dump()));
  }

  void dimension(model::Dimension& d, const json& j) {
    d.territory = j.at("kind") == "territory";
    d.closed = j.value("closed", false);
    std::map<std::string, Index> byName;
    for (const auto& c : j.at("categories")) {
      model::Category cat;
      cat.name = c.at("name").get<std::string>();
      cat.title = c.value("title", "");
      cat.doc = c.value("doc", "");
      if (!c.at("parent").is_null()) {
        auto it = byName.find(c["parent"].get<std::string>());
        if (it == byName.end()) {
          throw ImportError(
              fmt::format("category `{}` of `{}` comes before its parent", cat.name, d.name));
        }
        cat.parent = it->second;
        d.categories[cat.parent].children.push_back(static_cast<Index>(d.categories.size()));
      } else {
        d.roots.push_back(static_cast<Index>(d.categories.size()));
      }
      byName[cat.name] = static_cast<Index>(d.categories.size());
      d.categories.push_back(std::move(cat));
    }
    categories_[dimensions_.at(j.at("id").get<std::string>())] = std::move(byName);
  }

  model::Condition condition(const json& j) const {
    model::Condition c;
    std::string op = j.at("op").get<std::string>();
    if (op == "true") {
      c.kind = model::Condition::Kind::True;
    } else if (op == "in") {
      c.kind = model::Condition::Kind::In;
      c.dim = ref(j.at("dimension"), dimensions_, "dimension");
      for (const auto& v : j.at("values")) {
        if (dimensionIsTerritory(c.dim)) {
          c.values.push_back(ref(v, jurisdictions_, "jurisdiction"));
        } else {
          c.values.push_back(ref(v, categories_.at(c.dim), "category"));
        }
      }
    } else if (op == "flag") {
      c.kind = model::Condition::Kind::Flag;
      c.fact = ref(j.at("fact"), facts_, "fact");
    } else if (op == "compare") {
      c.kind = model::Condition::Kind::Compare;
      c.fact = ref(j.at("fact"), facts_, "fact");
      std::string cmp = j.at("cmp").get<std::string>();
      bool known = false;
      for (auto o : {model::CmpOp::Lt, model::CmpOp::Le, model::CmpOp::Gt, model::CmpOp::Ge,
                     model::CmpOp::Eq}) {
        if (cmpOpText(o) == cmp) c.op = o, known = true;
      }
      if (!known) throw ImportError(fmt::format("unknown comparison `{}`", cmp));
      c.number = j.at("value").get<std::int64_t>();
    } else if (op == "and" || op == "or" || op == "not") {
      c.kind = op == "and"  ? model::Condition::Kind::And
               : op == "or" ? model::Condition::Kind::Or
                            : model::Condition::Kind::Not;
      for (const auto& a : j.at("args")) c.operands.push_back(condition(a));
      if (c.kind == model::Condition::Kind::Not && c.operands.size() != 1) {
        throw ImportError("a `not` condition takes exactly one argument");
      }
    } else {
      throw ImportError(fmt::format("unknown condition operator `{}`", op));
    }
    return c;
  }

  bool dimensionIsTerritory(Index dim) const {
    return doc_["dimensions"][dim].at("kind") == "territory";
  }

  void norm(model::Norm& n, const json& j) const {
    n.instrument =
        j.at("instrument").is_null() ? kNone : ref(j["instrument"], instruments_, "instrument");
    n.article = j.at("article").is_null() ? std::string() : j["article"].get<std::string>();
    n.subject = ref(j.at("subject"), actors_, "actor");
    std::string modality = j.at("modality").get<std::string>();
    bool known = false;
    for (auto m : {model::Modality::Must, model::Modality::MustNot, model::Modality::May,
                   model::Modality::NeedNot}) {
      if (model::modalityText(m) == modality) n.modality = m, known = true;
    }
    if (!known)
      throw ImportError(fmt::format("unknown modality `{}` in norm `{}`", modality, n.name));
    n.action = ref(j.at("action"), actions_, "action");
    if (!j.at("where").is_null()) n.where = condition(j["where"]);
    if (!j.at("unless").is_null()) n.unless = condition(j["unless"]);
    if (!j.at("within").is_null()) {
      n.withinHours = j["within"].at("hours").get<std::int64_t>();
      n.withinText = j["within"].value("text", "");
    }
    n.effective = dateOf(j.at("effective"), "effective");
    n.until = dateOf(j.at("until"), "until");
    n.prevailsOver = refs(j.at("prevailsOver"), norms_, "norm");
    n.prevailsSpans.resize(n.prevailsOver.size());
  }

  analysis::Finding finding(const json& j) const {
    analysis::Finding f;
    std::string kind = j.at("kind").get<std::string>();
    using FK = analysis::FindingKind;
    bool known = false;
    for (auto k : {FK::Conflict, FK::Contradiction, FK::DeadlineOverlap, FK::Overlap, FK::Reach,
                   FK::NeverApplies, FK::Redundant, FK::PrecedenceIgnored, FK::TooComplex}) {
      if (findingKindName(k) == kind) f.kind = k, known = true;
    }
    if (!known) throw ImportError(fmt::format("unknown finding kind `{}`", kind));
    auto code = diag::findByCode(j.at("code").get<std::string>());
    if (!code)
      throw ImportError(
          fmt::format("unknown diagnostic code `{}`", j.at("code").get<std::string>()));
    f.code = *code;
    std::string sev = j.at("severity").get<std::string>();
    f.severity = sev == "error"     ? diag::Severity::Error
                 : sev == "warning" ? diag::Severity::Warning
                                    : diag::Severity::Note;
    const Ids& ids = j.at("subjects") == "claims" ? claims_ : norms_;
    f.first = j.at("first").is_null() ? kNone : ref(j["first"], ids, "finding subject");
    f.second = j.at("second").is_null() ? kNone : ref(j["second"], ids, "finding subject");
    f.message = j.value("message", "");
    const auto& r = j.at("resolution");
    f.resolution.resolved = r.value("resolved", false);
    f.resolution.winner = r.at("winner").is_null() ? kNone : ref(r["winner"], norms_, "norm");
    f.resolution.rule = r.at("rule").is_null() ? std::string() : r["rule"].get<std::string>();
    if (r.contains("pairCode") && r["pairCode"].is_string()) {
      auto pairCode = diag::findByCode(r["pairCode"].get<std::string>());
      if (!pairCode)
        throw ImportError(
            fmt::format("unknown diagnostic code `{}`", r["pairCode"].get<std::string>()));
      f.resolution.pairCode = *pairCode;
    }
    f.resolution.agreement =
        r.at("agreement").is_null() ? kNone : ref(r["agreement"], agreements_, "agreement");
    if (!j.at("witness").is_null())
      f.witness = diag::Witness{j["witness"].at("situation"), j["witness"].value("text", "")};
    return f;
  }

  const json& doc_;
  Ids moduleIds_, jurisdictions_, dimensions_, facts_, actions_, actors_, levels_, instruments_,
      norms_, claims_, agreements_;
  std::map<Index, Ids> categories_;
};

}  // namespace

ImportedProgram importJson(const json& document) {
  try {
    return Importer(document).run();
  } catch (const ImportError& e) {
    return {nullptr, {}, e.what()};
  } catch (const json::exception& e) {
    // A missing field or a value of the wrong type.
    return {nullptr, {}, fmt::format("malformed export: {}", e.what())};
  }
}

}  // namespace nomos::backends
