#include "eval/reasons.h"

#include <algorithm>

#include <fmt/format.h>

namespace nomos::eval {

namespace {

using analysis::PairRule;

std::string quoted(const std::string& s) { return "`" + s + "`"; }

std::string joinWords(const std::vector<std::string>& parts, const char* sep = ", ") {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

const char* verbOf(model::Modality m) {
  switch (m) {
    case model::Modality::Must:
      return "obliges";
    case model::Modality::MustNot:
      return "forbids";
    case model::Modality::May:
      return "permits";
    case model::Modality::NeedNot:
      return "exempts";
  }
  return "obliges";
}

}  // namespace

std::string Reasons::valueName(Index dim, Index value) const {
  const auto& d = p_.dimensions[dim];
  if (d.territory) return value < p_.jurisdictions.size() ? p_.jurisdictions[value].name : "?";
  return value < d.categories.size() ? d.categories[value].name : "?";
}

std::string Reasons::unspecifiedName(const Unspecified& u) const {
  switch (u.kind) {
    case Unspecified::Kind::Dimension:
      return p_.dimensions[u.index].name;
    case Unspecified::Kind::Fact:
      return p_.facts[u.index].name;
    case Unspecified::Kind::Date:
      return "date";
    case Unspecified::Kind::TooComplex:
      return "a condition too complex to evaluate";
  }
  return "date";
}

std::string Reasons::unspecified(const Unspecified& u) const {
  switch (u.kind) {
    case Unspecified::Kind::Dimension: {
      std::string name = quoted(p_.dimensions[u.index].name);
      for (const auto& v : s_.values) {
        if (v.dim == u.index) {
          return fmt::format("{} (given only as `{}`, without saying which of its subcategories)",
                             name, valueName(v.dim, v.value));
        }
      }
      return name;
    }
    case Unspecified::Kind::Fact:
      return quoted(p_.facts[u.index].name);
    case Unspecified::Kind::Date:
      return "the date";
    case Unspecified::Kind::TooComplex:
      return "a condition too complex to evaluate (N3070)";
  }
  return "the date";
}

std::string Reasons::unspecifiedHelp(const Unspecified& u) const {
  switch (u.kind) {
    case Unspecified::Kind::Dimension: {
      const auto& d = p_.dimensions[u.index];
      return fmt::format(
          "give its value with `given {} VALUE;`, or write one test per value if each matters",
          d.name);
    }
    case Unspecified::Kind::Fact: {
      const auto& f = p_.facts[u.index];
      if (f.kind == model::FactKind::Count) {
        return fmt::format(
            "give the number with `given {} N;` (a fact not given is not assumed to be 0)", f.name);
      }
      return fmt::format("give `{0}` or `not {0}` (a fact not given is not assumed to be false)",
                         f.name);
    }
    case Unspecified::Kind::Date:
      return "give the date with `given date YYYY-MM-DD;`";
    case Unspecified::Kind::TooComplex:
      return "split the norm into several norms with simpler conditions";
  }
  return {};
}

std::string Reasons::label(Index norm) const {
  const auto& n = p_.norms[norm];
  std::vector<std::string> parts;
  if (std::string c = citation(norm); !c.empty()) parts.push_back(c);
  std::string issuer = issuerName(norm);
  if (n.instrument != model::kNone && p_.instruments[n.instrument].level < p_.levels.size()) {
    issuer += ", " + p_.levels[p_.instruments[n.instrument].level].name;
  }
  parts.push_back(issuer);
  return fmt::format("`{}` ({})", n.name, joinWords(parts, "; "));
}

std::string Reasons::source(Index norm) const {
  const auto& n = p_.norms[norm];
  std::string issuer = issuerName(norm);
  if (n.instrument != model::kNone && p_.instruments[n.instrument].level < p_.levels.size()) {
    issuer += ", " + p_.levels[p_.instruments[n.instrument].level].name;
  }
  std::string cite = citation(norm);
  if (cite.empty()) return fmt::format("no instrument cited ({})", issuer);
  return fmt::format("{} ({})", cite, issuer);
}

std::string Reasons::says(Index norm) const {
  const auto& n = p_.norms[norm];
  return fmt::format("{} {}", verbOf(n.modality),
                     n.action < p_.actions.size() ? p_.actions[n.action].name : "?");
}

std::string Reasons::whyNot(Index norm) const {
  const auto& n = p_.norms[norm];
  if (n.subject >= p_.actors.size() || n.action >= p_.actions.size())
    return "it could not be resolved";
  if (!e_.actorIn[n.subject]) {
    std::vector<std::string> classes;
    for (Index c : s_.actorClasses) classes.push_back(quoted(p_.actors[c].name));
    if (classes.empty())
      return fmt::format("it binds `{}`, and the situation names no actor",
                         p_.actors[n.subject].name);
    return fmt::format("it binds `{}`, and the actor is {}", p_.actors[n.subject].name,
                       joinWords(classes));
  }
  if (s_.action >= p_.actions.size()) return "the situation names no action";
  if (!p_.actionWithin(s_.action, n.action)) {
    if (p_.actionWithin(n.action, s_.action)) {
      return fmt::format("it is about `{}`, a narrower action than `{}`", p_.actions[n.action].name,
                         p_.actions[s_.action].name);
    }
    return fmt::format("it is about `{}`, and the action is `{}`", p_.actions[n.action].name,
                       p_.actions[s_.action].name);
  }
  const auto& engine = ev_.engine();
  analysis::Range w = engine.window(norm);
  if (!w.overlaps(e_.box.dates)) {
    model::Window win = p_.window(n);
    std::string range;
    if (win.from != model::kMinDate && win.to != model::kMaxDate) {
      range =
          fmt::format("from {} until {}", model::formatDate(win.from), model::formatDate(win.to));
    } else if (win.from != model::kMinDate) {
      range = "from " + model::formatDate(win.from);
    } else {
      range = "until " + model::formatDate(win.to);
    }
    if (win.empty()) return "its time window is empty";
    return fmt::format("it is in force {}, and the date is {}", range,
                       model::formatDate(model::Date{static_cast<std::int32_t>(e_.box.dates.lo)}));
  }
  if (!engine.usable(norm)) return "its condition is too complex to evaluate (N3070)";
  // Which given value keeps the condition from holding: the first whose removal lets it meet.
  const auto& region = engine.condition(norm);
  auto meetsWithout = [&](const analysis::Box& relaxed) {
    for (const auto& b : region.boxes) {
      if (analysis::intersects(b, relaxed)) return true;
    }
    return false;
  };
  for (Index d : engine.mentionedDims(norm)) {
    if (!e_.box.dimAtoms(d)) continue;
    analysis::Box relaxed = e_.box;
    relaxed.setDim(d, engine.domains().all(d));
    if (!meetsWithout(relaxed)) continue;
    for (const auto& v : s_.values) {
      if (v.dim == d)
        return fmt::format("its condition does not hold: `{}` is `{}`", p_.dimensions[d].name,
                           valueName(d, v.value));
    }
  }
  for (Index f : engine.mentionedFacts(norm)) {
    analysis::Box relaxed = e_.box;
    bool flag = p_.facts[f].kind == model::FactKind::Flag;
    if (flag) {
      auto it = std::find_if(relaxed.flags.begin(), relaxed.flags.end(),
                             [&](const analysis::FlagConstraint& c) { return c.fact == f; });
      if (it == relaxed.flags.end()) continue;
      bool value = it->value;
      relaxed.flags.erase(it);
      if (meetsWithout(relaxed)) {
        return fmt::format("its condition does not hold: `{}` {}", p_.facts[f].name,
                           value ? "holds" : "does not hold");
      }
    } else {
      analysis::Range r = relaxed.count(f);
      if (r == analysis::kAllCounts) continue;
      relaxed.setCount(f, analysis::kAllCounts);
      if (meetsWithout(relaxed)) {
        return fmt::format("its condition does not hold: `{}` is {}", p_.facts[f].name, r.lo);
      }
    }
  }
  return "its condition does not hold in this situation";
}

std::string Reasons::whyUnknown(const NormAnswer& a) const {
  if (a.applies == Truth::Unknown && a.dependsOn)
    return "whether it applies depends on " + unspecified(*a.dependsOn);
  if (auto u = standsDependsOn(a)) return "whether it is set aside depends on " + unspecified(*u);
  return "it depends on what the situation leaves unspecified";
}

std::optional<Unspecified> Reasons::standsDependsOn(const NormAnswer& a) const {
  if (a.applies == Truth::Unknown) return a.dependsOn;
  if (a.overridden != Truth::Unknown || a.overriddenBy >= e_.clashes.size()) return std::nullopt;
  const ClashAnswer& c = e_.clashes[a.overriddenBy];
  if (c.clash.undetermined) return c.dependsOn;
  if (const NormAnswer* w = e_.find(c.clash.prevailing)) return w->dependsOn;
  return std::nullopt;
}

const char* Reasons::clashKind(PairRule r) {
  switch (r) {
    case PairRule::ObligationProhibition:
    case PairRule::IncompatibleObligations:
      return "conflict";
    case PairRule::PermissionProhibition:
    case PairRule::ObligationExemption:
    case PairRule::PermissionIncompatible:
      return "contradiction";
    case PairRule::Deadline:
      return "deadline overlap";
  }
  return "conflict";
}

std::string Reasons::clashWhat(const ClashAnswer& c) const {
  const auto& x = p_.norms[c.clash.pair.x];
  const auto& y = p_.norms[c.clash.pair.y];
  switch (c.clash.pair.rule) {
    case PairRule::ObligationProhibition:
      return fmt::format("`{}` obliges what `{}` forbids", x.name, y.name);
    case PairRule::IncompatibleObligations:
      return fmt::format("`{}` and `{}` oblige incompatible actions", x.name, y.name);
    case PairRule::PermissionProhibition:
      return fmt::format("`{}` permits what `{}` forbids", x.name, y.name);
    case PairRule::ObligationExemption:
      return fmt::format("`{}` obliges what `{}` exempts", x.name, y.name);
    case PairRule::PermissionIncompatible:
      return fmt::format("`{}` permits an action incompatible with what `{}` obliges", x.name,
                         y.name);
    case PairRule::Deadline:
      return fmt::format("`{}` and `{}` oblige it within {} and {}", x.name, y.name, x.withinText,
                         y.withinText);
  }
  return {};
}

std::string Reasons::ruleDetail(const ClashAnswer& c) const {
  const auto& r = c.clash.resolution;
  if (!r.resolved) return {};
  Index w = r.winner, l = w == c.clash.pair.x ? c.clash.pair.y : c.clash.pair.x;
  const auto& nw = p_.norms[w];
  const auto& nl = p_.norms[l];
  auto levelOf = [&](const model::Norm& n) -> std::string {
    if (n.instrument == model::kNone) return "?";
    Index lv = p_.instruments[n.instrument].level;
    return lv < p_.levels.size() ? p_.levels[lv].name : "?";
  };
  auto instrumentOf = [&](const model::Norm& n) -> std::string {
    return n.instrument == model::kNone ? n.name : p_.instruments[n.instrument].name;
  };
  if (r.rule == "prevails over")
    return fmt::format("`{}` declares that it prevails over `{}`", nw.name, nl.name);
  if (r.rule == "lex superior") {
    return fmt::format("lex superior: {} is a {}, {} a {}", instrumentOf(nw), levelOf(nw),
                       instrumentOf(nl), levelOf(nl));
  }
  if (r.rule == "lex specialis") {
    return fmt::format("lex specialis: `{}` applies to a narrower set of situations than `{}`",
                       nw.name, nl.name);
  }
  if (r.rule == "lex posterior") {
    return fmt::format("lex posterior: `{}` is in force from {}, after `{}` (from {})", nw.name,
                       model::formatDate(p_.window(nw).from), nl.name,
                       model::formatDate(p_.window(nl).from));
  }
  return r.rule;
}

std::string Reasons::clashOutcome(const ClashAnswer& c) const {
  const auto& sc = c.clash;
  if (sc.pair.rule == PairRule::Deadline) return "the stricter deadline applies: " + sc.help;
  if (sc.bodyVersusLaw) {
    return fmt::format(
        "the law prevails: `{}` stands and `{}` is set aside; the clash is an error at the body's "
        "rule",
        p_.norms[sc.prevailing].name,
        p_.norms[sc.prevailing == sc.pair.x ? sc.pair.y : sc.pair.x].name);
  }
  if (sc.resolution.resolved) {
    return fmt::format("resolved: `{}` prevails ({})", p_.norms[sc.resolution.winner].name,
                       ruleDetail(c));
  }
  if (sc.undetermined && c.dependsOn) {
    return fmt::format("undetermined: whether an agreement settles it depends on {}",
                       unspecified(*c.dependsOn));
  }
  return "unresolved: " + sc.help;
}

std::string Reasons::situationText() const {
  std::vector<std::string> parts;
  std::vector<std::string> classes;
  for (Index c : s_.actorClasses) classes.push_back(p_.actors[c].name);
  if (!classes.empty()) parts.push_back("actor " + joinWords(classes));
  if (s_.action < p_.actions.size()) parts.push_back("action " + p_.actions[s_.action].name);
  std::vector<std::string> values;
  for (const auto& v : s_.values)
    values.push_back(p_.dimensions[v.dim].name + " " + valueName(v.dim, v.value));
  if (!values.empty()) parts.push_back(joinWords(values));
  std::vector<std::string> facts;
  for (const auto& f : s_.facts) {
    const auto& fact = p_.facts[f.fact];
    if (fact.kind == model::FactKind::Flag) {
      facts.push_back(f.value ? fact.name : "not " + fact.name);
    } else {
      facts.push_back(fmt::format("{} {}", fact.name, f.value));
    }
  }
  if (!facts.empty()) parts.push_back(joinWords(facts));
  parts.push_back(s_.date ? "date " + model::formatDate(*s_.date) : "any date");
  return joinWords(parts, "; ");
}

diag::Related Reasons::normNote(Index norm, const std::string& what) const {
  std::string cite = citation(norm);
  const auto& n = p_.norms[norm];
  if (cite.empty()) return {n.span, fmt::format("`{}` {} here", n.name, what)};
  return {n.span, fmt::format("`{}` {} here ({})", n.name, what, cite)};
}

void Reasons::clashNotes(const ClashAnswer& c, std::vector<diag::Related>& out) const {
  for (Index n : {c.clash.pair.x, c.clash.pair.y}) out.push_back(normNote(n, says(n)));
  if (c.clash.resolution.resolved && c.clash.resolution.agreement != model::kNone) {
    const auto& a = p_.agreements[c.clash.resolution.agreement];
    out.push_back(
        {a.span, fmt::format("agreement `{}` decides it: {}", a.name, c.clash.resolution.rule)});
  }
}

}  // namespace nomos::eval
