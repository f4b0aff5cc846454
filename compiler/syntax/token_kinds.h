// Groups of token types the error handling and the lowering reason about.
#pragma once

#include <cstddef>

#include "NomosParser.h"

namespace nomos::syntax {

using gen::NomosParser;

/// Tokens that begin something at the top level of a file (`module`, `import`, `norm`, …).
bool startsTopLevel(std::size_t type);
/// Reserved words.
bool isKeyword(std::size_t type);
/// Tokens after which a new statement begins: `;`, `{`, `}` and the top-level starters.
bool isStatementBoundary(std::size_t type);

}  // namespace nomos::syntax
