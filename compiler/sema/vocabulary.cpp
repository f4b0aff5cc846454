// Pass 3a and 4: jurisdiction membership, actor-class parents and bodies, disjoint and
// incompatible sets, levels shared between modules; then the cycle checks.
#include <algorithm>
#include <functional>

#include "sema/program_builder.h"

namespace nomos::sema {

using diag::DiagId;
using model::Index;
using model::kNone;

namespace {

struct Edge {
  Index to;
  source::Span span;  // where the edge is written
};

/// Depth-first search in index order; calls `onCycle` once per back edge with the nodes of
/// the cycle (first node repeated at the end) and the spans of its edges (the closing edge
/// last). Iterative, so a long chain cannot overflow the stack.
void forEachCycle(std::size_t n, const std::function<std::vector<Edge>(Index)>& edgesOf,
                  const std::function<void(const std::vector<Index>&,
                                           const std::vector<source::Span>&)>& onCycle) {
  enum : char { White, Grey, Black };
  std::vector<char> colour(n, White);
  struct Frame {
    Index node;
    std::vector<Edge> edges;
    std::size_t next = 0;
  };
  for (Index start = 0; start < n; ++start) {
    if (colour[start] != White) continue;
    std::vector<Frame> stack;
    std::vector<source::Span> pathSpans;  // pathSpans[i] leads from stack[i] to stack[i+1]
    stack.push_back({start, edgesOf(start)});
    colour[start] = Grey;
    while (!stack.empty()) {
      Frame& top = stack.back();
      if (top.next == top.edges.size()) {
        colour[top.node] = Black;
        stack.pop_back();
        if (!pathSpans.empty()) pathSpans.pop_back();
        continue;
      }
      Edge e = top.edges[top.next++];
      if (colour[e.to] == Grey) {
        std::size_t from = 0;
        while (stack[from].node != e.to) ++from;
        std::vector<Index> nodes;
        std::vector<source::Span> spans;
        for (std::size_t i = from; i < stack.size(); ++i) {
          nodes.push_back(stack[i].node);
          if (i + 1 < stack.size()) spans.push_back(pathSpans[i]);
        }
        nodes.push_back(e.to);
        spans.push_back(e.span);
        onCycle(nodes, spans);
      } else if (colour[e.to] == White) {
        colour[e.to] = Grey;
        pathSpans.push_back(e.span);
        stack.push_back({e.to, edgesOf(e.to)});
      }
    }
  }
}

}  // namespace

void ProgramBuilder::resolveVocabulary(Index m) {
  const ast::File& f = loaded_.modules[m].ast;
  model::Program& p = *program_;
  const ModuleDecls& d = decls_[m];

  for (std::size_t k = 0; k < f.jurisdictions.size(); ++k) {
    Index container = d.jurisdictions[k];
    DamageScope scope(*this, m, f.jurisdictions[k].span);
    for (const auto& member : f.jurisdictions[k].members) {
      if (member.text.empty()) continue;
      ast::QualName name{{member.text}, member.span};
      // Membership alone does not make a jurisdiction used (lints.cpp follows it instead).
      const Symbol* sym = resolve(m, name, expect::kJurisdiction, /*countsAsUse=*/false);
      if (!sym) continue;
      auto& members = p.jurisdictions[container].members;
      if (std::find(members.begin(), members.end(), sym->index) != members.end()) continue;
      members.push_back(sym->index);
      memberSpans_[container].push_back(member.span);
      p.jurisdictions[sym->index].memberOf.push_back(container);
    }
  }

  auto addParent = [&](Index actor, const ast::QualName& name) {
    const Symbol* sym = resolve(m, name, expect::kActorClass, /*countsAsUse=*/false);
    if (!sym) return;
    auto& parents = p.actors[actor].parents;
    if (std::find(parents.begin(), parents.end(), sym->index) != parents.end()) return;
    parents.push_back(sym->index);
    parentSpans_[actor].push_back(name.span);
  };
  for (std::size_t k = 0; k < f.actors.size(); ++k) {
    DamageScope scope(*this, m, f.actors[k].span);
    for (const auto& parent : f.actors[k].parents) addParent(d.actors[k], parent);
  }
  for (std::size_t k = 0; k < f.bodies.size(); ++k) {
    DamageScope scope(*this, m, f.bodies[k].span);
    addParent(d.bodies[k], f.bodies[k].actorClass);
  }

  for (const auto& dj : f.disjoints) {
    DamageScope scope(*this, m, dj.span);
    model::DisjointSet set;
    set.span = dj.span;
    for (const auto& name : dj.actors) {
      if (const Symbol* sym = resolve(m, name, expect::kActorClass))
        set.actors.push_back(sym->index);
    }
    p.disjoints.push_back(std::move(set));
  }
  for (const auto& inc : f.incompatibles) {
    DamageScope scope(*this, m, inc.span);
    model::IncompatibleSet set;
    set.span = inc.span;
    for (const auto& name : inc.actions) {
      if (const Symbol* sym = resolve(m, name, expect::kAction)) set.actions.push_back(sym->index);
    }
    p.incompatibles.push_back(std::move(set));
  }

  // A level already ordered by an imported `levels` declaration cannot join a second chain.
  for (const auto& chain : f.levels) {
    DamageScope scope(*this, m, chain.span);
    for (const auto& level : chain.levels) {
      for (Index v : symbols_.visibleModules(m)) {
        const Symbol* other = symbols_.local(v, level.text);
        if (!other || other->kind != SymbolKind::Level) continue;
        auto& diag = sink().report(DiagId::DuplicateLevel, level.span, level.text);
        diag.related.push_back({other->span, fmt::format("`{}` is ordered here, in module `{}`",
                                                         level.text, symbols_.moduleName(v))});
        diag.help.push_back("use the imported levels as they are, or give this level another name");
        break;
      }
    }
  }
}

void ProgramBuilder::checkMembershipCycles() {
  const auto& js = program_->jurisdictions;
  forEachCycle(
      js.size(),
      [&](Index j) {
        std::vector<Edge> edges;
        for (std::size_t i = 0; i < js[j].members.size(); ++i)
          edges.push_back({js[j].members[i], memberSpans_[j][i]});
        return edges;
      },
      [&](const std::vector<Index>& nodes, const std::vector<source::Span>& spans) {
        std::string text;
        for (Index n : nodes) text += (text.empty() ? "" : " -> ") + js[n].name;
        auto& d = sink().report(DiagId::MembershipCycle, spans.back(), text);
        for (std::size_t i = 0; i + 1 < spans.size(); ++i) {
          d.related.push_back({spans[i], fmt::format("`{}` lists `{}` as a member here",
                                                     js[nodes[i]].name, js[nodes[i + 1]].name)});
        }
        d.help.push_back("a jurisdiction cannot be a member of itself, directly or through others");
      });
}

void ProgramBuilder::checkActorCycles() {
  const auto& as = program_->actors;
  forEachCycle(
      as.size(),
      [&](Index a) {
        std::vector<Edge> edges;
        for (std::size_t i = 0; i < as[a].parents.size(); ++i)
          edges.push_back({as[a].parents[i], parentSpans_[a][i]});
        return edges;
      },
      [&](const std::vector<Index>& nodes, const std::vector<source::Span>& spans) {
        std::string text;
        for (Index n : nodes) text += (text.empty() ? "" : " -> ") + as[n].name;
        auto& d = sink().report(DiagId::ActorClassCycle, spans.back(), text);
        for (std::size_t i = 0; i + 1 < spans.size(); ++i) {
          d.related.push_back({spans[i], fmt::format("`{}` is declared a kind of `{}` here",
                                                     as[nodes[i]].name, as[nodes[i + 1]].name)});
        }
        d.help.push_back("an actor class cannot be its own subclass, directly or through others");
      });
}

}  // namespace nomos::sema
