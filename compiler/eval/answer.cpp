#include "eval/answer.h"

#include <algorithm>

#include <fmt/format.h>

#include "eval/reasons.h"

namespace nomos::eval {

namespace {

const char* truthWord(Truth t) {
  return t == Truth::Yes ? "yes" : t == Truth::No ? "no" : "depends";
}

const char* ruleId(analysis::PairRule r) {
  using analysis::PairRule;
  switch (r) {
    case PairRule::ObligationProhibition:
      return "obligation-prohibition";
    case PairRule::IncompatibleObligations:
      return "incompatible-obligations";
    case PairRule::PermissionProhibition:
      return "permission-prohibition";
    case PairRule::ObligationExemption:
      return "obligation-exemption";
    case PairRule::PermissionIncompatible:
      return "permission-incompatible";
    case PairRule::Deadline:
      return "deadline";
  }
  return "";
}

std::string location(const source::SourceManager* sm, source::Span span) {
  if (!sm || !span.valid()) return {};
  auto lc = sm->lineCol(span.file, span.begin);
  return fmt::format("{}:{}", sm->path(span.file), lc.line);
}

std::string joinNorms(const model::Program& p, const std::vector<Index>& norms) {
  std::string out;
  for (Index n : norms) out += (out.empty() ? "" : ", ") + p.norms[n].name;
  return out;
}

std::string issuerStatusText(const model::Program& p, const IssuerStatus& is) {
  if (is.entries.empty()) return fmt::format("{}: no rule stands", p.issuerName(is.issuer));
  std::string out = p.issuerName(is.issuer) + ": ";
  bool first = true;
  for (const auto& entry : is.entries) {
    out += fmt::format("{}{}{} ({})", first ? "" : ", ", entry.certain ? "" : "possibly ",
                       statusName(entry.status), joinNorms(p, entry.norms));
    first = false;
  }
  return out;
}

}  // namespace

std::vector<IssuerStatus> statusByIssuer(const model::Program& program, const Evaluation& e) {
  std::vector<IssuerStatus> out;
  for (const auto& a : e.norms) {
    if (a.precluded) continue;
    model::Issuer issuer = program.issuer(program.norms[a.norm]);
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const IssuerStatus& s) { return s.issuer == issuer; });
    if (it == out.end()) {
      out.push_back({issuer, {}});
      it = out.end() - 1;
    }
    Truth stands = a.stands();
    if (stands == Truth::No) continue;
    Status status = statusOf(program.norms[a.norm].modality);
    bool certain = stands == Truth::Yes;
    auto entry = std::find_if(
        it->entries.begin(), it->entries.end(),
        [&](const IssuerStatus::Entry& x) { return x.status == status && x.certain == certain; });
    if (entry == it->entries.end()) {
      it->entries.push_back({status, {}, certain});
      entry = it->entries.end() - 1;
    }
    entry->norms.push_back(a.norm);
  }
  return out;
}

