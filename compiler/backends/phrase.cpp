#include "backends/phrase.h"

#include <array>
#include <cctype>

#include <fmt/format.h>

#include "analysis/witness.h"

namespace nomos::backends {

using model::Condition;
using model::Index;
using model::kNone;

// ---------------------------------------------------------------- Phrase

namespace {
bool isPlain(const Piece& p) { return p.href.empty() && !p.code && p.tip.empty() && p.id.empty(); }
}  // namespace

Phrase& Phrase::add(std::string_view text) {
  if (text.empty()) return *this;
  if (!pieces_.empty() && isPlain(pieces_.back())) {
    pieces_.back().text += text;
  } else {
    pieces_.push_back({std::string(text), {}, {}, false, {}});
  }
  return *this;
}

Phrase& Phrase::link(std::string_view text, std::string_view href, std::string_view tip,
                     bool code) {
  // A tooltip that repeats the text says nothing.
  std::string_view title = tip == text ? std::string_view() : tip;
  pieces_.push_back({std::string(text), std::string(href), std::string(title), code, {}});
  return *this;
}

Phrase& Phrase::code(std::string_view text) {
  pieces_.push_back({std::string(text), {}, {}, true, {}});
  return *this;
}

Phrase& Phrase::anchor(std::string_view text, std::string_view id, bool code) {
  pieces_.push_back({std::string(text), {}, {}, code, std::string(id)});
  return *this;
}

Phrase& Phrase::append(const Phrase& other) {
  for (const auto& piece : other.pieces_) {
    if (isPlain(piece)) {
      add(piece.text);
    } else {
      pieces_.push_back(piece);
    }
  }
  return *this;
}

std::string Phrase::plain() const {
  std::string out;
  for (const auto& piece : pieces_) out += piece.text;
  return out;
}

void Phrase::capitalize() {
  for (auto& piece : pieces_) {
    if (piece.text.empty()) continue;
    if (!piece.code)
      piece.text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(piece.text[0])));
    return;
  }
}

// ---------------------------------------------------------------- word helpers

std::string humanize(std::string_view name) {
  std::string out(name);
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  return out;
}

namespace {

/// "ServiceProvider" → "service provider", "CIIOperator" → "CII operator": a readable noun
/// for an actor class declared without a title.
std::string splitCamel(std::string_view name) {
  std::vector<std::string> words;
  std::string cur;
  auto isUpper = [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; };
  auto isLower = [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; };
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c == '_') {
      if (!cur.empty()) words.push_back(std::move(cur));
      cur.clear();
      continue;
    }
    bool boundary = !cur.empty() && isUpper(c) &&
                    (isLower(cur.back()) ||
                     (i + 1 < name.size() && isLower(name[i + 1]) && isUpper(cur.back())));
    if (boundary) {
      words.push_back(std::move(cur));
      cur.clear();
    }
    cur += c;
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  std::string out;
  for (auto& w : words) {
    bool acronym = w.size() > 1 && isUpper(w[0]) && isUpper(w[1]);
    if (!acronym) w[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(w[0])));
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

std::string_view firstWord(std::string_view s) { return s.substr(0, s.find(' ')); }

bool startsWithArticle(std::string_view s) {
  return s.starts_with("the ") || s.starts_with("a ") || s.starts_with("an ") ||
         s.starts_with("The ");
}

std::string possessive(std::string s) { return s.ends_with('s') ? s + "'" : s + "'s"; }

}  // namespace

std::string_view indefiniteArticle(std::string_view phrase) {
  std::string_view w = firstWord(phrase);
  if (w.empty()) return "a";
  bool acronym = w.size() > 1 && std::isupper(static_cast<unsigned char>(w[0])) &&
                 std::isupper(static_cast<unsigned char>(w[1]));
  if (acronym)
    return std::string_view("AEFHILMNORSX").find(w[0]) != std::string_view::npos ? "an" : "a";
  std::string lower;
  for (char c : w) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view exception : {"uni", "use", "usu", "eu", "one", "once"}) {
    if (lower.starts_with(exception)) return "a";
  }
  if (lower.starts_with("hour") || lower.starts_with("honest")) return "an";
  return std::string_view("aeiou").find(lower[0]) != std::string_view::npos ? "an" : "a";
}

