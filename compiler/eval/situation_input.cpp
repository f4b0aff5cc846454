#include "eval/situation_input.h"

#include <charconv>

#include <fmt/format.h>

namespace nomos::eval {

namespace {

template <class Decls>
void fill(const Decls& decls, std::unordered_map<std::string, std::vector<Index>>& table,
          std::vector<std::string>& q) {
  for (Index i = 0; i < decls.size(); ++i) {
    table[decls[i].name].push_back(i);
    if (!decls[i].qualified.empty() && decls[i].qualified != decls[i].name)
      table[decls[i].qualified].push_back(i);
    q.push_back(decls[i].qualified.empty() ? decls[i].name : decls[i].qualified);
  }
}

std::optional<std::int64_t> parseInteger(std::string_view s) {
  std::string digits;
  for (char c : s) {
    if (c != '_') digits += c;
  }
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (ec != std::errc() || ptr != digits.data() + digits.size() || digits.empty())
    return std::nullopt;
  return v;
}

}  // namespace

Vocabulary::Vocabulary(const model::Program& program) : program_(program) {
  fill(program.actors, actors_, actorQ_);
  fill(program.actions, actions_, actionQ_);
  fill(program.dimensions, dims_, dimQ_);
  fill(program.facts, facts_, factQ_);
  fill(program.jurisdictions, jurisdictions_, jurQ_);
}

std::optional<Index> Vocabulary::find(const Table& t, const std::string& kind,
                                      const std::string& name, std::string& error,
                                      const std::vector<std::string>& qualified) const {
  auto it = t.find(name);
  if (it == t.end() || it->second.empty()) {
    error = fmt::format("unknown {} `{}`", kind, name);
    return std::nullopt;
  }
  if (it->second.size() > 1) {
    std::string which;
    for (Index i : it->second) which += (which.empty() ? "`" : ", `") + qualified[i] + "`";
    error = fmt::format("{} `{}` is ambiguous: it may be {}; give the qualified name", kind, name,
                        which);
    return std::nullopt;
  }
  return it->second.front();
}

std::optional<Index> Vocabulary::actor(const std::string& name, std::string& error) const {
  return find(actors_, "actor class", name, error, actorQ_);
}
std::optional<Index> Vocabulary::action(const std::string& name, std::string& error) const {
  return find(actions_, "action", name, error, actionQ_);
}
std::optional<Index> Vocabulary::dimension(const std::string& name, std::string& error) const {
  return find(dims_, "dimension", name, error, dimQ_);
}
std::optional<Index> Vocabulary::fact(const std::string& name, std::string& error) const {
  return find(facts_, "fact", name, error, factQ_);
}

std::optional<Index> Vocabulary::value(Index dim, const std::string& name,
                                       std::string& error) const {
  const auto& d = program_.dimensions[dim];
  if (d.territory) {
    std::string inner;
    auto j = find(jurisdictions_, "jurisdiction", name, inner, jurQ_);
    if (!j) error = fmt::format("`{}` is not a value of dimension `{}`: {}", name, d.name, inner);
    return j;
  }
  for (Index c = 0; c < d.categories.size(); ++c) {
    if (d.categories[c].name == name) return c;
  }
  error = fmt::format("`{}` is not a value of dimension `{}`", name, d.name);
  return std::nullopt;
}

SituationInput situationFromJson(const Vocabulary& vocabulary, const nlohmann::json& j) {
  SituationInput in;
  auto& s = in.situation;
  const auto& program = vocabulary.program();
  if (!j.is_object()) {
    in.errors.push_back(
        "a situation is a JSON object such as {\"actor\": [\"Company\"], \"action\": "
        "\"disclose\"}");
    return in;
  }
  if (auto it = j.find("id"); it != j.end()) in.id = *it;
  std::string error;
  for (const auto& [key, value] : j.items()) {
    if (key == "id") continue;
    if (key == "actor") {
      if (!value.is_array()) {
        in.errors.push_back("\"actor\" is a list of actor classes");
        continue;
      }
      for (const auto& c : value) {
        if (!c.is_string()) {
          in.errors.push_back("\"actor\" lists actor classes by name");
          continue;
        }
        if (auto a = vocabulary.actor(c.get<std::string>(), error)) {
          s.actorClasses.push_back(*a);
        } else {
          in.errors.push_back(error);
        }
      }
    } else if (key == "action") {
      if (!value.is_string()) {
        in.errors.push_back("\"action\" names an action");
      } else if (auto a = vocabulary.action(value.get<std::string>(), error)) {
        s.action = *a;
      } else {
        in.errors.push_back(error);
      }
    } else if (key == "dimensions") {
      if (!value.is_object()) {
        in.errors.push_back("\"dimensions\" maps dimension names to values");
        continue;
      }
      for (const auto& [dimName, v] : value.items()) {
        auto d = vocabulary.dimension(dimName, error);
        if (!d) {
          in.errors.push_back(error);
        } else if (!v.is_string()) {
          in.errors.push_back(fmt::format(
              "the value of `{}` is a name, such as a category or a jurisdiction", dimName));
        } else if (auto val = vocabulary.value(*d, v.get<std::string>(), error)) {
          s.values.push_back({*d, *val, {}});
        } else {
          in.errors.push_back(error);
        }
      }
    } else if (key == "facts") {
      if (!value.is_object()) {
        in.errors.push_back("\"facts\" maps fact names to true, false or a number");
        continue;
      }
      for (const auto& [factName, v] : value.items()) {
        auto f = vocabulary.fact(factName, error);
        if (!f) {
          in.errors.push_back(error);
          continue;
        }
        bool flag = program.facts[*f].kind == model::FactKind::Flag;
        if (flag && v.is_boolean()) {
          s.facts.push_back({*f, v.get<bool>() ? 1 : 0, {}});
        } else if (!flag && v.is_number_integer()) {
          s.facts.push_back({*f, v.get<std::int64_t>(), {}});
        } else {
          in.errors.push_back(
              flag ? fmt::format("`{}` is a yes/no fact: give true or false", factName)
                   : fmt::format("`{}` is a count: give a whole number", factName));
        }
      }
    } else if (key == "date") {
      auto d = value.is_string() ? model::parseDate(value.get<std::string>()) : std::nullopt;
      if (!d) {
        in.errors.push_back(fmt::format(
            "\"date\" is a calendar date such as \"2024-01-31\", not {}", value.dump()));
      } else {
        s.date = *d;
      }
    } else {
      in.errors.push_back(
          fmt::format("unknown field \"{}\"; a situation has \"actor\", \"action\", "
                      "\"dimensions\", \"facts\", \"date\" and \"id\"",
                      key));
    }
  }
  if (!j.contains("actor"))
    in.errors.push_back("the situation names no actor (\"actor\": [\"CLASS\", ...])");
  if (!j.contains("action"))
    in.errors.push_back("the situation names no action (\"action\": \"ACTION\")");
  return in;
}

SituationInput situationFromFlags(const Vocabulary& vocabulary, const SituationFlags& flags) {
  SituationInput in;
  auto& s = in.situation;
  const auto& program = vocabulary.program();
  std::string error;
  for (const auto& c : flags.actors) {
    if (auto a = vocabulary.actor(c, error)) {
      s.actorClasses.push_back(*a);
    } else {
      in.errors.push_back(error);
    }
  }
  if (flags.actors.empty()) in.errors.push_back("the situation names no actor: give --actor CLASS");
  if (flags.action.empty()) {
    in.errors.push_back("the situation names no action: give --action ACTION");
  } else if (auto a = vocabulary.action(flags.action, error)) {
    s.action = *a;
  } else {
    in.errors.push_back(error);
  }
  for (const auto& set : flags.sets) {
    auto eq = set.find('=');
    if (eq == std::string::npos) {
      in.errors.push_back(fmt::format("--set expects DIMENSION=VALUE, got `{}`", set));
      continue;
    }
    auto d = vocabulary.dimension(set.substr(0, eq), error);
    if (!d) {
      in.errors.push_back(error);
    } else if (auto v = vocabulary.value(*d, set.substr(eq + 1), error)) {
      s.values.push_back({*d, *v, {}});
    } else {
      in.errors.push_back(error);
    }
  }
  for (const auto& fact : flags.facts) {
    auto eq = fact.find('=');
    std::string name = fact.substr(0, eq);
    std::string value = eq == std::string::npos ? "true" : fact.substr(eq + 1);
    auto f = vocabulary.fact(name, error);
    if (!f) {
      in.errors.push_back(error);
      continue;
    }
    if (program.facts[*f].kind == model::FactKind::Flag) {
      if (value == "true" || value == "false") {
        s.facts.push_back({*f, value == "true" ? 1 : 0, {}});
      } else {
        in.errors.push_back(fmt::format(
            "`{}` is a yes/no fact: give --fact {}=true or --fact {}=false", name, name, name));
      }
    } else if (auto n = parseInteger(value); n && eq != std::string::npos) {
      s.facts.push_back({*f, *n, {}});
    } else {
      in.errors.push_back(fmt::format("`{}` is a count: give --fact {}=N", name, name));
    }
  }
  if (!flags.date.empty()) {
    if (auto d = model::parseDate(flags.date)) {
      s.date = *d;
    } else {
      in.errors.push_back(
          fmt::format("--date expects a calendar date such as 2024-01-31, got `{}`", flags.date));
    }
  }
  return in;
}

}  // namespace nomos::eval
