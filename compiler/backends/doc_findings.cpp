// The "Findings" part of the documents: each conflict, contradiction, overlap or lint in
// words, with links to the provisions involved, how it was resolved, and the witness
// situation.
#include <fmt/format.h>

#include "backends/doc_builder.h"

namespace nomos::backends::detail {

using analysis::FindingKind;

std::string_view findingKindLabel(FindingKind kind) {
  switch (kind) {
    case FindingKind::Conflict:
      return "conflict";
    case FindingKind::Contradiction:
      return "contradiction";
    case FindingKind::DeadlineOverlap:
      return "deadline overlap";
    case FindingKind::Overlap:
      return "sovereignty overlap";
    case FindingKind::Reach:
      return "beyond the issuer's sovereignty";
    case FindingKind::NeverApplies:
      return "never applies";
    case FindingKind::Redundant:
      return "redundant";
    case FindingKind::PrecedenceIgnored:
      return "precedence ignored";
    case FindingKind::TooComplex:
      return "too complex to analyse";
  }
  return "finding";
}

namespace {

bool aboutClaims(const analysis::Finding& f) { return f.kind == FindingKind::Overlap; }

std::string findingId(std::size_t i) { return fmt::format("finding-{}", i + 1); }

std::string capitalized(std::string_view s) {
  std::string out(s);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

}  // namespace

std::vector<std::size_t> DocBuilder::pageFindings(const Page& page) const {
  std::vector<std::size_t> out;
  std::optional<model::Issuer> issuer;
  if (page.instrument != kNone) issuer = p_.instruments[page.instrument].issuer;
  auto onPage = [&](Index n) {
    return n < normPage_.size() && normPage_[n] < pages_.size() && &pages_[normPage_[n]] == &page;
  };
  auto claimOfIssuer = [&](Index c) {
    return issuer && issuer->kind == model::Issuer::Kind::Jurisdiction && c < p_.claims.size() &&
           p_.claims[c].jurisdiction == issuer->index;
  };
  for (std::size_t i = 0; i < a_.findings.size(); ++i) {
    const auto& f = a_.findings[i];
    bool mine = aboutClaims(f) ? claimOfIssuer(f.first) || claimOfIssuer(f.second)
                               : onPage(f.first) || onPage(f.second);
    if (mine) out.push_back(i);
  }
  return out;
}

std::string DocBuilder::findingCounts(const std::vector<std::size_t>& findings) const {
  std::size_t counts[3] = {0, 0, 0};  // error, warning, note
  for (std::size_t i : findings) {
    switch (a_.findings[i].severity) {
      case diag::Severity::Error:
        ++counts[0];
        break;
      case diag::Severity::Warning:
        ++counts[1];
        break;
      case diag::Severity::Note:
        ++counts[2];
        break;
    }
  }
  std::vector<std::string> parts;
  if (counts[0]) parts.push_back(fmt::format("{} error{}", counts[0], counts[0] == 1 ? "" : "s"));
  if (counts[1]) parts.push_back(fmt::format("{} warning{}", counts[1], counts[1] == 1 ? "" : "s"));
  if (counts[2]) parts.push_back(fmt::format("{} note{}", counts[2], counts[2] == 1 ? "" : "s"));
  if (parts.empty()) return "no findings";
  std::string out = parts[0];
  for (std::size_t i = 1; i < parts.size(); ++i)
    out += (i + 1 == parts.size() ? " and " : ", ") + parts[i];
  return out;
}

std::vector<FindingLink> DocBuilder::findingLinks(Index norm) {
  std::vector<FindingLink> out;
  for (std::size_t i = 0; i < a_.findings.size(); ++i) {
    const auto& f = a_.findings[i];
    if (aboutClaims(f) || (f.first != norm && f.second != norm)) continue;
    Index other = f.first == norm ? f.second : f.first;
    std::string label(findingKindLabel(f.kind));
    if (other != kNone && other < p_.norms.size()) label += " with " + p_.norms[other].name;
    if (f.resolution.resolved) label += " (resolved)";
    out.push_back({label, "#" + findingId(i), std::string(diag::severityName(f.severity))});
  }
  return out;
}

FindingView DocBuilder::findingView(std::size_t i) {
  const auto& f = a_.findings[i];
  FindingView v;
  v.id = findingId(i);
  v.severity = std::string(diag::severityName(f.severity));
  v.kind = capitalized(findingKindLabel(f.kind));
  v.code = std::string(diag::info(f.code).code);
  v.resolved = f.resolution.resolved;

  // The analysis's own message, with the names it quotes turned into links.
  auto refFor = [&](const std::string& name) -> std::optional<Phrase> {
    for (Index idx : {f.first, f.second}) {
      if (idx == kNone) continue;
      if (aboutClaims(f)) {
        if (idx < p_.claims.size() && p_.claims[idx].name == name) {
          return Phrase().link(name, href(0, claimAnchor_[idx]), p_.claims[idx].title, true);
        }
      } else if (idx < p_.norms.size() && p_.norms[idx].name == name) {
        return phraser_.normRef(idx);
      }
    }
    return std::nullopt;
  };
  std::string message = f.message.empty() ? std::string(diag::info(f.code).name) : f.message;
  // "conflict: `a` obliges …" under a heading that already says "Conflict".
  if (auto colon = message.find(": "); colon != std::string::npos && message.find('`') > colon &&
                                       message.substr(0, colon) == findingKindLabel(f.kind)) {
    message.erase(0, colon + 2);
  }
  bool quoted = false;
  std::size_t start = 0;
  while (start <= message.size()) {
    std::size_t tick = message.find('`', start);
    std::string part =
        message.substr(start, tick == std::string::npos ? std::string::npos : tick - start);
    if (quoted) {
      auto ref = refFor(part);
      ref ? v.summary.append(*ref) : v.summary.code(part);
    } else {
      v.summary.add(part);
    }
    if (tick == std::string::npos) break;
    quoted = !quoted;
    start = tick + 1;
  }
  v.summary.capitalize();
  if (!message.ends_with('.')) v.summary.add(".");

  bool pair = f.kind == FindingKind::Conflict || f.kind == FindingKind::Contradiction ||
              f.kind == FindingKind::DeadlineOverlap;
  std::string_view code = diag::info(f.code).code;
  if (f.code == diag::DiagId::ConflictResolved) {
    // The message already names the winner and the rule; link the agreement if one decided.
    if (f.resolution.agreement != kNone && f.resolution.agreement < p_.agreements.size()) {
      const auto& ag = p_.agreements[f.resolution.agreement];
      v.resolution.add("See the agreement ")
          .link(ag.title.empty() ? ag.name : ag.title,
                href(0, agreementAnchor_[f.resolution.agreement]))
          .add(".");
    }
  } else if (pair && f.resolution.resolved && f.resolution.winner < p_.norms.size()) {
    v.resolution.add("Resolved: ").append(phraser_.normRef(f.resolution.winner)).add(" prevails");
    if (f.resolution.agreement != kNone && f.resolution.agreement < p_.agreements.size()) {
      const auto& ag = p_.agreements[f.resolution.agreement];
      v.resolution.add(" under the agreement ")
          .link(ag.title.empty() ? ag.name : ag.title,
                href(0, agreementAnchor_[f.resolution.agreement]))
          .add(".");
    } else {
      v.resolution.add(f.resolution.rule.empty() ? "." : " (" + f.resolution.rule + ").");
    }
  } else if (code == "N3003" || code == "N3013") {
    v.resolution.add(
        "The law prevails: a body's rule cannot set the law aside, so the rule must change.");
  } else if (f.kind == FindingKind::Conflict) {
    v.resolution.add("No precedence rule or agreement resolves it: no one can comply with both.");
  } else if (f.kind == FindingKind::Contradiction) {
    v.resolution.add("No precedence rule or agreement resolves it.");
  }
  if (f.witness) {
    v.witness = phraser_.witness(f.witness->json(), f.witness->text);
    v.witness.add(".");
  }
  return v;
}

}  // namespace nomos::backends::detail
