// The resolved program: what sema builds and every later phase reads. Immutable after
// sema (Program::finalize computes the derived relations once). All cross references are
// indices into the Program's vectors.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.h"
#include "source/source_manager.h"

namespace nomos::model {

using source::Span;
using Index = std::uint32_t;
inline constexpr Index kNone = UINT32_MAX;

/// What every named declaration carries, for diagnostics and documents.
struct DeclInfo {
  std::string name;       // "pipl_41"
  std::string qualified;  // "cn.pipl.pipl_41"
  std::string title;      // the quoted title; may be empty
  std::string doc;        // the `///` text; may be empty
  Span span;              // the declared name
  Span declSpan;          // the whole declaration
  Index module = kNone;
};

struct Module {
  std::string name;  // "cn.pipl"
  source::FileId file = source::kNoFile;
  bool isLibrary = false;  // loaded from the stdlib: exempt from unused-declaration lints
};

struct Jurisdiction : DeclInfo {
  std::vector<Index> members;   // direct members
  std::vector<Index> memberOf;  // direct containers
};

/// A category of a taxonomy dimension.
struct Category {
  std::string name;
  std::string title;
  std::string doc;
  Span span;
  Index parent = kNone;  // index into Dimension::categories
  std::vector<Index> children;
};

struct Dimension : DeclInfo {
  bool territory = false;            // values are jurisdictions
  bool closed = false;               // no unnamed remainder
  std::vector<Category> categories;  // taxonomy dimensions only, parents before children
  std::vector<Index> roots;          // top-level categories
};

enum class FactKind : std::uint8_t { Flag, Count };

struct Fact : DeclInfo {
  FactKind kind = FactKind::Flag;
};

struct Action : DeclInfo {
  Index parent = kNone;
  std::vector<Index> children;
};

struct ActorClass : DeclInfo {
  std::vector<Index> parents;
  bool isBody = false;  // a `body`: one organisation, also an issuer
};

struct DisjointSet {
  std::vector<Index> actors;
  Span span;
};

struct IncompatibleSet {
  std::vector<Index> actions;
  Span span;
};

struct Level : DeclInfo {
  Index chain = 0;  // which `levels` declaration orders it
  int rank = 0;     // 0 is the highest in its chain
};

struct Issuer {
  enum class Kind : std::uint8_t { None, Jurisdiction, Body };
  Kind kind = Kind::None;
  Index index = kNone;  // into jurisdictions, or into actors for a body
  friend bool operator==(const Issuer&, const Issuer&) = default;
};

struct Instrument : DeclInfo {
  Issuer issuer;
  Index level = kNone;
  std::optional<Date> effective;
  std::optional<Date> until;  // inclusive
};

enum class CmpOp : std::uint8_t { Lt, Le, Gt, Ge, Eq };

/// A resolved condition tree.
struct Condition {
  enum class Kind : std::uint8_t { True, In, Flag, Compare, And, Or, Not };
  Kind kind = Kind::True;
  Span span;
  Index dim = kNone;                // In
  std::vector<Index> values;        // In: jurisdiction indices (territory) or category indices
  Index fact = kNone;               // Flag, Compare
  CmpOp op = CmpOp::Eq;             // Compare
  std::int64_t number = 0;          // Compare
  std::vector<Condition> operands;  // And, Or, Not
};

enum class Modality : std::uint8_t { Must, MustNot, May, NeedNot };
std::string_view modalityText(Modality m);  // "must", "must not", "may", "need not"

struct Norm : DeclInfo {
  Index instrument = kNone;  // kNone when the norm has no `from`
  std::string article;       // empty when none
  Index subject = kNone;     // actor class
  Modality modality = Modality::Must;
  Index action = kNone;
  std::optional<Condition> where;
  std::optional<Condition> unless;
  std::optional<std::int64_t> withinHours;
  std::string withinText;         // "72 hours"
  std::optional<Date> effective;  // the norm's own override
  std::optional<Date> until;
  std::vector<Index> prevailsOver;
  std::vector<Span> prevailsSpans;  // parallel to prevailsOver
};

struct SovereigntyClaim : DeclInfo {
  Index jurisdiction = kNone;
  bool exclusive = false;
  Condition condition;
};

struct Deference {
  Issuer from;  // A defers to B
  Issuer to;
  Condition condition;
  Span span;
};

struct Agreement : DeclInfo {
  std::vector<Issuer> parties;
  std::optional<Date> effective;
  std::optional<Date> until;
  std::vector<Deference> deferences;
};

struct Test {
  struct DimValue {
    Index dim = kNone;
    Index value = kNone;  // jurisdiction or category index
    Span span;
  };
  struct FactValue {
    Index fact = kNone;
    std::int64_t value = 0;  // flags: 0 or 1
    Span span;
  };
  enum class ExpectKind : std::uint8_t { Status, Conflict, NotApplicable, Overlap, Resolved };
  enum class Status : std::uint8_t { Obliged, Forbidden, Permitted, Exempt };
  struct Expectation {
    ExpectKind kind = ExpectKind::Status;
    Status status = Status::Obliged;
    std::vector<Index> refs;  // norms, or claims for Overlap
    Index by = kNone;         // a norm
    Span span;
  };

