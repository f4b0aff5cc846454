#include "analysis/norm_index.h"

#include <algorithm>

namespace nomos::analysis {

NormIndex::NormIndex(const model::Program& program, const std::vector<bool>& include,
                     std::vector<std::vector<std::uint32_t>> keys)
    : program_(program), keys_(std::move(keys)), seen_(program.norms.size(), 0) {
  const std::size_t actions = program.actions.size();
  keys_.resize(program.norms.size());
  for (auto& table : groups_) table.assign(actions, {});
  for (Index n = 0; n < program.norms.size(); ++n) {
    if (!include[n]) continue;
    const auto& norm = program.norms[n];
    Group& g = groups_[static_cast<std::size_t>(norm.modality)][norm.action];
    g.all.push_back(n);
    if (keys_[n].empty()) {
      g.free.push_back(n);
    } else {
      for (std::uint32_t atom : keys_[n]) g.keyed.emplace_back(atom, n);
    }
  }
  for (auto& table : groups_) {
    for (auto& g : table) std::sort(g.keyed.begin(), g.keyed.end());
  }

  // Strict descendants, by walking each action's ancestors once (bounded against cycles).
  descendants_.assign(actions, {});
  for (Index a = 0; a < actions; ++a) {
    Index cur = program.actions[a].parent;
    for (std::size_t steps = 0; cur != model::kNone && cur < actions && steps < actions; ++steps) {
      descendants_[cur].push_back(a);
      cur = program.actions[cur].parent;
    }
  }

  incompatible_.assign(actions, {});
  for (const auto& set : program.incompatibles) {
    for (Index x : set.actions) {
      for (Index y : set.actions) {
        if (x == y || x >= actions || y >= actions) continue;
        std::vector<Index> xs = descendants_[x], ys = descendants_[y];
        xs.push_back(x);
        ys.push_back(y);
        for (Index a : xs) {
          for (Index b : ys) incompatible_[a].push_back(b);
        }
      }
    }
  }
  for (auto& list : incompatible_) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
}

std::vector<Index> NormIndex::ancestors(Index action) const {
  std::vector<Index> out;
  const std::size_t actions = program_.actions.size();
  for (Index cur = action; cur != model::kNone && cur < actions && out.size() <= actions;
       cur = program_.actions[cur].parent) {
    out.push_back(cur);
  }
  return out;
}

}  // namespace nomos::analysis
