// The words of syntax errors: what the parser expected and what it found, said the way a
// rule author would say it ("a modality (`must`, …)", not "MUST").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <antlr4-runtime.h>

namespace nomos::syntax {

/// "a modality (`must`, `must not`, `may` or `need not`)", "`;`", "a name or `{`".
std::string describeExpected(const antlr4::misc::IntervalSet& expected,
                             const antlr4::dfa::Vocabulary& vocabulary);

/// "`shall`", "the end of the file", "the reserved word `count`" (when a name was expected).
std::string describeFound(const antlr4::Token* token, std::string_view text, bool nameExpected);

/// The reserved word (`norm`) of a keyword or punctuation token type (`;`); empty otherwise.
std::string literalOf(std::size_t type, const antlr4::dfa::Vocabulary& vocabulary);

/// The keyword among `expected` that `word` is most likely a misspelling of.
std::optional<std::string> suggestKeyword(std::string_view word,
                                          const antlr4::misc::IntervalSet& expected,
                                          const antlr4::dfa::Vocabulary& vocabulary);

/// The candidate `word` is most likely a misspelling of (case is ignored: `Norm` → `norm`).
std::optional<std::string> closestWord(std::string_view word,
                                       const std::vector<std::string>& candidates);

/// What a `;` ends, for "expected `;` after the norm": found from the innermost rule.
std::string statementNoun(const antlr4::RuleContext* context);

}  // namespace nomos::syntax
