// The syntax tree as written: plain structs, every node with its Span. Produced by
// compiler/syntax from the ANTLR parse tree (which never leaves compiler/syntax), read by
// compiler/sema. Nothing here is resolved: names are as the user spelled them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "source/source_manager.h"

namespace nomos::ast {

using source::Span;

/// A civil date, validated by the parser.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  Span span;
};

/// `72 hours`, `30 days`; stored in hours.
struct Duration {
  std::int64_t hours = 0;
  std::string text;  // as written, e.g. "72 hours"
  Span span;
};

/// `x` or `a.b.x`.
struct QualName {
  std::vector<std::string> parts;
  Span span;
  std::string str() const;  // joined with '.'
};

/// Text of a `///` doc comment block (markers and one leading space stripped, lines joined
/// with '\n'); empty if none.
using DocText = std::string;

// ---------------------------------------------------------------- conditions

enum class CmpOp : std::uint8_t { Lt, Le, Gt, Ge, Eq };

struct Condition {
  enum class Kind : std::uint8_t {
    In,       // dim in V / dim in {V1, V2}; negated=true for `not in`
    Flag,     // fact (a bare name)
    Compare,  // fact OP integer
    And,
    Or,
    Not,
  };
  Kind kind = Kind::Flag;
  Span span;
  QualName subject;                 // In: the dimension; Flag/Compare: the fact
  std::vector<QualName> values;     // In
  bool negated = false;             // In: `not in`
  CmpOp op = CmpOp::Eq;             // Compare
  std::int64_t number = 0;          // Compare
  std::vector<Condition> operands;  // And/Or (two or more), Not (one)
};

// ---------------------------------------------------------------- declarations

struct Module {
  QualName name;
  Span span;
};

struct Import {
  QualName name;
  bool isPublic = false;
  Span span;
};

/// A declared identifier with its span.
struct Ident {
  std::string text;
  Span span;
};

struct Jurisdiction {
  Ident name;
  std::string title;  // may be empty
  std::vector<Ident> members;
  DocText doc;
  Span span;
};

/// A node in a taxonomy: a dimension category or a child action.
struct TaxonomyNode {
  Ident name;
  std::string title;
  std::vector<TaxonomyNode> children;
  DocText doc;
  Span span;
};

struct Dimension {
  Ident name;
  bool closed = false;
  bool territory = false;  // `: territory`
  std::string title;
  std::vector<TaxonomyNode> categories;  // empty for territory dimensions
  DocText doc;
  Span span;
};

struct Fact {
  Ident name;
  bool isCount = false;  // `: count`
  std::string title;
  DocText doc;
  Span span;
};

struct Action {
  Ident name;
  std::string title;
  std::vector<TaxonomyNode> children;
  DocText doc;
  Span span;
};

struct Incompatible {
  std::vector<QualName> actions;  // two or more
  DocText doc;
  Span span;
};

struct Actor {
  Ident name;
  std::vector<QualName> parents;
  std::string title;
  DocText doc;
  Span span;
};

struct Disjoint {
  std::vector<QualName> actors;  // two or more
  DocText doc;
  Span span;
};

struct Levels {
  std::vector<Ident> levels;  // highest first
  DocText doc;
  Span span;
};

struct Body {
  Ident name;
  QualName actorClass;
  std::string title;
  DocText doc;
  Span span;
};

struct Instrument {
  Ident name;
  std::string title;
  // Each field may be written at most once; the parser keeps every occurrence so sema can
  // report duplicates.
  std::vector<QualName> issuer;
  std::vector<QualName> level;
  std::vector<Date> effective;
  std::vector<Date> until;
  DocText doc;
  Span span;
};

enum class Modality : std::uint8_t { Must, MustNot, May, NeedNot };

struct Norm {
  Ident name;
  std::string title;
  std::optional<QualName> from;
  std::optional<std::string> article;
  Span articleSpan;
  QualName subject;
  Modality modality = Modality::Must;
  Span modalitySpan;
  QualName action;
  std::optional<Condition> where;
  std::optional<Condition> unless;
  std::optional<Duration> within;
  std::optional<Date> effective;
  std::optional<Date> until;
  std::vector<QualName> prevailsOver;
  DocText doc;
  Span span;
};

struct Sovereignty {
  Ident name;
  QualName jurisdiction;
  bool exclusive = false;
  Condition condition;
  DocText doc;
  Span span;
};

struct Deference {
  QualName from;  // A in `A defers to B where C`
  QualName to;    // B
  Condition condition;
  Span span;
};

struct Agreement {
  Ident name;
  std::string title;
  std::vector<QualName> parties;
  std::vector<Date> effective;
  std::vector<Date> until;
  std::vector<Deference> deferences;
  DocText doc;
  Span span;
};

/// One item of a `given` list.
struct GivenItem {
  enum class Kind : std::uint8_t {
    Name,     // `Company` (actor class) or `legal_process` (flag set true)
    NotFlag,  // `not approved`
    Value,    // `data personal`  (name = dimension, value = category/jurisdiction)
    Count,    // `individuals 1500`
    Doing,    // `doing disclose`
    Date,     // `date 2024-01-01`
  };
  Kind kind = Kind::Name;
  QualName name;
  QualName value;
  std::int64_t number = 0;
  Date date;
  Span span;
};

struct Expectation {
  enum class Kind : std::uint8_t {
    Status,         // expect obliged|forbidden|permitted|exempt [by n]
    Conflict,       // expect conflict n1, n2
    NotApplicable,  // expect not applicable n
    Overlap,        // expect overlap c1, c2
    Resolved,       // expect resolved n1, n2 by n
  };
  enum class Status : std::uint8_t { Obliged, Forbidden, Permitted, Exempt };
  Kind kind = Kind::Status;
  Status status = Status::Obliged;
  std::vector<QualName> names;  // the norms or claims named
  std::optional<QualName> by;
  Span span;
};

struct Test {
  std::string name;
  std::vector<GivenItem> given;
  std::vector<Expectation> expectations;
  DocText doc;
  Span span;
};

/// One parsed file, declarations in source order per kind.
struct File {
  source::FileId file = source::kNoFile;
  std::optional<Module> module;
  std::vector<Import> imports;
  std::vector<Jurisdiction> jurisdictions;
  std::vector<Dimension> dimensions;
  std::vector<Fact> facts;
  std::vector<Action> actions;
  std::vector<Incompatible> incompatibles;
  std::vector<Actor> actors;
  std::vector<Disjoint> disjoints;
  std::vector<Levels> levels;
  std::vector<Body> bodies;
  std::vector<Instrument> instruments;
  std::vector<Norm> norms;
  std::vector<Sovereignty> sovereignties;
  std::vector<Agreement> agreements;
  std::vector<Test> tests;
};

}  // namespace nomos::ast
