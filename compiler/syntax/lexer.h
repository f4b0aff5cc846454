// The Nomos lexer, written by hand. It produces exactly the tokens of the lexer rules in
// grammar/Nomos.g4 (same types, channels, offsets, lines and columns; tests/unit/syntax/
// lexer_test.cpp compares the two on every test file and on random input), at a fraction of
// the cost: the generated ANTLR lexer took a third of a large `nomos check`.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <antlr4-runtime.h>

namespace nomos::syntax {

class NomosTokenSource : public antlr4::TokenSource {
 public:
  /// Reads `input` (a ByteCharStream: one symbol per byte) from its current index.
  explicit NomosTokenSource(antlr4::CharStream* input, std::string_view bytes);

  std::unique_ptr<antlr4::Token> nextToken() override;
  size_t getLine() const override { return line_; }
  size_t getCharPositionInLine() override { return column_; }
  antlr4::CharStream* getInputStream() override { return input_; }
  std::string getSourceName() override { return input_->getSourceName(); }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override {
    return antlr4::CommonTokenFactory::DEFAULT.get();
  }

 private:
  int peek(std::size_t ahead = 0) const;
  void advance();
  std::unique_ptr<antlr4::Token> make(std::size_t type, std::size_t channel, std::size_t start,
                                      std::size_t line, std::size_t column);

  antlr4::CharStream* input_;
  std::string_view bytes_;
  std::size_t pos_;
  std::size_t line_ = 1;
  std::size_t column_ = 0;
};

}  // namespace nomos::syntax
