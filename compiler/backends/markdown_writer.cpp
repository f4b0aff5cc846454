// Markdown pages (CommonMark with GitHub's tables): the same content as the HTML pages.
// Anchors are inline `<a id>` elements, so links such as `pipl.md#pipl_41` resolve on any
// renderer that keeps them.
#include <cctype>
#include <string>

#include <fmt/format.h>

#include "backends/doc_writer.h"

namespace nomos::backends {

namespace {

bool isWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

/// Escapes what Markdown would read as markup. An underscore inside a word is left alone:
/// CommonMark never reads it as emphasis, and names like pipl_41 stay legible.
std::string esc(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
        out += '\\';
        out += c;
        break;
      case '_': {
        bool inner = i > 0 && i + 1 < s.size() && isWordChar(s[i - 1]) && isWordChar(s[i + 1]);
        if (!inner) out += '\\';
        out += c;
        break;
      }
      case '\n':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

/// Escapes a line's start where Markdown would see a heading, list or block quote.
std::string escLine(std::string_view line) {
  std::string out = esc(line);
  std::size_t i = 0;
  while (i < out.size() && out[i] == ' ') ++i;
  if (i < out.size() && (out[i] == '#' || out[i] == '-' || out[i] == '+' || out[i] == '=')) {
    out.insert(i, "\\");
  } else {
    std::size_t j = i;
    while (j < out.size() && std::isdigit(static_cast<unsigned char>(out[j]))) ++j;
    if (j > i && j < out.size() && (out[j] == '.' || out[j] == ')')) out.insert(j, "\\");
  }
  return out;
}

std::string linkTitle(std::string_view tip) {
  if (tip.empty()) return {};
  std::string t;
  for (char c : tip) {
    if (c == '"' || c == '\\') t += '\\';
    t += c;
  }
  return fmt::format(" \"{}\"", t);
}

std::string render(const Phrase& p) {
  std::string out;
  for (const auto& piece : p.pieces()) {
    if (!piece.id.empty()) out += fmt::format("<a id=\"{}\"></a>", piece.id);
    std::string inner = piece.code ? "`" + piece.text + "`" : esc(piece.text);
    if (!piece.href.empty())
      inner = fmt::format("[{}]({}{})", inner, piece.href, linkTitle(piece.tip));
    out += inner;
  }
  return out;
}

class MarkdownWriter final : public DocWriter {
 public:
  explicit MarkdownWriter(std::string generator) : generator_(std::move(generator)) {}

  void navigation(const std::vector<NavLink>& links) override {
    if (links.empty()) return;
    std::string line = "Pages:";
    for (std::size_t i = 0; i < links.size(); ++i) {
      const auto& l = links[i];
      line += i ? " · " : " ";
      line += l.current ? "**" + esc(l.text) + "**" : fmt::format("[{}]({})", esc(l.text), l.href);
    }
    nav_ = line + "\n\n";
  }

  void header(std::string_view title, const Phrase& subtitle,
              const std::vector<std::pair<std::string, Phrase>>& meta) override {
    head_ += "# " + esc(title) + "\n\n";
    if (!subtitle.empty()) head_ += "*" + render(subtitle) + "*\n\n";
    head_ += metaList(meta);
  }

  void heading(int level, std::string_view text, std::string_view id) override {
    body_ += fmt::format("{} <a id=\"{}\"></a>{}\n\n",
                         std::string(static_cast<std::size_t>(level), '#'), id, esc(text));
    if (level <= 3) toc_.push_back({level, std::string(text), std::string(id)});
  }

  void paragraph(const Phrase& text) override { body_ += render(text) + "\n\n"; }

  void facts(const std::vector<std::pair<std::string, Phrase>>& rows) override {
    body_ += metaList(rows);
  }

  void bullets(const std::vector<Phrase>& items) override {
    for (const auto& i : items) body_ += "- " + render(i) + "\n";
    if (!items.empty()) body_ += "\n";
  }

  void table(const std::vector<std::string>& head,
             const std::vector<std::vector<Phrase>>& rows) override {
    body_ += "|";
    for (const auto& h : head) body_ += " " + esc(h) + " |";
    body_ += "\n|";
    for (std::size_t i = 0; i < head.size(); ++i) body_ += " --- |";
    body_ += "\n";
    for (const auto& row : rows) {
      body_ += "|";
      for (const auto& cell : row) {
        std::string text = render(cell);
        body_ += " " + (text.empty() ? std::string("—") : text) + " |";
      }
      body_ += "\n";
    }
    body_ += "\n";
  }

  void provision(const ProvisionView& p) override {
    std::string label = p.title.empty() ? p.name : p.title;
    body_ += fmt::format("{} <a id=\"{}\"></a>§ {}. {}\n\n",
                         std::string(static_cast<std::size_t>(p.level), '#'), p.id, p.number,
                         esc(label));
    if (p.level <= 3) toc_.push_back({p.level, fmt::format("§ {}. {}", p.number, label), p.id});
    body_ += render(p.sentence) + "\n\n";
    if (!p.verbatim.empty()) {
      std::string_view text = p.verbatim;
      std::string quoted;
      while (!text.empty()) {
        auto nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        quoted += "> " + escLine(line);
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
        // A backslash at the end of a line is a hard line break: the legal text keeps its lines.
        quoted += text.empty() ? "\n" : "\\\n";
      }
      body_ += quoted + "\n";
    }
    body_ += fmt::format("{} · `{}`\n\n",
                         p.citation.empty() ? "No citation" : "*" + esc(p.citation) + "*", p.name);
    for (const auto& n : p.notes) body_ += render(n) + "\n\n";
    if (!p.findings.empty()) {
      body_ += "Findings: ";
      for (std::size_t i = 0; i < p.findings.size(); ++i) {
        body_ +=
            fmt::format("{}[{}]({})", i ? "; " : "", esc(p.findings[i].label), p.findings[i].href);
      }
      body_ += "\n\n";
    }
  }

  void finding(const FindingView& f) override {
    std::string sev = f.severity;
    if (!sev.empty()) sev[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sev[0])));
    body_ += fmt::format("- <a id=\"{}\"></a>**{} · {}{}** (`{}`): {}", f.id, sev, esc(f.kind),
                         f.resolved ? " (resolved)" : "", f.code, render(f.summary));
    if (!f.resolution.empty()) body_ += " " + render(f.resolution);
    body_ += "\n\n";
    // Indented under the item: a second paragraph of the same finding.
    if (!f.witness.empty()) body_ += "  *Example situation:* " + render(f.witness) + "\n\n";
  }

