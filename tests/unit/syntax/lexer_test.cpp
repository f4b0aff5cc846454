// The hand-written lexer against the ANTLR lexer generated from grammar/Nomos.g4, the oracle:
// the same tokens (type, channel, offsets, line, column, text) on every .nomos file of the
// repository and on random input made of the characters that matter to the lexer.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "NomosLexer.h"
#include "syntax/byte_char_stream.h"
#include "syntax/lexer.h"

namespace fs = std::filesystem;

namespace {

std::string describe(antlr4::Token& t) {
  std::ostringstream out;
  out << t.getType() << "/" << t.getChannel() << " @" << t.getStartIndex() << ".."
      << static_cast<long long>(t.getStopIndex()) << " " << t.getLine() << ":"
      << t.getCharPositionInLine() << " " << t.getText();
  return out.str();
}

template <class Source>
std::vector<std::string> tokens(Source& source) {
  std::vector<std::string> out;
  for (;;) {
    auto t = source.nextToken();
    out.push_back(describe(*t));
    if (t->getType() == antlr4::Token::EOF) return out;
  }
}

std::vector<std::string> generated(std::string_view text, std::size_t start = 0) {
  nomos::syntax::ByteCharStream input(text, start, "input");
  nomos::syntax::gen::NomosLexer lexer(&input);
  lexer.removeErrorListeners();
  return tokens(lexer);
}

std::vector<std::string> handWritten(std::string_view text, std::size_t start = 0) {
  nomos::syntax::ByteCharStream input(text, start, "input");
  nomos::syntax::NomosTokenSource lexer(&input, text);
  return tokens(lexer);
}

void compare(std::string_view text, const std::string& name) {
  auto expected = generated(text);
  auto actual = handWritten(text);
  CAPTURE(name);
  std::size_t n = std::min(expected.size(), actual.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (expected[i] != actual[i]) {
      CAPTURE(i);
      REQUIRE(actual[i] == expected[i]);
    }
  }
  REQUIRE(actual.size() == expected.size());
}

}  // namespace

TEST_CASE("the lexer agrees with the grammar's on every .nomos file of the repository") {
  int files = 0;
  for (const char* dir : {"tests", "examples", "stdlib"}) {
    for (const auto& e : fs::recursive_directory_iterator(fs::path(NOMOS_SOURCE_DIR) / dir)) {
      if (e.path().extension() != ".nomos") continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      compare(ss.str(), e.path().filename().string());
      ++files;
    }
  }
  CHECK(files > 100);
}

TEST_CASE("the lexer agrees with the grammar's on the corners of each token") {
  for (const char* text : {"",
                           "a",
                           "_",
                           "in2 in IN",
                           "2024-01-01 2024-1 12-3_4 1_000-01 1_ 1__2 10-",
                           "1-2-3-4",
                           "\"\" \"a\\\"b\" \"open",
                           "\"ends in \\",
                           "\"ends in \\\nnext",
                           "/// doc\n//// not\n//x",
                           "///",
                           "////",
                           "/* a */ b /*/ c",
                           "/* never closed * ** /",
                           "/**/",
                           "/*",
                           "a/b",
                           ">= > <= < == = ; : , . { } ( )",
                           "\t\f\r\n x\r\ny",
                           "\x01\x7f\xff\xc3\xa9",
                           "norm n: Company must disclose where location in CN and count > 5;"}) {
    compare(text, text);
  }
  // A byte order mark is skipped by the stream; offsets stay buffer offsets.
  std::string bom = "\xEF\xBB\xBFnorm x;";
  CHECK(handWritten(bom, 3) == generated(bom, 3));
}

TEST_CASE("the lexer agrees with the grammar's on random input") {
  const std::string alphabet = "ab_Z09-_\"\\/*\n\r\t >=<;.{}()\x01\xff";
  const std::vector<std::string> words = {"norm", "must",       "in",    "///",   "/*", "*/",
                                          "//",   "2024-01-01", "\"x\"", "1_000", "not"};
  std::mt19937 rng(20261206);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    int length = static_cast<int>(rng() % 40);
    for (int i = 0; i < length; ++i) {
      if (rng() % 4 == 0) {
        text += words[rng() % words.size()];
      } else {
        text += alphabet[rng() % alphabet.size()];
      }
    }
    compare(text, "random " + std::to_string(round));
  }
}
