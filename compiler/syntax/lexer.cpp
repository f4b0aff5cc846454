#include "syntax/lexer.h"

#include <cctype>
#include <deque>
#include <string>
#include <unordered_map>

#include "NomosLexer.h"

namespace nomos::syntax {

namespace {

using gen::NomosLexer;

/// Every token the grammar spells literally ('action', '>=', ';' ...), read from the generated
/// vocabulary, so a keyword added to the grammar is known here without a second list.
struct Literals {
  std::unordered_map<std::string_view, std::size_t> words;    // keywords
  std::unordered_map<std::string_view, std::size_t> symbols;  // punctuation, 1 or 2 bytes
  std::deque<std::string> storage;

  Literals() {
    antlr4::ANTLRInputStream empty("");
    NomosLexer lexer(&empty);
    const antlr4::dfa::Vocabulary& vocabulary = lexer.getVocabulary();
    for (std::size_t type = 1; type <= vocabulary.getMaxTokenType(); ++type) {
      std::string literal = vocabulary.getLiteralName(type);
      if (literal.size() < 3 || literal.front() != '\'' || literal.back() != '\'') continue;
      const std::string& text = storage.emplace_back(literal.substr(1, literal.size() - 2));
      bool word = text[0] == '_' || std::isalpha(static_cast<unsigned char>(text[0]));
      (word ? words : symbols).emplace(text, type);
    }
  }
};

const Literals& literals() {
  static const Literals table;
  return table;
}

bool isDigit(int c) { return c >= '0' && c <= '9'; }
bool isIdentStart(int c) { return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool isIdentPart(int c) { return isIdentStart(c) || isDigit(c); }
bool isNewline(int c) { return c == '\n' || c == '\r'; }
bool isSpace(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

}  // namespace

NomosTokenSource::NomosTokenSource(antlr4::CharStream* input, std::string_view bytes)
    : input_(input), bytes_(bytes), pos_(input->index()) {
  (void)literals();
}

int NomosTokenSource::peek(std::size_t ahead) const {
  std::size_t at = pos_ + ahead;
  return at < bytes_.size() ? static_cast<unsigned char>(bytes_[at]) : -1;
}

void NomosTokenSource::advance() {
  if (bytes_[pos_] == '\n') {
    ++line_;
    column_ = 0;
  } else {
    ++column_;
  }
  ++pos_;
}

std::unique_ptr<antlr4::Token> NomosTokenSource::make(std::size_t type, std::size_t channel,
                                                      std::size_t start, std::size_t line,
                                                      std::size_t column) {
  // Like ANTLR's lexer: no copied text; a token reads its text from the input when asked.
  return antlr4::CommonTokenFactory::DEFAULT->create({this, input_}, type, "", channel, start,
                                                     pos_ - 1, line, column);
}

std::unique_ptr<antlr4::Token> NomosTokenSource::nextToken() {
  const Literals& lit = literals();
  constexpr std::size_t kDefault = antlr4::Token::DEFAULT_CHANNEL;
  constexpr std::size_t kHidden = antlr4::Token::HIDDEN_CHANNEL;
  for (;;) {
    const std::size_t start = pos_, line = line_, column = column_;
    const int c = peek();
    if (c < 0) {
      return antlr4::CommonTokenFactory::DEFAULT->create({this, input_}, antlr4::Token::EOF, "",
                                                         kDefault, pos_, pos_ - 1, line, column);
    }
    if (isSpace(c)) {  // Whitespace -> skip
      while (isSpace(peek())) advance();
      continue;
    }
    if (isIdentStart(c)) {  // keywords, then Identifier
      while (isIdentPart(peek())) advance();
      auto word = lit.words.find(bytes_.substr(start, pos_ - start));
      return make(word != lit.words.end() ? word->second : NomosLexer::Identifier, kDefault, start,
                  line, column);
    }
    if (isDigit(c)) {  // DateLiteral : Digit+ '-' Digit+ ('-' Digit+)? ; IntegerLiteral
      while (isDigit(peek())) advance();
      if (peek() == '-' && isDigit(peek(1))) {
        advance();
        while (isDigit(peek())) advance();
        if (peek() == '-' && isDigit(peek(1))) {
          advance();
          while (isDigit(peek())) advance();
        }
        return make(NomosLexer::DateLiteral, kDefault, start, line, column);
      }
      while (peek() == '_' && isDigit(peek(1))) {
        advance();
        while (isDigit(peek())) advance();
      }
      return make(NomosLexer::IntegerLiteral, kDefault, start, line, column);
    }
    if (c == '"') {  // StringLiteral, else UnterminatedString : '"' StringChar* '\\'?
      advance();
      for (;;) {
        int d = peek();
        if (d == '"') {
          advance();
          return make(NomosLexer::StringLiteral, kDefault, start, line, column);
        }
        if (d < 0 || isNewline(d)) break;
        if (d == '\\') {
          advance();
          if (peek() < 0 || isNewline(peek())) break;  // the '\\' belongs to the token
        }
        advance();
      }
      return make(NomosLexer::UnterminatedString, kDefault, start, line, column);
    }
    if (c == '/' && peek(1) == '/') {
      // DocComment '///' (not '////') to the end of the line, hidden; else LineComment, skipped.
      bool doc = peek(2) == '/' && peek(3) != '/';
      while (peek() >= 0 && !isNewline(peek())) advance();
      if (doc) return make(NomosLexer::DocComment, kHidden, start, line, column);
      continue;
    }
    if (c == '/' && peek(1) == '*') {
      // BlockComment '/*' .*? '*/' is skipped; without its end, UnterminatedComment runs to
      // the end of the file, on the hidden channel.
      std::size_t end = bytes_.find("*/", pos_ + 2);
      if (end != std::string_view::npos) {
        while (pos_ < end + 2) advance();
        continue;
      }
      while (pos_ < bytes_.size()) advance();
      return make(NomosLexer::UnterminatedComment, kHidden, start, line, column);
    }
    if (pos_ + 1 < bytes_.size()) {  // two-byte symbols first: '>=' before '>'
      auto two = lit.symbols.find(bytes_.substr(pos_, 2));
      if (two != lit.symbols.end()) {
        advance();
        advance();
        return make(two->second, kDefault, start, line, column);
      }
    }
    auto one = lit.symbols.find(bytes_.substr(pos_, 1));
    advance();
    if (one != lit.symbols.end()) return make(one->second, kDefault, start, line, column);
    return make(NomosLexer::StrayCharacter, kHidden, start, line, column);  // StrayCharacter : .
  }
}

}  // namespace nomos::syntax