  void glossary(const std::vector<GlossaryGroup>& groups) override {
    for (const auto& g : groups) {
      if (g.entries.empty()) continue;
      body_ += "#### " + esc(g.title) + "\n\n";
      for (const auto& e : g.entries) {
        body_ += fmt::format("- <a id=\"{}\"></a>**{}**", e.id, esc(e.term));
        if (e.name != e.term) body_ += fmt::format(" (`{}`)", e.name);
        body_ += ": " + render(e.description) + "\n";
      }
      body_ += "\n";
    }
  }

  std::string finish() override {
    std::string out = nav_ + head_;
    if (!toc_.empty()) {
      out += "**Contents**\n\n";
      for (const auto& e : toc_) {
        out += fmt::format("{}- [{}](#{})\n", e.level == 2 ? "" : "  ", esc(e.text), e.id);
      }
      out += "\n";
    }
    out += body_;
    while (out.ends_with("\n\n")) out.pop_back();
    out +=
        fmt::format("\n---\n\n*Generated by {} from the rule files; edit those, not this page.*\n",
                    esc(generator_));
    return out;
  }

 private:
  struct TocEntry {
    int level;
    std::string text;
    std::string id;
  };

  static std::string metaList(const std::vector<std::pair<std::string, Phrase>>& rows) {
    if (rows.empty()) return {};
    std::string out;
    for (const auto& [label, value] : rows)
      out += fmt::format("- **{}:** {}\n", esc(label), render(value));
    return out + "\n";
  }

  std::string generator_;
  std::string nav_, head_, body_;
  std::vector<TocEntry> toc_;
};

}  // namespace

std::unique_ptr<DocWriter> makeMarkdownWriter(std::string generator) {
  return std::make_unique<MarkdownWriter>(std::move(generator));
}

}  // namespace nomos::backends
