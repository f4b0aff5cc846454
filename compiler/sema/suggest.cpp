#include "sema/suggest.h"

#include <algorithm>
#include <cctype>

namespace nomos::sema {

std::size_t editDistance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  // Three rows suffice for the adjacent-swap rule.
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

namespace {

bool equalIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::optional<std::string> closestName(std::string_view word,
                                       const std::vector<std::string>& candidates) {
  const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  std::optional<std::string> best;
  std::size_t bestScore = 0;
  for (const auto& c : candidates) {
    if (c == word) continue;
    // A difference of case alone is the likeliest typo of all: rank it first.
    std::size_t score = equalIgnoringCase(c, word) ? 0 : 2 * editDistance(word, c);
    if (score != 0 && score > 2 * limit) continue;
    if (!best || score < bestScore || (score == bestScore && c < *best)) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

}  // namespace nomos::sema
