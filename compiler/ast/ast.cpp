#include "ast/ast.h"

namespace nomos::ast {

std::string QualName::str() const {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += '.';
    out += p;
  }
  return out;
}

}  // namespace nomos::ast
