#include "syntax/token_kinds.h"

namespace nomos::syntax {

bool startsTopLevel(std::size_t type) {
  switch (type) {
    case NomosParser::MODULE:
    case NomosParser::IMPORT:
    case NomosParser::JURISDICTION:
    case NomosParser::CLOSED:
    case NomosParser::DIMENSION:
    case NomosParser::FACT:
    case NomosParser::ACTION:
    case NomosParser::INCOMPATIBLE:
    case NomosParser::ACTOR:
    case NomosParser::DISJOINT:
    case NomosParser::LEVELS:
    case NomosParser::BODY:
    case NomosParser::INSTRUMENT:
    case NomosParser::NORM:
    case NomosParser::SOVEREIGNTY:
    case NomosParser::AGREEMENT:
    case NomosParser::TEST:
      return true;
    default:
      return false;
  }
}

// The keyword tokens are declared first in the grammar, from ACTION to WITHIN.
bool isKeyword(std::size_t type) {
  return type >= NomosParser::ACTION && type <= NomosParser::WITHIN;
}

bool isStatementBoundary(std::size_t type) {
  return type == NomosParser::SEMI || type == NomosParser::LBRACE || type == NomosParser::RBRACE ||
         startsTopLevel(type);
}

}  // namespace nomos::syntax