std::string longDate(model::Date d) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  int y = 0, m = 0, day = 0;
  model::civilFromDate(d, y, m, day);
  if (m < 1 || m > 12) return model::formatDate(d);
  return fmt::format("{} {} {}", day, kMonths[static_cast<std::size_t>(m - 1)], y);
}

std::string groupDigits(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

// ---------------------------------------------------------------- terms

Phrase Phraser::subject(Index actor) {
  Phrase out;
  if (actor == kNone || actor >= p_.actors.size()) return out.add("anyone");
  const auto& a = p_.actors[actor];
  std::string href = link_.term({TermKind::Actor, actor});
  if (a.isBody) {  // one organisation: a proper name, no article
    return out.link(a.title.empty() ? a.name : a.title, href, a.title.empty() ? "" : a.name);
  }
  std::string noun = a.title.empty() ? splitCamel(a.name) : a.title;
  out.add(indefiniteArticle(noun)).add(" ");
  return out.link(noun, href, a.name);
}

Phrase Phraser::action(Index action) {
  Phrase out;
  if (action == kNone || action >= p_.actions.size()) return out.add("act");
  const auto& a = p_.actions[action];
  return out.link(a.title.empty() ? humanize(a.name) : a.title,
                  link_.term({TermKind::Action, action}), a.name);
}

Phrase Phraser::jurisdiction(Index j) {
  Phrase out;
  const auto& jur = p_.jurisdictions[j];
  return out.link(jur.name, link_.term({TermKind::Jurisdiction, j}), jur.title);
}

Phrase Phraser::issuer(model::Issuer i) {
  switch (i.kind) {
    case model::Issuer::Kind::Jurisdiction:
      return jurisdiction(i.index);
    case model::Issuer::Kind::Body: {
      const auto& a = p_.actors[i.index];
      Phrase out;
      return out.link(a.title.empty() ? a.name : a.title, link_.term({TermKind::Actor, i.index}),
                      a.name);
    }
    case model::Issuer::Kind::None:
      break;
  }
  return Phrase("no issuer");
}

Phrase Phraser::normRef(Index norm) {
  Phrase out;
  const auto& n = p_.norms[norm];
  return out.link(n.name, link_.norm(norm), n.title, true);
}

Phrase Phraser::value(Index dim, Index v) {
  const auto& d = p_.dimensions[dim];
  if (d.territory) return jurisdiction(v);
  Phrase out;
  const auto& cat = d.categories[v];
  return out.link(cat.title.empty() ? humanize(cat.name) : cat.title,
                  link_.term({TermKind::Category, dim, v}), cat.title.empty() ? "" : cat.name);
}

Phrase Phraser::factTerm(Index fact) {
  const auto& f = p_.facts[fact];
  Phrase out;
  return out.link(f.title.empty() ? humanize(f.name) : f.title, link_.term({TermKind::Fact, fact}),
                  f.title.empty() ? "" : f.name);
}

// ---------------------------------------------------------------- conditions

void Phraser::valueList(Phrase& out, Index dim, const std::vector<Index>& values,
                        std::string_view conj) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out.add(i + 1 == values.size() ? conj : ", ");
    out.append(value(dim, values[i]));
  }
}

void Phraser::inClause(Phrase& out, Index dim, const std::vector<Index>& values, bool negated) {
  const auto& d = p_.dimensions[dim];
  bool many = values.size() > 1;
  if (d.territory) {
    // "where the data subject resides" + " in CN": a title written as a where-clause reads
    // as a sentence once the place is appended.
    if (d.title.starts_with("where ")) {
      out.add(std::string_view(d.title).substr(6));
    } else {
      std::string noun = d.title.empty() ? humanize(d.name) : d.title;
      out.add(startsWithArticle(noun) ? "" : "the ").add(noun).add(" is");
    }
    out.add(negated ? " outside " : " in ");
    valueList(out, dim, values, negated ? " and " : " or ");
    return;
  }
  std::string noun = d.title.empty() || d.title.starts_with("where ") ? humanize(d.name) : d.title;
  out.add(startsWithArticle(noun) ? "" : "the ").add(noun).add(" is ");
  if (negated) out.add(many ? "neither " : "not ");
  valueList(out, dim, values, negated ? " nor " : " or ");
}

