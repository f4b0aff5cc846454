#include "analysis/witness.h"

#include <fmt/format.h>

namespace nomos::analysis {

namespace {

/// How many named values "other than ..." lists before trailing off.
constexpr std::size_t kRemainderNames = 3;

std::string joined(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

/// "other than CN, US, EU, …": the top-level names the remainder lies outside of.
std::string remainderText(const model::Program& program, const model::Dimension& dim) {
  std::vector<std::string> names;
  std::size_t total = 0;
  if (dim.territory) {
    for (const auto& j : program.jurisdictions) {
      if (!j.memberOf.empty()) continue;
      if (names.size() < kRemainderNames) names.push_back(j.name);
      ++total;
    }
    if (total == 0) return "an undeclared jurisdiction";
  } else {
    for (auto r : dim.roots) {
      if (r >= dim.categories.size()) continue;
      if (names.size() < kRemainderNames) names.push_back(dim.categories[r].name);
      ++total;
    }
    if (total == 0) return "any value";
  }
  std::string out = "other than " + joined(names, ", ");
  if (total > names.size()) out += ", …";
  return out;
}

std::string valueName(const model::Program& program, Index dimIndex, Index value) {
  const auto& dim = program.dimensions[dimIndex];
  if (value == model::kNone) return kRemainderValue;
  if (dim.territory)
    return value < program.jurisdictions.size() ? program.jurisdictions[value].name : "?";
  return value < dim.categories.size() ? dim.categories[value].name : "?";
}

std::string valueText(const model::Program& program, Index dimIndex, Index value) {
  if (value == model::kNone) return remainderText(program, program.dimensions[dimIndex]);
  return valueName(program, dimIndex, value);
}

bool isVowel(char c) {
  switch (c) {
    case 'a':
    case 'e':
    case 'i':
    case 'o':
    case 'u':
    case 'A':
    case 'E':
    case 'I':
    case 'O':
    case 'U':
      return true;
    default:
      return false;
  }
}

/// "disclose" → "discloses", "transfer_abroad" → "transfers abroad", "process" → "processes".
std::string thirdPerson(std::string_view action) {
  std::string words(action);
  for (auto& c : words) {
    if (c == '_') c = ' ';
  }
  std::size_t end = words.find(' ');
  if (end == std::string::npos) end = words.size();
  std::string verb = words.substr(0, end);
  std::string rest = words.substr(end);
  auto endsWith = [&](std::string_view s) { return verb.size() >= s.size() && verb.ends_with(s); };
  if (verb.empty()) return words;
  if (endsWith("s") || endsWith("x") || endsWith("z") || endsWith("ch") || endsWith("sh") ||
      endsWith("o")) {
    verb += "es";
  } else if (endsWith("y") && verb.size() > 1 && !isVowel(verb[verb.size() - 2])) {
    verb.back() = 'i';
    verb += "es";
  } else {
    verb += "s";
  }
  return verb + rest;
}

std::string actorPhrase(const model::Program& program, const std::vector<Index>& actors) {
  auto one = [&](Index a) {
    const auto& cls = program.actors[a];
    if (cls.isBody) return cls.name;  // one organisation: no article
    return std::string(isVowel(cls.name.empty() ? 'x' : cls.name[0]) ? "an " : "a ") + cls.name;
  };
  if (actors.empty()) return "an actor";
  std::string out = one(actors[0]);
  for (std::size_t i = 1; i < actors.size(); ++i) out += " that is also " + one(actors[i]);
  return out;
}

/// The structured form of a witness, built when an output asks for it. Keeps only the
/// values it prints, not the whole point.
class PointSituation final : public diag::Witness::Source {
 public:
  PointSituation(const model::Program& program, const Point& point, const WitnessActs& acts,
                 const std::vector<Index>& dims, const std::vector<Index>& facts)
      : program_(program), acts_(acts), date_(point.date) {
    for (Index d : dims) {
      if (d < program.dimensions.size()) dims_.emplace_back(d, point.dims[d]);
    }
    for (Index f : facts) {
      if (f < program.facts.size()) facts_.emplace_back(f, point.facts[f]);
    }
  }

  nlohmann::json situation() const override {
    nlohmann::json situation = nlohmann::json::object();
    if (!acts_.actors.empty() || !acts_.actions.empty()) {
      nlohmann::json actors = nlohmann::json::array();
      for (Index a : acts_.actors) actors.push_back(program_.actors[a].name);
      situation["actor"] = std::move(actors);
      if (!acts_.actions.empty()) situation["action"] = program_.actions[acts_.actions[0]].name;
      if (acts_.actions.size() > 1)
        situation["incompatible_action"] = program_.actions[acts_.actions[1]].name;
    }
    nlohmann::json dims = nlohmann::json::object();
    for (auto [d, v] : dims_) dims[program_.dimensions[d].name] = valueName(program_, d, v);
    situation["dimensions"] = std::move(dims);
    nlohmann::json facts = nlohmann::json::object();
    for (auto [f, v] : facts_) {
      const auto& fact = program_.facts[f];
      if (fact.kind == model::FactKind::Flag) {
        facts[fact.name] = v != 0;
      } else {
        facts[fact.name] = v;
      }
    }
    situation["facts"] = std::move(facts);
    if (date_) situation["date"] = model::formatDate(*date_);
    return situation;
  }

 private:
  const model::Program& program_;
  WitnessActs acts_;
  std::vector<std::pair<Index, Index>> dims_;
  std::vector<std::pair<Index, std::int64_t>> facts_;
  std::optional<model::Date> date_;
};

}  // namespace

diag::Witness renderWitness(const model::Program& program, const Point& point,
                            const WitnessActs& acts, const std::vector<Index>& dims,
                            const std::vector<Index>& facts) {
  // One line, sections separated by "; ", built in place: a large repository renders one
  // per finding, and the vectors of pieces this used to join cost a tenth of the analysis.
  std::string text;
  text.reserve(160);
  auto section = [&] {
    if (!text.empty()) text += "; ";
  };
  bool hasActs = !acts.actors.empty() || !acts.actions.empty();

  // A dimension called `data` reads best as the object of the verb: "discloses personal data".
  Index dataDim = model::kNone;
  if (hasActs) {
    for (Index d : dims) {
      if (d < program.dimensions.size() && program.dimensions[d].name == "data" &&
          !program.dimensions[d].territory) {
        dataDim = d;
      }
    }
  }

  if (hasActs) {
    text += actorPhrase(program, acts.actors);
    if (!acts.actions.empty()) {
      text += ' ';
      text += thirdPerson(program.actions[acts.actions[0]].name);
      if (acts.actions.size() > 1) {
        text += " and ";
        text += thirdPerson(program.actions[acts.actions[1]].name);
      }
    }
    if (dataDim != model::kNone) {
      Index v = point.dims[dataDim];
      if (v == model::kNone) {
        text += " data ";
        text += remainderText(program, program.dimensions[dataDim]);
      } else {
        text += ' ';
        text += valueName(program, dataDim, v);
        text += " data";
      }
    }
  }

  bool first = true;
  for (Index d : dims) {
    if (d >= program.dimensions.size() || d == dataDim) continue;
    if (first) {
      section();
      first = false;
    } else {
      text += ", ";
    }
    text += program.dimensions[d].name;
    text += ' ';
    text += valueText(program, d, point.dims[d]);
  }

  // Flags that hold, then flags that do not, then counts.
  first = true;
  auto fact = [&](auto&& write) {
    if (first) {
      section();
      first = false;
    } else {
      text += ", ";
    }
    write();
  };
  for (int pass = 0; pass < 3; ++pass) {
    for (Index f : facts) {
      if (f >= program.facts.size()) continue;
      const auto& decl = program.facts[f];
      std::int64_t v = point.facts[f];
      bool flag = decl.kind == model::FactKind::Flag;
      if (pass == 0 && flag && v != 0) fact([&] { text += decl.name; });
      if (pass == 1 && flag && v == 0) fact([&] { text += "not " + decl.name; });
      if (pass == 2 && !flag) fact([&] { text += fmt::format("{} {}", decl.name, v); });
    }
  }

  if (point.date) {
    section();
    text += "on ";
    text += model::formatDate(*point.date);
  }
  if (text.empty()) text = "any situation";
  return diag::Witness(std::make_shared<PointSituation>(program, point, acts, dims, facts),
                       std::move(text));
}

}  // namespace nomos::analysis
