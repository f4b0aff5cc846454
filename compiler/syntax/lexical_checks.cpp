#include "syntax/lexical_checks.h"

#include <algorithm>

#include <fmt/format.h>

#include "syntax/token_kinds.h"

namespace nomos::syntax {

namespace {

using P = NomosParser;

constexpr std::size_t kMaxEncodingReports = 10;

bool inside(const std::vector<ByteRange>& ranges, std::uint32_t offset) {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), offset,
                             [](std::uint32_t o, const ByteRange& r) { return o < r.begin; });
  return it != ranges.begin() && offset < std::prev(it)->end;
}

bool isInvisibleSpace(char32_t c) {
  return c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 ||
         c == 0xFEFF;
}

bool isQuoteLike(char32_t c) {
  return c == '\'' || c == '`' || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D ||
         c == 0x201E || c == 0xAB || c == 0xBB;
}

std::string describeCharacter(char32_t c, std::string_view bytes) {
  if (c == 0) return "NUL (U+0000)";
  if (c < 0x20 || c == 0x7F)
    return fmt::format("U+{:04X} (a control character)", static_cast<std::uint32_t>(c));
  if (isInvisibleSpace(c))
    return fmt::format("U+{:04X} (an invisible space)", static_cast<std::uint32_t>(c));
  if (c < 0x80) return fmt::format("`{}`", bytes);
  return fmt::format("`{}` (U+{:04X})", bytes, static_cast<std::uint32_t>(c));
}

std::string helpFor(char32_t c) {
  if (c == 0) return "the file contains a NUL byte; is it a text file?";
  if (isInvisibleSpace(c)) return "replace it with an ordinary space";
  if (isQuoteLike(c))
    return "titles and article numbers are written between straight double quotes: \"…\"";
  switch (c) {
    case '&':
      return "write `and` to require both conditions";
    case '|':
      return "write `or` to accept either condition";
    case '!':
      return "write `not` to negate a condition";
    case '=':
      return "compare a count with `==`, `>=`, `>`, `<=` or `<`";
    case '#':
      return "comments start with `//`";
    default:
      break;
  }
  if (c >= 0x80)
    return "outside titles and comments, names use only the letters A–Z and a–z, digits and `_`";
  return "remove it, or put the text in a title between double quotes";
}

void recordLexicalError(ParseSession& s, std::uint32_t offset) {
  s.lexicalErrors.insert(std::upper_bound(s.lexicalErrors.begin(), s.lexicalErrors.end(), offset),
                         offset);
}

void reportStrayRun(ParseSession& s, std::uint32_t begin, std::uint32_t end,
                    const std::vector<ByteRange>& invalid) {
  // The first character of the run that is not already reported as bad UTF-8.
  std::uint32_t at = begin;
  while (at < end && inside(invalid, at)) ++at;
  if (at >= end) return;
  auto cp = decodeUtf8(s.text, at);
  CodePoint c = cp ? *cp : CodePoint{static_cast<unsigned char>(s.text[at]), 1};
  auto& d = s.diags.report(diag::DiagId::InvalidCharacter, s.span(at, end),
                           describeCharacter(c.value, s.text.substr(at, c.length)));
  d.help.push_back(helpFor(c.value));
  recordLexicalError(s, at);
}

// Text in strings and doc comments reaches documents: a NUL or another control character
// has no place there (a tab does).
void reportControlCharacters(ParseSession& s, const antlr4::Token* t,
                             const std::vector<ByteRange>& invalid) {
  for (auto at = static_cast<std::uint32_t>(t->getStartIndex()); at <= t->getStopIndex(); ++at) {
    auto c = static_cast<unsigned char>(s.text[at]);
    if ((c < 0x20 && c != '\t') || c == 0x7F) reportStrayRun(s, at, at + 1, invalid);
  }
}

}  // namespace

std::vector<ByteRange> checkEncoding(ParseSession& s) {
  std::vector<ByteRange> invalid = findInvalidUtf8(s.text);
  for (std::size_t i = 0; i < invalid.size() && i < kMaxEncodingReports; ++i) {
    auto& d = s.diags.report(diag::DiagId::InvalidUtf8, s.span(invalid[i].begin, invalid[i].end));
    if (i == 0) d.help.push_back("save the file as UTF-8");
    recordLexicalError(s, invalid[i].begin);
  }
  return invalid;
}

void checkTokens(ParseSession& s, const std::vector<ByteRange>& invalidUtf8) {
  const std::vector<antlr4::Token*> tokens = s.tokens->getTokens();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    antlr4::Token* t = tokens[i];
    switch (t->getType()) {
      case P::StrayCharacter: {
        // Stray bytes come one token each; a run of them is one mistake.
        auto begin = static_cast<std::uint32_t>(t->getStartIndex());
        auto end = static_cast<std::uint32_t>(t->getStopIndex() + 1);
        while (i + 1 < tokens.size() && tokens[i + 1]->getType() == P::StrayCharacter &&
               tokens[i + 1]->getStartIndex() == end) {
          ++i;
          end = static_cast<std::uint32_t>(tokens[i]->getStopIndex() + 1);
        }
        reportStrayRun(s, begin, end, invalidUtf8);
        break;
      }
      case P::UnterminatedString: {
        reportControlCharacters(s, t, invalidUtf8);
        auto& d = s.diags.report(diag::DiagId::UnterminatedString, s.span(t));
        d.help.push_back(
            "close the text with `\"` on the same line; write `\\n` for a line break inside it");
        recordLexicalError(s, static_cast<std::uint32_t>(t->getStartIndex()));
        if (auto* w = dynamic_cast<antlr4::WritableToken*>(t)) w->setType(P::StringLiteral);
        break;
      }
      case P::StringLiteral:
      case P::DocComment:
        reportControlCharacters(s, t, invalidUtf8);
        break;
      case P::UnterminatedComment: {
        auto begin = static_cast<std::uint32_t>(t->getStartIndex());
        auto& d = s.diags.report(diag::DiagId::UnterminatedComment, s.span(begin, begin + 2));
        d.help.push_back("close the comment with `*/`");
        recordLexicalError(s, begin);
        break;
      }
      default:
        break;
    }
  }
}

bool checkNesting(ParseSession& s) {
  const std::vector<antlr4::Token*> tokens = s.tokens->getTokens();
  std::size_t depth = 0;
  std::size_t negations = 0;  // `not`s in a row, each a level of the condition tree
  for (antlr4::Token* t : tokens) {
    if (t->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
    std::size_t type = t->getType();
    if (type == P::LPAREN || type == P::LBRACE) {
      ++depth;
    } else if (type == P::RPAREN || type == P::RBRACE) {
      if (depth > 0) --depth;
    } else if (type == P::NOT) {
      ++negations;
    } else {
      negations = 0;
    }
    if (depth + negations > s.options.maxDepth) {
      auto& d = s.diags.report(diag::DiagId::NestingTooDeep, s.span(t), s.options.maxDepth);
      d.help.push_back("split the condition or the taxonomy into smaller parts");
      return false;
    }
  }
  return true;
}

}  // namespace nomos::syntax
