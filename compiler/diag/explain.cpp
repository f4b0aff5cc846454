#include "diag/explain.h"

#include <utility>

namespace nomos::diag {

extern const std::pair<std::string_view, std::string_view> kExplainPages[];
extern const unsigned kExplainPageCount;

std::optional<std::string_view> explainPage(std::string_view code) {
  for (unsigned i = 0; i < kExplainPageCount; ++i) {
    if (kExplainPages[i].first == code) return kExplainPages[i].second;
  }
  return std::nullopt;
}

}  // namespace nomos::diag
