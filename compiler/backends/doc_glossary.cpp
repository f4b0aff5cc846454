// The glossary at the end of each page: every declared term the page links to (actors,
// actions, jurisdictions, dimensions with their categories, facts, levels), described from
// its declaration. Descriptions link to further terms, which join the glossary in turn.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "backends/doc_builder.h"

namespace nomos::backends::detail {

namespace {

std::string sentence(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r') ? ' ' : c;
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.empty()) return out;
  out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  if (out.back() != '.' && out.back() != '?' && out.back() != '!') out += '.';
  return out;
}

std::string lowerKey(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

Phrase DocBuilder::termLink(const TermRef& ref, std::string_view text, std::string_view tip) {
  if (glossaryTerms_ && !glossaryTerms_->contains(ref)) return Phrase(text);
  return Phrase().link(text, term(ref), tip);
}

Phrase DocBuilder::categoryTree(Index dim, const std::vector<Index>& cats) {
  const auto& d = p_.dimensions[dim];
  Phrase out;
  for (std::size_t i = 0; i < cats.size(); ++i) {
    const auto& c = d.categories[cats[i]];
    if (i) out.add(", ");
    usedTerms_.insert({TermKind::Category, dim, cats[i]});
    out.anchor(c.title.empty() ? humanize(c.name) : c.title,
               termIds_[{TermKind::Category, dim, cats[i]}]);
    if (!c.children.empty()) out.add(" (").append(categoryTree(dim, c.children)).add(")");
  }
  return out;
}

GlossaryEntry DocBuilder::describe(const TermRef& ref) {
  GlossaryEntry e;
  e.id = termIds_[ref];
  Phrase& d = e.description;
  auto list = [&](TermKind kind, const std::vector<Index>& items, auto label) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i) d.add(i + 1 == items.size() ? " and " : ", ");
      auto [text, tip] = label(items[i]);
      d.append(termLink({kind, items[i], kNone}, text, tip));
    }
  };
  auto actorLabel = [&](Index a) {
    const auto& x = p_.actors[a];
    return std::pair<std::string, std::string>{x.title.empty() ? x.name : x.title, x.name};
  };
  auto actionLabel = [&](Index a) {
    const auto& x = p_.actions[a];
    return std::pair<std::string, std::string>{x.title.empty() ? humanize(x.name) : x.title,
                                               x.name};
  };
  auto jurLabel = [&](Index j) {
    return std::pair<std::string, std::string>{p_.jurisdictions[j].name, p_.jurisdictions[j].title};
  };

  switch (ref.kind) {
    case TermKind::Actor: {
      const auto& a = p_.actors[ref.index];
      e.term = a.title.empty() ? a.name : a.title;
      e.name = a.name;
      if (a.isBody) {
        d.add("An organisation that issues its own rules (a body)");
        if (!a.parents.empty()) d.add(", a kind of ");
      } else if (!a.parents.empty()) {
        d.add("A kind of ");
      }
      list(TermKind::Actor, a.parents, actorLabel);
      if (a.isBody || !a.parents.empty()) d.add(".");
      std::vector<Index> disjoint;
      for (const auto& set : p_.disjoints) {
        if (std::find(set.actors.begin(), set.actors.end(), ref.index) == set.actors.end())
          continue;
        for (Index o : set.actors) {
          if (o != ref.index && std::find(disjoint.begin(), disjoint.end(), o) == disjoint.end())
            disjoint.push_back(o);
        }
      }
      if (!disjoint.empty()) {
        d.add(d.empty() ? "Never also " : " Never also ");
        list(TermKind::Actor, disjoint, actorLabel);
        d.add(".");
      }
      if (d.empty()) d.add("A class of actors.");
      break;
    }
    case TermKind::Action: {
      const auto& a = p_.actions[ref.index];
      e.term = a.title.empty() ? humanize(a.name) : a.title;
      e.name = a.name;
      if (a.parent != kNone) {
        d.add("A form of ");
        list(TermKind::Action, {a.parent}, actionLabel);
        d.add(" (doing it is doing ");
        list(TermKind::Action, {a.parent}, actionLabel);
        d.add(").");
      }
      if (!a.children.empty()) {
        d.add(d.empty() ? "Includes " : " Includes ");
        list(TermKind::Action, a.children, actionLabel);
        d.add(".");
      }
      std::vector<Index> incompatible;
      for (const auto& set : p_.incompatibles) {
        if (std::find(set.actions.begin(), set.actions.end(), ref.index) == set.actions.end())
          continue;
        for (Index o : set.actions) {
          if (o != ref.index) incompatible.push_back(o);
        }
      }
      if (!incompatible.empty()) {
        d.add(d.empty() ? "Incompatible with " : " Incompatible with ");
        list(TermKind::Action, incompatible, actionLabel);
        d.add(": doing one precludes the other.");
      }
      if (d.empty()) d.add("An action.");
      break;
    }
    case TermKind::Jurisdiction: {
      const auto& j = p_.jurisdictions[ref.index];
      e.term = j.name;
      e.name = j.name;
      d.add(j.title.empty() ? "A jurisdiction." : sentence(j.title));
      if (!j.members.empty()) {
        d.add(" Members: ");
        list(TermKind::Jurisdiction, j.members, jurLabel);
        d.add(".");
      }
      if (!j.memberOf.empty()) {
        d.add(" Member of ");
        list(TermKind::Jurisdiction, j.memberOf, jurLabel);
        d.add(".");
      }
      break;
    }
    case TermKind::Dimension:
    case TermKind::Category: {
      const auto& dim = p_.dimensions[ref.index];
      e.id = termIds_[{TermKind::Dimension, ref.index, kNone}];
      e.term = dim.name;
      e.name = dim.name;
      d.add(dim.title.empty() ? "A dimension of the situation." : sentence(dim.title));
      if (dim.territory) {
        d.add(" Its values are jurisdictions; a jurisdiction includes its members.");
      } else if (!dim.roots.empty()) {
        d.add(" Values: ").append(categoryTree(ref.index, dim.roots)).add(".");
        d.add(dim.closed ? " These are all the possible values."
                         : " A category includes the ones inside it.");
      }
      break;
    }
    case TermKind::Fact: {
      const auto& f = p_.facts[ref.index];
      e.term = f.name;
      e.name = f.name;
      if (!f.title.empty()) d.add(sentence(f.title) + " ");
      d.add(f.kind == model::FactKind::Flag ? "A yes/no fact about the situation."
                                            : "A number (a count).");
      break;
    }
    case TermKind::Level: {
      const auto& lv = p_.levels[ref.index];
      e.term = lv.name;
      e.name = lv.name;
      if (!lv.title.empty()) d.add(sentence(lv.title) + " ");
      std::vector<Index> chain;
      for (Index i = 0; i < p_.levels.size(); ++i) {
        if (p_.levels[i].chain == lv.chain) chain.push_back(i);
      }
      std::sort(chain.begin(), chain.end(),
                [&](Index x, Index y) { return p_.levels[x].rank < p_.levels[y].rank; });
      d.add(fmt::format("A level of legal force, {} of {} in: ", lv.rank + 1, chain.size()));
      for (std::size_t i = 0; i < chain.size(); ++i) {
        if (i) d.add(" > ");
        if (chain[i] == ref.index) {
          d.add(p_.levels[chain[i]].name);
        } else {
          d.append(termLink({TermKind::Level, chain[i], kNone}, p_.levels[chain[i]].name));
        }
      }
      d.add(".");
      break;
    }
  }
  std::string_view doc;
  switch (ref.kind) {
    case TermKind::Actor:
      doc = p_.actors[ref.index].doc;
      break;
    case TermKind::Action:
      doc = p_.actions[ref.index].doc;
      break;
    case TermKind::Jurisdiction:
      doc = p_.jurisdictions[ref.index].doc;
      break;
    case TermKind::Dimension:
    case TermKind::Category:
      doc = p_.dimensions[ref.index].doc;
      break;
    case TermKind::Fact:
      doc = p_.facts[ref.index].doc;
      break;
    case TermKind::Level:
      doc = p_.levels[ref.index].doc;
      break;
  }
  if (!doc.empty()) d.add(" " + sentence(doc));
  return e;
}

