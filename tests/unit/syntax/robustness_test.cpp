// Damaged input: whatever the bytes, the parser reports coded diagnostics with spans inside
// the file, in its own words, and never throws. Mutations of a valid file stand in for the
// mistakes people make; the seed is fixed so a failure reproduces.
#include <doctest/doctest.h>

#include <random>

#include "syntax_test_util.h"

namespace nomos::syntax::test {

namespace {

const char* const kValid =
    "module cn.pipl;\n"
    "import std;\n"
    "/// Doc.\n"
    "jurisdiction EU \"European Union\" { members DE, FR; }\n"
    "dimension data \"category\" { personal { sensitive { health; } } public_info; }\n"
    "closed dimension purpose { law; research; }\n"
    "fact individuals : count \"n\";\n"
    "action process { collect; transfer { disclose \"disclose\"; } }\n"
    "incompatible delete, retain;\n"
    "actor CIIOperator : Company \"operator\";\n"
    "disjoint Government, Company;\n"
    "levels constitution > statute;\n"
    "body Acme : Company \"Acme\";\n"
    "instrument PIPL \"law\" { issuer CN; level statute; effective 2021-11-01; }\n"
    "norm pipl_41 \"t\" from PIPL article \"41\":\n"
    "  Company must not disclose where data in personal and (location in CN or recipient not in "
    "{US, UK})\n"
    "  unless approved within 72 hours effective 2022-01-01 until 2030-12-31 prevails over x;\n"
    "sovereignty cn of CN exclusive over location in CN and individuals >= 1_000;\n"
    "agreement a \"t\" between US, UK { effective 2022-10-03; US defers to UK where residence in "
    "UK; }\n"
    "test \"t\" { given Company doing disclose; given data personal, not approved, date "
    "2024-01-01; "
    "expect forbidden by pipl_41; expect conflict a, b; }\n";

const char* const kFragments[] = {
    ";",          ":",
    ",",          ".",
    "{",          "}",
    "(",          ")",
    "\"",         "/*",
    "///",        "not",
    "may not",    "in",
    "and",        "norm",
    "where",      "must",
    "@",          "\xFF",
    "\0",         "\xE2\x80\x9C",
    "2021-02-30", "99999999999999999999",
    "\\q",        "\n",
    "\r\n",       "given",
    "expect",     "test",
    "}",          "{{",
    "))",
};

std::string mutate(std::string text, std::mt19937& rng) {
  int edits = 1 + static_cast<int>(rng() % 4);
  for (int e = 0; e < edits; ++e) {
    std::size_t at = rng() % (text.size() + 1);
    switch (rng() % 3) {
      case 0: {  // delete a few bytes
        std::size_t n = 1 + rng() % 8;
        text.erase(at, std::min(n, text.size() - std::min(at, text.size())));
        break;
      }
      case 1: {  // insert a fragment
        const char* f = kFragments[rng() % std::size(kFragments)];
        std::string fragment = *f == '\0' ? std::string(1, '\0') : std::string(f);
        text.insert(at, fragment);
        break;
      }
      default: {  // duplicate a slice elsewhere
        std::size_t from = rng() % text.size();
        std::size_t n = 1 + rng() % 20;
        text.insert(at, text.substr(from, n));
      }
    }
  }
  return text;
}

}  // namespace

TEST_CASE("the valid sample parses cleanly") {
  auto p = parse(kValid);
  CHECK_MESSAGE(p->diags.size() == 0, p->dump());
  CHECK(p->ast.norms.size() == 1);
}

TEST_CASE("mutated files: coded diagnostics with spans in the file, no ANTLR wording") {
  std::mt19937 rng(20240601);
  int withErrors = 0;
  for (int i = 0; i < 300; ++i) {
    std::string text = mutate(kValid, rng);
    CAPTURE(text);
    auto p = parse(text);
    auto q = parse(text);
    CHECK(p->codes() == q->codes());  // deterministic
    withErrors += p->diags.hasErrors();
    for (const auto& d : p->diags.all()) {
      CHECK(d.code().substr(0, 2) == "N1");
      CHECK(d.span.file == p->file);
      CHECK(d.span.begin <= d.span.end);
      CHECK(d.span.end <= text.size());
      for (const char* english :
           {"mismatched", "extraneous", "viable", "expecting", "<EOF>", "<missing"}) {
        CHECK_MESSAGE(d.message.find(english) == std::string::npos, d.message);
      }
    }
  }
  CHECK(withErrors > 150);  // the mutations do break the file most of the time
}

TEST_CASE("arbitrary bytes") {
  std::mt19937 rng(7);
  for (int i = 0; i < 100; ++i) {
    std::string text(rng() % 300, '\0');
    for (char& c : text) c = static_cast<char>(rng() % 256);
    auto p = parse(text);
    for (const auto& d : p->diags.all()) CHECK(d.span.end <= text.size());
  }
}

}  // namespace nomos::syntax::test
