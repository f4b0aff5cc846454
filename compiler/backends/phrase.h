// Plain-language wording of the model for documents: a norm as an English provision, a
// condition clause by clause, sovereignty clauses, deferences and witness situations. The
// words come from the titles the drafters gave their declarations; names are the fallback.
// Output is a Phrase (text with linked terms), so HTML and Markdown render the same words.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/program.h"

namespace nomos::backends {

/// One run of text; `href` set makes it a link, `code` shows it as a name from the source.
struct Piece {
  std::string text;
  std::string href;
  std::string tip;  // a tooltip: the full title behind a short name
  bool code = false;
  std::string id;  // an anchor on this text
};

class Phrase {
 public:
  Phrase() = default;
  Phrase(std::string_view text) { add(text); }  // NOLINT: plain text converts

  Phrase& add(std::string_view text);
  Phrase& link(std::string_view text, std::string_view href, std::string_view tip = {},
               bool code = false);
  Phrase& code(std::string_view text);
  Phrase& anchor(std::string_view text, std::string_view id, bool code = false);
  Phrase& append(const Phrase& other);

  const std::vector<Piece>& pieces() const { return pieces_; }
  bool empty() const { return pieces_.empty(); }
  /// The words without markup.
  std::string plain() const;
  /// Upper-cases the first letter (for a sentence start).
  void capitalize();

 private:
  std::vector<Piece> pieces_;
};

/// What a phrase can link to.
enum class TermKind : std::uint8_t {
  Actor,
  Action,
  Jurisdiction,
  Dimension,
  Category,
  Fact,
  Level
};

struct TermRef {
  TermKind kind = TermKind::Actor;
  model::Index index = model::kNone;
  model::Index category = model::kNone;  // Category: index into the dimension's categories
  friend auto operator<=>(const TermRef&, const TermRef&) = default;
};

/// Supplies link targets; the document builder also records which terms a page uses.
class Linker {
 public:
  virtual ~Linker() = default;
  virtual std::string term(const TermRef& ref) = 0;
  virtual std::string norm(model::Index norm) = 0;
};

class Phraser {
 public:
  Phraser(const model::Program& program, Linker& linker) : p_(program), link_(linker) {}

  /// "An Internet company must not disclose, where …, unless …."
  Phrase norm(const model::Norm& n);
  /// The condition as an English clause ("the category of data is personal and …").
  Phrase condition(const model::Condition& c);
  /// "CN claims authority over situations where …."
  Phrase claim(const model::SovereigntyClaim& c);
  /// "US defers to UK where the data subject resides in UK."
  Phrase deference(const model::Deference& d);
  /// The witness situation in words, from its structured form; `fallback` when unreadable.
  Phrase witness(const nlohmann::json& w, std::string_view fallback);
  /// The subject with its article: "an Internet company", "Acme Cloud Ltd.".
  Phrase subject(model::Index actor);
  Phrase action(model::Index action);
  Phrase jurisdiction(model::Index j);
  Phrase issuer(model::Issuer i);
  /// A norm reference: its name (linked), with its title as tooltip.
  Phrase normRef(model::Index norm);

 private:
  void clause(Phrase& out, const model::Condition& c, bool negated, int depth);
  void atom(Phrase& out, const model::Condition& c, bool negated);
  void inClause(Phrase& out, model::Index dim, const std::vector<model::Index>& values,
                bool negated);
  /// The unnamed remainder of a dimension, as a witness value.
  void remainder(Phrase& out, model::Index dim);
  void valueList(Phrase& out, model::Index dim, const std::vector<model::Index>& values,
                 std::string_view conj);
  Phrase value(model::Index dim, model::Index v);
  Phrase factTerm(model::Index fact);

  const model::Program& p_;
  Linker& link_;
};

/// "transfer_abroad" → "transfer abroad".
std::string humanize(std::string_view name);
/// "1 November 2021".
std::string longDate(model::Date d);
/// "1,000,000".
std::string groupDigits(std::int64_t n);
/// "a" or "an" for the phrase that follows.
std::string_view indefiniteArticle(std::string_view phrase);

}  // namespace nomos::backends
