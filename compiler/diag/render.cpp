#include "diag/render.h"

#include <algorithm>

#include <fmt/format.h>

namespace nomos::diag {

namespace {

const char* colorOf(Severity s) {
  switch (s) {
    case Severity::Error:
      return "\x1b[1;31m";
    case Severity::Warning:
      return "\x1b[1;33m";
    case Severity::Note:
      return "\x1b[1;36m";
  }
  return "";
}

struct Painter {
  bool on;
  std::string operator()(std::string_view code, std::string_view text) const {
    return on ? fmt::format("{}{}\x1b[0m", code, text) : std::string(text);
  }
};

/// Counts code points in a byte range of one line, tabs counting as one.
std::size_t width(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

/// The source line of `span` with a `^~~~` underline, gutter sized for `gutter` digits.
void snippet(std::ostream& out, const source::SourceManager& sm, Span span, std::size_t gutter,
             const Painter& paint, const char* caretColor) {
  if (!span.valid()) return;
  auto lc = sm.lineCol(span.file, span.begin);
  std::string_view line = sm.lineText(span.file, lc.line);
  auto endLc = sm.lineCol(span.file, std::max(span.begin, span.end));
  std::string pad(gutter, ' ');
  out << pad << " " << paint("\x1b[1;34m", "|") << "\n";
  out << paint("\x1b[1;34m", fmt::format("{:>{}} |", lc.line, gutter)) << " " << line << "\n";
  // Leading whitespace of the line is copied so tabs line up.
  std::string lead;
  std::size_t col = 1;
  for (std::size_t i = 0; i < line.size() && col < lc.column; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    lead += c == '\t' ? '\t' : ' ';
    ++col;
  }
  std::size_t len = 1;
  if (endLc.line == lc.line && endLc.column > lc.column) {
    len = endLc.column - lc.column;
  } else if (endLc.line != lc.line) {
    len = std::max<std::size_t>(1, width(line) + 1 - lc.column);
  }
  out << pad << " " << paint("\x1b[1;34m", "|") << " " << lead
      << paint(caretColor, "^" + std::string(len - 1, '~')) << "\n";
}

std::string location(const source::SourceManager& sm, Span span) {
  if (!span.valid()) return {};
  auto lc = sm.lineCol(span.file, span.begin);
  return fmt::format("{}:{}:{}", sm.path(span.file), lc.line, lc.column);
}

}  // namespace

void renderText(std::ostream& out, const source::SourceManager& sm, const Diagnostic& d,
                const TextStyle& style) {
  Painter paint{style.color};
  std::size_t gutter = 1;
  auto widen = [&](Span s) {
    if (s.valid())
      gutter = std::max(gutter, std::to_string(sm.lineCol(s.file, s.begin).line).size());
  };
  widen(d.span);
  for (const auto& r : d.related) widen(r.span);

  std::string where = location(sm, d.span);
  out << (where.empty() ? "" : paint("\x1b[1m", where + ": "))
      << paint(colorOf(d.severity), fmt::format("{}[{}]", severityName(d.severity), d.code()))
      << paint("\x1b[1m", ": " + d.message) << "\n";
  snippet(out, sm, d.span, gutter, paint, colorOf(d.severity));
  for (const auto& r : d.related) {
    out << paint(colorOf(Severity::Note), "note") << ": " << r.message << "\n";
    // A note about the primary location itself (e.g. its citation) needs no second snippet.
    if (r.span.valid() && !(r.span == d.span)) {
      out << std::string(gutter, ' ') << paint("\x1b[1;34m", "-->") << " " << location(sm, r.span)
          << "\n";
      snippet(out, sm, r.span, gutter, paint, colorOf(Severity::Note));
    }
  }
  if (d.witness) out << paint("\x1b[1m", "witness") << ": " << d.witness->text << "\n";
  for (const auto& h : d.help) out << paint("\x1b[1;32m", "help") << ": " << h << "\n";
  out << std::string(gutter, ' ') << " = explain: nomos explain " << d.code() << "\n\n";
}

std::string summaryLine(const DiagnosticEngine& diags) {
  auto plural = [](std::size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  };
  std::size_t e = diags.count(Severity::Error), w = diags.count(Severity::Warning),
              n = diags.count(Severity::Note);
  if (e + w + n == 0) return "no problems found";
  std::vector<std::string> parts;
  if (e) parts.push_back(plural(e, "error"));
  if (w) parts.push_back(plural(w, "warning"));
  if (n) parts.push_back(plural(n, "note"));
  return fmt::format("{}", fmt::join(parts, ", "));
}

nlohmann::json spanJson(const source::SourceManager& sm, Span span) {
  if (!span.valid()) return nullptr;
  auto b = sm.lineCol(span.file, span.begin);
  auto e = sm.lineCol(span.file, span.end);
  return {{"file", sm.path(span.file)},
          {"line", b.line},
          {"column", b.column},
          {"endLine", e.line},
          {"endColumn", e.column},
          {"offset", span.begin},
          {"length", span.end - span.begin}};
}

nlohmann::json diagnosticJson(const source::SourceManager& sm, const Diagnostic& d) {
  nlohmann::json j = {{"code", d.code()},
                      {"severity", severityName(d.severity)},
                      {"message", d.message},
                      {"span", spanJson(sm, d.span)}};
  nlohmann::json related = nlohmann::json::array();
  for (const auto& r : d.related)
    related.push_back({{"message", r.message}, {"span", spanJson(sm, r.span)}});
  j["related"] = std::move(related);
  j["help"] = d.help;
  if (d.witness) {
    j["witness"] = d.witness->json();
    j["witnessText"] = d.witness->text;
  }
  return j;
}

std::string jsonText(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json diagnosticsJson(const source::SourceManager& sm, const DiagnosticEngine& diags) {
  nlohmann::json list = nlohmann::json::array();
  for (const Diagnostic* d : diags.sorted(sm)) list.push_back(diagnosticJson(sm, *d));
  return {{"version", 1},
          {"tool", "nomos"},
          {"diagnostics", std::move(list)},
          {"summary",
           {{"errors", diags.count(Severity::Error)},
            {"warnings", diags.count(Severity::Warning)},
            {"notes", diags.count(Severity::Note)}}}};
}

}  // namespace nomos::diag