  std::string name;
  std::string doc;
  Span span;
  Index module = kNone;
  std::vector<Index> actorClasses;
  Index action = kNone;
  std::vector<DimValue> values;
  std::vector<FactValue> facts;
  std::optional<Date> date;
  std::vector<Expectation> expectations;
};

/// [from, to], inclusive, open ends as kMinDate/kMaxDate.
struct Window {
  Date from = kMinDate;
  Date to = kMaxDate;
  bool empty() const { return to < from; }
};

class Program {
 public:
  std::vector<Module> modules;
  std::vector<Jurisdiction> jurisdictions;
  std::vector<Dimension> dimensions;
  std::vector<Fact> facts;
  std::vector<Action> actions;
  std::vector<IncompatibleSet> incompatibles;
  std::vector<ActorClass> actors;
  std::vector<DisjointSet> disjoints;
  std::vector<Level> levels;
  std::vector<Instrument> instruments;
  std::vector<Norm> norms;
  std::vector<SovereigntyClaim> claims;
  std::vector<Agreement> agreements;
  std::vector<Test> tests;

  /// Computes the derived relations below. Call once, after the vectors are complete.
  void finalize();

  /// Reflexive, transitive membership: is `j` `container` or a (transitive) member of it?
  bool jurisdictionWithin(Index j, Index container) const;
  /// Is `a` the action `ancestor` or one of its descendants (a ⊑ ancestor)?
  bool actionWithin(Index a, Index ancestor) const;
  /// Is actor class `c` the class `ancestor` or one of its subclasses?
  bool actorWithin(Index c, Index ancestor) const;
  /// Can no actor belong to both classes (declared disjoint, inherited; distinct bodies)?
  bool actorsDisjoint(Index a, Index b) const;
  /// Are the actions declared incompatible (or descendants of an incompatible pair)?
  bool actionsIncompatible(Index a, Index b) const;
  /// Is category `c` of dimension `dim` equal to or below `ancestor`?
  bool categoryWithin(Index dim, Index c, Index ancestor) const;

  /// Is issuer `a` the same as, a member of, or containing issuer `b`?
  bool issuersRelated(Issuer a, Issuer b) const;
  /// Is jurisdiction issuer `inner` a (transitive, strict) member of `outer`?
  bool issuerEncloses(Issuer outer, Issuer inner) const;

  /// The norm's time window: its own dates, else its instrument's.
  Window window(const Norm& n) const;
  Issuer issuer(const Norm& n) const;
  std::string issuerName(Issuer i) const;
  /// "PIPL, article 41", or the instrument name, or "" without `from`.
  std::string citation(const Norm& n) const;

 private:
  // Closures as flat bit matrices: row i, column j set when i is within j.
  std::vector<std::uint64_t> jurWithin_, actionWithin_, actorWithin_, actorDisjoint_,
      actionIncompatible_;
  std::size_t jurWords_ = 0, actionWords_ = 0, actorWords_ = 0;
};

}  // namespace nomos::model
