#include "syntax/doc_comments.h"

#include <algorithm>

#include "syntax/token_kinds.h"

namespace nomos::syntax {

namespace {
using P = NomosParser;

std::string_view lineText(std::string_view comment) {
  comment.remove_prefix(3);  // "///"
  if (!comment.empty() && comment.front() == ' ') comment.remove_prefix(1);
  while (!comment.empty() &&
         (comment.back() == '\r' || comment.back() == ' ' || comment.back() == '\t')) {
    comment.remove_suffix(1);
  }
  return comment;
}
}  // namespace

DocComments::DocComments(ParseSession& session)
    : session_(session), taken_(session.tokens->size(), false) {}

// Only spaces and at most one line break between the two: a blank line or an ordinary
// comment detaches a doc comment from what follows.
bool DocComments::adjacent(std::size_t endOfEarlier, std::size_t startOfLater) const {
  if (startOfLater < endOfEarlier) return false;
  std::string_view gap = session_.text.substr(endOfEarlier, startOfLater - endOfEarlier);
  if (gap.find_first_not_of(" \t\r\n\f") != std::string_view::npos) return false;
  return std::count(gap.begin(), gap.end(), '\n') <= 1;
}

std::string DocComments::take(const antlr4::Token* first) {
  if (first == nullptr || first->getTokenIndex() == INVALID_INDEX) return {};
  std::vector<std::string_view> lines;
  std::size_t nextStart = first->getStartIndex();
  for (std::size_t i = first->getTokenIndex(); i > 0;) {
    --i;
    antlr4::Token* t = session_.tokens->get(i);
    if (t->getType() != P::DocComment || !adjacent(t->getStopIndex() + 1, nextStart)) break;
    lines.push_back(session_.textOf(t));
    taken_[i] = true;
    nextStart = t->getStartIndex();
  }
  std::string out;
  for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
    if (!out.empty()) out += '\n';
    out += lineText(*it);
  }
  return out;
}

void DocComments::reportUnattached() {
  std::size_t n = session_.tokens->size();
  for (std::size_t i = 0; i < n; ++i) {
    antlr4::Token* t = session_.tokens->get(i);
    if (t->getType() != P::DocComment || taken_[i]) continue;
    // One warning for the whole block.
    std::size_t last = i;
    while (last + 1 < n) {
      antlr4::Token* next = session_.tokens->get(last + 1);
      antlr4::Token* prev = session_.tokens->get(last);
      if (next->getType() != P::DocComment || taken_[last + 1] ||
          !adjacent(prev->getStopIndex() + 1, next->getStartIndex())) {
        break;
      }
      ++last;
    }
    auto& d = session_.diags.report(diag::DiagId::MisplacedDocComment,
                                    session_.span(t, session_.tokens->get(last)));
    d.help.push_back(
        "put the `///` lines directly before a declaration (no blank line between), or use `//` "
        "for an ordinary "
        "comment");
    i = last;
  }
}

}  // namespace nomos::syntax
