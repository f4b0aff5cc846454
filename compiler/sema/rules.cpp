// Pass 3b: instruments, norms, sovereignty clauses and agreements.
#include <algorithm>

#include "sema/program_builder.h"

namespace nomos::sema {

using diag::DiagId;
using model::Index;
using model::kNone;

namespace {

model::Modality toModality(ast::Modality m) {
  switch (m) {
    case ast::Modality::Must:
      return model::Modality::Must;
    case ast::Modality::MustNot:
      return model::Modality::MustNot;
    case ast::Modality::May:
      return model::Modality::May;
    case ast::Modality::NeedNot:
      return model::Modality::NeedNot;
  }
  return model::Modality::Must;
}

source::Span spanOf(const ast::QualName& n) { return n.span; }
source::Span spanOf(const ast::Date& d) { return d.span; }

}  // namespace

void ProgramBuilder::checkDateOrder(const std::optional<model::Date>& effective,
                                    source::Span effectiveSpan,
                                    const std::optional<model::Date>& until,
                                    source::Span untilSpan) {
  if (!effective || !until || !(*until < *effective)) return;
  auto& d = sink().report(DiagId::InvalidDateRange, untilSpan, model::formatDate(*until),
                          model::formatDate(*effective));
  d.related.push_back({effectiveSpan, "it takes effect here"});
  d.help.push_back(
      "`until` is the last day on which the rules apply, so it cannot come before `effective`");
}

void ProgramBuilder::resolveInstruments(Index m) {
  const ast::File& f = loaded_.modules[m].ast;
  for (std::size_t k = 0; k < f.instruments.size(); ++k) {
    const ast::Instrument& ins = f.instruments[k];
    Index index = decls_[m].instruments[k];
    DamageScope scope(*this, m, ins.span);

    auto once = [&](const auto& occurrences, std::string_view field) {
      for (std::size_t i = 1; i < occurrences.size(); ++i) {
        auto& d =
            sink().report(DiagId::DuplicateField, spanOf(occurrences[i]), field, ins.name.text);
        d.related.push_back({spanOf(occurrences[0]), "first given here"});
        d.help.push_back(fmt::format("an instrument has one `{}`; remove the extra one", field));
      }
    };
    once(ins.issuer, "issuer");
    once(ins.level, "level");
    once(ins.effective, "effective");
    once(ins.until, "until");

    model::Instrument& mi = program_->instruments[index];
    if (ins.issuer.empty()) {
      auto& d = sink().report(DiagId::MissingIssuer, ins.name.span, ins.name.text);
      d.help.push_back("add `issuer NAME;` naming the jurisdiction or body that made it");
    } else if (auto issuer = resolveIssuer(m, ins.issuer.front())) {
      mi.issuer = *issuer;
    }
    if (!ins.level.empty()) {
      if (const Symbol* sym = resolve(m, ins.level.front(), expect::kLevel)) mi.level = sym->index;
    }
    source::Span effectiveSpan, untilSpan;
    if (!ins.effective.empty()) {
      mi.effective = toDate(ins.effective.front());
      effectiveSpan = ins.effective.front().span;
    }
    if (!ins.until.empty()) {
      mi.until = toDate(ins.until.front());
      untilSpan = ins.until.front().span;
    }
    instrumentDateSpans_[index] = {effectiveSpan, untilSpan};
    checkDateOrder(mi.effective, effectiveSpan, mi.until, untilSpan);
  }
}

void ProgramBuilder::resolveNorms(Index m) {
  const ast::File& f = loaded_.modules[m].ast;
  for (std::size_t k = 0; k < f.norms.size(); ++k) {
    const ast::Norm& n = f.norms[k];
    Index index = decls_[m].norms[k];
    DamageScope scope(*this, m, n.span);
    model::Norm& mn = program_->norms[index];

    if (n.from) {
      if (const Symbol* sym = resolve(m, *n.from, expect::kInstrument)) mn.instrument = sym->index;
    }
    mn.article = n.article.value_or("");
    if (const Symbol* sym = resolve(m, n.subject, expect::kActorClass)) mn.subject = sym->index;
    mn.modality = toModality(n.modality);
    if (const Symbol* sym = resolve(m, n.action, expect::kAction)) mn.action = sym->index;
    if (n.where) mn.where = resolveCondition(m, *n.where);
    if (n.unless) mn.unless = resolveCondition(m, *n.unless);

    if (n.within) {
      mn.withinHours = n.within->hours;
      mn.withinText = n.within->text;
      if (n.modality != ast::Modality::Must) {
        auto& d = sink().report(DiagId::WithinNotObligation, n.within->span,
                                model::modalityText(mn.modality));
        d.related.push_back({n.modalitySpan, "the modality is here"});
        d.help.push_back(
            n.modality == ast::Modality::MustNot
                ? "a prohibition holds at all times; remove `within`"
                : "a permission or exemption has no deadline; remove `within`, or write `must` if "
                  "the action is required");
      }
    }

    if (n.effective) mn.effective = toDate(*n.effective);
    if (n.until) mn.until = toDate(*n.until);
    if (mn.effective && mn.until) {
      checkDateOrder(mn.effective, n.effective->span, mn.until, n.until->span);
    } else if (mn.instrument != kNone && (mn.effective || mn.until)) {
      // One end overrides the instrument's window; the other end still comes from it.
      const model::Instrument& ins = program_->instruments[mn.instrument];
      const auto& [insEffectiveSpan, insUntilSpan] = instrumentDateSpans_[mn.instrument];
      if (mn.until && ins.effective && *mn.until < *ins.effective) {
        auto& d = sink().report(DiagId::InvalidDateRange, n.until->span,
                                model::formatDate(*mn.until), model::formatDate(*ins.effective));
        d.related.push_back(
            {insEffectiveSpan, fmt::format("instrument `{}` takes effect here", ins.name)});
        d.help.push_back(
            "the norm would end before its instrument takes effect; give the norm its own "
            "`effective` date or correct `until`");
      } else if (mn.effective && ins.until && *ins.until < *mn.effective) {
        auto& d = sink().report(DiagId::InvalidDateRange, n.effective->span,
                                model::formatDate(*ins.until), model::formatDate(*mn.effective));
        d.related.push_back(
            {insUntilSpan, fmt::format("instrument `{}` ceases to apply here", ins.name)});
        d.help.push_back(
            "the norm would take effect after its instrument ends; give the norm its own "
            "`until` date or correct `effective`");
      }
    }

    for (const auto& target : n.prevailsOver) {
      const Symbol* sym = resolve(m, target, expect::kNorm);
      if (!sym) continue;
      if (sym->index == index) {
        auto& d = sink().report(DiagId::SelfPrecedence, target.span, n.name.text);
        d.help.push_back(
            "`prevails over` names the other norms this one sets aside; remove this name");
        continue;
      }
      mn.prevailsOver.push_back(sym->index);
      mn.prevailsSpans.push_back(target.span);
    }
  }
}

void ProgramBuilder::resolveClaimsAndAgreements(Index m) {
  const ast::File& f = loaded_.modules[m].ast;
  for (std::size_t k = 0; k < f.sovereignties.size(); ++k) {
    const ast::Sovereignty& s = f.sovereignties[k];
    DamageScope scope(*this, m, s.span);
    model::SovereigntyClaim& claim = program_->claims[decls_[m].claims[k]];
    if (const Symbol* sym = resolve(m, s.jurisdiction, expect::kJurisdiction))
      claim.jurisdiction = sym->index;
    claim.exclusive = s.exclusive;
    claim.condition = resolveCondition(m, s.condition);
  }

  for (std::size_t k = 0; k < f.agreements.size(); ++k) {
    const ast::Agreement& a = f.agreements[k];
    DamageScope scope(*this, m, a.span);
    model::Agreement& ma = program_->agreements[decls_[m].agreements[k]];
    for (const auto& party : a.parties) {
      auto issuer = resolveIssuer(m, party);
      if (issuer && std::find(ma.parties.begin(), ma.parties.end(), *issuer) == ma.parties.end()) {
        ma.parties.push_back(*issuer);
      }
    }
    auto once = [&](const std::vector<ast::Date>& occurrences, std::string_view field) {
      for (std::size_t i = 1; i < occurrences.size(); ++i) {
        auto& d =
            sink().report(DiagId::DuplicateAgreementField, occurrences[i].span, field, a.name.text);
        d.related.push_back({occurrences[0].span, "first given here"});
        d.help.push_back(fmt::format("an agreement has one `{}`; remove the extra one", field));
      }
    };
    once(a.effective, "effective");
    once(a.until, "until");
    if (!a.effective.empty()) ma.effective = toDate(a.effective.front());
    if (!a.until.empty()) ma.until = toDate(a.until.front());
    if (!a.effective.empty() && !a.until.empty()) {
      checkDateOrder(ma.effective, a.effective.front().span, ma.until, a.until.front().span);
    }

    for (const auto& def : a.deferences) {
      model::Deference md;
      md.span = def.span;
      bool ok = true;
      for (const ast::QualName* side : {&def.from, &def.to}) {
        auto issuer = resolveIssuer(m, *side);
        if (!issuer) {
          ok = false;
          continue;
        }
        if (std::find(ma.parties.begin(), ma.parties.end(), *issuer) == ma.parties.end()) {
          auto& d = sink().report(DiagId::NotAParty, side->span, side->str(), a.name.text);
          d.related.push_back({a.name.span, "the agreement and its parties are declared here"});
          d.help.push_back(fmt::format(
              "only parties can defer to each other; add `{}` after `between`", side->str()));
          ok = false;
          continue;
        }
        (side == &def.from ? md.from : md.to) = *issuer;
      }
      md.condition = resolveCondition(m, def.condition);
      if (ok) ma.deferences.push_back(std::move(md));
    }
  }
}

}  // namespace nomos::sema
