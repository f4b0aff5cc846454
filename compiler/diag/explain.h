// The pages `nomos explain CODE` prints, compiled in from docs/diagnostics/CODE.md.
#pragma once

#include <optional>
#include <string_view>

namespace nomos::diag {

std::optional<std::string_view> explainPage(std::string_view code);

}  // namespace nomos::diag
