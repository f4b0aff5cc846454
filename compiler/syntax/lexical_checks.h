// Checks on the bytes and tokens of a file before it is parsed: encoding, characters that
// have no place in Nomos, unterminated strings and comments, and nesting depth.
#pragma once

#include <vector>

#include "syntax/parse_session.h"
#include "syntax/utf8.h"

namespace nomos::syntax {

/// N1005 for each run of bytes that is not UTF-8 (the first few runs of a file).
std::vector<ByteRange> checkEncoding(ParseSession& session);

/// N1012 for stray characters, N1008 for unterminated strings (which then continue as
/// strings, so the parser can go on), N1009 for an unterminated block comment.
void checkTokens(ParseSession& session, const std::vector<ByteRange>& invalidUtf8);

/// N1010 when parentheses, braces and `not`s nest deeper than options.maxDepth; the
/// recursive parser must not run then. Returns whether the file is shallow enough.
bool checkNesting(ParseSession& session);

}  // namespace nomos::syntax
