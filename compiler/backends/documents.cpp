#include "backends/documents.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "backends/doc_builder.h"

namespace nomos::backends {

std::string_view docExtension(DocFormat format) {
  return format == DocFormat::Html ? "html" : "md";
}

std::vector<OutputFile> renderDocuments(const model::Program& program,
                                        const analysis::Result& analysis,
                                        const DocumentOptions& options) {
  detail::DocBuilder builder(program, analysis, options);
  return builder.build();
}

namespace detail {

namespace {

constexpr std::size_t kNoPage = static_cast<std::size_t>(-1);

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string dashed(std::string_view qualified) {
  std::string out(qualified);
  std::replace(out.begin(), out.end(), '.', '-');
  return out;
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  while (!s.empty() && (s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
  return std::string(s);
}

/// A doc comment as one running paragraph, for places where line breaks do not matter.
std::string flattened(std::string_view s) {
  std::string out;
  for (char c : trimmed(s)) out += (c == '\n' || c == '\r') ? ' ' : c;
  return out;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

DocBuilder::DocBuilder(const model::Program& program, const analysis::Result& analysis,
                       const DocumentOptions& options)
    : p_(program), a_(analysis), opt_(options), phraser_(program, *this) {
  plan();
}

std::string DocBuilder::uniqueId(std::string candidate, std::string_view fallback) {
  if (ids_.insert(candidate).second) return candidate;
  std::string base(fallback);
  if (ids_.insert(base).second) return base;
  for (int n = 2;; ++n) {
    std::string id = fmt::format("{}-{}", base, n);
    if (ids_.insert(id).second) return id;
  }
}

void DocBuilder::plan() {
  std::string ext(docExtension(opt_.format));
  pages_.push_back({"index", "index." + ext, "Rules and findings", {}, kNone, {}, {}});
  std::set<std::string> slugs{"index"};
  auto addPage = [&](std::string slug, std::string title, Index instrument) {
    std::string base = slug;
    for (int n = 2; !slugs.insert(slug).second; ++n) slug = fmt::format("{}-{}", base, n);
    pages_.push_back({slug, slug + "." + ext, std::move(title), {}, instrument, {}, {}});
  };

  std::vector<bool> referenced(p_.instruments.size(), false);
  for (const auto& n : p_.norms) {
    if (n.instrument != kNone) referenced[n.instrument] = true;
  }
  std::vector<std::size_t> instrumentPage(p_.instruments.size(), kNoPage);
  for (Index i = 0; i < p_.instruments.size(); ++i) {
    const auto& ins = p_.instruments[i];
    bool library =
        ins.module != kNone && ins.module < p_.modules.size() && p_.modules[ins.module].isLibrary;
    if (library && !referenced[i]) continue;
    instrumentPage[i] = pages_.size();
    addPage(lower(ins.name), ins.title.empty() ? ins.name : ins.title, i);
  }

  normPage_.assign(p_.norms.size(), kNoPage);
  std::vector<Index> unattributed;
  for (Index n = 0; n < p_.norms.size(); ++n) {
    const auto& norm = p_.norms[n];
    if (norm.instrument != kNone && instrumentPage[norm.instrument] != kNoPage) {
      normPage_[n] = instrumentPage[norm.instrument];
    } else if (norm.module == kNone || norm.module >= p_.modules.size() ||
               !p_.modules[norm.module].isLibrary) {
      unattributed.push_back(n);
    }
  }
  if (!unattributed.empty()) {
    addPage("other-provisions", "Provisions without an instrument", kNone);
    for (Index n : unattributed) normPage_[n] = pages_.size() - 1;
  }
  for (Index n = 0; n < p_.norms.size(); ++n) {
    if (normPage_[n] != kNoPage) pages_[normPage_[n]].norms.push_back(n);
  }

  // Anchors: norms first, in page order, so `pipl.html#pipl_41` does not depend on what
  // else the repository declares. Names never contain '-', so ids built with one
  // (sections, terms, findings) cannot collide with them.
  normAnchor_.assign(p_.norms.size(), {});
  for (const auto& page : pages_) {
    for (Index n : page.norms)
      normAnchor_[n] = uniqueId(p_.norms[n].name, "norm-" + dashed(p_.norms[n].qualified));
  }
  for (const auto& c : p_.claims)
    claimAnchor_.push_back(uniqueId(c.name, "claim-" + dashed(c.qualified)));
  for (const auto& ag : p_.agreements)
    agreementAnchor_.push_back(uniqueId(ag.name, "agreement-" + dashed(ag.qualified)));
  for (std::size_t i = 1; i < pages_.size(); ++i)
    pages_[i].anchor = uniqueId(pages_[i].slug, pages_[i].slug + "-instrument");
  assignTermIds();
  for (auto& page : pages_) page.findings = pageFindings(page);
}

void DocBuilder::assignTermIds() {
  auto assign = [&](TermKind kind, std::string_view prefix, const auto& decls) {
    for (Index i = 0; i < decls.size(); ++i) {
      termIds_[{kind, i, kNone}] =
          uniqueId(fmt::format("term-{}-{}", prefix, decls[i].name),
                   fmt::format("term-{}-{}", prefix, dashed(decls[i].qualified)));
    }
  };
  assign(TermKind::Actor, "actor", p_.actors);
  assign(TermKind::Action, "action", p_.actions);
  assign(TermKind::Jurisdiction, "jurisdiction", p_.jurisdictions);
  assign(TermKind::Dimension, "dimension", p_.dimensions);
  assign(TermKind::Fact, "fact", p_.facts);
  assign(TermKind::Level, "level", p_.levels);
  for (Index d = 0; d < p_.dimensions.size(); ++d) {
    const auto& dim = p_.dimensions[d];
    for (Index c = 0; c < dim.categories.size(); ++c) {
      termIds_[{TermKind::Category, d, c}] = uniqueId(
          fmt::format("term-category-{}-{}", dim.name, dim.categories[c].name),
          fmt::format("term-category-{}-{}", dashed(dim.qualified), dim.categories[c].name));
    }
  }
}

std::string DocBuilder::href(std::size_t page, std::string_view anchor) const {
  if (opt_.single || page == current_ || page == kNoPage) return fmt::format("#{}", anchor);
  return fmt::format("{}#{}", pages_[page].file, anchor);
}

std::string DocBuilder::term(const TermRef& ref) {
  usedTerms_.insert(ref);
  auto it = termIds_.find(ref);
  return it == termIds_.end() ? std::string() : "#" + it->second;
}

std::string DocBuilder::norm(Index n) { return href(normPage_[n], normAnchor_[n]); }

std::vector<NavLink> DocBuilder::navigation(std::size_t current) const {
  std::vector<NavLink> out;
  for (std::size_t i = 0; i < pages_.size(); ++i) {
    std::string text = i == 0                          ? "Index"
                       : pages_[i].instrument != kNone ? p_.instruments[pages_[i].instrument].name
                                                       : "Other provisions";
    out.push_back({text, pages_[i].file, i == current});
  }
  return out;
}

Phrase DocBuilder::window(std::optional<model::Date> from, std::optional<model::Date> to) const {
  if (from && to) return Phrase(fmt::format("from {} until {}", longDate(*from), longDate(*to)));
  if (from) return Phrase("from " + longDate(*from));
  if (to) return Phrase("until " + longDate(*to));
  return Phrase("no dates given");
}

// ---------------------------------------------------------------- pages

std::vector<OutputFile> DocBuilder::build() {
  std::vector<OutputFile> out;
  auto makeWriter = [&](const std::string& title) {
    return opt_.format == DocFormat::Html ? makeHtmlWriter(title, opt_.generator)
                                          : makeMarkdownWriter(opt_.generator);
  };
  auto writeFindings = [&](DocWriter& w, const std::vector<std::size_t>& findings, std::string id,
                           bool all) {
    w.heading(2, "Findings", id);
    if (findings.empty()) {
      w.paragraph(Phrase(all ? "The analysis found no conflicts, contradictions or other problems."
                             : "The analysis reported nothing about these provisions."));
      return;
    }
    w.paragraph(Phrase(fmt::format("The analysis reported {}{}.", findingCounts(findings),
                                   all ? "" : " involving these provisions")));
    for (std::size_t f : findings) w.finding(findingView(f));
  };
  auto writeGlossary = [&](DocWriter& w, std::string id) {
    w.heading(2, "Glossary", id);
    auto groups = glossary();
    if (groups.empty()) {
      w.paragraph(Phrase("No declared vocabulary is used here."));
    } else {
      w.paragraph(Phrase("The words of the provisions above, as the rule files declare them."));
      w.glossary(groups);
    }
  };
  std::vector<std::size_t> allFindings(a_.findings.size());
  for (std::size_t i = 0; i < allFindings.size(); ++i) allFindings[i] = i;

  if (opt_.single) {
    current_ = 0;
    usedTerms_.clear();
    auto w = makeWriter(pages_[0].title);
    w->header(pages_[0].title,
              Phrase(fmt::format("{} and {}, with the analysis of how they interact",
                                 plural(pages_.size() - 1, "instrument", "instruments"),
                                 plural(p_.norms.size(), "provision", "provisions"))),
              {});
    writeIndex(*w, 2);
    for (std::size_t i = 1; i < pages_.size(); ++i) {
      w->heading(2, pages_[i].title, pages_[i].anchor);
      writeInstrumentPage(*w, i, 3);
    }
    writeFindings(*w, allFindings, "all-findings", true);
    writeGlossary(*w, "all-glossary");
    out.push_back({pages_[0].file, w->finish()});
    return out;
  }

  for (std::size_t i = 0; i < pages_.size(); ++i) {
    current_ = i;
    usedTerms_.clear();
    const Page& page = pages_[i];
    auto w = makeWriter(i == 0 ? page.title : page.title + " — provisions and findings");
    w->navigation(navigation(i));
    if (i == 0) {
      std::vector<std::pair<std::string, Phrase>> meta;
      meta.emplace_back("Instruments", Phrase(std::to_string(pages_.size() - 1)));
      meta.emplace_back("Provisions", Phrase(std::to_string(p_.norms.size())));
      meta.emplace_back("Findings", Phrase(findingCounts(allFindings)));
      w->header(
          page.title,
          Phrase(
              "The rule repository in plain language, with the analysis of how its rules interact"),
          meta);
      writeIndex(*w, 2);
      writeFindings(*w, allFindings, "index-findings", true);
    } else {
      Phrase subtitle;
      if (page.instrument != kNone) subtitle.code(p_.instruments[page.instrument].name);
      w->header(page.title, subtitle, instrumentFacts(page));
      writeInstrumentPage(*w, i, 2);
      writeFindings(*w, page.findings, page.slug + "-findings", false);
    }
    writeGlossary(*w, page.slug + "-glossary");
    out.push_back({page.file, w->finish()});
  }
  return out;
}

std::vector<std::pair<std::string, Phrase>> DocBuilder::instrumentFacts(const Page& page) {
  std::vector<std::pair<std::string, Phrase>> rows;
  if (page.instrument == kNone) {
    rows.emplace_back("Provisions", Phrase(std::to_string(page.norms.size())));
    return rows;
  }
  const auto& ins = p_.instruments[page.instrument];
  Phrase issuer = phraser_.issuer(ins.issuer);
  if (ins.issuer.kind == model::Issuer::Kind::Jurisdiction &&
      !p_.jurisdictions[ins.issuer.index].title.empty()) {
    issuer.add(" (" + p_.jurisdictions[ins.issuer.index].title + ")");
  } else if (ins.issuer.kind == model::Issuer::Kind::Body) {
    issuer.add(" (a body: its rules yield to the law)");
  }
  rows.emplace_back("Issuer", issuer);
  if (ins.level != kNone) {
    const auto& lv = p_.levels[ins.level];
    rows.emplace_back("Level", termLink({TermKind::Level, ins.level, kNone},
                                        lv.title.empty() ? lv.name : lv.title, lv.name));
  }
  rows.emplace_back("In force", window(ins.effective, ins.until));
  rows.emplace_back("Provisions", Phrase(std::to_string(page.norms.size())));
  if (ins.module != kNone && ins.module < p_.modules.size()) {
    rows.emplace_back("Module", Phrase().code(p_.modules[ins.module].name));
  }
  rows.emplace_back("Findings", Phrase(findingCounts(page.findings)));
  return rows;
}

void DocBuilder::writeIndex(DocWriter& w, int level) {
  std::string prefix = "index-";
  w.heading(level, "Instruments", prefix + "instruments");
  std::vector<std::vector<Phrase>> rows;
  for (std::size_t i = 1; i < pages_.size(); ++i) {
    const Page& page = pages_[i];
    std::string target = opt_.single ? "#" + page.anchor : page.file;
    std::vector<Phrase> row;
    if (page.instrument == kNone) {
      row = {Phrase().link("(none)", target), Phrase(page.title), Phrase("—"), Phrase("—"),
             Phrase("—")};
    } else {
      const auto& ins = p_.instruments[page.instrument];
      Phrase level;
      if (ins.level != kNone)
        level = termLink({TermKind::Level, ins.level, kNone}, p_.levels[ins.level].name);
      row = {Phrase().link(ins.name, target), Phrase(ins.title), phraser_.issuer(ins.issuer), level,
             window(ins.effective, ins.until)};
    }
    row.push_back(Phrase(std::to_string(page.norms.size())));
    row.push_back(Phrase(page.findings.empty() ? "none" : findingCounts(page.findings)));
    rows.push_back(std::move(row));
  }
  if (rows.empty()) {
    w.paragraph(Phrase("The repository declares no instruments."));
  } else {
    w.table({"Instrument", "Title", "Issuer", "Level", "In force", "Provisions", "Findings"}, rows);
  }

  std::vector<Index> claims(p_.claims.size()), agreements(p_.agreements.size());
  for (Index i = 0; i < claims.size(); ++i) claims[i] = i;
  for (Index i = 0; i < agreements.size(); ++i) agreements[i] = i;
  if (!claims.empty() || !agreements.empty()) {
    w.heading(level, "Sovereignty and agreements", prefix + "sovereignty");
    writeSovereignty(w, claims, agreements, level + 1, true);
  }

  std::map<Index, std::vector<Index>> chains;
  for (Index i = 0; i < p_.levels.size(); ++i) chains[p_.levels[i].chain].push_back(i);
  if (!chains.empty()) {
    w.heading(level, "Levels of legal force", prefix + "levels");
    w.paragraph(
        Phrase("When two rules of the same issuer conflict, the one from the higher level prevails "
               "(highest first):"));
    std::vector<Phrase> items;
    for (auto& [chain, levels] : chains) {
      std::sort(levels.begin(), levels.end(),
                [&](Index x, Index y) { return p_.levels[x].rank < p_.levels[y].rank; });
      Phrase item;
      for (std::size_t i = 0; i < levels.size(); ++i) {
        if (i) item.add(" > ");
        item.append(termLink({TermKind::Level, levels[i], kNone}, p_.levels[levels[i]].name));
      }
      items.push_back(std::move(item));
    }
    w.bullets(items);
  }
}

void DocBuilder::writeSovereignty(DocWriter& w, const std::vector<Index>& claims,
                                  const std::vector<Index>& agreements, int level, bool anchors) {
  if (!claims.empty()) {
    std::vector<Phrase> items;
    for (Index c : claims) {
      const auto& claim = p_.claims[c];
      Phrase item;
      if (anchors) {
        item.anchor(claim.name, claimAnchor_[c], true);
      } else {
        item.link(claim.name, href(0, claimAnchor_[c]), claim.title, true);
      }
      item.add(": ").append(phraser_.claim(claim));
      if (!claim.doc.empty()) item.add(" “" + flattened(claim.doc) + "”");
      items.push_back(std::move(item));
    }
    w.paragraph(Phrase(
        anchors
            ? "Sovereignty clauses: the situations over which each jurisdiction claims authority."
            : "The issuer's sovereignty clauses:"));
    w.bullets(items);
  }
  for (Index ai : agreements) {
    const auto& ag = p_.agreements[ai];
    Phrase intro;
    if (anchors) {
      w.heading(level, ag.title.empty() ? ag.name : ag.title, agreementAnchor_[ai]);
      intro.add("Agreement ").code(ag.name);
    } else {
      intro.add("Agreement ")
          .link(ag.title.empty() ? ag.name : ag.title, href(0, agreementAnchor_[ai]));
    }
    intro.add(" between ");
    for (std::size_t i = 0; i < ag.parties.size(); ++i) {
      if (i) intro.add(i + 1 == ag.parties.size() ? " and " : ", ");
      intro.append(phraser_.issuer(ag.parties[i]));
    }
    if (ag.effective || ag.until) intro.add(", in force ").append(window(ag.effective, ag.until));
    intro.add(ag.deferences.empty() ? "." : ":");
    w.paragraph(intro);
    std::vector<Phrase> items;
    for (const auto& d : ag.deferences) items.push_back(phraser_.deference(d));
    w.bullets(items);
    if (anchors && !ag.doc.empty()) w.paragraph(Phrase(flattened(ag.doc)));
  }
}

void DocBuilder::writeInstrumentPage(DocWriter& w, std::size_t pageIndex, int level) {
  const Page& page = pages_[pageIndex];
  const model::Instrument* ins =
      page.instrument == kNone ? nullptr : &p_.instruments[page.instrument];
  if (opt_.single) w.facts(instrumentFacts(page));
  if (ins && !ins->doc.empty()) w.paragraph(Phrase(flattened(ins->doc)));
  if (!ins) {
    w.paragraph(Phrase("These norms have no ")
                    .code("from")
                    .add(" clause, so they cite no instrument and have no issuer."));
  }

  w.heading(level, "Provisions", page.slug + "-provisions");
  if (page.norms.empty())
    w.paragraph(Phrase("This instrument has no provisions in the rule files."));
  int number = 0;
  for (Index n : page.norms) w.provision(provision(n, ++number, level + 1));

  if (ins && ins->issuer.kind != model::Issuer::Kind::None) {
    std::vector<Index> claims, agreements;
    if (ins->issuer.kind == model::Issuer::Kind::Jurisdiction) {
      for (Index c = 0; c < p_.claims.size(); ++c) {
        if (p_.claims[c].jurisdiction == ins->issuer.index) claims.push_back(c);
      }
    }
    for (Index ag = 0; ag < p_.agreements.size(); ++ag) {
      const auto& parties = p_.agreements[ag].parties;
      if (std::find(parties.begin(), parties.end(), ins->issuer) != parties.end())
        agreements.push_back(ag);
    }
    if (!claims.empty() || !agreements.empty()) {
      w.heading(level, "Sovereignty and agreements of the issuer", page.slug + "-sovereignty");
      writeSovereignty(w, claims, agreements, level + 1, false);
    }
  }
}

ProvisionView DocBuilder::provision(Index n, int number, int level) {
  const auto& norm = p_.norms[n];
  ProvisionView v;
  v.id = normAnchor_[n];
  v.level = level;
  v.number = number;
  v.name = norm.name;
  v.title = norm.title;
  v.modality = norm.modality;
  v.sentence = phraser_.norm(norm);
  v.verbatim = trimmed(norm.doc);
  v.citation = p_.citation(norm);
  if (!norm.prevailsOver.empty()) {
    Phrase note("Prevails over ");
    for (std::size_t i = 0; i < norm.prevailsOver.size(); ++i) {
      if (i) note.add(i + 1 == norm.prevailsOver.size() ? " and " : ", ");
      note.append(phraser_.normRef(norm.prevailsOver[i]));
    }
    note.add(" where they meet.");
    v.notes.push_back(std::move(note));
  }
  v.findings = findingLinks(n);
  return v;
}

}  // namespace detail
}  // namespace nomos::backends
