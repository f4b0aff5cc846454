// A set of atoms of one finite domain (a dimension's values), as a bitset. Every set knows
// its domain size so that complements never leak bits past the end.
#pragma once

#include <bit>
#include <cstdint>
#include <vector>

namespace nomos::analysis {

class AtomSet {
 public:
  AtomSet() = default;
  explicit AtomSet(std::uint32_t size, bool full = false)
      : size_(size), words_((size + 63) / 64, full ? ~std::uint64_t{0} : 0) {
    if (full) trim();
  }

  std::uint32_t size() const { return size_; }
  bool test(std::uint32_t i) const { return (words_[i / 64] >> (i % 64)) & 1U; }
  void set(std::uint32_t i) { words_[i / 64] |= std::uint64_t{1} << (i % 64); }

  bool none() const {
    for (auto w : words_) {
      if (w) return false;
    }
    return true;
  }
  bool all() const { return count() == size_; }
  std::uint32_t count() const {
    std::uint32_t n = 0;
    for (auto w : words_) n += static_cast<std::uint32_t>(std::popcount(w));
    return n;
  }
  /// The lowest atom in the set, or size() when empty.
  std::uint32_t first() const {
    for (std::size_t i = 0; i < words_.size(); ++i) {
      if (words_[i]) return static_cast<std::uint32_t>(i * 64 + std::countr_zero(words_[i]));
    }
    return size_;
  }

  AtomSet& operator&=(const AtomSet& o) {
    for (std::size_t i = 0; i < words_.size(); ++i) words_[i] &= o.words_[i];
    return *this;
  }
  AtomSet& operator|=(const AtomSet& o) {
    for (std::size_t i = 0; i < words_.size(); ++i) words_[i] |= o.words_[i];
    return *this;
  }
  /// this \ o
  AtomSet minus(const AtomSet& o) const {
    AtomSet r = *this;
    for (std::size_t i = 0; i < words_.size(); ++i) r.words_[i] &= ~o.words_[i];
    return r;
  }
  AtomSet complement() const {
    AtomSet r = *this;
    for (auto& w : r.words_) w = ~w;
    r.trim();
    return r;
  }
  bool intersects(const AtomSet& o) const {
    for (std::size_t i = 0; i < words_.size(); ++i) {
      if (words_[i] & o.words_[i]) return true;
    }
    return false;
  }
  bool subsetOf(const AtomSet& o) const {
    for (std::size_t i = 0; i < words_.size(); ++i) {
      if (words_[i] & ~o.words_[i]) return false;
    }
    return true;
  }

  friend bool operator==(const AtomSet&, const AtomSet&) = default;
  friend auto operator<=>(const AtomSet& a, const AtomSet& b) { return a.words_ <=> b.words_; }

 private:
  void trim() {
    if (size_ % 64 && !words_.empty()) words_.back() &= (std::uint64_t{1} << (size_ % 64)) - 1;
  }

  std::uint32_t size_ = 0;
  std::vector<std::uint64_t> words_;
};

}  // namespace nomos::analysis