std::vector<GlossaryGroup> DocBuilder::glossary() {
  // The terms the page uses, with the classes and actions above them (which give them their
  // meaning) and the jurisdictions that contain them. Entries link only among these, so a
  // page's glossary does not grow into the whole vocabulary.
  std::set<TermRef> terms;
  std::vector<TermRef> stack;
  for (const auto& ref : usedTerms_) {
    stack.push_back(ref.kind == TermKind::Category ? TermRef{TermKind::Dimension, ref.index, kNone}
                                                   : ref);
  }
  while (!stack.empty()) {
    TermRef ref = stack.back();
    stack.pop_back();
    if (!terms.insert(ref).second) continue;
    if (ref.kind == TermKind::Actor) {
      for (Index parent : p_.actors[ref.index].parents)
        stack.push_back({TermKind::Actor, parent, kNone});
    } else if (ref.kind == TermKind::Action && p_.actions[ref.index].parent != kNone) {
      stack.push_back({TermKind::Action, p_.actions[ref.index].parent, kNone});
    } else if (ref.kind == TermKind::Jurisdiction) {
      for (Index j : p_.jurisdictions[ref.index].memberOf)
        stack.push_back({TermKind::Jurisdiction, j, kNone});
    }
  }
  std::map<TermRef, GlossaryEntry> entries;
  glossaryTerms_ = &terms;
  for (const auto& ref : terms) entries.emplace(ref, describe(ref));
  glossaryTerms_ = nullptr;
  std::vector<GlossaryGroup> groups = {{"Actors", {}},        {"Actions", {}},
                                       {"Jurisdictions", {}}, {"Dimensions and categories", {}},
                                       {"Facts", {}},         {"Levels of legal force", {}}};
  for (auto& [ref, entry] : entries) {
    std::size_t g = 0;
    switch (ref.kind) {
      case TermKind::Actor:
        g = 0;
        break;
      case TermKind::Action:
        g = 1;
        break;
      case TermKind::Jurisdiction:
        g = 2;
        break;
      case TermKind::Dimension:
      case TermKind::Category:
        g = 3;
        break;
      case TermKind::Fact:
        g = 4;
        break;
      case TermKind::Level:
        g = 5;
        break;
    }
    groups[g].entries.push_back(std::move(entry));
  }
  for (auto& g : groups) {
    std::stable_sort(g.entries.begin(), g.entries.end(),
                     [](const GlossaryEntry& x, const GlossaryEntry& y) {
                       return std::pair(lowerKey(x.term), x.id) < std::pair(lowerKey(y.term), y.id);
                     });
  }
  std::erase_if(groups, [](const GlossaryGroup& g) { return g.entries.empty(); });
  return groups;
}

}  // namespace nomos::backends::detail
