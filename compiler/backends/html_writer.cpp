// HTML pages: self-contained (inline CSS, no scripts, no network), readable on screen with a
// contents sidebar, and printable (@media print drops the navigation and keeps provisions
// whole).
#include <string>

#include <fmt/format.h>

#include "backends/doc_writer.h"

namespace nomos::backends {

namespace {

constexpr std::string_view kStyle = R"css(
:root { --ink: #1d2330; --muted: #5b6475; --line: #dde2ea; --paper: #ffffff; --wash: #f5f7fa;
  --accent: #1f4e8c; --error: #b42318; --warning: #a15c07; --note: #1f6feb; --ok: #1a7f37; }
* { box-sizing: border-box; }
html { font-size: 16px; }
body { margin: 0; color: var(--ink); background: var(--paper);
  font-family: "Source Serif Pro", Georgia, "Times New Roman", serif; line-height: 1.55; }
a { color: var(--accent); }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.86em;
  background: var(--wash); border: 1px solid var(--line); border-radius: 3px; padding: 0 0.25em; }
a.term { color: inherit; text-decoration: underline dotted var(--muted); text-underline-offset: 2px; }
.layout { display: grid; grid-template-columns: 16rem minmax(0, 1fr); gap: 2.5rem;
  max-width: 72rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
nav.toc { position: sticky; top: 1rem; align-self: start; max-height: calc(100vh - 2rem); overflow: auto;
  font-family: system-ui, "DejaVu Sans", Arial, sans-serif; font-size: 0.85rem; border-right: 1px solid var(--line);
  padding-right: 1rem; }
nav.toc h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 0 0 0.5rem; }
nav.toc ol { list-style: none; padding-left: 0; margin: 0; }
nav.toc ol ol { padding-left: 0.9rem; margin-bottom: 0.3rem; }
nav.toc li { margin: 0.15rem 0; }
nav.toc a { color: var(--ink); text-decoration: none; }
nav.toc a:hover { color: var(--accent); text-decoration: underline; }
nav.pages { font-family: system-ui, "DejaVu Sans", Arial, sans-serif; font-size: 0.85rem; margin-bottom: 1.5rem;
  display: flex; flex-wrap: wrap; gap: 0.4rem; }
nav.pages a { padding: 0.15rem 0.6rem; border: 1px solid var(--line); border-radius: 999px; text-decoration: none; }
nav.pages a[aria-current] { background: var(--accent); border-color: var(--accent); color: #fff; }
header { border-bottom: 2px solid var(--ink); padding-bottom: 1rem; margin-bottom: 1.5rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 0.3rem; }
.subtitle { font-size: 1.15rem; color: var(--muted); margin: 0 0 1rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1.2rem; margin: 0;
  font-family: system-ui, "DejaVu Sans", Arial, sans-serif; font-size: 0.9rem; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
h2 { font-size: 1.45rem; margin: 2.2rem 0 0.8rem; border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; }
h3 { font-size: 1.15rem; margin: 1.6rem 0 0.5rem; }
h4 { font-size: 1.05rem; margin: 1.4rem 0 0.4rem; }
a.self { color: var(--line); text-decoration: none; margin-left: 0.3rem; font-weight: normal; }
h3:hover a.self, h4:hover a.self { color: var(--muted); }
section.provision { border-left: 3px solid var(--line); padding: 0.1rem 0 0.3rem 1rem; margin: 1.4rem 0; }
section.provision:target, div.finding:target { background: #fff8e1; }
.num { color: var(--muted); font-weight: normal; margin-right: 0.3rem; }
p.rule { font-size: 1.06rem; margin: 0.4rem 0; }
.badge { display: inline-block; font-family: system-ui, "DejaVu Sans", Arial, sans-serif; font-size: 0.72rem;
  font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; border-radius: 3px; padding: 0.05rem 0.4rem;
  margin-right: 0.4rem; vertical-align: 0.1em; color: #fff; }
.badge.must { background: var(--accent); } .badge.must-not { background: var(--error); }
.badge.may { background: var(--ok); } .badge.need-not { background: var(--muted); }
blockquote.verbatim { margin: 0.6rem 0; padding: 0.5rem 0.9rem; background: var(--wash); border-radius: 4px;
  white-space: pre-line; font-style: italic; color: #333a48; }
p.cite { margin: 0.3rem 0; font-family: system-ui, "DejaVu Sans", Arial, sans-serif; font-size: 0.85rem; color: var(--muted); }
p.note, p.see { margin: 0.3rem 0; font-size: 0.92rem; }
p.see a.error { color: var(--error); } p.see a.warning { color: var(--warning); } p.see a.note { color: var(--note); }
div.finding { border: 1px solid var(--line); border-left-width: 4px; border-radius: 4px; padding: 0.6rem 0.9rem;
  margin: 0.9rem 0; }
div.finding.error { border-left-color: var(--error); } div.finding.warning { border-left-color: var(--warning); }
div.finding.note { border-left-color: var(--note); }
div.finding p { margin: 0.3rem 0; }
p.finding-head { font-family: system-ui, "DejaVu Sans", Arial, sans-serif; font-size: 0.85rem; font-weight: 600; }
.sev { text-transform: uppercase; letter-spacing: 0.04em; }
div.finding.error .sev { color: var(--error); } div.finding.warning .sev { color: var(--warning); }
div.finding.note .sev { color: var(--note); }
p.witness { font-size: 0.95rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; margin: 0.6rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--line); }
th { font-family: system-ui, "DejaVu Sans", Arial, sans-serif; font-size: 0.8rem; color: var(--muted);
  text-transform: uppercase; letter-spacing: 0.04em; }
dl.glossary dt { font-weight: 600; margin-top: 0.7rem; }
dl.glossary dd { margin: 0.1rem 0 0 1.2rem; }
footer { margin-top: 3rem; border-top: 1px solid var(--line); padding-top: 0.6rem; font-size: 0.8rem; color: var(--muted); }
@media (max-width: 56rem) {
  .layout { display: block; }
  nav.toc { position: static; max-height: none; border-right: none; border-bottom: 1px solid var(--line);
    padding: 0 0 1rem; margin-bottom: 1.5rem; }
}
@media print {
  html { font-size: 11pt; }
  .layout { display: block; max-width: none; padding: 0; }
  nav.pages, a.self { display: none; }
  nav.toc { position: static; max-height: none; overflow: visible; border: none; padding: 0; margin-bottom: 1.5rem; }
  a, a.term { color: inherit; text-decoration: none; }
  .badge, div.finding { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section.provision, div.finding, tr, dl.glossary dt { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  section.provision:target, div.finding:target { background: none; }
}
)css";

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string render(const Phrase& p) {
  std::string out;
  for (const auto& piece : p.pieces()) {
    std::string inner = piece.code ? "<code>" + esc(piece.text) + "</code>" : esc(piece.text);
    std::string tip = piece.tip.empty() ? "" : fmt::format(" title=\"{}\"", esc(piece.tip));
    if (!piece.href.empty()) {
      // Links into the glossary read as text with a dotted underline; others as links.
      bool term = piece.href.find("#term-") != std::string::npos;
      inner = fmt::format("<a{} href=\"{}\"{}>{}</a>", term ? " class=\"term\"" : "",
                          esc(piece.href), tip, inner);
    } else if (!tip.empty()) {
      inner = fmt::format("<abbr{}>{}</abbr>", tip, inner);
    }
    if (!piece.id.empty()) inner = fmt::format("<span id=\"{}\">{}</span>", esc(piece.id), inner);
    out += inner;
  }
  return out;
}

std::string modalityClass(model::Modality m) {
  switch (m) {
    case model::Modality::Must:
      return "must";
    case model::Modality::MustNot:
      return "must-not";
    case model::Modality::May:
      return "may";
    case model::Modality::NeedNot:
      return "need-not";
  }
  return "must";
}

class HtmlWriter final : public DocWriter {
 public:
  HtmlWriter(std::string title, std::string generator)
      : title_(std::move(title)), generator_(std::move(generator)) {}

  void navigation(const std::vector<NavLink>& links) override {
    if (links.empty()) return;
    nav_ = "<nav class=\"pages\" aria-label=\"Pages\">";
    for (const auto& l : links) {
      nav_ += fmt::format("<a href=\"{}\"{}>{}</a>", esc(l.href),
                          l.current ? " aria-current=\"page\"" : "", esc(l.text));
    }
    nav_ += "</nav>\n";
  }

  void header(std::string_view title, const Phrase& subtitle,
              const std::vector<std::pair<std::string, Phrase>>& meta) override {
    head_ += fmt::format("<header>\n<h1>{}</h1>\n", esc(title));
    if (!subtitle.empty()) head_ += fmt::format("<p class=\"subtitle\">{}</p>\n", render(subtitle));
    if (!meta.empty()) head_ += metaList(meta);
    head_ += "</header>\n";
  }

  void heading(int level, std::string_view text, std::string_view id) override {
    body_ += fmt::format(
        "<h{0} id=\"{1}\">{2}<a class=\"self\" href=\"#{1}\" aria-label=\"Link to this "
        "section\">#</a></h{0}>\n",
        level, esc(id), esc(text));
    if (level <= 3) toc_.push_back({level, std::string(text), std::string(id)});
  }

  void paragraph(const Phrase& text) override { body_ += "<p>" + render(text) + "</p>\n"; }

  void facts(const std::vector<std::pair<std::string, Phrase>>& rows) override {
    body_ += metaList(rows);
  }

  void bullets(const std::vector<Phrase>& items) override {
    body_ += "<ul>\n";
    for (const auto& i : items) body_ += "<li>" + render(i) + "</li>\n";
    body_ += "</ul>\n";
  }

  void table(const std::vector<std::string>& head,
             const std::vector<std::vector<Phrase>>& rows) override {
    body_ += "<table>\n<thead><tr>";
    for (const auto& h : head) body_ += "<th scope=\"col\">" + esc(h) + "</th>";
    body_ += "</tr></thead>\n<tbody>\n";
    for (const auto& row : rows) {
      body_ += "<tr>";
      for (const auto& cell : row) body_ += "<td>" + render(cell) + "</td>";
      body_ += "</tr>\n";
    }
    body_ += "</tbody>\n</table>\n";
  }

  void provision(const ProvisionView& p) override {
    std::string label = p.title.empty() ? p.name : p.title;
    body_ += fmt::format("<section class=\"provision\" id=\"{}\">\n", esc(p.id));
    body_ += fmt::format(
        "<h{0}><span class=\"num\">§&#8239;{1}</span>{2}<a class=\"self\" href=\"#{3}\" "
        "aria-label=\"Link to this provision\">#</a></h{0}>\n",
        p.level, p.number, esc(label), esc(p.id));
    if (p.level <= 3) toc_.push_back({p.level, fmt::format("§ {} {}", p.number, label), p.id});
    body_ += fmt::format("<p class=\"rule\"><span class=\"badge {}\">{}</span>{}</p>\n",
                         modalityClass(p.modality), esc(model::modalityText(p.modality)),
                         render(p.sentence));
    if (!p.verbatim.empty())
      body_ += "<blockquote class=\"verbatim\">" + esc(p.verbatim) + "</blockquote>\n";
    std::string cite = p.citation.empty() ? "No citation" : esc(p.citation);
    body_ += fmt::format("<p class=\"cite\">{} · <code>{}</code></p>\n", cite, esc(p.name));
    for (const auto& n : p.notes) body_ += "<p class=\"note\">" + render(n) + "</p>\n";
    if (!p.findings.empty()) {
      body_ += "<p class=\"see\">Findings: ";
      for (std::size_t i = 0; i < p.findings.size(); ++i) {
        const auto& f = p.findings[i];
        body_ += fmt::format("{}<a class=\"{}\" href=\"{}\">{}</a>", i ? "; " : "", esc(f.severity),
                             esc(f.href), esc(f.label));
      }
      body_ += "</p>\n";
    }
    body_ += "</section>\n";
  }

  void finding(const FindingView& f) override {
    body_ += fmt::format("<div class=\"finding {}\" id=\"{}\">\n", esc(f.severity), esc(f.id));
    body_ += fmt::format(
        "<p class=\"finding-head\"><span class=\"sev\">{}</span> · {}{} · <code>{}</code></p>\n",
        esc(f.severity), esc(f.kind), f.resolved ? " (resolved)" : "", esc(f.code));
    body_ += "<p>" + render(f.summary) + "</p>\n";
    if (!f.resolution.empty()) body_ += "<p>" + render(f.resolution) + "</p>\n";
    if (!f.witness.empty()) {
      body_ += "<p class=\"witness\"><strong>Example situation:</strong> " + render(f.witness) +
               "</p>\n";
    }
    body_ += "</div>\n";
  }

  void glossary(const std::vector<GlossaryGroup>& groups) override {
    for (const auto& g : groups) {
      if (g.entries.empty()) continue;
      body_ += "<h4>" + esc(g.title) + "</h4>\n<dl class=\"glossary\">\n";
      for (const auto& e : g.entries) {
        body_ += fmt::format("<dt id=\"{}\">{}", esc(e.id), esc(e.term));
        if (e.name != e.term) body_ += fmt::format(" <code>{}</code>", esc(e.name));
        body_ += "</dt>\n<dd>" + render(e.description) + "</dd>\n";
      }
      body_ += "</dl>\n";
    }
  }

  std::string finish() override {
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += fmt::format("<meta name=\"generator\" content=\"{}\">\n<title>{}</title>\n",
                       esc(generator_), esc(title_));
    out += "<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n<div class=\"layout\">\n";
    out +=
        "<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n" + tocList() + "</nav>\n";
    out += "<main>\n" + nav_ + head_ + body_;
    out += fmt::format(
        "<footer>Generated by {} from the rule files; edit those, not this page.</footer>\n",
        esc(generator_));
    out += "</main>\n</div>\n</body>\n</html>\n";
    return out;
  }

 private:
  struct TocEntry {
    int level;
    std::string text;
    std::string id;
  };

  static std::string metaList(const std::vector<std::pair<std::string, Phrase>>& rows) {
    std::string out = "<dl class=\"meta\">\n";
    for (const auto& [label, value] : rows)
      out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", esc(label), render(value));
    return out + "</dl>\n";
  }

  std::string tocList() const {
    std::string out = "<ol>\n";
    bool open = false;  // a nested list of level-3 entries is open
    for (std::size_t i = 0; i < toc_.size(); ++i) {
      const auto& e = toc_[i];
      if (e.level == 2) {
        if (open) out += "</ol>\n";
        if (i > 0) out += "</li>\n";
        open = false;
        out += fmt::format("<li><a href=\"#{}\">{}</a>", esc(e.id), esc(e.text));
      } else {
        if (!open) out += "\n<ol>\n";
        open = true;
        out += fmt::format("<li><a href=\"#{}\">{}</a></li>\n", esc(e.id), esc(e.text));
      }
    }
    if (open) out += "</ol>\n";
    if (!toc_.empty()) out += "</li>\n";
    return out + "</ol>\n";
  }

  std::string title_, generator_;
  std::string nav_, head_, body_;
  std::vector<TocEntry> toc_;
};

}  // namespace

std::unique_ptr<DocWriter> makeHtmlWriter(std::string pageTitle, std::string generator) {
  return std::make_unique<HtmlWriter>(std::move(pageTitle), std::move(generator));
}

}  // namespace nomos::backends
