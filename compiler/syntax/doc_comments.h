// `///` doc comments: the verbatim legal text of the declaration directly after them.
// They travel on the hidden token channel; the lowering asks for the block before each
// declaration, and whatever no declaration took is reported (N1013).
#pragma once

#include <string>
#include <vector>

#include "syntax/parse_session.h"

namespace nomos::syntax {

class DocComments {
 public:
  explicit DocComments(ParseSession& session);

  /// The text of the `///` block directly before `first` (no blank line or other comment
  /// in between): markers and one leading space stripped, lines joined with '\n'.
  std::string take(const antlr4::Token* first);

  /// N1013 for every block that no declaration took.
  void reportUnattached();

 private:
  bool adjacent(std::size_t endOfEarlier, std::size_t startOfLater) const;
  ParseSession& session_;
  std::vector<bool> taken_;  // by token index
};

}  // namespace nomos::syntax