void Phraser::atom(Phrase& out, const Condition& c, bool negated) {
  switch (c.kind) {
    case Condition::Kind::In:
      inClause(out, c.dim, c.values, negated);
      return;
    case Condition::Kind::Flag: {
      const auto& f = p_.facts[c.fact];
      if (f.title.empty()) {
        out.append(factTerm(c.fact)).add(negated ? " does not hold" : " holds");
        return;
      }
      if (negated) {
        // Titles are usually participles ("approved by …", "served with …"), which "not"
        // negates; a title that reads as a clause gets the long form.
        std::string_view w = firstWord(f.title);
        bool participle = w.ends_with("ed") || w.ends_with("en") || w.ends_with("ing");
        out.add(participle ? "not " : "it is not the case that ");
      }
      out.append(factTerm(c.fact));
      return;
    }
    case Condition::Kind::Compare: {
      model::CmpOp op = c.op;
      if (negated) {
        switch (op) {
          case model::CmpOp::Lt:
            op = model::CmpOp::Ge;
            break;
          case model::CmpOp::Le:
            op = model::CmpOp::Gt;
            break;
          case model::CmpOp::Gt:
            op = model::CmpOp::Le;
            break;
          case model::CmpOp::Ge:
            op = model::CmpOp::Lt;
            break;
          case model::CmpOp::Eq:
            break;
        }
      }
      std::string_view words;
      switch (op) {
        case model::CmpOp::Lt:
          words = " is less than ";
          break;
        case model::CmpOp::Le:
          words = " is at most ";
          break;
        case model::CmpOp::Gt:
          words = " is more than ";
          break;
        case model::CmpOp::Ge:
          words = " is at least ";
          break;
        case model::CmpOp::Eq:
          words = negated ? " is not exactly " : " is exactly ";
          break;
      }
      const auto& f = p_.facts[c.fact];
      std::string_view noun =
          f.title.empty() ? std::string_view(f.name) : std::string_view(f.title);
      out.add(startsWithArticle(noun) ? "" : "the ")
          .append(factTerm(c.fact))
          .add(words)
          .add(groupDigits(c.number));
      return;
    }
    default:
      break;
  }
}

namespace {

/// The items of a list with connective `conj` (true: and), looking through `not` and into
/// nested lists that, once negations are pushed inward, have the same connective.
void collectItems(const Condition& c, bool negated, bool conj,
                  std::vector<std::pair<const Condition*, bool>>& items) {
  const Condition* cur = &c;
  while (cur->kind == Condition::Kind::Not && !cur->operands.empty()) {
    cur = &cur->operands[0];
    negated = !negated;
  }
  bool list = cur->kind == Condition::Kind::And || cur->kind == Condition::Kind::Or;
  if (list && ((cur->kind == Condition::Kind::And) != negated) == conj) {
    for (const auto& o : cur->operands) collectItems(o, negated, conj, items);
    return;
  }
  items.emplace_back(cur, negated);
}

}  // namespace

void Phraser::clause(Phrase& out, const Condition& c, bool negated, int depth) {
  switch (c.kind) {
    case Condition::Kind::True:
      out.add(negated ? "in no situation" : "in any situation");
      return;
    case Condition::Kind::Not:
      if (c.operands.empty()) return;
      clause(out, c.operands[0], !negated, depth);
      return;
    case Condition::Kind::And:
    case Condition::Kind::Or: {
      // Negation is pushed inward (De Morgan), so every clause reads positively; a list
      // inside a list of the same connective joins it ("A, B or C", not "A or (B or C)").
      bool conj = (c.kind == Condition::Kind::And) != negated;
      std::vector<std::pair<const Condition*, bool>> items;
      for (const auto& o : c.operands) collectItems(o, negated, conj, items);
      if (items.size() == 1) {
        clause(out, *items[0].first, items[0].second, depth);
        return;
      }
      bool wrap = depth > 0 && (conj || depth > 1);
      if (wrap) out.add("(");
      if (!conj && depth == 1) out.add("either ");
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out.add(i + 1 == items.size() ? (conj ? " and " : " or ") : ", ");
        clause(out, *items[i].first, items[i].second, depth + 1);
      }
      if (wrap) out.add(")");
      return;
    }
    default:
      atom(out, c, negated);
      return;
  }
}

