#include "eval/assertions.h"

#include <algorithm>

#include <fmt/format.h>

#include "eval/reasons.h"

namespace nomos::eval {

namespace {

using Kind = model::Test::ExpectKind;

std::string name(const model::Program& p, Index norm) {
  return norm < p.norms.size() ? p.norms[norm].name : "?";
}

/// One norm's part in an assertion: No with the reason, Unknown with what it turns on.
struct NormPart {
  Truth applies = Truth::No;
  const NormAnswer* answer = nullptr;
};

class Judge {
 public:
  Judge(const Evaluator& ev, const Situation& s, const Evaluation& e)
      : ev_(ev), p_(ev.program()), e_(e), r_(ev, s, e) {}

  ExpectationOutcome status(const model::Test::Expectation& x) {
    ExpectationOutcome out;
    const char* want = statusName(x.status);
    if (x.by != model::kNone) {
      out.expected = fmt::format("{} by `{}`", want, name(p_, x.by));
      return statusBy(x, out);
    }
    out.expected = want;
    out.holds = Truth::No;
    for (const auto& a : e_.norms) {
      if (a.precluded || statusOf(p_.norms[a.norm].modality) != x.status) continue;
      Truth t = a.stands();
      if (t == Truth::Unknown && out.holds == Truth::No) {
        out.dependsOn = r_.standsDependsOn(a);
        out.dependsWhere = fmt::format("whether `{}` stands", name(p_, a.norm));
        out.notes.push_back(r_.normNote(a.norm, r_.says(a.norm)));
      }
      out.holds = out.holds || t;
    }
    if (out.holds == Truth::No) describeStanding(out, x.status);
    return out;
  }

  ExpectationOutcome conflict(const model::Test::Expectation& x) {
    ExpectationOutcome out;
    if (x.refs.size() < 2) return invalid(out, "a conflict needs two norms");
    Index a = x.refs[0], b = x.refs[1];
    out.expected = fmt::format("conflict between `{}` and `{}`", name(p_, a), name(p_, b));
    const ClashAnswer* c = clashOf(a, b, out);
    if (!c) return out;
    out.holds = c->meets && c->unresolved();
    if (out.holds == Truth::No) {
      out.found = fmt::format("their {} is {}", Reasons::clashKind(c->clash.pair.rule),
                              r_.clashOutcome(*c));
      r_.clashNotes(*c, out.notes);
    } else if (out.holds == Truth::Unknown) {
      unknownOfClash(*c, out);
    }
    return out;
  }

  ExpectationOutcome resolved(const model::Test::Expectation& x) {
    ExpectationOutcome out;
    if (x.refs.size() < 2) return invalid(out, "a resolution needs two norms");
    Index a = x.refs[0], b = x.refs[1];
    out.expected = fmt::format("`{}` and `{}` resolved in favour of `{}`", name(p_, a), name(p_, b),
                               name(p_, x.by));
    const ClashAnswer* c = clashOf(a, b, out);
    if (!c) return out;
    const auto& sc = c->clash;
    r_.clashNotes(*c, out.notes);
    if (sc.pair.rule == analysis::PairRule::Deadline) {
      out.holds = Truth::No;
      out.found = "their deadlines overlap, which is no clash to resolve: " + sc.help;
    } else if (sc.bodyVersusLaw) {
      out.holds = Truth::No;
      out.found = fmt::format(
          "a body's rule against the law is not resolved: the law (`{}`) prevails, and the clash "
          "stands as an error "
          "at the body's rule",
          name(p_, sc.prevailing));
    } else if (sc.undetermined) {
      out.holds = Truth::Unknown;
      unknownOfClash(*c, out);
    } else if (!sc.resolution.resolved) {
      out.holds = Truth::No;
      out.found = fmt::format("their {} stands: {}", Reasons::clashKind(sc.pair.rule), sc.help);
    } else if (sc.resolution.winner != x.by) {
      out.holds = Truth::No;
      out.found = fmt::format("`{}` prevails, not `{}` ({})", name(p_, sc.resolution.winner),
                              name(p_, x.by), r_.ruleDetail(*c));
    } else {
      out.holds = c->meets;
      if (out.holds == Truth::Unknown) unknownOfClash(*c, out);
    }
    return out;
  }

