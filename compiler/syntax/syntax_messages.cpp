#include "syntax/syntax_messages.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "syntax/token_kinds.h"

namespace nomos::syntax {

namespace {

using P = NomosParser;

std::string joinAlternatives(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += items[i];
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
// two neighbours (the usual typing slips) each cost one.
std::size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

// A named group of tokens, described as one alternative when enough of it is expected.
struct TokenGroup {
  std::vector<std::size_t> trigger;  // all of these must be expected
  std::vector<std::size_t> members;  // then these are described together
  std::string phrase;                // empty: list the expected members by their keywords
  std::string prefix;                // for a listed group: "a clause (" … ")"
};

const std::vector<TokenGroup>& groups() {
  static const std::vector<TokenGroup> kGroups = {
      {{P::NORM, P::ACTOR, P::DIMENSION},
       {P::MODULE, P::IMPORT, P::JURISDICTION, P::CLOSED, P::DIMENSION, P::FACT, P::ACTION,
        P::INCOMPATIBLE, P::ACTOR, P::DISJOINT, P::LEVELS, P::BODY, P::INSTRUMENT, P::NORM,
        P::SOVEREIGNTY, P::AGREEMENT, P::TEST, antlr4::Token::EOF},
       "a declaration (such as `norm`, `actor` or `dimension`)",
       {}},
      {{P::MUST, P::MAY, P::NEED},
       {P::MUST, P::MAY, P::NEED},
       "a modality (`must`, `must not`, `may` or `need not`)",
       {}},
      {{P::OBLIGED, P::FORBIDDEN, P::CONFLICT},
       {P::OBLIGED, P::FORBIDDEN, P::PERMITTED, P::EXEMPT, P::CONFLICT, P::NOT, P::Identifier},
       "an expectation (`obliged`, `forbidden`, `permitted`, `exempt`, `conflict`, `not "
       "applicable`, `overlap` "
       "or `resolved`)",
       {}},
      {{P::WHERE, P::UNLESS},
       {P::WHERE, P::UNLESS, P::WITHIN, P::EFFECTIVE, P::UNTIL, P::PREVAILS},
       {},
       "a clause ("},
      {{P::ISSUER, P::LEVEL}, {P::ISSUER, P::LEVEL, P::EFFECTIVE, P::UNTIL}, {}, "a field ("},
      {{P::LPAREN, P::NOT, P::Identifier},
       {P::LPAREN, P::NOT, P::Identifier},
       "a condition (such as `data in personal` or `approved`)",
       {}},
      {{P::GE, P::GT, P::LE, P::LT, P::EQ},
       {P::GE, P::GT, P::LE, P::LT, P::EQ},
       "a comparison (`>=`, `>`, `<=`, `<` or `==`)",
       {}},
      {{P::HOURS, P::DAYS}, {P::HOUR, P::HOURS, P::DAY, P::DAYS}, "`hours` or `days`", {}},
  };
  return kGroups;
}

}  // namespace

std::string literalOf(std::size_t type, const antlr4::dfa::Vocabulary& vocabulary) {
  std::string lit = vocabulary.getLiteralName(type);
  if (lit.size() >= 2 && lit.front() == '\'' && lit.back() == '\'')
    return lit.substr(1, lit.size() - 2);
  return {};
}

std::string describeExpected(const antlr4::misc::IntervalSet& expected,
                             const antlr4::dfa::Vocabulary& vocabulary) {
  std::set<std::size_t> remaining;
  for (ssize_t t : expected.toList()) {
    if (t == -1) remaining.insert(antlr4::Token::EOF);  // IntervalSet stores EOF as -1
    if (t >= 0) remaining.insert(static_cast<std::size_t>(t));
  }
  std::vector<std::string> items;
  for (const auto& g : groups()) {
    bool triggered = std::all_of(g.trigger.begin(), g.trigger.end(),
                                 [&](std::size_t t) { return remaining.count(t); });
    if (!triggered) continue;
    std::vector<std::string> listed;
    for (std::size_t t : g.members) {
      if (remaining.erase(t) && !g.prefix.empty()) {
        listed.push_back(t == P::PREVAILS ? "`prevails over`"
                                          : fmt::format("`{}`", literalOf(t, vocabulary)));
      }
    }
    items.push_back(g.prefix.empty() ? g.phrase : g.prefix + joinAlternatives(listed) + ")");
  }
  // Continuing a qualified name, or ending the file, is rarely what the author was after.
  if (!items.empty() || remaining.size() > 1) {
    remaining.erase(P::DOT);
    if (!items.empty() || remaining.size() > 1) remaining.erase(antlr4::Token::EOF);
  }
  for (std::size_t t : remaining) {
    switch (t) {
      case P::Identifier:
        items.push_back("a name");
        break;
      case P::StringLiteral:
        items.push_back("a text in double quotes");
        break;
      case P::DateLiteral:
        items.push_back("a date (YYYY-MM-DD)");
        break;
      case P::IntegerLiteral:
        items.push_back("a number");
        break;
      case antlr4::Token::EOF:
        items.push_back("the end of the file");
        break;
      default: {
        std::string lit = literalOf(t, vocabulary);
        if (!lit.empty()) items.push_back(fmt::format("`{}`", lit));
      }
    }
  }
  if (items.empty()) return "something else";
  return joinAlternatives(items);
}

std::string describeFound(const antlr4::Token* token, std::string_view text, bool nameExpected) {
  std::size_t type = token->getType();
  if (type == antlr4::Token::EOF) return "the end of the file";
  switch (type) {
    case P::StringLiteral:
    case P::UnterminatedString:
      return text.size() <= 40 ? fmt::format("the text {}", text) : "a text in double quotes";
    case P::IntegerLiteral:
      return fmt::format("the number `{}`", text);
    case P::DateLiteral:
      return fmt::format("the date `{}`", text);
    default:
      break;
  }
  if (isKeyword(type) && nameExpected) return fmt::format("the reserved word `{}`", text);
  return fmt::format("`{}`", text);
}

std::optional<std::string> closestWord(std::string_view word,
                                       const std::vector<std::string>& candidates) {
  std::string w = lower(word);
  if (w.size() < 2) return std::nullopt;
  std::optional<std::string> best;
  std::size_t bestDistance = SIZE_MAX;
  for (const auto& c : candidates) {
    std::size_t limit = c.size() <= 4 ? 1 : 2;
    std::size_t d = editDistance(w, c);
    if (d <= limit && d < bestDistance && d < w.size()) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

std::optional<std::string> suggestKeyword(std::string_view word,
                                          const antlr4::misc::IntervalSet& expected,
                                          const antlr4::dfa::Vocabulary& vocabulary) {
  std::vector<std::string> keywords;
  for (ssize_t t : expected.toList()) {
    if (t >= 0 && isKeyword(static_cast<std::size_t>(t))) {
      keywords.push_back(literalOf(static_cast<std::size_t>(t), vocabulary));
    }
  }
  return closestWord(word, keywords);
}

std::string statementNoun(const antlr4::RuleContext* context) {
  for (const antlr4::RuleContext* c = context; c != nullptr;
       c = dynamic_cast<const antlr4::RuleContext*>(c->parent)) {
    switch (c->getRuleIndex()) {
      case P::RuleModuleDecl:
        return "the module name";
      case P::RuleImportDecl:
        return "the import";
      case P::RuleJurisdictionDecl:
        return "the jurisdiction";
      case P::RuleMembersClause:
        return "the members";
      case P::RuleDimensionDecl:
        return "the dimension";
      case P::RuleTaxonomyNode: {
        auto* node = dynamic_cast<const P::TaxonomyNodeContext*>(c);
        if (node != nullptr && node->name != nullptr &&
            node->name->getTokenIndex() != INVALID_INDEX) {
          return fmt::format("`{}`", node->name->getText());
        }
        return "the category";
      }
      case P::RuleFactDecl:
        return "the fact";
      case P::RuleActionDecl:
        return "the action";
      case P::RuleIncompatibleDecl:
        return "the incompatible actions";
      case P::RuleActorDecl:
        return "the actor";
      case P::RuleDisjointDecl:
        return "the disjoint actors";
      case P::RuleLevelsDecl:
        return "the levels";
      case P::RuleBodyDecl:
        return "the body";
      case P::RuleInstrumentField: {
        auto* field = dynamic_cast<antlr4::ParserRuleContext*>(const_cast<antlr4::RuleContext*>(c));
        if (field != nullptr && field->getStart() != nullptr)
          return fmt::format("the `{}` field", field->getStart()->getText());
        return "the field";
      }
      case P::RuleNormDecl:
        return "the norm";
      case P::RuleSovereigntyDecl:
        return "the sovereignty clause";
      case P::RuleAgreementItem:
        if (dynamic_cast<const P::DeferenceContext*>(c) != nullptr) return "the deference";
        return "the date";
      case P::RuleTestStatement:
        if (dynamic_cast<const P::GivenStatementContext*>(c) != nullptr) return "the `given` list";
        return "the expectation";
      default:
        break;
    }
  }
  return "the declaration";
}

}  // namespace nomos::syntax