void renderAnswerText(std::ostream& out, const Evaluator& evaluator, const Situation& s,
                      const Evaluation& e, const source::SourceManager* sm) {
  const auto& p = evaluator.program();
  Reasons r(evaluator, s, e);
  out << "situation: " << r.situationText() << "\n";

  auto normLine = [&](const NormAnswer& a) {
    const auto& n = p.norms[a.norm];
    std::string where = location(sm, n.span);
    out << fmt::format("  {} {} → {}\n", n.name, r.says(a.norm), r.source(a.norm));
    if (!n.title.empty() || !where.empty()) {
      out << fmt::format("      {}{}{}\n", n.title, !n.title.empty() && !where.empty() ? " — " : "",
                         where);
    }
    if (a.applies == Truth::Unknown) out << "      " << r.whyUnknown(a) << "\n";
    if (a.overridden != Truth::No && a.overriddenBy < e.clashes.size()) {
      const ClashAnswer& c = e.clashes[a.overriddenBy];
      out << fmt::format("      {}: {}\n",
                         a.overridden == Truth::Yes ? "set aside" : "possibly set aside",
                         r.clashOutcome(c));
    }
  };
  auto section = [&](const char* title, auto&& pick) {
    bool any = false;
    for (const auto& a : e.norms) {
      if (!pick(a)) continue;
      if (!any) out << "\n" << title << ":\n";
      any = true;
      normLine(a);
    }
    return any;
  };
  bool applying = section("norms that apply", [](const NormAnswer& a) {
    return !a.precluded && a.applies == Truth::Yes;
  });
  applying |=
      section("norms that may apply, depending on what the situation leaves unspecified",
              [](const NormAnswer& a) { return !a.precluded && a.applies == Truth::Unknown; });
  if (!applying) out << "\nno norm applies\n";
  section("obligations the action precludes (declared incompatible with it)",
          [](const NormAnswer& a) { return a.precluded; });

  auto statuses = statusByIssuer(p, e);
  if (!statuses.empty()) {
    out << "\nstatus of " << (s.action < p.actions.size() ? p.actions[s.action].name : "the action")
        << " by issuer:\n";
    for (const auto& is : statuses) out << "  " << issuerStatusText(p, is) << "\n";
  }

  if (!e.clashes.empty()) {
    out << "\nconflicts and contradictions here:\n";
    for (const auto& c : e.clashes) {
      out << fmt::format("  {}{}: {}\n", Reasons::clashKind(c.clash.pair.rule),
                         c.meets == Truth::Yes ? "" : " (if both apply)", r.clashWhat(c));
      for (Index n : {c.clash.pair.x, c.clash.pair.y}) {
        out << fmt::format("    {} {} → {}\n", p.norms[n].name, r.says(n), r.source(n));
      }
      out << "    → " << r.clashOutcome(c) << "\n";
    }
  }
}

std::string answerLine(const Evaluator& evaluator, const Situation& s, const Evaluation& e) {
  const auto& p = evaluator.program();
  Reasons r(evaluator, s, e);
  std::vector<std::string> parts;
  for (const auto& is : statusByIssuer(p, e)) parts.push_back(issuerStatusText(p, is));
  if (parts.empty()) parts.push_back("no norm applies");
  for (const auto& c : e.clashes) {
    parts.push_back(
        fmt::format("{} {} × {}: {}", Reasons::clashKind(c.clash.pair.rule),
                    p.norms[c.clash.pair.x].name, p.norms[c.clash.pair.y].name,
                    c.clash.resolution.resolved
                        ? "resolved, " + p.norms[c.clash.resolution.winner].name + " prevails"
                    : c.clash.bodyVersusLaw                             ? "the law prevails"
                    : c.clash.undetermined                              ? "undetermined"
                    : c.clash.pair.rule == analysis::PairRule::Deadline ? "the stricter applies"
                                                                        : "unresolved"));
  }
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "; ") + part;
  return out;
}

nlohmann::json situationJson(const model::Program& p, const Situation& s) {
  nlohmann::json j = nlohmann::json::object();
  nlohmann::json actors = nlohmann::json::array();
  for (Index c : s.actorClasses) actors.push_back(p.actors[c].name);
  j["actor"] = std::move(actors);
  if (s.action < p.actions.size()) j["action"] = p.actions[s.action].name;
  nlohmann::json dims = nlohmann::json::object();
  for (const auto& v : s.values) {
    const auto& d = p.dimensions[v.dim];
    dims[d.name] = d.territory ? p.jurisdictions[v.value].name : d.categories[v.value].name;
  }
  j["dimensions"] = std::move(dims);
  nlohmann::json facts = nlohmann::json::object();
  for (const auto& f : s.facts) {
    const auto& fact = p.facts[f.fact];
    if (fact.kind == model::FactKind::Flag) {
      facts[fact.name] = f.value != 0;
    } else {
      facts[fact.name] = f.value;
    }
  }
  j["facts"] = std::move(facts);
  if (s.date) j["date"] = model::formatDate(*s.date);
  return j;
}