  ExpectationOutcome notApplicable(const model::Test::Expectation& x) {
    ExpectationOutcome out;
    if (x.refs.empty()) return invalid(out, "no norm named");
    Index n = x.refs[0];
    out.expected = fmt::format("`{}` not applicable", name(p_, n));
    const NormAnswer* a = e_.findApplying(n);
    out.holds = !(a ? a->applies : Truth::No);
    if (out.holds == Truth::No) {
      out.found = fmt::format("`{}` applies here: it {}", name(p_, n), r_.says(n));
      out.notes.push_back(r_.normNote(n, r_.says(n)));
    } else if (out.holds == Truth::Unknown) {
      out.dependsOn = a->dependsOn;
      out.dependsWhere = fmt::format("whether `{}` applies", name(p_, n));
      out.notes.push_back(r_.normNote(n, r_.says(n)));
    }
    return out;
  }

  ExpectationOutcome overlap(const model::Test::Expectation& x) {
    ExpectationOutcome out;
    if (x.refs.size() < 2) return invalid(out, "an overlap needs two sovereignty claims");
    const auto& c1 = p_.claims[x.refs[0]];
    const auto& c2 = p_.claims[x.refs[1]];
    out.expected = fmt::format("overlap of `{}` and `{}`", c1.name, c2.name);
    out.holds = Truth::Yes;
    for (Index c : {x.refs[0], x.refs[1]}) {
      std::optional<Unspecified> dep;
      Truth t = ev_.claimHolds(e_, c, &dep);
      const auto& claim = p_.claims[c];
      std::string of = claim.jurisdiction < p_.jurisdictions.size()
                           ? p_.jurisdictions[claim.jurisdiction].name
                           : "?";
      if (t == Truth::No && out.holds != Truth::No) {
        out.found = fmt::format("`{}` of {} does not cover this situation", claim.name, of);
        out.notes.push_back(
            {claim.span, fmt::format("`{}` claims authority of {} here", claim.name, of)});
      } else if (t == Truth::Unknown && out.holds == Truth::Yes) {
        out.dependsOn = dep;
        out.dependsWhere = fmt::format("whether `{}` covers the situation", claim.name);
        out.notes.push_back(
            {claim.span, fmt::format("`{}` claims authority of {} here", claim.name, of)});
      }
      out.holds = out.holds && t;
    }
    return out;
  }

 private:
  ExpectationOutcome statusBy(const model::Test::Expectation& x, ExpectationOutcome& out) {
    Index n = x.by;
    const NormAnswer* a = e_.findApplying(n);
    Status given = statusOf(p_.norms[n].modality);
    if (given != x.status) {
      out.holds = Truth::No;
      out.found = fmt::format("`{}` makes it {}, not {}", name(p_, n), statusName(given),
                              statusName(x.status));
      out.notes.push_back(r_.normNote(n, r_.says(n)));
      return out;
    }
    if (!a) {
      out.holds = Truth::No;
      out.found = fmt::format("`{}` does not apply: {}", name(p_, n), r_.whyNot(n));
      out.notes.push_back(r_.normNote(n, r_.says(n)));
      return out;
    }
    out.holds = a->stands();
    if (out.holds == Truth::No) {
      const ClashAnswer& c = e_.clashes[a->overriddenBy];
      out.found =
          fmt::format("`{}` applies but is set aside: {} {}, {}", name(p_, n),
                      Reasons::clashKind(c.clash.pair.rule), r_.clashWhat(c), r_.clashOutcome(c));
      r_.clashNotes(c, out.notes);
    } else if (out.holds == Truth::Unknown) {
      out.dependsOn = r_.standsDependsOn(*a);
      out.dependsWhere = a->applies == Truth::Unknown
                             ? fmt::format("whether `{}` applies", name(p_, n))
                             : fmt::format("whether `{}` is set aside", name(p_, n));
      out.notes.push_back(r_.normNote(n, r_.says(n)));
    }
    return out;
  }