void Phraser::remainder(Phrase& out, Index dim) {
  const auto& d = p_.dimensions[dim];
  if (d.territory) {
    if (d.title.starts_with("where ")) {
      out.add(std::string_view(d.title).substr(6)).add(" in a jurisdiction the rules do not name");
    } else {
      std::string noun = d.title.empty() ? humanize(d.name) : d.title;
      out.add(startsWithArticle(noun) ? "" : "the ")
          .add(noun)
          .add(" is in a jurisdiction the rules do not name");
    }
    return;
  }
  std::string noun = d.title.empty() || d.title.starts_with("where ") ? humanize(d.name) : d.title;
  out.add(startsWithArticle(noun) ? "" : "the ").add(noun).add(" is a value the rules do not name");
}

Phrase Phraser::condition(const Condition& c) {
  Phrase out;
  clause(out, c, false, 0);
  return out;
}

// ---------------------------------------------------------------- sentences

Phrase Phraser::norm(const model::Norm& n) {
  Phrase out = subject(n.subject);
  out.capitalize();
  out.add(" ").add(model::modalityText(n.modality)).add(" ");
  out.append(action(n.action));
  if (n.withinHours) {
    out.add(" within ")
        .add(n.withinText.empty() ? fmt::format("{} hours", *n.withinHours) : n.withinText);
  }
  if (n.where && n.where->kind != Condition::Kind::True)
    out.add(", where ").append(condition(*n.where));
  if (n.unless) out.add(", unless ").append(condition(*n.unless));
  if (n.effective && n.until) {
    out.add(fmt::format(", from {} until {}", longDate(*n.effective), longDate(*n.until)));
  } else if (n.effective) {
    out.add(", from " + longDate(*n.effective));
  } else if (n.until) {
    out.add(", until " + longDate(*n.until));
  }
  out.add(".");
  return out;
}

Phrase Phraser::claim(const model::SovereigntyClaim& c) {
  Phrase out = jurisdiction(c.jurisdiction);
  out.add(c.exclusive ? " claims exclusive authority over " : " claims authority over ");
  if (c.condition.kind == Condition::Kind::True) return out.add("every situation.");
  out.add("situations where ").append(condition(c.condition)).add(".");
  return out;
}

Phrase Phraser::deference(const model::Deference& d) {
  Phrase out = issuer(d.from);
  out.add(" defers to ").append(issuer(d.to));
  if (d.condition.kind != Condition::Kind::True) out.add(" where ").append(condition(d.condition));
  out.add(": there, ").add(possessive(p_.issuerName(d.to))).add(" norms prevail over ");
  out.add(possessive(p_.issuerName(d.from))).add(".");
  return out;
}

// ---------------------------------------------------------------- witnesses

namespace {

template <class Vec>
Index findNamed(const Vec& v, std::string_view name) {
  for (Index i = 0; i < v.size(); ++i) {
    if (v[i].name == name || v[i].qualified == name) return i;
  }
  // A qualified name whose module part we do not know: match the last segment.
  if (auto dot = name.rfind('.'); dot != std::string_view::npos) {
    std::string_view last = name.substr(dot + 1);
    for (Index i = 0; i < v.size(); ++i) {
      if (v[i].name == last) return i;
    }
  }
  return kNone;
}

std::string scalarText(const nlohmann::json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_object() && j.contains("value")) return scalarText(j["value"]);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> stringsOf(const nlohmann::json& j) {
  std::vector<std::string> out;
  if (j.is_array()) {
    for (const auto& e : j) out.push_back(scalarText(e));
  } else if (!j.is_null()) {
    out.push_back(scalarText(j));
  }
  return out;
}

}  // namespace

