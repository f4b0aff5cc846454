// SARIF 2.1.0 output for code-scanning services: one rule per diagnostic code (with its
// explain page as help), one result per diagnostic, the other declaration as a related
// location and the witness in the message and in the result's properties.
#include <cctype>
#include <map>
#include <string>
#include <vector>

#include "diag/explain.h"
#include "diag/render.h"

namespace nomos::diag {

namespace {

std::string_view sarifLevel(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Note:
      return "note";
  }
  return "error";
}

/// Percent-encodes what a relative URI reference may not hold as is.
std::string uriOf(const std::string& path) {
  static constexpr std::string_view kSafe = "-._~/!$&'()*+,;=:@";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || kSafe.find(static_cast<char>(c)) != std::string_view::npos) {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

/// "# N3001: conflict — ..." → "conflict — ..."; the registry name when there is no page.
std::string shortDescription(const DiagInfo& info, std::string_view page) {
  if (!page.empty() && page.starts_with("# ")) {
    std::string_view line = page.substr(2, page.find('\n') - 2);
    if (auto colon = line.find(": "); colon != std::string_view::npos)
      line.remove_prefix(colon + 2);
    return std::string(line);
  }
  return std::string(info.name);
}

nlohmann::json physicalLocation(const source::SourceManager& sm, Span span) {
  auto b = sm.lineCol(span.file, span.begin);
  auto e = sm.lineCol(span.file, span.end);
  return {{"artifactLocation", {{"uri", uriOf(sm.path(span.file))}, {"uriBaseId", "%SRCROOT%"}}},
          {"region",
           {{"startLine", b.line},
            {"startColumn", b.column},
            {"endLine", e.line},
            {"endColumn", e.column}}}};
}

}  // namespace

nlohmann::json diagnosticsSarif(const source::SourceManager& sm, const DiagnosticEngine& diags,
                                std::string_view version) {
  // Only the rules the results use, in code order, so a clean run stays small; a result's
  // ruleIndex points into this list.
  const std::vector<const Diagnostic*> sorted = diags.sorted(sm);
  std::map<std::string_view, int> ruleIndex;
  for (const Diagnostic* d : sorted) ruleIndex.emplace(d->code(), 0);
  nlohmann::json rules = nlohmann::json::array();
  for (const auto& info : allDiagnostics()) {
    auto used = ruleIndex.find(info.code);
    if (used == ruleIndex.end()) continue;
    used->second = static_cast<int>(rules.size());
    std::string_view page = explainPage(info.code).value_or(std::string_view());
    nlohmann::json rule = {{"id", info.code},
                           {"name", info.name},
                           {"shortDescription", {{"text", shortDescription(info, page)}}},
                           {"defaultConfiguration", {{"level", sarifLevel(info.severity)}}}};
    if (!page.empty()) {
      rule["help"] = {{"text", std::string(page)}, {"markdown", std::string(page)}};
    } else {
      rule["help"] = {{"text", fmt::format("Run `nomos explain {}`.", info.code)}};
    }
    rules.push_back(std::move(rule));
  }

  nlohmann::json results = nlohmann::json::array();
  for (const Diagnostic* d : sorted) {
    std::string text = d->message;
    if (d->witness) text += ". Witness: " + d->witness->text;
    nlohmann::json result = {{"ruleId", d->code()},
                             {"ruleIndex", ruleIndex.at(d->code())},
                             {"level", sarifLevel(d->severity)},
                             {"message", {{"text", text}}}};
    if (d->span.valid()) {
      result["locations"] =
          nlohmann::json::array({{{"physicalLocation", physicalLocation(sm, d->span)}}});
    }
    nlohmann::json related = nlohmann::json::array();
    int id = 0;
    for (const auto& r : d->related) {
      if (!r.span.valid()) continue;
      related.push_back({{"id", id++},
                         {"message", {{"text", r.message}}},
                         {"physicalLocation", physicalLocation(sm, r.span)}});
    }
    if (!related.empty()) result["relatedLocations"] = std::move(related);
    nlohmann::json props = nlohmann::json::object();
    if (d->witness) {
      props["witness"] = d->witness->json();
      props["witnessText"] = d->witness->text;
    }
    if (!d->help.empty()) props["help"] = d->help;
    if (!props.empty()) result["properties"] = std::move(props);
    results.push_back(std::move(result));
  }

  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs", nlohmann::json::array({{{"tool",
                                            {{"driver",
                                              {{"name", "nomos"},
                                               {"version", std::string(version)},
                                               {"semanticVersion", std::string(version)},
                                               {"rules", std::move(rules)}}}}},
                                           {"columnKind", "unicodeCodePoints"},
                                           {"results", std::move(results)}}})}};
}

}  // namespace nomos::diag