  /// What the action's status is instead, for a failed status assertion.
  void describeStanding(ExpectationOutcome& out, Status wanted) {
    std::vector<std::string> standing, setAside;
    for (const auto& a : e_.norms) {
      if (a.precluded) continue;
      Status s = statusOf(p_.norms[a.norm].modality);
      if (a.stands() != Truth::No) {
        standing.push_back(fmt::format("{} by `{}`", statusName(s), name(p_, a.norm)));
        out.notes.push_back(r_.normNote(a.norm, r_.says(a.norm)));
      } else if (s == wanted && a.overriddenBy < e_.clashes.size()) {
        const ClashAnswer& c = e_.clashes[a.overriddenBy];
        setAside.push_back(
            fmt::format("`{}` is set aside ({})", name(p_, a.norm), r_.clashOutcome(c)));
        r_.clashNotes(c, out.notes);
      }
    }
    if (standing.empty()) {
      bool any = std::any_of(e_.norms.begin(), e_.norms.end(),
                             [](const NormAnswer& a) { return !a.precluded; });
      out.found = any ? "no norm stands here" : "no norm applies to this action here";
    } else {
      std::string list;
      for (const auto& s : standing) list += (list.empty() ? "" : ", ") + s;
      out.found = "it is " + list;
    }
    for (const auto& s : setAside) out.found += "; " + s;
  }

  /// The clash between a and b met here, or nullptr with `out` filled in (No or Unknown).
  const ClashAnswer* clashOf(Index a, Index b, ExpectationOutcome& out) {
    for (Index n : {a, b}) {
      if (!e_.find(n)) {
        out.holds = Truth::No;
        out.found = fmt::format("`{}` does not apply: {}", name(p_, n), r_.whyNot(n));
        out.notes.push_back(r_.normNote(n, r_.says(n)));
        return nullptr;
      }
    }
    auto rule = ev_.engine().pairRule(a, b);
    if (!rule) {
      out.holds = Truth::No;
      out.found = fmt::format("`{}` and `{}` do not clash: one {} and the other {}", name(p_, a),
                              name(p_, b), r_.says(a), r_.says(b));
      out.notes.push_back(r_.normNote(a, r_.says(a)));
      out.notes.push_back(r_.normNote(b, r_.says(b)));
      return nullptr;
    }
    const ClashAnswer* c = e_.clashBetween(a, b);
    if (!c) {
      out.holds = Truth::No;
      out.found =
          fmt::format("`{}` and `{}` never both apply in this situation", name(p_, a), name(p_, b));
      return nullptr;
    }
    return c;
  }

  void unknownOfClash(const ClashAnswer& c, ExpectationOutcome& out) {
    for (Index n : {c.clash.pair.x, c.clash.pair.y}) {
      const NormAnswer* a = e_.find(n);
      if (a && a->applies == Truth::Unknown) {
        out.dependsOn = a->dependsOn;
        out.dependsWhere = fmt::format("whether `{}` applies", name(p_, n));
        out.notes.push_back(r_.normNote(n, r_.says(n)));
        return;
      }
    }
    out.dependsOn = c.dependsOn;
    out.dependsWhere = "whether an agreement settles their clash";
    r_.clashNotes(c, out.notes);
  }

  ExpectationOutcome& invalid(ExpectationOutcome& out, const char* why) {
    out.holds = Truth::No;
    out.found = why;
    return out;
  }

  const Evaluator& ev_;
  const model::Program& p_;
  const Evaluation& e_;
  Reasons r_;
};

}  // namespace

ExpectationOutcome checkExpectation(const Evaluator& evaluator, const Situation& situation,
                                    const Evaluation& evaluation,
                                    const model::Test::Expectation& expectation) {
  Judge judge(evaluator, situation, evaluation);
  switch (expectation.kind) {
    case Kind::Status:
      return judge.status(expectation);
    case Kind::Conflict:
      return judge.conflict(expectation);
    case Kind::NotApplicable:
      return judge.notApplicable(expectation);
    case Kind::Overlap:
      return judge.overlap(expectation);
    case Kind::Resolved:
      return judge.resolved(expectation);
  }
  return {};
}

std::string expectationText(const model::Program& p, const model::Test::Expectation& e) {
  auto names = [&](bool claims) {
    std::string out;
    for (Index r : e.refs) {
      std::string n = claims ? (r < p.claims.size() ? p.claims[r].name : "?") : name(p, r);
      out += (out.empty() ? "" : ", ") + n;
    }
    return out;
  };
  switch (e.kind) {
    case Kind::Status:
      return e.by == model::kNone
                 ? fmt::format("expect {}", statusName(e.status))
                 : fmt::format("expect {} by {}", statusName(e.status), name(p, e.by));
    case Kind::Conflict:
      return "expect conflict " + names(false);
    case Kind::NotApplicable:
      return "expect not applicable " + names(false);
    case Kind::Overlap:
      return "expect overlap " + names(true);
    case Kind::Resolved:
      return fmt::format("expect resolved {} by {}", names(false), name(p, e.by));
  }
  return {};
}

}  // namespace nomos::eval