Phrase Phraser::witness(const nlohmann::json& w, std::string_view fallback) {
  if (!w.is_object()) return Phrase(fallback);
  bool hasActs = w.contains("actor") || w.contains("action");
  Phrase out;
  if (hasActs) {
    // The most specific classes only: "a service provider" already says "company".
    std::vector<Index> actors;
    for (const auto& name : stringsOf(w.value("actor", nlohmann::json()))) {
      Index a = findNamed(p_.actors, name);
      if (a != kNone) actors.push_back(a);
    }
    std::vector<Index> specific;
    for (Index a : actors) {
      bool hasSub = false;
      for (Index b : actors) hasSub = hasSub || (a != b && p_.actorWithin(b, a));
      if (!hasSub) specific.push_back(a);
    }
    if (specific.empty()) out.add("someone");
    for (std::size_t i = 0; i < specific.size(); ++i) {
      if (i > 0) out.add(" that is also ");
      out.append(subject(specific[i]));
    }
    bool first = true;
    for (const char* key : {"action", "incompatible_action"}) {
      if (!w.contains(key)) continue;
      std::string name = scalarText(w[key]);
      Index a = findNamed(p_.actions, name);
      out.add(first ? " doing " : " and ");
      first = false;
      if (a != kNone) {
        out.append(action(a));
      } else {
        out.code(name);
      }
    }
  }

  std::vector<Phrase> parts;
  if (w.contains("dimensions") && w["dimensions"].is_object()) {
    for (const auto& [key, val] : w["dimensions"].items()) {
      Index dim = findNamed(p_.dimensions, key);
      Phrase part;
      std::vector<Index> values;
      auto raw = stringsOf(val);
      for (const auto& v : raw) {
        Index idx = kNone;
        if (dim != kNone) {
          idx = p_.dimensions[dim].territory ? findNamed(p_.jurisdictions, v) : [&] {
            const auto& cats = p_.dimensions[dim].categories;
            std::string_view last = std::string_view(v).substr(
                v.rfind('.') == std::string::npos ? 0 : v.rfind('.') + 1);
            for (Index c = 0; c < cats.size(); ++c) {
              if (cats[c].name == last) return c;
            }
            return kNone;
          }();
        }
        if (idx != kNone) values.push_back(idx);
      }
      if (dim != kNone && !values.empty() && values.size() == raw.size()) {
        inClause(part, dim, values, false);
      } else if (dim != kNone && raw.size() == 1 && raw[0] == analysis::kRemainderValue) {
        remainder(part, dim);
      } else {
        // A remainder value ("other than CN") has no declaration: show it as written.
        std::string noun = dim != kNone && !p_.dimensions[dim].title.empty() &&
                                   !p_.dimensions[dim].title.starts_with("where ")
                               ? p_.dimensions[dim].title
                               : humanize(key);
        part.add("the ").add(noun).add(" is ");
        for (std::size_t i = 0; i < raw.size(); ++i) part.add(i ? ", " : "").add(raw[i]);
      }
      parts.push_back(std::move(part));
    }
  }
  if (w.contains("facts") && w["facts"].is_object()) {
    for (const auto& [key, val] : w["facts"].items()) {
      Index fact = findNamed(p_.facts, key);
      Phrase part;
      if (fact == kNone) {
        part.add(humanize(key)).add(": ").add(scalarText(val));
      } else if (val.is_boolean()) {
        Condition c;
        c.kind = Condition::Kind::Flag;
        c.fact = fact;
        atom(part, c, !val.get<bool>());
      } else if (val.is_number_integer()) {
        Condition c;
        c.kind = Condition::Kind::Compare;
        c.fact = fact;
        c.op = model::CmpOp::Eq;
        c.number = val.get<std::int64_t>();
        if (p_.facts[fact].kind == model::FactKind::Flag) {
          c.kind = Condition::Kind::Flag;
          atom(part, c, c.number == 0);
        } else {
          atom(part, c, false);
        }
      } else {
        part.append(factTerm(fact)).add(": ").add(scalarText(val));
      }
      parts.push_back(std::move(part));
    }
  }
  if (!hasActs) {
    if (parts.empty() && !w.contains("date")) return Phrase(fallback);
    out.add(parts.empty() ? "any situation" : "a situation where ");
  } else if (!parts.empty()) {
    out.add(", where ");
  }
  if (!parts.empty()) {
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) out.add(i + 1 == parts.size() ? " and " : ", ");
      out.append(parts[i]);
    }
  }
  if (w.contains("date")) {
    std::string text = scalarText(w["date"]);
    auto d = model::parseDate(text);
    out.add(", on ").add(d ? longDate(*d) : text);
  }
  return out;
}

}  // namespace nomos::backends