nlohmann::json answerJson(const Evaluator& evaluator, const Situation& s, const Evaluation& e,
                          const source::SourceManager* sm) {
  const auto& p = evaluator.program();
  Reasons r(evaluator, s, e);
  nlohmann::json norms = nlohmann::json::array();
  for (const auto& a : e.norms) {
    const auto& n = p.norms[a.norm];
    nlohmann::json j = {{"norm", n.name},
                        {"qualified", n.qualified},
                        {"title", n.title},
                        {"issuer", p.issuerName(p.issuer(n))},
                        {"modality", std::string(model::modalityText(n.modality))},
                        {"status", statusName(statusOf(n.modality))},
                        {"action", p.actions[n.action].name},
                        {"citation", r.citation(a.norm)},
                        {"applies", truthWord(a.applies)},
                        {"precluded", a.precluded},
                        {"stands", truthWord(a.stands())}};
    if (n.instrument != model::kNone) j["instrument"] = p.instruments[n.instrument].name;
    if (!n.article.empty()) j["article"] = n.article;
    if (n.withinHours) j["withinHours"] = *n.withinHours;
    if (a.applies == Truth::Unknown && a.dependsOn)
      j["dependsOn"] = r.unspecifiedName(*a.dependsOn);
    if (a.overridden != Truth::No && a.overriddenBy < e.clashes.size()) {
      const auto& c = e.clashes[a.overriddenBy].clash;
      if (c.prevailing != model::kNone) j["setAsideBy"] = p.norms[c.prevailing].name;
    }
    if (std::string where = location(sm, n.span); !where.empty()) j["location"] = where;
    norms.push_back(std::move(j));
  }
  nlohmann::json issuers = nlohmann::json::array();
  for (const auto& is : statusByIssuer(p, e)) {
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& entry : is.entries) {
      nlohmann::json names = nlohmann::json::array();
      for (Index n : entry.norms) names.push_back(p.norms[n].name);
      entries.push_back({{"status", statusName(entry.status)},
                         {"certain", entry.certain},
                         {"norms", std::move(names)}});
    }
    nlohmann::json certain = nlohmann::json::array();
    for (const auto& entry : is.entries) {
      if (entry.certain) certain.push_back(statusName(entry.status));
    }
    issuers.push_back({{"issuer", p.issuerName(is.issuer)},
                       {"status", std::move(certain)},
                       {"statuses", std::move(entries)}});
  }
  nlohmann::json clashes = nlohmann::json::array();
  for (const auto& c : e.clashes) {
    const auto& sc = c.clash;
    nlohmann::json j = {{"kind", Reasons::clashKind(sc.pair.rule)},
                        {"rule", ruleId(sc.pair.rule)},
                        {"norms", {p.norms[sc.pair.x].name, p.norms[sc.pair.y].name}},
                        {"meets", truthWord(c.meets)},
                        {"resolved", sc.resolution.resolved},
                        {"bodyVersusLaw", sc.bodyVersusLaw},
                        {"undetermined", sc.undetermined},
                        {"reason", r.clashOutcome(c)}};
    if (sc.prevailing != model::kNone) j["prevailing"] = p.norms[sc.prevailing].name;
    if (sc.resolution.resolved) j["by"] = sc.resolution.rule;
    if (sc.resolution.agreement != model::kNone)
      j["agreement"] = p.agreements[sc.resolution.agreement].name;
    if (c.dependsOn) j["dependsOn"] = r.unspecifiedName(*c.dependsOn);
    clashes.push_back(std::move(j));
  }
  return {{"situation", situationJson(p, s)},
          {"norms", std::move(norms)},
          {"issuers", std::move(issuers)},
          {"clashes", std::move(clashes)}};
}

}  // namespace nomos::eval
